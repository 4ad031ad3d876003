// Shared by build.rs (indexing) and lib.rs (queries, excerpts), so both
// read text alike.

use pyplay_content::{Snippet, Topic};

/// Lowercased words of `text`: runs of letters, digits and `_`, trimmed of
/// `_`. An identifier with inner `_` also yields its parts, so `heap_push`
/// is found by `push`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        let word = raw.trim_matches('_').to_lowercase();
        if word.is_empty() {
            continue;
        }
        if word.contains('_') {
            out.extend(word.split('_').filter(|p| !p.is_empty()).map(str::to_string));
        }
        out.push(word);
    }
    out
}

/// The prose of a document, a topic's intro (`snippet` is `None`) or one
/// snippet, as plain text: what is indexed and what excerpts are cut from.
/// pyplay-content renders the plain text from the Markdown at build time.
pub fn prose(topic: &Topic, snippet: Option<&Snippet>) -> String {
    let mut parts = Vec::new();
    match snippet {
        None => {
            parts.extend([topic.summary, topic.intro_text]);
            parts.extend(topic.article_fixes_text);
            // Exercises and cards have no route of their own to link a hit
            // to, so their titles lead to their topic.
            parts.extend(topic.exercises.iter().map(|e| e.title));
            parts.extend(topic.cards.iter().map(|c| c.title));
        }
        Some(s) => {
            parts.push(s.prose_text);
            parts.extend(s.note);
        }
    }
    parts.join(" ")
}
