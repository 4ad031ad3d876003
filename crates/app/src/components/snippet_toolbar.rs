//! The row under a snippet's editor: Run, Visualize, Stop, Reset, Undo reset, Copy,
//! Share, Embed, the "edited" mark and the run's time.

use gloo::timers::callback::Timeout;
use pyplay_content::ui::Ui;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::{clipboard, components::elapsed::Elapsed, hooks::use_ui};

#[derive(PartialEq, Properties)]
pub struct SnippetToolbarProps {
    /// False for code a browser cannot run: only Copy (and Embed).
    pub runnable: bool,
    pub busy: bool,
    pub run_label: AttrValue,
    /// The code on screen, for Copy and Share.
    pub code: AttrValue,
    /// Where a share link leads (`topic/snippet`, `scratch`); None: no Share.
    #[prop_or_default]
    pub share_path: Option<AttrValue>,
    /// The reader's edits are saved in this browser.
    #[prop_or_default]
    pub saved_edit: bool,
    #[prop_or_default]
    pub can_undo_reset: bool,
    pub running_since: Option<f64>,
    pub finished_ms: Option<f64>,
    pub on_run: Callback<()>,
    /// None: no Visualize button.
    #[prop_or_default]
    pub on_visualize: Option<Callback<()>>,
    pub on_stop: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_undo_reset: Callback<()>,
    /// None: no Embed button.
    #[prop_or_default]
    pub on_embed: Option<Callback<()>>,
}

/// What the last Copy or Share did, said in a status region for a few seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Copied {
    Nothing,
    Done,
    Failed,
    /// A share link was copied.
    Linked,
    /// No clipboard: the link was put in the address bar instead.
    InAddressBar,
}

impl Copied {
    fn message(self, ui: &'static Ui) -> &'static str {
        match self {
            Self::Nothing => "",
            Self::Done => ui.copied,
            Self::Failed => ui.copy_failed,
            Self::Linked => ui.link_copied,
            Self::InAddressBar => ui.link_in_address_bar,
        }
    }
}

/// Shows `result` in `copied` for `ms`.
fn show_for(copied: &UseStateHandle<Copied>, result: Copied, ms: u32) {
    copied.set(result);
    let copied = copied.clone();
    Timeout::new(ms, move || copied.set(Copied::Nothing)).forget();
}

#[component]
pub fn SnippetToolbar(props: &SnippetToolbarProps) -> Html {
    let ui = use_ui();
    let copied = use_state(|| Copied::Nothing);
    let reset_button = use_node_ref();
    let lang = crate::hooks::use_lang();

    let on_copy = {
        let (code, copied) = (props.code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            clipboard::copy(
                &code,
                Callback::from(move |ok: bool| {
                    show_for(&copied, if ok { Copied::Done } else { Copied::Failed }, 2500)
                }),
            );
        })
    };
    let on_share = props.share_path.clone().map(|path| {
        let (code, copied) = (props.code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let link = crate::route::share_url(lang, &path, &code);
            let copied = copied.clone();
            let fallback = link.clone();
            clipboard::copy(
                &link,
                Callback::from(move |ok: bool| {
                    if !ok {
                        // Still shareable: the reader copies it from the address bar.
                        let history = gloo::utils::window().history();
                        let _ = history.and_then(|h| {
                            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fallback))
                        });
                    }
                    show_for(&copied, if ok { Copied::Linked } else { Copied::InAddressBar }, 4000);
                }),
            );
        })
    });
    let on_undo_reset = {
        let (on_undo_reset, reset_button) = (props.on_undo_reset.clone(), reset_button.clone());
        Callback::from(move |_: MouseEvent| {
            on_undo_reset.emit(());
            // This button goes away; keep focus nearby rather than on <body>.
            if let Some(button) = reset_button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        })
    };

    html! {
        <div class="toolbar">
            if props.runnable {
                <button class="run" onclick={props.on_run.reform(|_: MouseEvent| ())} disabled={props.busy}>{ props.run_label.clone() }</button>
                if let Some(on_visualize) = &props.on_visualize {
                    <button class="visualize" onclick={on_visualize.reform(|_: MouseEvent| ())} disabled={props.busy} title={ui.visualize_title}>{ ui.visualize }</button>
                }
                if props.busy {
                    <button class="stop" onclick={props.on_stop.reform(|_: MouseEvent| ())}>{ ui.stop }</button>
                }
                <button class="reset" ref={reset_button} onclick={props.on_reset.reform(|_: MouseEvent| ())} title={ui.reset_title}>{ ui.reset }</button>
                if props.can_undo_reset {
                    <button class="undo-reset" onclick={on_undo_reset}>{ ui.undo_reset }</button>
                }
            }
            <button class="copy" onclick={on_copy}>{ ui.copy }</button>
            if let (true, Some(on_share)) = (props.runnable, on_share) {
                <button class="share" onclick={on_share} title={ui.share_title}>{ ui.share }</button>
            }
            <span class="copy-status" role="status">{ copied.message(ui) }</span>
            if props.saved_edit {
                <span class="edited" title={ui.edited_title}>{ ui.edited }</span>
            }
            if let Some(on_embed) = &props.on_embed {
                <button class="embed-snippet" onclick={on_embed.reform(|_: MouseEvent| ())}>{ ui.embed }</button>
            }
            if props.runnable {
                <Elapsed running_since={props.running_since} finished_ms={props.finished_ms} />
            }
        </div>
    }
}
