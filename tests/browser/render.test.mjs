// Pure helpers of www/render.js, in Node (no DOM needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { highlight, runsByRanges, formatSize, errorText, warningText } from "../../www/render.js";

test("highlight marks keywords, longest first, and keeps every character", () => {
  const runs = highlight("疫情防控和疫情监测", ["疫情", "疫情防控"]);
  assert.deepEqual(runs, [
    { text: "疫情防控", mark: true },
    { text: "和", mark: false },
    { text: "疫情", mark: true },
    { text: "监测", mark: false },
  ]);
  assert.equal(runs.map((r) => r.text).join(""), "疫情防控和疫情监测");
  assert.deepEqual(highlight("", ["x"]), []);
});

test("sizes and error texts", () => {
  assert.equal(formatSize(512), "512 B");
  assert.equal(formatSize(2048), "2.0 KB");
  assert.match(errorText("binary"), /二进制/);
  assert.equal(errorText("something_new"), "处理时出错。");
});

test("runsByRanges cuts by UTF-16 offsets, surrogate pairs included", () => {
  const text = "𠮷野家开业。顾客很多。";
  // 𠮷 is two UTF-16 units: the first sentence is [0, 7).
  assert.deepEqual(runsByRanges(text, [[8, 12], [0, 7]]), [
    { text: "𠮷野家开业。", mark: true },
    { text: "顾", mark: false },
    { text: "客很多。", mark: true },
  ]);
  assert.deepEqual(runsByRanges("abc", []), [{ text: "abc", mark: false }]);
});

test("the core's warnings read in Chinese", () => {
  assert.equal(
    warningText("encoding guessed as gb18030: if the text looks wrong, save the file as UTF-8"),
    "文字编码是推测的（gb18030）：如果文字显示不对，请把文件另存为 UTF-8 后再试。",
  );
  assert.equal(warningText("2 garbled sentences (wrong encoding or mojibake) were left out of the summary"), "有 2 个疑似乱码的句子，未纳入摘要。");
  assert.equal(warningText("something new"), "something new");
});
