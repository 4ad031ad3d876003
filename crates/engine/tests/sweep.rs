//! The whole standard library, not just what the lessons use: every
//! top-level module imports or says why it cannot work in a page, and the
//! doctests shipped inside the stdlib's own modules give CPython's results
//! (tests/e2e/fidelity.test.mjs runs both scripts in the browser worker).

use std::collections::BTreeMap;

use pyplay_engine::Engine;

const SWEEP: &str = include_str!("../../../tests/stdlib_sweep.py");
const DOCTESTS: &str = include_str!("../../../tests/stdlib_doctests.py");
const KNOWN: &str = include_str!("../../../tests/stdlib_doctests_known.txt");

#[test]
fn every_stdlib_module_imports_or_says_why_not() {
    let out = Engine::new().run_captured(SWEEP);
    assert_eq!(out.error, None, "{:?}", out.error);
    let mut lines = out.stdout.lines();
    let summary = lines.next().unwrap_or_default();
    let failures: Vec<&str> = lines.collect();
    eprintln!("stdlib import sweep: {summary}, {} unavailable in a page", failures.len());
    let unexplained: Vec<&str> =
        failures.into_iter().filter(|l| !l.contains("in the browser playground")).collect();
    assert!(unexplained.is_empty(), "imports that fail without saying why:\n{}", unexplained.join("\n"));
}

#[test]
fn stdlib_doctests_fail_only_where_listed_with_a_reason() {
    let out = Engine::new().run_captured(DOCTESTS);
    assert_eq!(out.error, None, "{:?}", out.error);
    let mut lines = out.stdout.lines();
    eprintln!("stdlib doctests: {}", lines.next().unwrap_or_default());
    let failing: BTreeMap<&str, &str> = lines
        .filter_map(|l| {
            let mut cols = l.split(' ');
            let (name, _attempted, failed) = (cols.next()?, cols.next()?, cols.next()?);
            (failed != "0").then_some((name, failed))
        })
        .collect();
    let known: BTreeMap<&str, &str> = KNOWN
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split_whitespace();
            Some((cols.next()?, cols.next()?))
        })
        .collect();
    assert_eq!(failing, known, "doctest failures differ from tests/stdlib_doctests_known.txt");
}
