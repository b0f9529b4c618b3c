//! The build helper: `cargo xtask <command>`. It installs what the project needs on a fresh
//! machine (the wasm32 target, Chromium for browser tests, the npm test dependencies), builds
//! `pkg/` with wasm-bindgen used as a library (no downloaded binaries), serves the app on
//! 127.0.0.1, and runs every test.

mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const HELP: &str = "\
cargo xtask <command>

Commands:
  serve [--port N]   build pkg/ and serve the app on http://127.0.0.1:N/ (default 8000)
  wasm               build pkg/ (wasm32 release build + wasm-bindgen --target web)
  test               every test: fmt, clippy (host and wasm32), rustdoc with warnings denied,
                     unit + integration + CLI + doc tests, the wasm build, and the browser
                     end-to-end tests in headless Chromium
  setup              install prerequisites only (wasm32 target, Chromium, npm test packages)
  bench              time the CLI on the seed documents and print wasm sizes
  eval               score summaries (top-3 and budget = reference length) and keywords on
                     ../shared/eval with its score.py (the data is read in place, never copied)
  help               this text
";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    let r = match args.first().map(String::as_str) {
        Some("serve") => {
            let port = args
                .iter()
                .position(|a| a == "--port")
                .and_then(|i| args.get(i + 1))
                .and_then(|p| p.parse().ok())
                .unwrap_or(8000);
            setup_wasm_target()
                .and_then(|_| wasm(&root))
                .and_then(|_| serve::serve_forever(&root, port))
        }
        Some("wasm") => setup_wasm_target().and_then(|_| wasm(&root)),
        Some("test") => test(&root),
        Some("setup") => setup(&root).map(|_| ()),
        Some("bench") => bench(&root),
        Some("eval") => eval(&root),
        Some("help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

fn run(cmd: &mut Command) -> Result {
    eprintln!("+ {cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// `rustup target add wasm32-unknown-unknown` unless the target's standard library is there.
fn setup_wasm_target() -> Result {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| e.to_string())?;
    let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if Path::new(&sysroot)
        .join("lib/rustlib/wasm32-unknown-unknown/lib")
        .is_dir()
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The Chromium binary for browser tests: `$CHROMIUM`, or Debian's `/usr/bin/chromium`,
/// installed with apt-get when missing and we are root.
fn setup_chromium() -> Result<PathBuf> {
    if let Ok(p) = std::env::var("CHROMIUM") {
        return Ok(PathBuf::from(p));
    }
    let path = PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        return Ok(path);
    }
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    if uid.ok().as_deref() != Some("0") {
        return Err(
            "Chromium is needed for the browser tests: run `sudo apt-get install -y chromium`, \
                    or set CHROMIUM=/path/to/chrome"
                .into(),
        );
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "chromium"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    Ok(path)
}

/// `npm ci` for the browser tests' only dependency, playwright-core (no browser download).
fn setup_npm(root: &Path) -> Result {
    let dir = root.join("tests/browser");
    if dir.join("node_modules/playwright-core").is_dir() {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir))
}

/// Installs every prerequisite; returns the Chromium binary for the browser tests.
fn setup(root: &Path) -> Result<PathBuf> {
    setup_wasm_target()?;
    let chromium = setup_chromium()?;
    setup_npm(root)?;
    Ok(chromium)
}

/// Builds the wasm32 library with the `wasm` profile and writes `pkg/` with wasm-bindgen.
fn wasm(root: &Path) -> Result {
    run(cargo().current_dir(root).args([
        "build",
        "--lib",
        "--package",
        "tiyao",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm",
    ]))?;
    let input = root.join("target/wasm32-unknown-unknown/wasm/tiyao.wasm");
    let out = root.join("pkg");
    let mut b = wasm_bindgen_cli_support::Bindgen::new();
    b.input_path(&input)
        .out_name("tiyao")
        .typescript(true)
        .omit_default_module_path(false);
    b.web(true).map_err(|e| format!("{e:#}"))?;
    b.generate(&out)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;
    let size = std::fs::metadata(out.join("tiyao_bg.wasm"))
        .map_err(|e| e.to_string())?
        .len();
    eprintln!("pkg/tiyao_bg.wasm: {size} bytes");
    Ok(())
}

fn test(root: &Path) -> Result {
    let chromium = setup(root)?;
    run(cargo().current_dir(root).args(["fmt", "--all", "--check"]))?;
    run(cargo().current_dir(root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().current_dir(root).args([
        "clippy",
        "--lib",
        "--package",
        "tiyao",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo()
        .current_dir(root)
        .args(["test", "--package", "tiyao"]))?;
    wasm(root)?;
    node_in_browser(
        root,
        &chromium,
        &["--test", "--test-reporter=spec", "tests/browser/"],
    )
}

/// Serves the folder on a free port and runs node with `args` (from the repository root), telling
/// the scripts the server's URL, the Chromium binary and the repository root.
fn node_in_browser(root: &Path, chromium: &Path, args: &[&str]) -> Result {
    let server = serve::start(root, 0)?;
    run(Command::new("node")
        .args(args)
        .current_dir(root)
        .env(
            "TIYAO_BASE_URL",
            format!("http://127.0.0.1:{}/", server.port),
        )
        .env("CHROMIUM", chromium)
        .env("TIYAO_ROOT", root))
}

fn build_cli(root: &Path) -> Result {
    run(cargo().current_dir(root).args([
        "build",
        "--release",
        "--package",
        "tiyao",
        "--bin",
        "tiyao",
    ]))
}

fn bench(root: &Path) -> Result {
    let chromium = setup(root)?;
    build_cli(root)?;
    wasm(root)?;
    node_in_browser(root, &chromium, &["tests/browser/bench.mjs"])
}

/// Runs `tiyao --jsonl` over the dev sets in `../shared/eval` and scores the output with the
/// team's `score.py`. Budget runs add `max_chars` = the reference summary's length to each line.
fn eval(root: &Path) -> Result {
    let eval = root.join("../shared/eval");
    if !eval.join("score.py").exists() {
        return Err(format!(
            "{} not found: eval needs the team's shared/ folder beside the repository",
            eval.display()
        ));
    }
    build_cli(root)?;
    let bin = root.join("target/release/tiyao");
    let tmp = root.join("target/eval");
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let jobs = [
        (
            "summ_dev.jsonl",
            "summ",
            false,
            "summaries, court judgments, top-3",
        ),
        (
            "summ_dev.jsonl",
            "summ",
            true,
            "summaries, court judgments, budget = reference length",
        ),
        (
            "news_dev.jsonl",
            "summ",
            false,
            "summaries, news/official documents, top-3",
        ),
        (
            "news_dev.jsonl",
            "summ",
            true,
            "summaries, news/official documents, budget = reference length",
        ),
        (
            "kw_dev.jsonl",
            "kw",
            false,
            "keywords, scientific abstracts",
        ),
    ];
    for (file, task, budget, label) in jobs {
        let gold = eval.join(file);
        let text =
            std::fs::read_to_string(&gold).map_err(|e| format!("{}: {e}", gold.display()))?;
        let input = if budget { with_budget(&text) } else { text };
        let pred = tmp.join(format!(
            "{}{}.pred.jsonl",
            file.trim_end_matches(".jsonl"),
            if budget { ".budget" } else { "" }
        ));
        let mut child = Command::new(&bin)
            .arg("--jsonl")
            .stdin(std::process::Stdio::piped())
            .stdout(std::fs::File::create(&pred).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| e.to_string())?;
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(input.as_bytes())
            .map_err(|e| e.to_string())?;
        child.wait().map_err(|e| e.to_string())?;
        println!("== {label}");
        run(Command::new("python3")
            .arg(eval.join("score.py"))
            .args([task, "--gold"])
            .arg(&gold)
            .arg("--pred")
            .arg(&pred))?;
    }
    Ok(())
}

/// Adds `"max_chars": <length of "summary">` to every JSON line (a tiny, dependency-free edit:
/// the line's closing brace is replaced).
fn with_budget(jsonl: &str) -> String {
    let mut out = String::with_capacity(jsonl.len() + 64 * 1024);
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let chars = summary_chars(line);
        let body = line.trim_end().trim_end_matches('}');
        out.push_str(&format!("{body}, \"max_chars\": {chars}}}\n"));
    }
    out
}

/// Characters of the `"summary"` string value of a JSON line (escapes count as one character).
fn summary_chars(line: &str) -> usize {
    let Some(p) = line.find("\"summary\"") else {
        return 0;
    };
    let rest = line[p + 9..]
        .trim_start()
        .trim_start_matches(':')
        .trim_start();
    let Some(rest) = rest.strip_prefix('"') else {
        return 0;
    };
    let mut n = 0;
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => {
                if chars.next() == Some('u') {
                    chars.nth(3);
                }
                n += 1;
            }
            _ => n += 1,
        }
    }
    n
}
