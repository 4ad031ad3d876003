//! "Embed": the HTML that puts a topic or snippet in another page, as a
//! plain iframe and as embed.js's placeholder, each with a Copy button.

use pyplay_content::ui::fill;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::{clipboard, embed, hooks::use_ui};

#[derive(PartialEq, Properties)]
pub struct EmbedDialogProps {
    pub topic_id: AttrValue,
    /// None embeds the whole topic.
    #[prop_or_default]
    pub snippet_id: Option<AttrValue>,
    pub on_close: Callback<()>,
}

#[component]
pub fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let ui = use_ui();
    let status = use_state(String::new);
    let first = use_node_ref();
    {
        // Focus moves into the dialog, so keyboard users land on the code.
        let first = first.clone();
        use_effect_with((), move |()| {
            if let Some(el) = first.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let site = crate::route::site_root();
    let (topic, snippet) = (props.topic_id.as_str(), props.snippet_id.as_deref());
    let lang = crate::hooks::use_lang();
    let title = pyplay_content::topic(topic).map_or(topic.to_string(), |(_, t)| match snippet {
        Some(s) => {
            let name = pyplay_content::snippet(t.id, s).map_or(s, |(_, x)| x.texts(lang).title);
            fill(ui.embed_frame_snippet, &[("topic", &t.texts(lang).title), ("snippet", &name)])
        }
        None => fill(ui.embed_frame_topic, &[("topic", &t.texts(lang).title)]),
    });
    let iframe = embed::iframe_html(&site, lang, topic, snippet, &title);
    let script = embed::script_html(&site, lang, topic, snippet);
    // The button's words, and what the status says once it worked.
    let copy_button = |(label, done): (&'static str, &'static str), text: String| {
        let status = status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            clipboard::copy(
                &text,
                Callback::from(move |ok| {
                    status.set(if ok { done } else { ui.copy_failed_select }.to_string())
                }),
            );
        });
        html! { <button type="button" class="copy" {onclick}>{ label }</button> }
    };
    let on_close = props.on_close.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            on_close.emit(());
        }
    });
    let heading = if snippet.is_some() { ui.embed_snippet } else { ui.embed_topic };
    html! {
        <div class="embed-dialog" role="dialog" aria-label={heading} {onkeydown}>
            <h2>{ heading }</h2>
            <p>{ ui.embed_script_intro }</p>
            <textarea ref={first} class="embed-code" data-kind="script" readonly=true rows="3" value={script.clone()} />
            { copy_button((ui.copy_script, ui.copied_script), script) }
            <p>{ ui.embed_iframe_intro }</p>
            <textarea class="embed-code" data-kind="iframe" readonly=true rows="4" value={iframe.clone()} />
            { copy_button((ui.copy_iframe, ui.copied_iframe), iframe) }
            <p class="copy-status" role="status">{ (*status).clone() }</p>
            <button type="button" class="close" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ ui.close }</button>
        </div>
    }
}
