/*!
Blocks to sentences. A sentence ends at 。！？；… (and `!?;` in Latin context), together with
the closing quotes and brackets that follow (`。”` `！」` `？）`); commas never end a sentence.
Inside an open quotation (“…” 「…」 『…』) a sentence end does not split unless the quotation
closes right after it, so a quoted speech of several sentences stays one sentence, up to
[`QUOTE_MAX_CHARS`].

Each sentence carries its byte span into the cleaned text and whether it may be summarised
(not a heading, long enough, not garbled).

Hands to `segment`: sentences with byte spans.
*/

use std::ops::Range;

use crate::extract::{Block, BlockKind};
use crate::script::{is_han, is_kana};
use crate::summary::Section;

/// The cleaned blocks laid out as one text, with the sentences and headings in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The blocks joined by `\n`.
    pub text: String,
    /// Byte span in `text` of every sentence, in order.
    pub spans: Vec<(usize, usize)>,
    /// Headings (other than the title, and of at least 4 characters) with the indices of the
    /// sentences under them; `start` is a byte offset in `text`.
    pub outline: Vec<Section>,
}

/// Lays `blocks` out as one text and splits every non-heading block into sentences.
pub fn layout(blocks: &[Block], title: Option<&str>) -> Layout {
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 1).sum());
    let mut spans = Vec::new();
    let mut outline: Vec<Section> = Vec::new();
    for block in blocks {
        if !text.is_empty() {
            text.push('\n');
        }
        let base = text.len();
        text.push_str(&block.text);
        if block.kind == BlockKind::Heading {
            if block.text.chars().count() >= 4 && Some(block.text.as_str()) != title {
                outline.push(Section {
                    heading: block.text.clone(),
                    start: base,
                    sentences: Vec::new(),
                });
            }
            continue;
        }
        for r in split(&block.text) {
            if let Some(sec) = outline.last_mut() {
                sec.sentences.push(spans.len());
            }
            spans.push((base + r.start, base + r.end));
        }
    }
    Layout {
        text,
        spans,
        outline,
    }
}

/// Characters that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '…' | '!' | '?' | ';' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Characters that close a quotation or bracket and stay with the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '"' | '\'' | '］'
    )
}

fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '「' | '『')
}

fn closes_quote(c: char) -> bool {
    matches!(c, '”' | '」' | '』')
}

/// A quotation longer than this many characters is split at its sentence ends after all
/// (an unclosed quotation mark must not swallow the rest of a paragraph).
pub const QUOTE_MAX_CHARS: usize = 200;

/// Sentences longer than this many characters are split at a comma, so that one run-on
/// "sentence" (a table or list scraped without punctuation) cannot fill the whole summary.
pub const MAX_SENTENCE_CHARS: usize = 400;

/// A run without any sentence end or comma is cut here regardless (OCR output or a table
/// flattened into one line), so no "sentence" can be longer than this many characters.
pub const HARD_MAX_CHARS: usize = 600;

/// Fewest Chinese characters (or Latin letters/digits) a sentence needs to be summarised.
pub const MIN_SUMMARY_CHARS: usize = 8;

/// Whether `text` ends a sentence (ignoring trailing closers and white space).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// Byte ranges of the sentences of `text`, trimmed of white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut len = 0usize;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        len += 1;
        if opens_quote(c) {
            depth += 1;
        } else if closes_quote(c) {
            depth = depth.saturating_sub(1);
        }
        let ascii_ok = !matches!(c, '!' | '?' | ';')
            || it.peek().is_none_or(|&(_, n)| n == ' ' || is_closer(n));
        let mut end = None;
        if is_terminal(c) && ascii_ok {
            let mut e = i + c.len_utf8();
            while let Some(&(j, n)) = it.peek() {
                if is_terminal(n) || is_closer(n) {
                    if closes_quote(n) {
                        depth = depth.saturating_sub(1);
                    }
                    e = j + n.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            if depth == 0 || len > QUOTE_MAX_CHARS {
                end = Some(e);
            }
        } else if len > MAX_SENTENCE_CHARS && matches!(c, '，' | ',' | '、')
            || len >= HARD_MAX_CHARS
        {
            end = Some(i + c.len_utf8());
        }
        if let Some(e) = end {
            push_trimmed(&mut out, text, start..e);
            start = e;
            depth = 0;
            len = 0;
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, r: Range<usize>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Whether a sentence has enough substance to stand in a summary.
pub fn long_enough(text: &str) -> bool {
    text.chars()
        .filter(|c| is_han(*c) || c.is_ascii_alphanumeric())
        .count()
        >= MIN_SUMMARY_CHARS
}

/// Whether a sentence looks garbled: replacement characters, private-use characters, a `?`
/// glued to Latin letters inside Chinese text (`當?shù)`), stray kana in Chinese text, or the
/// typical UTF-8-read-as-Latin-1 pairs (`Ã©`, `â€`).
pub fn garbled(text: &str) -> bool {
    if text.contains('\u{FFFD}') || text.contains("Ã") || text.contains("â€") {
        return true;
    }
    let (mut han, mut kana) = (0usize, 0usize);
    let mut prev = ' ';
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if is_kana(c) {
            kana += 1;
        } else if matches!(c, '\u{E000}'..='\u{F8FF}') {
            return true;
        }
        if prev == '?' && c.is_ascii_lowercase() {
            return true;
        }
        prev = c;
    }
    kana > 0 && kana * 5 < han
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn keeps_closers_never_splits_commas() {
        assert_eq!(
            parts("他说：“我们有信心。”随后离开！真的吗？（是的。）好"),
            [
                "他说：“我们有信心。”",
                "随后离开！",
                "真的吗？",
                "（是的。）",
                "好"
            ]
        );
        assert_eq!(
            parts("一、判令被告支付房租；二、支付违约金；"),
            ["一、判令被告支付房租；", "二、支付违约金；"]
        );
        assert_eq!(
            parts("截至目前，产值已近2000万元，实现新突破……下一步"),
            ["截至目前，产值已近2000万元，实现新突破……", "下一步"]
        );
    }

    #[test]
    fn quotations_stay_whole() {
        assert_eq!(
            parts("“疫情防控是常态化工作。新区将坚持方针。”贾崇清说。"),
            ["“疫情防控是常态化工作。新区将坚持方针。”", "贾崇清说。"]
        );
        // An unclosed quotation does not swallow the paragraph for ever.
        let long = format!("“{}。后面。", "很".repeat(QUOTE_MAX_CHARS + 5));
        assert_eq!(parts(&long).len(), 2);
    }

    #[test]
    fn ascii_marks_and_spans() {
        let t = "Is it ok? Yes! 版本3.5发布";
        assert_eq!(parts(t), ["Is it ok?", "Yes!", "版本3.5发布"]);
        let r = split("  甲。 乙。");
        assert_eq!(r, [2..8, 9..15]);
        assert!(ends_sentence("好了。”  "));
        assert!(!ends_sentence("外防输入 内防反弹"));
    }

    #[test]
    fn layout_spans_and_outline() {
        let b = |kind, t: &str| Block {
            kind,
            text: t.to_string(),
        };
        let l = layout(
            &[
                b(BlockKind::Heading, "标题文字"),
                b(BlockKind::Paragraph, "导语。"),
                b(BlockKind::Heading, "第一部分"),
                b(BlockKind::Paragraph, "甲。乙。"),
            ],
            Some("标题文字"),
        );
        assert_eq!(l.text, "标题文字\n导语。\n第一部分\n甲。乙。");
        let texts: Vec<_> = l.spans.iter().map(|&(s, e)| &l.text[s..e]).collect();
        assert_eq!(texts, ["导语。", "甲。", "乙。"]);
        assert_eq!(l.outline.len(), 1);
        assert_eq!(
            (l.outline[0].heading.as_str(), &l.outline[0].sentences[..]),
            ("第一部分", &[1, 2][..])
        );
    }

    #[test]
    fn run_on_text_is_cut() {
        let t = "中文内容没有标点".repeat(1000);
        let p = parts(&t);
        assert!(p.iter().all(|s| s.chars().count() <= HARD_MAX_CHARS));
        assert_eq!(p.concat(), t, "help: cutting must not lose text");
        let commas = format!("{}，后半句。", "很长的前半句".repeat(80));
        assert_eq!(parts(&commas).len(), 2);
    }

    #[test]
    fn garbled_sentences() {
        assert!(garbled("體現責任擔當?shù)脑嚱鹗湍サ妒，爭當志愿服務者。"));
        assert!(garbled("文字\u{FFFD}\u{FFFD}乱码"));
        assert!(!garbled("荣昌是如何实现疫情零扩散的？"));
        assert!(long_enough("兰州新区发现1例阳性"));
        assert!(!long_enough("贾崇清说。"));
    }
}
