//! The root page: what the site is, the course map, and where to continue.

use pyplay_content::ui::fill;
use yew::prelude::*;

use crate::{
    hooks::{use_lang, use_ui},
    practice,
    progress::Progress,
    route, storage,
};

#[derive(PartialEq, Properties)]
pub struct HomePageProps {}

#[component]
pub fn HomePage(_props: &HomePageProps) -> Html {
    let ui = use_ui();
    let progress = use_context::<UseReducerHandle<Progress>>().map(|p| (*p).clone()).unwrap_or_default();
    let last = use_memo((), |()| storage::load_last_topic().and_then(|id| pyplay_content::topic(&id)));
    let first = pyplay_content::first_topic();
    let lang = use_lang();

    html! {
        <article class="home">
            <h1>{ ui.site_name }</h1>
            <p class="lede">{ ui.lede }</p>
            <p class="start">
                if let Some((_, topic)) = *last {
                    <a class="button continue" href={pyplay_content::page_path(lang, topic.id)}>{ fill(ui.continue_at, &[("topic", &topic.texts(lang).title)]) }</a>
                    { " " }
                }
                <a class="button" href={pyplay_content::page_path(lang, first.id)}>{ ui.start }</a>
                { " " }
                <a href={route::view_href(lang, route::PROGRESS_HREF)}>{ ui.your_progress }</a>
            </p>
            <h2>{ ui.course_map }</h2>
            <ol class="course-map">
                { for pyplay_content::CHAPTERS.iter().map(|chapter| {
                    let t = practice::tally(chapter, &progress);
                    html! {
                        <li class="map-chapter">
                            <h3>{ chapter.texts(lang).title }</h3>
                            <p class="counts">{ fill(ui.chapter_counts, &[
                                ("topics", &chapter.topics.len()),
                                ("exercises_solved", &t.exercises.0),
                                ("exercises", &t.exercises.1),
                                ("cards_solved", &t.cards.0),
                                ("cards", &t.cards.1),
                            ]) }</p>
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
