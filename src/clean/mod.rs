/*!
Cleaning: from extracted blocks to the blocks worth reading, with a report of what was removed
or changed and why, so the page and `--json` can show it.

Passes, in order (each one a module):
1. `pinyin` strips inline pinyin (`區(qū)` → `區`);
2. `normalize` fixes spaces, invisible characters and punctuation width;
3. `boilerplate` drops navigation, bylines, copyright, promotions and "related news";
4. `ocr` joins lines broken in mid-sentence (plain text only: HTML has real paragraphs);
5. `dedup` drops repeated blocks.

Garbled sentences (mojibake) are flagged later, per sentence, by [`crate::sentence`].
*/

mod boilerplate;
mod dedup;
mod normalize;
mod ocr;
mod pinyin;

pub(crate) use normalize::normalize;

use serde::Serialize;

use crate::extract::{Block, BlockKind, Document, Format};

/// Kinds of cleaning actions, as they appear in [`Cleaning::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CleanKind {
    /// Navigation, controls, copyright, promotion or teaser text removed.
    Boilerplate,
    /// A source, author, editor or date line removed.
    Byline,
    /// A photo caption removed.
    Caption,
    /// A block removed because the same text came earlier.
    Duplicate,
    /// Lines joined because OCR or a fixed-width export broke a sentence.
    OcrJoin,
    /// Spaces removed from inside Chinese sentences.
    OcrSpace,
    /// Inline pinyin removed.
    Pinyin,
    /// A sentence that looks garbled (wrong encoding, mojibake); kept in the text, never
    /// picked for the summary.
    Mojibake,
}

/// One cleaning action: either a removed or flagged `text`, or a `count` of small fixes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cleaning {
    /// What was done.
    pub kind: CleanKind,
    /// The text concerned (removed blocks, flagged sentences).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// How many times (joins, spaces, pinyin syllables).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

impl Cleaning {
    pub(crate) fn text(kind: CleanKind, text: &str) -> Cleaning {
        Cleaning {
            kind,
            text: Some(text.to_string()),
            count: None,
        }
    }
    fn count(kind: CleanKind, count: usize) -> Option<Cleaning> {
        (count > 0).then_some(Cleaning {
            kind,
            text: None,
            count: Some(count),
        })
    }
}

/// A cleaned document.
#[derive(Clone, Debug, PartialEq)]
pub struct Cleaned {
    /// The title, normalised.
    pub title: Option<String>,
    /// The blocks worth reading.
    pub blocks: Vec<Block>,
    /// What was removed or changed.
    pub report: Vec<Cleaning>,
}

/// Runs the cleaning passes over `doc`.
pub fn clean(doc: Document, format: Format) -> Cleaned {
    let mut report: Vec<Cleaning> = doc
        .dropped
        .iter()
        .map(|t| Cleaning::text(CleanKind::Boilerplate, t))
        .collect();
    let (mut pinyin_n, mut space_n) = (0, 0);
    let mut blocks: Vec<Block> = Vec::with_capacity(doc.blocks.len());
    for b in doc.blocks {
        let (t, p) = pinyin::strip(&b.text);
        let (t, s) = normalize(&t);
        pinyin_n += p;
        space_n += s;
        if !t.is_empty() {
            let kind = if b.kind == BlockKind::Paragraph {
                crate::extract::text::classify(&t)
            } else {
                b.kind
            };
            blocks.push(Block { kind, text: t });
        }
    }
    let why = boilerplate::classify(&blocks);
    let mut kept = Vec::with_capacity(blocks.len());
    for (b, w) in blocks.into_iter().zip(why) {
        match w {
            Some(boilerplate::Why::Boilerplate) => {
                report.push(Cleaning::text(CleanKind::Boilerplate, &b.text))
            }
            Some(boilerplate::Why::Byline) => {
                report.push(Cleaning::text(CleanKind::Byline, &b.text))
            }
            Some(boilerplate::Why::Caption) => {
                report.push(Cleaning::text(CleanKind::Caption, &b.text))
            }
            None => kept.push(b),
        }
    }
    let mut blocks = kept;
    for b in blocks.iter_mut().filter(|b| b.kind == BlockKind::Paragraph) {
        if let Some((dateline, rest)) = boilerplate::split_dateline(&b.text) {
            report.push(Cleaning::text(CleanKind::Byline, dateline));
            b.text = rest.to_string();
        }
    }
    let joins = if format == Format::Text {
        ocr::join(&mut blocks)
    } else {
        0
    };
    for t in dedup::dedup(&mut blocks) {
        report.push(Cleaning::text(CleanKind::Duplicate, &t));
    }
    report.extend(Cleaning::count(CleanKind::OcrJoin, joins));
    report.extend(Cleaning::count(CleanKind::OcrSpace, space_n));
    report.extend(Cleaning::count(CleanKind::Pinyin, pinyin_n));
    let title = doc
        .title
        .map(|t| normalize(&pinyin::strip(&t).0).0)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            // Plain text: the first headline near the top, once site names and breadcrumbs are gone.
            blocks
                .iter()
                .take(3)
                .find(|b| b.kind == BlockKind::Heading && b.text.chars().count() >= 4)
                .map(|b| b.text.clone())
        });
    Cleaned {
        title,
        blocks,
        report,
    }
}
