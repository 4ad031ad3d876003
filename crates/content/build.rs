//! Compiles `chapters.toml`, `topics/*.toml` and `known-differences.toml`
//! into static Rust data, with the prose rendered from Markdown to HTML here
//! rather than in the browser. It is also the content's linter: a topic that
//! breaks a rule below fails the build, with the file and snippet named.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    fs,
    path::Path,
};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format_version: u32,
    chapters: Vec<ChapterEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterEntry {
    id: String,
    title: String,
    topics: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFile {
    title: String,
    summary: String,
    intro: String,
    /// Markdown: what the source article got wrong on this topic.
    article_fixes: Option<String>,
    /// Markdown: the questions an interviewer would ask next, each answered
    /// briefly; shown after the snippets.
    follow_ups: Option<String>,
    #[serde(default)]
    snippets: Vec<SnippetFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnippetFile {
    id: String,
    title: String,
    prose: String,
    code: String,
    expected: String,
    error: Option<String>,
    #[serde(default = "yes")]
    runnable: bool,
    note: Option<String>,
    /// Why the output varies between runs; `…` in `expected`/`error` then
    /// matches any run of characters within a line.
    loose: Option<String>,
    /// The oldest Python whose output `expected` is ("3.13"), for code that
    /// needs a release newer than the 3.11 reference. The CPython check
    /// skips it on older interpreters; RustPython (which tracks 3.14) still
    /// checks it.
    requires_python: Option<String>,
}

/// `known-differences.toml`: snippets whose RustPython output differs from
/// CPython's, with what RustPython prints instead.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KnownDifferences {
    #[serde(default)]
    differences: Vec<Difference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Difference {
    /// `topic-id/snippet-id`.
    snippet: String,
    reason: String,
    stdout: String,
    error: Option<String>,
}

fn yes() -> bool {
    true
}

fn markdown(text: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    html
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn main() {
    // At run time: a cached build script may have been compiled in another checkout.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&manifest_dir);
    println!("cargo::rerun-if-changed=chapters.toml");
    println!("cargo::rerun-if-changed=topics");
    println!("cargo::rerun-if-changed=known-differences.toml");
    let known: KnownDifferences =
        toml::from_str(&fs::read_to_string(root.join("known-differences.toml")).unwrap())
            .unwrap_or_else(|e| panic!("known-differences.toml: {e}"));
    let mut differences = BTreeMap::new();
    for d in known.differences {
        assert!(!blank(&d.reason), "known-differences.toml: {} needs a reason", d.snippet);
        let name = d.snippet.clone();
        assert!(differences.insert(name, d).is_none(), "known-differences.toml lists a snippet twice");
    }
    let mut anchors = BTreeSet::new();
    let manifest: Manifest = toml::from_str(&fs::read_to_string(root.join("chapters.toml")).unwrap())
        .unwrap_or_else(|e| panic!("chapters.toml: {e}"));
    assert_eq!(manifest.format_version, 1, "chapters.toml: unknown format_version");

    let mut on_disk = BTreeSet::new();
    for entry in fs::read_dir(root.join("topics")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert_eq!(path.extension().and_then(|e| e.to_str()), Some("toml"), "stray file {path:?}");
        on_disk.insert(stem);
    }

    let mut listed = BTreeSet::new();
    let mut out = String::from("pub static CHAPTERS: &[Chapter] = &[\n");
    for chapter in &manifest.chapters {
        assert!(is_slug(&chapter.id), "chapter id {:?} must be a lowercase slug", chapter.id);
        writeln!(out, "Chapter {{ id: {}, title: {}, topics: &[", lit(&chapter.id), lit(&chapter.title))
            .unwrap();
        for id in &chapter.topics {
            assert!(is_slug(id), "topic id {id:?} must be a lowercase slug");
            assert!(listed.insert(id.clone()), "topic {id} is listed twice");
            assert!(on_disk.contains(id), "topic {id} is listed but topics/{id}.toml is missing");
            let path = root.join("topics").join(format!("{id}.toml"));
            let topic: TopicFile = toml::from_str(&fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (what, text) in
                [("title", &topic.title), ("summary", &topic.summary), ("intro", &topic.intro)]
            {
                assert!(!blank(text), "{id}: empty {what}");
            }
            let fixes = topic.article_fixes.as_deref().map(|f| {
                assert!(!blank(f), "{id}: empty article_fixes (leave it out instead)");
                lit(&markdown(f))
            });
            let follow_ups = topic.follow_ups.as_deref().map(|f| {
                assert!(!blank(f), "{id}: empty follow_ups (leave it out instead)");
                lit(&markdown(f))
            });
            writeln!(
                out,
                "Topic {{ id: {}, title: {}, summary: {}, intro_html: {}, article_fixes_html: {}, follow_ups_html: {}, snippets: &[",
                lit(id),
                lit(&topic.title),
                lit(&topic.summary),
                lit(&markdown(&topic.intro)),
                fixes.map_or_else(|| "None".to_string(), |f| format!("Some({f})")),
                follow_ups.map_or_else(|| "None".to_string(), |f| format!("Some({f})"))
            )
            .unwrap();
            assert!(
                topic.snippets.iter().any(|s| s.runnable),
                "{id}: every topic needs at least one runnable snippet"
            );
            let mut ids = BTreeSet::new();
            for s in &topic.snippets {
                assert!(is_slug(&s.id), "{id}: snippet id {:?} must be a lowercase slug", s.id);
                assert!(ids.insert(&s.id), "{id}: snippet {} appears twice", s.id);
                let name = format!("{id}/{}", s.id);
                // The page's element id and the browser tests' selector.
                assert!(
                    anchors.insert(format!("{id}-{}", s.id)),
                    "{name}: its anchor {id}-{} is taken",
                    s.id
                );
                for (what, text) in [("title", &s.title), ("prose", &s.prose), ("code", &s.code)] {
                    assert!(!blank(text), "{name}: empty {what}");
                }
                assert!(s.note.as_deref().is_none_or(|n| !blank(n)), "{name}: empty note");
                assert!(s.runnable || s.note.is_some(), "{name}: say in `note` why it cannot run here");
                assert!(
                    !s.runnable || !blank(&s.expected) || s.error.is_some(),
                    "{name}: a runnable snippet must print something or raise"
                );
                if let Some(why) = &s.loose {
                    assert!(
                        s.runnable && !blank(why),
                        "{name}: `loose` needs a reason and a runnable snippet"
                    );
                    assert!(
                        s.expected.contains('…') || s.error.as_deref().is_some_and(|e| e.contains('…')),
                        "{name}: a loose snippet needs a … placeholder in `expected` or `error`"
                    );
                }
                if let Some(version) = &s.requires_python {
                    let minor = version.strip_prefix("3.").and_then(|m| m.parse::<u32>().ok());
                    assert!(
                        minor.is_some_and(|m| (12..=14).contains(&m)),
                        "{name}: requires_python must be \"3.12\" to \"3.14\", newer than the 3.11 reference"
                    );
                    assert!(
                        s.note.as_deref().is_some_and(|n| n.contains(version.as_str())),
                        "{name}: a snippet that requires Python {version} must say so in its `note`"
                    );
                }
                let rustpython = differences.remove(&name).map(|d| {
                    assert!(s.runnable, "known-differences.toml: {name} is not runnable");
                    assert!(
                        d.stdout != s.expected || d.error != s.error,
                        "known-differences.toml: {name} gives the same output as `expected`"
                    );
                    (d.reason, format!("Output {{ stdout: {}, error: {:?} }}", lit(&d.stdout), d.error))
                });
                let (differs, rustpython) = rustpython.unzip();
                writeln!(
                    out,
                    "Snippet {{ id: {}, title: {}, prose_html: {}, code: {}, expected: {}, error: {:?}, runnable: {}, note: {:?}, loose: {:?}, requires_python: {:?}, differs: {:?}, rustpython: {} }},",
                    lit(&s.id),
                    lit(&s.title),
                    lit(&markdown(&s.prose)),
                    lit(&s.code),
                    lit(&s.expected),
                    s.error,
                    s.runnable,
                    s.note,
                    s.loose,
                    s.requires_python,
                    differs,
                    rustpython.map_or_else(|| "None".to_string(), |r| format!("Some({r})"))
                )
                .unwrap();
            }
            out.push_str("] },\n");
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n");
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    assert!(unlisted.is_empty(), "topics not in chapters.toml: {unlisted:?}");
    let unknown: Vec<_> = differences.keys().collect();
    assert!(unknown.is_empty(), "known-differences.toml names snippets that do not exist: {unknown:?}");

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
    fs::write(dest, out).unwrap();
}
