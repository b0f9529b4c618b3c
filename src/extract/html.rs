//! HTML → blocks with a small, forgiving scanner rather than a full HTML5 parser: scraped news
//! pages are often broken (unclosed tags, stray `<`), and a full parser would add hundreds of
//! kilobytes to the WebAssembly download for no gain in the text we keep.
//!
//! Kept: headings, paragraphs, list items, table cells, `<br>` line breaks, the `<title>`.
//! Dropped with their whole subtree: `script`, `style`, `nav`, `footer`, `aside`, `form`,
//! `iframe`, `svg`, `figcaption`, site `header`s (a `header` inside `article`/`main` is kept: it
//! holds the headline), and any element whose `class` or `id` names page furniture (`nav`,
//! `breadcrumb`, `share`, `related`, `copyright`, `comment`, …). Blocks of at most
//! [`LINK_LIST_MAX_CHARS`] characters that are mostly link text (menus, "related news" lists
//! without telling class names) are set aside in [`Document::dropped`].

use super::{text::classify, Block, BlockKind, Document};

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];
/// Elements dropped with everything inside them.
const SKIP: [&str; 14] = [
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "template",
    "canvas",
    "video",
    "audio",
    "figcaption",
    "head",
];
/// Elements that never have content or an end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements that start and end a block of text.
const BLOCK: [&str; 30] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "figure",
    "center",
    "address",
    "body",
    "header",
];
/// `class`/`id` words that mark page furniture rather than article text.
const FURNITURE: [&str; 24] = [
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "footer",
    "sidebar",
    "share",
    "related",
    "recommend",
    "copyright",
    "comment",
    "comments",
    "advert",
    "ads",
    "banner",
    "toolbar",
    "pagination",
    "pager",
    "subnav",
    "topbar",
    "hot",
    "login",
];

/// Blocks up to this many characters are dropped when at least 80 % of their text is inside
/// links. Longer blocks are article text even with many links in them.
pub const LINK_LIST_MAX_CHARS: usize = 200;

struct Scanner {
    blocks: Vec<Block>,
    dropped: Vec<String>,
    /// Depth inside `<a>` elements, and how many non-space characters of the current block
    /// were inside one.
    in_link: usize,
    link_chars: usize,
    cur: String,
    kind: BlockKind,
    /// The element being skipped and how deep we are in nested elements of the same name.
    skipping: Option<(String, usize)>,
    /// Depth inside `article`/`main`, where a `header` holds the headline.
    in_article: usize,
    h1: Option<String>,
    in_h1: bool,
    h1_text: String,
    title: Option<String>,
}

pub(super) fn extract(html: &str) -> Document {
    let mut s = Scanner {
        blocks: Vec::new(),
        dropped: Vec::new(),
        in_link: 0,
        link_chars: 0,
        cur: String::new(),
        kind: BlockKind::Paragraph,
        skipping: None,
        in_article: 0,
        h1: None,
        in_h1: false,
        h1_text: String::new(),
        title: None,
    };
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = html[i..].find('<').map_or(b.len(), |p| i + p);
            s.text(&html[i..end]);
            i = end;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(b.len(), |p| i + p + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(b.len(), |p| i + p + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = i + 1 + closing as usize;
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == name_start || !b[name_start].is_ascii_alphabetic() {
            // A stray '<' in text.
            s.text("<");
            i += 1;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let tag_end = tag_end(b, j);
        let attrs = &html[j..tag_end.saturating_sub(1).max(j)];
        i = tag_end;
        if closing {
            s.close(&name);
        } else {
            let self_closing = attrs.trim_end().ends_with('/');
            s.open(&name, attrs, self_closing);
            if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                let end = find_ci(&html[i..], &format!("</{name}")).map_or(b.len(), |p| i + p);
                if name == "title" && s.title.is_none() {
                    s.title = Some(collapse(&decode_entities(&html[i..end])));
                }
                // The end tag itself is read by the main loop, like any other.
                i = end;
            }
        }
    }
    s.flush();
    let title = pick_title(s.h1, s.title);
    let mut blocks = s.blocks;
    if let Some(t) = &title {
        // The headline is the title; keep it once as a heading, not as a paragraph.
        for b in blocks.iter_mut().filter(|b| &b.text == t) {
            b.kind = BlockKind::Heading;
        }
    }
    Document {
        title,
        blocks,
        dropped: s.dropped,
    }
}

impl Scanner {
    fn text(&mut self, raw: &str) {
        if self.skipping.is_some() {
            return;
        }
        let t = decode_entities(raw);
        if self.in_h1 {
            self.h1_text.push_str(&t);
        }
        if self.in_link > 0 {
            self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.cur.push_str(&t);
    }

    fn open(&mut self, name: &str, attrs: &str, self_closing: bool) {
        if let Some((skip, depth)) = &mut self.skipping {
            if skip == name && !self_closing {
                *depth += 1;
            }
            return;
        }
        let void = VOID.contains(&name) || self_closing;
        let skip_header = name == "header" && self.in_article == 0;
        if !void && (SKIP.contains(&name) || skip_header || is_furniture(name, attrs)) {
            self.flush();
            self.skipping = Some((name.to_string(), 1));
            return;
        }
        if BLOCK.contains(&name) {
            self.flush();
        }
        match name {
            "a" if !self_closing => self.in_link += 1,
            "article" | "main" => self.in_article += 1,
            "h1" => {
                self.in_h1 = true;
                self.h1_text.clear();
                self.kind = BlockKind::Heading;
            }
            "h2" | "h3" | "h4" | "h5" | "h6" => self.kind = BlockKind::Heading,
            "li" | "dt" | "dd" => self.kind = BlockKind::ListItem,
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if let Some((skip, depth)) = &mut self.skipping {
            if skip == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if BLOCK.contains(&name) {
            self.flush();
        }
        match name {
            "a" => self.in_link = self.in_link.saturating_sub(1),
            "article" | "main" => self.in_article = self.in_article.saturating_sub(1),
            "h1" => {
                self.in_h1 = false;
                let t = collapse(&self.h1_text);
                if self.h1.is_none() && t.chars().count() >= 2 {
                    self.h1 = Some(t);
                }
            }
            _ => {}
        }
    }

    fn flush(&mut self) {
        let text = collapse(&self.cur);
        self.cur.clear();
        let links = std::mem::take(&mut self.link_chars);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if !text.is_empty()
            && !self.in_h1
            && chars <= LINK_LIST_MAX_CHARS
            && links * 10 >= chars * 8
        {
            self.dropped.push(text);
        } else if !text.is_empty() {
            let kind = match self.kind {
                BlockKind::Paragraph => classify(&text),
                k => k,
            };
            self.blocks.push(Block { kind, text });
        }
        if !self.in_h1 {
            self.kind = BlockKind::Paragraph;
        }
    }
}

fn is_furniture(name: &str, attrs: &str) -> bool {
    if matches!(
        name,
        "html" | "body" | "article" | "main" | "p" | "h1" | "h2" | "h3"
    ) {
        return false;
    }
    let lower = attrs.to_ascii_lowercase();
    for key in ["class", "id"] {
        if let Some(v) = attr_value(&lower, key) {
            let hit = v
                .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
                .any(|w| FURNITURE.contains(&w));
            if hit {
                return true;
            }
        }
    }
    false
}

/// The value of attribute `key` in a lower-cased attribute string.
fn attr_value<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(p) = attrs[from..].find(key) {
        let at = from + p;
        let before_ok = at == 0 || attrs.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[at + key.len()..].trim_start();
        if before_ok {
            if let Some(rest) = rest.strip_prefix('=') {
                let rest = rest.trim_start();
                return Some(match rest.chars().next() {
                    Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                    _ => rest
                        .split(|c: char| c.is_ascii_whitespace() || c == '>')
                        .next()
                        .unwrap_or(""),
                });
            }
        }
        from = at + key.len();
    }
    None
}

/// Index just past the `>` that ends a tag starting before `from`, honouring quoted values.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return i + 1;
        } else if c == b'<' {
            // Broken tag: stop here so the next tag is still seen.
            return i;
        }
        i += 1;
    }
    b.len()
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// Collapses runs of white space (HTML's rule) and trims.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The `<h1>` when there is one, else the `<title>` without its site-name suffix
/// ("标题_新华网", "标题 - 人民网").
fn pick_title(h1: Option<String>, title: Option<String>) -> Option<String> {
    if let Some(h) = h1.filter(|h| h.chars().count() >= 4) {
        return Some(h);
    }
    let t = title?;
    let first = t.split(['_', '|', '｜', '—', '－']).next().unwrap_or(&t);
    let first = first.split(" - ").next().unwrap_or(first).trim();
    Some(if first.chars().count() >= 4 {
        first.to_string()
    } else {
        t
    })
    .filter(|t| !t.is_empty())
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let (name, consumed) = match end {
            Some(e) if rest.as_bytes().get(e) == Some(&b';') => (&rest[1..e], e + 1),
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        match entity(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(v).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "times" => '×',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_drops_furniture() {
        let html = r#"<html><head><title>新区复产_中国甘肃网</title><style>p{}</style></head><body>
            <nav><a href="/">首页</a></nav><div class="top-nav">登录 注册</div>
            <article><header><h1>新区生产生活加快恢复</h1></header>
            <p>3月5日，新区发现1例阳性人员&mdash;随即启动应急机制。</p>
            <p>企业生产<br>按下快进键。</p><script>var a = "<p>x</p>";</script>
            <ul class="related-news"><li>其他新闻</li></ul></article>
            <footer>版权所有 &copy; 2022</footer></body></html>"#;
        let d = extract(html);
        assert_eq!(d.title.as_deref(), Some("新区生产生活加快恢复"));
        let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "新区生产生活加快恢复",
                "3月5日，新区发现1例阳性人员—随即启动应急机制。",
                "企业生产",
                "按下快进键。"
            ]
        );
        assert_eq!(d.blocks[0].kind, BlockKind::Heading);
    }

    #[test]
    fn link_lists_are_set_aside() {
        let d = extract(
            "<h1><a href='/a'>河西新区推动企业复工复产</a></h1><p>正文第一段，<a href='/x'>新区</a>出台十项措施。</p>\
             <div><ul><li><a href='/1'>河东新区举办招聘会</a></li><li><a href='/2'>全省工业经济运行平稳</a></li></ul></div>",
        );
        let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["河西新区推动企业复工复产", "正文第一段，新区出台十项措施。"]
        );
        assert_eq!(d.dropped, ["河东新区举办招聘会", "全省工业经济运行平稳"]);
    }

    #[test]
    fn title_suffix_and_broken_markup() {
        let d = extract("<title>荣昌：疫情零扩散 - 华龙网</title><p>未闭合的段落。<p>第二段 < 第三段。&unknown; &#x4e2d;");
        assert_eq!(d.title.as_deref(), Some("荣昌：疫情零扩散"));
        let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["未闭合的段落。", "第二段 < 第三段。&unknown; 中"]);
    }
}
