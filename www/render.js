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

/** A card that says a file is being analysed. */
export function pendingCard(fileName) {
  const card = el("article", "card pending");
  card.setAttribute("part", "card");
  card.append(el("h2", "card-title", fileName), el("p", "card-status", "正在分析……"));
  return card;
}

/**
 * Fills `card` with a summary.
 * @param {HTMLElement} card
 * @param {any} s  the Summary object
 * @param {{fileName: string, size: number}} meta
 */
export function fillSummary(card, s, meta) {
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

  if (s.warnings.length) {
    const w = el("ul", "warnings");
    for (const t of s.warnings) w.append(el("li", "", t));
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
  card.className = "card failed";
  card.replaceChildren();
  card.append(el("h2", "card-title", fileName), el("p", "error", errorText(err.code ?? "")));
  if (err.message) card.append(el("p", "error-detail", `（${err.code ?? "error"}：${err.message}）`));
}
