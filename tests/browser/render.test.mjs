// Pure helpers of www/render.js, in Node (no DOM needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { highlight, formatSize, errorText } from "../../www/render.js";

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
