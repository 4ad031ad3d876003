//! The root page: what the site is, the course map, and where to continue.

use yew::prelude::*;

use pyplay_content::ui;

use crate::{hooks::use_lang, practice, progress::Progress, route, storage};

#[derive(PartialEq, Properties)]
pub struct HomePageProps {}

#[component]
pub fn HomePage(_props: &HomePageProps) -> Html {
    let progress = use_context::<UseReducerHandle<Progress>>().map(|p| (*p).clone()).unwrap_or_default();
    let last = use_memo((), |()| storage::load_last_topic().and_then(|id| pyplay_content::topic(&id)));
    let first = pyplay_content::first_topic();
    let lang = use_lang();

    html! {
        <article class="home">
            <h1>{ ui::SITE_NAME }</h1>
            <p class="lede">{ ui::LEDE }</p>
            <p class="start">
                if let Some((_, topic)) = *last {
                    <a class="button continue" href={pyplay_content::page_path(lang, topic.id)}>{ format!("Continue where you left off: {}", topic.texts(lang).title) }</a>
                    { " " }
                }
                <a class="button" href={pyplay_content::page_path(lang, first.id)}>{ ui::START }</a>
                { " " }
                <a href={route::view_href(lang, route::PROGRESS_HREF)}>{ "Your progress" }</a>
            </p>
            <h2>{ ui::COURSE_MAP }</h2>
            <ol class="course-map">
                { for pyplay_content::CHAPTERS.iter().map(|chapter| {
                    let t = practice::tally(chapter, &progress);
                    html! {
                        <li class="map-chapter">
                            <h3>{ chapter.texts(lang).title }</h3>
                            <p class="counts">{ format!(
                                "{} topics · exercises {} of {} solved · cards {} of {} solved",
                                chapter.topics.len(), t.exercises.0, t.exercises.1, t.cards.0, t.cards.1
                            ) }</p>
                            <ul>
                                { for chapter.topics.iter().map(|topic| html! {
                                    <li><a href={pyplay_content::page_path(lang, topic.id)}>{ topic.texts(lang).title }</a></li>
                                }) }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
        </article>
    }
}
