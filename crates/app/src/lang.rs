//! The reader's language. Every URL names one (crate::route: `zh/…` is
//! Chinese), so links and search engines get the right page; the root page
//! alone names none, and shows the language the reader last switched to,
//! or on a first visit the browser's.

use pyplay_content::Lang;

/// The language the reader last chose with the switch.
const KEY: &str = "pyplay:v1:lang";

/// The root page's language: the reader's choice, else the first of the
/// browser's languages we have, else English.
pub fn for_root() -> Lang {
    let storage = gloo::utils::window().local_storage().ok().flatten();
    let remembered = storage.and_then(|s| s.get_item(KEY).ok().flatten());
    let browser: Vec<String> =
        gloo::utils::window().navigator().languages().iter().filter_map(|l| l.as_string()).collect();
    choose(remembered.as_deref(), &browser)
}

/// Remembers the reader's choice, for the root page.
pub fn remember(lang: Lang) {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(KEY, lang.code());
    }
}

/// Sets `<html lang>`, which screen readers and the CJK fonts follow.
pub fn apply(lang: Lang) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", lang.html_lang());
    }
}

fn choose(remembered: Option<&str>, browser: &[String]) -> Lang {
    remembered
        .and_then(Lang::from_tag)
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_then_the_browser_then_english() {
        let tags = |t: &[&str]| t.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        assert_eq!(choose(None, &tags(&["zh-CN", "en"])), Lang::Zh);
        assert_eq!(choose(None, &tags(&["zh-TW"])), Lang::Zh);
        assert_eq!(choose(None, &tags(&["de-DE", "en-GB", "zh"])), Lang::En);
        assert_eq!(choose(None, &tags(&["fr", "zh-Hans"])), Lang::Zh);
        assert_eq!(choose(None, &[]), Lang::En);
        assert_eq!(choose(Some("en"), &tags(&["zh-CN"])), Lang::En);
        assert_eq!(choose(Some("zh"), &tags(&["en-US"])), Lang::Zh);
        // A damaged value counts as none.
        assert_eq!(choose(Some("klingon"), &tags(&["zh-CN"])), Lang::Zh);
    }
}
