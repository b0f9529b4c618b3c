/*!
Which script a text is written in, and small character-class helpers shared by the stages.

Detection counts characters whose Simplified and Traditional forms differ, from a list of the
most frequent such pairs; it does not convert anything.
*/

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;

/// The script of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified Chinese (also the answer when there is no evidence either way).
    Hans,
    /// Traditional Chinese.
    Hant,
    /// Both in quantity, e.g. a Simplified article quoting a Traditional one.
    Mixed,
}

/// Frequent characters that exist only in Simplified form; `TRADITIONAL` holds their
/// Traditional counterparts in the same order.
const SIMPLIFIED: &str = "这个们说时会来对国与为学区发经点开关问题应过还从当现实电务义议变让轻头东车长门见间体书么样没种记传动产业员报数应该护疗卫组织检测观际务华县镇乡级线网络统计总农缴纳费";
const TRADITIONAL: &str = "這個們說時會來對國與為學區發經點開關問題應過還從當現實電務義議變讓輕頭東車長門見間體書麼樣沒種記傳動產業員報數應該護療衛組織檢測觀際務華縣鎮鄉級線網絡統計總農繳納費";

/// Guesses the script of `text` from the characters that differ between the two forms.
pub fn detect(text: &str) -> Script {
    let (mut s, mut t) = (0usize, 0usize);
    for c in text.chars() {
        if !is_han(c) {
            continue;
        }
        if SIMPLIFIED.contains(c) {
            s += 1;
        } else if TRADITIONAL.contains(c) {
            t += 1;
        }
    }
    if t > 4 * s.max(1) || (s == 0 && t > 0) {
        Script::Hant
    } else if s > 4 * t || t == 0 {
        Script::Hans
    } else {
        Script::Mixed
    }
}

/// Traditional → Simplified, one character for one character: `data/t2s.txt` (2,734 pairs,
/// MIT, from the simplet2s crate; see `data/README.md`).
static T2S: &str = include_str!("data/t2s.txt");

fn t2s_table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<(char, char)> = T2S
            .lines()
            .filter_map(|l| {
                let mut cs = l.split(' ').map(|w| w.chars().next());
                Some((cs.next()??, cs.next()??))
            })
            // Only same-width pairs: the rewrite must keep every byte offset.
            .filter(|(t, s)| t.len_utf8() == s.len_utf8())
            .collect();
        v.sort_unstable();
        v.dedup_by_key(|p| p.0);
        v
    })
}

/// Rewrites Traditional characters as Simplified ones, character by character, keeping every
/// byte offset (each pair has the same UTF-8 length). Words are not converted (臺灣 becomes
/// 台湾, but a phrase that differs as a whole stays as it is), which is what segmentation needs:
/// the dictionary sees familiar characters, and spans still point into the original text.
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    let table = t2s_table();
    let map = |c: char| {
        table
            .binary_search_by_key(&c, |p| p.0)
            .ok()
            .map(|i| table[i].1)
    };
    if !text.chars().any(|c| map(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| map(c).unwrap_or(c)).collect())
}

/// The form a text of `script` is analysed in: itself for Simplified text, the
/// [`to_simplified`] rewrite otherwise (mixed text is mostly right either way; rewriting it
/// helps its Traditional parts).
pub fn analysis_form(text: &str, script: Script) -> Cow<'_, str> {
    match script {
        Script::Hans => Cow::Borrowed(text),
        Script::Hant | Script::Mixed => to_simplified(text),
    }
}

/// A CJK unified ideograph (basic block, extensions A–F, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}' |
        '\u{30000}'..='\u{3134F}' | '\u{F900}'..='\u{FAFF}' | '\u{3007}')
}

/// Hiragana or katakana.
pub(crate) fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplified_rewrite_keeps_offsets() {
        let t = "臺北市推動社區長照服務，𠮷野家";
        let s = to_simplified(t);
        assert_eq!(s, "台北市推动社区长照服务，𠮷野家");
        assert_eq!(s.len(), t.len());
        assert!(matches!(to_simplified("简体中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn detects_scripts() {
        assert_eq!(detect("这是一个关于疫情防控的报道。"), Script::Hans);
        assert_eq!(detect("這是一個關於疫情防控的報導。"), Script::Hant);
        assert_eq!(detect("这个报道引用了這個說法和那個觀點。"), Script::Mixed);
        assert_eq!(detect("hello"), Script::Hans);
        assert_eq!(SIMPLIFIED.chars().count(), TRADITIONAL.chars().count());
    }
}
