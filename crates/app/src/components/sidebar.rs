//! The table of contents: chapters and their topics.

use pyplay_content::{Lang, ui::Ui};
use yew::prelude::*;

use crate::{
    hooks::{use_lang, use_ui},
    progress::Progress,
};

#[derive(PartialEq, Properties)]
pub struct SidebarProps {
    /// Id of the topic on screen, marked as current.
    pub current: AttrValue,
    /// False while a phone hides it behind the menu: the list then waits,
    /// out of the app's first render (issue 22).
    #[prop_or(true)]
    pub drawn: bool,
}

/// The current topic's cards and exercises, each marked when solved.
fn practice(ui: &Ui, topic: &'static pyplay_content::Topic, progress: &Progress, lang: Lang) -> Html {
    let items = topic
        .cards
        .iter()
        .map(|c| (c.id, c.texts(lang).title))
        .chain(topic.exercises.iter().map(|e| (e.id, e.texts(lang).title)));
    html! {
        if !topic.exercises.is_empty() || !topic.cards.is_empty() {
            <ul class="practice-items" aria-label={ui.practice}>
                { for items.map(|(id, title)| html! {
                    <li data-item={id}>
                        <a href={pyplay_content::item_path(lang, topic.id, id)}>{ title }</a>
                        if progress.solved(id) {
                            <span class="solved-mark" role="img" aria-label={ui.solved}>{ " ✓" }</span>
                        }
                    </li>
                }) }
            </ul>
        }
    }
}

#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let ui = use_ui();
    let progress = use_context::<UseReducerHandle<Progress>>().map(|p| (*p).clone()).unwrap_or_default();
    let lang = use_lang();
    html! {
        <nav class="sidebar" id="sidebar" aria-label={ui.topics}>
            if props.drawn {
            { for pyplay_content::CHAPTERS.iter().map(|chapter| html! {
                <section class="chapter">
                    <h2>{ chapter.texts(lang).title }</h2>
                    <ul>
                        { for chapter.topics.iter().map(|topic| {
                            let current = (props.current == topic.id).then_some("page");
                            html! {
                                <li>
                                    <a href={pyplay_content::page_path(lang, topic.id)} aria-current={current}>{ topic.texts(lang).title }</a>
                                    if current.is_some() {
                                        { practice(ui, topic, &progress, lang) }
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
            }
        </nav>
    }
}
