// Promise wrapper around the module worker (worker.js). Shared by the page and the widget.
// The worker is created lazily, requests are answered in order, ArrayBuffers are transferred,
// and a worker whose instance trapped (or failed to load) is replaced on the next request.

/** @typedef {{code: string, message: string}} TiyaoErrorInfo */

export class TiyaoError extends Error {
  /** @param {TiyaoErrorInfo} info */
  constructor(info) {
    super(info.message);
    this.name = "TiyaoError";
    /** Stable error kind from the core, e.g. "binary", "too_large", "worker_failed". */
    this.code = info.code;
  }
}

export class TiyaoClient {
  /** @param {{workerUrl?: URL | string}} [opts] */
  constructor(opts = {}) {
    this.workerUrl = opts.workerUrl ?? new URL("./worker.js", import.meta.url);
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Map<number, {resolve: Function, reject: Function}>} */
    this.pending = new Map();
    this.nextId = 1;
  }

  /** Loads the wasm module and dictionary ahead of the first document. */
  warmUp() {
    return this.#request({ type: "warm" }, []);
  }

  /**
   * Summarises one document.
   * @param {ArrayBuffer} bytes  the file's bytes (transferred: unusable afterwards)
   * @param {string} [fileName]  a hint for the format (".html")
   * @param {object} [options]   {sentences, ratio, maxChars, keywords, keyphrases, maxBytes}
   * @returns {Promise<object>}  the Summary object (offsets in UTF-16 code units)
   */
  summarize(bytes, fileName, options) {
    return this.#request({ type: "summarize", bytes, fileName, options }, [bytes]);
  }

  /** Stops the worker; pending requests fail. */
  terminate() {
    this.#fail({ code: "terminated", message: "the worker was stopped" });
  }

  #ensure() {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerUrl, { type: "module" });
    w.onmessage = (e) => {
      const { id, ok, result, error, fatal } = e.data;
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      if (ok) p.resolve(result);
      else p.reject(new TiyaoError(error));
      if (fatal) this.#replace(w);
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.#fail({ code: "worker_failed", message: `the analysis worker failed to start: ${e.message || "load error"}` });
    };
    this.worker = w;
    return w;
  }

  /** The instance trapped: drop this worker; the next request starts a fresh one. */
  #replace(w) {
    if (this.worker === w) {
      w.terminate();
      this.worker = null;
    }
  }

  #fail(info) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new TiyaoError(info));
    this.pending.clear();
  }

  #request(msg, transfer) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.#ensure().postMessage({ id, ...msg }, transfer);
    });
  }
}
