// End-to-end: the real page, its module worker and the wasm build in headless Chromium.
// Run with `cargo xtask test` (it builds pkg/, serves the folder and sets TIYAO_BASE_URL).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, readdirSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { BASE, ROOT, launch, dropFiles } from "./harness.mjs";

let browser;
let page;
const requests = [];
const consoleErrors = [];

before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.goto(BASE);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60_000 });
});

after(async () => {
  await browser?.close();
});

const fixture = (name) => readFileSync(join(ROOT, "tests/fixtures", name));

test("a dropped news page becomes a summary card with keywords and no furniture", async () => {
  await dropFiles(page, [{ name: "news.html", type: "text/html", bytes: fixture("news.html") }]);
  const card = page.locator(".card.done").first();
  await card.waitFor({ timeout: 30_000 });
  assert.equal(await card.locator(".card-title").textContent(), "河西新区推动企业复工复产");
  const keywords = await card.locator(".keyword").allTextContents();
  assert.ok(keywords.length >= 5, `help: expected keywords, got ${keywords}`);
  assert.ok(keywords.includes("企业") || keywords.includes("新区"), `help: keywords ${keywords}`);
  const summary = (await card.locator(".summary li").allTextContents()).join("");
  assert.ok(summary.includes("复工"), `help: summary was ${summary}`);
  for (const junk of ["版权", "首页", "相关新闻", "分享到", "不应出现", "来源"]) {
    assert.ok(!summary.includes(junk), `help: summary contains page furniture "${junk}": ${summary}`);
  }
  // The full text marks exactly the summary sentences (UTF-16 offsets from the core).
  await card.locator(".full summary").click();
  await card.locator(".fulltext").waitFor();
  const marked = await card.locator(".fulltext mark").allTextContents();
  assert.deepEqual(marked, await card.locator(".summary li").allTextContents());
  mkdirSync(join(ROOT, "target/screenshots"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "target/screenshots/page.png"), fullPage: true });
});

test("a GBK report picked with the file input is decoded and summarised", async () => {
  const before = await page.locator(".card").count();
  await page.setInputFiles("#files", {
    name: "report_gbk.txt",
    mimeType: "text/plain",
    buffer: fixture("report_gbk.txt"),
  });
  const card = page.locator(".card").nth(before);
  await card.locator(".summary").waitFor({ timeout: 30_000 });
  assert.equal(await card.locator(".card-title").textContent(), "关于二〇二三年城市绿化工作的报告");
  assert.match(await card.locator(".card-meta").textContent(), /gb18030（推测）/);
});

test("a binary file gives a clear Chinese error card, and the page keeps working", async () => {
  const before = await page.locator(".card").count();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await dropFiles(page, [{ name: "photo.png", bytes: png }]);
  const card = page.locator(".card").nth(before);
  await card.locator(".error").waitFor({ timeout: 30_000 });
  assert.match(await card.locator(".error").textContent(), /暂不支持这种格式/);
  // Pasted text still works afterwards.
  await page.locator(".paste summary").click();
  await page.fill("#paste-text", "今年全市新建公园十二座，新增绿地三百公顷。市民出门五百米见绿的比例明显提升。明年将新建绿道八十公里。");
  await page.click("#paste-go");
  const next = page.locator(".card").nth(before + 1);
  await next.locator(".summary li").first().waitFor({ timeout: 30_000 });
});

test("seed documents summarise without furniture (when ../shared/seeds exists)", async (t) => {
  const dir = join(ROOT, "../shared/seeds");
  if (!existsSync(dir)) {
    t.skip("no ../shared/seeds here");
    return;
  }
  const names = readdirSync(dir).filter((n) => n.endsWith(".txt")).sort();
  const before = await page.locator(".card").count();
  await dropFiles(page, names.map((n) => ({ name: n, bytes: readFileSync(join(dir, n)) })));
  for (let i = 0; i < names.length; i++) {
    const card = page.locator(".card").nth(before + i);
    await card.locator(".summary").waitFor({ timeout: 60_000 });
    const summary = (await card.locator(".summary li").allTextContents()).join("");
    for (const junk of ["版权", "版權", "精彩推荐", "责任编辑", "【詳細】", "来源："]) {
      assert.ok(!summary.includes(junk), `help: ${names[i]} summary contains "${junk}"`);
    }
  }
});

test("the folder works under a nested path, as on any static host", async () => {
  const nested = await browser.context.newPage();
  nested.on("request", (r) => requests.push(r.url()));
  await nested.goto(new URL("mirror/any/path/", BASE).href);
  await nested.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60_000 });
  await nested.locator(".paste summary").click();
  await nested.fill("#paste-text", "河西新区出台十项措施，帮助园区企业复工复产。目前全区规模以上工业企业复工率已达到百分之九十五。");
  await nested.click("#paste-go");
  await nested.locator(".card.done .summary li").first().waitFor({ timeout: 30_000 });
  await nested.close();
});

test("the client replaces a worker whose instance trapped", async () => {
  const outcome = await page.evaluate(async () => {
    const { TiyaoClient } = await import(new URL("www/client.js", document.baseURI).href);
    const client = new TiyaoClient({ workerUrl: new URL("tests/browser/trap-worker.js", document.baseURI) });
    const first = await client.summarize(new ArrayBuffer(1), "a.txt");
    let error = null;
    try {
      await client.summarize(new ArrayBuffer(1), "trap");
    } catch (e) {
      error = { name: e.name, code: e.code };
    }
    const after = await client.summarize(new ArrayBuffer(1), "b.txt");
    client.terminate();
    return { first: first.seen, error, after: after.seen };
  });
  // A fresh worker has seen one request; the trapped one had seen two.
  assert.deepEqual(outcome, { first: 1, error: { name: "TiyaoError", code: "internal" }, after: 1 });
});

test("nothing is requested from anywhere but the page's own origin", () => {
  const foreign = requests.filter((u) => !u.startsWith(BASE) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(consoleErrors, []);
});
