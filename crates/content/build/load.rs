//! Step 1: parse the files into a [`Syllabus`]. Only what cannot be parsed
//! (bad TOML, a listed topic with no file) fails here; every rule about the
//! content itself is in `check`.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

use super::schema::{
    Difference, Glossary, KnownDifferences, Manifest, Term, TopicFile, ZhChapters, ZhTopicFile,
};

/// The raw content files: read from disk by build.rs, made up by tests.
pub struct Sources {
    pub chapters: String,
    pub known_differences: String,
    /// The text of every `topics/*.toml`, by file stem.
    pub topics: BTreeMap<String, String>,
    /// Files in `topics/` that are not `.toml`.
    pub stray: Vec<String>,
    /// `zh/chapters.toml`, `zh/glossary.toml`, and every `zh/topics/*.toml`
    /// by file stem, with the stray files of `zh/topics/`.
    pub zh_chapters: String,
    pub glossary: String,
    pub zh_topics: BTreeMap<String, String>,
    pub zh_stray: Vec<String>,
}

pub struct Syllabus {
    pub format_version: u32,
    pub chapters: Vec<Chapter>,
    /// Every topic file's stem, listed in `chapters.toml` or not.
    pub on_disk: Vec<String>,
    pub stray: Vec<String>,
    pub differences: Vec<Difference>,
    pub glossary: Vec<Term>,
    /// Chinese chapter titles by chapter id, including any for no chapter.
    pub zh_titles: BTreeMap<String, String>,
    /// Every `zh/topics/` file's stem, and its files that are not `.toml`.
    pub zh_on_disk: Vec<String>,
    pub zh_stray: Vec<String>,
}

pub struct Chapter {
    pub id: String,
    pub title: String,
    pub topics: Vec<Topic>,
}

pub struct Topic {
    pub id: String,
    pub file: TopicFile,
    /// None if `zh/topics/<id>.toml` is missing, which `check` reports.
    pub zh: Option<ZhTopicFile>,
}

impl Topic {
    /// Where the topic lives, for error messages.
    pub fn path(&self) -> String {
        format!("topics/{}.toml", self.id)
    }

    pub fn zh_path(&self) -> String {
        format!("zh/topics/{}.toml", self.id)
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
    let zh_chapters: Option<ZhChapters> = parse("zh/chapters.toml", &src.zh_chapters, &mut errors);
    let glossary: Option<Glossary> = parse("zh/glossary.toml", &src.glossary, &mut errors);
    let mut chapters = Vec::new();
    for entry in manifest.as_ref().map_or(&[][..], |m| &m.chapters) {
        let mut topics = Vec::new();
        for id in &entry.topics {
            let path = format!("topics/{id}.toml");
            match src.topics.get(id) {
                None => errors.push(format!("chapters.toml: topic {id} is listed but {path} is missing")),
                Some(text) => {
                    let zh_path = format!("zh/topics/{id}.toml");
                    let zh = src.zh_topics.get(id).and_then(|text| parse(&zh_path, text, &mut errors));
                    if let Some(file) = parse(&path, text, &mut errors) {
                        topics.push(Topic { id: id.clone(), file, zh });
                    }
                }
            }
        }
        chapters.push(Chapter { id: entry.id.clone(), title: entry.title.clone(), topics });
    }
    match (manifest, known, zh_chapters, glossary) {
        (Some(manifest), Some(known), Some(zh_chapters), Some(glossary)) if errors.is_empty() => {
            Ok(Syllabus {
                format_version: manifest.format_version,
                chapters,
                on_disk: src.topics.keys().cloned().collect(),
                stray: src.stray.clone(),
                differences: known.differences,
                glossary: glossary.terms,
                zh_titles: zh_chapters.titles,
                zh_on_disk: src.zh_topics.keys().cloned().collect(),
                zh_stray: src.zh_stray.clone(),
            })
        }
        _ => Err(errors),
    }
}

fn parse<T: DeserializeOwned>(path: &str, text: &str, errors: &mut Vec<String>) -> Option<T> {
    toml::from_str(text).map_err(|e| errors.push(format!("{path}: {e}"))).ok()
}
