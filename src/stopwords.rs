/*!
Chinese stop words for the keyword and sentence rankers: `data/stopwords.txt`, written for this
project (jieba-rs's built-in list is English). Besides function words it holds the filler verbs
of official reports ("进行", "开展", "加强"), which would otherwise top every keyword list.
*/

use std::collections::HashSet;
use std::sync::OnceLock;

static LIST: &str = include_str!("data/stopwords.txt");

fn set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        LIST.lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Whether `word` is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    set().contains(word)
}

#[cfg(test)]
mod tests {
    #[test]
    fn common_words_are_stopped() {
        for w in ["的", "我们", "进行", "開展", "这个"] {
            assert!(super::is_stop_word(w), "{w}");
        }
        assert!(!super::is_stop_word("疫情"));
        assert!(
            super::set().len() > 500,
            "help: the list has {} words",
            super::set().len()
        );
    }
}
