//! `#/progress`: what the reader has practised, per chapter; what to do
//! next; Export, Import and Reset (which asks first).

use pyplay_content::ui::fill;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::{
    hooks::use_ui,
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

/// Reads the chosen file and hands its text to `done`; None if it could not.
fn read_file(input: &HtmlInputElement, done: Callback<Option<String>>) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let text = JsFuture::from(file.text()).await;
        done.emit(text.ok().and_then(|t| t.as_string()));
    });
}

#[component]
pub fn ProgressPage(_props: &ProgressPageProps) -> Html {
    let ui = use_ui();
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
                Callback::from(move |text: Option<String>| {
                    let Some(text) = text else { return message.set(ui.file_unreadable.into()) };
                    match Progress::from_json(&text) {
                        Ok(imported) => {
                            progress.dispatch(ProgressAction::Replace(imported));
                            message.set(ui.imported.into());
                        }
                        Err(why) => message.set(why.message(ui)),
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
            message.set(ui.erased.into());
        })
    };
    let next = practice::next(&progress);

    html! {
        <article class="progress-page">
            <h1>{ ui.progress }</h1>
            <p class="lede">{ ui.progress_lede }</p>
            <table class="progress-table">
                <caption>{ ui.progress_caption }</caption>
                <thead><tr><th scope="col">{ ui.chapter }</th><th scope="col">{ ui.exercises }</th><th scope="col">{ ui.cards }</th></tr></thead>
                <tbody>
                    { for pyplay_content::CHAPTERS.iter().map(|chapter| {
                        let t = practice::tally(chapter, &progress);
                        html! {
                            <tr data-chapter={chapter.id}>
                                <th scope="row">{ chapter.texts(lang).title }</th>
                                <td>{ fill(ui.solved_of, &[("solved", &t.exercises.0), ("total", &t.exercises.1)]) }</td>
                                <td>{ fill(ui.solved_of, &[("solved", &t.cards.0), ("total", &t.cards.1)]) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if let Some(item) = next {
                <p class="next">{ ui.next }<a href={item.href(lang)}>{ item.title(lang) }</a>{ fill(ui.next_topic, &[("topic", &item.topic.texts(lang).title)]) }</p>
            } else {
                <p class="next">{ ui.all_solved }</p>
            }
            <div class="progress-actions">
                <a class="button export" href={export_href(&progress)} download="pyplay-progress.json">{ ui.export }</a>
                <label class="button import">{ ui.import }
                    <input type="file" accept="application/json,.json" class="visually-hidden" onchange={on_import} />
                </label>
                <button class="reset-progress" onclick={let c = confirming.clone(); move |_| c.set(true)}>{ ui.reset }</button>
            </div>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-label={ui.erase_title}>
                    <p>{ ui.erase_question }</p>
                    <button class="confirm-reset" onclick={on_reset}>{ ui.erase }</button>
                    <button onclick={let c = confirming.clone(); move |_| c.set(false)}>{ ui.cancel }</button>
                </div>
            }
            <p class="progress-message" role="status">{ (*message).clone() }</p>
        </article>
    }
}
