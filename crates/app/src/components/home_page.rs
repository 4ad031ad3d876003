//! `#/`: what the site is, the course map, and where to continue.

use yew::prelude::*;

use crate::{practice, progress::Progress, route::Route, storage};

#[derive(PartialEq, Properties)]
pub struct HomePageProps {}

#[component]
pub fn HomePage(_props: &HomePageProps) -> Html {
    let progress = use_context::<UseReducerHandle<Progress>>().map(|p| (*p).clone()).unwrap_or_default();
    let last = use_memo((), |()| storage::load_last_topic().and_then(|id| pyplay_content::topic(&id)));
    let first = pyplay_content::first_topic();

    html! {
        <article class="home">
            <h1>{ "Python Playground" }</h1>
            <p class="lede">
                { "Python interview topics, each as short prose next to code you can edit and run. \
                   Python runs in your browser (RustPython compiled to WebAssembly): nothing is sent to a \
                   server, and once loaded the site works offline. Practise with exercises that check your \
                   code and cards that ask you to predict what code prints." }
            </p>
            <p class="start">
                if let Some((_, topic)) = *last {
                    <a class="button continue" href={Route::href(topic.id)}>{ format!("Continue where you left off: {}", topic.title) }</a>
                    { " " }
                }
                <a class="button" href={Route::href(first.id)}>{ "Start at the beginning" }</a>
                { " " }
                <a href="#/progress">{ "Your progress" }</a>
            </p>
            <h2>{ "Course map" }</h2>
            <ol class="course-map">
                { for pyplay_content::CHAPTERS.iter().map(|chapter| {
                    let t = practice::tally(chapter, &progress);
                    html! {
                        <li class="map-chapter">
                            <h3>{ chapter.title }</h3>
                            <p class="counts">{ format!(
                                "{} topics · exercises {} of {} solved · cards {} of {} solved",
                                chapter.topics.len(), t.exercises.0, t.exercises.1, t.cards.0, t.cards.1
                            ) }</p>
                            <ul>
                                { for chapter.topics.iter().map(|topic| html! {
                                    <li><a href={Route::href(topic.id)}>{ topic.title }</a></li>
                                }) }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
        </article>
    }
}
