//! Copying text for the reader.

use yew::Callback;

/// Writes `text` to the clipboard; `done` hears whether it worked. The
/// clipboard API exists only in secure contexts (https, localhost).
pub fn copy(text: &str, done: Callback<bool>) {
    let navigator = gloo::utils::window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !available {
        done.emit(false);
        return;
    }
    let written = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}
