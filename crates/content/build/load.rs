//! Step 1: parse the files into a [`Syllabus`]. Only what cannot be parsed
//! (bad TOML, a listed topic with no file) fails here; every rule about the
//! content itself is in `check`.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

use super::schema::{Difference, KnownDifferences, Manifest, TopicFile};

/// The raw content files: read from disk by build.rs, made up by tests.
pub struct Sources {
    pub chapters: String,
    pub known_differences: String,
    /// The text of every `topics/*.toml`, by file stem.
    pub topics: BTreeMap<String, String>,
    /// Files in `topics/` that are not `.toml`.
    pub stray: Vec<String>,
}

pub struct Syllabus {
    pub format_version: u32,
    pub chapters: Vec<Chapter>,
    /// Every topic file's stem, listed in `chapters.toml` or not.
    pub on_disk: Vec<String>,
    pub stray: Vec<String>,
    pub differences: Vec<Difference>,
}

pub struct Chapter {
    pub id: String,
    pub title: String,
    pub topics: Vec<Topic>,
}

pub struct Topic {
    pub id: String,
    pub file: TopicFile,
}

impl Topic {
    /// Where the topic lives, for error messages.
    pub fn path(&self) -> String {
        format!("topics/{}.toml", self.id)
    }
}

impl Syllabus {
    /// Every listed topic in reading order.
    pub fn topics(&self) -> impl Iterator<Item = &Topic> {
        self.chapters.iter().flat_map(|c| &c.topics)
    }
}

pub fn load(src: &Sources) -> Result<Syllabus, Vec<String>> {
    let mut errors = Vec::new();
    let manifest: Option<Manifest> = parse("chapters.toml", &src.chapters, &mut errors);
    let known: Option<KnownDifferences> =
        parse("known-differences.toml", &src.known_differences, &mut errors);
    let mut chapters = Vec::new();
    for entry in manifest.as_ref().map_or(&[][..], |m| &m.chapters) {
        let mut topics = Vec::new();
        for id in &entry.topics {
            let path = format!("topics/{id}.toml");
            match src.topics.get(id) {
                None => errors.push(format!("chapters.toml: topic {id} is listed but {path} is missing")),
                Some(text) => {
                    if let Some(file) = parse(&path, text, &mut errors) {
                        topics.push(Topic { id: id.clone(), file });
                    }
                }
            }
        }
        chapters.push(Chapter { id: entry.id.clone(), title: entry.title.clone(), topics });
    }
    match (manifest, known) {
        (Some(manifest), Some(known)) if errors.is_empty() => Ok(Syllabus {
            format_version: manifest.format_version,
            chapters,
            on_disk: src.topics.keys().cloned().collect(),
            stray: src.stray.clone(),
            differences: known.differences,
        }),
        _ => Err(errors),
    }
}

fn parse<T: DeserializeOwned>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
    toml::from_str(text).map_err(|e| errors.push(format!("{path}: {e}"))).ok()
}
