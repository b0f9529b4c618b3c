// Shared set-up for the browser tests and the benchmark: Debian's Chromium driven by
// playwright-core (which downloads nothing), against the server `cargo xtask test` starts.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BASE = process.env.TIYAO_BASE_URL;
export const ROOT = process.env.TIYAO_ROOT ?? new URL("../../", import.meta.url).pathname;

if (!BASE) {
  throw new Error("TIYAO_BASE_URL is not set: run the browser tests with `cargo xtask test`");
}

/** Starts headless Chromium with a fresh profile; returns {context, close}. */
export async function launch() {
  const dir = mkdtempSync(join(tmpdir(), "tiyao-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1000, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drops files on the page's drop zone the way a person does: a real DataTransfer. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? "", data: [...f.bytes] }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const it of items) dt.items.add(new File([new Uint8Array(it.data)], it.name, { type: it.type }));
    const target = document.getElementById("drop");
    for (const type of ["dragenter", "dragover", "drop"]) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}
