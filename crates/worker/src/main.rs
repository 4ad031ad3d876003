//! The Python worker: hosts one [`Engine`] inside a dedicated Web Worker and
//! speaks the `pyplay-protocol` messages with the page.

mod batcher;
mod blocking;
mod packs;

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};

use batcher::Batcher;
use pyplay_engine::{Engine, OutputEvent, Sink};
use pyplay_protocol::{CheckSpec, FromWorker, PyError, RunId, ToWorker};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now_ms() -> f64 {
    scope().performance().map_or_else(js_sys::Date::now, |p| p.now())
}

fn post(msg: &FromWorker) {
    // Posting a string to our own parent cannot fail in a live worker.
    let _ = scope().post_message(&JsValue::from_str(&msg.to_json()));
}

thread_local! {
    static CURRENT_RUN: Cell<RunId> = const { Cell::new(0) };
}

/// `input()` past the stdin text: the page is asked for a line (and shows
/// a prompt field) while this worker blocks on the service worker.
fn read_line_from_page() -> Option<String> {
    if !blocking::service_worker_answers() {
        return None;
    }
    let id = CURRENT_RUN.get();
    // Unique across workers and tabs: they share one service worker.
    let token = format!("{id}-{}", js_sys::Math::random().to_bits());
    post(&FromWorker::WantsInput { id, token: token.clone() });
    blocking::wait_for_line(&token)
}

/// Runs one program through `body` (the engine's run or check), its output
/// streamed through a batcher; returns what `body` returned, once the
/// batcher is flushed, and when the run started (for `Done`).
fn streamed<T>(id: RunId, body: impl FnOnce(Sink) -> T) -> (T, f64) {
    CURRENT_RUN.set(id);
    let start = now_ms();
    let batcher = Rc::new(RefCell::new(Batcher::new(id, now_ms, |msg| post(&msg))));
    let sink = batcher.clone();
    let result = body(Box::new(move |event| match event {
        OutputEvent::Write(stream, text) => sink.borrow_mut().push(stream, text),
        OutputEvent::Flush => sink.borrow_mut().flush(),
        OutputEvent::Pause(seconds) => blocking::pause(seconds),
        OutputEvent::Skipped(bytes) => sink.borrow_mut().post_after(FromWorker::Skipped { id, bytes }),
    }));
    batcher.borrow_mut().flush();
    (result, start)
}

fn post_done(id: RunId, result: Result<i32, PyError>, start: f64) {
    let (exit_status, error) = match result {
        Ok(status) => (status, None),
        Err(error) => (0, Some(error)),
    };
    post(&FromWorker::Done { id, error, exit_status, elapsed_ms: now_ms() - start });
}

fn run(engine: &Engine, id: RunId, code: &str, stdin: &str, keep_globals: bool) {
    let (result, start) = streamed(id, |sink| engine.run_with(code, stdin, keep_globals, sink));
    post_done(id, result, start);
}

/// An exercise's Check: `Checked` (if the checks ran), then `Done`.
fn check(engine: &Engine, id: RunId, code: &str, checks: &[CheckSpec]) {
    let (outcome, start) = streamed(id, |sink| engine.check_with(code, checks, sink));
    if let Some(results) = outcome.results {
        post(&FromWorker::Checked { id, results });
    }
    post_done(id, outcome.ended, start);
}

/// Visualize: the run, then `Traced` (always), then `Done`.
fn visualize(engine: &Engine, id: RunId, code: &str, stdin: &str, max_steps: u32) {
    let (outcome, start) = streamed(id, |sink| engine.trace_with(code, stdin, max_steps, sink));
    post(&FromWorker::Traced { id, trace: outcome.trace });
    post_done(id, outcome.ended, start);
}

fn main() {
    console_panic_note();
    let start = now_ms();
    let engine = Engine::with_pack_fetcher(Some(Box::new(packs::fetch)));
    engine.set_line_reader(Some(Box::new(read_line_from_page)));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        match ToWorker::from_json(&text) {
            Ok(ToWorker::Run { id, code, stdin, keep_globals }) => {
                run(&engine, id, &code, &stdin, keep_globals)
            }
            Ok(ToWorker::Check { id, code, checks }) => check(&engine, id, &code, &checks),
            Ok(ToWorker::Visualize { id, code, stdin, max_steps }) => {
                visualize(&engine, id, &code, &stdin, max_steps)
            }
            Err(err) => web_sys::console::warn_1(&format!("pyplay worker: bad message: {err}").into()),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&FromWorker::Ready { init_ms: now_ms() - start });
}

/// A panic aborts the instance; say why on the console before the trap, so
/// the page's "worker crashed" notice has a cause in the devtools.
fn console_panic_note() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("pyplay worker panicked: {info}").into());
    }));
}
