//! The root of an embed (`?embed#/…`, see crate::embed): only the code, its
//! toolbar and output, and a link to the full page. Python starts on the
//! first Run, in the interpreter the page's embeds share (crate::shared);
//! the page reads and writes nothing of its parent's.

use pyplay_content::{Lang, ui::fill};
use yew::prelude::*;

use crate::{
    components::snippet::{SnippetMode, SnippetView},
    embed::{self, EmbedOptions, Target},
    runner::{EngineStatus, Runner},
    service_worker,
};

#[derive(PartialEq, Properties)]
pub struct EmbedPageProps {
    pub options: EmbedOptions,
}

#[component]
pub fn EmbedPage(props: &EmbedPageProps) -> Html {
    let lang = props.options.lang;
    let ui = pyplay_content::ui::ui(lang);
    // None until a Run starts the worker: `data-engine="idle"` for tests.
    let status = use_state(|| None::<EngineStatus>);
    let runner = {
        let status = status.clone();
        let (id, own) = (props.options.id.clone(), props.options.own_worker);
        use_memo((), move |()| Runner::embed(Callback::from(move |s| status.set(Some(s))), id, own))
    };
    let root = use_node_ref();
    {
        let (root, theme, id) = (root.clone(), props.options.theme, props.options.id.clone());
        use_effect_with((), move |()| {
            let html = gloo::utils::document().document_element();
            if let (Some(html), Some(theme)) = (&html, theme.attr()) {
                let _ = html.set_attribute("data-theme", theme);
            }
            // Sized by embed.js: the iframe grows instead of scrolling.
            if let (Some(html), Some(_)) = (&html, &id) {
                let _ = html.class_list().add_1("pyplay-sized");
            }
            let observer = root.cast::<web_sys::Element>().and_then(|el| embed::report_height(&el, id));
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        // As in the app: once Python is ready the service worker caches the
        // site (in this embedder's storage partition), so the embed works offline.
        let ready = matches!(*status, Some(EngineStatus::Ready { .. }));
        let registered = use_mut_ref(|| false);
        use_effect_with(ready, move |ready| {
            if *ready && !registered.replace(true) {
                service_worker::watch("sw.js".into(), Callback::noop());
            }
        });
    }

    let options = &props.options;
    let mode = SnippetMode::Embed {
        read_only: options.read_only,
        click_to_run: options.click_to_run,
        visualize: options.visualize,
    };
    let snippet = |topic: &'static pyplay_content::Topic, s: &'static pyplay_content::Snippet| {
        html! {
            <SnippetView
                topic_id={topic.id}
                snippet_id={s.id}
                code={s.code}
                runnable={s.runnable}
                {mode}
            />
        }
    };
    let body = match &options.target {
        Target::Snippet(t, s) => {
            pyplay_content::snippet(t, s).map(|(topic, s)| snippet(topic, s)).unwrap_or_default()
        }
        Target::Topic(t) => pyplay_content::topic(t)
            .map(|(_, topic)| {
                html! {
                    <>
                        <h1 class="embed-title">{ topic.texts(lang).title }</h1>
                        { for topic.snippets.iter().map(|s| html! {
                            <section class="embed-step">
                                <h2>{ s.texts(lang).title }</h2>
                                { snippet(topic, s) }
                            </section>
                        }) }
                    </>
                }
            })
            .unwrap_or_default(),
        Target::Code(code) => html! {
            <SnippetView
                topic_id="code"
                snippet_id="embed"
                code={AttrValue::from(code.clone())}
                {mode}
            />
        },
        Target::Missing(what) => {
            html! { <p class="missing">{ fill(ui.no_such_embed, &[("what", what)]) }</p> }
        }
    };
    let site = crate::route::site_root();
    let engine = match *status {
        None => "idle",
        Some(EngineStatus::Loading) => "loading",
        Some(EngineStatus::Ready { .. }) => "ready",
    };
    use_effect_with(lang, |&lang| crate::lang::apply(lang));
    {
        // Through the CSSOM: the pages' CSP refuses a style attribute.
        let root = root.clone();
        use_effect_with(options.height, move |height| {
            if let (Some(h), Some(el)) = (height, root.cast::<web_sys::HtmlElement>()) {
                let _ = el.style().set_property("--editor-height", &format!("{h}px"));
            }
        });
    }
    // For tests: whose interpreter this embed's runs go to.
    let python = if runner.is_shared() { "shared" } else { "own" };

    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<Runner> context={(*runner).clone()}>
        <ContextProvider<EngineStatus> context={status.unwrap_or(EngineStatus::Loading)}>
            <div class={classes!("embed", options.height.map(|_| "fixed-height"))} ref={root} data-engine={engine} data-python={python}>
                { body }
                <p class="embed-footer">
                    <a class="open" href={options.open_url(&site)} target="_blank" rel="noopener">{ ui.open_in_playground }</a>
                </p>
            </div>
        </ContextProvider<EngineStatus>>
        </ContextProvider<Runner>>
        </ContextProvider<Lang>>
    }
}
