//! An embed's own worker under its host page's pool (www/embed/embed.js
//! keeps the logic), where the embeds cannot share an interpreter: the embed
//! asks before it starts a worker, says when it is busy or idle, and
//! retires it when told, so a page never holds more than `POOL_SIZE`.

use gloo::events::EventListener;
use pyplay_protocol::channels::{
    EMBED_VERSION, EmbedMessage, FromEmbed, ToEmbed, ToEmbedMessage, WorkerState,
};
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Window};

pub struct Member {
    id: String,
    parent: Window,
    _listener: EventListener,
}

impl Member {
    /// None outside an iframe placed by embed.js (no id): nobody keeps a pool.
    pub fn join(id: Option<String>, on_message: impl Fn(ToEmbed) + 'static) -> Option<Self> {
        let id = id?;
        let window = gloo::utils::window();
        let parent = window.parent().ok().flatten().filter(|p| *p != window)?;
        let from = parent.clone();
        let listener = EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
            // Only the page that placed us runs the pool.
            if !event.source().is_some_and(|s| js_sys::Object::is(&s, &from)) {
                return;
            }
            let Some(text) = js_sys::JSON::stringify(&event.data()).ok().and_then(|t| t.as_string()) else {
                return;
            };
            if let Ok(msg) = serde_json::from_str::<ToEmbedMessage>(&text)
                && msg.pyplay == EMBED_VERSION
            {
                on_message(msg.message);
            }
        });
        Some(Self { id, parent, _listener: listener })
    }

    pub fn tell(&self, state: WorkerState) {
        let message = FromEmbed::new(EmbedMessage::Worker { id: Some(self.id.clone()), state });
        let message = js_sys::JSON::parse(&message.to_json()).expect("serde_json writes valid JSON");
        let _ = self.parent.post_message(&message, "*");
    }
}
