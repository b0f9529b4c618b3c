//! Character-level normalisation of one block: spaces, invisible characters, half-width
//! punctuation next to Chinese text, and the spaces OCR leaves inside Chinese sentences.

use crate::script::is_han;

/// Normalises `text`; returns the new text and how many OCR spaces were removed.
///
/// - ideographic (U+3000), no-break and other wide spaces become a plain space, zero-width
///   characters and control characters disappear, runs of spaces collapse;
/// - in a block that has sentence punctuation, a space between two Chinese characters is an
///   OCR or scraping artefact ("严防死 守") and is removed; headlines without punctuation keep
///   their spaces, which there separate phrases;
/// - `, ; : ? ! ( )` and a `.` between Chinese characters take their full-width forms when they
///   touch Chinese text, so that sentence splitting sees one set of marks. A `?` followed by a
///   Latin letter is left alone: it is mojibake ("當?shù)"), flagged later, not a question.
pub(crate) fn normalize(text: &str) -> (String, usize) {
    let mut chars: Vec<char> = Vec::with_capacity(text.len() / 2);
    for c in text.chars() {
        let c = match c {
            '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => {
                ' '
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_control() => ' ',
            c => c,
        };
        if c == ' ' && chars.last().is_none_or(|&p| p == ' ') {
            continue;
        }
        chars.push(c);
    }
    while chars.last() == Some(&' ') {
        chars.pop();
    }
    let has_punct = chars
        .iter()
        .any(|c| matches!(c, '，' | '。' | ',' | '；' | '、'));
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    for i in 0..chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        let cjk = |o: Option<char>| o.is_some_and(|c| is_han(c) || is_cjk_punct(c));
        if c == ' ' && has_punct && cjk(prev) && cjk(next) {
            removed += 1;
            continue;
        }
        let touches = cjk(prev) || cjk(next.filter(|&n| n != ' '));
        let mapped = match c {
            ',' if touches => '，',
            ';' if touches => '；',
            ':' if touches && !next.is_some_and(|n| n.is_ascii_digit()) => '：',
            '?' if next.is_some_and(|n| n.is_ascii_alphabetic()) => '?',
            '?' if cjk(prev) => '？',
            '!' if cjk(prev) => '！',
            '(' if cjk(next) || cjk(prev) => '（',
            ')' if cjk(prev) || cjk(next) => '）',
            '.' if prev.is_some_and(is_han) && (next.is_none() || next.is_some_and(is_han)) => '。',
            c => c,
        };
        out.push(mapped);
    }
    (out, removed)
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_punctuation() {
        let (t, n) =
            normalize("\u{3000}\u{3000}3月5日,兰州新区 发现1例阳性.随即启动\u{200B}应急机制!");
        assert_eq!(t, "3月5日，兰州新区发现1例阳性。随即启动应急机制！");
        assert_eq!(n, 1);
        // A headline keeps the spaces between its phrases.
        assert_eq!(
            normalize("快速反应 快速流调  外防输入").0,
            "快速反应 快速流调 外防输入"
        );
        // Numbers keep their ASCII punctuation; mojibake question marks stay.
        assert_eq!(
            normalize("共1,000人, 时间10:30,擔當?shù)脑").0,
            "共1,000人， 时间10:30，擔當?shù）脑"
        );
    }
}
