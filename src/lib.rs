/*!
tiyao (提要) summarises Chinese reports: it cleans a document (navigation, copyright lines,
repeated articles, OCR line breaks, inline pinyin), splits it into sentences, segments them with
jieba, ranks keywords and sentences with TextRank, and returns the best sentences in document
order. It runs entirely on the reader's machine: in the browser through WebAssembly, or as the
`tiyao` command-line tool.

```
let report = "兰州新区疫情防控工作综述\n\
    3月5日，兰州新区在重点人群筛查中发现1例阳性人员，随即启动疫情防控应急处置机制。\n\
    新区坚持外防输入、内防反弹的总策略，全面加快企业复工复产。\n\
    截至目前，新区累计为近百家企业发放通行证761张，有效解决了企业物资运输问题。\n\
    版权声明：凡注有来源为本网的稿件，均为本网版权稿件，未经授权不得转载。";
let summary = tiyao::summarize(report.as_bytes(), Some("report.txt"), &tiyao::Options::default())?;
assert_eq!(summary.title.as_deref(), Some("兰州新区疫情防控工作综述"));
assert_eq!(summary.summary.len(), 3);
assert!(!summary.summary_text().contains("版权"));
assert!(summary.keywords.iter().take(5).any(|k| k.text == "新区"));
# Ok::<(), tiyao::Error>(())
```

The stages, one module each, data flowing one way:
decode → extract → clean → split ([`sentence`]) → segment → rank → assemble ([`summary`]).
Nothing here reads files, clocks or the DOM; the CLI (`src/main.rs`) and the WebAssembly edge
(`src/wasm.rs`) do the I/O.
*/
#![deny(missing_docs)]

pub mod clean;
pub mod decode;
mod error;
pub mod extract;
mod options;
pub mod rank;
pub mod script;
pub mod segment;
pub mod sentence;
mod stopwords;
pub mod summary;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind};
pub use extract::Format;
pub use options::{Options, OptionsBuilder};
pub use rank::keywords::{Keyphrase, Keyword};
pub use summary::{OffsetUnit, Section, Sentence, Stats, Summary};

/// Summarises a document given as bytes, in any encoding and format tiyao reads.
///
/// `file_name` is a hint for the format when the bytes do not settle it (`.html`). Errors say
/// what was wrong with the input: empty, binary, too large, an unsupported format, undecodable,
/// or without any Chinese sentence to summarise. Offsets in the result are bytes; see
/// [`Summary::use_utf16_offsets`].
pub fn summarize(bytes: &[u8], file_name: Option<&str>, opts: &Options) -> Result<Summary, Error> {
    opts.validate()?;
    if bytes.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: opts.max_bytes,
        });
    }
    let format = extract::sniff(bytes, file_name)?;
    let decoded = decode::decode(bytes)?;
    // The page shows these in Chinese by matching their wording (www/render.js, WARNINGS):
    // change both together.
    let mut warnings = Vec::new();
    if decoded.guessed {
        warnings.push(format!(
            "encoding guessed as {}: if the text looks wrong, save the file as UTF-8",
            decoded.encoding
        ));
    }
    if decoded.replaced > 0 {
        warnings.push(format!(
            "{} byte sequences could not be decoded and were replaced by �",
            decoded.replaced
        ));
    }
    run(
        &decoded.text,
        format,
        decoded.encoding,
        decoded.guessed,
        warnings,
        opts,
    )
}

/// Summarises text that is already a string (HTML is recognised by its tags).
pub fn summarize_text(text: &str, opts: &Options) -> Result<Summary, Error> {
    opts.validate()?;
    if text.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: opts.max_bytes,
        });
    }
    let format = extract::sniff(text.as_bytes(), None)?;
    run(text, format, "UTF-8", false, Vec::new(), opts)
}

/// Loads the dictionary ahead of the first document (it takes a noticeable moment, longest in
/// the browser). Optional: the first summary does it otherwise.
pub fn warm_up() {
    segment::warm_up();
}

fn run(
    text: &str,
    format: Format,
    encoding: &'static str,
    encoding_guessed: bool,
    mut warnings: Vec<String>,
    opts: &Options,
) -> Result<Summary, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let doc = extract::extract(text, format);
    let mut cleaned = clean::clean(doc, format);

    let sentence::Layout {
        text: full,
        spans,
        outline,
    } = sentence::layout(&cleaned.blocks, cleaned.title.as_deref());
    let texts: Vec<&str> = spans.iter().map(|&(s, e)| &full[s..e]).collect();
    let mut eligible = Vec::with_capacity(texts.len());
    for t in &texts {
        let bad = sentence::garbled(t);
        if bad {
            cleaned
                .report
                .push(clean::Cleaning::text(clean::CleanKind::Mojibake, t));
        }
        eligible.push(!bad && sentence::long_enough(t));
    }
    if !eligible.iter().any(|e| *e) {
        return Err(Error::NoText);
    }
    let garbled = cleaned
        .report
        .iter()
        .filter(|c| c.kind == clean::CleanKind::Mojibake)
        .count();
    if garbled > 0 {
        warnings.push(format!(
            "{garbled} garbled sentences (wrong encoding or mojibake) were left out of the summary"
        ));
    }

    // Traditional (or mixed) text is segmented through a Simplified copy with the same offsets.
    let script = script::detect(&full);
    let analysed: Vec<std::borrow::Cow<'_, str>> = texts
        .iter()
        .map(|t| script::analysis_form(t, script))
        .collect();
    let tokens: Vec<Vec<segment::Token<'_>>> = texts
        .iter()
        .zip(&analysed)
        .map(|(t, a)| segment::segment_as(t, a))
        .collect();
    let title = cleaned.title.clone().unwrap_or_default();
    let title_analysed = script::analysis_form(&title, script);
    let title_tokens = segment::segment_as(&title, &title_analysed);
    let words = tokens
        .iter()
        .flatten()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .count();

    let (words_ranked, seqs) = rank::keywords::rank(&tokens, &title_tokens);
    // Phrases are built from the best 2n words (at least 20), so rarer compounds still form.
    let phrases = rank::keywords::phrases(&words_ranked, &seqs, &tokens, opts.keywords.max(10) * 2);
    let keywords = rank::keywords::merge(
        &words_ranked,
        if opts.keyphrases { &phrases } else { &[] },
        opts.keywords,
    );
    let mut keyphrases = if opts.keyphrases { phrases } else { Vec::new() };
    keyphrases.truncate(opts.keywords);
    let scores = rank::sentences::rank(&tokens, &eligible, &title_tokens);
    let (chosen, over) = summary::select(&texts, &scores, &eligible, opts);
    if over {
        warnings.push(format!(
            "no sentence fits in {} characters; the best sentence is returned alone",
            opts.max_chars.unwrap_or(0)
        ));
    }

    let sentences: Vec<Sentence> = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| Sentence {
            text: texts[i].to_string(),
            score: scores[i],
            index: i,
            start,
            end,
            selected: chosen.binary_search(&i).is_ok(),
        })
        .collect();
    Ok(Summary {
        title: cleaned.title,
        format,
        encoding,
        encoding_guessed,
        script,
        stats: Stats {
            chars: full.chars().count(),
            sentences: sentences.len(),
            words,
            elapsed_ms: None,
        },
        text: full,
        offsets: OffsetUnit::Byte,
        sentences,
        summary: chosen,
        keywords,
        keyphrases,
        outline,
        cleaning: cleaned.report,
        warnings,
    })
}

/// The README's Rust examples, compiled and run as doctests so they cannot drift.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
