//! Previous / next topic links, across chapter boundaries.

use yew::prelude::*;

use crate::route::Route;

#[derive(PartialEq, Properties)]
pub struct TopicNavProps {
    pub topic_id: AttrValue,
}

#[component]
pub fn TopicNav(props: &TopicNavProps) -> Html {
    let all: Vec<_> = pyplay_content::topics().map(|(_, t)| t).collect();
    let Some(at) = all.iter().position(|t| t.id == props.topic_id.as_str()) else { return Html::default() };
    let prev = at.checked_sub(1).map(|i| all[i]);
    let next = all.get(at + 1);
    html! {
        <nav class="topic-nav" aria-label="Previous and next topic">
            if let Some(t) = prev {
                <a class="prev" rel="prev" href={Route::href(t.id)}>{ "← " }{ t.title }</a>
            }
            if let Some(t) = next {
                <a class="next" rel="next" href={Route::href(t.id)}>{ t.title }{ " →" }</a>
            }
        </nav>
    }
}
