//! The conformance suite: `tests/conformance/*.py` must print exactly the
//! `.out` that CPython printed (`tests/conformance/generate.py`). Programs
//! that cannot pass are listed with a reason in `known-failures.txt`, and
//! must keep failing, so the list stays honest.

use std::{collections::BTreeMap, fs, path::PathBuf};

use pyplay_engine::Engine;

fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

fn known_failures() -> BTreeMap<String, String> {
    let text = fs::read_to_string(suite_dir().join("known-failures.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, why) = l.split_once(':').expect("known-failures.txt lines are `name: reason`");
            (name.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

#[test]
fn conformance_programs_match_cpython() {
    let engine = Engine::new();
    let known = known_failures();
    let mut programs: Vec<_> = fs::read_dir(suite_dir())
        .expect("tests/conformance exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py") && p.file_name().unwrap() != "generate.py")
        .collect();
    programs.sort();
    let (mut passed, mut unexpected, mut fixed) = (0, Vec::new(), Vec::new());
    for path in &programs {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = fs::read_to_string(path.with_extension("out"))
            .unwrap_or_else(|_| panic!("{name}.out is missing: run tests/conformance/generate.py"));
        let out = engine.run_captured(&fs::read_to_string(path).unwrap());
        let ok = out.error.is_none() && out.stdout == expected;
        match (ok, known.contains_key(&name)) {
            (true, false) => passed += 1,
            (true, true) => fixed.push(name),
            (false, true) => {}
            (false, false) => unexpected.push(format!(
                "{name}\n--- expected\n{expected}--- got\n{}{}",
                out.stdout,
                out.error.map(|e| e.traceback).unwrap_or_default()
            )),
        }
    }
    eprintln!("conformance: {passed} of {} programs pass; {} known failures", programs.len(), known.len());
    assert!(programs.len() >= 60, "the suite should hold at least 60 programs");
    assert!(
        unexpected.is_empty(),
        "{} programs differ from CPython:\n\n{}",
        unexpected.len(),
        unexpected.join("\n\n")
    );
    assert!(fixed.is_empty(), "these now pass; remove them from known-failures.txt: {fixed:?}");
}
