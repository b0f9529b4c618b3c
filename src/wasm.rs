//! The WebAssembly edge: `summarize(bytes, fileName, options)` returning one plain object, and
//! `warmUp()` to load the dictionary before the first document. Nothing else lives here.
//!
//! Errors are thrown as a JS `Error` whose `code` is [`crate::ErrorKind::as_str`] and whose
//! `message` says what to do. Offsets in the result are UTF-16 code units.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Error, Options};

#[wasm_bindgen(start)]
fn start() {
    // A panic would trap the instance; at least say why in the console. The worker that owns
    // the instance replaces it after a trap.
    console_error_panic_hook::set_once();
}

/// Summarises a document. `options` is a plain object in camelCase (`{ sentences: 5 }`), or
/// `undefined` for the defaults; unknown keys are an error.
#[wasm_bindgen]
pub fn summarize(
    bytes: &[u8],
    file_name: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let t0 = js_sys::Date::now();
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_error("invalid_option", &format!("invalid options: {e}")))?
    };
    let mut summary = crate::summarize(bytes, file_name.as_deref(), &opts)
        .map_err(|e: Error| js_error(e.kind().as_str(), &e.to_string()))?;
    summary.use_utf16_offsets();
    summary.stats.elapsed_ms = Some(js_sys::Date::now() - t0);
    summary
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &e.to_string()))
}

/// Loads the dictionary now, so the first summary is not slowed by it.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    crate::warm_up();
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn js_error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name("TiyaoError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
    e.into()
}
