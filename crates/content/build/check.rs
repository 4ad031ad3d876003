//! Step 2: the content's rules. Every broken rule is reported, each with
//! its file and id, so one failed build lists everything there is to fix.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Display,
};

use super::{
    load::{Syllabus, Topic},
    schema::{CardFile, ExerciseFile, SnippetFile, ZhTopicFile},
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
    check_chinese(s, &mut errors);
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

// The Chinese (`zh/`). Every text a reader sees has its Chinese; code and
// links must not change with the language, so fenced code and `#/` link
// targets are compared with the English; the glossary keeps one term per
// concept. (tests/zh_check.py held these rules before build.rs did.)

/// Chinese text must be at least this share of the letters (CJK characters
/// plus Latin letters, code and link URLs left out)...
const MIN_CJK_SHARE: f64 = 1.0 / 3.0;
/// ...once there are this many letters: a short text may be all names.
const MIN_LETTERS_TO_JUDGE: usize = 40;

/// A glossary spelling no Chinese text may use, and the term to use instead.
pub struct Avoid<'a> {
    pub word: &'a str,
    pub term: &'a str,
}

fn check_chinese(s: &Syllabus, errors: &mut Vec<String>) {
    let mut p = Problems::new("zh/glossary.toml", errors);
    let mut avoid = Vec::new();
    for term in &s.glossary {
        let mut p = p.within(&term.en);
        p.require(!blank(&term.en) && !blank(&term.zh), "a term needs `en` and `zh`");
        for word in &term.avoid {
            p.require(!blank(word) && !term.zh.contains(word.as_str()), format!("cannot avoid {word:?}"));
            avoid.push(Avoid { word, term: &term.zh });
        }
    }
    let mut p = Problems::new("zh/chapters.toml", errors);
    for chapter in &s.chapters {
        match s.zh_titles.get(&chapter.id) {
            None => p.fail(format!("no title for chapter {}", chapter.id)),
            Some(zh) => check_translation(&chapter.title, zh, &avoid, &mut p.within(&chapter.id)),
        }
    }
    for id in s.zh_titles.keys().filter(|id| !s.chapters.iter().any(|c| &c.id == *id)) {
        p.fail(format!("no chapter {id}"));
    }
    for topic in s.topics() {
        let mut p = Problems::new(topic.zh_path(), errors);
        match &topic.zh {
            None => {
                p.fail(format!("missing: every topic needs its Chinese, as {} has its English", topic.path()))
            }
            Some(zh) => check_zh_topic(topic, zh, &avoid, &mut p),
        }
    }
    for stem in s.zh_on_disk.iter().filter(|id| !s.topics().any(|t| &t.id == *id)) {
        errors.push(format!("zh/topics/{stem}.toml: no such topic in chapters.toml"));
    }
    for name in &s.zh_stray {
        errors.push(format!("zh/topics/{name}: a stray file (zh/topics/ holds only .toml files)"));
    }
}

fn check_zh_topic(topic: &Topic, zh: &ZhTopicFile, avoid: &[Avoid], p: &mut Problems) {
    let f = &topic.file;
    let pairs = [
        ("title", Some(&f.title), &zh.title),
        ("summary", Some(&f.summary), &zh.summary),
        ("intro", Some(&f.intro), &zh.intro),
        ("article_fixes", f.article_fixes.as_ref(), &zh.article_fixes),
        ("follow_ups", f.follow_ups.as_ref(), &zh.follow_ups),
    ];
    for (what, en, zh) in pairs {
        check_field(what, en, zh.as_ref(), avoid, p);
    }
    for s in &f.snippets {
        let mut p = p.within(format!("snippet {}", s.id));
        let Some(zh) = zh.snippets.get(&s.id) else {
            p.fail("no Chinese");
            continue;
        };
        check_field("title", Some(&s.title), zh.title.as_ref(), avoid, &mut p);
        check_field("prose", Some(&s.prose), zh.prose.as_ref(), avoid, &mut p);
        check_field("note", s.note.as_ref(), zh.note.as_ref(), avoid, &mut p);
    }
    for e in &f.exercises {
        let mut p = p.within(format!("exercise {}", e.id));
        let Some(zh) = zh.exercises.get(&e.id) else {
            p.fail("no Chinese");
            continue;
        };
        check_field("title", Some(&e.title), zh.title.as_ref(), avoid, &mut p);
        check_field("statement", Some(&e.statement), zh.statement.as_ref(), avoid, &mut p);
        p.require(
            zh.hints.len() == e.hints.len(),
            format!("{} hints in Chinese, {} in English", zh.hints.len(), e.hints.len()),
        );
        for (i, (en, zh)) in e.hints.iter().zip(&zh.hints).enumerate() {
            check_translation(en, zh, avoid, &mut p.within(format!("hint {}", i + 1)));
        }
    }
    for c in &f.cards {
        let mut p = p.within(format!("card {}", c.id));
        let Some(zh) = zh.cards.get(&c.id) else {
            p.fail("no Chinese");
            continue;
        };
        check_field("title", Some(&c.title), zh.title.as_ref(), avoid, &mut p);
        check_field("explanation", Some(&c.explanation), zh.explanation.as_ref(), avoid, &mut p);
    }
    let extra = |kind: &str, ids: Vec<&String>, english: Vec<&String>, p: &mut Problems| {
        for id in ids.into_iter().filter(|id| !english.contains(id)) {
            p.fail(format!("{kind} {id}: no such {kind} in {}", topic.path()));
        }
    };
    extra("snippet", zh.snippets.keys().collect(), f.snippets.iter().map(|x| &x.id).collect(), p);
    extra("exercise", zh.exercises.keys().collect(), f.exercises.iter().map(|x| &x.id).collect(), p);
    extra("card", zh.cards.keys().collect(), f.cards.iter().map(|x| &x.id).collect(), p);
}

/// A field the English may leave out: the Chinese has it exactly when the
/// English does.
fn check_field(what: &str, en: Option<&String>, zh: Option<&String>, avoid: &[Avoid], p: &mut Problems) {
    match (en, zh) {
        (Some(en), Some(zh)) => check_translation(en, zh, avoid, &mut p.within(what)),
        (Some(_), None) => p.fail(format!("{what}: no Chinese")),
        (None, Some(_)) => p.fail(format!("{what}: the English has none, so the Chinese cannot")),
        (None, None) => {}
    }
}

/// One Chinese text against its English.
pub fn check_translation(en: &str, zh: &str, avoid: &[Avoid], p: &mut Problems) {
    if blank(zh) {
        p.fail("empty");
        return;
    }
    p.require(fences(en) == fences(zh), "fenced code blocks differ from the English");
    let (mut en_links, mut zh_links) = (link_targets_of(en), link_targets_of(zh));
    en_links.sort_unstable();
    zh_links.sort_unstable();
    p.require(
        en_links == zh_links,
        format!("#/ link targets differ from the English: {zh_links:?}, not {en_links:?}"),
    );
    let (cjk, latin) = letters(&prose_only(zh));
    p.require(
        cjk + latin < MIN_LETTERS_TO_JUDGE || cjk as f64 >= MIN_CJK_SHARE * (cjk + latin) as f64,
        format!("mostly Latin text ({cjk} CJK characters, {latin} Latin letters): write it in Chinese"),
    );
    for a in avoid.iter().filter(|a| zh.contains(a.word)) {
        p.fail(format!("uses {:?}; the glossary says {:?}", a.word, a.term));
    }
}

/// The fenced code blocks of `text`: from each ``` to the next, in order.
pub fn fences(text: &str) -> Vec<&str> {
    let marks: Vec<usize> = text.match_indices("```").map(|(i, _)| i).collect();
    marks.chunks_exact(2).map(|pair| &text[pair[0]..pair[1] + 3]).collect()
}

/// Every `](#/…)` link target, whole (query included).
pub fn link_targets_of(text: &str) -> Vec<&str> {
    text.match_indices("](#/")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            let end = rest.find(|c: char| c == ')' || c.is_whitespace())?;
            rest[end..].starts_with(')').then(|| &rest[..end])
        })
        .collect()
}

/// `text` without fenced code, inline code and link URLs: what the
/// language check counts.
pub fn prose_only(text: &str) -> String {
    let marks: Vec<usize> = text.match_indices("```").map(|(i, _)| i).collect();
    let mut unfenced = String::new();
    let mut last = 0;
    for pair in marks.chunks_exact(2) {
        unfenced.push_str(&text[last..pair[0]]);
        last = pair[1] + 3;
    }
    unfenced.push_str(&text[last..]);
    // Inline code runs to the next backtick on the same line; a lone
    // backtick is text.
    let (mut bare, mut rest) = (String::new(), unfenced.as_str());
    while let Some(i) = rest.find('`') {
        let after = &rest[i + 1..];
        match after.find(['`', '\n']) {
            Some(n) if after[n..].starts_with('`') => {
                bare.push_str(&rest[..i]);
                rest = &after[n + 1..];
            }
            _ => {
                bare.push_str(&rest[..=i]);
                rest = after;
            }
        }
    }
    bare.push_str(rest);
    // A link keeps its words and loses its URL: `[words](url)` → `[words]`.
    let (mut out, mut rest) = (String::new(), bare.as_str());
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        match after.find(')') {
            Some(n) => {
                out.push_str(&rest[..=i]);
                rest = &after[n + 1..];
            }
            None => {
                out.push_str(&rest[..i + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// (CJK characters, ASCII letters) in `text`.
pub fn letters(text: &str) -> (usize, usize) {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    (cjk, text.chars().filter(char::is_ascii_alphabetic).count())
}

/// A CJK ideograph (unified, extension A, compatibility).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}
