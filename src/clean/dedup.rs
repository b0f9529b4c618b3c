//! Repeated blocks: scraped pages often hold the article twice (a print view, a mobile copy) or
//! repeat the headline and lead. The first occurrence stays.

use std::collections::HashSet;

use crate::extract::Block;

/// Removes every block whose text (ignoring white space and punctuation) already occurred.
/// Returns the removed texts, in order. Blocks under 4 characters are kept: "一、" style
/// markers legitimately repeat.
pub(crate) fn dedup(blocks: &mut Vec<Block>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut removed = Vec::new();
    blocks.retain(|b| {
        let key: String = b.text.chars().filter(|c| c.is_alphanumeric()).collect();
        if key.chars().count() < 4 || seen.insert(key) {
            true
        } else {
            removed.push(b.text.clone());
            false
        }
    });
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::BlockKind;

    #[test]
    fn keeps_first_occurrence() {
        let mut b: Vec<Block> = [
            "荣昌：疫情零扩散",
            "3月4日，荣昌区调整为低风险。",
            "荣昌:疫情零扩散",
            "一、",
            "一、",
        ]
        .iter()
        .map(|t| Block {
            kind: BlockKind::Paragraph,
            text: t.to_string(),
        })
        .collect();
        assert_eq!(dedup(&mut b), ["荣昌:疫情零扩散"]);
        assert_eq!(b.len(), 4);
    }
}
