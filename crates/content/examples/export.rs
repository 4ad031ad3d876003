//! Prints every snippet as JSON lines, for the browser test that runs each
//! lesson on its real page: `cargo run -q -p pyplay-content --example export`.
//! With `exercises`, every exercise's topic, id and reference solution
//! instead, for the browser test that checks each one. With `topics`, each
//! topic's id, title, summary and snippets' ids and code (and its Chinese
//! title and summary), for the browser tests of the pages written at build
//! time (src/bin/pages.rs) and of the Chinese site.
//! `expected`/`error` are what the browser's RustPython should print (the
//! known difference if there is one); `loose` is the reason `…` placeholders
//! are in them, or null.

use serde::Serialize;

#[derive(Serialize)]
struct Line {
    topic: &'static str,
    id: &'static str,
    runnable: bool,
    expected: &'static str,
    error: Option<&'static str>,
    loose: Option<&'static str>,
    differs: Option<&'static str>,
}

#[derive(Serialize)]
struct ExerciseLine {
    topic: &'static str,
    id: &'static str,
    solution: &'static str,
}

#[derive(Serialize)]
struct TopicLine {
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    snippets: Vec<(&'static str, &'static str)>,
    zh_title: &'static str,
    zh_summary: &'static str,
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("topics") {
        for (_, t) in pyplay_content::topics() {
            let snippets = t.snippets.iter().map(|s| (s.id, s.code)).collect();
            let zh = t.texts(pyplay_content::Lang::Zh);
            let line = TopicLine {
                id: t.id,
                title: t.title,
                summary: t.summary,
                snippets,
                zh_title: zh.title,
                zh_summary: zh.summary,
            };
            println!("{}", serde_json::to_string(&line).expect("strings always serialize"));
        }
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("exercises") {
        for (_, topic) in pyplay_content::topics() {
            for e in topic.exercises {
                let line = ExerciseLine { topic: topic.id, id: e.id, solution: e.solution };
                println!("{}", serde_json::to_string(&line).expect("strings always serialize"));
            }
        }
        return;
    }
    for (_, topic) in pyplay_content::topics() {
        for s in topic.snippets {
            let want = s.rustpython_output();
            let line = Line {
                topic: topic.id,
                id: s.id,
                runnable: s.runnable,
                expected: want.stdout,
                error: want.error,
                loose: s.loose,
                differs: s.differs,
            };
            println!("{}", serde_json::to_string(&line).expect("strings and bools always serialize"));
        }
    }
}
