// `cargo xtask bench`: sizes of the wasm download and page timings in headless Chromium.
// Prints a table; the numbers go to BENCHMARKS.md. Not a test: nothing here can fail on speed.

import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";
import { BASE, ROOT, launch, dropFiles } from "./harness.mjs";

const wasm = readFileSync(join(ROOT, "pkg/tiyao_bg.wasm"));
const br = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
console.log(`wasm raw ${(wasm.length / 1e6).toFixed(2)} MB, gzip -9 ${(gzipSync(wasm, { level: 9 }).length / 1e6).toFixed(2)} MB, brotli -11 ${(br.length / 1e6).toFixed(2)} MB`);

const seedsDir = join(ROOT, "../shared/seeds");
const seed = existsSync(seedsDir) ? join(seedsDir, readdirSync(seedsDir).sort()[3]) : join(ROOT, "tests/fixtures/news.html");
const seedName = seed.split("/").pop();

const RUNS = 5;
const loads = [];
const firsts = [];
for (let i = 0; i < RUNS; i++) {
  const b = await launch();
  const page = await b.context.newPage();
  const t0 = Date.now();
  await page.goto(BASE);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60_000 });
  const ready = Date.now() - t0;
  await dropFiles(page, [{ name: seedName, bytes: readFileSync(seed) }]);
  await page.locator(".card.done").first().waitFor({ timeout: 60_000 });
  loads.push(ready);
  firsts.push(Date.now() - t0);
  await b.close();
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`page load → worker ready (wasm + dictionary): median ${median(loads)} ms over ${RUNS} (${loads.join(", ")})`);
console.log(`page load → first summary card (${seedName}, ${statSync(seed).size} bytes): median ${median(firsts)} ms (${firsts.join(", ")})`);

// Native CLI over the seeds, 20 rounds.
if (existsSync(seedsDir)) {
  const files = readdirSync(seedsDir).sort().map((n) => join(seedsDir, n));
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const bin = join(ROOT, "target/release/tiyao");
  const t = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) execFileSync(bin, files, { stdio: ["ignore", "ignore", "ignore"] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6 / 20;
  console.log(`CLI, all ${files.length} seeds (${bytes} bytes) in one process incl. dictionary load: ${ms.toFixed(0)} ms per run`);
}

// Large documents: the seeds' paragraphs, each made unique (so cleaning does not fold them),
// repeated to 1 MB and 10 MB.
if (existsSync(seedsDir)) {
  const paras = readdirSync(seedsDir).sort().flatMap((n) => readFileSync(join(seedsDir, n), "utf8").split("\n")).filter((l) => l.trim());
  const make = (bytes) => {
    const out = [];
    let n = 0;
    for (let i = 0; n < bytes; i++) {
      const line = `${paras[i % paras.length]}（编号${i}）`;
      out.push(line);
      n += Buffer.byteLength(line) + 1;
    }
    return Buffer.from(out.join("\n"));
  };
  const big1 = make(1_000_000);
  const big10 = make(10_000_000);
  const { writeFileSync, mkdirSync } = await import("node:fs");
  mkdirSync(join(ROOT, "target/bench"), { recursive: true });
  writeFileSync(join(ROOT, "target/bench/big1.txt"), big1);
  writeFileSync(join(ROOT, "target/bench/big10.txt"), big10);
  const bin = join(ROOT, "target/release/tiyao");
  for (const name of ["big1.txt", "big10.txt"]) {
    const t = process.hrtime.bigint();
    execFileSync(bin, [join(ROOT, "target/bench", name)], { stdio: ["ignore", "ignore", "ignore"] });
    console.log(`CLI ${name}: ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms`);
  }
  const b = await launch();
  const page = await b.context.newPage();
  await page.goto(BASE);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60_000 });
  for (const [name, bytes] of [["big1.txt", big1], ["big10.txt", big10]]) {
    const before = await page.locator(".card").count();
    const t = Date.now();
    await page.setInputFiles("#files", { name, mimeType: "text/plain", buffer: bytes });
    const card = page.locator(".card").nth(before);
    await card.locator(".summary, .error").first().waitFor({ timeout: 300_000 });
    const ok = (await card.locator(".summary").count()) > 0;
    console.log(`browser ${name} (${(bytes.length / 1e6).toFixed(1)} MB): ${ok ? "summary" : "ERROR"} after ${Date.now() - t} ms`);
  }
  await b.close();
}
