//! Joining lines that OCR or a fixed-width export broke in the middle of a sentence.
//!
//! Two signals, both needed because scans differ:
//! - a hard-wrapped page: most lines end without punctuation and have nearly the same length
//!   (the column width); a line of about that width that does not end a sentence continues
//!   on the next line;
//! - a fragment: a paragraph that does not end a sentence, followed by a block that is plainly
//!   a continuation (another paragraph, or a line whose first word is cut off: "来，我们…").

use crate::extract::{Block, BlockKind};
use crate::sentence::ends_sentence;

/// Joins broken lines in place; returns how many joins were made.
pub(crate) fn join(blocks: &mut Vec<Block>) -> usize {
    let width = wrap_width(blocks);
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut joins = 0;
    for b in blocks.drain(..) {
        if let Some(prev) = out.last_mut() {
            if continues(prev, &b, width) {
                let glue = prev.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && b.text.starts_with(|c: char| c.is_ascii_alphanumeric());
                if glue {
                    prev.text.push(' ');
                }
                prev.text.push_str(&b.text);
                prev.kind = crate::extract::text::classify(&prev.text);
                if prev.kind == BlockKind::Heading {
                    prev.kind = BlockKind::Paragraph;
                }
                joins += 1;
                continue;
            }
        }
        out.push(b);
    }
    *blocks = out;
    joins
}

fn continues(a: &Block, b: &Block, width: Option<usize>) -> bool {
    if a.kind == BlockKind::ListItem || b.kind == BlockKind::ListItem || ends_sentence(&a.text) {
        return false;
    }
    let a_len = a.text.chars().count();
    if let Some(w) = width {
        if a_len + 2 >= w {
            return true;
        }
    }
    // Without a wrap width, only a block that has sentence punctuation can be a cut sentence;
    // a line without any is a headline.
    if a.kind != BlockKind::Paragraph || !a.text.contains(['，', '、', '；', '。', '：']) {
        return false;
    }
    b.kind == BlockKind::Paragraph || starts_as_fragment(&b.text)
}

/// A comma within the first two characters: the line starts with the tail of a cut word.
fn starts_as_fragment(t: &str) -> bool {
    t.chars()
        .take(3)
        .skip(1)
        .any(|c| matches!(c, '，' | '、' | ',' | '。'))
}

/// The column width of a hard-wrapped text: when at least 8 lines and 40 % of all lines have
/// no sentence end and share one length (±1 character), that length.
fn wrap_width(blocks: &[Block]) -> Option<usize> {
    if blocks.len() < 8 {
        return None;
    }
    let mut counts = std::collections::BTreeMap::new();
    for b in blocks.iter().filter(|b| !ends_sentence(&b.text)) {
        let n = b.text.chars().count();
        if n >= 10 {
            *counts.entry(n).or_insert(0usize) += 1;
        }
    }
    let (best, hits) = counts
        .keys()
        .map(|&w| {
            (
                w,
                (w.saturating_sub(1)..=w + 1)
                    .map(|k| counts.get(&k).copied().unwrap_or(0))
                    .sum::<usize>(),
            )
        })
        .max_by_key(|&(w, h)| (h, std::cmp::Reverse(w)))?;
    (hits >= 8 && hits * 10 >= blocks.len() * 4).then_some(best + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::classify;

    fn blocks(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|t| Block {
                kind: classify(t),
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn joins_cut_fragments_keeps_headings() {
        let mut b = blocks(&[
            "企业小闭环抵御了内外风险",
            "5月15日实行“一区一口”管理以来，累计消杀出入车辆2302辆。“5月7日以",
            "来，我们一共协调出人物流车辆7580",
            "辆，运送物资和产品47万吨。",
            "雷动风行，以快制快",
        ]);
        assert_eq!(join(&mut b), 2);
        assert_eq!(b.len(), 3);
        assert!(b[1]
            .text
            .ends_with("“5月7日以来，我们一共协调出人物流车辆7580辆，运送物资和产品47万吨。"));
        assert_eq!(b[2].kind, BlockKind::Heading);
    }

    #[test]
    fn joins_hard_wrapped_columns() {
        let text = "在疫情防控工作中，我市坚持人民至上、生命至上，统筹推进疫情防控和经济社会发展工作，取得了积极成效。全市各级各部门闻令而动，广大干部群众众志成城，坚决打赢疫情防控阻击战。下一步将继续巩固成果。".repeat(2);
        let chars: Vec<char> = text.chars().collect();
        let lines: Vec<String> = chars.chunks(12).map(|c| c.iter().collect()).collect();
        let mut b: Vec<Block> = vec![Block {
            kind: BlockKind::Heading,
            text: "防控工作综述".into(),
        }];
        b.extend(lines.iter().map(|t| Block {
            kind: classify(t),
            text: t.clone(),
        }));
        join(&mut b);
        assert_eq!(b[0].text, "防控工作综述");
        let body: String = b[1..].iter().map(|x| x.text.as_str()).collect();
        assert_eq!(body, text);
        assert!(
            b[1..].iter().all(|x| ends_sentence(&x.text)),
            "help: a sentence is still cut: {b:?}"
        );
    }
}
