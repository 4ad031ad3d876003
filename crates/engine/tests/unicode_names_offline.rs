//! When the Unicode names table cannot be fetched (offline before the
//! service worker cached it), unicodedata says so instead of "no such name", and the
//! next engine that can fetch it answers. Its own test binary: the table,
//! once loaded, stays for the process.

use pyplay_engine::{Engine, bundled_packs};

#[test]
fn names_say_why_they_are_missing_then_load_when_the_pack_can_be_fetched() {
    let mut packs = bundled_packs();
    let offline = Engine::with_pack_fetcher(Some(Box::new(move |path: &str| {
        if path.starts_with("unicode-names-") {
            Err("the download failed (offline?)".into())
        } else {
            packs(path)
        }
    })));
    let out = offline.run_captured(
        "import unicodedata\nprint(unicodedata.category('é'), unicodedata.normalize('NFD', 'é') == 'e\\u0301')\n\
         print(unicodedata.name('é'))",
    );
    assert_eq!(out.stdout, "Ll True\n");
    let err = out.error.expect("RuntimeError expected");
    assert_eq!(err.kind, "RuntimeError");
    assert!(
        err.message.starts_with(
            "unicodedata.name() needs the Unicode names table: the playground fetches stdlib/unicode-names-"
        ) && err.message.ends_with(".bin on first use, and the download failed (offline?)"),
        "{}",
        err.message
    );
    let out = offline.run_captured("import unicodedata\nunicodedata.lookup('SNOWMAN')");
    assert!(
        out.error
            .is_some_and(|e| e.message.starts_with("unicodedata.lookup() needs the Unicode names table"))
    );
    // `\N{...}` cannot say why: a syntax error, as for a name that does not exist.
    let out = offline.run_captured("print('\\N{SNOWMAN}')");
    assert_eq!(out.error.map(|e| e.kind).as_deref(), Some("SyntaxError"));
    drop(offline);

    let online = Engine::new();
    let out = online.run_captured("import unicodedata\nprint(unicodedata.name('é'), '\\N{SNOWMAN}')");
    assert_eq!((out.stdout.as_str(), out.error), ("LATIN SMALL LETTER E WITH ACUTE ☃\n", None));
}
