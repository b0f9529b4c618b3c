// Module worker that owns the WebAssembly instance. It never touches the DOM.
// Protocol: in  {id, type: "warm"} | {id, type: "summarize", bytes: ArrayBuffer, fileName, options}
//           out {id, ok: true, result} | {id, ok: false, error: {code, message}, fatal}
// `fatal` means the instance trapped (a bug, not bad input): the client must replace the worker.

import init, { summarize, warmUp } from "../pkg/tiyao.js";

const ready = (async () => {
  await init({ module_or_path: new URL("../pkg/tiyao_bg.wasm", import.meta.url) });
  warmUp();
})();

self.onmessage = async (event) => {
  const { id, type } = event.data;
  try {
    await ready;
    if (type === "warm") {
      self.postMessage({ id, ok: true, result: null });
    } else if (type === "summarize") {
      const { bytes, fileName, options } = event.data;
      const result = summarize(new Uint8Array(bytes), fileName ?? undefined, options ?? undefined);
      self.postMessage({ id, ok: true, result });
    } else {
      self.postMessage({ id, ok: false, error: { code: "bad_request", message: `unknown request ${type}` }, fatal: false });
    }
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || !(e && e.code);
    self.postMessage({
      id,
      ok: false,
      error: { code: (e && e.code) || "internal", message: String((e && e.message) || e) },
      fatal,
    });
  }
};
