//! Page furniture that survives extraction, recognised by what it says: breadcrumbs, bylines
//! and datelines, share/print/font-size controls, copyright notices, app promotions,
//! "related news" teasers, and the "精彩推荐 / 相关新闻 / 即时播报" sections at the end of a page.
//!
//! Markers are matched in Simplified and Traditional forms. A marker in a short line decides;
//! a long paragraph is dropped only when it carries two markers of one family (a copyright
//! notice says "版权" and "转载"; a story that mentions copyright once stays).

use crate::extract::{Block, BlockKind};

/// What a dropped block was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Why {
    /// Navigation, controls, copyright, promotion, teaser lists.
    Boilerplate,
    /// Source, author, editor and date lines.
    Byline,
    /// A photo caption ("…检查。" under a picture, "… 张春连 摄").
    Caption,
}

/// Section headings after which, near the end of a page, nothing belongs to the article.
const TAIL_SECTIONS: [&str; 30] = [
    "精彩推荐",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关报道",
    "延伸阅读",
    "推荐阅读",
    "热点推荐",
    "热门推荐",
    "即时播报",
    "更多新闻",
    "猜你喜欢",
    "热门文章",
    "今日推荐",
    "图片新闻",
    "热点新闻",
    "新闻排行",
    "点击排行",
    "网友评论",
    "发表评论",
    "关注我们",
    "精彩视频",
    "版权声明",
    "相關新聞",
    "相關閱讀",
    "延伸閱讀",
    "推薦閱讀",
    "熱點推薦",
    "精彩推薦",
    "關注我們",
];

/// Words that make a short line furniture.
const SHORT_MARKERS: [&str; 46] = [
    "分享话题",
    "手机阅读",
    "来源：",
    "來源：",
    "编辑：",
    "編輯：",
    "责编",
    "責編",
    "责任编辑",
    "責任編輯",
    "作者：",
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "小字号",
    "大字号",
    "字号：",
    "打印本页",
    "关闭窗口",
    "分享到",
    "分享让更多人看到",
    "扫一扫",
    "二维码",
    "返回顶部",
    "上一篇",
    "下一篇",
    "您当前的位置",
    "当前位置",
    "您現在的位置",
    "网站地图",
    "免责声明",
    "版权所有",
    "版權所有",
    "Copyright",
    "copyright",
    "©",
    "ICP备",
    "ICP證",
    "跟帖",
    "发表评论",
    "举报",
    "联系我们",
    "微信公众号",
    "客户端",
    "图片除署名外",
];

/// Exact short lines that are controls.
const CONTROLS: [&str; 12] = [
    "小字号",
    "大字号",
    "打印",
    "关闭",
    "分享",
    "收藏",
    "评论",
    "纠错",
    "返回",
    "首页",
    "登录",
    "注册",
];

/// Share-widget and social-site labels that scrapes keep as lines of their own.
const SHARE_TARGETS: [&str; 14] = [
    "新浪微博",
    "腾讯微博",
    "QQ空间",
    "QQ好友",
    "微信",
    "微博",
    "微信好友",
    "朋友圈",
    "人人网",
    "豆瓣",
    "百度贴吧",
    "手机看",
    "打印",
    "纠错",
];

/// Families of markers; two different markers of one family make any block furniture.
const FAMILIES: [&[&str]; 2] = [
    &[
        "版权",
        "版權",
        "未经",
        "未經",
        "授权",
        "授權",
        "转载",
        "轉載",
        "摘编",
        "侵权",
        "法律责任",
        "Copyright",
        "©",
    ],
    &[
        "客户端",
        "二维码",
        "扫描",
        "下载",
        "关注我们",
        "公众号",
        "新版本",
        "客戶端",
        "二維碼",
        "掃描",
        "下載",
    ],
];

/// Teaser endings: a headline plus the first words of another story.
const TEASER_ENDS: [&str; 6] = [
    "【详细】",
    "【詳細】",
    "[详细]",
    "[詳細]",
    "阅读全文",
    "查看全文",
];

/// Returns, for each block, why it is furniture, or `None` when it is content.
pub(crate) fn classify(blocks: &[Block]) -> Vec<Option<Why>> {
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut seen = 0usize;
    let mut out = Vec::with_capacity(blocks.len());
    let mut tail = false;
    for b in blocks {
        seen += b.text.len();
        if tail {
            out.push(Some(Why::Boilerplate));
            continue;
        }
        let why = block_why(b);
        // A "related news" heading in the last 40 % of the page ends the article.
        if is_tail_section(&b.text) && seen * 10 >= total * 6 {
            tail = true;
            out.push(Some(Why::Boilerplate));
            continue;
        }
        out.push(why);
    }
    out
}

fn is_tail_section(text: &str) -> bool {
    let t = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '：' | ':' | '|' | '【' | '】' | '[' | ']')
    });
    t.chars().count() <= 8 && TAIL_SECTIONS.iter().any(|m| t.starts_with(m))
}

fn block_why(b: &Block) -> Option<Why> {
    let t = b.text.as_str();
    let n = t.chars().count();
    if t.starts_with("原标题") || t.starts_with("原標題") {
        return Some(Why::Byline);
    }
    if TEASER_ENDS.iter().any(|e| t.ends_with(e)) {
        return Some(Why::Boilerplate);
    }
    if (n <= 8 && (CONTROLS.contains(&t) || SHARE_TARGETS.contains(&t))) || is_tail_section(t) {
        return Some(Why::Boilerplate);
    }
    if n <= 60 && is_caption(t) {
        return Some(Why::Caption);
    }
    if n <= 80 && t.matches(['>', '›', '»']).count() >= 2 {
        return Some(Why::Boilerplate); // breadcrumb: 中国甘肃网 >> 甘肃新闻 >> 兰州新区
    }
    if n <= 60 && !t.contains('。') {
        if [
            "来源",
            "來源",
            "编辑",
            "記者",
            "记者",
            "作者",
            "责编",
            "責編",
            "责任编辑",
        ]
        .iter()
        .any(|m| t.contains(m))
        {
            return Some(Why::Byline);
        }
        if has_date(t) && n <= 40 {
            return Some(Why::Byline);
        }
    }
    if n <= 40 && SHORT_MARKERS.iter().any(|m| t.contains(m)) {
        return Some(Why::Boilerplate);
    }
    for family in FAMILIES {
        if family.iter().filter(|m| t.contains(**m)).count() >= 2
            && (n <= 400 || b.kind != BlockKind::Paragraph)
        {
            return Some(Why::Boilerplate);
        }
    }
    None
}

/// Splits a news dateline off the start of a paragraph: "中国甘肃网3月26日讯 据兰州日报报道 …",
/// "新华社北京3月5日电（记者 张三）…", "人民網蘭州8月9日電 (高翔)…". Returns the dateline and the
/// rest, or `None` when the paragraph does not open with one.
pub(crate) fn split_dateline(text: &str) -> Option<(&str, &str)> {
    let head: String = text.chars().take(40).collect();
    let at = ["日讯", "日电", "日訊", "日電"]
        .iter()
        .filter_map(|m| head.find(m).map(|p| p + m.len()))
        .min()?;
    // The part before must read like "<source><place><month>月<day>": digits and 月 present.
    if !head[..at].contains('月') {
        return None;
    }
    let mut rest = &text[at..];
    loop {
        let trimmed = rest.trim_start_matches([' ', '：', ':', '，', '　']);
        let next = if trimmed.starts_with(['（', '(']) {
            trimmed.find(['）', ')']).filter(|&p| p <= 40).map(|p| {
                &trimmed[p + if trimmed[p..].starts_with(')') {
                    1
                } else {
                    '）'.len_utf8()
                }..]
            })
        } else if trimmed.starts_with('据') || trimmed.starts_with('據') {
            // "据兰州日报报道": up to 报道/報導 within 20 characters.
            let end: String = trimmed.chars().take(20).collect();
            ["报道", "報導", "報道", "消息"]
                .iter()
                .filter_map(|m| end.find(m).map(|p| p + m.len()))
                .min()
                .map(|p| &trimmed[p..])
        } else {
            None
        };
        match next {
            Some(n) if n.len() < rest.len() => rest = n,
            _ => {
                rest = trimmed;
                break;
            }
        }
    }
    let dateline = text[..text.len() - rest.len()].trim_end();
    (!rest.is_empty()).then_some((dateline, rest))
}

/// A photo credit ends the line: "… 张春连 摄", "…（新华社记者 李四 摄）", "… 供图".
fn is_caption(t: &str) -> bool {
    let t = t.trim_end_matches([')', '）', ' ']);
    ["摄", "摄影", "攝", "攝影", "供图", "供圖", "图片来源"]
        .iter()
        .any(|m| t.ends_with(m))
}

/// A date such as `2022年03月18日`, `2022-03-18`, `22-03-26 10:12`.
fn has_date(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |i: usize, n: usize| i + n <= b.len() && b[i..i + n].iter().all(u8::is_ascii_digit);
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        for year in [4, 2] {
            if digits(i, year) {
                let j = i + year;
                if t[j..].starts_with('-') && digits(j + 1, 2) && t[j + 3..].starts_with('-') {
                    return true;
                }
                if t[j..].starts_with("年") {
                    let k = j + "年".len();
                    let m = (1..=2).rev().find(|&m| digits(k, m));
                    if let Some(m) = m {
                        if t[k + m..].starts_with("月") {
                            return true;
                        }
                    }
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Block {
        Block {
            kind: crate::extract::text::classify(t),
            text: t.to_string(),
        }
    }

    #[test]
    fn furniture_lines() {
        for t in [
            "您当前的位置 ： 中国甘肃网 >> 甘肃新闻 >> 兰州新区",
            "22-03-26 10:12 来源：中国甘肃网-兰州日报 编辑：靳佩佩",
            "2022年03月18日08:51 | 来源：甘肃日报",
            "原标题：快速反应 快速流调",
            "小字号",
            "（责编：焦隆、周婉婷）",
            "版权声明：凡注有稿件来源为“中国甘肃网”的稿件，均为中国甘肃网版权稿件，转载必须注明来源。",
            "九集紀錄片《紅色甘南》在蘭首映 人民網蘭州8月10日電…【詳細】",
            "QQ空间",
            "荣昌高新区企业厂房正在抓紧建设施工 张春连 摄",
        ] {
            assert!(block_why(&p(t)).is_some(), "help: {t} should be furniture");
        }
        for t in [
            "3月5日，兰州新区在重点人群筛查中发现1例新冠病毒核酸检测初筛阳性人员。",
            "外防输入内防反弹",
            "该公司去年推出的数字版权保护平台已服务上千家出版机构，帮助作者维护合法权益，平台上线以来处理案件数量逐年增加。",
        ] {
            assert_eq!(block_why(&p(t)), None, "help: {t} is content");
        }
    }

    #[test]
    fn datelines() {
        let (d, r) =
            split_dateline("中国甘肃网3月26日讯 据兰州日报报道 3月5日，兰州新区发现1例阳性。")
                .unwrap();
        assert_eq!(
            (d, r),
            (
                "中国甘肃网3月26日讯 据兰州日报报道",
                "3月5日，兰州新区发现1例阳性。"
            )
        );
        let (d, r) = split_dateline("人民網蘭州8月9日電 (高翔)近年來，網約房日益增多。").unwrap();
        assert_eq!(
            (d, r),
            ("人民網蘭州8月9日電 (高翔)", "近年來，網約房日益增多。")
        );
        assert_eq!(
            split_dateline("3月5日，兰州新区在重点人群筛查中发现阳性。"),
            None
        );
    }

    #[test]
    fn tail_sections_end_the_article() {
        let mut blocks: Vec<Block> = (0..8)
            .map(|i| p(&format!("第{i}段正文内容，讲述了事情的经过和结果。")))
            .collect();
        blocks.push(p("精彩推荐"));
        blocks.push(p("• 另一篇新闻的标题"));
        let why = classify(&blocks);
        assert_eq!(why.iter().filter(|w| w.is_some()).count(), 2);
        // Near the top, the same heading drops only itself.
        blocks.rotate_right(2);
        let why = classify(&blocks);
        assert_eq!(why[0], Some(Why::Boilerplate));
        assert_eq!(why.iter().filter(|w| w.is_some()).count(), 1);
    }
}
