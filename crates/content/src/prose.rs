//! The lessons' prose, kept out of the app's wasm. Each field of prose is a
//! [`Prose`] handle into its topic's body, one per language: natively the
//! bodies are compiled in (the pages, the search index and the tests read
//! them), while the app fetches a topic's body file (`lessons/<topic>.<lang>.
//! <hash>.json`, written by `src/bin/pages.rs`) and [`Body::install`]s it.
//! A reader downloads the prose of the pages read, not of all 82 in two
//! languages.

use std::{cell::RefCell, collections::BTreeMap};

use crate::Lang;

/// One text of prose: HTML rendered from Markdown at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prose {
    pub(crate) topic: u16,
    pub(crate) lang: Lang,
    pub(crate) at: u16,
}

/// A topic's prose in one language: the file it is in, and how many texts.
#[derive(Debug, PartialEq, Eq)]
pub struct Body {
    /// Relative to the site root; the name carries a hash of the content.
    pub file: &'static str,
    pub(crate) topic: u16,
    pub(crate) lang: Lang,
    pub(crate) slots: u16,
}

/// A body file that is not the one its name promises.
#[derive(Debug, PartialEq, Eq)]
pub struct Damaged(pub String);

thread_local! {
    /// Bodies installed at run time, by topic and language. Leaked: each
    /// is a few kilobytes, installed once, and read for the page's life.
    static INSTALLED: RefCell<BTreeMap<(u16, Lang), &'static [String]>> = const { RefCell::new(BTreeMap::new()) };
}

impl Prose {
    /// The HTML. Empty in the app until its topic's body is installed: the
    /// app installs it before it shows the topic.
    #[must_use]
    pub fn html(self) -> &'static str {
        let installed = INSTALLED.with_borrow(|bodies| bodies.get(&(self.topic, self.lang)).copied());
        if let Some(texts) = installed {
            return texts.get(usize::from(self.at)).map_or("", String::as_str);
        }
        compiled(self.topic, self.lang).map_or("", |texts| texts[usize::from(self.at)])
    }
}

impl Body {
    /// Whether [`Prose::html`] has this body's texts.
    #[must_use]
    pub fn is_loaded(&self) -> bool {
        compiled(self.topic, self.lang).is_some()
            || INSTALLED.with_borrow(|bodies| bodies.contains_key(&(self.topic, self.lang)))
    }

    /// Makes the texts of a fetched body file (a JSON array of strings)
    /// this body's. Once is enough; later calls change nothing.
    pub fn install(&self, json: &str) -> Result<(), Damaged> {
        if self.is_loaded() {
            return Ok(());
        }
        let texts: Vec<String> =
            serde_json::from_str(json).map_err(|e| Damaged(format!("{}: {e}", self.file)))?;
        if texts.len() != usize::from(self.slots) {
            return Err(Damaged(format!("{}: {} texts, not {}", self.file, texts.len(), self.slots)));
        }
        let texts: &'static [String] = Box::leak(texts.into_boxed_slice());
        INSTALLED.with_borrow_mut(|bodies| bodies.insert((self.topic, self.lang), texts));
        Ok(())
    }

    /// The file's content: a JSON array of the texts, in handle order;
    /// `None` in wasm, where they are not compiled in.
    #[must_use]
    pub fn json(&self) -> Option<String> {
        serde_json::to_string(compiled(self.topic, self.lang)?).ok()
    }
}

/// A topic's texts in `lang`, where they are compiled in.
#[cfg(not(target_arch = "wasm32"))]
fn compiled(topic: u16, lang: Lang) -> Option<&'static [&'static str]> {
    Some(crate::PROSE.get(usize::from(topic))?[usize::from(lang == Lang::Zh)])
}

#[cfg(target_arch = "wasm32")]
fn compiled(_topic: u16, _lang: Lang) -> Option<&'static [&'static str]> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_body_file_holds_its_topics_texts_under_the_hash_of_them() {
        for (_, topic) in crate::topics() {
            for lang in Lang::ALL {
                let body = topic.body(lang);
                let json = body.json().unwrap();
                let hash = format!("{:016x}", crate::steps::emit::fnv1a(json.as_bytes()));
                assert_eq!(body.file, format!("lessons/{}.{}.{hash}.json", topic.id, lang.code()));
                let texts: Vec<String> = serde_json::from_str(&json).unwrap();
                assert_eq!(texts.len(), usize::from(body.slots));
                assert_eq!(texts[0], topic.texts(lang).intro_html.html(), "{}", body.file);
            }
        }
    }

    #[test]
    fn a_body_is_installed_once_and_a_damaged_one_is_refused() {
        // A body not compiled in, as the app's are: one past the last topic.
        let topic = u16::try_from(crate::topics().count()).unwrap();
        let body = Body { file: "lessons/x.zh.0.json", topic, lang: Lang::Zh, slots: 2 };
        let prose = Prose { topic, lang: Lang::Zh, at: 1 };
        assert!(!body.is_loaded());
        assert_eq!(prose.html(), "");
        assert!(body.install("[\"<p>a</p>\"]").unwrap_err().0.contains("1 texts, not 2"));
        assert!(body.install("{").is_err());
        assert!(!body.is_loaded());
        body.install("[\"<p>a</p>\", \"<p>b</p>\"]").unwrap();
        assert!(body.is_loaded());
        assert_eq!(prose.html(), "<p>b</p>");
        body.install("[\"<p>c</p>\", \"<p>d</p>\"]").unwrap();
        assert_eq!(prose.html(), "<p>b</p>");
    }
}
