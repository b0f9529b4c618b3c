/*!
Ranking: one weighted PageRank ([`pagerank`]) over two graphs, words (`keywords`) and sentences
(`sentences`). Both graphs are undirected and sparse (adjacency lists), both use a prior
(personalisation) vector, and both are iterated to convergence instead of a fixed number of
rounds (jieba-rs runs exactly 20).

Hands to `summary`: scored keywords, keyphrases and sentences.
*/

pub(crate) mod keywords;
pub(crate) mod sentences;

/// Damping factor: the probability of following an edge rather than jumping by the prior.
/// 0.85 is the value of the PageRank and TextRank papers; the dev sets showed no gain from
/// others.
pub const DAMPING: f64 = 0.85;
/// Iteration stops when the L1 change of the score vector falls below this.
pub const TOLERANCE: f64 = 1e-7;
/// Iteration stops after this many rounds even without convergence (typical graphs converge
/// in 20–60 rounds).
pub const MAX_ITER: usize = 200;

/// Weighted PageRank with a personalisation prior.
///
/// `adj[i]` lists `(j, w)` edges with `w > 0`; the graph must be symmetric for the usual
/// TextRank reading, but the function does not require it. `prior` need not be normalised; a
/// node without edges keeps only its prior share, and the mass of such dangling nodes flows
/// back by the prior so the scores stay a distribution. Returns scores that sum to 1.
/// Deterministic: no hashing, fixed iteration order.
pub fn pagerank(adj: &[Vec<(u32, f32)>], prior: &[f64]) -> Vec<f64> {
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    let psum: f64 = prior.iter().sum();
    let p: Vec<f64> = if psum > 0.0 {
        prior.iter().map(|x| x / psum).collect()
    } else {
        vec![1.0 / n as f64; n]
    };
    let out_w: Vec<f64> = adj
        .iter()
        .map(|e| e.iter().map(|&(_, w)| w as f64).sum())
        .collect();
    let mut r = p.clone();
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITER {
        let mut dangling = 0.0;
        for (i, ri) in r.iter().enumerate() {
            if out_w[i] == 0.0 {
                dangling += ri;
            }
        }
        for (i, x) in next.iter_mut().enumerate() {
            *x = (1.0 - DAMPING + DAMPING * dangling) * p[i];
        }
        for (j, edges) in adj.iter().enumerate() {
            if out_w[j] == 0.0 {
                continue;
            }
            let share = DAMPING * r[j] / out_w[j];
            for &(i, w) in edges {
                next[i as usize] += share * w as f64;
            }
        }
        let delta: f64 = r.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut r, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    r
}

/// Divides by the maximum so the best item has weight 1 (all zeros stay zeros).
pub(crate) fn normalize_max(v: &mut [f64]) {
    let max = v.iter().cloned().fold(0.0, f64::max);
    if max > 0.0 {
        v.iter_mut().for_each(|x| *x /= max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_center_wins_and_scores_sum_to_one() {
        // 0 is linked to 1, 2, 3; 4 is isolated.
        let adj = vec![
            vec![(1, 1.0), (2, 1.0), (3, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
            vec![],
        ];
        let r = pagerank(&adj, &[1.0; 5]);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(r[0] > r[1] && r[1] > r[4] * 0.99, "help: {r:?}");
        assert!((r[1] - r[2]).abs() < 1e-12);
    }

    #[test]
    fn prior_tilts_the_ranking() {
        let adj = vec![vec![(1, 1.0)], vec![(0, 1.0), (2, 1.0)], vec![(1, 1.0)]];
        let r = pagerank(&adj, &[5.0, 1.0, 1.0]);
        assert!(r[0] > r[2]);
        assert!(pagerank(&[], &[]).is_empty());
    }
}
