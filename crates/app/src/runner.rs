//! The page's side of the Python worker: spawns it, queues runs (the worker
//! takes one at a time), routes its messages to the run that asked, and
//! replaces the worker when it is stopped or dies.

use std::{
    cell::RefCell,
    collections::{HashMap, VecDeque},
    rc::Rc,
};

use pyplay_protocol::{FromWorker, PyError, RunId, Stream, ToWorker};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// Trunk emits the worker's loader under this fixed, unhashed name.
const WORKER_URL: &str = "worker_loader.js";

/// The worker www/early-worker.js started before the app loaded, and the
/// events it sent since, if there is one; taken once.
fn take_early_worker() -> Option<(Worker, Vec<JsValue>)> {
    let global = js_sys::global();
    let key = JsValue::from_str("pyplayEarlyWorker");
    let started = js_sys::Reflect::get(&global, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let worker = js_sys::Reflect::get(&started, &"worker".into()).ok()?.dyn_into::<Worker>().ok()?;
    let early = js_sys::Reflect::get(&started, &"early".into()).ok()?;
    Some((worker, js_sys::Array::from(&early).to_vec()))
}

/// What a run reports back to the snippet that started it.
#[derive(Debug, Clone, PartialEq)]
pub enum RunEvent {
    /// The worker took the run off the queue.
    Started,
    Output(Stream, String),
    /// Output over the worker's limit: this many bytes left out so far.
    Skipped(u64),
    Finished {
        error: Option<PyError>,
        /// What `sys.exit` gave; 0 when the run ended normally.
        exit_status: i32,
        elapsed_ms: f64,
    },
    /// The program waits in `input()`; the line goes to the service
    /// worker under this token (`service_worker::send_line`).
    WantsInput(String),
    /// The user stopped it.
    Stopped,
    /// The interpreter died (a wasm trap or a crash); a new one is starting.
    Crashed(String),
}

/// Whether the interpreter can take a run right now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EngineStatus {
    Loading,
    Ready { init_ms: f64 },
}

/// Hears every event of one run, tagged with the run's id.
pub type Listener = Callback<(RunId, RunEvent)>;

/// A cheap, shareable handle to the one Python worker of the page.
#[derive(Clone)]
pub struct Runner {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

struct QueuedRun {
    id: RunId,
    code: String,
    stdin: String,
    keep_globals: bool,
}

type Handlers = (Closure<dyn Fn(MessageEvent)>, Closure<dyn Fn(ErrorEvent)>);

struct Inner {
    worker: Option<Worker>,
    // Kept alive as long as the worker they are attached to.
    handlers: Option<Handlers>,
    // The previous worker's handlers: one of them may be on the stack when
    // it triggers a respawn, so it is dropped one generation later.
    retired: Option<Handlers>,
    ready: bool,
    next_id: RunId,
    queue: VecDeque<QueuedRun>,
    active: Option<RunId>,
    listeners: HashMap<RunId, Listener>,
    on_status: Callback<EngineStatus>,
}

impl Runner {
    /// Starts the worker at once, so the interpreter loads while the page is read.
    pub fn start(on_status: Callback<EngineStatus>) -> Self {
        let runner = Self::lazy(on_status);
        runner.spawn();
        runner
    }

    /// Starts the worker on the first run: a page with ten embeds loads the
    /// interpreter only in those a reader runs.
    pub fn lazy(on_status: Callback<EngineStatus>) -> Self {
        Self {
            inner: Rc::new(RefCell::new(Inner {
                worker: None,
                handlers: None,
                retired: None,
                ready: false,
                next_id: 1,
                queue: VecDeque::new(),
                active: None,
                listeners: HashMap::new(),
                on_status,
            })),
        }
    }

    /// Queues `code`, which reads `stdin` through `input()` and `sys.stdin`
    /// and, with `keep_globals`, continues the last such run's variables;
    /// `listener` hears every event of this run, none before this returns.
    pub fn run(&self, code: String, stdin: String, keep_globals: bool, listener: Listener) -> RunId {
        let id = {
            let mut inner = self.inner.borrow_mut();
            let id = inner.next_id;
            inner.next_id += 1;
            inner.queue.push_back(QueuedRun { id, code, stdin, keep_globals });
            inner.listeners.insert(id, listener);
            id
        };
        // Never spawned yet (a lazy runner), or the last spawn failed.
        if self.inner.borrow().handlers.is_none() {
            self.spawn();
        }
        // Not now: the caller learns `id` only when this returns, so an
        // event it fired at once (Started) would be for a run it does not know.
        let runner = self.clone();
        yew::platform::spawn_local(async move { runner.pump() });
        id
    }

    /// Stops run `id`: a queued run is dropped, a running one loses its worker.
    pub fn stop(&self, id: RunId) {
        let (listener, was_active) = {
            let mut inner = self.inner.borrow_mut();
            inner.queue.retain(|queued| queued.id != id);
            let was_active = inner.active == Some(id);
            (inner.listeners.remove(&id), was_active)
        };
        if was_active {
            // Python in the worker never yields, so a Stop message would wait
            // for the loop to end; replace the worker instead.
            self.respawn();
        }
        if let Some(listener) = listener {
            listener.emit((id, RunEvent::Stopped));
        }
    }

    fn spawn(&self) {
        let (worker, early) = match take_early_worker() {
            Some(started) => started,
            None => match Worker::new(WORKER_URL) {
                Ok(worker) => (worker, Vec::new()),
                Err(err) => {
                    web_sys::console::error_2(&"pyplay: cannot start the Python worker".into(), &err);
                    return;
                }
            },
        };
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let (Some(inner), Some(text)) = (weak.upgrade(), event.data().as_string()) {
                match FromWorker::from_json(&text) {
                    Ok(msg) => Runner { inner }.on_message(msg),
                    Err(err) => {
                        web_sys::console::warn_1(&format!("pyplay: bad worker message: {err}").into())
                    }
                }
            }
        });
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            if let Some(inner) = weak.upgrade() {
                Runner { inner }.on_crash(event.message());
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // Kept to replay what the early worker said before we listened.
        let (message_fn, error_fn) = (on_message.as_ref().clone(), on_error.as_ref().clone());
        {
            let mut inner = self.inner.borrow_mut();
            inner.worker = Some(worker);
            inner.retired = inner.handlers.replace((on_message, on_error));
            inner.ready = false;
            inner.active = None;
            inner.on_status.emit(EngineStatus::Loading);
        }
        for event in &early {
            let handler = if event.has_type::<ErrorEvent>() { &error_fn } else { &message_fn };
            let _ = handler.unchecked_ref::<js_sys::Function>().call1(&JsValue::NULL, event);
        }
    }

    fn respawn(&self) {
        if let Some(worker) = self.inner.borrow_mut().worker.take() {
            worker.terminate();
        }
        self.spawn();
    }

    fn post(&self, msg: &ToWorker) {
        if let Some(worker) = &self.inner.borrow().worker {
            // Fails only if the worker is already gone; onerror covers that.
            let _ = worker.post_message(&JsValue::from_str(&msg.to_json()));
        }
    }

    /// Sends the next queued run if the worker is idle.
    fn pump(&self) {
        let next = {
            let mut inner = self.inner.borrow_mut();
            if !inner.ready || inner.active.is_some() {
                return;
            }
            let Some(run) = inner.queue.pop_front() else { return };
            inner.active = Some(run.id);
            let listener = inner.listeners.get(&run.id).cloned();
            (run, listener)
        };
        let (QueuedRun { id, code, stdin, keep_globals }, listener) = next;
        self.post(&ToWorker::Run { id, code, stdin, keep_globals });
        if let Some(listener) = listener {
            listener.emit((id, RunEvent::Started));
        }
    }

    fn listener(&self, id: RunId) -> Option<Listener> {
        self.inner.borrow().listeners.get(&id).cloned()
    }

    fn on_message(&self, msg: FromWorker) {
        match msg {
            FromWorker::Ready { init_ms } => {
                let on_status = {
                    let mut inner = self.inner.borrow_mut();
                    inner.ready = true;
                    inner.on_status.clone()
                };
                on_status.emit(EngineStatus::Ready { init_ms });
                self.pump();
            }
            FromWorker::Output { id, stream, text } => {
                if let Some(listener) = self.listener(id) {
                    listener.emit((id, RunEvent::Output(stream, text)));
                }
            }
            FromWorker::Skipped { id, bytes } => {
                if let Some(listener) = self.listener(id) {
                    listener.emit((id, RunEvent::Skipped(bytes)));
                }
            }
            FromWorker::WantsInput { id, token } => {
                if let Some(listener) = self.listener(id) {
                    listener.emit((id, RunEvent::WantsInput(token)));
                }
            }
            FromWorker::Done { id, error, exit_status, elapsed_ms } => {
                let listener = {
                    let mut inner = self.inner.borrow_mut();
                    if inner.active == Some(id) {
                        inner.active = None;
                    }
                    inner.listeners.remove(&id)
                };
                if let Some(listener) = listener {
                    listener.emit((id, RunEvent::Finished { error, exit_status, elapsed_ms }));
                }
                self.pump();
            }
        }
    }

    fn on_crash(&self, message: String) {
        let crashed = {
            let mut inner = self.inner.borrow_mut();
            let active = inner.active.take();
            active.and_then(|id| Some((id, inner.listeners.remove(&id)?)))
        };
        web_sys::console::error_1(&format!("pyplay: Python worker died: {message}").into());
        self.respawn();
        if let Some((id, listener)) = crashed {
            listener.emit((id, RunEvent::Crashed(message)));
        }
    }
}
