//! Keywords by TextRank over word co-occurrence, with an IDF prior.
//!
//! Candidates are nouns (and names, places, organisations), verbal and adjectival nouns,
//! abbreviations, English words and the unknown words jieba's HMM discovers (new names and
//! terms), of at least two characters and not stop words. Two candidates are linked when they
//! stand within [`WINDOW`] candidates of each other in one sentence; edge weight counts how
//! often. The prior of a word is its frequency in the document times its IDF from the
//! dictionary, so frequent but generic words ("发展", "情况") lose to specific ones.

use std::collections::HashMap;

use serde::Serialize;

use super::{normalize_max, pagerank};
use crate::script::is_han;
use crate::segment::{idf, Token};
use crate::stopwords::is_stop_word;

/// Co-occurrence window, in candidate words: each word links to the next `WINDOW - 1`.
/// 5 as in the TextRank paper and jieba.
pub const WINDOW: usize = 5;

/// A keyword and its weight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    /// The word, as first written in the document.
    pub text: String,
    /// Importance, normalised so the first keyword has 1.0.
    pub weight: f64,
    /// The jieba part-of-speech tag it carried most often (`x` for unknown words), or `phrase`
    /// for a keyphrase of several words.
    pub pos: &'static str,
    /// The form the word was analysed in (Simplified for a Traditional document): the identity
    /// used to merge its occurrences and to compare keywords.
    #[serde(skip)]
    pub(crate) key: String,
}

/// A multi-word phrase made of adjacent keywords.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyphrase {
    /// The phrase as first written in the text.
    pub text: String,
    /// Importance, normalised so the first keyphrase has 1.0.
    pub weight: f64,
    /// The analysed form (see [`Keyword`]).
    #[serde(skip)]
    pub(crate) key: String,
}

/// Whether a token may be a keyword.
pub(crate) fn is_candidate(t: &Token<'_>) -> bool {
    let ok_pos = matches!(
        t.pos,
        "n" | "nr" | "nrfg" | "nrt" | "ns" | "nt" | "nz" | "vn" | "an" | "j" | "eng" | "x" | "l"
    );
    if !ok_pos || is_stop_word(t.key) {
        return false;
    }
    let chars = t.key.chars().count();
    let han = t.key.chars().filter(|c| is_han(*c)).count();
    if t.pos == "eng" {
        return chars >= 2 && t.key.chars().any(|c| c.is_ascii_alphabetic());
    }
    // Unknown words must be Chinese words, not punctuation or numbers.
    chars >= 2 && han == chars
}

struct Node {
    /// The first occurrence as written, and the analysed form.
    text: String,
    key: String,
    tf: usize,
    /// Count per tag, in first-seen order.
    tags: Vec<(&'static str, usize)>,
}

/// Ranks the keywords of a document given the tokens of each sentence and of the title.
/// Returns all candidates worth listing, best first (ties: first occurrence first).
pub(crate) fn rank(
    sentences: &[Vec<Token<'_>>],
    title: &[Token<'_>],
) -> (Vec<Keyword>, Vec<Vec<u32>>) {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    // Per sentence, the candidate ids in order (u32::MAX for non-candidates, to find
    // adjacent pairs for keyphrases).
    let mut seqs: Vec<Vec<u32>> = Vec::with_capacity(sentences.len());
    for toks in sentences {
        let mut seq = Vec::with_capacity(toks.len());
        for t in toks {
            if !is_candidate(t) {
                if !t.text.trim().is_empty() {
                    seq.push(u32::MAX);
                }
                continue;
            }
            let id = *ids.entry(t.key).or_insert_with(|| {
                nodes.push(Node {
                    text: t.text.to_string(),
                    key: t.key.to_string(),
                    tf: 0,
                    tags: Vec::new(),
                });
                (nodes.len() - 1) as u32
            });
            let node = &mut nodes[id as usize];
            node.tf += 1;
            match node.tags.iter_mut().find(|(p, _)| *p == t.pos) {
                Some(e) => e.1 += 1,
                None => node.tags.push((t.pos, 1)),
            }
            seq.push(id);
        }
        seqs.push(seq);
    }
    let n = nodes.len();
    let mut adj: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut add = |a: u32, b: u32| {
        for (x, y) in [(a, b), (b, a)] {
            let list = &mut adj[x as usize];
            match list.iter_mut().find(|e| e.0 == y) {
                Some(e) => e.1 += 1.0,
                None => list.push((y, 1.0)),
            }
        }
    };
    for seq in &seqs {
        let cands: Vec<u32> = seq.iter().copied().filter(|&i| i != u32::MAX).collect();
        for i in 0..cands.len() {
            for j in i + 1..cands.len().min(i + WINDOW) {
                if cands[i] != cands[j] {
                    add(cands[i], cands[j]);
                }
            }
        }
    }
    // An unknown word (only ever tagged `x`) seen once is usually segmentation debris
    // ("數已" from "志工人數已超過"): it stays in the graph, passing on what links it has, but
    // gets no prior and is never listed. Keyword dev set F1@5: 18.48 → 18.87.
    let debris = |nd: &Node| nd.tf < 2 && nd.tags.iter().all(|t| t.0 == "x");
    let title_words: Vec<&str> = title.iter().map(|t| t.key).collect();
    let prior: Vec<f64> = nodes
        .iter()
        .map(|nd| {
            let boost = if title_words.contains(&nd.key.as_str()) {
                2.0
            } else {
                1.0
            };
            if debris(nd) {
                0.0
            } else {
                nd.tf as f64 * idf(&nd.key) * boost
            }
        })
        .collect();
    let mut score = pagerank(&adj, &prior);
    normalize_max(&mut score);
    let mut order: Vec<usize> = (0..n).filter(|&i| !debris(&nodes[i])).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    let keywords = order
        .into_iter()
        .map(|i| Keyword {
            text: nodes[i].text.clone(),
            key: nodes[i].key.clone(),
            weight: score[i],
            pos: nodes[i]
                .tags
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map_or("x", |t| t.0),
        })
        .collect();
    (keywords, seqs)
}

/// Keyphrases: sequences of two or three adjacent candidates, each among the top `pool`
/// keywords, that occur at least twice. A pair that only ever occurs inside one longer phrase
/// gives way to it. Weight: the mean weight of the words times the square root of the
/// occurrences, normalised to 0..1.
pub(crate) fn phrases(
    keywords: &[Keyword],
    seqs: &[Vec<u32>],
    words: &[Vec<Token<'_>>],
    pool: usize,
) -> Vec<Keyphrase> {
    let top: HashMap<&str, f64> = keywords
        .iter()
        .take(pool)
        .map(|k| (k.key.as_str(), k.weight))
        .collect();
    // (text, key, mean weight, count), in first-seen order for determinism.
    let mut found: Vec<(String, String, f64, usize)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (seq, toks) in seqs.iter().zip(words) {
        // The tokens aligned with `seq` (which skips white space).
        let toks: Vec<&Token<'_>> = toks.iter().filter(|t| !t.text.trim().is_empty()).collect();
        let ok = |k: usize| seq[k] != u32::MAX && top.contains_key(toks[k].key);
        for i in 0..seq.len() {
            for len in 2..=3 {
                if i + len > seq.len() || !(i..i + len).all(ok) {
                    break;
                }
                let key: String = toks[i..i + len].iter().map(|t| t.key).collect();
                let w = toks[i..i + len].iter().map(|t| top[t.key]).sum::<f64>() / len as f64;
                let at = *index.entry(key.clone()).or_insert_with(|| {
                    let text = toks[i..i + len].iter().map(|t| t.text).collect();
                    found.push((text, key, w, 0));
                    found.len() - 1
                });
                found[at].3 += 1;
            }
        }
    }
    let kept: Vec<&(String, String, f64, usize)> = found
        .iter()
        .filter(|f| f.3 >= 2)
        .filter(|f| {
            !found
                .iter()
                .any(|g| g.3 == f.3 && g.1.len() > f.1.len() && g.1.contains(f.1.as_str()))
        })
        .collect();
    let mut out: Vec<Keyphrase> = kept
        .into_iter()
        .map(|(text, key, w, c)| Keyphrase {
            text: text.clone(),
            key: key.clone(),
            weight: w * (*c as f64).sqrt(),
        })
        .collect();
    let max = out.iter().map(|k| k.weight).fold(0.0, f64::max);
    if max > 0.0 {
        out.iter_mut().for_each(|k| k.weight /= max);
    }
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    out
}

/// The keyword list a reader sees: single words and keyphrases on one 0..1 scale, best first,
/// `n` of them. A word is left out when a phrase that contains it ranks above it, so "疫情防控"
/// does not also spend two places on "疫情" and "防控". Compounds matter: most author keywords
/// of the evaluation's abstracts are multi-word terms, and merging phrases raised F1@5 there
/// from 12.9 to 18.7 (see BENCHMARKS.md).
pub(crate) fn merge(words: &[Keyword], phrases: &[Keyphrase], n: usize) -> Vec<Keyword> {
    let mut all: Vec<(Keyword, bool)> = phrases
        .iter()
        .map(|p| {
            (
                Keyword {
                    text: p.text.clone(),
                    key: p.key.clone(),
                    weight: p.weight,
                    pos: "phrase",
                },
                true,
            )
        })
        .chain(words.iter().map(|w| (w.clone(), false)))
        .collect();
    // Stable sort: on equal weight phrases (listed first) come first.
    all.sort_by(|a, b| b.0.weight.total_cmp(&a.0.weight));
    let mut out: Vec<Keyword> = Vec::with_capacity(n);
    for (k, is_phrase) in all {
        if out.len() == n {
            break;
        }
        // A word inside a better phrase, or a phrase that only extends a better phrase
        // ("企业疫情防控" after "疫情防控"), would spend a place saying the same thing.
        let covered = out.iter().any(|o| {
            (o.pos == "phrase" && o.key.contains(k.key.as_str()))
                || (is_phrase && o.pos == "phrase" && k.key.contains(o.key.as_str()))
        });
        if covered {
            continue;
        }
        out.push(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn topic_words_rise() {
        let text = [
            "兰州新区启动疫情防控应急机制。",
            "新区企业落实疫情防控措施，恢复生产。",
            "疫情防控期间，新区保障群众生活。",
        ];
        let toks: Vec<_> = text.iter().map(|s| segment(s)).collect();
        let (kw, seqs) = rank(&toks, &[]);
        let top: Vec<_> = kw.iter().take(3).map(|k| k.text.as_str()).collect();
        assert!(
            top.contains(&"疫情") && top.contains(&"新区"),
            "help: got {top:?}"
        );
        assert_eq!(kw[0].weight, 1.0);
        assert!(kw.windows(2).all(|w| w[0].weight >= w[1].weight));
        let ph = phrases(&kw, &seqs, &toks, 10);
        assert!(ph.iter().any(|p| p.text == "疫情防控"), "help: got {ph:?}");
        let merged = merge(&kw, &ph, 5);
        let texts: Vec<_> = merged.iter().map(|k| k.text.as_str()).collect();
        assert!(
            texts.contains(&"疫情防控") && !texts.contains(&"防控"),
            "help: got {texts:?}"
        );
        assert!(merged.iter().any(|k| k.pos == "phrase"));
    }
}
