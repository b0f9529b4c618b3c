// DOM builders for summary cards, shared by the page and the widget. Document text is only
// ever placed with textContent / text nodes, never innerHTML.

/** Chinese messages for the core's stable error codes. */
const ERROR_TEXT = {
  empty: "文件是空的，没有可以摘要的文字。",
  binary: "这看起来是二进制文件而不是文本。请在原程序中另存为 .txt 或 .html 后再试。",
  too_large: "文件太大。请拆分成几个较小的文件后再试。",
  unsupported_format: "暂不支持这种格式（如 PDF、Word）。请另存为 .txt 或 .html 后再试。",
  decode: "无法识别文件的文字编码。请另存为 UTF-8 编码后再试。",
  no_text: "没有找到可以摘要的中文句子（只有导航、版权声明或很短的行）。请确认选对了文件。",
  invalid_option: "选项无效。",
  worker_failed: "分析程序未能启动。请使用较新的浏览器（Chrome/Edge 91+、Firefox 89+、Safari 16.4+），并通过 http(s) 打开本页。",
  read_failed: "无法读取这个文件。",
};

/** Labels for cleaning kinds. */
const CLEAN_LABEL = {
  boilerplate: "页面杂项",
  byline: "来源/作者/日期",
  caption: "图片说明",
  duplicate: "重复段落",
  ocr_join: "合并断行",
  ocr_space: "去除多余空格",
  pinyin: "去除夹注拼音",
  mojibake: "疑似乱码句",
};

/** Chinese forms of the core's warnings (which are English, for the CLI). */
const WARNINGS = [
  [/^encoding guessed as (\S+?):/, (m) => `文字编码是推测的（${m[1]}）：如果文字显示不对，请把文件另存为 UTF-8 后再试。`],
  [/^(\d+) byte sequences could not be decoded/, (m) => `有 ${m[1]} 处字节无法解码，已替换为 �。`],
  [/^(\d+) garbled sentences/, (m) => `有 ${m[1]} 个疑似乱码的句子，未纳入摘要。`],
  [/^no sentence fits in (\d+) characters/, (m) => `没有句子能放进 ${m[1]} 字以内，只给出最重要的一句。`],
];

/**
 * A warning from the core in Chinese; unknown warnings are shown as they are.
 * @param {string} w
 */
export function warningText(w) {
  for (const [re, f] of WARNINGS) {
    const m = re.exec(w);
    if (m) return f(m);
  }
  return w;
}

/** @param {string} code */
export function errorText(code) {
  return ERROR_TEXT[code] ?? "处理时出错。";
}

/**
 * Splits `text` into runs, marking occurrences of any keyword (longest match first).
 * Pure: usable in Node tests.
 * @param {string} text
 * @param {string[]} words
 * @returns {{text: string, mark: boolean}[]}
 */
export function highlight(text, words) {
  const ws = [...new Set(words.filter((w) => w && w.length > 0))].sort((a, b) => b.length - a.length);
  const out = [];
  let plain = "";
  let i = 0;
  outer: while (i < text.length) {
    for (const w of ws) {
      if (text.startsWith(w, i)) {
        if (plain) out.push({ text: plain, mark: false });
        plain = "";
        out.push({ text: w, mark: true });
        i += w.length;
        continue outer;
      }
    }
    plain += text[i];
    i += 1;
  }
  if (plain) out.push({ text: plain, mark: false });
  return out;
}

/**
 * Splits `text` into runs inside and outside the given [start, end) ranges (UTF-16 offsets,
 * as the core reports them), in order. Overlapping or unsorted ranges are tolerated.
 * Pure: usable in Node tests.
 * @param {string} text
 * @param {[number, number][]} ranges
 * @returns {{text: string, mark: boolean}[]}
 */
export function runsByRanges(text, ranges) {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out = [];
  let at = 0;
  for (const [a, b] of sorted) {
    const start = Math.max(a, at);
    const end = Math.min(b, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** @param {number} n */
export function formatSize(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Timers of pending cards, stopped when the card is filled. */
const timers = new WeakMap();

/** A card that says a file is being analysed, with the seconds spent so far. */
export function pendingCard(fileName) {
  const card = el("article", "card pending");
  card.setAttribute("part", "card");
  const status = el("p", "card-status", "等待分析……");
  card.append(el("h2", "card-title", fileName), status);
  return card;
}

/** Marks a pending card as being analysed now (it may have waited in the queue). */
export function startCard(card) {
  const status = card.querySelector(".card-status");
  if (!status) return;
  const t0 = Date.now();
  status.textContent = "正在分析……";
  timers.set(
    card,
    setInterval(() => {
      status.textContent = `正在分析…… 已用 ${Math.round((Date.now() - t0) / 1000)} 秒`;
    }, 1000),
  );
}

function stopCard(card) {
  clearInterval(timers.get(card));
  timers.delete(card);
}

/** The cleaned text with the summary sentences marked, one paragraph per line. */
function fullText(s) {
  const box = el("div", "fulltext");
  const ranges = s.sentences.filter((x) => x.selected).map((x) => [x.start, x.end]);
  let p = el("p");
  for (const run of runsByRanges(s.text, ranges)) {
    const lines = run.text.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) {
        box.append(p);
        p = el("p");
      }
      if (line) p.append(run.mark ? el("mark", "", line) : document.createTextNode(line));
    });
  }
  box.append(p);
  return box;
}

/**
 * Fills `card` with a summary.
 * @param {HTMLElement} card
 * @param {any} s  the Summary object
 * @param {{fileName: string, size: number}} meta
 */
export function fillSummary(card, s, meta) {
  stopCard(card);
  card.className = "card done";
  card.replaceChildren();
  card.append(el("h2", "card-title", s.title || meta.fileName));
  const facts = [
    meta.fileName,
    formatSize(meta.size),
    `编码 ${s.encoding}${s.encodingGuessed ? "（推测）" : ""}`,
    `${s.stats.chars} 字`,
    `${s.stats.sentences} 句`,
  ];
  if (s.stats.elapsedMs !== undefined) facts.push(`${Math.round(s.stats.elapsedMs)} 毫秒`);
  card.append(el("p", "card-meta", facts.join(" · ")));

  const kwBox = el("div", "keywords");
  kwBox.setAttribute("part", "keywords");
  kwBox.append(el("span", "label", "关键词"));
  for (const k of s.keywords) {
    const chip = el("span", "keyword", k.text);
    chip.style.setProperty("--w", String(k.weight.toFixed(2)));
    chip.title = `权重 ${k.weight.toFixed(2)}`;
    kwBox.append(chip);
  }
  card.append(kwBox);

  const words = s.keywords.slice(0, 5).map((k) => k.text);
  const list = el("ol", "summary");
  list.setAttribute("part", "summary");
  for (const i of s.summary) {
    const li = el("li");
    for (const run of highlight(s.sentences[i].text, words)) {
      li.append(run.mark ? el("mark", "", run.text) : document.createTextNode(run.text));
    }
    list.append(li);
  }
  card.append(el("h3", "section-label", "摘要"), list);

  const actions = el("div", "actions");
  const copy = el("button", "secondary copy", "复制摘要");
  copy.type = "button";
  copy.addEventListener("click", async () => {
    const text = s.summary.map((i) => s.sentences[i].text).join("");
    try {
      await navigator.clipboard.writeText(text);
      copy.textContent = "已复制";
    } catch {
      copy.textContent = "复制失败";
    }
    setTimeout(() => (copy.textContent = "复制摘要"), 1500);
  });
  actions.append(copy);
  card.append(actions);

  const full = el("details", "full");
  full.append(el("summary", "", "阅读全文（标出摘要句）"));
  // Built on first opening: a 10 MB text need not become DOM nodes unless someone reads it.
  full.addEventListener("toggle", () => {
    if (full.open && full.childElementCount === 1) full.append(fullText(s));
  });
  card.append(full);

  if (s.warnings.length) {
    const w = el("ul", "warnings");
    for (const t of s.warnings) w.append(el("li", "", warningText(t)));
    card.append(w);
  }
  if (s.cleaning.length) {
    const d = el("details", "cleaning");
    d.append(el("summary", "", `清理记录（${s.cleaning.length}）`));
    const ul = el("ul");
    for (const c of s.cleaning) {
      const label = CLEAN_LABEL[c.kind] ?? c.kind;
      const detail = c.text !== undefined ? `：${c.text.length > 80 ? c.text.slice(0, 80) + "……" : c.text}` : ` × ${c.count}`;
      ul.append(el("li", "", label + detail));
    }
    d.append(ul);
    card.append(d);
  }
}

/**
 * Shows an error in `card`.
 * @param {HTMLElement} card
 * @param {{code?: string, message?: string}} err
 * @param {string} fileName
 */
export function fillError(card, err, fileName) {
  stopCard(card);
  card.className = "card failed";
  card.replaceChildren();
  card.append(el("h2", "card-title", fileName), el("p", "error", errorText(err.code ?? "")));
  if (err.message) card.append(el("p", "error-detail", `（${err.code ?? "error"}：${err.message}）`));
}
