// Shared by build.rs (indexing) and lib.rs (queries, excerpts), so both
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

/// The prose of a document, a topic's intro (`snippet` is `None`) or one
/// snippet, as plain text in `lang`: what is indexed and what excerpts are
/// cut from. pyplay-content renders the plain text from the Markdown at
/// build time.
pub fn prose(topic: &Topic, snippet: Option<&Snippet>, lang: Lang) -> String {
    let mut parts = Vec::new();
    match snippet {
        None => {
            let t = topic.texts(lang);
            parts.extend([t.summary, t.intro_text]);
            parts.extend(t.article_fixes_text);
            parts.extend(t.follow_ups_text);
            // Exercises and cards have no route of their own to link a hit
            // to, so their titles lead to their topic.
            parts.extend(topic.exercises.iter().map(|e| e.texts(lang).title));
            parts.extend(topic.cards.iter().map(|c| c.texts(lang).title));
        }
        Some(s) => {
            let t = s.texts(lang);
            parts.push(t.prose_text);
            parts.extend(t.note);
        }
    }
    parts.join(" ")
}
