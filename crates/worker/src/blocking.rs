//! Blocking the worker thread: for `time.sleep` without burning a core, and
//! for `input()` until the reader types a line.
//!
//! wasm32 cannot park a thread, but a worker can block in two ways:
//! `Atomics.wait` on a SharedArrayBuffer (only when cross-origin isolated),
//! or a synchronous request that our service worker answers later
//! (`pause.txt` in sw.js): after a delay, or with the line the page sent it.
//! Which one works is found on first use. Without either, a sleep spins and
//! `input()` meets end of file.

use std::cell::{Cell, OnceCell};

use pyplay_protocol::channels::pause::{self as pause_request, LINE_HEADER, SLEPT_HEADER};
use wasm_bindgen::JsValue;
use web_sys::XmlHttpRequest;

/// Shorter pauses are spun: a blocking round trip costs about a millisecond.
const MIN_MS: f64 = 4.0;
/// One request never asks the service worker for more than this, so a
/// long sleep never meets a browser's limit on a pending fetch.
const MAX_REQUEST_MS: f64 = 10_000.0;
thread_local! {
    /// A cell for `Atomics.wait`, if cross-origin isolated (created once).
    static ATOMICS: OnceCell<Option<js_sys::Int32Array>> = const { OnceCell::new() };
    /// Whether our service worker answers this worker's requests: asked on
    /// first use, and false from the first request it fails to answer.
    static CONTROLLED: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether this worker can block on the service worker.
pub fn service_worker_answers() -> bool {
    CONTROLLED.get().unwrap_or_else(|| {
        let answers = ask_service_worker(0.0);
        CONTROLLED.set(Some(answers));
        answers
    })
}

/// Blocks until the page sends the line for `token` (see
/// `FromWorker::WantsInput`); None if the service worker stops answering.
pub fn wait_for_line(token: &str) -> Option<String> {
    loop {
        let answer = || -> Result<Option<Option<String>>, JsValue> {
            let xhr = request(pause_request::INPUT, token)?;
            if xhr.get_response_header(LINE_HEADER)?.is_some() {
                return Ok(Some(xhr.response_text()?));
            }
            // Only SLEPT_HEADER: held to its limit (sw.js's INPUT_POLL_MS)
            // with no line yet; ask again.
            Ok((xhr.get_response_header(SLEPT_HEADER)?.is_some()).then_some(None))
        };
        match answer() {
            Ok(Some(Some(line))) => return Some(line),
            Ok(Some(None)) => {}
            Ok(None) | Err(_) => return None,
        }
    }
}

/// Blocks for about `seconds` (never longer), or returns at once if this
/// worker has no way to block; the caller waits out whatever is left.
pub fn pause(seconds: f64) {
    let ms = seconds * 1000.0;
    if ms.is_nan() || ms < MIN_MS {
        return;
    }
    let waited = ATOMICS.with(|cell| {
        let cell = cell.get_or_init(atomics).as_ref()?;
        // Nobody notifies the cell: this is a timed wait.
        js_sys::Atomics::wait_with_timeout(cell, 0, 0, ms).ok()
    });
    if waited.is_some() || !service_worker_answers() {
        return;
    }
    let mut left = ms;
    while left >= MIN_MS {
        let chunk = left.min(MAX_REQUEST_MS);
        if !ask_service_worker(chunk) {
            CONTROLLED.set(Some(false));
            return;
        }
        left -= chunk;
    }
}

/// A cell to wait on, if this worker may create a SharedArrayBuffer.
fn atomics() -> Option<js_sys::Int32Array> {
    let isolated = js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into()).ok()?;
    if isolated != JsValue::TRUE {
        return None;
    }
    Some(js_sys::Int32Array::new(&js_sys::SharedArrayBuffer::new(4)))
}

/// A synchronous GET of `pause.txt?{param}={value}`, sent and answered.
fn request(param: &str, value: &str) -> Result<XmlHttpRequest, JsValue> {
    let xhr = XmlHttpRequest::new()?;
    // Relative to the worker script, which sits at the root of the site.
    xhr.open_with_async("GET", &pause_request::url(param, value), false)?;
    xhr.send()?;
    Ok(xhr)
}

/// A synchronous request the service worker holds for `ms`. False when the
/// worker is not controlled (first visit, no service worker) or offline
/// without one: the answer then lacks [`SLEPT_HEADER`].
fn ask_service_worker(ms: f64) -> bool {
    let answered = || -> Result<bool, JsValue> {
        let xhr = request(pause_request::MS, &ms.round().to_string())?;
        Ok(xhr.status()? == 200 && xhr.get_response_header(SLEPT_HEADER)?.is_some())
    };
    answered().unwrap_or(false)
}
