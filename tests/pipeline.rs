use tiyao::{summarize, ErrorKind, Options, Summary};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Summarises a fixture with the default options, its name as the format hint.
fn summarize_fixture(name: &str) -> Summary {
    summarize(&fixture(name), Some(name), &Options::default()).unwrap()
}

#[test]
fn news_page_loses_its_furniture() {
    let s = summarize_fixture("news.html");
    assert_eq!(s.title.as_deref(), Some("河西新区推动企业复工复产"));
    assert_eq!(s.format, tiyao::Format::Html);
    assert_eq!(s.summary.len(), 3);
    for junk in [
        "首页",
        "登录",
        "您当前的位置",
        "相关新闻",
        "分享到",
        "版权",
        "ICP",
        "来源",
        "不应出现",
        "示例新闻网4月12日讯",
    ] {
        assert!(
            !s.text.contains(junk),
            "help: cleaned text still has {junk:?}:\n{}",
            s.text
        );
    }
    // The dateline is gone, the lead stays.
    assert!(
        s.sentences[0]
            .text
            .starts_with("近日，河西新区出台十项措施"),
        "{}",
        s.sentences[0].text
    );
    let kw: Vec<&str> = s.keywords.iter().map(|k| k.text.as_str()).collect();
    assert!(
        kw.contains(&"企业") && kw.contains(&"河西新区"),
        "help: keywords {kw:?}"
    );
    assert!(s.keywords.iter().all(|k| (0.0..=1.0).contains(&k.weight)));
    assert_eq!(s.keywords[0].weight, 1.0);
}

#[test]
fn gbk_and_big5_reports() {
    let s = summarize_fixture("report_gbk.txt");
    assert_eq!((s.encoding, s.encoding_guessed), ("gb18030", true));
    assert_eq!(s.title.as_deref(), Some("关于二〇二三年城市绿化工作的报告"));
    assert!(s
        .warnings
        .iter()
        .any(|w| w.contains("encoding guessed as gb18030")));
    assert_eq!(s.script, tiyao::script::Script::Hans);

    let s = summarize(&fixture("report_big5.txt"), None, &Options::default()).unwrap();
    assert_eq!(s.encoding, "Big5");
    assert_eq!(s.script, tiyao::script::Script::Hant);
    assert_eq!(s.title.as_deref(), Some("臺北市推動社區長照服務"));
    assert!(
        s.summary_text().contains("長照據點"),
        "{}",
        s.summary_text()
    );
}

#[test]
fn spans_point_into_the_text_in_both_units() {
    let doc = "𠮷野家的新店开业了，吸引了很多顾客前来品尝。店长表示，𠮷野家将继续扩大经营规模。";
    let mut s = summarize(doc.as_bytes(), None, &Options::default()).unwrap();
    for x in &s.sentences {
        assert_eq!(&s.text[x.start..x.end], x.text);
    }
    s.use_utf16_offsets();
    let utf16: Vec<u16> = s.text.encode_utf16().collect();
    for x in &s.sentences {
        assert_eq!(
            String::from_utf16(&utf16[x.start..x.end]).unwrap(),
            x.text,
            "help: UTF-16 spans are off"
        );
    }
    assert_eq!(s.offsets, tiyao::OffsetUnit::Utf16);
}

#[test]
fn output_is_deterministic() {
    let a = summarize(&fixture("news.html"), None, &Options::default()).unwrap();
    for _ in 0..3 {
        assert_eq!(
            summarize(&fixture("news.html"), None, &Options::default()).unwrap(),
            a
        );
    }
}

#[test]
fn length_controls() {
    let bytes = fixture("news.html");
    let s = summarize(&bytes, None, &Options::builder().sentences(1).build()).unwrap();
    assert_eq!(s.summary.len(), 1);
    let s = summarize(&bytes, None, &Options::builder().max_chars(120).build()).unwrap();
    assert!(s.summary_text().chars().count() <= 120);
    assert!(!s.summary.is_empty());
    assert!(
        s.summary.windows(2).all(|w| w[0] < w[1]),
        "help: summary must be in document order"
    );
}

#[test]
fn bad_input_gets_clear_errors() {
    let o = Options::default();
    let kind = |b: &[u8], name: Option<&str>| summarize(b, name, &o).unwrap_err().kind();
    assert_eq!(kind(b"", None), ErrorKind::Empty);
    assert_eq!(kind(b"   \n\n  ", None), ErrorKind::Empty);
    assert_eq!(
        kind(b"\x7fELF\x02\x01\x01\x00\x00\x00", None),
        ErrorKind::Binary
    );
    assert_eq!(
        kind(b"%PDF-1.7\n...", Some("a.pdf")),
        ErrorKind::UnsupportedFormat
    );
    assert_eq!(
        kind(b"PK\x03\x04\x14\x00word/document.xml", Some("a.docx")),
        ErrorKind::UnsupportedFormat
    );
    assert_eq!(
        kind("首页 | 登录 | 注册".as_bytes(), None),
        ErrorKind::NoText
    );
    assert_eq!(
        kind(b"<html><nav>menu</nav><script>x()</script></html>", None),
        ErrorKind::NoText
    );
    let small = Options::builder().max_bytes(10).build();
    let e = summarize("一二三四五六七八九十".as_bytes(), None, &small).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    let e = summarize(b"x", None, &Options::builder().sentences(0).build()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidOption);
}

#[test]
fn random_bytes_never_panic() {
    // A cheap fuzz: deterministic pseudo-random inputs of many shapes must give Ok or Err.
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let pieces: [&[u8]; 8] = [
        b"<p>",
        "。".as_bytes(),
        "疫情防控".as_bytes(),
        b"\xff\xfe",
        b"&#x",
        "“".as_bytes(),
        b"\n",
        b"<script>",
    ];
    for round in 0..300 {
        let mut doc = Vec::new();
        for _ in 0..(round % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if x % 3 == 0 {
                doc.push((x >> 8) as u8);
            } else {
                doc.extend_from_slice(pieces[(x % 8) as usize]);
            }
        }
        let _ = summarize(&doc, None, &Options::default());
    }
}
