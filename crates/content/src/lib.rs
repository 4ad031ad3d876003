//! The lessons as data. Topics live in `topics/*.toml`, ordered by
//! `chapters.toml`; `build.rs` checks them and turns them into the statics
//! below. Look items up with [`topic`], [`snippet`], [`exercise`] and
//! [`card`]. Prose fields are [`Prose`] handles: compiled in natively,
//! fetched by the app per topic and language ([`prose`]).
//!
//! Feature `search-text`: the prose as plain text too (`*_text`), which
//! only the search index's build reads; the app's wasm goes without it.

pub mod prose;
pub mod ui;

pub use prose::{Body, Prose};

/// A group of topics, shown as one heading in the table of contents.
#[derive(Debug, PartialEq, Eq)]
pub struct Chapter {
    pub id: &'static str,
    pub title: &'static str,
    /// The Chinese title; read either through [`Chapter::texts`].
    pub zh: ChapterTexts,
    pub topics: &'static [Topic],
}

/// One lesson page: prose, its snippets, exercises and cards.
#[derive(Debug, PartialEq, Eq)]
pub struct Topic {
    /// URL slug, also the file name under `topics/`.
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence, for the table of contents and search results.
    pub summary: &'static str,
    /// The opening prose, already rendered to HTML at build time.
    pub intro_html: Prose,
    /// The opening prose as plain text, for search.
    #[cfg(feature = "search-text")]
    pub intro_text: &'static str,
    /// What the source article got wrong on this topic (garbled code, wrong
    /// outputs, outdated claims), as HTML; shown at the end of the page.
    pub article_fixes_html: Option<Prose>,
    /// `article_fixes` as plain text, for search.
    #[cfg(feature = "search-text")]
    pub article_fixes_text: Option<&'static str>,
    /// Follow-up questions an interviewer would ask next, briefly answered,
    /// as HTML; shown after the snippets.
    pub follow_ups_html: Option<Prose>,
    /// `follow_ups` as plain text, for search.
    #[cfg(feature = "search-text")]
    pub follow_ups_text: Option<&'static str>,
    /// The texts above in Chinese; read either through [`Topic::texts`].
    pub zh: TopicTexts,
    pub snippets: &'static [Snippet],
    /// Problems to solve, checked by hidden calls; shown after the snippets.
    pub exercises: &'static [Exercise],
    /// Predict-the-output questions.
    pub cards: &'static [Card],
    /// Where the prose above is, in English and in Chinese: [`Topic::body`].
    pub body: [Body; 2],
}

impl Topic {
    /// The file holding this topic's prose in `lang`.
    #[must_use]
    pub fn body(&self, lang: Lang) -> &Body {
        &self.body[usize::from(lang == Lang::Zh)]
    }
}

/// A runnable, editable piece of code with the prose that introduces it.
#[derive(Debug, PartialEq, Eq)]
pub struct Snippet {
    pub id: &'static str,
    pub title: &'static str,
    pub prose_html: Prose,
    /// The prose as plain text, for search.
    #[cfg(feature = "search-text")]
    pub prose_text: &'static str,
    pub code: &'static str,
    /// Exactly what the code prints to stdout, checked by the content test.
    pub expected: &'static str,
    /// The last traceback line, `Kind: message`, for snippets meant to raise.
    pub error: Option<&'static str>,
    /// False for code a browser cannot run (processes, sockets): shown, not run.
    pub runnable: bool,
    /// A caveat shown with the snippet, e.g. why it cannot run in a browser.
    pub note: Option<&'static str>,
    /// Why the output changes from run to run (timings, addresses). If set,
    /// `expected` and `error` are patterns for [`loose_match`].
    pub loose: Option<&'static str>,
    /// The oldest Python that prints `expected` ("3.13"), when the snippet
    /// needs a release newer than the 3.11 reference; `note` says so.
    pub requires_python: Option<&'static str>,
    /// Why RustPython prints something other than CPython here, from
    /// `known-differences.toml`; the UI can show it as a note.
    pub differs: Option<&'static str>,
    /// What RustPython prints instead, when `differs` is set.
    pub rustpython: Option<Output>,
    /// Title, prose and note in Chinese; read either through [`Snippet::texts`].
    pub zh: SnippetTexts,
}

/// A problem the reader solves in code, checked by calls the reader cannot
/// see.
#[derive(Debug, PartialEq, Eq)]
pub struct Exercise {
    /// A slug, unique across all topics: progress is kept under it.
    pub id: &'static str,
    pub title: &'static str,
    pub statement_html: Prose,
    /// The code the editor starts with.
    pub starter: &'static str,
    /// The reference solution; it passes every check.
    pub solution: &'static str,
    /// One to three hints, as HTML, revealed one at a time.
    pub hints_html: &'static [Prose],
    /// Two to eight checks, run after the reader's code.
    pub checks: &'static [Check],
    /// Title, statement and hints in Chinese; read either through [`Exercise::texts`].
    pub zh: ExerciseTexts,
}

/// One hidden test of an exercise.
#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    /// Python whose last line is an expression: the value checked.
    pub call: &'static str,
    /// A Python expression for the value `call` must produce.
    pub expected: &'static str,
}

/// Predict the output: the reader guesses what `code` prints, then runs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Card {
    /// A slug, unique across all topics: progress is kept under it.
    pub id: &'static str,
    pub title: &'static str,
    pub code: &'static str,
    /// Exactly what `code` prints to stdout (CPython 3.11); may be empty.
    pub output: &'static str,
    /// The last traceback line, `Kind: message`, if `code` raises.
    pub error: Option<&'static str>,
    /// Two to four choices, exactly one of them [`Card::answer`]; empty if
    /// the reader types the output instead.
    pub choices: &'static [&'static str],
    pub explanation_html: Prose,
    /// Title and explanation in Chinese; read either through [`Card::texts`].
    pub zh: CardTexts,
}

impl Card {
    /// The output as a choice or a typed guess shows it: without trailing
    /// newlines, which a reader cannot see. build.rs checks the choices
    /// against the same rule.
    #[must_use]
    pub fn answer(&self) -> &'static str {
        self.output.trim_end_matches('\n')
    }
}

/// What a run prints: stdout, and the last traceback line if it raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub stdout: &'static str,
    pub error: Option<&'static str>,
}

impl Snippet {
    /// What CPython prints: `expected` and `error`.
    #[must_use]
    pub fn cpython_output(&self) -> Output {
        Output { stdout: self.expected, error: self.error }
    }

    /// What the RustPython the site ships prints: the known difference if
    /// there is one, otherwise the same as CPython.
    #[must_use]
    pub fn rustpython_output(&self) -> Output {
        self.rustpython.unwrap_or_else(|| self.cpython_output())
    }

    /// Whether a run that printed `stdout` and ended with `error` printed
    /// `want`: exactly, or by [`loose_match`] for a loose snippet.
    #[must_use]
    pub fn matches(&self, want: Output, stdout: &str, error: Option<&str>) -> bool {
        if self.loose.is_none() {
            return want.stdout == stdout && want.error == error;
        }
        loose_match(want.stdout, stdout) && loose_match_error(want.error, error)
    }
}

/// The placeholder of a loose `expected`: any run of characters in a line.
pub const PLACEHOLDER: char = '…';

/// Compares `text` with `pattern` line by line; in `pattern`, each `…`
/// stands for any run of characters (possibly none) that contains no line
/// break. Everything else, line count included, must be identical.
/// `tests/cpython_check.py` and `tests/support/loose.mjs` implement the
/// same rule; all three pass the cases in `tests/loose_match_cases.json`.
#[must_use]
pub fn loose_match(pattern: &str, text: &str) -> bool {
    let (mut want, mut got) = (pattern.split('\n'), text.split('\n'));
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if loose_line(w, g) => {}
            _ => return false,
        }
    }
}

/// [`loose_match`] for a snippet's `error` line, which may be absent: an
/// absent one matches only an absent one.
#[must_use]
pub fn loose_match_error(pattern: Option<&str>, text: Option<&str>) -> bool {
    match (pattern, text) {
        (Some(pattern), Some(text)) => loose_match(pattern, text),
        (pattern, text) => pattern.is_none() && text.is_none(),
    }
}

fn loose_line(pattern: &str, line: &str) -> bool {
    let mut parts = pattern.split(PLACEHOLDER);
    let first = parts.next().unwrap_or("");
    let mut middle: Vec<&str> = parts.collect();
    let Some(last) = middle.pop() else {
        return pattern == line;
    };
    // Stripping the suffix from what follows the prefix keeps them apart.
    let Some(mut rest) = line.strip_prefix(first).and_then(|r| r.strip_suffix(last)) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

// Every text a reader sees exists in English and Chinese (`zh/`): ask an
// item for its language's texts with `texts(lang)`.
mod texts;
pub use texts::{CardTexts, ChapterTexts, ExerciseTexts, Lang, SnippetTexts, TopicTexts};

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// Every topic in reading order, with its chapter.
pub fn topics() -> impl Iterator<Item = (&'static Chapter, &'static Topic)> {
    CHAPTERS.iter().flat_map(|c| c.topics.iter().map(move |t| (c, t)))
}

/// The topic with this id.
#[must_use]
pub fn topic(id: &str) -> Option<(&'static Chapter, &'static Topic)> {
    topics().find(|(_, t)| t.id == id)
}

/// The snippet `snippet_id` of the topic `topic_id`.
#[must_use]
pub fn snippet(topic_id: &str, snippet_id: &str) -> Option<(&'static Topic, &'static Snippet)> {
    let (_, topic) = topic(topic_id)?;
    Some((topic, topic.snippets.iter().find(|s| s.id == snippet_id)?))
}

/// The exercise with this id, and its topic.
#[must_use]
pub fn exercise(id: &str) -> Option<(&'static Topic, &'static Exercise)> {
    topics().find_map(|(_, t)| Some((t, t.exercises.iter().find(|e| e.id == id)?)))
}

/// The card with this id, and its topic.
#[must_use]
pub fn card(id: &str) -> Option<(&'static Topic, &'static Card)> {
    topics().find_map(|(_, t)| Some((t, t.cards.iter().find(|c| c.id == id)?)))
}

/// The first topic: the landing page.
#[must_use]
pub fn first_topic() -> &'static Topic {
    topics().next().expect("the syllabus has at least one topic").1
}

/// The topic before and the topic after this one, across chapters.
#[must_use]
pub fn neighbours(id: &str) -> (Option<&'static Topic>, Option<&'static Topic>) {
    let all: Vec<_> = topics().map(|(_, t)| t).collect();
    let Some(at) = all.iter().position(|t| t.id == id) else { return (None, None) };
    (at.checked_sub(1).map(|i| all[i]), all.get(at + 1).copied())
}

/// The scratchpad's page, `scratch/` ([`page_path`]), beside the topics'
/// (no topic may take this id).
pub const SCRATCH: &str = "scratch";

/// A topic's page in `lang`, relative to the site root: `topic/` (its
/// `index.html`), `zh/topic/` in Chinese. Every page's `<base>` is the site
/// root, so this works from any page.
#[must_use]
pub fn page_path(lang: Lang, topic_id: &str) -> String {
    format!("{}{topic_id}/", lang.dir())
}

/// A snippet, exercise or card on its topic's page, relative to the site
/// root: `topic/#item` (crates/app/src/route.rs parses it; the element's id
/// is `topic-item`, which the app scrolls to).
#[must_use]
pub fn item_path(lang: Lang, topic_id: &str, item_id: &str) -> String {
    format!("{}{topic_id}/#{item_id}", lang.dir())
}

/// Code as a `<pre>` must hold it to show the lines the editor shows: a
/// `<pre>` drops one final newline, which the editor shows as an empty line.
pub fn pre_text(code: &str) -> String {
    if code.ends_with('\n') { format!("{code}\n") } else { code.to_string() }
}

// The build script's steps, for their unit tests (in `build/tests.rs`).
#[cfg(test)]
#[path = "../build/mod.rs"]
mod steps;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_text_keeps_the_editors_empty_last_line() {
        assert_eq!(pre_text("x = 1\n"), "x = 1\n\n");
        assert_eq!(pre_text("x = 1"), "x = 1");
        assert_eq!(pre_text("x\n\n"), "x\n\n\n");
    }

    #[test]
    fn lookups_find_each_item_with_its_topic() {
        let topic = first_topic();
        let first = &topic.snippets[0];
        assert_eq!(snippet(topic.id, first.id), Some((topic, first)));
        assert_eq!(snippet(topic.id, "no-such-snippet"), None);
        assert_eq!(snippet("no-such-topic", first.id), None);
        assert!(exercise("no-such-exercise").is_none() && card("no-such-card").is_none());
        for (_, t) in topics() {
            for e in t.exercises {
                assert_eq!(exercise(e.id), Some((t, e)));
            }
            for c in t.cards {
                assert_eq!(card(c.id), Some((t, c)));
            }
        }
    }

    #[test]
    fn neighbours_cross_chapters_and_stop_at_the_ends() {
        let all: Vec<_> = topics().map(|(_, t)| t).collect();
        assert_eq!(neighbours(all[0].id), (None, Some(all[1])));
        assert_eq!(neighbours(all[all.len() - 1].id), (Some(all[all.len() - 2]), None));
        let boundary = CHAPTERS[0].topics.len();
        assert_eq!(neighbours(all[boundary].id), (Some(all[boundary - 1]), Some(all[boundary + 1])));
        assert_eq!(neighbours("no-such-topic"), (None, None));
    }

    #[test]
    fn a_card_answer_is_its_output_without_trailing_newlines() {
        let any = topics().find_map(|(_, t)| t.cards.first()).unwrap();
        let card = |output| Card { output, ..*any };
        assert_eq!(card("1\n2\n").answer(), "1\n2");
        assert_eq!(card("x\n\n").answer(), "x");
        assert_eq!(card("").answer(), "");
    }

    #[test]
    fn loose_match_passes_the_shared_table() {
        // The same table runs in tests/cpython_check.py and tests/unit/loose.test.mjs.
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/loose_match_cases.json")).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() > 20);
        for case in cases {
            let (pattern, text) = (case["pattern"].as_str(), case["text"].as_str());
            let expected = case["expected"].as_bool().unwrap();
            assert_eq!(loose_match_error(pattern, text), expected, "{case}");
            if let (Some(pattern), Some(text)) = (pattern, text) {
                assert_eq!(loose_match(pattern, text), expected, "{case}");
            }
        }
    }
}
