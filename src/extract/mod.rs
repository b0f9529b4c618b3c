/*!
Decoded text to a [`Document`]: a title and a flat list of blocks (headings, paragraphs, list
items) in reading order. The format is sniffed from the bytes; the file name is only a hint for
the cases the bytes cannot settle.

Hands to `clean`: blocks whose text has not been normalised yet.
*/

mod html;
pub(crate) mod text;

use serde::Serialize;

use crate::error::Error;

/// The input formats tiyao reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text: one paragraph per line (hard-wrapped lines are joined later, in `clean`).
    Text,
    /// An HTML page.
    Html,
}

/// What a block is, which decides whether its sentences may enter the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading or headline: used for the outline and as a ranking prior, never summarised.
    Heading,
    /// Running text.
    Paragraph,
    /// An item of a list.
    ListItem,
}

/// One block of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text.
    pub text: String,
}

/// A document as the later stages see it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The title, if the document names one (`<h1>`/`<title>`, or a plain text's first line
    /// when it reads as a headline).
    pub title: Option<String>,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Text the extractor recognised as page furniture and left out (link lists), so the
    /// cleaning report can show it: nothing is dropped silently.
    pub dropped: Vec<String>,
}

/// Decides the format from the first bytes, with the file name as a hint. Formats tiyao
/// recognises but does not read (PDF, DOCX, legacy Word, images, archives) are refused here with
/// a message that says what to do.
pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> Result<Format, Error> {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let unsupported = |format| Err(Error::UnsupportedFormat { format });
    if bytes.starts_with(b"%PDF-") {
        return unsupported("PDF");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if ext == "docx"
            || crate::decode::find(&bytes[..bytes.len().min(4096)], b"word/").is_some()
        {
            unsupported("DOCX (Word)")
        } else {
            unsupported("ZIP archive")
        };
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return unsupported("legacy Word/Excel (.doc/.xls)");
    }
    if bytes.starts_with(b"{\\rtf") {
        return unsupported("RTF");
    }
    for (magic, name) in [
        (&b"\x89PNG"[..], "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
    ] {
        if bytes.starts_with(magic) {
            return unsupported(name);
        }
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    Ok(match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        _ => Format::Text,
    })
}

/// HTML when, after white space and a BOM, the input opens with a doctype, `<html`, `<head`,
/// `<body`, `<meta` or a comment, or has `<p>`/`<div` tags early on.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(2048)]
        .iter()
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let mut start = head.as_slice();
    if let Some(rest) = start.strip_prefix(b"\xef\xbb\xbf") {
        start = rest;
    }
    let trimmed = start
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &start[i..]);
    const OPENERS: [&[u8]; 6] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<!--",
    ];
    if OPENERS.iter().any(|o| trimmed.starts_with(o)) {
        return true;
    }
    let tags = [
        &b"<p>"[..],
        b"<div",
        b"<br",
        b"</p>",
        b"</div>",
        b"<span",
        b"<a href",
    ];
    tags.iter()
        .filter(|t| crate::decode::find(&head, t).is_some())
        .count()
        >= 2
}

/// Extracts the blocks of `text` read as `format`.
pub fn extract(text: &str, format: Format) -> Document {
    match format {
        Format::Text => text::extract(text),
        Format::Html => html::extract(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_from_bytes_before_names() {
        assert_eq!(
            sniff(b"<!DOCTYPE html><p>x", Some("a.txt")).unwrap(),
            Format::Html
        );
        assert_eq!(
            sniff("正文".as_bytes(), Some("a.html")).unwrap(),
            Format::Html
        );
        assert_eq!(sniff("正文".as_bytes(), None).unwrap(), Format::Text);
        assert_eq!(
            sniff("<div><div>正文</div></div>".as_bytes(), Some("a.txt")).unwrap(),
            Format::Html
        );
        assert_eq!(
            sniff("用 <div> 标签".as_bytes(), Some("a.txt")).unwrap(),
            Format::Text
        );
        assert_eq!(
            sniff(b"%PDF-1.7", None).unwrap_err().kind().as_str(),
            "unsupported_format"
        );
        let e = sniff(b"PK\x03\x04rest", Some("report.docx")).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("DOCX (Word) files are not supported yet"),
            "{e}"
        );
    }
}
