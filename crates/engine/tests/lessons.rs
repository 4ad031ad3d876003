//! Every snippet of every topic runs in the engine the browser ships and
//! prints exactly what the content says (the Go Tour's content test).
//!
//! "What the content says" is the snippet's `expected`/`error` (CPython's
//! output), or its entry in `known-differences.toml` where RustPython is
//! known to print something else; loose snippets match `…` placeholders.

use std::{cell::RefCell, collections::BTreeSet, rc::Rc};

use pyplay_content::{Output, Snippet, topics};
use pyplay_engine::{Engine, bundled_packs};

/// Runs one snippet and describes every way it disagrees with the content.
fn check(engine: &Engine, name: &str, snippet: &Snippet) -> Vec<String> {
    let out = engine.run_captured(snippet.code);
    let error = out.error.as_ref().map(|e| e.traceback.trim_end().lines().last().unwrap_or("").to_string());
    let error = error.as_deref();
    if snippet.differs.is_some() && snippet.matches(snippet.cpython_output(), &out.stdout, error) {
        return vec![format!(
            "{name}: stale entry in known-differences.toml: RustPython now prints what CPython does; delete it"
        )];
    }
    let want = snippet.rustpython_output();
    if snippet.matches(want, &out.stdout, error) {
        return Vec::new();
    }
    let how = if snippet.loose.is_some() { " (loose: … matches anything within a line)" } else { "" };
    vec![format!(
        "{name}{how}\n--- expected\n{}--- got\n{}--- error: expected {:?}, got {error:?}",
        want.stdout, out.stdout, want.error
    )]
}

#[test]
fn every_snippet_prints_its_expected_output() {
    // Packs outside offline.txt (stdlib/more/) are not cached at install:
    // a lesson that needed one would fail offline.
    let uncached = Rc::new(RefCell::new(BTreeSet::new()));
    let seen = uncached.clone();
    let mut packs = bundled_packs();
    let engine = Engine::with_pack_fetcher(Some(Box::new(move |path| {
        if path.starts_with("more/") {
            seen.borrow_mut().insert(path.to_string());
        }
        packs(path)
    })));
    let mut failures = Vec::new();
    let (mut count, mut differing) = (0, 0);
    for (_, topic) in topics() {
        for snippet in topic.snippets.iter().filter(|s| s.runnable) {
            count += 1;
            differing += usize::from(snippet.differs.is_some());
            failures.extend(check(&engine, &format!("{}/{}", topic.id, snippet.id), snippet));
        }
    }
    assert!(count > 0, "no snippets found");
    assert!(
        failures.is_empty(),
        "{} of {count} snippets differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    let uncached = uncached.borrow();
    assert!(
        uncached.is_empty(),
        "lessons import modules that are not cached for offline use; add them to crates/stdlib/offline.txt: {uncached:?}"
    );
    println!("{count} snippets match; {differing} of them through known-differences.toml");
}

/// A card's answer is CPython's output, and the page shows the real run
/// next to the reader's guess: the two must agree here, with no exceptions.
#[test]
fn every_card_prints_its_answer() {
    let engine = Engine::with_pack_fetcher(Some(Box::new(bundled_packs())));
    let mut failures = Vec::new();
    let mut count = 0;
    for (_, topic) in topics() {
        for card in topic.cards {
            count += 1;
            let out = engine.run_captured(card.code);
            let error =
                out.error.as_ref().map(|e| e.traceback.trim_end().lines().last().unwrap_or("").to_string());
            if out.stdout != card.output || error.as_deref() != card.error {
                failures.push(format!(
                    "{}/{}\n--- expected\n{}--- got\n{}--- error: expected {:?}, got {error:?}",
                    topic.id, card.id, card.output, out.stdout, card.error
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cards differ in RustPython:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// A made-up snippet, to test `check` itself.
fn snippet(code: &'static str, expected: &'static str) -> Snippet {
    // Its texts are a real snippet's: `check` reads only what is set here.
    let any = &pyplay_content::first_topic().snippets[0];
    Snippet {
        id: "made-up",
        code,
        expected,
        error: None,
        runnable: true,
        note: None,
        loose: None,
        requires_python: None,
        differs: None,
        rustpython: None,
        ..*any
    }
}

#[test]
fn a_loose_snippet_accepts_varying_output_and_rejects_wrong_output() {
    let engine = Engine::new();
    let code = "import time\nt = time.perf_counter()\nprint(f'took {t} s')\nprint(object())";
    let loose = Snippet {
        loose: Some("timings and addresses"),
        ..snippet(code, "took … s\n<object object at 0x…>\n")
    };
    assert_eq!(check(&engine, "loose", &loose), Vec::<String>::new());
    // Same output, but a pattern whose fixed text is wrong.
    let wrong =
        Snippet { loose: Some("timings"), ..snippet(code, "took … ms\n<object object at 0x…>\n") };
    assert_eq!(check(&engine, "wrong", &wrong).len(), 1);
    // Without `loose`, … is an ordinary character.
    assert_eq!(check(&engine, "strict", &snippet(code, "took … s\n<object object at 0x…>\n")).len(), 1);
    // An error line is matched the same way.
    let raising = Snippet {
        loose: Some("an id in the message"),
        error: Some("KeyError: 'id-…'"),
        ..snippet("import random\nraise KeyError(f'id-{random.random()}')", "")
    };
    assert_eq!(check(&engine, "raising", &raising), Vec::<String>::new());
}

#[test]
fn a_known_difference_is_expected_and_a_stale_one_fails() {
    let engine = Engine::new();
    let rustpython = Some(Output { stdout: "RustPython\n", error: None });
    let differs = Snippet {
        differs: Some("a made-up difference"),
        rustpython,
        ..snippet("print('RustPython')", "CPython\n")
    };
    assert_eq!(check(&engine, "differs", &differs), Vec::<String>::new());
    // RustPython now prints what CPython prints: the entry must go.
    let stale = Snippet { code: "print('CPython')", ..differs };
    let failures = check(&engine, "stale", &stale);
    assert_eq!(failures.len(), 1);
    assert!(failures[0].contains("stale entry"), "{failures:?}");
    // Neither output: an ordinary failure.
    let neither = Snippet { code: "print('Jython')", ..differs };
    assert!(!check(&engine, "neither", &neither)[0].contains("stale"));
}
