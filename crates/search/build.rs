//! Builds the search index from the compiled lessons: one document per topic
//! intro (with the titles of its exercises and cards) and per snippet, each
//! with three fields (title, prose, code), and an inverted index from word to
//! postings, written as statics to OUT_DIR. The prose is the plain text
//! pyplay-content made from the Markdown (`text::prose`). A document's
//! fields hold both languages' texts, so a query in either finds it.

use std::{collections::BTreeMap, fmt::Write as _, fs, path::Path};

use pyplay_content::Lang;

#[path = "src/text.rs"]
#[allow(dead_code, reason = "query_tokens is for queries, in lib.rs")]
mod text;

/// What is indexed; only the positions are written out, the text stays in
/// pyplay-content.
struct Doc {
    topic: usize,
    snippet: Option<usize>,
    title: String,
    prose: String,
    code: &'static str,
}

/// The text of every language, one after the other.
fn both(text: impl Fn(Lang) -> String) -> String {
    Lang::ALL.map(text).join(" ")
}

fn main() {
    let mut docs = Vec::new();
    for (ti, (_, topic)) in pyplay_content::topics().enumerate() {
        let title = both(|l| topic.texts(l).title.to_string());
        let prose = both(|l| text::prose(topic, None, l));
        docs.push(Doc { topic: ti, snippet: None, title, prose, code: "" });
        for (si, snippet) in topic.snippets.iter().enumerate() {
            let title = both(|l| snippet.texts(l).title.to_string());
            let prose = both(|l| text::prose(topic, Some(snippet), l));
            docs.push(Doc { topic: ti, snippet: Some(si), title, prose, code: snippet.code });
        }
    }

    // word -> doc -> [title, prose, code] counts
    let mut index: BTreeMap<String, BTreeMap<usize, [u8; 3]>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        for (field, text) in [&doc.title, &doc.prose, doc.code].into_iter().enumerate() {
            for word in text::tokens(text) {
                let counts = index.entry(word).or_default().entry(i).or_insert([0; 3]);
                counts[field] = counts[field].saturating_add(1);
            }
        }
    }

    let mut out = String::new();
    out.push_str("static DOCS: &[Doc] = &[\n");
    for d in &docs {
        writeln!(out, "Doc {{ topic: {}, snippet: {:?} }},", d.topic, d.snippet).unwrap();
    }
    out.push_str("];\n");
    // Sorted by word, so a prefix is a contiguous range (binary search).
    out.push_str("static TERMS: &[(&str, &[Posting])] = &[\n");
    for (word, postings) in &index {
        write!(out, "({word:?}, &[").unwrap();
        for (doc, [t, p, c]) in postings {
            write!(out, "({doc},{t},{p},{c}),").unwrap();
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let path = Path::new(&std::env::var("OUT_DIR").unwrap()).join("index.rs");
    fs::write(path, out).unwrap();
}
