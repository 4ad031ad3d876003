//! Step 3: the Rust source of `CHAPTERS`, in the types of `src/lib.rs`,
//! with every Markdown field rendered (HTML for the page, plain text for
//! search). Runs only on a syllabus that passed `check`.

use std::{collections::BTreeMap, fmt::Write as _};

use super::{
    load::{Syllabus, Topic},
    markdown::render,
    schema::{CardFile, Difference, ExerciseFile, SnippetFile},
};

pub fn emit(s: &Syllabus) -> String {
    let differences: BTreeMap<&str, &Difference> =
        s.differences.iter().map(|d| (d.snippet.as_str(), d)).collect();
    let mut out = String::from("pub static CHAPTERS: &[Chapter] = &[\n");
    for chapter in &s.chapters {
        writeln!(out, "Chapter {{ id: {}, title: {}, topics: &[", lit(&chapter.id), lit(&chapter.title))
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
    let intro = render(&f.intro);
    let fixes = f.article_fixes.as_deref().map(render);
    let follow_ups = f.follow_ups.as_deref().map(|m| render(m).html);
    writeln!(
        out,
        "Topic {{ id: {}, title: {}, summary: {}, intro_html: {}, intro_text: {}, article_fixes_html: {:?}, article_fixes_text: {:?}, follow_ups_html: {:?}, snippets: &[",
        lit(&topic.id),
        lit(&f.title),
        lit(&f.summary),
        lit(&intro.html),
        lit(&intro.text),
        fixes.as_ref().map(|r| &r.html),
        fixes.as_ref().map(|r| &r.text),
        follow_ups,
    )
    .unwrap();
    for s in &f.snippets {
        let name = format!("{}/{}", topic.id, s.id);
        emit_snippet(out, s, differences.get(name.as_str()).copied());
    }
    out.push_str("], exercises: &[\n");
    for e in &f.exercises {
        emit_exercise(out, e);
    }
    out.push_str("], cards: &[\n");
    for c in &f.cards {
        emit_card(out, c);
    }
    out.push_str("] },\n");
}

fn emit_snippet(out: &mut String, s: &SnippetFile, difference: Option<&Difference>) {
    let prose = render(&s.prose);
    let rustpython = difference.map_or_else(
        || "None".to_string(),
        |d| format!("Some(Output {{ stdout: {}, error: {:?} }})", lit(&d.stdout), d.error),
    );
    writeln!(
        out,
        "Snippet {{ id: {}, title: {}, prose_html: {}, prose_text: {}, code: {}, expected: {}, error: {:?}, runnable: {}, note: {:?}, loose: {:?}, requires_python: {:?}, differs: {:?}, rustpython: {} }},",
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
    )
    .unwrap();
}

fn emit_exercise(out: &mut String, e: &ExerciseFile) {
    let hints: Vec<String> = e.hints.iter().map(|h| lit(&render(h).html)).collect();
    writeln!(
        out,
        "Exercise {{ id: {}, title: {}, statement_html: {}, starter: {}, solution: {}, hints_html: &[{}], checks: &[",
        lit(&e.id),
        lit(&e.title),
        lit(&render(&e.statement).html),
        lit(&e.starter),
        lit(&e.solution),
        hints.join(", "),
    )
    .unwrap();
    for c in &e.checks {
        writeln!(out, "Check {{ call: {}, expected: {} }},", lit(&c.call), lit(&c.expected)).unwrap();
    }
    out.push_str("] },\n");
}

fn emit_card(out: &mut String, c: &CardFile) {
    let choices: Vec<String> = c.choices.iter().flatten().map(|ch| lit(ch)).collect();
    writeln!(
        out,
        "Card {{ id: {}, title: {}, code: {}, output: {}, error: {:?}, choices: &[{}], explanation_html: {} }},",
        lit(&c.id),
        lit(&c.title),
        lit(&c.code),
        lit(&c.output),
        c.error,
        choices.join(", "),
        lit(&render(&c.explanation).html),
    )
    .unwrap();
}

/// A Rust string literal: `Debug` escapes exactly what Rust needs.
fn lit(s: &str) -> String {
    format!("{s:?}")
}
