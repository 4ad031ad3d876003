//! Prints every snippet as JSON lines, for the browser test that runs each
//! lesson on its real page: `cargo run -q -p pyplay-content --example export`.
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

fn main() {
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
