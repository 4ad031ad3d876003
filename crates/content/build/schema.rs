//! The shapes of `chapters.toml`, `topics/*.toml`,
//! `known-differences.toml` and the Chinese in `zh/`. Every struct denies
//! unknown fields, so a misspelt key fails the build instead of being
//! silently dropped.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format_version: u32,
    pub chapters: Vec<ChapterEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterEntry {
    pub id: String,
    pub title: String,
    pub topics: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    pub title: String,
    pub summary: String,
    pub intro: String,
    /// Markdown: what the source article got wrong on this topic.
    pub article_fixes: Option<String>,
    /// Markdown: the questions an interviewer would ask next, each answered
    /// briefly; shown after the snippets.
    pub follow_ups: Option<String>,
    #[serde(default)]
    pub snippets: Vec<SnippetFile>,
    #[serde(default)]
    pub exercises: Vec<ExerciseFile>,
    #[serde(default)]
    pub cards: Vec<CardFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnippetFile {
    pub id: String,
    pub title: String,
    pub prose: String,
    pub code: String,
    pub expected: String,
    pub error: Option<String>,
    #[serde(default = "yes")]
    pub runnable: bool,
    pub note: Option<String>,
    /// Why the output varies between runs; `…` in `expected`/`error` then
    /// matches any run of characters within a line.
    pub loose: Option<String>,
    /// The oldest Python whose output `expected` is ("3.13"), for code that
    /// needs a release newer than the 3.11 reference. The CPython check
    /// skips it on older interpreters; RustPython (which tracks 3.14) still
    /// checks it.
    pub requires_python: Option<String>,
}

/// `[[exercises]]`: a problem the reader solves, checked by hidden calls.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    /// Unique across all topics: progress is stored under it.
    pub id: String,
    pub title: String,
    /// Markdown.
    pub statement: String,
    pub starter: String,
    pub solution: String,
    /// Markdown each, revealed one at a time.
    pub hints: Vec<String>,
    pub checks: Vec<CheckFile>,
}

/// `[[exercises.checks]]`: Python run after the reader's code; the value of
/// its last line is compared with `expected`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckFile {
    pub call: String,
    /// A Python expression for the value `call` must produce.
    pub expected: String,
}

/// `[[cards]]`: predict the output of a piece of code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardFile {
    /// Unique across all topics: progress is stored under it.
    pub id: String,
    pub title: String,
    pub code: String,
    /// Exactly what `code` prints to stdout (CPython 3.11).
    pub output: String,
    /// The last traceback line, `Kind: message`, if `code` raises.
    pub error: Option<String>,
    /// Multiple choice; exactly one equals `output` without its trailing
    /// newlines. Without choices the reader types the output.
    pub choices: Option<Vec<String>>,
    /// Markdown.
    pub explanation: String,
}

/// `known-differences.toml`: snippets whose RustPython output differs from
/// CPython's, with what RustPython prints instead.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownDifferences {
    #[serde(default)]
    pub differences: Vec<Difference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Difference {
    /// `topic-id/snippet-id`.
    pub snippet: String,
    pub reason: String,
    pub stdout: String,
    pub error: Option<String>,
}

fn yes() -> bool {
    true
}

/// `zh/chapters.toml`: each chapter's title in Chinese, by chapter id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZhChapters {
    pub titles: BTreeMap<String, String>,
}

/// `zh/glossary.toml`: one Chinese term per concept.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub en: String,
    pub zh: String,
    /// Other spellings of the same concept, which no Chinese text may use.
    #[serde(default)]
    pub avoid: Vec<String>,
}

/// `zh/topics/<id>.toml`: the Chinese of every text of `topics/<id>.toml`
/// a reader sees, items keyed by their ids. Every field is optional here
/// so that `check` can name each missing one rather than stop at the
/// first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZhTopicFile {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub intro: Option<String>,
    pub article_fixes: Option<String>,
    pub follow_ups: Option<String>,
    #[serde(default)]
    pub snippets: BTreeMap<String, ZhSnippet>,
    #[serde(default)]
    pub exercises: BTreeMap<String, ZhExercise>,
    #[serde(default)]
    pub cards: BTreeMap<String, ZhCard>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZhSnippet {
    pub title: Option<String>,
    pub prose: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZhExercise {
    pub title: Option<String>,
    pub statement: Option<String>,
    #[serde(default)]
    pub hints: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZhCard {
    pub title: Option<String>,
    pub explanation: Option<String>,
}
