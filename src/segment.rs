/*!
Words and part-of-speech tags, from jieba-rs over the dictionary embedded in this crate
(`data/dict.txt`, jieba's standard dictionary; see `data/README.md`).

The dictionary is parsed once per process (about 0.15 s natively, longer in the browser) into
a shared, read-only [`jieba_rs::Jieba`]; [`warm_up`] lets an edge do that before the first
document arrives. Word frequencies from the same file give the keyword ranker an IDF-like prior
without a second data file: the file is sorted by bytes, so a word is found by binary search over
line starts.

Hands to `rank`: per sentence, tokens with byte spans (relative to the sentence) and tags.
*/

use std::sync::OnceLock;

use jieba_rs::Jieba;

static DICT: &str = include_str!("data/dict.txt");

/// One word of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as it stands in the text.
    pub text: &'a str,
    /// The word as jieba analysed it: the same as `text`, or for Traditional text its
    /// character-by-character Simplified form (see [`segment_as`]). Dictionary, stop-word and
    /// graph lookups use this.
    pub key: &'a str,
    /// Its jieba part-of-speech tag (`n`, `v`, `ns`, …); `x` for punctuation and for words the
    /// dictionary does not know.
    pub pos: &'static str,
    /// Byte offset of the word in the segmented text.
    pub start: usize,
}

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        // The embedded file is jieba's own dictionary; failing to parse it is a build defect,
        // never an input error, so there is nothing the caller could do about it.
        Jieba::with_dict(&mut DICT.as_bytes()).expect("embedded dictionary parses")
    })
}

/// Loads the dictionary now instead of on the first call to [`segment`].
pub fn warm_up() {
    jieba();
    lexicon();
}

/// Segments `text` into tagged words (HMM on, so unknown names and places become words).
pub fn segment(text: &str) -> Vec<Token<'_>> {
    segment_as(text, text)
}

/// Segments `analysed`, a character-by-character rewrite of `text` with the same byte
/// offsets (as [`crate::script::to_simplified`] makes), and returns tokens whose `text` is
/// the original and whose `key` is the analysed form. jieba's dictionary is Simplified, so a
/// Traditional document is segmented far better this way, while the reader still sees the
/// original script.
pub fn segment_as<'a>(text: &'a str, analysed: &'a str) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), analysed.len());
    jieba()
        .tag(analysed, true)
        .into_iter()
        .map(|t| Token {
            text: text.get(t.byte_start..t.byte_end).unwrap_or(t.word),
            key: t.word,
            pos: static_tag(t.tag),
            start: t.byte_start,
        })
        .collect()
}

/// The tag strings live as long as the static `Jieba`, which the borrow checker cannot see
/// through `tag()`'s signature; map them onto our own static set.
fn static_tag(tag: &str) -> &'static str {
    // Sorted, for a binary search: this runs once per token.
    const TAGS: [&str; 66] = [
        "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h",
        "i", "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrf", "nrfg",
        "nrt", "ns", "nt", "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg",
        "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y",
        "yg", "z", "zg",
    ];
    TAGS.binary_search(&tag).map_or("x", |i| TAGS[i])
}

struct Lexicon {
    /// Byte offset of every line start in `DICT`.
    lines: Vec<u32>,
    /// Sum of all frequencies.
    total: f64,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lines = Vec::with_capacity(350_000);
        let mut total = 0u64;
        let mut pos = 0usize;
        for line in DICT.split_inclusive('\n') {
            if !line.trim().is_empty() {
                lines.push(pos as u32);
                total += line
                    .split_ascii_whitespace()
                    .nth(1)
                    .and_then(|f| f.parse::<u64>().ok())
                    .unwrap_or(0);
            }
            pos += line.len();
        }
        Lexicon {
            lines,
            total: total.max(1) as f64,
        }
    })
}

/// How often `word` occurs in jieba's reference corpus, or `None` for an unknown word.
pub fn frequency(word: &str) -> Option<u64> {
    let lex = lexicon();
    let line_at = |i: usize| {
        let start = lex.lines[i] as usize;
        let rest = &DICT[start..];
        rest.split('\n').next().unwrap_or("")
    };
    let (mut lo, mut hi) = (0usize, lex.lines.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let w = line_at(mid).split(' ').next().unwrap_or("");
        match w.as_bytes().cmp(word.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                return line_at(mid)
                    .split_ascii_whitespace()
                    .nth(1)
                    .and_then(|f| f.parse().ok());
            }
        }
    }
    None
}

/// Inverse document frequency proxy: `ln(total / (freq + 1))` from the dictionary's counts.
/// Unknown words (names, new terms found by the HMM) get the value of a word seen
/// [`UNKNOWN_FREQ`] times: rare, but not rarer than the rarest dictionary words.
pub fn idf(word: &str) -> f64 {
    let f = frequency(word).unwrap_or(UNKNOWN_FREQ);
    (lexicon().total / (f as f64 + 1.0)).ln()
}

/// The frequency assumed for words not in the dictionary; see [`idf`].
pub const UNKNOWN_FREQ: u64 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_offsets() {
        let toks = segment("兰州新区启动应急机制");
        let words: Vec<_> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["兰州", "新区", "启动", "应急", "机制"]);
        assert_eq!(toks[0].pos, "ns");
        assert_eq!(toks[1].start, "兰州".len());
    }

    #[test]
    fn traditional_is_analysed_as_simplified() {
        let text = "安寧區嚴格落實網格化管理";
        let simple = crate::script::to_simplified(text);
        let toks = segment_as(text, &simple);
        let pairs: Vec<_> = toks.iter().map(|t| (t.text, t.key)).collect();
        assert!(
            pairs.contains(&("嚴格", "严格")) && pairs.contains(&("管理", "管理")),
            "help: {pairs:?}"
        );
        assert_eq!(toks.iter().map(|t| t.text).collect::<String>(), text);
    }

    #[test]
    fn every_tag_maps_to_itself() {
        for t in ["a", "eng", "n", "nrf", "nrfg", "ns", "vn", "zg"] {
            assert_eq!(static_tag(t), t);
        }
        assert_eq!(static_tag("unknown"), "x");
    }

    #[test]
    fn frequencies_from_the_dictionary() {
        assert!(frequency("我们").unwrap() > 1000);
        assert_eq!(frequency("1号店"), Some(3));
        assert_eq!(frequency("不存在的词语甲乙"), None);
        assert!(idf("疫情") > idf("我们"));
    }
}
