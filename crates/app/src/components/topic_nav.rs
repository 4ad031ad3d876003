//! Previous / next topic links, across chapter boundaries.

use yew::prelude::*;

use crate::hooks::{use_lang, use_ui};

#[derive(PartialEq, Properties)]
pub struct TopicNavProps {
    pub topic_id: AttrValue,
}

#[component]
pub fn TopicNav(props: &TopicNavProps) -> Html {
    let ui = use_ui();
    let (prev, next) = pyplay_content::neighbours(&props.topic_id);
    let lang = use_lang();
    html! {
        <nav class="topic-nav" aria-label={ui.previous_and_next}>
            if let Some(t) = prev {
                <a class="prev" rel="prev" href={pyplay_content::page_path(lang, t.id)}>{ "← " }{ t.texts(lang).title }</a>
            }
            if let Some(t) = next {
                <a class="next" rel="next" href={pyplay_content::page_path(lang, t.id)}>{ t.texts(lang).title }{ " →" }</a>
            }
        </nav>
    }
}
