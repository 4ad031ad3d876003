//! Step 2: the content's rules. Every broken rule is reported, each with
//! its file and id, so one failed build lists everything there is to fix.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Display,
};

use super::{
    load::{Syllabus, Topic},
    schema::{CardFile, ExerciseFile, SnippetFile},
};

/// Collects problems, each prefixed with where it was found.
pub struct Problems<'a> {
    at: String,
    list: &'a mut Vec<String>,
}

impl<'a> Problems<'a> {
    pub fn new(at: impl Display, list: &'a mut Vec<String>) -> Self {
        Problems { at: at.to_string(), list }
    }

    pub fn fail(&mut self, what: impl Display) {
        self.list.push(format!("{}: {what}", self.at));
    }

    /// Records `what` unless `ok`.
    pub fn require(&mut self, ok: bool, what: impl Display) {
        if !ok {
            self.fail(what);
        }
    }

    /// Problems of a part of this item ("snippet x").
    pub fn within(&mut self, part: impl Display) -> Problems<'_> {
        Problems { at: format!("{}: {part}", self.at), list: self.list }
    }
}

/// Every problem with the syllabus; empty if it may be compiled.
pub fn check(s: &Syllabus) -> Vec<String> {
    let mut errors = Vec::new();
    check_listing(s, &mut Problems::new("chapters.toml", &mut errors));
    for name in &s.stray {
        errors.push(format!("topics/{name}: a stray file (topics/ holds only .toml files)"));
    }
    // The page's element id of a snippet and the browser tests' selector.
    let mut anchors = BTreeSet::new();
    for topic in s.topics() {
        check_topic(topic, &mut anchors, &mut Problems::new(topic.path(), &mut errors));
    }
    check_unique(s, "exercise", |t| t.file.exercises.iter().map(|e| &e.id).collect(), &mut errors);
    check_unique(s, "card", |t| t.file.cards.iter().map(|c| &c.id).collect(), &mut errors);
    check_differences(s, &mut Problems::new("known-differences.toml", &mut errors));
    for topic in s.topics() {
        check_links(s, topic, &mut Problems::new(topic.path(), &mut errors));
    }
    errors
}

/// Everything a `#/…` link in the prose may name: topics, and each
/// topic's snippets, exercises and cards (their page anchors), plus the
/// app's own pages.
fn link_targets(s: &Syllabus) -> BTreeSet<String> {
    let mut targets: BTreeSet<String> = ["", "scratch", "progress", "search"].map(String::from).into();
    for topic in s.topics() {
        let f = &topic.file;
        targets.insert(topic.id.clone());
        let items = f.snippets.iter().map(|x| &x.id).chain(f.exercises.iter().map(|x| &x.id));
        for id in items.chain(f.cards.iter().map(|x| &x.id)) {
            targets.insert(format!("{}/{id}", topic.id));
        }
    }
    targets
}

/// The `#/…` targets of Markdown links in `text`, query dropped.
pub fn internal_links(text: &str) -> Vec<&str> {
    text.match_indices("](#/")
        .filter_map(|(at, _)| {
            let rest = &text[at + 4..];
            let end = rest.find([')', '?', ' '])?;
            Some(rest[..end].trim_end_matches('/'))
        })
        .collect()
}

/// Every `](#/topic/item)` in the topic's Markdown leads somewhere.
fn check_links(s: &Syllabus, topic: &Topic, p: &mut Problems) {
    let targets = link_targets(s);
    let f = &topic.file;
    let texts = [Some(&f.intro), f.article_fixes.as_ref(), f.follow_ups.as_ref()].into_iter().flatten();
    let texts = texts
        .chain(f.snippets.iter().map(|x| &x.prose))
        .chain(f.exercises.iter().flat_map(|e| std::iter::once(&e.statement).chain(&e.hints)))
        .chain(f.cards.iter().map(|c| &c.explanation));
    for text in texts {
        for link in internal_links(text) {
            p.require(targets.contains(link), format!("the link #/{link} leads nowhere"));
        }
    }
}

fn check_listing(s: &Syllabus, p: &mut Problems) {
    p.require(s.format_version == 1, format!("unknown format_version {}", s.format_version));
    let mut chapters = BTreeSet::new();
    let mut listed = BTreeSet::new();
    for chapter in &s.chapters {
        p.require(is_slug(&chapter.id), format!("chapter id {:?} must be a lowercase slug", chapter.id));
        p.require(chapters.insert(&chapter.id), format!("chapter {} appears twice", chapter.id));
        for topic in &chapter.topics {
            p.require(is_slug(&topic.id), format!("topic id {:?} must be a lowercase slug", topic.id));
            p.require(listed.insert(&topic.id), format!("topic {} is listed twice", topic.id));
        }
    }
    let unlisted: Vec<_> = s.on_disk.iter().filter(|t| !listed.contains(t)).collect();
    p.require(unlisted.is_empty(), format!("topics not listed in any chapter: {unlisted:?}"));
}

fn check_topic(topic: &Topic, anchors: &mut BTreeSet<String>, p: &mut Problems) {
    let f = &topic.file;
    for (what, text) in [("title", &f.title), ("summary", &f.summary), ("intro", &f.intro)] {
        p.require(!blank(text), format!("empty {what}"));
    }
    for (what, text) in [("article_fixes", &f.article_fixes), ("follow_ups", &f.follow_ups)] {
        p.require(text.as_deref().is_none_or(|t| !blank(t)), format!("empty {what} (leave it out instead)"));
    }
    p.require(f.snippets.iter().any(|s| s.runnable), "every topic needs at least one runnable snippet");
    let mut ids = BTreeSet::new();
    for s in &f.snippets {
        let mut p = p.within(format!("snippet {}", s.id));
        if ids.insert(&s.id) {
            let anchor = format!("{}-{}", topic.id, s.id);
            p.require(anchors.insert(anchor.clone()), format!("its anchor {anchor} is taken"));
        } else {
            p.fail("appears twice in this topic");
        }
        check_snippet(s, &mut p);
    }
    for e in &f.exercises {
        let anchor = format!("{}-{}", topic.id, e.id);
        p.require(anchors.insert(anchor.clone()), format!("exercise {}: its anchor {anchor} is taken", e.id));
        check_exercise(e, &mut p.within(format!("exercise {}", e.id)));
    }
    for c in &f.cards {
        let anchor = format!("{}-{}", topic.id, c.id);
        p.require(anchors.insert(anchor.clone()), format!("card {}: its anchor {anchor} is taken", c.id));
        check_card(c, &mut p.within(format!("card {}", c.id)));
    }
}

pub fn check_snippet(s: &SnippetFile, p: &mut Problems) {
    p.require(is_slug(&s.id), "the id must be a lowercase slug");
    for (what, text) in [("title", &s.title), ("prose", &s.prose), ("code", &s.code)] {
        p.require(!blank(text), format!("empty {what}"));
    }
    p.require(s.note.as_deref().is_none_or(|n| !blank(n)), "empty note");
    p.require(s.runnable || s.note.is_some(), "say in `note` why it cannot run here");
    p.require(
        !s.runnable || !blank(&s.expected) || s.error.is_some(),
        "a runnable snippet must print something or raise",
    );
    if let Some(why) = &s.loose {
        p.require(s.runnable && !blank(why), "`loose` needs a reason and a runnable snippet");
        p.require(
            s.expected.contains('…') || s.error.as_deref().is_some_and(|e| e.contains('…')),
            "a loose snippet needs a … placeholder in `expected` or `error`",
        );
    }
    if let Some(version) = &s.requires_python {
        let minor = version.strip_prefix("3.").and_then(|m| m.parse::<u32>().ok());
        p.require(
            minor.is_some_and(|m| (12..=14).contains(&m)),
            "requires_python must be \"3.12\" to \"3.14\", newer than the 3.11 reference",
        );
        p.require(
            s.note.as_deref().is_some_and(|n| n.contains(version.as_str())),
            format!("a snippet that requires Python {version} must say so in its `note`"),
        );
    }
}

pub fn check_exercise(e: &ExerciseFile, p: &mut Problems) {
    p.require(is_slug(&e.id), "the id must be a lowercase slug");
    for (what, text) in [("title", &e.title), ("statement", &e.statement), ("solution", &e.solution)] {
        p.require(!blank(text), format!("empty {what}"));
    }
    p.require((1..=3).contains(&e.hints.len()), format!("needs 1 to 3 hints, has {}", e.hints.len()));
    for (i, hint) in e.hints.iter().enumerate() {
        p.require(!blank(hint), format!("hint {} is empty", i + 1));
    }
    p.require((2..=8).contains(&e.checks.len()), format!("needs 2 to 8 checks, has {}", e.checks.len()));
    for (i, check) in e.checks.iter().enumerate() {
        let mut p = p.within(format!("check {}", i + 1));
        p.require(!blank(&check.expected), "empty expected");
        match check.call.lines().rfind(|l| !blank(l)) {
            None => p.fail("empty call"),
            Some(last) => p.require(
                is_expression(last),
                format!("the last line of `call`, {last:?}, must be an expression: its value is compared with `expected`"),
            ),
        }
    }
}

pub fn check_card(c: &CardFile, p: &mut Problems) {
    p.require(is_slug(&c.id), "the id must be a lowercase slug");
    for (what, text) in [("title", &c.title), ("code", &c.code), ("explanation", &c.explanation)] {
        p.require(!blank(text), format!("empty {what}"));
    }
    if let Some(error) = &c.error {
        let kind = error.split(':').next().unwrap_or_default();
        p.require(
            !error.contains('\n') && kind.split('.').all(is_identifier),
            format!("error {error:?} must be one traceback line, `Kind: message`"),
        );
    }
    if let Some(choices) = &c.choices {
        p.require((2..=4).contains(&choices.len()), format!("needs 2 to 4 choices, has {}", choices.len()));
        let answer = c.output.trim_end_matches('\n');
        let right = choices.iter().filter(|ch| *ch == answer).count();
        p.require(
            right == 1,
            format!(
                "exactly one choice must be the output without its trailing newline, {answer:?}; {right} are"
            ),
        );
        let distinct: BTreeSet<_> = choices.iter().collect();
        p.require(distinct.len() == choices.len(), "two choices are the same");
    }
}

/// Ids of one kind (`what`) that `ids` gives for each topic are unique
/// across all topics: progress is stored under them.
fn check_unique<'a>(
    s: &'a Syllabus,
    what: &str,
    ids: impl Fn(&'a Topic) -> Vec<&'a String>,
    errors: &mut Vec<String>,
) {
    let mut seen: BTreeMap<&String, String> = BTreeMap::new();
    for topic in s.topics() {
        for id in ids(topic) {
            if let Some(first) = seen.insert(id, topic.path()) {
                errors.push(format!("{}: {what} {id}: the id is already used in {first}", topic.path()));
            }
        }
    }
}

fn check_differences(s: &Syllabus, p: &mut Problems) {
    let snippets: BTreeMap<String, &SnippetFile> = s
        .topics()
        .flat_map(|t| t.file.snippets.iter().map(move |sn| (format!("{}/{}", t.id, sn.id), sn)))
        .collect();
    let mut seen = BTreeSet::new();
    for d in &s.differences {
        let mut p = p.within(&d.snippet);
        p.require(!blank(&d.reason), "needs a reason");
        p.require(seen.insert(&d.snippet), "listed twice");
        match snippets.get(&d.snippet) {
            None => p.fail("no such snippet"),
            Some(sn) => {
                p.require(sn.runnable, "the snippet is not runnable");
                p.require(
                    d.stdout != sn.expected || d.error != sn.error,
                    "gives the same output as `expected`",
                );
            }
        }
    }
}

/// Whether a line of Python can be an expression statement: not indented,
/// not a statement keyword, not an assignment. A heuristic for early,
/// readable errors; running the checks is the real test.
pub fn is_expression(line: &str) -> bool {
    const STATEMENTS: &[&str] = &[
        "assert", "async", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
        "for", "from", "global", "if", "import", "nonlocal", "pass", "raise", "return", "try", "while",
        "with",
    ];
    let first = line.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or_default();
    !line.starts_with(char::is_whitespace)
        && !STATEMENTS.contains(&first)
        && (first == "lambda" || !assigns(line))
}

/// Whether `line` has an `=` (or `+=` and the like) outside brackets and
/// strings, which makes it an assignment.
fn assigns(line: &str) -> bool {
    let (mut depth, mut quote, mut escaped) = (0_i32, None, false);
    let mut prev = ' ';
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                '\'' | '"' => quote = Some(c),
                '#' => return false,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                '=' if depth == 0 && !"=!<>:".contains(prev) && chars.get(i + 1) != Some(&'=') => {
                    return true;
                }
                _ => {}
            }
        }
        prev = c;
    }
    false
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_identifier(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

pub fn blank(s: &str) -> bool {
    s.trim().is_empty()
}
