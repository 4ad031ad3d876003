//! The page's side of the Python worker: spawns it (or joins the page's
//! shared one, crate::shared), and carries out what crate::run_queue
//! decides (which run goes next, whom to tell what, when to replace the
//! worker).

use std::{cell::RefCell, collections::HashMap, rc::Rc};

use pyplay_protocol::{
    CheckResult, FromWorker, PyError, RunId, Stream, Trace,
    channels::{
        ToEmbed, WorkerState, early_worker,
        shared::{FromHost, ToHost},
    },
};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::{
    pool,
    run_queue::{Effect, Job, RunQueue},
    shared,
};

/// The worker's script (the build's loader; www/early-worker.js starts the same).
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

/// Where an embed's own worker stands in its host page's pool.
#[derive(Clone, Copy, PartialEq)]
enum Pooled {
    /// Has no place (none asked yet, retired, or no pool at all).
    Out,
    /// Asked for a place.
    Waiting,
    /// Has one; the last state told (None: nothing yet).
    In(Option<WorkerState>),
}

/// Why a run ended that was sent to a host whose page has gone.
const CUT_BY_NEW_HOST: &str = "the embed that ran Python for this page was closed";

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
    /// Share the page's interpreter (embeds) instead of owning a worker.
    share: bool,
    /// This runner's end of the shared interpreter, once joined.
    client: Option<Rc<shared::Client>>,
    /// An embed's id from embed.js: its own worker then lives under the host
    /// page's pool (crate::pool).
    pool_id: Option<String>,
    pool_member: Option<Rc<pool::Member>>,
    pool: Pooled,
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
        let runner = Self::new(on_status, false);
        runner.spawn();
        runner
    }

    /// An embed's runner: starts Python on the first run (a page with ten
    /// embeds loads it only when a reader runs one), and joins the one interpreter
    /// the embeds of this page share (crate::shared), unless the browser
    /// refuses or `own` forces the fallback: a worker of its own, under the
    /// host page's pool if embed.js placed it (`pool_id`).
    pub fn embed(on_status: Callback<EngineStatus>, pool_id: Option<String>, own: bool) -> Self {
        let runner = Self::new(on_status, !own && shared::supported());
        runner.inner.borrow_mut().pool_id = pool_id;
        runner
    }

    fn new(on_status: Callback<EngineStatus>, share: bool) -> Self {
        Self {
            inner: Rc::new(RefCell::new(Inner {
                share,
                client: None,
                pool_id: None,
                pool_member: None,
                pool: Pooled::Out,
                worker: None,
                handlers: None,
                retired: None,
                queue: RunQueue::default(),
                listeners: HashMap::new(),
                on_status,
            })),
        }
    }

    /// Whether this runner uses the page's shared interpreter (so far: a
    /// refused join falls back to a worker of its own).
    pub fn is_shared(&self) -> bool {
        self.inner.borrow().share
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
        let started = {
            let inner = self.inner.borrow();
            inner.worker.is_some() || inner.client.is_some() || inner.pool == Pooled::Waiting
        };
        if !started {
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
                    let client = self.inner.borrow().client.clone();
                    if let Some(client) = client {
                        client.send(ToHost::Submit { client: client.id().to_string(), msg });
                    } else if let Some(worker) = &self.inner.borrow().worker {
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
        self.tell_pool();
    }

    /// Tells the host page's pool whether our worker is busy, when that changes.
    fn tell_pool(&self) {
        let inner = &mut *self.inner.borrow_mut();
        let state = if inner.queue.is_idle() { WorkerState::Idle } else { WorkerState::Busy };
        if let (Pooled::In(told), Some(member)) = (&mut inner.pool, &inner.pool_member)
            && *told != Some(state)
        {
            *told = Some(state);
            member.tell(state);
        }
    }

    /// The host page's pool speaks (crate::pool).
    fn on_pool(&self, msg: ToEmbed) {
        let (pool, idle) = {
            let inner = self.inner.borrow();
            (inner.pool, inner.queue.is_idle())
        };
        match (msg, pool) {
            (ToEmbed::Granted, Pooled::Waiting) => {
                self.inner.borrow_mut().pool = Pooled::In(None);
                self.spawn();
            }
            (ToEmbed::Retire, Pooled::In(_)) => {
                let (worker, member) = {
                    let mut inner = self.inner.borrow_mut();
                    if idle {
                        inner.queue.retired();
                        inner.handlers = None;
                        inner.pool = Pooled::Out;
                    } else {
                        inner.pool = Pooled::In(Some(WorkerState::Busy));
                    }
                    (if idle { inner.worker.take() } else { None }, inner.pool_member.clone())
                };
                if let Some(worker) = worker {
                    worker.terminate();
                }
                if let Some(member) = member {
                    member.tell(if idle { WorkerState::Gone } else { WorkerState::Busy });
                }
            }
            _ => {}
        }
    }

    /// Asks the host page's pool for a place; true while we wait for it.
    fn wait_for_pool(&self) -> bool {
        let (pool, member, id) = {
            let inner = self.inner.borrow();
            (inner.pool, inner.pool_member.clone(), inner.pool_id.clone())
        };
        match pool {
            Pooled::In(_) => return false,
            Pooled::Waiting => return true,
            Pooled::Out => {}
        }
        let member = match member {
            Some(member) => member,
            None => {
                let weak = Rc::downgrade(&self.inner);
                let joined = pool::Member::join(id, move |msg| {
                    if let Some(inner) = weak.upgrade() {
                        Runner { inner }.on_pool(msg);
                    }
                });
                let Some(member) = joined else { return false };
                let member = Rc::new(member);
                self.inner.borrow_mut().pool_member = Some(member.clone());
                member
            }
        };
        self.inner.borrow_mut().pool = Pooled::Waiting;
        member.tell(WorkerState::Want);
        true
    }

    fn spawn(&self) {
        if self.inner.borrow().share && self.join() {
            return;
        }
        if self.wait_for_pool() {
            return;
        }
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

    /// Joins the page's shared interpreter; false if the browser refuses.
    fn join(&self) -> bool {
        let weak = Rc::downgrade(&self.inner);
        let client = shared::Client::join(move |msg| {
            let Some(inner) = weak.upgrade() else { return };
            let runner = Runner { inner };
            match msg {
                // Runs sent to an earlier host died with its page.
                FromHost::Up { .. } => runner.step(|q| q.crashed(CUT_BY_NEW_HOST.into())),
                FromHost::Loading | FromHost::Gone => {
                    runner.step(|_| vec![Effect::Status(EngineStatus::Loading)])
                }
                FromHost::Here { .. } => {}
                FromHost::Ready { init_ms } => runner.step(|q| q.on_message(FromWorker::Ready { init_ms })),
                FromHost::To { msg, .. } => runner.step(|q| q.on_message(msg)),
                FromHost::Cut { why, .. } => runner.step(|q| q.crashed(why)),
            }
        });
        let Some(client) = client else {
            self.inner.borrow_mut().share = false;
            return false;
        };
        self.inner.borrow_mut().client = Some(Rc::new(client));
        self.step(RunQueue::spawned);
        true
    }

    fn respawn(&self) {
        let client = self.inner.borrow().client.clone();
        if let Some(client) = client {
            // The host replaces the interpreter if it runs ours, and says Ready.
            client.send(ToHost::Reset { client: client.id().to_string() });
            self.step(RunQueue::spawned);
            return;
        }
        if let Some(worker) = self.inner.borrow_mut().worker.take() {
            worker.terminate();
        }
        self.spawn();
    }
}
