use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tiyao(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tiyao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn help_and_version() {
    let o = tiyao(&["--help"], b"");
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("--jsonl"));
    let o = tiyao(&["-V"], b"");
    assert_eq!(
        text(&o.stdout).trim(),
        format!("tiyao {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn summarises_a_file_as_text() {
    let o = tiyao(&[&fixture("news.html")], b"");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.starts_with("标题：河西新区推动企业复工复产\n关键词："),
        "{out}"
    );
    assert!(out.contains("摘要：\n  "));
}

#[test]
fn gbk_on_stdin_with_json() {
    let bytes = std::fs::read(fixture("report_gbk.txt")).unwrap();
    let o = tiyao(&["--json", "-n", "2"], &bytes);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["encoding"], "gb18030");
    assert_eq!(v["encodingGuessed"], true);
    assert_eq!(v["offsets"], "utf16");
    assert_eq!(v["summary"].as_array().unwrap().len(), 2);
    for key in [
        "title",
        "format",
        "script",
        "text",
        "sentences",
        "keywords",
        "keyphrases",
        "outline",
        "cleaning",
        "stats",
        "warnings",
    ] {
        assert!(v.get(key).is_some(), "help: --json lacks {key}");
    }
    assert!(v["stats"]["elapsedMs"].as_f64().is_some());
    assert!(text(&o.stderr).contains("warning: encoding guessed"));
}

#[test]
fn errors_exit_non_zero_with_a_message() {
    let o = tiyao(&["/no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("/no/such/file.txt"));
    let o = tiyao(&[], b"\x00\x01binary");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("binary file"),
        "{}",
        text(&o.stderr)
    );
    let o = tiyao(&["--sentences", "zero"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = tiyao(&["--bogus"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn jsonl_batch_keeps_order_and_reports_bad_lines() {
    let mut input = String::new();
    for i in 0..40 {
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"第{i}号文件说明了城市绿化工作的进展。全市新建公园{i}座，新增绿地明显。明年将继续推进绿道建设。\",\"sentences\":1}}\n"
        ));
    }
    input.push_str("{\"id\":7,\"text\":\"\"}\nnot json\n");
    let o = tiyao(&["--jsonl"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(1),
        "help: bad lines make the exit code 1"
    );
    let lines: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 42);
    for (i, l) in lines.iter().take(40).enumerate() {
        assert_eq!(l["id"], format!("d{i}"));
        assert_eq!(l["sentences"].as_array().unwrap().len(), 1);
        assert!(l["summary"].as_str().unwrap().len() > 10);
        assert!(l["keywords"].as_array().unwrap().len() > 2);
    }
    assert_eq!(lines[40]["id"], 7);
    assert_eq!(lines[40]["error"]["code"], "empty");
    assert_eq!(lines[41]["error"]["code"], "invalid_json");
}
