//! One interpreter for all the embeds of a page (the I/O; the logic is
//! crate::shared_queue). One embed hosts a dedicated worker; every embed,
//! the host's own included, is a client that talks to it over
//! BroadcastChannels (`channels::shared`). A client that hears no host
//! claims the place; of simultaneous claims the smallest id wins. When the
//! host's page goes it says so, and the clients elect another.
//!
//! Not a SharedWorker: Chromium gives a SharedWorker no `Worker` to own, and
//! without cross-origin isolation (a blog page will not have it) nothing can
//! interrupt Python in it, so Stop could never end a `while True`. A page's
//! own dedicated worker can be terminated, in Chromium and Firefox alike.
//! Not Web Locks either: Chromium refuses them in a third-party iframe.

use std::{cell::RefCell, rc::Rc};

use gloo::timers::callback::Timeout;
use pyplay_protocol::{
    FromWorker,
    channels::{
        early_worker,
        shared::{ClientId, FROM_HOST, FromHost, TO_HOST, ToHost},
    },
};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::shared_queue::{HostEffect, SharedQueue};

/// How long a client waits for a host before it claims the place, and then
/// for a host's answer or a smaller claim before it hosts.
const ELECTION_MS: u32 = 150;

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

/// Whether this browser can share an interpreter between embeds.
pub fn supported() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"BroadcastChannel".into()).unwrap_or(false)
}

fn random_id() -> ClientId {
    format!("{:016x}", js_sys::Math::random().to_bits())
}

fn on_hide(f: impl Fn() + 'static) {
    let f = Closure::<dyn Fn()>::new(f);
    let _ = gloo::utils::window().add_event_listener_with_callback("pagehide", f.as_ref().unchecked_ref());
    f.forget();
}

type OnMessage = Closure<dyn Fn(MessageEvent)>;

/// A client's view of who hosts.
#[derive(Default)]
struct Election {
    /// A host spoke since the last `Gone`.
    heard_host: bool,
    /// Our claim is out.
    claiming: bool,
    /// We host (for the rest of this page's life).
    hosting: bool,
    timer: Option<Timeout>,
}

/// One embed's end: posts [`ToHost`], hears [`FromHost`].
pub struct Client {
    id: ClientId,
    to_host: Rc<Channel>,
    // Kept alive as long as the client.
    _channels: (Channel, Channel),
    _closures: (OnMessage, OnMessage),
}

impl Client {
    /// Joins the page's interpreter, hosting it if nobody does; `on_message`
    /// hears what the host says to this client or to all. None if the
    /// browser refuses a BroadcastChannel.
    pub fn join(on_message: impl Fn(FromHost) + 'static) -> Option<Self> {
        let id = random_id();
        let to_host = Rc::new(Channel::new(TO_HOST).ok()?);
        let (from_host, claims) = (Channel::new(FROM_HOST).ok()?, Channel::new(TO_HOST).ok()?);
        let election = Rc::new(RefCell::new(Election::default()));
        let (me, heard) = (id.clone(), election.clone());
        let (post, elect_id) = (to_host.clone(), id.clone());
        let on_host = OnMessage::new(move |event: MessageEvent| {
            let Some(msg) = event.data().as_string().and_then(|t| FromHost::from_json(&t).ok()) else {
                return;
            };
            let gone = msg == FromHost::Gone;
            heard.borrow_mut().heard_host = !gone;
            if gone {
                elect(&heard, &post, &elect_id, ELECTION_MS);
            }
            let mine = match &msg {
                FromHost::To { client, .. } | FromHost::Cut { client, .. } => *client == me,
                FromHost::Here { .. } => false,
                FromHost::Up { .. } | FromHost::Gone | FromHost::Loading | FromHost::Ready { .. } => true,
            };
            if mine {
                on_message(msg);
            }
        });
        from_host.set_onmessage(Some(on_host.as_ref().unchecked_ref()));
        // Other clients' claims: a smaller id wins.
        let (rival, me) = (election.clone(), id.clone());
        let on_claim = OnMessage::new(move |event: MessageEvent| {
            if let Some(ToHost::Claim { client }) =
                event.data().as_string().and_then(|t| ToHost::from_json(&t).ok())
                && client < me
            {
                rival.borrow_mut().claiming = false;
            }
        });
        claims.set_onmessage(Some(on_claim.as_ref().unchecked_ref()));
        let client = Self { id, to_host, _channels: (from_host, claims), _closures: (on_host, on_claim) };
        client.send(ToHost::Hello { client: client.id.clone() });
        elect(&election, &client.to_host, &client.id, ELECTION_MS);
        // A closed embed's runs must not hold the interpreter (a `while True`).
        let (leave, left) = (client.to_host.clone(), client.id.clone());
        on_hide(move || {
            let _ = leave.post(&ToHost::Reset { client: left.clone() }.to_json());
        });
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

/// In `ms`: nothing if a host has spoken; else claim the place, and host if
/// no host or smaller claim answers within another round.
fn elect(election: &Rc<RefCell<Election>>, to_host: &Rc<Channel>, id: &str, ms: u32) {
    let (e, post, id) = (election.clone(), to_host.clone(), id.to_string());
    let timer = Timeout::new(ms, move || {
        let (heard, claiming, hosting) = {
            let state = e.borrow();
            (state.heard_host, state.claiming, state.hosting)
        };
        if heard || hosting {
            e.borrow_mut().claiming = false;
            return;
        }
        if claiming {
            e.borrow_mut().hosting = true;
            Host::start(id);
            return;
        }
        // Not claiming: first round, or a smaller claim beat ours and its
        // host has not spoken yet; claim (again) and look once more.
        e.borrow_mut().claiming = true;
        let _ = post.post(&ToHost::Claim { client: id.clone() }.to_json());
        elect(&e, &post, &id, ELECTION_MS);
    });
    election.borrow_mut().timer = Some(timer);
}

type Handlers = (Closure<dyn Fn(MessageEvent)>, Closure<dyn Fn(ErrorEvent)>);

/// The interpreter's owner: lives, once started, as long as its page.
struct Host {
    id: ClientId,
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
            id: ClientId::new(),
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
                Ok(ToHost::Hello { client }) => {
                    here(&host);
                    step(&host, |q| q.hello(client));
                }
                Ok(ToHost::Claim { .. }) => here(&host),
                Ok(ToHost::Submit { client, msg }) => step(&host, |q| q.submit(client, msg)),
                Ok(ToHost::Reset { client }) => step(&host, |q| q.reset(client)),
                Err(err) => web_sys::console::warn_1(&format!("pyplay: bad client message: {err}").into()),
            }
        });
        {
            let mut h = host.borrow_mut();
            h._to_host.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            h._on_message = Some(on_message);
            let _ = h.from_host.post(&FromHost::Up { host: id.clone() }.to_json());
            h.id = id;
        }
        let going = host.clone();
        on_hide(move || {
            let _ = going.borrow().from_host.post(&FromHost::Gone.to_json());
        });
        spawn(&host);
        // Lives as long as the page: the lock that made it host is never released.
        std::mem::forget(host);
    }
}

/// Tells a client that asked that there is a host.
fn here(host: &Rc<RefCell<Host>>) {
    let h = host.borrow();
    let _ = h.from_host.post(&FromHost::Here { host: h.id.clone() }.to_json());
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
