//! Compiles `chapters.toml`, `topics/*.toml` and `known-differences.toml`,
//! with their Chinese in `zh/`, into static Rust data, with the prose rendered from Markdown to HTML here
//! rather than in the browser. It is also the content's linter: content that
//! breaks a rule in `build/check.rs` fails the build, with the file and id
//! of every problem named.
//!
//! The steps (load, check, emit) live in `build/` so the unit tests in
//! `src/lib.rs` can run them too; this file only does the I/O.

#[path = "build/mod.rs"]
mod steps;

use std::{collections::BTreeMap, fs, path::Path};

use steps::Sources;

fn main() {
    // At run time: a cached build script may have been compiled in another checkout.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&manifest_dir);
    println!("cargo::rerun-if-changed=chapters.toml");
    println!("cargo::rerun-if-changed=topics");
    println!("cargo::rerun-if-changed=known-differences.toml");
    println!("cargo::rerun-if-changed=zh");
    match steps::compile(&read_sources(root)) {
        Ok(code) => {
            let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
            fs::write(dest, code).unwrap();
        }
        Err(problems) => panic!("{} problem(s) in the content:\n{}", problems.len(), problems.join("\n")),
    }
}

fn read_sources(root: &Path) -> Sources {
    let read = |path: &Path| fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (topics, stray) = read_topics(&root.join("topics"));
    let (zh_topics, zh_stray) = read_topics(&root.join("zh/topics"));
    Sources {
        chapters: read(&root.join("chapters.toml")),
        known_differences: read(&root.join("known-differences.toml")),
        topics,
        stray,
        zh_chapters: read(&root.join("zh/chapters.toml")),
        glossary: read(&root.join("zh/glossary.toml")),
        zh_topics,
        zh_stray,
    }
}

/// The text of every `.toml` file in `dir` by stem, and the names of its
/// other files.
fn read_topics(dir: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    let mut topics = BTreeMap::new();
    let mut stray = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match name.strip_suffix(".toml") {
            Some(stem) => {
                let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                topics.insert(stem.to_string(), text);
            }
            None => stray.push(name),
        }
    }
    (topics, stray)
}
