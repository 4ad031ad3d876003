//! Standard-library packs for the engine (and the Unicode names table,
//! which the engine asks for the same way), from the site's `stdlib/`: a
//! synchronous request (allowed in a worker), so an `import` waits for its
//! module as it would for a disk. The service worker answers from its cache
//! when it has the pack (the lessons' one from install on).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::XmlHttpRequest;

pub fn fetch(path: &str) -> Result<Vec<u8>, String> {
    let failed = |err: JsValue| {
        let why = err.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
        format!("the download failed ({})", why.unwrap_or_else(|| "offline?".into()))
    };
    let xhr = XmlHttpRequest::new().map_err(failed)?;
    // Relative to the worker script, which sits at the root of the site.
    xhr.open_with_async("GET", &format!("stdlib/{path}"), false).map_err(failed)?;
    // Set by name: web-sys's typed setter needs a feature that would
    // rebuild every crate that uses web-sys.
    js_sys::Reflect::set(&xhr, &"responseType".into(), &"arraybuffer".into()).map_err(failed)?;
    xhr.send().map_err(failed)?;
    match xhr.status().map_err(failed)? {
        200 => Ok(js_sys::Uint8Array::new(&xhr.response().map_err(failed)?).to_vec()),
        0 => Err("the download failed (offline?)".into()),
        status => Err(format!("the site answered HTTP {status}")),
    }
}
