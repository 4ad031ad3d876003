//! Previous / next topic links, across chapter boundaries.

use yew::prelude::*;

use crate::{hooks::use_ui, route::Route};

#[derive(PartialEq, Properties)]
pub struct TopicNavProps {
    pub topic_id: AttrValue,
}

#[component]
pub fn TopicNav(props: &TopicNavProps) -> Html {
    let ui = use_ui();
    let (prev, next) = pyplay_content::neighbours(&props.topic_id);
    html! {
        <nav class="topic-nav" aria-label={ui.previous_and_next}>
            if let Some(t) = prev {
                <a class="prev" rel="prev" href={Route::href(t.id)}>{ "← " }{ t.title }</a>
            }
            if let Some(t) = next {
                <a class="next" rel="next" href={Route::href(t.id)}>{ t.title }{ " →" }</a>
            }
        </nav>
    }
}
