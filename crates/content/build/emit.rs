//! Step 3: the Rust source of `CHAPTERS`, in the types of `src/lib.rs`,
//! with every Markdown field rendered (HTML for the page, plain text for
//! search), in English and in Chinese. Runs only on a syllabus that passed
//! `check`, so every Chinese text is there.

use std::{collections::BTreeMap, fmt::Write as _};

/// Where the Chinese pages live (pyplay_content::Lang::Zh's `dir`): links in
/// Chinese texts lead there.
const ZH: &str = "zh/";

use super::{
    load::{Syllabus, Topic},
    markdown::render,
    schema::{CardFile, Difference, ExerciseFile, SnippetFile, ZhCard, ZhExercise, ZhSnippet, ZhTopicFile},
};

/// Before each plain-text field: only the search index's build has them.
const TEXT: &str = "#[cfg(feature = \"search-text\")] ";

/// The Chinese `check` has made sure of.
fn zh(text: Option<&String>) -> &str {
    text.map_or("", String::as_str)
}

pub fn emit(s: &Syllabus) -> String {
    let differences: BTreeMap<&str, &Difference> =
        s.differences.iter().map(|d| (d.snippet.as_str(), d)).collect();
    let mut out = String::from("pub static CHAPTERS: &[Chapter] = &[\n");
    for chapter in &s.chapters {
        writeln!(
            out,
            "Chapter {{ id: {}, title: {}, zh: ChapterTexts {{ title: {} }}, topics: &[",
            lit(&chapter.id),
            lit(&chapter.title),
            lit(zh(s.zh_titles.get(&chapter.id))),
        )
        .unwrap();
        for topic in &chapter.topics {
            emit_topic(&mut out, topic, &differences);
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n");
    out
}

fn emit_topic(out: &mut String, topic: &Topic, differences: &BTreeMap<&str, &Difference>) {
    let f = &topic.file;
    let intro = render(&f.intro, "");
    let fixes = f.article_fixes.as_deref().map(|m| render(m, ""));
    let follow_ups = f.follow_ups.as_deref().map(|m| render(m, ""));
    writeln!(
        out,
        "Topic {{ id: {}, title: {}, summary: {}, intro_html: {}, {TEXT}intro_text: {}, article_fixes_html: {:?}, {TEXT}article_fixes_text: {:?}, follow_ups_html: {:?}, {TEXT}follow_ups_text: {:?}, zh: {}, snippets: &[",
        lit(&topic.id),
        lit(&f.title),
        lit(&f.summary),
        lit(&intro.html),
        lit(&intro.text),
        fixes.as_ref().map(|r| &r.html),
        fixes.as_ref().map(|r| &r.text),
        follow_ups.as_ref().map(|r| &r.html),
        follow_ups.as_ref().map(|r| &r.text),
        topic_texts(topic.zh.as_ref().expect("checked")),
    )
    .unwrap();
    let zh = topic.zh.as_ref().expect("checked");
    for s in &f.snippets {
        let name = format!("{}/{}", topic.id, s.id);
        emit_snippet(out, s, differences.get(name.as_str()).copied(), &zh.snippets[&s.id]);
    }
    out.push_str("], exercises: &[\n");
    for e in &f.exercises {
        emit_exercise(out, e, &zh.exercises[&e.id]);
    }
    out.push_str("], cards: &[\n");
    for c in &f.cards {
        emit_card(out, c, &zh.cards[&c.id]);
    }
    out.push_str("] },\n");
}

/// A topic's Chinese as a `TopicTexts` literal.
fn topic_texts(zh_file: &ZhTopicFile) -> String {
    let intro = render(zh(zh_file.intro.as_ref()), ZH);
    let fixes = zh_file.article_fixes.as_deref().map(|m| render(m, ZH));
    let follow_ups = zh_file.follow_ups.as_deref().map(|m| render(m, ZH));
    format!(
        "TopicTexts {{ title: {}, summary: {}, intro_html: {}, {TEXT}intro_text: {}, article_fixes_html: {:?}, {TEXT}article_fixes_text: {:?}, follow_ups_html: {:?}, {TEXT}follow_ups_text: {:?} }}",
        lit(zh(zh_file.title.as_ref())),
        lit(zh(zh_file.summary.as_ref())),
        lit(&intro.html),
        lit(&intro.text),
        fixes.as_ref().map(|r| &r.html),
        fixes.as_ref().map(|r| &r.text),
        follow_ups.as_ref().map(|r| &r.html),
        follow_ups.as_ref().map(|r| &r.text),
    )
}

fn emit_snippet(out: &mut String, s: &SnippetFile, difference: Option<&Difference>, zh_s: &ZhSnippet) {
    let prose = render(&s.prose, "");
    let zh_prose = render(zh(zh_s.prose.as_ref()), ZH);
    let rustpython = difference.map_or_else(
        || "None".to_string(),
        |d| format!("Some(Output {{ stdout: {}, error: {:?} }})", lit(&d.stdout), d.error),
    );
    writeln!(
        out,
        "Snippet {{ id: {}, title: {}, prose_html: {}, {TEXT}prose_text: {}, code: {}, expected: {}, error: {:?}, runnable: {}, note: {:?}, loose: {:?}, requires_python: {:?}, differs: {:?}, rustpython: {}, zh: SnippetTexts {{ title: {}, prose_html: {}, {TEXT}prose_text: {}, note: {:?} }} }},",
        lit(&s.id),
        lit(&s.title),
        lit(&prose.html),
        lit(&prose.text),
        lit(&s.code),
        lit(&s.expected),
        s.error,
        s.runnable,
        s.note,
        s.loose,
        s.requires_python,
        difference.map(|d| &d.reason),
        rustpython,
        lit(zh(zh_s.title.as_ref())),
        lit(&zh_prose.html),
        lit(&zh_prose.text),
        zh_s.note,
    )
    .unwrap();
}

fn emit_exercise(out: &mut String, e: &ExerciseFile, zh_e: &ZhExercise) {
    let hints: Vec<String> = e.hints.iter().map(|h| lit(&render(h, "").html)).collect();
    let zh_hints: Vec<String> = zh_e.hints.iter().map(|h| lit(&render(h, ZH).html)).collect();
    writeln!(
        out,
        "Exercise {{ id: {}, title: {}, statement_html: {}, starter: {}, solution: {}, hints_html: &[{}], checks: &[",
        lit(&e.id),
        lit(&e.title),
        lit(&render(&e.statement, "").html),
        lit(&e.starter),
        lit(&e.solution),
        hints.join(", "),
    )
    .unwrap();
    for c in &e.checks {
        writeln!(out, "Check {{ call: {}, expected: {} }},", lit(&c.call), lit(&c.expected)).unwrap();
    }
    writeln!(
        out,
        "], zh: ExerciseTexts {{ title: {}, statement_html: {}, hints_html: &[{}] }} }},",
        lit(zh(zh_e.title.as_ref())),
        lit(&render(zh(zh_e.statement.as_ref()), ZH).html),
        zh_hints.join(", "),
    )
    .unwrap();
}

fn emit_card(out: &mut String, c: &CardFile, zh_c: &ZhCard) {
    let choices: Vec<String> = c.choices.iter().flatten().map(|ch| lit(ch)).collect();
    writeln!(
        out,
        "Card {{ id: {}, title: {}, code: {}, output: {}, error: {:?}, choices: &[{}], explanation_html: {}, zh: CardTexts {{ title: {}, explanation_html: {} }} }},",
        lit(&c.id),
        lit(&c.title),
        lit(&c.code),
        lit(&c.output),
        c.error,
        choices.join(", "),
        lit(&render(&c.explanation, "").html),
        lit(zh(zh_c.title.as_ref())),
        lit(&render(zh(zh_c.explanation.as_ref()), ZH).html),
    )
    .unwrap();
}

/// A Rust string literal: `Debug` escapes exactly what Rust needs.
fn lit(s: &str) -> String {
    format!("{s:?}")
}
