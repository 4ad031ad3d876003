//! The reader's edits, kept in `localStorage` across reloads.
//!
//! Schema v1: key `pyplay:v1:code:<topic>/<snippet>`, value the edited code
//! as plain text. Only edited snippets have a key: code back to the lesson's
//! original removes it, so a fixed lesson reaches everyone who did not edit
//! it. A new schema gets a new prefix; old keys are simply ignored.

/// Prefix of every key this version writes.
pub const PREFIX: &str = "pyplay:v1:code:";

/// The key of one snippet's edited code.
pub fn code_key(topic: &str, snippet: &str) -> String {
    format!("{PREFIX}{topic}/{snippet}")
}

/// What saving `code` amounts to.
#[derive(Debug, PartialEq, Eq)]
pub enum Write<'a> {
    Set(String, &'a str),
    Remove(String),
}

/// Saving the original removes the key instead of storing a copy.
pub fn plan<'a>(topic: &str, snippet: &str, code: &'a str, original: &str) -> Write<'a> {
    let key = code_key(topic, snippet);
    if code == original { Write::Remove(key) } else { Write::Set(key, code) }
}

/// The colour theme the reader picked (`light` or `dark`); no key means
/// follow the system. www/theme.js reads the same key before first paint.
pub const THEME_KEY: &str = "pyplay:v1:theme";

/// The saved theme, if any.
pub fn load_theme() -> Option<String> {
    local_storage()?.get_item(THEME_KEY).ok().flatten()
}

/// Saves a theme; `None` (follow the system) removes the key.
pub fn save_theme(theme: Option<&str>) {
    let Some(storage) = local_storage() else { return };
    let _ = match theme {
        Some(theme) => storage.set_item(THEME_KEY, theme),
        None => storage.remove_item(THEME_KEY),
    };
}

/// The topic the reader last opened, for "Continue where you left off".
pub const LAST_TOPIC_KEY: &str = "pyplay:v1:last-topic";

pub fn load_last_topic() -> Option<String> {
    local_storage()?.get_item(LAST_TOPIC_KEY).ok().flatten()
}

pub fn save_last_topic(topic: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LAST_TOPIC_KEY, topic);
    }
}

/// The reader's practice; a damaged value counts as none.
pub fn load_progress() -> crate::progress::Progress {
    local_storage()
        .and_then(|s| s.get_item(crate::progress::KEY).ok().flatten())
        .and_then(|text| crate::progress::Progress::from_json(&text).ok())
        .unwrap_or_default()
}

pub fn save_progress(progress: &crate::progress::Progress) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(crate::progress::KEY, &progress.to_json());
    }
}

/// `None` when storage is unavailable (private mode, disabled, sandboxed).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The reader's saved edit of a snippet, if any.
pub fn load_code(topic: &str, snippet: &str) -> Option<String> {
    local_storage()?.get_item(&code_key(topic, snippet)).ok().flatten()
}

/// Whether the reader saved an edit of any code on this topic's page.
pub fn has_saved_code(topic: &str) -> bool {
    let Some(storage) = local_storage() else { return false };
    let prefix = code_key(topic, "");
    (0..storage.length().unwrap_or(0))
        .any(|i| storage.key(i).ok().flatten().is_some_and(|key| key.starts_with(&prefix)))
}

/// Saves (or forgets) a snippet's code; storage errors (quota, disabled)
/// only cost persistence, never the edit on screen.
pub fn save_code(topic: &str, snippet: &str, code: &str, original: &str) {
    let Some(storage) = local_storage() else { return };
    let _ = match plan(topic, snippet, code, original) {
        Write::Set(key, value) => storage.set_item(&key, value),
        Write::Remove(key) => storage.remove_item(&key),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_versioned_and_name_the_snippet() {
        assert_eq!(code_key("enum", "basics"), "pyplay:v1:code:enum/basics");
        assert!(code_key("enum", "basics").starts_with(PREFIX));
        // Distinct snippets never share a key.
        assert_ne!(code_key("a-b", "c"), code_key("a", "b-c"));
    }

    #[test]
    fn an_edit_is_stored_and_the_original_removes_the_key() {
        assert_eq!(
            plan("enum", "basics", "print(2)", "print(1)"),
            Write::Set("pyplay:v1:code:enum/basics".into(), "print(2)")
        );
        assert_eq!(
            plan("enum", "basics", "print(1)", "print(1)"),
            Write::Remove("pyplay:v1:code:enum/basics".into())
        );
    }

    #[test]
    fn an_emptied_snippet_is_an_edit_too() {
        assert_eq!(plan("t", "s", "", "print(1)"), Write::Set("pyplay:v1:code:t/s".into(), ""));
    }
}
