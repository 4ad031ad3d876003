//! Every exercise's hidden checks run in the engine the browser ships: the
//! reference solution passes them all, the starter fails one. And the
//! cheats a reader might try (printing "passed", exiting, lying objects,
//! patching builtins or the harness) never pass.

use std::{cell::RefCell, rc::Rc};

use pyplay_content::{Exercise, topics};
use pyplay_engine::{CheckOutcome, CheckSpec, Engine, OutputEvent, Stream, bundled_packs};

fn engine() -> Engine {
    Engine::with_pack_fetcher(Some(Box::new(bundled_packs())))
}

fn specs(exercise: &Exercise) -> Vec<CheckSpec> {
    exercise.checks.iter().map(|c| CheckSpec { call: c.call.into(), expected: c.expected.into() }).collect()
}

/// Runs a Check and returns its outcome and what reached the stream.
fn check(engine: &Engine, code: &str, checks: &[CheckSpec]) -> (CheckOutcome, String) {
    let stream = Rc::new(RefCell::new(String::new()));
    let out = stream.clone();
    let outcome = engine.check_with(
        code,
        checks,
        Box::new(move |event| {
            if let OutputEvent::Write(Stream::Stdout | Stream::Stderr, text) = event {
                out.borrow_mut().push_str(text);
            }
        }),
    );
    (outcome, stream.take())
}

/// What went wrong, for a failure message.
fn explain(outcome: &CheckOutcome) -> String {
    match (&outcome.ended, &outcome.results) {
        (Err(error), _) => format!("raised:\n{}", error.traceback),
        (Ok(status), None) => format!("exited with status {status}; no checks ran"),
        (Ok(_), Some(results)) => results
            .iter()
            .filter(|r| !r.passed)
            .map(|r| {
                format!(
                    "  call: {}\n  expected {}, got {}\n{}",
                    r.call.trim(),
                    r.expected,
                    r.got,
                    r.traceback
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn every_solution_passes_and_every_starter_fails() {
    let engine = engine();
    let (mut count, mut failures) = (0, Vec::new());
    for (_, topic) in topics() {
        for exercise in topic.exercises {
            count += 1;
            let name = format!("{}/{}", topic.id, exercise.id);
            let checks = specs(exercise);
            let (solved, _) = check(&engine, exercise.solution, &checks);
            if !solved.passed() {
                failures.push(format!("{name}: the solution fails: {}", explain(&solved)));
            }
            let (started, _) = check(&engine, exercise.starter, &checks);
            if started.passed() {
                failures.push(format!("{name}: the starter passes every check"));
            }
        }
    }
    assert!(count > 0, "no exercises found");
    assert!(
        failures.is_empty(),
        "{} problem(s) in {count} exercises:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    println!("{count} exercises: every solution passes and every starter fails in RustPython");
}

// --- the harness against cheats, as tests/exercise_check.py --self-test --------

fn self_test_checks() -> Vec<CheckSpec> {
    [
        ("add(2, 3)", "5"),
        ("add(-1, 1)", "0"),
        ("pair(1)", "[1, (1.0, 'one')]"),
        ("raises(TypeError, add, 1, 'x')", "\"TypeError\""),
    ]
    .into_iter()
    .map(|(call, expected)| CheckSpec { call: call.into(), expected: expected.into() })
    .collect()
}

const HONEST: &str = "
def add(a, b):
    return a + b

def pair(n):
    return [n, (float(n), 'one')]
";

/// Shared with tests/exercise_check.py: none may pass, in either interpreter.
fn cheats() -> Vec<(String, String)> {
    let file: serde_json::Value = serde_json::from_str(include_str!("../../../tests/exercise_cheats.json"))
        .expect("tests/exercise_cheats.json is JSON");
    let cheats = file["cheats"].as_object().expect("a cheats object");
    cheats
        .iter()
        .map(|(name, code)| (name.clone(), code.as_str().expect("code is a string").to_string()))
        .collect()
}

#[test]
fn the_honest_program_passes_and_no_cheat_does() {
    let engine = engine();
    let checks = self_test_checks();
    let (honest, _) = check(&engine, HONEST, &checks);
    assert!(honest.passed(), "{honest:?}");
    let passed: Vec<_> =
        cheats().into_iter().filter(|(_, code)| check(&engine, code, &checks).0.passed()).collect();
    assert!(passed.is_empty(), "cheats that passed: {passed:?}");
    // The engine is still sound after all that.
    assert!(check(&engine, HONEST, &checks).0.passed());
}

#[test]
fn exiting_or_raising_runs_no_checks() {
    let engine = engine();
    let checks = self_test_checks();
    for code in
        ["import sys\nsys.exit(0)", "raise SystemExit", "import os\nos._exit(0)", "import sys\nsys.exit(3)"]
    {
        let (outcome, _) = check(&engine, &format!("{HONEST}\n{code}\n"), &checks);
        assert_eq!(outcome.results, None, "{code}");
    }
    let (outcome, _) = check(&engine, &format!("{HONEST}\nimport sys\nsys.exit(3)\n"), &checks);
    assert_eq!(outcome.ended, Ok(3));
    let (outcome, _) = check(&engine, &format!("{HONEST}\n1 / 0\n"), &checks);
    assert_eq!(outcome.ended.unwrap_err().kind, "ZeroDivisionError");
    assert_eq!(outcome.results, None);
}

#[test]
fn a_harness_copy_tampered_with_in_an_earlier_run_is_not_used() {
    let engine = engine();
    let checks = self_test_checks();
    let tamper = "
import _pyplay_check
def same(got, want, depth=0):
    return True
_pyplay_check._same.__code__ = same.__code__
_pyplay_check._Capture.text = lambda self: 'tampered'
";
    let out = engine.run_captured(tamper);
    assert_eq!(out.error, None);
    let (outcome, _) = check(&engine, "def add(a, b):\n    return 0\ndef pair(n):\n    return 0\n", &checks);
    assert!(!outcome.passed());
    let results = outcome.results.unwrap();
    assert!(!results[0].passed && results[0].output.is_empty(), "{results:?}");
}

#[test]
fn check_output_goes_to_its_result_and_program_output_to_the_stream() {
    let engine = engine();
    let code = "print('from the program')\ndef noisy():\n    print('from a check')\n    return 1\n";
    let checks = [
        CheckSpec { call: "noisy()".into(), expected: "1".into() },
        CheckSpec { call: "output_of(noisy)".into(), expected: "'from a check\\n'".into() },
        CheckSpec {
            call: "import sys\nsys.__stdout__.write('sneaky')\nnoisy()".into(),
            expected: "2".into(),
        },
    ];
    let (outcome, stream) = check(&engine, code, &checks);
    assert_eq!(stream, "from the program\n");
    let results = outcome.results.unwrap();
    assert_eq!(results.iter().map(|r| r.passed).collect::<Vec<_>>(), [true, true, false]);
    assert_eq!(results[0].output, "from a check\n");
    assert_eq!(results[1].output, "");
    assert_eq!((results[2].expected.as_str(), results[2].got.as_str()), ("2", "1"));
}

#[test]
fn a_failing_check_says_what_was_called_and_what_came_back() {
    let engine = engine();
    let checks = [CheckSpec { call: "f(2)".into(), expected: "4".into() }];
    let (outcome, _) = check(&engine, "def f(n):\n    return [n] * int('x')\n", &checks);
    let result = &outcome.results.unwrap()[0];
    assert_eq!((result.call.as_str(), result.expected.as_str(), result.passed), ("f(2)", "4", false));
    assert!(result.got.starts_with("ValueError: invalid literal"), "{result:?}");
    assert!(
        result.traceback.contains("<check>") && result.traceback.contains("main.py"),
        "{}",
        result.traceback
    );
}

#[test]
fn broken_checks_are_an_error_not_a_pass() {
    let engine = engine();
    for (call, expected) in [("x = 1", "1"), ("1", "object()"), ("1", "(")] {
        let checks = [CheckSpec { call: call.into(), expected: expected.into() }];
        let (outcome, _) = check(&engine, "x = 1\n", &checks);
        assert_eq!(outcome.results, None, "{call} / {expected}");
        let error = outcome.ended.unwrap_err();
        assert!(error.message.starts_with("the exercise's checks could not run"), "{error:?}");
    }
    // The next run is clean.
    assert!(check(&engine, HONEST, &self_test_checks()).0.passed());
}
