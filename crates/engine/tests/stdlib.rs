//! The standard library beyond the built-in core arrives in packs, fetched
//! once each on first import; startup needs none of them.

use std::{cell::RefCell, rc::Rc};

use pyplay_engine::{Engine, PackFetcher, bundled_packs};

/// A fetcher that serves the bundled packs and notes each path it is asked for.
fn recording() -> (PackFetcher, Rc<RefCell<Vec<String>>>) {
    let asked = Rc::new(RefCell::new(Vec::new()));
    let log = asked.clone();
    let mut packs = bundled_packs();
    (
        Box::new(move |path| {
            log.borrow_mut().push(path.to_string());
            packs(path)
        }),
        asked,
    )
}

#[test]
fn startup_fetches_nothing_and_uses_every_builtin_module() {
    let (fetcher, asked) = recording();
    let engine = Engine::with_pack_fetcher(Some(fetcher));
    let out = engine.run_captured("import sys\nprint('\\n'.join(sorted(sys.modules)))");
    assert_eq!(out.error, None);
    assert_eq!(*asked.borrow(), Vec::<String>::new(), "startup fetched packs");
    let loaded: Vec<&str> = out.stdout.lines().collect();
    let unused: Vec<_> = pyplay_stdlib::BUILTIN.iter().filter(|m| !loaded.contains(m)).collect();
    assert!(unused.is_empty(), "builtin.txt lists modules startup does not import: {unused:?}");
}

#[test]
fn a_pack_is_fetched_once_on_first_import() {
    let (fetcher, asked) = recording();
    let engine = Engine::with_pack_fetcher(Some(fetcher));
    let code = "import email.mime.text\nprint(email.mime.text.MIMEText('hi')['Content-Type'])";
    let out = engine.run_captured(code);
    assert_eq!((out.stdout.as_str(), out.error), ("text/plain; charset=\"us-ascii\"\n", None));
    let (email, _) = pyplay_stdlib::find("email.mime.text").expect("email is a pack");
    assert!(asked.borrow().iter().filter(|p| *p == email).count() == 1, "{:?}", asked.borrow());
    let before = asked.borrow().len();
    assert_eq!(engine.run_captured(code).error, None);
    assert_eq!(asked.borrow().len(), before, "a second run fetched again");
}

#[test]
fn a_failed_or_damaged_fetch_is_an_import_error_and_the_next_import_retries() {
    let attempts = Rc::new(RefCell::new(0));
    let count = attempts.clone();
    let mut packs = bundled_packs();
    let (csv, _) = pyplay_stdlib::find("csv").expect("csv is a pack");
    let engine = Engine::with_pack_fetcher(Some(Box::new(move |path| {
        if path != csv {
            return packs(path); // the traceback module, for the error report
        }
        *count.borrow_mut() += 1;
        match *count.borrow() {
            1 => Err("the network is down".into()),
            2 => Ok(b"<!doctype html>Not found".to_vec()),
            _ => packs(path),
        }
    })));
    let code = "import csv\nprint(csv.QUOTE_ALL)";
    let offline = engine.run_captured(code).error.expect("offline import fails");
    assert_eq!(offline.kind, "ImportError");
    assert!(
        offline.message.contains("module 'csv' could not be loaded")
            && offline.message.ends_with("the network is down")
    );
    let damaged = engine.run_captured(code).error.expect("a damaged pack is refused");
    assert!(damaged.message.contains("came back damaged"), "{}", damaged.message);
    assert_eq!(engine.run_captured(code).stdout, "1\n");
    assert_eq!(*attempts.borrow(), 3);
}

#[test]
fn without_a_fetcher_an_import_beyond_the_core_says_why() {
    let engine = Engine::with_pack_fetcher(None);
    let err = engine.run_captured("import json").error.expect("no fetcher");
    assert_eq!(err.kind, "ImportError");
    assert!(err.message.contains("this host cannot fetch it"), "{}", err.message);
    assert_eq!(
        engine.run_captured("import nosuchmodule").error.map(|e| e.kind).as_deref(),
        Some("ModuleNotFoundError")
    );
}
