//! The five seed documents (`../shared/seeds/`, present in CI). They have no reference
//! summaries; these tests hold the promises a reader relies on.

use std::path::PathBuf;

use tiyao::{summarize, Options};

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} not found; seed tests skipped", dir.display());
        return Vec::new();
    };
    let mut v: Vec<_> = rd
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Text that must never appear in a summary: navigation, copyright, related-news, bylines.
const FURNITURE: [&str; 16] = [
    "版权",
    "版權",
    "转载",
    "精彩推荐",
    "即时播报",
    "关注我们",
    "责任编辑",
    "责编",
    "【詳細】",
    "【详细】",
    "您当前的位置",
    "来源：",
    "客户端",
    "分享",
    "返回顶部",
    "原标题",
];

#[test]
fn no_furniture_and_no_repeats_in_any_seed_summary() {
    for (name, bytes) in seeds() {
        for opts in [Options::default(), Options::builder().sentences(8).build()] {
            let s = summarize(&bytes, Some(&name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
            let picked: Vec<&str> = s
                .summary
                .iter()
                .map(|&i| s.sentences[i].text.as_str())
                .collect();
            for p in &picked {
                for junk in FURNITURE {
                    assert!(
                        !p.contains(junk),
                        "help: {name}: summary sentence has {junk:?}: {p}"
                    );
                }
                assert!(
                    !tiyao::sentence::garbled(p),
                    "help: {name}: garbled sentence picked: {p}"
                );
            }
            let mut uniq = picked.clone();
            uniq.sort();
            uniq.dedup();
            assert_eq!(
                uniq.len(),
                picked.len(),
                "help: {name}: a sentence appears twice"
            );
            assert!(!s.keywords.is_empty(), "{name}: no keywords");
        }
    }
}

#[test]
fn repeated_article_is_removed_once() {
    for (name, bytes) in seeds().into_iter().filter(|(n, _)| n.starts_with("003_")) {
        let s = summarize(&bytes, Some(&name), &Options::default()).unwrap();
        let lead = "3月4日，根据重庆市新冠肺炎疫情防控工作领导小组通知";
        assert_eq!(
            s.text.matches(lead).count(),
            1,
            "help: the repeated lead must be dropped"
        );
        assert!(s
            .cleaning
            .iter()
            .any(|c| c.kind == tiyao::clean::CleanKind::Duplicate));
    }
}

#[test]
fn pinyin_and_mojibake_in_the_traditional_seed() {
    for (name, bytes) in seeds().into_iter().filter(|(n, _)| n.starts_with("001_")) {
        let s = summarize(&bytes, Some(&name), &Options::default()).unwrap();
        assert!(
            !s.text.contains("(qū)") && s.text.contains("安寧區"),
            "help: inline pinyin must go"
        );
        assert_eq!(s.script, tiyao::script::Script::Hant);
        assert!(s
            .cleaning
            .iter()
            .any(|c| c.kind == tiyao::clean::CleanKind::Mojibake));
    }
}
