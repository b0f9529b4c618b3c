//! Sentence scores by TextRank over a similarity graph, with position and title priors.
//!
//! Similarity of two sentences is the BM25-IDF-weighted count of the content words they share,
//! divided by the log lengths (the TextRank paper's normalisation, so long sentences do not win
//! by length alone). Pairs are found through an inverted index, and two bounds keep the work
//! linear in the document's length (a 10 MB report has ~60,000 sentences, and all-pairs
//! similarity over words like "疫情" would be quadratic):
//! - through one word, a sentence links only to the next [`POSTING_WINDOW`] sentences that
//!   contain it (exact for words in at most that many sentences, so for every ordinary
//!   document);
//! - a sentence keeps its [`MAX_NEIGHBOURS`] strongest links to later sentences (links from
//!   earlier sentences come on top).
//!
//! The prior prefers the lead (news and official documents state their point first) and
//! sentences that share words with the title.

use std::collections::HashMap;

use super::{normalize_max, pagerank};
use crate::script::is_han;
use crate::segment::Token;
use crate::stopwords::is_stop_word;

/// Through one word, a sentence links to at most this many following sentences with it.
pub const POSTING_WINDOW: usize = 100;
/// A sentence keeps at most this many links to later sentences, the strongest.
pub const MAX_NEIGHBOURS: usize = 50;

/// Weight of the lead prior at the first sentence; it decays by `exp(-i / LEAD_SPAN)`.
pub const LEAD: f64 = 1.0;
/// How many sentences the lead prior takes to fall to 1/e.
pub const LEAD_SPAN: f64 = 3.0;
/// Weight of the title prior for a sentence that contains every title word.
pub const TITLE: f64 = 1.0;

/// Whether a token is a content word for similarity.
fn is_term(t: &Token<'_>) -> bool {
    if is_stop_word(t.key) || t.pos == "m" || t.pos == "x" && !t.key.chars().all(is_han) {
        return false;
    }
    let chars = t.key.chars().count();
    t.key.chars().any(|c| is_han(c) || c.is_alphanumeric())
        && (chars >= 2 || t.pos.starts_with('n'))
}

/// Scores each sentence in 0..1 (the best is 1.0); sentences with `eligible[i] == false` score
/// 0 and take no part in the graph.
pub(crate) fn rank(
    sentences: &[Vec<Token<'_>>],
    eligible: &[bool],
    title: &[Token<'_>],
) -> Vec<f64> {
    let mut term_ids: HashMap<&str, u32> = HashMap::new();
    let mut nodes: Vec<usize> = Vec::new(); // graph node → sentence index
    let mut bags: Vec<Vec<(u32, u32)>> = Vec::new(); // per node: (term, tf), sorted by term
    for (i, toks) in sentences.iter().enumerate() {
        if !eligible[i] {
            continue;
        }
        let mut bag: Vec<(u32, u32)> = Vec::new();
        for t in toks.iter().filter(|t| is_term(t)) {
            let next = term_ids.len() as u32;
            let id = *term_ids.entry(t.key).or_insert(next);
            match bag.iter_mut().find(|e| e.0 == id) {
                Some(e) => e.1 += 1,
                None => bag.push((id, 1)),
            }
        }
        bag.sort_unstable();
        nodes.push(i);
        bags.push(bag);
    }
    let n = nodes.len();
    let mut scores = vec![0.0; sentences.len()];
    if n == 0 {
        return scores;
    }
    // postings[t]: nodes containing term t, in document order; at[node][k]: the position of
    // that node in the postings of its k-th term.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); term_ids.len()];
    let mut at: Vec<Vec<u32>> = Vec::with_capacity(n);
    for (node, bag) in bags.iter().enumerate() {
        at.push(
            bag.iter()
                .map(|&(t, _)| {
                    postings[t as usize].push(node as u32);
                    (postings[t as usize].len() - 1) as u32
                })
                .collect(),
        );
    }
    let idf: Vec<f64> = postings
        .iter()
        .map(|p| {
            let df = p.len() as f64;
            (1.0 + (n as f64 - df + 0.5) / (df + 0.5)).ln()
        })
        .collect();
    let len: Vec<f64> = bags
        .iter()
        .map(|b| (1.0 + b.iter().map(|e| e.1 as f64).sum::<f64>()).ln())
        .collect();
    let mut adj: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut acc = vec![0.0f64; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut forward: Vec<(u32, f32)> = Vec::new();
    for a in 0..n {
        for (k, &(t, tf_a)) in bags[a].iter().enumerate() {
            let post = &postings[t as usize];
            let from = at[a][k] as usize + 1;
            for &b in &post[from..post.len().min(from + POSTING_WINDOW)] {
                let bag_b = &bags[b as usize];
                let tf_b = bag_b
                    .binary_search_by_key(&t, |e| e.0)
                    .map_or(0, |i| bag_b[i].1);
                if acc[b as usize] == 0.0 {
                    touched.push(b);
                }
                acc[b as usize] += tf_a.min(tf_b) as f64 * idf[t as usize];
            }
        }
        forward.clear();
        for &b in &touched {
            let norm = len[a] + len[b as usize];
            let w = if norm > 0.0 {
                acc[b as usize] / norm
            } else {
                0.0
            };
            if w > 0.0 {
                forward.push((b, w as f32));
            }
            acc[b as usize] = 0.0;
        }
        touched.clear();
        if forward.len() > MAX_NEIGHBOURS {
            // Strongest first; ties to the nearer sentence, so the cut is deterministic.
            forward.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            forward.truncate(MAX_NEIGHBOURS);
        }
        forward.sort_unstable_by_key(|e| e.0);
        for &(b, w) in &forward {
            adj[a].push((b, w));
            adj[b as usize].push((a as u32, w));
        }
    }
    let title_terms: Vec<u32> = {
        let mut v: Vec<u32> = title
            .iter()
            .filter(|t| is_term(t))
            .filter_map(|t| term_ids.get(t.key).copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let prior: Vec<f64> = (0..n)
        .map(|node| {
            let lead = LEAD * (-(node as f64) / LEAD_SPAN).exp();
            let covered = title_terms
                .iter()
                .filter(|t| bags[node].binary_search_by_key(*t, |e| e.0).is_ok())
                .count();
            let title = if title_terms.is_empty() {
                0.0
            } else {
                TITLE * covered as f64 / title_terms.len() as f64
            };
            1.0 + lead + title
        })
        .collect();
    let mut r = pagerank(&adj, &prior);
    normalize_max(&mut r);
    for (node, &i) in nodes.iter().enumerate() {
        scores[i] = r[node];
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn central_sentence_wins_ineligible_scores_zero() {
        let s = [
            "今天天气很好。",
            "兰州新区疫情防控取得阶段性成效，企业复工复产有序推进。",
            "新区企业复工复产，疫情防控措施落实到位。",
            "兰州新区疫情防控措施有力。",
            "版权所有。",
        ];
        let toks: Vec<_> = s.iter().map(|x| segment(x)).collect();
        let r = rank(&toks, &[true, true, true, true, false], &[]);
        assert_eq!(r[4], 0.0);
        assert_eq!(r.iter().cloned().fold(0.0, f64::max), 1.0);
        assert!(r[1] > r[0], "help: {r:?}");
    }
}
