//! Step 3: the Rust source of `CHAPTERS`, in the types of `src/lib.rs`,
//! with every Markdown field rendered (HTML for the page, plain text for
//! search), in English and in Chinese. The HTML goes to a table of each
//! topic's prose (`PROSE`), which fields name by `Prose` handle: the app
//! fetches a topic's from its body file instead (src/prose.rs). Runs only on a syllabus that passed
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
    let mut prose = Vec::new();
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
            let mut slots = Slots { topic: prose.len(), en: Vec::new(), zh: Vec::new() };
            emit_topic(&mut out, topic, &differences, &mut slots);
            prose.push(slots);
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n");
    // Natively the prose is compiled in; the app fetches it (src/prose.rs).
    out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\nstatic PROSE: &[[&[&str]; 2]] = &[\n");
    for slots in &prose {
        let list = |texts: &[String]| texts.iter().map(|t| lit(t)).collect::<Vec<_>>().join(", ");
        writeln!(out, "[&[{}], &[{}]],", list(&slots.en), list(&slots.zh)).unwrap();
    }
    out.push_str("];\n");
    out
}

/// A topic's prose, in English and in Chinese, in the order of its
/// [`Prose`] handles: the texts of the topic's body file, one per language.
struct Slots {
    topic: usize,
    en: Vec<String>,
    zh: Vec<String>,
}

impl Slots {
    /// `html` as the next English slot: the `Prose` literal that names it.
    fn en(&mut self, html: String) -> String {
        self.en.push(html);
        format!("Prose {{ topic: {}, lang: Lang::En, at: {} }}", self.topic, self.en.len() - 1)
    }

    fn zh(&mut self, html: String) -> String {
        self.zh.push(html);
        format!("Prose {{ topic: {}, lang: Lang::Zh, at: {} }}", self.topic, self.zh.len() - 1)
    }

    /// The two `Body` literals: each file is named by the hash of its JSON.
    fn bodies(&self, id: &str) -> String {
        let body = |lang: &str, code: &str, texts: &[String]| {
            let json = serde_json::to_string(texts).unwrap();
            format!(
                "Body {{ file: \"lessons/{id}.{code}.{:016x}.json\", topic: {}, lang: Lang::{lang}, slots: {} }}",
                fnv1a(json.as_bytes()),
                self.topic,
                texts.len()
            )
        };
        format!("[{}, {}]", body("En", "en", &self.en), body("Zh", "zh", &self.zh))
    }
}

/// FNV-1a, 64 bits: a stable name for a body's content.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn emit_topic(out: &mut String, topic: &Topic, differences: &BTreeMap<&str, &Difference>, slots: &mut Slots) {
    let f = &topic.file;
    let intro = render(&f.intro, "");
    let fixes = f.article_fixes.as_deref().map(|m| render(m, ""));
    let follow_ups = f.follow_ups.as_deref().map(|m| render(m, ""));
    writeln!(
        out,
        "Topic {{ id: {}, title: {}, summary: {}, intro_html: {}, {TEXT}intro_text: {}, article_fixes_html: {}, {TEXT}article_fixes_text: {:?}, follow_ups_html: {}, {TEXT}follow_ups_text: {:?}, zh: {}, snippets: &[",
        lit(&topic.id),
        lit(&f.title),
        lit(&f.summary),
        slots.en(intro.html),
        lit(&intro.text),
        optional(fixes.as_ref().map(|r| slots.en(r.html.clone()))),
        fixes.as_ref().map(|r| &r.text),
        optional(follow_ups.as_ref().map(|r| slots.en(r.html.clone()))),
        follow_ups.as_ref().map(|r| &r.text),
        topic_texts(topic.zh.as_ref().expect("checked"), slots),
    )
    .unwrap();
    let zh = topic.zh.as_ref().expect("checked");
    for s in &f.snippets {
        let name = format!("{}/{}", topic.id, s.id);
        emit_snippet(out, s, differences.get(name.as_str()).copied(), &zh.snippets[&s.id], slots);
    }
    out.push_str("], exercises: &[\n");
    for e in &f.exercises {
        emit_exercise(out, e, &zh.exercises[&e.id], slots);
    }
    out.push_str("], cards: &[\n");
    for c in &f.cards {
        emit_card(out, c, &zh.cards[&c.id], slots);
    }
    writeln!(out, "], body: {} }},", slots.bodies(&topic.id)).unwrap();
}

/// An optional `Prose` literal.
fn optional(prose: Option<String>) -> String {
    prose.map_or_else(|| "None".to_string(), |p| format!("Some({p})"))
}

/// A topic's Chinese as a `TopicTexts` literal.
fn topic_texts(zh_file: &ZhTopicFile, slots: &mut Slots) -> String {
    let intro = render(zh(zh_file.intro.as_ref()), ZH);
    let fixes = zh_file.article_fixes.as_deref().map(|m| render(m, ZH));
    let follow_ups = zh_file.follow_ups.as_deref().map(|m| render(m, ZH));
    format!(
        "TopicTexts {{ title: {}, summary: {}, intro_html: {}, {TEXT}intro_text: {}, article_fixes_html: {}, {TEXT}article_fixes_text: {:?}, follow_ups_html: {}, {TEXT}follow_ups_text: {:?} }}",
        lit(zh(zh_file.title.as_ref())),
        lit(zh(zh_file.summary.as_ref())),
        slots.zh(intro.html),
        lit(&intro.text),
        optional(fixes.as_ref().map(|r| slots.zh(r.html.clone()))),
        fixes.as_ref().map(|r| &r.text),
        optional(follow_ups.as_ref().map(|r| slots.zh(r.html.clone()))),
        follow_ups.as_ref().map(|r| &r.text),
    )
}

fn emit_snippet(
    out: &mut String,
    s: &SnippetFile,
    difference: Option<&Difference>,
    zh_s: &ZhSnippet,
    slots: &mut Slots,
) {
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
        slots.en(prose.html),
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
        slots.zh(zh_prose.html),
        lit(&zh_prose.text),
        zh_s.note,
    )
    .unwrap();
}

fn emit_exercise(out: &mut String, e: &ExerciseFile, zh_e: &ZhExercise, slots: &mut Slots) {
    let statement = slots.en(render(&e.statement, "").html);
    let hints: Vec<String> = e.hints.iter().map(|h| slots.en(render(h, "").html)).collect();
    let zh_statement = slots.zh(render(zh(zh_e.statement.as_ref()), ZH).html);
    let zh_hints: Vec<String> = zh_e.hints.iter().map(|h| slots.zh(render(h, ZH).html)).collect();
    writeln!(
        out,
        "Exercise {{ id: {}, title: {}, statement_html: {}, starter: {}, solution: {}, hints_html: &[{}], checks: &[",
        lit(&e.id),
        lit(&e.title),
        statement,
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
        zh_statement,
        zh_hints.join(", "),
    )
    .unwrap();
}

fn emit_card(out: &mut String, c: &CardFile, zh_c: &ZhCard, slots: &mut Slots) {
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
        slots.en(render(&c.explanation, "").html),
        lit(zh(zh_c.title.as_ref())),
        slots.zh(render(zh(zh_c.explanation.as_ref()), ZH).html),
    )
    .unwrap();
}

/// A Rust string literal: `Debug` escapes exactly what Rust needs.
fn lit(s: &str) -> String {
    format!("{s:?}")
}
