//! Blocking the worker thread: for `time.sleep` without burning a core, and
//! for `input()` until the reader types a line.
//!
//! wasm32 cannot park a thread, but a worker can block in two ways:
//! `Atomics.wait` on a SharedArrayBuffer (only when cross-origin isolated),
//! or a synchronous request that our service worker answers later
//! (`pause.txt` in sw.js): after a delay, or with the line the page sent it.
//! Which one works is found on first use. Without either, a sleep spins and
//! `input()` meets end of file.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::XmlHttpRequest;

/// Shorter pauses are spun: a blocking round trip costs about a millisecond.
const MIN_MS: f64 = 4.0;
/// One request never asks the service worker for more than this, so a
/// long sleep never meets a browser's limit on a pending fetch.
const MAX_REQUEST_MS: f64 = 10_000.0;
/// sw.js sets this header; the plain pause.txt a host serves without a
/// service worker lacks it.
const SLEPT_HEADER: &str = "x-pyplay-slept";

/// sw.js sets this header on an answer that carries a typed line; one with
/// only SLEPT_HEADER means "nothing yet, ask again" (its INPUT_POLL_MS).
const LINE_HEADER: &str = "x-pyplay-line";

enum Blocker {
    Unknown,
    Atomics(js_sys::Int32Array),
    ServiceWorker,
    Spin,
}

thread_local! {
    static BLOCKER: RefCell<Blocker> = const { RefCell::new(Blocker::Unknown) };
    /// Whether our service worker answers this worker's requests.
    static CONTROLLED: RefCell<Option<bool>> = const { RefCell::new(None) };
}

/// Whether this worker can block on the service worker (asked once).
pub fn service_worker_answers() -> bool {
    CONTROLLED.with(|c| *c.borrow_mut().get_or_insert_with(|| ask_service_worker(0.0)))
}

/// Blocks until the page sends the line for `token` (see
/// `FromWorker::WantsInput`); None if the service worker stops answering.
pub fn wait_for_line(token: &str) -> Option<String> {
    loop {
        let answer = || -> Result<Option<Option<String>>, JsValue> {
            let xhr = XmlHttpRequest::new()?;
            xhr.open_with_async("GET", &format!("pause.txt?input={token}"), false)?;
            xhr.send()?;
            if xhr.get_response_header(LINE_HEADER)?.is_some() {
                return Ok(Some(xhr.response_text()?));
            }
            // Held to its limit with no line yet: ask again.
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
    BLOCKER.with(|blocker| {
        let mut blocker = blocker.borrow_mut();
        if matches!(*blocker, Blocker::Unknown) {
            *blocker = atomics().map_or(Blocker::ServiceWorker, Blocker::Atomics);
        }
        match &*blocker {
            Blocker::Atomics(cell) => {
                // Nobody notifies the cell: this is a timed wait.
                let _ = js_sys::Atomics::wait_with_timeout(cell, 0, 0, ms);
            }
            Blocker::ServiceWorker if service_worker_answers() => {
                let mut left = ms;
                while left >= MIN_MS {
                    let chunk = left.min(MAX_REQUEST_MS);
                    if !ask_service_worker(chunk) {
                        *blocker = Blocker::Spin;
                        return;
                    }
                    left -= chunk;
                }
            }
            Blocker::ServiceWorker | Blocker::Unknown | Blocker::Spin => {}
        }
    });
}

/// A cell to wait on, if this worker may create a SharedArrayBuffer.
fn atomics() -> Option<js_sys::Int32Array> {
    let isolated = js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into()).ok()?;
    if isolated != JsValue::TRUE {
        return None;
    }
    Some(js_sys::Int32Array::new(&js_sys::SharedArrayBuffer::new(4)))
}

/// A synchronous request the service worker holds for `ms`. False when the
/// worker is not controlled (first visit, no service worker) or offline
/// without one: the answer then lacks [`SLEPT_HEADER`].
fn ask_service_worker(ms: f64) -> bool {
    let answered = || -> Result<bool, JsValue> {
        let xhr = XmlHttpRequest::new()?;
        // Relative to the worker script, which sits at the root of the site.
        xhr.open_with_async("GET", &format!("pause.txt?ms={}", ms.round()), false)?;
        xhr.send()?;
        Ok(xhr.status()? == 200 && xhr.get_response_header(SLEPT_HEADER)?.is_some())
    };
    answered().unwrap_or(false)
}
