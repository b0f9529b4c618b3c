//! Inline pinyin after a character, as some converters and scrapers leave it: `區(qū)` → `區`.

use crate::script::is_han;

/// Letters that occur in pinyin with tone marks.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ";

/// Removes `(pinyin)` / `（pinyin）` right after a Chinese character when the parenthesis holds
/// one syllable of lower-case letters with at least one tone mark. Returns the text and how
/// many were removed. Plain ASCII in parentheses ("(PCR)", "(a)") is never touched.
pub(crate) fn strip(text: &str) -> (String, usize) {
    if !text.contains(['(', '（']) {
        return (text.to_string(), 0);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '(' | '（') && i > 0 && is_han(chars[i - 1]) {
            let mut j = i + 1;
            while j < chars.len()
                && j - i <= 7
                && (chars[j].is_ascii_lowercase() || TONED.contains(chars[j]))
            {
                j += 1;
            }
            let inner = &chars[i + 1..j];
            if j < chars.len()
                && matches!(chars[j], ')' | '）')
                && !inner.is_empty()
                && inner.iter().any(|c| TONED.contains(*c))
            {
                n += 1;
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn strips_toned_syllables_only() {
        let (t, n) = super::strip("安寧區(qū)打響疫情防控阻擊戰(zhàn)，檢測(PCR)和(a)項");
        assert_eq!(t, "安寧區打響疫情防控阻擊戰，檢測(PCR)和(a)項");
        assert_eq!(n, 2);
    }
}
