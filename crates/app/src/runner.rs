//! The page's side of the Python worker: spawns it, and carries out what
//! crate::run_queue decides (which run goes next, whom to tell what, when
//! to replace the worker).

use std::{cell::RefCell, collections::HashMap, rc::Rc};

use pyplay_protocol::{CheckResult, FromWorker, PyError, RunId, Stream, Trace, channels::early_worker};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::run_queue::{Effect, Job, RunQueue};

/// The worker's script (Trunk's loader; www/early-worker.js starts the same).
const WORKER_URL: &str = early_worker::LOADER;

/// The worker www/early-worker.js started before the app loaded, and the
/// events it sent since, if there is one; taken once.
fn take_early_worker() -> Option<(Worker, Vec<JsValue>)> {
    let global = js_sys::global();
    let key = JsValue::from_str(early_worker::GLOBAL);
    let started = js_sys::Reflect::get(&global, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let worker =
        js_sys::Reflect::get(&started, &early_worker::WORKER.into()).ok()?.dyn_into::<Worker>().ok()?;
    let early = js_sys::Reflect::get(&started, &early_worker::EVENTS.into()).ok()?;
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
    /// An exercise's check results (a Check job), before it finishes.
    Checked(Vec<CheckResult>),
    /// A Visualize job's steps, before it finishes.
    Traced(Rc<Trace>),
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

type Handlers = (Closure<dyn Fn(MessageEvent)>, Closure<dyn Fn(ErrorEvent)>);

struct Inner {
    worker: Option<Worker>,
    // Kept alive as long as the worker they are attached to.
    handlers: Option<Handlers>,
    // The previous worker's handlers: one of them may be on the stack when
    // it triggers a respawn, so it is dropped one generation later.
    retired: Option<Handlers>,
    queue: RunQueue,
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
                queue: RunQueue::default(),
                listeners: HashMap::new(),
                on_status,
            })),
        }
    }

    /// Queues `job`; `listener` hears every event of this run, none before
    /// this returns.
    pub fn submit(&self, job: Job, listener: Listener) -> RunId {
        let id = {
            let mut inner = self.inner.borrow_mut();
            let id = inner.queue.submit(job);
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
        yew::platform::spawn_local(async move { runner.step(RunQueue::pump) });
        id
    }

    /// Stops run `id`: a queued run is dropped, a running one loses its worker.
    pub fn stop(&self, id: RunId) {
        self.step(|queue| queue.stop(id));
    }

    /// Advances the state machine, then carries out what it says, with no
    /// borrow held: a listener may start another run.
    fn step(&self, advance: impl FnOnce(&mut RunQueue) -> Vec<Effect>) {
        let effects = advance(&mut self.inner.borrow_mut().queue);
        for effect in effects {
            match effect {
                Effect::Post(msg) => {
                    if let Some(worker) = &self.inner.borrow().worker {
                        // Fails only if the worker is already gone; onerror covers that.
                        let _ = worker.post_message(&JsValue::from_str(&msg.to_json()));
                    }
                }
                Effect::Emit(id, event) => {
                    let listener = {
                        let mut inner = self.inner.borrow_mut();
                        if event.is_final() {
                            inner.listeners.remove(&id)
                        } else {
                            inner.listeners.get(&id).cloned()
                        }
                    };
                    if let Some(listener) = listener {
                        listener.emit((id, event));
                    }
                }
                Effect::Respawn => self.respawn(),
                Effect::Status(status) => {
                    let on_status = self.inner.borrow().on_status.clone();
                    on_status.emit(status);
                }
            }
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
                    Ok(msg) => Runner { inner }.step(|queue| queue.on_message(msg)),
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
                let message = event.message();
                web_sys::console::error_1(&format!("pyplay: Python worker died: {message}").into());
                Runner { inner }.step(|queue| queue.crashed(message));
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
        }
        self.step(RunQueue::spawned);
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
}
