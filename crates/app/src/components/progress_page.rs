//! `#/progress`: what the reader has practised, per chapter; what to do
//! next; Export, Import and Reset (which asks first).

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    practice,
    progress::{Progress, ProgressAction},
};

#[derive(PartialEq, Properties)]
pub struct ProgressPageProps {}

/// A `data:` URL of the export, so the link downloads it with no script.
fn export_href(progress: &Progress) -> String {
    let json = String::from(js_sys::encode_uri_component(&progress.to_json()));
    format!("data:application/json;charset=utf-8,{json}")
}

/// Reads the chosen file and hands its text to `done`.
fn read_file(input: &HtmlInputElement, done: Callback<Result<String, String>>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let text = JsFuture::from(file.text()).await;
        done.emit(
            text.ok().and_then(|t| t.as_string()).ok_or_else(|| "The file could not be read.".to_string()),
        );
    });
}

#[component]
pub fn ProgressPage(_props: &ProgressPageProps) -> Html {
    let progress = use_context::<UseReducerHandle<Progress>>().expect("ProgressPage needs progress");
    let confirming = use_state(|| false);
    let message = use_state(String::new);
    let lang = crate::hooks::use_lang();

    let on_import = {
        let (progress, message) = (progress.clone(), message.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let (progress, message) = (progress.clone(), message.clone());
            read_file(
                &input,
                Callback::from(move |text: Result<String, String>| {
                    match text.and_then(|t| Progress::from_json(&t)) {
                        Ok(imported) => {
                            progress.dispatch(ProgressAction::Replace(imported));
                            message.set("Progress imported.".into());
                        }
                        Err(why) => message.set(why),
                    }
                }),
            );
            input.set_value("");
        })
    };
    let on_reset = {
        let (progress, confirming, message) = (progress.clone(), confirming.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            progress.dispatch(ProgressAction::Reset);
            confirming.set(false);
            message.set("Progress erased.".into());
        })
    };
    let next = practice::next(&progress);

    html! {
        <article class="progress-page">
            <h1>{ "Progress" }</h1>
            <p class="lede">{ "Kept in this browser only. Export it to keep a copy or to move it to another browser." }</p>
            <table class="progress-table">
                <caption>{ "Solved, per chapter" }</caption>
                <thead><tr><th scope="col">{ "Chapter" }</th><th scope="col">{ "Exercises" }</th><th scope="col">{ "Cards" }</th></tr></thead>
                <tbody>
                    { for pyplay_content::CHAPTERS.iter().map(|chapter| {
                        let t = practice::tally(chapter, &progress);
                        html! {
                            <tr data-chapter={chapter.id}>
                                <th scope="row">{ chapter.texts(lang).title }</th>
                                <td>{ format!("{} of {}", t.exercises.0, t.exercises.1) }</td>
                                <td>{ format!("{} of {}", t.cards.0, t.cards.1) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if let Some(item) = next {
                <p class="next">{ "Next: " }<a href={item.href(lang)}>{ item.title(lang) }</a>{ format!(" ({})", item.topic.texts(lang).title) }</p>
            } else {
                <p class="next">{ "Everything is solved. Well done." }</p>
            }
            <div class="progress-actions">
                <a class="button export" href={export_href(&progress)} download="pyplay-progress.json">{ "Export" }</a>
                <label class="button import">{ "Import" }
                    <input type="file" accept="application/json,.json" class="visually-hidden" onchange={on_import} />
                </label>
                <button class="reset-progress" onclick={let c = confirming.clone(); move |_| c.set(true)}>{ "Reset" }</button>
            </div>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-label="Erase progress?">
                    <p>{ "Erase all progress in this browser? Export it first if you may want it back." }</p>
                    <button class="confirm-reset" onclick={on_reset}>{ "Erase progress" }</button>
                    <button onclick={let c = confirming.clone(); move |_| c.set(false)}>{ "Cancel" }</button>
                </div>
            }
            <p class="progress-message" role="status">{ (*message).clone() }</p>
        </article>
    }
}
