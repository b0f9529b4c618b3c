/*!
The result schema and the last stage: choosing sentences under the length caps, without
repeating one, and reporting them in document order.

[`Summary`] serialises the same way for JavaScript and for the CLI's `--json` (field names in
camelCase). Offsets (`sentences[].start/end`, `outline[].start`) count bytes of `text` inside
Rust; both edges call [`Summary::use_utf16_offsets`] first, so what JavaScript and `--json` see
are UTF-16 code units, the unit JavaScript strings index by. `offsets` names the unit in force.
*/

use serde::Serialize;

use crate::clean::Cleaning;
use crate::extract::Format;
use crate::options::Options;
use crate::rank::keywords::{Keyphrase, Keyword};
use crate::script::{is_han, Script};

/// The unit of every offset in a [`Summary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Bytes of UTF-8 (Rust's `str` indices).
    Byte,
    /// UTF-16 code units (JavaScript's string indices).
    Utf16,
}

/// One sentence of the cleaned text, scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// TextRank score, 0..1: the best sentence has 1.0; garbled or too short sentences, which
    /// are never summarised, have 0.
    pub score: f64,
    /// Position among all sentences, from 0.
    pub index: usize,
    /// Start offset in [`Summary::text`], in [`Summary::offsets`] units.
    pub start: usize,
    /// End offset (exclusive) in [`Summary::text`], in [`Summary::offsets`] units.
    pub end: usize,
    /// Whether the sentence is part of the summary.
    pub selected: bool,
}

/// A heading and the sentences under it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// The heading text.
    pub heading: String,
    /// Its offset in [`Summary::text`], in [`Summary::offsets`] units.
    pub start: usize,
    /// Indices of the sentences that follow it, up to the next heading.
    pub sentences: Vec<usize>,
}

/// Counts about the document.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Characters (Unicode scalar values) of the cleaned text.
    pub chars: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of words (jieba tokens that are not punctuation or space).
    pub words: usize,
    /// Time taken, measured by the edge that called the core (the core reads no clock).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<f64>,
}

/// Everything tiyao knows about one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The document's title, when it has one.
    pub title: Option<String>,
    /// The format it was read as.
    pub format: Format,
    /// The encoding it was decoded from (WHATWG name, e.g. `"UTF-8"`, `"gb18030"`, `"Big5"`).
    pub encoding: &'static str,
    /// Whether that encoding was guessed rather than declared or certain.
    pub encoding_guessed: bool,
    /// The script of the text.
    pub script: Script,
    /// The cleaned text that offsets point into: blocks separated by `\n`.
    pub text: String,
    /// The unit of all offsets.
    pub offsets: OffsetUnit,
    /// All sentences, in document order.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the summary, in document order.
    pub summary: Vec<usize>,
    /// Keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Keyphrases, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// Headings with their sentences.
    pub outline: Vec<Section>,
    /// What cleaning removed or changed.
    pub cleaning: Vec<Cleaning>,
    /// Counts.
    pub stats: Stats,
    /// Things the reader should know (a guessed encoding, garbled sentences left out, …).
    pub warnings: Vec<String>,
}

impl Summary {
    /// The summary sentences joined into one string, in document order.
    pub fn summary_text(&self) -> String {
        self.summary
            .iter()
            .map(|&i| self.sentences[i].text.as_str())
            .collect()
    }

    /// Converts every offset from bytes to UTF-16 code units (what JavaScript indexes by).
    /// Does nothing if that was already done.
    pub fn use_utf16_offsets(&mut self) {
        if self.offsets == OffsetUnit::Utf16 {
            return;
        }
        let map = Utf16Map::new(&self.text);
        for s in &mut self.sentences {
            s.start = map.at(s.start);
            s.end = map.at(s.end);
        }
        for s in &mut self.outline {
            s.start = map.at(s.start);
        }
        self.offsets = OffsetUnit::Utf16;
    }
}

/// Byte offset → UTF-16 offset for one text: the pair at every character start, found by
/// binary search (O(log n) a query).
struct Utf16Map {
    /// (byte offset, utf16 offset) at every character start.
    points: Vec<(usize, usize)>,
}

impl Utf16Map {
    fn new(text: &str) -> Utf16Map {
        let mut points = Vec::with_capacity(text.len() / 2 + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            points.push((b, u));
            u += c.len_utf16();
        }
        points.push((text.len(), u));
        Utf16Map { points }
    }

    fn at(&self, byte: usize) -> usize {
        match self.points.binary_search_by_key(&byte, |p| p.0) {
            Ok(i) => self.points[i].1,
            // Not on a character boundary (cannot happen for our spans): round down.
            Err(i) => self.points[i.saturating_sub(1)].1,
        }
    }
}

/// Two sentences this similar (Jaccard over character bigrams) say the same thing; only the
/// better one is kept.
pub const REDUNDANT: f64 = 0.6;

/// Picks the summary: best score first, skipping sentences that are ineligible, redundant with
/// one already picked, or too long for the remaining character budget; stops at the count cap.
/// Returns indices in document order, and whether the character budget had to be exceeded
/// because not even one sentence fit.
pub(crate) fn select(
    texts: &[&str],
    scores: &[f64],
    eligible: &[bool],
    opts: &Options,
) -> (Vec<usize>, bool) {
    let n_eligible = eligible.iter().filter(|e| **e).count();
    let mut count_cap = usize::MAX;
    if let Some(n) = opts.sentences {
        count_cap = count_cap.min(n);
    }
    if let Some(r) = opts.ratio {
        count_cap = count_cap.min(((r as f64) * texts.len() as f64).ceil().max(1.0) as usize);
    }
    if opts.sentences.is_none() && opts.ratio.is_none() && opts.max_chars.is_none() {
        count_cap = Options::DEFAULT_SENTENCES;
    }
    let mut order: Vec<usize> = (0..texts.len()).filter(|&i| eligible[i]).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    // Bigrams of the chosen sentences only: comparing a candidate needs its own and theirs,
    // and a long document has far more sentences than a summary ever looks at.
    let mut chosen: Vec<(usize, Vec<(char, char)>)> = Vec::new();
    let mut used = 0usize;
    for &i in &order {
        if chosen.len() >= count_cap {
            break;
        }
        let len = texts[i].chars().count();
        if opts.max_chars.is_some_and(|cap| used + len > cap) {
            continue;
        }
        let g = bigrams(texts[i]);
        if chosen.iter().any(|(_, h)| jaccard(&g, h) >= REDUNDANT) {
            continue;
        }
        chosen.push((i, g));
        used += len;
    }
    let mut chosen: Vec<usize> = chosen.into_iter().map(|(i, _)| i).collect();
    let mut over = false;
    if chosen.is_empty() && n_eligible > 0 {
        chosen.push(order[0]);
        over = true;
    }
    chosen.sort_unstable();
    (chosen, over)
}

/// Sorted, deduplicated bigrams of the Chinese characters, letters and digits of `t`.
fn bigrams(t: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = t
        .chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .collect();
    let mut g: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
    g.sort_unstable();
    g.dedup();
    g
}

fn jaccard(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_caps_order_and_redundancy() {
        let texts = [
            "甲乙丙丁戊己庚辛。",
            "兰州新区启动应急机制。",
            "兰州新区启动了应急机制。",
            "企业复工复产有序推进。",
        ];
        let scores = [0.1, 1.0, 0.9, 0.5];
        let all = [true; 4];
        let (s, over) = select(&texts, &scores, &all, &Options::default());
        assert_eq!(
            (s, over),
            (vec![0, 1, 3], false),
            "help: the near-copy (2) is skipped"
        );
        let o = Options::builder().max_chars(22).build();
        assert_eq!(select(&texts, &scores, &all, &o).0, vec![1, 3]);
        let o = Options::builder().max_chars(3).build();
        assert_eq!(select(&texts, &scores, &all, &o), (vec![1], true));
        let o = Options::builder().ratio(0.25).build();
        assert_eq!(
            select(&texts, &scores, &[false, true, true, true], &o).0,
            vec![1]
        );
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "𠮷野家。好。";
        let map = Utf16Map::new(text);
        // 𠮷 is 4 bytes and 2 UTF-16 units; 野 3 bytes, 1 unit.
        assert_eq!(map.at(0), 0);
        assert_eq!(map.at(4), 2);
        assert_eq!(map.at(text.len()), 7);
    }
}
