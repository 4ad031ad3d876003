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
    /// The worker's script: Trunk emits its loader under this fixed,
    /// unhashed name.
    pub const LOADER: &str = "worker_loader.js";
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

        // Every name in the file is checked above: a new one needs a check.
        let sizes: Vec<usize> = ["toServiceWorker", "fromEmbed", "pause", "earlyWorker"]
            .iter()
            .map(|k| js[k].as_object().unwrap().len())
            .collect();
        assert_eq!(sizes, [4, 5, 5, 4]);
        assert_eq!(js.as_object().unwrap().len(), 4);
    }
}
