//! Plain text → blocks: every non-blank line is a block. A short line without sentence-final
//! punctuation reads as a heading (news headlines, section titles); lines that start with a
//! bullet or a number followed by a separator are list items. Joining hard-wrapped lines is
//! `clean`'s job, which can see both neighbours.

use super::{Block, BlockKind, Document};
use crate::sentence::ends_sentence;

/// Longest line, in characters, that can still be taken for a heading when it has commas.
pub(crate) const HEADING_MAX_CHARS: usize = 30;
/// Longest line, in characters, taken for a headline when it has no punctuation at all
/// (news headlines with two phrases run to 40 characters and more).
pub(crate) const HEADLINE_MAX_CHARS: usize = 50;

pub(super) fn extract(text: &str) -> Document {
    let mut blocks = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        blocks.push(Block {
            kind: classify(line),
            text: line.to_string(),
        });
    }
    // The title is chosen after cleaning, once breadcrumbs and site names are gone.
    Document {
        title: None,
        blocks,
        dropped: Vec::new(),
    }
}

pub(crate) fn classify(line: &str) -> BlockKind {
    let first = line.chars().next().unwrap_or(' ');
    if matches!(
        first,
        '•' | '·' | '●' | '○' | '■' | '□' | '◆' | '▪' | '-' | '*' | '►' | '▶'
    ) {
        return BlockKind::ListItem;
    }
    // A line that stops on a comma or an enumeration mark was cut mid-sentence (OCR, a
    // fixed-width export): never a heading, whatever its length.
    if line.ends_with(['，', '、', ',', '：', ':']) {
        return BlockKind::Paragraph;
    }
    let chars = line.chars().count();
    if chars <= HEADING_MAX_CHARS && !ends_sentence(line) && !line.contains('。') {
        return BlockKind::Heading;
    }
    if chars <= HEADLINE_MAX_CHARS && !line.contains(['，', '。', '；', '！', '？', ',', ';', '、'])
    {
        return BlockKind::Heading;
    }
    BlockKind::Paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks() {
        let d = extract("兰州新区生产生活加快恢复\n\n  3月5日，兰州新区发现1例阳性人员。\n• 图解：关于疫情防控\n");
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::ListItem
            ]
        );
        assert_eq!(
            classify("快速反应 快速流调 外防输入 内防反弹 兰州新区生产生活加快恢复正常运行"),
            BlockKind::Heading
        );
        assert_eq!(d.blocks[1].text, "3月5日，兰州新区发现1例阳性人员。");
        assert_eq!(
            classify("中区多巴镇、田家寨镇、鲁沙尔镇、"),
            BlockKind::Paragraph
        );
    }
}
