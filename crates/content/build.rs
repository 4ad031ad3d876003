//! Compiles `chapters.toml` and `topics/*.toml` into static Rust data, with
//! the prose rendered from Markdown to HTML here rather than in the browser.

use std::{collections::BTreeSet, fmt::Write as _, fs, path::Path};

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

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo::rerun-if-changed=chapters.toml");
    println!("cargo::rerun-if-changed=topics");
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
            writeln!(
                out,
                "Topic {{ id: {}, title: {}, summary: {}, intro_html: {}, snippets: &[",
                lit(id),
                lit(&topic.title),
                lit(&topic.summary),
                lit(&markdown(&topic.intro))
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
                assert!(!s.code.trim().is_empty(), "{id}/{}: empty code", s.id);
                assert!(
                    s.runnable || s.note.is_some(),
                    "{id}/{}: say in `note` why it cannot run here",
                    s.id
                );
                writeln!(
                    out,
                    "Snippet {{ id: {}, title: {}, prose_html: {}, code: {}, expected: {}, error: {:?}, runnable: {}, note: {:?} }},",
                    lit(&s.id),
                    lit(&s.title),
                    lit(&markdown(&s.prose)),
                    lit(&s.code),
                    lit(&s.expected),
                    s.error,
                    s.runnable,
                    s.note
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

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
    fs::write(dest, out).unwrap();
}
