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
    /// What the source article got wrong on this topic (garbled code, wrong
    /// outputs, outdated claims), as HTML; shown at the end of the page.
    pub article_fixes_html: Option<&'static str>,
    /// Follow-up questions an interviewer would ask next, briefly answered,
    /// as HTML; shown after the snippets.
    pub follow_ups_html: Option<&'static str>,
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
        loose_match(want.stdout, stdout)
            && match (want.error, error) {
                (Some(w), Some(e)) => loose_match(w, e),
                (w, e) => w.is_none() && e.is_none(),
            }
    }
}

/// The placeholder of a loose `expected`: any run of characters in a line.
pub const PLACEHOLDER: char = '…';

/// Compares `text` with `pattern` line by line; in `pattern`, each `…`
/// stands for any run of characters (possibly none) that contains no line
/// break. Everything else, line count included, must be identical.
/// `tests/cpython_check.py` and `tests/e2e/lessons.test.mjs` implement the
/// same rule.
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

#[cfg(test)]
mod tests {
    use super::loose_match;

    #[test]
    fn loose_match_accepts_any_characters_at_a_placeholder() {
        assert!(loose_match("took … ms\n", "took 12.5 ms\n"));
        assert!(loose_match("took … ms\n", "took  ms\n"));
        assert!(loose_match("<Foo at 0x…>\nid …\n", "<Foo at 0x7f3a9c>\nid 140234\n"));
        assert!(loose_match("… and …", "a and b"));
        assert!(loose_match("…", ""));
        assert!(loose_match("exact\n", "exact\n"));
    }

    #[test]
    fn loose_match_rejects_wrong_output() {
        // Wrong fixed text around the placeholder.
        assert!(!loose_match("took … ms\n", "took 12.5 s\n"));
        assert!(!loose_match("took … ms\n", "spent 12.5 ms\n"));
        // A placeholder never spans lines, and line counts must agree.
        assert!(!loose_match("a…b\n", "a\nb\n"));
        assert!(!loose_match("x …\n", "x 1\nx 2\n"));
        assert!(!loose_match("x …\n", "x 1"));
        // Prefix and suffix may not overlap: "ab" is not "ab…b".
        assert!(!loose_match("ab…b", "ab"));
        // Middle parts must appear in order.
        assert!(!loose_match("…b…a…", "ab"));
        assert!(!loose_match("exact\n", "exacT\n"));
    }
}
