//! One lesson: its intro and each snippet with the prose that leads into it.

use pyplay_content::Prose;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::{
    components::{
        card::CardView, embed_dialog::EmbedDialog, exercise::ExerciseView, snippet::SnippetView,
        topic_nav::TopicNav,
    },
    hooks::use_ui,
    lessons::{BodyState, use_body},
};

#[derive(PartialEq, Properties)]
pub struct TopicPageProps {
    pub topic_id: AttrValue,
    /// The snippet the route names, which a share link's code goes to.
    #[prop_or_default]
    pub snippet_id: Option<AttrValue>,
    /// A share link's `code=` value.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
}

#[component]
pub fn TopicPage(props: &TopicPageProps) -> Html {
    let ui = use_ui();
    let embedding = use_state(|| false);
    let lang = use_lang();
    let found = pyplay_content::topic(&props.topic_id);
    // Until the topic's prose is here (crate::lessons), its outline.
    let body = use_body(found.map(|(_, topic)| topic), lang);
    let Some((chapter, topic)) = found else {
        return html! { <p class="missing">{ ui.no_such_topic }</p> };
    };
    let texts = topic.texts(lang);
    let prose = |prose: Prose| Html::from_html_unchecked(prose.html().into());
    html! {
        <article class="topic">
            <p class="eyebrow">{ chapter.texts(lang).title }</p>
            <h1>{ texts.title }</h1>
            <button type="button" class="embed-topic" onclick={let e = embedding.clone(); move |_| e.set(true)}>{ ui.embed_topic }</button>
            if *embedding {
                <EmbedDialog topic_id={topic.id} on_close={let e = embedding.clone(); move |()| e.set(false)} />
            }
            if body == BodyState::Failed {
                <p class="lesson-failed" role="alert">
                    { ui.lesson_failed }
                    // The page as built holds the prose.
                    <button type="button" onclick={|_| { let _ = gloo::utils::window().location().reload(); }}>{ ui.reload }</button>
                </p>
            }
            // Prose is our own Markdown, rendered to HTML at build time.
            <div class="prose" aria-busy={(body == BodyState::Loading).then_some("true")}>{ prose(texts.intro_html) }</div>
            { for topic.snippets.iter().map(|snippet| {
              let shared = props.shared.clone().filter(|_| props.snippet_id.as_deref() == Some(snippet.id));
              // A new share link to the snippet on screen remounts it with that code.
              let key = format!("{}{}", snippet.id, shared.as_deref().unwrap_or(""));
              let words = snippet.texts(lang);
              html! {
                <section class="lesson-step" id={format!("{}-{}", topic.id, snippet.id)}>
                    <h2>{ words.title }</h2>
                    <div class="prose">{ prose(words.prose_html) }</div>
                    if let Some(note) = words.note {
                        <p class="note" role="note">{ note }</p>
                    }
                    if let Some(reason) = snippet.differs {
                        <p class="note" role="note">{ ui.differs }{ reason }</p>
                    }
                    <SnippetView {key} topic_id={topic.id} snippet_id={snippet.id} code={snippet.code} runnable={snippet.runnable} {shared} />
                </section>
            }}) }
            if !topic.exercises.is_empty() || !topic.cards.is_empty() {
                <section class="practice" aria-labelledby={format!("{}-practice", topic.id)}>
                    <h2 id={format!("{}-practice", topic.id)}>{ ui.practice }</h2>
                    { for topic.cards.iter().map(|card| html! {
                        <CardView key={card.id} topic_id={topic.id} {card} />
                    }) }
                    { for topic.exercises.iter().map(|exercise| html! {
                        <ExerciseView key={exercise.id} topic_id={topic.id} {exercise} />
                    }) }
                </section>
            }
            if let Some(follow_ups) = texts.follow_ups_html {
                <section class="follow-ups">
                    <h2>{ ui.follow_ups }</h2>
                    <div class="prose">{ prose(follow_ups) }</div>
                </section>
            }
            if let Some(fixes) = texts.article_fixes_html {
                <aside class="article-fixes">
                    <h2>{ ui.article_fixes }</h2>
                    <div class="prose">{ prose(fixes) }</div>
                </aside>
            }
            <TopicNav topic_id={topic.id} />
        </article>
    }
}
