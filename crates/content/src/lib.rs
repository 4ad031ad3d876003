//! The lessons as data. Topics live in `topics/*.toml`, ordered by
//! `chapters.toml`; `build.rs` turns them into the statics below.

/// A group of topics, shown as one heading in the table of contents.
#[derive(Debug, PartialEq, Eq)]
pub struct Chapter {
    pub id: &'static str,
    pub title: &'static str,
    pub topics: &'static [Topic],
}

/// One lesson page: prose and its snippets.
#[derive(Debug, PartialEq, Eq)]
pub struct Topic {
    /// URL slug, also the file name under `topics/`.
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence, for the table of contents and search results.
    pub summary: &'static str,
    /// The opening prose, already rendered to HTML at build time.
    pub intro_html: &'static str,
    pub snippets: &'static [Snippet],
}

/// A runnable, editable piece of code with the prose that introduces it.
#[derive(Debug, PartialEq, Eq)]
pub struct Snippet {
    pub id: &'static str,
    pub title: &'static str,
    pub prose_html: &'static str,
    pub code: &'static str,
    /// Exactly what the code prints to stdout, checked by the content test.
    pub expected: &'static str,
    /// The last traceback line, `Kind: message`, for snippets meant to raise.
    pub error: Option<&'static str>,
    /// False for code a browser cannot run (processes, sockets): shown, not run.
    pub runnable: bool,
    /// A caveat shown with the snippet, e.g. why it cannot run in a browser.
    pub note: Option<&'static str>,
}

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

/// The first topic: the landing page.
#[must_use]
pub fn first_topic() -> &'static Topic {
    topics().next().expect("the syllabus has at least one topic").1
}
