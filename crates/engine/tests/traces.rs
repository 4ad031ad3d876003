//! The step-through's golden traces: every program in tests/traces/programs
//! and every lesson snippet listed in tests/traces/lessons.txt, traced in
//! RustPython, must give the trace CPython 3.11 gives (tests/traces/golden,
//! written by tests/trace_golden.py), except where
//! tests/traces/known-differences.toml says why not.

use std::{collections::BTreeMap, fs, path::PathBuf};

use pyplay_engine::Engine;
use pyplay_protocol::{Trace, trace::Step};
use serde::Deserialize;

const STDIN: &str = "ann\n";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/traces")
}

#[derive(Deserialize)]
struct Known {
    #[serde(default)]
    differences: Vec<Difference>,
}

#[derive(Deserialize)]
struct Difference {
    program: String,
    reason: String,
}

/// (golden name, source) of every program and listed lesson snippet.
fn programs() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir().join("programs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    paths.sort();
    let mut found: Vec<(String, String)> = paths
        .iter()
        .map(|path| {
            (path.file_stem().unwrap().to_string_lossy().into_owned(), fs::read_to_string(path).unwrap())
        })
        .collect();
    let lessons = fs::read_to_string(dir().join("lessons.txt")).unwrap();
    for line in lessons.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (topic, snippet) = line.split_once('/').expect("lessons.txt lists topic/snippet");
        let (_, found_snippet) =
            pyplay_content::snippet(topic, snippet).unwrap_or_else(|| panic!("no snippet {line}"));
        found.push((format!("lesson-{topic}-{snippet}"), found_snippet.code.to_string()));
    }
    found
}

fn max_steps(source: &str) -> u32 {
    source
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# max_steps: "))
        .map_or(1000, |n| n.trim().parse().expect("max_steps is a number"))
}

fn json(step: &Step) -> String {
    serde_json::to_string(step).unwrap()
}

/// Where two traces part, for the failure message.
fn first_difference(ours: &Trace, cpython: &Trace) -> String {
    for (index, (a, b)) in ours.steps.iter().zip(&cpython.steps).enumerate() {
        if a != b {
            return format!("step {index}:\n  RustPython {}\n  CPython    {}", json(a), json(b));
        }
    }
    if ours.output != cpython.output {
        return format!("output:\n  RustPython {:?}\n  CPython    {:?}", ours.output, cpython.output);
    }
    format!("{} steps in RustPython, {} in CPython", ours.steps.len(), cpython.steps.len())
}

#[test]
fn traces_match_cpython() {
    let known: Known =
        toml::from_str(&fs::read_to_string(dir().join("known-differences.toml")).unwrap()).unwrap();
    let mut reasons: BTreeMap<String, String> =
        known.differences.into_iter().map(|d| (d.program, d.reason)).collect();
    let engine = Engine::new();
    let programs = programs();
    assert!(programs.len() >= 40, "the issue asks for at least 40 programs");
    let mut failures = Vec::new();
    for (name, source) in &programs {
        let golden = fs::read_to_string(dir().join("golden").join(format!("{name}.json")))
            .unwrap_or_else(|_| panic!("no golden trace for {name}: run tests/trace_golden.py --write"));
        let cpython = Trace::from_json(&golden).unwrap();
        let outcome = engine.trace_with(source, STDIN, max_steps(source), Box::new(|_| {}));
        let ours = outcome.trace;
        match reasons.remove(name) {
            None if ours != cpython => {
                failures.push(format!("{name}: {}", first_difference(&ours, &cpython)))
            }
            None => {}
            Some(_) if ours == cpython => failures.push(format!("{name}: listed as different, but matches")),
            Some(reason) => {
                let ends_alike = ours.output == cpython.output
                    && ours.truncated == cpython.truncated
                    && ours.steps.last() == cpython.steps.last();
                if !ends_alike {
                    failures.push(format!(
                        "{name} (known to differ: {reason}) must still end alike: {}",
                        first_difference(&ours, &cpython)
                    ));
                }
            }
        }
    }
    for name in reasons.keys() {
        failures.push(format!("{name}: listed in known-differences.toml, but no such program"));
    }
    assert!(
        failures.is_empty(),
        "{} of {} traces differ:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}

#[test]
fn a_run_is_unchanged_by_visualize() {
    let engine = Engine::new();
    let source = "a = [1, 2]\nb = a\nb.append(3)\nprint(a)\n";
    let outcome = engine.trace_with(source, "", 1000, Box::new(|_| {}));
    assert_eq!(outcome.ended, Ok(0));
    let last = outcome.trace.steps.last().unwrap();
    let module = last.frames.last().unwrap();
    assert_eq!(module.locals[0].1, module.locals[1].1, "a and b are one object");
    // The next Run is traced no more, and sees none of the tracer.
    let after = engine.run_captured("import sys\nprint(sys.gettrace(), type(sys.stdout).__name__)\n");
    assert_eq!(after.error, None);
    assert!(after.stdout.starts_with("None "), "{}", after.stdout);
    assert!(!after.stdout.contains("Tee"), "{}", after.stdout);
}

#[test]
fn the_step_cap_ends_a_loop_without_an_error() {
    let engine = Engine::new();
    let outcome = engine.trace_with("while True:\n    pass\n", "", 30, Box::new(|_| {}));
    assert_eq!(outcome.ended, Ok(0));
    assert!(outcome.trace.truncated);
    assert_eq!(outcome.trace.steps.len(), 30);
}

#[test]
fn an_uncaught_error_is_reported_with_its_trace() {
    let engine = Engine::new();
    let outcome = engine.trace_with("x = 1\nprint(x)\n1 / 0\n", "", 1000, Box::new(|_| {}));
    let error = outcome.ended.unwrap_err();
    assert_eq!(error.kind, "ZeroDivisionError");
    assert_eq!(error.line, Some(3));
    assert!(!error.traceback.contains("_pyplay_trace"), "{}", error.traceback);
    let raised = outcome.trace.steps.iter().find(|step| step.exception.is_some()).unwrap();
    assert_eq!(raised.line, 3);
    assert_eq!(outcome.trace.output, "1\n");
    // A syntax error has no steps, and says where.
    let outcome = engine.trace_with("def f(:\n", "", 1000, Box::new(|_| {}));
    assert!(outcome.trace.steps.is_empty());
    assert_eq!(outcome.ended.unwrap_err().kind, "SyntaxError");
}
