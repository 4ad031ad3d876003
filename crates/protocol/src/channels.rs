//! The channels besides page ↔ worker, for the Rust side: the page's
//! messages to the service worker, the worker's blocking requests to it, the
//! early worker's handoff and the embed's messages to its host page.
//!
//! The JS side (www/pwa/sw.js, www/early-worker.js, www/embed/embed.js)
//! takes the same names from `www/channels.js`, which www/build-scripts.mjs
//! writes into those classic scripts at build time. The test at the end of
//! this file reads `www/channels.js` and checks every name in it against
//! the constants and serde names here, so the two cannot drift.

use serde::{Deserialize, Serialize};

/// Page to service worker (sw.js's `message` handler), posted as an object
/// tagged by `pyplay`: `{pyplay: "skip-waiting"}`,
/// `{pyplay: "input", token, line}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "pyplay", rename_all = "kebab-case")]
pub enum ToServiceWorker {
    /// Sent to a new version waiting to take over: take over now (the
    /// page's Reload button).
    SkipWaiting,
    /// The line a program waits for in `input()`, for the worker's request
    /// that carries `token` (`FromWorker::WantsInput`).
    Input { token: String, line: String },
}

impl ToServiceWorker {
    /// Encodes for `postMessage` (the page parses it into an object).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("ToServiceWorker always serializes")
    }
}

/// The worker's blocking requests to the service worker: a synchronous
/// `GET pause.txt?ms=N` that it answers after N ms (`time.sleep`), or
/// `GET pause.txt?input=TOKEN` that it answers with the line the page sent
/// for TOKEN (`input()`), or with nothing after a while.
pub mod pause {
    /// Relative to the worker script, which sits at the root of the site;
    /// a host without our service worker serves the plain file.
    pub const URL: &str = "pause.txt";
    /// Query parameter: how long to hold the request, in ms.
    pub const MS: &str = "ms";
    /// Query parameter: the token of the line to answer with.
    pub const INPUT: &str = "input";
    /// Response header sw.js sets on a pause (the ms it held the request)
    /// and on an input answer without a line yet (ask again); the plain
    /// pause.txt lacks it.
    pub const SLEPT_HEADER: &str = "x-pyplay-slept";
    /// Response header sw.js sets on an answer that carries a typed line.
    pub const LINE_HEADER: &str = "x-pyplay-line";

    /// The URL of a request with one query parameter.
    #[must_use]
    pub fn url(param: &str, value: &str) -> String {
        format!("{URL}?{param}={value}")
    }
}

/// www/early-worker.js starts the Python worker before the app's wasm has
/// loaded and leaves it in a global the app takes over:
/// `window.pyplayEarlyWorker = {worker, early}`, `early` being the events
/// the worker sent before the app listened.
pub mod early_worker {
    /// The global the early worker is left in.
    pub const GLOBAL: &str = "pyplayEarlyWorker";
    /// Its field holding the `Worker`.
    pub const WORKER: &str = "worker";
    /// Its field holding the array of events received so far.
    pub const EVENTS: &str = "early";
    /// The worker's script: tools/build.mjs emits its loader under this fixed,
    /// unhashed name.
    pub const LOADER: &str = "worker_loader.js";
}

/// www/early-input.js notes the reader's first input on a page written at
/// build time, where the app takes over only then (crates/app/src/takeover.rs):
/// `window.pyplayEarlyInput = {seen, click, then}`.
pub mod early_input {
    /// The global the notes are left in.
    pub const GLOBAL: &str = "pyplayEarlyInput";
    /// Its field: true once the first input came.
    pub const SEEN: &str = "seen";
    /// Its field: the built page's button clicked, its click held back; or null.
    pub const CLICK: &str = "click";
    /// Its field the app sets: a function called once, at the first input.
    pub const THEN: &str = "then";
}

/// The embeds of one page share one interpreter (crates/app/src/shared.rs):
/// one embed hosts a dedicated worker for all; the others, its clients,
/// talk to it over two BroadcastChannels, as JSON strings. Both ends are Rust.
pub mod shared {
    use serde::{Deserialize, Serialize};

    use crate::{FromWorker, RunId, ToWorker};

    /// The channel clients post [`ToHost`] on.
    pub const TO_HOST: &str = "pyplay-python-to-host";
    /// The channel the host posts [`FromHost`] on.
    pub const FROM_HOST: &str = "pyplay-python-from-host";

    /// A client (one embed's runner), random per page load.
    pub type ClientId = String;

    /// Client to host.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub enum ToHost {
        /// Answered with `Here` at once, and `Ready` once the interpreter
        /// takes runs.
        Hello { client: ClientId },
        /// Nobody answered: this client will host unless a host answers,
        /// or a client with a smaller id claims too.
        Claim { client: ClientId },
        /// A run, numbered by the client.
        Submit { client: ClientId, msg: ToWorker },
        /// Forget this client's runs; if one is running, replace the
        /// interpreter (Stop). Answered with `Ready` as `Hello` is.
        Reset { client: ClientId },
    }

    /// Host to clients; every client hears every message and keeps its own.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub enum FromHost {
        /// A new host took over: runs sent to an earlier one are lost.
        Up { host: ClientId },
        /// There is a host (the answer to `Hello` and `Claim`).
        Here { host: ClientId },
        /// The host's page is going: the clients elect another.
        Gone,
        /// The interpreter is being replaced (another client's Stop, a crash).
        Loading,
        /// The interpreter takes runs (after `Loading`, or the first time).
        Ready { init_ms: f64 },
        /// A worker message for one client, with the client's run ids
        /// (`Ready` included).
        To { client: ClientId, msg: FromWorker },
        /// The client's run `id` died with the interpreter.
        Cut { client: ClientId, id: RunId, why: String },
    }

    impl ToHost {
        #[must_use]
        pub fn to_json(&self) -> String {
            serde_json::to_string(self).expect("ToHost always serializes")
        }

        /// # Errors
        /// When `text` is not a valid message.
        pub fn from_json(text: &str) -> serde_json::Result<Self> {
            serde_json::from_str(text)
        }
    }

    impl FromHost {
        #[must_use]
        pub fn to_json(&self) -> String {
            serde_json::to_string(self).expect("FromHost always serializes")
        }

        /// # Errors
        /// When `text` is not a valid message.
        pub fn from_json(text: &str) -> serde_json::Result<Self> {
            serde_json::from_str(text)
        }
    }
}

/// The version in the `pyplay` field of every message an embed posts.
pub const EMBED_VERSION: u32 = 1;

/// Embed iframe to its host page (read by www/embed/embed.js there), with
/// the version: `{pyplay: 1, type: "height", id, height}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FromEmbed {
    /// [`EMBED_VERSION`].
    pub pyplay: u32,
    #[serde(flatten)]
    pub message: EmbedMessage,
}

/// What an embed tells its host page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EmbedMessage {
    /// The embed's content is `height` CSS pixels tall; `id` is the one the
    /// host gave it in the URL, so it knows which iframe spoke.
    Height { id: Option<String>, height: f64 },
    /// Where the embeds cannot share an interpreter (no BroadcastChannel,
    /// or refused, or `python=own`): the embed's own worker, which
    /// embed.js keeps to at most [`POOL_SIZE`] live on the page.
    Worker { id: Option<String>, state: WorkerState },
}

/// An embed's own worker, as its host page's pool sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerState {
    /// It needs one: start it once [`ToEmbed::Granted`].
    Want,
    /// Running a program.
    Busy,
    /// Live, with nothing to run: may be retired.
    Idle,
    /// Terminated (after [`ToEmbed::Retire`]).
    Gone,
}

/// Live embed workers a host page keeps where they cannot share one:
/// about 60 MB each.
pub const POOL_SIZE: usize = 3;

/// Host page (embed.js) to one embed iframe, with the version:
/// `{pyplay: 1, type: "granted"}`, `{pyplay: 1, type: "retire"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToEmbed {
    /// Start your worker.
    Granted,
    /// Terminate your idle worker (the least recently used): another needs
    /// its place. Answered with `Gone`, or `Busy` if it is running again.
    Retire,
}

/// A [`ToEmbed`] on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToEmbedMessage {
    /// [`EMBED_VERSION`].
    pub pyplay: u32,
    #[serde(flatten)]
    pub message: ToEmbed,
}

impl FromEmbed {
    #[must_use]
    pub fn new(message: EmbedMessage) -> Self {
        Self { pyplay: EMBED_VERSION, message }
    }

    /// Encodes for `postMessage` (the embed parses it into an object).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("FromEmbed always serializes")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    #[test]
    fn service_worker_messages_have_a_stable_wire_shape() {
        assert_eq!(ToServiceWorker::SkipWaiting.to_json(), r#"{"pyplay":"skip-waiting"}"#);
        let input = ToServiceWorker::Input { token: "4-12".into(), line: "Ada".into() };
        assert_eq!(input.to_json(), r#"{"pyplay":"input","token":"4-12","line":"Ada"}"#);
        assert_eq!(serde_json::from_str::<ToServiceWorker>(&input.to_json()).unwrap(), input);
        assert_eq!(pause::url(pause::MS, "250"), "pause.txt?ms=250");
    }

    #[test]
    fn embed_messages_have_a_stable_wire_shape() {
        let height = FromEmbed::new(EmbedMessage::Height { id: Some("pyplay-2".into()), height: 321.0 });
        let wire: Value = serde_json::from_str(&height.to_json()).unwrap();
        assert_eq!(wire, json!({"pyplay": 1, "type": "height", "id": "pyplay-2", "height": 321.0}));
        assert_eq!(serde_json::from_str::<FromEmbed>(&height.to_json()).unwrap(), height);
        let anonymous = FromEmbed::new(EmbedMessage::Height { id: None, height: 5.0 });
        assert!(anonymous.to_json().contains(r#""id":null"#));
    }

    #[test]
    fn pool_messages_have_a_stable_wire_shape() {
        let want =
            FromEmbed::new(EmbedMessage::Worker { id: Some("pyplay-1".into()), state: WorkerState::Want });
        assert_eq!(want.to_json(), r#"{"pyplay":1,"type":"worker","id":"pyplay-1","state":"want"}"#);
        let retire: ToEmbedMessage = serde_json::from_str(r#"{"pyplay":1,"type":"retire"}"#).unwrap();
        assert_eq!(retire.message, ToEmbed::Retire);
        assert!(serde_json::from_str::<ToEmbedMessage>(r#"{"pyplay":1,"type":"height"}"#).is_err());
    }

    #[test]
    fn shared_interpreter_messages_have_a_stable_wire_shape() {
        use shared::{FromHost, ToHost};
        let run = crate::ToWorker::Run { id: 2, code: "1".into(), stdin: String::new(), keep_globals: false };
        let submit = ToHost::Submit { client: "c1".into(), msg: run };
        assert_eq!(
            submit.to_json(),
            r#"{"type":"submit","client":"c1","msg":{"type":"run","id":2,"code":"1","stdin":""}}"#
        );
        assert_eq!(ToHost::from_json(&submit.to_json()).unwrap(), submit);
        let to = FromHost::To { client: "c1".into(), msg: crate::FromWorker::Ready { init_ms: 3.0 } };
        assert_eq!(to.to_json(), r#"{"type":"to","client":"c1","msg":{"type":"ready","init_ms":3.0}}"#);
        assert_eq!(FromHost::from_json(&to.to_json()).unwrap(), to);
        let cut = FromHost::Cut { client: "c".into(), id: 4, why: "trap".into() };
        assert_eq!(FromHost::from_json(&cut.to_json()).unwrap(), cut);
        assert_eq!(FromHost::Loading.to_json(), r#"{"type":"loading"}"#);
        assert!(ToHost::from_json(r#"{"type":"to","client":"c"}"#).is_err());
    }

    /// `www/channels.js`: the object literal after `export const CHANNELS =`,
    /// which is JSON apart from whole-line `//` comments.
    fn js_names() -> Value {
        let source = include_str!("../../../www/channels.js");
        let (_, literal) =
            source.split_once("export const CHANNELS =").expect("www/channels.js exports CHANNELS");
        let json: String = literal
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let json = json.trim().strip_suffix(';').expect("CHANNELS ends with `;`");
        serde_json::from_str(json).expect("CHANNELS is JSON apart from whole-line comments")
    }

    /// A JS list of names as a `Vec<&str>`.
    fn strs(list: &Value) -> Vec<&str> {
        list.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
    }

    #[test]
    fn the_js_names_are_the_rust_names() {
        let js = js_names();
        let s = |v: &Value| v.as_str().unwrap().to_string();

        // Tags and fields in the order serde writes them, which the JS lists
        // follow (sw.js and embed.js take the fields by position).
        let sw = &js["toServiceWorker"];
        let [token, line] = <[&str; 2]>::try_from(strs(&sw["inputFields"])).unwrap();
        assert_eq!(
            ToServiceWorker::SkipWaiting.to_json(),
            format!(r#"{{"{}":"{}"}}"#, s(&sw["tag"]), s(&sw["skipWaiting"]))
        );
        assert_eq!(
            ToServiceWorker::Input { token: "T".into(), line: "L".into() }.to_json(),
            format!(r#"{{"{}":"{}","{token}":"T","{line}":"L"}}"#, s(&sw["tag"]), s(&sw["input"]))
        );

        let embed = &js["fromEmbed"];
        let [id, height] = <[&str; 2]>::try_from(strs(&embed["heightFields"])).unwrap();
        assert_eq!(embed["version"], EMBED_VERSION);
        assert_eq!(
            FromEmbed::new(EmbedMessage::Height { id: Some("I".into()), height: 2.0 }).to_json(),
            format!(
                r#"{{"{}":{EMBED_VERSION},"{}":"{}","{id}":"I","{height}":2.0}}"#,
                s(&embed["tag"]),
                s(&embed["type"]),
                s(&embed["height"])
            )
        );

        let [wid, state] = <[&str; 2]>::try_from(strs(&embed["workerFields"])).unwrap();
        assert_eq!(
            FromEmbed::new(EmbedMessage::Worker { id: Some("I".into()), state: WorkerState::Want }).to_json(),
            format!(
                r#"{{"{}":{EMBED_VERSION},"{}":"{}","{wid}":"I","{state}":"want"}}"#,
                s(&embed["tag"]),
                s(&embed["type"]),
                s(&embed["worker"])
            )
        );
        let states: Vec<String> =
            [WorkerState::Want, WorkerState::Busy, WorkerState::Idle, WorkerState::Gone]
                .iter()
                .map(|w| serde_json::to_value(w).unwrap().as_str().unwrap().to_string())
                .collect();
        assert_eq!(strs(&embed["states"]), states);
        let to = &js["toEmbed"];
        assert_eq!(to["poolSize"], POOL_SIZE);
        for (message, name) in [(ToEmbed::Granted, "granted"), (ToEmbed::Retire, "retire")] {
            let wire = ToEmbedMessage { pyplay: EMBED_VERSION, message };
            assert_eq!(
                serde_json::to_string(&wire).unwrap(),
                format!(r#"{{"{}":{EMBED_VERSION},"{}":"{}"}}"#, s(&to["tag"]), s(&to["type"]), s(&to[name]))
            );
        }

        let p = &js["pause"];
        assert_eq!(p["url"], pause::URL);
        assert_eq!(p["ms"], pause::MS);
        assert_eq!(p["input"], pause::INPUT);
        assert_eq!(p["sleptHeader"], pause::SLEPT_HEADER);
        assert_eq!(p["lineHeader"], pause::LINE_HEADER);

        let early = &js["earlyWorker"];
        assert_eq!(early["global"], early_worker::GLOBAL);
        assert_eq!(early["worker"], early_worker::WORKER);
        assert_eq!(early["events"], early_worker::EVENTS);
        assert_eq!(early["loader"], early_worker::LOADER);

        let input = &js["earlyInput"];
        assert_eq!(input["global"], early_input::GLOBAL);
        assert_eq!(input["seen"], early_input::SEEN);
        assert_eq!(input["click"], early_input::CLICK);
        assert_eq!(input["then"], early_input::THEN);

        // Every name in the file is checked above: a new one needs a check.
        let sizes: Vec<usize> =
            ["toServiceWorker", "fromEmbed", "toEmbed", "pause", "earlyWorker", "earlyInput"]
                .iter()
                .map(|k| js[k].as_object().unwrap().len())
                .collect();
        assert_eq!(sizes, [4, 8, 5, 5, 4, 4]);
        assert_eq!(js.as_object().unwrap().len(), 6);
    }
}
