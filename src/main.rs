//! `tiyao`: summarise Chinese documents from the command line. Parses arguments, reads files or
//! standard input, calls the library once per document, prints text, JSON or JSON Lines.
//! Exit codes: 0 success, 1 a document could not be summarised, 2 usage or I/O error.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;
use tiyao::{Options, Summary};

const HELP: &str = "\
tiyao — summarise Chinese reports (keywords + key sentences), entirely offline

Usage: tiyao [OPTIONS] [FILE...]
       tiyao --jsonl [OPTIONS] < docs.jsonl > summaries.jsonl

Reads each FILE (or standard input when there is none, or for '-'): plain text or HTML, in
UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5; the encoding is detected.

Options:
  -n, --sentences N   at most N summary sentences (default 3 when no other cap is given)
      --max-chars N   at most N characters in the summary (whole sentences only)
      --ratio R       at most this share (0 < R <= 1) of the document's sentences
  -k, --keywords N    number of keywords (default 10)
      --json          print everything (sentences, scores, keywords, cleaning report) as JSON;
                      offsets are UTF-16 code units, as in the browser
      --jsonl         batch mode: read JSON lines {\"id\", \"text\"} from standard input (a line
                      may carry its own \"sentences\" and \"max_chars\") and write one line
                      {\"id\", \"title\", \"summary\", \"keywords\", \"sentences\"} per input line,
                      in order, using every core; a failed line gives {\"id\", \"error\"}
  -h, --help          print this help
  -V, --version       print the version

Examples:
  tiyao report.txt
  tiyao -n 5 --json page.html > page.json
  iconv -f gbk -t utf-8 old.txt | tiyao -         (not needed: GBK is detected anyway)
  tiyao --jsonl --max-chars 200 < docs.jsonl > out.jsonl

Exit status: 0 success, 1 a document could not be summarised, 2 usage or I/O error.
";

struct Args {
    files: Vec<String>,
    json: bool,
    jsonl: bool,
    options: Options,
}

fn parse_args() -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut p = lexopt::Parser::from_env();
    let mut args = Args {
        files: Vec::new(),
        json: false,
        jsonl: false,
        options: Options::default(),
    };
    let num = |p: &mut lexopt::Parser, name: &str| -> Result<usize, String> {
        let v = p.value().map_err(|e| e.to_string())?;
        v.string()
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
            .ok_or_else(|| format!("{name} needs a whole number"))
    };
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                print!("{HELP}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("tiyao {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Short('n') | Long("sentences") => {
                args.options.sentences = Some(num(&mut p, "--sentences")?)
            }
            Long("max-chars") => args.options.max_chars = Some(num(&mut p, "--max-chars")?),
            Short('k') | Long("keywords") => args.options.keywords = num(&mut p, "--keywords")?,
            Long("ratio") => {
                let v = p.value().map_err(|e| e.to_string())?;
                let r = v.string().ok().and_then(|s| s.parse::<f32>().ok());
                args.options.ratio = Some(r.ok_or("--ratio needs a number such as 0.2")?);
            }
            Long("json") => args.json = true,
            Long("jsonl") => args.jsonl = true,
            Value(v) => args.files.push(
                v.string()
                    .map_err(|v| format!("file name is not UTF-8: {v:?}"))?,
            ),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    if args.json && args.jsonl {
        return Err("--json and --jsonl cannot be combined".into());
    }
    if args.jsonl && !args.files.is_empty() {
        return Err(
            "--jsonl reads standard input only; pipe the file in: tiyao --jsonl < docs.jsonl"
                .into(),
        );
    }
    args.options.validate().map_err(|e| e.to_string())?;
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tiyao: {e}\nTry 'tiyao --help'.");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        run_jsonl(&args.options)
    } else {
        run_files(&args)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tiyao: {e}");
            ExitCode::from(2)
        }
    }
}

/// Summarises each file; returns whether all succeeded.
fn run_files(args: &Args) -> io::Result<bool> {
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut all_ok = true;
    let mut json_docs = Vec::new();
    for (n, name) in files.iter().enumerate() {
        let bytes = if name == "-" {
            let mut b = Vec::new();
            io::stdin().lock().read_to_end(&mut b)?;
            b
        } else {
            match std::fs::read(name) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("tiyao: {name}: {e}");
                    all_ok = false;
                    continue;
                }
            }
        };
        let hint = (name != "-").then_some(name.as_str());
        let t0 = Instant::now();
        match tiyao::summarize(&bytes, hint, &args.options) {
            Ok(mut s) => {
                s.stats.elapsed_ms = Some(t0.elapsed().as_secs_f64() * 1000.0);
                s.use_utf16_offsets();
                for w in &s.warnings {
                    eprintln!("tiyao: {name}: warning: {w}");
                }
                if args.json {
                    json_docs.push(s);
                } else {
                    if files.len() > 1 {
                        writeln!(out, "{}== {name} ==", if n > 0 { "\n" } else { "" })?;
                    }
                    print_text(&mut out, &s)?;
                }
            }
            Err(e) => {
                eprintln!("tiyao: {name}: {e}");
                all_ok = false;
            }
        }
    }
    if args.json {
        let text = if json_docs.len() == 1 && files.len() == 1 {
            serde_json::to_string_pretty(&json_docs[0])
        } else {
            serde_json::to_string_pretty(&json_docs)
        };
        writeln!(out, "{}", text.map_err(io::Error::other)?)?;
    }
    out.flush()?;
    Ok(all_ok)
}

fn print_text(out: &mut impl Write, s: &Summary) -> io::Result<()> {
    if let Some(t) = &s.title {
        writeln!(out, "标题：{t}")?;
    }
    let kw: Vec<&str> = s.keywords.iter().map(|k| k.text.as_str()).collect();
    writeln!(out, "关键词：{}", kw.join("、"))?;
    writeln!(out, "摘要：")?;
    for &i in &s.summary {
        writeln!(out, "  {}", s.sentences[i].text)?;
    }
    Ok(())
}

#[derive(serde::Deserialize)]
struct JsonlIn {
    id: serde_json::Value,
    text: Option<String>,
    sentences: Option<usize>,
    max_chars: Option<usize>,
}

#[derive(Serialize)]
struct JsonlOut<'a> {
    id: &'a serde_json::Value,
    title: Option<&'a str>,
    summary: String,
    keywords: Vec<&'a str>,
    sentences: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonlErr<'a> {
    id: &'a serde_json::Value,
    error: ErrOut,
}

#[derive(Serialize)]
struct ErrOut {
    code: &'static str,
    message: String,
}

/// One input line to one output line.
fn jsonl_line(line: &str, lineno: usize, base: &Options) -> (String, bool) {
    let null = serde_json::Value::Null;
    let err = |id: &serde_json::Value, code, message: String| {
        let e = JsonlErr {
            id,
            error: ErrOut { code, message },
        };
        (serde_json::to_string(&e).unwrap_or_default(), false)
    };
    let input: JsonlIn = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return err(&null, "invalid_json", format!("line {lineno}: {e}")),
    };
    let Some(text) = input.text.as_deref() else {
        return err(
            &input.id,
            "invalid_json",
            format!("line {lineno}: no \"text\" field"),
        );
    };
    let mut opts = base.clone();
    if input.sentences.is_some() {
        opts.sentences = input.sentences;
    }
    if input.max_chars.is_some() {
        opts.max_chars = input.max_chars;
    }
    match tiyao::summarize_text(text, &opts) {
        Ok(s) => {
            let out = JsonlOut {
                id: &input.id,
                title: s.title.as_deref(),
                summary: s.summary_text(),
                keywords: s.keywords.iter().map(|k| k.text.as_str()).collect(),
                sentences: s
                    .summary
                    .iter()
                    .map(|&i| s.sentences[i].text.as_str())
                    .collect(),
            };
            (serde_json::to_string(&out).unwrap_or_default(), true)
        }
        Err(e) => err(&input.id, e.kind().as_str(), e.to_string()),
    }
}

/// Batch mode: lines are processed in chunks, each chunk spread over all cores, and written
/// in input order. Returns whether every line succeeded.
fn run_jsonl(opts: &Options) -> io::Result<bool> {
    const CHUNK: usize = 256;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut lineno = 0usize;
    tiyao::warm_up();
    loop {
        let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
        for line in lines.by_ref() {
            let line = line?;
            lineno += 1;
            if !line.trim().is_empty() {
                chunk.push((lineno, line));
            }
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let mut results: Vec<(String, bool)> = vec![(String::new(), true); chunk.len()];
        std::thread::scope(|s| {
            let per = chunk.len().div_ceil(threads);
            for (inputs, outputs) in chunk.chunks(per).zip(results.chunks_mut(per)) {
                s.spawn(move || {
                    for ((n, line), slot) in inputs.iter().zip(outputs.iter_mut()) {
                        *slot = jsonl_line(line, *n, opts);
                    }
                });
            }
        });
        for (text, ok) in results {
            all_ok &= ok;
            writeln!(out, "{text}")?;
        }
    }
    out.flush()?;
    Ok(all_ok)
}
