// Shared by indexer.rs (building) and lib.rs (queries), so both
// read text alike.

use pyplay_content::{Lang, Snippet, Topic};

/// Lowercased words of `text`, for the index: runs of letters, digits and
/// `_`, trimmed of `_`. An identifier with inner `_` also yields its parts,
/// so `heap_push` is found by `push`. Chinese has no spaces between words,
/// so a run of CJK characters yields each character and each pair of
/// neighbours (a query is matched by its pairs, [`query_tokens`]).
pub fn tokens(text: &str) -> Vec<String> {
    words(text, false)
}

/// The words of a query: as [`tokens`], except that a CJK run of two or
/// more characters gives only its pairs, which find it more precisely than
/// single characters would.
pub fn query_tokens(text: &str) -> Vec<String> {
    words(text, true)
}

fn words(text: &str, query: bool) -> Vec<String> {
    let mut out = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Word(word) => word_tokens(word, &mut out),
            Piece::Cjk(run) => {
                let chars: Vec<char> = run.chars().collect();
                if !query || chars.len() == 1 {
                    out.extend(chars.iter().map(char::to_string));
                }
                out.extend(chars.windows(2).map(|w| w.iter().collect()));
            }
        }
    }
    out
}

enum Piece<'a> {
    Word(&'a str),
    Cjk(&'a str),
}

/// Runs of word characters, split where CJK characters start and end.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        let mut rest = raw;
        while let Some(first) = rest.chars().next() {
            let cjk = is_cjk(first);
            let end = rest.find(|c: char| is_cjk(c) != cjk).unwrap_or(rest.len());
            out.push(if cjk { Piece::Cjk(&rest[..end]) } else { Piece::Word(&rest[..end]) });
            rest = &rest[end..];
        }
    }
    out
}

fn word_tokens(raw: &str, out: &mut Vec<String>) {
    let word = raw.trim_matches('_').to_lowercase();
    if word.is_empty() {
        return;
    }
    if word.contains('_') {
        out.extend(word.split('_').filter(|p| !p.is_empty()).map(str::to_string));
    }
    out.push(word);
}

/// A CJK ideograph (unified, extension A, compatibility), as
/// pyplay-content's language check counts them.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The prose of a document as the reader sees it, in `lang`: what excerpts
/// are cut from. The app's lessons carry the HTML only, so the text is
/// taken from it; a test holds it equal to the plain text the index is
/// built from (`indexer::prose`). In the app, only what is in the topic's
/// summary and titles until its body is installed (`pyplay_content::prose`).
pub fn shown_prose(topic: &Topic, snippet: Option<&Snippet>, lang: Lang) -> String {
    let mut parts = Vec::new();
    match snippet {
        None => {
            let t = topic.texts(lang);
            parts.push(t.summary.to_string());
            parts.extend(
                [Some(t.intro_html), t.article_fixes_html, t.follow_ups_html]
                    .into_iter()
                    .flatten()
                    .map(|p| html_text(p.html())),
            );
            parts.extend(topic.exercises.iter().map(|e| e.texts(lang).title.to_string()));
            parts.extend(topic.cards.iter().map(|c| c.texts(lang).title.to_string()));
        }
        Some(s) => {
            let t = s.texts(lang);
            parts.push(html_text(t.prose_html.html()));
            parts.extend(t.note.map(str::to_string));
        }
    }
    parts.join(" ")
}

/// The text of HTML that pyplay-content rendered from Markdown: tags
/// dropped (a block's is a space, an inline one's nothing, as the build's
/// plain text has it), the entities its renderer writes decoded, and
/// whitespace runs made one space.
fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or_default();
        if !INLINE_TAGS.contains(&name) {
            text.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tags inside a word ("**re**draw"), which must not split it.
const INLINE_TAGS: [&str; 7] = ["em", "strong", "del", "sup", "sub", "a", "code"];
