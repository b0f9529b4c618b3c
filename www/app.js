// Page controller for index.html: files (picked, dropped or pasted) → worker → cards.
// Files are read here and transferred to the worker; one worker processes them in order.

import { TiyaoClient } from "./client.js";
import { pendingCard, startCard, fillSummary, fillError } from "./render.js";

const client = new TiyaoClient();
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const results = $("results");
const status = $("status");
const drop = $("drop");
const input = /** @type {HTMLInputElement} */ ($("files"));

/** Largest file the page accepts; the core refuses larger ones too (Options.maxBytes). */
const MAX_BYTES = 64 * 1024 * 1024;

function options() {
  return {
    sentences: Number(/** @type {HTMLSelectElement} */ ($("opt-sentences")).value),
    keywords: Number(/** @type {HTMLSelectElement} */ ($("opt-keywords")).value),
  };
}

let queue = Promise.resolve();
let active = 0;

function setBusy(delta) {
  active += delta;
  status.textContent = active > 0 ? `正在分析 ${active} 个文件……` : "就绪：可以继续添加文件。";
}

/** @param {{name: string, size: number, read: () => Promise<ArrayBuffer>}} item */
function enqueue(item) {
  const card = pendingCard(item.name);
  results.append(card);
  setBusy(+1);
  queue = queue.then(async () => {
    startCard(card);
    try {
      if (item.size > MAX_BYTES) {
        fillError(card, { code: "too_large", message: `${item.size} bytes` }, item.name);
        return;
      }
      let bytes;
      try {
        bytes = await item.read();
      } catch (e) {
        fillError(card, { code: "read_failed", message: String(e) }, item.name);
        return;
      }
      const result = await client.summarize(bytes, item.name, options());
      fillSummary(card, result, { fileName: item.name, size: item.size });
    } catch (e) {
      fillError(card, /** @type {any} */ (e), item.name);
    } finally {
      setBusy(-1);
    }
  });
}

/** @param {FileList | File[]} files */
function addFiles(files) {
  for (const f of files) enqueue({ name: f.name, size: f.size, read: () => f.arrayBuffer() });
}

input.addEventListener("change", () => {
  if (input.files) addFiles(input.files);
  input.value = "";
});

for (const type of ["dragenter", "dragover"]) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
}
document.addEventListener("dragleave", (e) => {
  if (e.target === document.documentElement || e.target === drop) drop.classList.remove("over");
});
document.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer?.files?.length) addFiles(e.dataTransfer.files);
});
drop.addEventListener("keydown", (e) => {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    input.click();
  }
});

$("paste-go").addEventListener("click", () => {
  const area = /** @type {HTMLTextAreaElement} */ ($("paste-text"));
  const text = area.value;
  if (!text.trim()) {
    area.focus();
    return;
  }
  const bytes = new TextEncoder().encode(text);
  enqueue({ name: "粘贴的文字", size: bytes.byteLength, read: async () => bytes.buffer });
});

$("clear").addEventListener("click", () => results.replaceChildren());

client.warmUp().then(
  () => {
    if (active === 0) status.textContent = "就绪：拖入文件即可生成摘要。";
    document.documentElement.dataset.ready = "true";
  },
  (e) => {
    status.textContent = `无法加载分析程序：${e.message}`;
    status.classList.add("error");
  },
);
