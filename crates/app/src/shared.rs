//! One interpreter for all the embeds of a page (the I/O; the logic is
//! crate::shared_queue). The first embed to run takes a Web Lock and hosts a
//! dedicated worker; every embed, the host's own included, is a client that
//! talks to it over BroadcastChannels (`channels::shared`). When the host's
//! page goes, its lock passes to the next client in line, which starts a
//! new interpreter.
//!
//! Not a SharedWorker: Chromium gives a SharedWorker no `Worker` to own, and
//! without cross-origin isolation (a blog page will not have it) nothing can
//! interrupt Python in it, so Stop could never end a `while True`. A page's
//! own dedicated worker can be terminated, in Chromium and Firefox alike.

use std::{cell::RefCell, rc::Rc};

use pyplay_protocol::{
    FromWorker,
    channels::{
        early_worker,
        shared::{ClientId, FROM_HOST, FromHost, HOST_LOCK, TO_HOST, ToHost},
    },
};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::shared_queue::{HostEffect, SharedQueue};

#[wasm_bindgen]
extern "C" {
    /// web-sys has it behind a feature that would rebuild every crate using web-sys.
    #[wasm_bindgen(js_name = BroadcastChannel)]
    type Channel;
    #[wasm_bindgen(constructor, catch, js_class = "BroadcastChannel")]
    fn new(name: &str) -> Result<Channel, JsValue>;
    #[wasm_bindgen(method, catch, js_name = postMessage)]
    fn post(this: &Channel, message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &Channel, handler: Option<&js_sys::Function>);
}

/// `navigator.locks.request`, if this page may use Web Locks.
fn lock_request() -> Option<(JsValue, js_sys::Function)> {
    let navigator = gloo::utils::window().navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok().filter(|l| l.is_object())?;
    let request = js_sys::Reflect::get(&locks, &"request".into()).ok()?.dyn_into().ok()?;
    Some((locks, request))
}

/// Whether this browser can share an interpreter between embeds.
pub fn supported() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::has(&global, &"BroadcastChannel".into()).unwrap_or(false) && lock_request().is_some()
}

fn random_id() -> ClientId {
    format!("{:x}", js_sys::Math::random().to_bits())
}

/// One embed's end: posts [`ToHost`], hears [`FromHost`].
pub struct Client {
    id: ClientId,
    to_host: Channel,
    // Kept alive as long as the client.
    _from_host: Channel,
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

impl Client {
    /// Joins the page's interpreter, hosting it if nobody does; `on_message`
    /// hears what the host says to this client or to all. None if the
    /// browser refuses (storage blocked in a third-party frame).
    pub fn join(on_message: impl Fn(FromHost) + 'static) -> Option<Self> {
        let id = random_id();
        let (to_host, from_host) = (Channel::new(TO_HOST).ok()?, Channel::new(FROM_HOST).ok()?);
        let me = id.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(msg) = event.data().as_string().and_then(|t| FromHost::from_json(&t).ok()) else {
                return;
            };
            let mine = match &msg {
                FromHost::To { client, .. } | FromHost::Cut { client, .. } => *client == me,
                FromHost::Up { .. } | FromHost::Loading | FromHost::Ready { .. } => true,
            };
            if mine {
                on_message(msg);
            }
        });
        from_host.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let (locks, request) = lock_request()?;
        // Granted at once if nobody hosts, else when the host's page goes;
        // held as long as this page lives (the promise never settles).
        let host_id = id.clone();
        let granted = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
            Host::start(host_id);
            js_sys::Promise::new(&mut |_, _| {})
        });
        request.call2(&locks, &HOST_LOCK.into(), &granted).ok()?;
        let client = Self { id, to_host, _from_host: from_host, _on_message: on_message };
        client.send(ToHost::Hello { client: client.id.clone() });
        // A closed embed's runs must not hold the interpreter (a `while True`).
        let (leave, left) = (client.to_host.unchecked_ref::<JsValue>().clone(), client.id.clone());
        let on_hide = Closure::<dyn Fn()>::new(move || {
            let channel: &Channel = leave.unchecked_ref();
            let _ = channel.post(&ToHost::Reset { client: left.clone() }.to_json());
        });
        let _ = gloo::utils::window()
            .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
        Some(client)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn send(&self, msg: ToHost) {
        // Fails only once the channel is closed, i.e. the page is going.
        let _ = self.to_host.post(&msg.to_json());
    }
}

type Handlers = (Closure<dyn Fn(MessageEvent)>, Closure<dyn Fn(ErrorEvent)>);

/// The interpreter's owner: lives, once started, as long as its page.
struct Host {
    queue: SharedQueue,
    worker: Option<Worker>,
    handlers: Option<Handlers>,
    // The previous worker's handlers: one may be on the stack when it respawns.
    retired: Option<Handlers>,
    from_host: Channel,
    _to_host: Channel,
    _on_message: Option<Closure<dyn Fn(MessageEvent)>>,
}

impl Host {
    fn start(id: ClientId) {
        let (Ok(to_host), Ok(from_host)) = (Channel::new(TO_HOST), Channel::new(FROM_HOST)) else { return };
        let host = Rc::new(RefCell::new(Self {
            queue: SharedQueue::default(),
            worker: None,
            handlers: None,
            retired: None,
            from_host,
            _to_host: to_host,
            _on_message: None,
        }));
        let weak = Rc::downgrade(&host);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let (Some(host), Some(text)) = (weak.upgrade(), event.data().as_string()) else { return };
            match ToHost::from_json(&text) {
                Ok(ToHost::Hello { client }) => step(&host, |q| q.hello(client)),
                Ok(ToHost::Submit { client, msg }) => step(&host, |q| q.submit(client, msg)),
                Ok(ToHost::Reset { client }) => step(&host, |q| q.reset(client)),
                Err(err) => web_sys::console::warn_1(&format!("pyplay: bad client message: {err}").into()),
            }
        });
        {
            let mut h = host.borrow_mut();
            h._to_host.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            h._on_message = Some(on_message);
            let _ = h.from_host.post(&FromHost::Up { host: id }.to_json());
        }
        spawn(&host);
        // Lives as long as the page: the lock that made it host is never released.
        std::mem::forget(host);
    }
}

/// Advances the queue, then carries out its effects with no borrow held.
fn step(host: &Rc<RefCell<Host>>, advance: impl FnOnce(&mut SharedQueue) -> Vec<HostEffect>) {
    let effects = advance(&mut host.borrow_mut().queue);
    for effect in effects {
        match effect {
            HostEffect::Post(msg) => {
                if let Some(worker) = &host.borrow().worker {
                    // Fails only if the worker is gone; onerror covers that.
                    let _ = worker.post_message(&JsValue::from_str(&msg.to_json()));
                }
            }
            HostEffect::Send(msg) => {
                let _ = host.borrow().from_host.post(&msg.to_json());
            }
            HostEffect::Respawn => {
                if let Some(worker) = host.borrow_mut().worker.take() {
                    worker.terminate();
                }
                spawn(host);
            }
        }
    }
}

fn spawn(host: &Rc<RefCell<Host>>) {
    let worker = match Worker::new(early_worker::LOADER) {
        Ok(worker) => worker,
        Err(err) => {
            web_sys::console::error_2(&"pyplay: cannot start the Python worker".into(), &err);
            return;
        }
    };
    let weak = Rc::downgrade(host);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let (Some(host), Some(text)) = (weak.upgrade(), event.data().as_string()) else { return };
        match FromWorker::from_json(&text) {
            Ok(msg) => step(&host, |q| q.on_worker(msg)),
            Err(err) => web_sys::console::warn_1(&format!("pyplay: bad worker message: {err}").into()),
        }
    });
    let weak = Rc::downgrade(host);
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        if let Some(host) = weak.upgrade() {
            let message = event.message();
            web_sys::console::error_1(&format!("pyplay: Python worker died: {message}").into());
            step(&host, |q| q.crashed(message));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let mut h = host.borrow_mut();
    h.worker = Some(worker);
    h.retired = h.handlers.replace((on_message, on_error));
}
