//! Building the index: native only, at build time (`src/bin/search-index.rs`),
//! from the lessons' plain text (pyplay-content's `search-text`), which the
//! app's wasm goes without: its excerpts come from the HTML
//! ([`crate::text::shown_prose`]).

use std::collections::BTreeMap;

use pyplay_content::{Lang, Snippet, Topic};

use crate::{Doc, Index, text};

impl Index {
    /// Indexes every topic intro (with the titles of its exercises and
    /// cards) and every snippet, each by title, prose and code. Run at build
    /// time; the app reads the result with [`Index::from_bytes`].
    #[must_use]
    pub fn build() -> Self {
        let mut docs = Vec::new();
        let mut index: BTreeMap<String, BTreeMap<u16, [u8; 3]>> = BTreeMap::new();
        for (ti, (_, topic)) in pyplay_content::topics().enumerate() {
            let units = std::iter::once(None).chain(topic.snippets.iter().enumerate().map(Some));
            for unit in units {
                let snippet = unit.map(|(_, s)| s);
                let title = |l| snippet.map_or(topic.texts(l).title, |s| s.texts(l).title);
                // A document's fields hold every language, so a query in either finds it.
                let fields = [
                    Lang::ALL.map(title).join(" "),
                    Lang::ALL.map(|l| prose(topic, snippet, l)).join(" "),
                    snippet.map_or("", |s| s.code).into(),
                ];
                let doc = u16::try_from(docs.len()).expect("fewer than 65536 documents");
                docs.push(Some(Doc { topic: ti, snippet: unit.map(|(si, _)| si) }));
                for (field, text) in fields.iter().enumerate() {
                    for word in text::tokens(text) {
                        let counts = index.entry(word).or_default().entry(doc).or_insert([0; 3]);
                        counts[field] = counts[field].saturating_add(1);
                    }
                }
            }
        }
        let terms = index
            .into_iter()
            .map(|(word, postings)| {
                (word.into(), postings.into_iter().map(|(d, [t, p, c])| (d, t, p, c)).collect())
            })
            .collect();
        Self { docs, terms }
    }
}

/// The prose of a document, a topic's intro (`snippet` is `None`) or one
/// snippet, as plain text in `lang`: what is indexed. pyplay-content renders
/// the plain text from the Markdown at build time.
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
