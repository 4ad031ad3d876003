//! The page's side of the service worker (www/pwa/sw.js): registers it and
//! reports a new build that is installed and waiting to take over. The new
//! build takes over only when asked (`apply`), and the page then reloads.

use std::{cell::Cell, rc::Rc};

use gloo::events::EventListener;
use pyplay_protocol::channels::ToServiceWorker;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState, VisibilityState,
};
use yew::Callback;

/// The page's service workers; None where they are unavailable (plain
/// http, some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Hands a line that a running program waits for in `input()` to the
/// service worker, which holds the Python worker's request for it (sw.js).
pub fn send_line(token: &str, line: &str) {
    let Some(controller) = container().and_then(|c| c.controller()) else { return };
    let message = ToServiceWorker::Input { token: token.to_string(), line: line.to_string() };
    let _ = controller.post_message(&to_object(&message));
}

/// A message as the object sw.js reads.
fn to_object(message: &ToServiceWorker) -> JsValue {
    js_sys::JSON::parse(&message.to_json()).expect("serde_json writes valid JSON")
}

/// How long after Python is ready the service worker is registered. Its
/// install fetches and hashes the whole build (the interpreter again, every
/// page), which on a first visit competed with the reader's first run for
/// the CPU and the network (`npm run bench:app-start`).
const REGISTER_AFTER_MS: u32 = 3_000;

/// Registers `script` (after [`REGISTER_AFTER_MS`]) and calls `on_waiting`
/// with each new version that is installed while this page runs an older
/// one. Does nothing where service workers are unavailable (plain http, some
/// private modes).
pub fn watch(script: String, on_waiting: Callback<ServiceWorker>) {
    let Some(container) = container() else { return };
    let later = move || yew::platform::spawn_local(register(container, script, on_waiting));
    gloo::timers::callback::Timeout::new(REGISTER_AFTER_MS, later).forget();
}

/// [`watch`]'s work once its wait is over.
async fn register(container: ServiceWorkerContainer, script: String, on_waiting: Callback<ServiceWorker>) {
    // Checked: a browser driven by a test harness may resolve with nothing.
    let registered = JsFuture::from(container.register(&script)).await;
    let registration = match registered.and_then(JsCast::dyn_into::<ServiceWorkerRegistration>) {
        Ok(registration) => registration,
        Err(err) => {
            web_sys::console::warn_2(
                &"pyplay: no offline support, service worker not registered:".into(),
                &err,
            );
            return;
        }
    };
    let report = Reporter::new(container, on_waiting);
    if let Some(waiting) = registration.waiting() {
        report.waiting(waiting);
    }
    report_installed(&registration, report);
    check_for_updates(registration);
}

/// Reports each new version once it is installed.
fn report_installed(registration: &ServiceWorkerRegistration, report: Reporter) {
    let target = registration.clone();
    EventListener::new(registration, "updatefound", move |_| {
        let Some(installing) = target.installing() else { return };
        let report = report.clone();
        EventListener::new(&installing.clone(), "statechange", move |_| {
            if installing.state() == ServiceWorkerState::Installed {
                report.waiting(installing.clone());
            }
        })
        .forget();
    })
    .forget();
}

/// Browsers look for a new sw.js on navigation; a tab left open also looks
/// when it comes back online or back into view.
fn check_for_updates(registration: ServiceWorkerRegistration) {
    let check = move || {
        if let Ok(promise) = registration.update() {
            // Rejects when offline; that is not an error worth a console line.
            yew::platform::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    };
    let on_online = check.clone();
    EventListener::new(&gloo::utils::window(), "online", move |_| on_online()).forget();
    EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
        if gloo::utils::document().visibility_state() == VisibilityState::Visible {
            check();
        }
    })
    .forget();
}

/// Lets the waiting version take over; the page reloads once it controls it.
pub fn apply(waiting: &ServiceWorker) {
    if let Err(err) = waiting.post_message(&to_object(&ToServiceWorker::SkipWaiting)) {
        web_sys::console::warn_2(&"pyplay: cannot reach the new service worker:".into(), &err);
    }
}

#[derive(Clone)]
struct Reporter {
    container: ServiceWorkerContainer,
    on_waiting: Callback<ServiceWorker>,
    reload_armed: Rc<Cell<bool>>,
}

impl Reporter {
    fn new(container: ServiceWorkerContainer, on_waiting: Callback<ServiceWorker>) -> Self {
        Self { container, on_waiting, reload_armed: Rc::default() }
    }

    fn waiting(&self, worker: ServiceWorker) {
        // No controller: this is the first install, which claims the page
        // with the files it was loaded from; nothing to offer.
        if self.container.controller().is_none() {
            return;
        }
        if !self.reload_armed.replace(true) {
            // Whichever tab's Reload made the new version active, this page
            // now has it as controller and must not run on with old files.
            EventListener::once(&self.container, "controllerchange", |_| {
                let _ = gloo::utils::window().location().reload();
            })
            .forget();
        }
        self.on_waiting.emit(worker);
    }
}
