//! The table of contents: chapters and their topics.

use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct SidebarProps {
    /// Id of the topic on screen, marked as current.
    pub current: AttrValue,
}

#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    html! {
        <nav class="sidebar" id="sidebar" aria-label="Topics">
            { for pyplay_content::CHAPTERS.iter().map(|chapter| html! {
                <section class="chapter">
                    <h2>{ chapter.title }</h2>
                    <ul>
                        { for chapter.topics.iter().map(|topic| {
                            let current = (props.current == topic.id).then_some("page");
                            html! {
                                <li><a href={crate::route::Route::href(topic.id)} aria-current={current}>{ topic.title }</a></li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </nav>
    }
}
