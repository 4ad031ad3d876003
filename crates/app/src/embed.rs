//! Embeds: the playground inside someone else's page (www/embed/embed.js).
//!
//! URL shape, everything but the word `embed` in the fragment so code never
//! reaches a server:
//!   `<site>/?embed#/<topic>[/<snippet>]?theme=dark&readonly=1&height=200&output=click&id=x`
//!   `<site>/?embed#/code?code=print(1)&…`   arbitrary code (`<pre data-pyplay>`)
//!   `…&lang=zh`   in Chinese (`data-pyplay-lang`, or the blog's own `lang`)
//! The same document as the app, so the service worker's shell covers it.
//!
//! The embed tells its parent how tall it is, with one versioned message,
//! `pyplay_protocol::channels::FromEmbed`:
//!   `{ pyplay: 1, type: "height", id, height }`

use pyplay_content::Lang;
use pyplay_protocol::channels::{EmbedMessage, FromEmbed};
use wasm_bindgen::{JsCast, prelude::*};

use crate::route::Fragment;

/// Flags for the iframe: scripts (wasm, editor), its own origin (the Python
/// worker must be same-origin; service worker for offline), popups that
/// escape the sandbox (the "Open in playground" link opens the full app).
/// No top navigation, forms or modals.
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// What an embed shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Topic(String),
    Snippet(String, String),
    /// The reader's own code, from the fragment.
    Code(String),
    /// An unknown topic or snippet.
    Missing(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// For `html[data-theme]`; auto follows the reader's system setting.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Self::Auto => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    pub target: Target,
    pub theme: Theme,
    pub read_only: bool,
    /// A click-to-run placeholder where the output goes.
    pub click_to_run: bool,
    /// The placeholder starts Visualize (`visualize=1`; implies click-to-run).
    pub visualize: bool,
    /// Editor height in CSS pixels; the editor scrolls beyond it.
    pub height: Option<u32>,
    /// Echoed in height messages so the parent knows which iframe spoke.
    pub id: Option<String>,
    /// `python=own`: a worker of its own instead of the one the page's
    /// embeds share (crate::shared); the fallback, forced.
    pub own_worker: bool,
    pub lang: Lang,
}

/// Whether the page was opened as an embed (`?embed` in the query).
pub fn requested(search: &str) -> bool {
    search.trim_start_matches('?').split('&').any(|p| p == "embed" || p.starts_with("embed="))
}

impl EmbedOptions {
    /// Parses `location.hash` of an embed.
    pub fn parse(hash: &str) -> Self {
        let fragment = Fragment::parse(hash);
        let get = |key: &str| fragment.param(key);
        let flag = |key: &str| get(key).is_some_and(|v| !matches!(v, "0" | "false" | "no"));
        let (topic, snippet) = (fragment.segment(0), fragment.path.get(1));
        let target = match (topic, snippet) {
            ("code", None) => Target::Code(get("code").unwrap_or_default().to_string()),
            (t, None) if pyplay_content::topic(t).is_some() => Target::Topic(t.to_string()),
            (t, Some(s)) if pyplay_content::snippet(t, s).is_some() => {
                Target::Snippet(t.to_string(), s.clone())
            }
            (t, s) => Target::Missing(match s {
                Some(s) => format!("{t}/{s}"),
                None => t.to_string(),
            }),
        };
        Self {
            target,
            theme: match get("theme") {
                Some("dark") => Theme::Dark,
                Some("light") => Theme::Light,
                _ => Theme::Auto,
            },
            read_only: flag("readonly"),
            click_to_run: get("output") == Some("click") || flag("visualize"),
            visualize: flag("visualize"),
            height: get("height")
                .and_then(|h| h.trim_end_matches("px").parse::<u32>().ok())
                .map(|h| h.clamp(60, 2000)),
            id: get("id").filter(|id| !id.is_empty()).map(str::to_string),
            own_worker: get("python") == Some("own"),
            lang: get("lang").and_then(Lang::from_tag).unwrap_or_default(),
        }
    }

    /// The full page this embed comes from, absolute; `site` ends with `/`.
    pub fn open_url(&self, site: &str) -> String {
        match &self.target {
            Target::Topic(t) => format!("{site}{}", pyplay_content::page_path(self.lang, t)),
            Target::Snippet(t, s) => format!("{site}{}", pyplay_content::item_path(self.lang, t, s)),
            Target::Code(_) | Target::Missing(_) => format!("{site}{}", self.lang.dir()),
        }
    }
}

/// The site's base URL (ends with `/`) from any page URL of it.
pub fn site_base(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..end];
    match path.rfind('/') {
        Some(i) => path[..=i].to_string(),
        None => format!("{path}/"),
    }
}

/// The embed URL of a topic or snippet, in `lang`.
pub fn embed_src(site: &str, lang: Lang, topic: &str, snippet: Option<&str>) -> String {
    let path = match snippet {
        Some(s) => format!("{site}?embed#/{topic}/{s}"),
        None => format!("{site}?embed#/{topic}"),
    };
    match lang {
        Lang::En => path,
        other => format!("{path}?lang={}", other.code()),
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// A plain iframe, for pages that cannot load scripts (fixed height).
pub fn iframe_html(site: &str, lang: Lang, topic: &str, snippet: Option<&str>, title: &str) -> String {
    let height = if snippet.is_some() { 360 } else { 720 };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0\" loading=\"lazy\" sandbox=\"{SANDBOX}\"></iframe>",
        escape_attr(&embed_src(site, lang, topic, snippet)),
        escape_attr(title),
    )
}

/// The auto-sized, lazy-loaded embed: a placeholder and embed.js.
pub fn script_html(site: &str, lang: Lang, topic: &str, snippet: Option<&str>) -> String {
    let snippet = snippet.map(|s| format!(" data-pyplay-snippet=\"{}\"", escape_attr(s))).unwrap_or_default();
    let lang = match lang {
        Lang::En => String::new(),
        other => format!(" data-pyplay-lang=\"{}\"", other.code()),
    };
    format!(
        "<div data-pyplay-topic=\"{}\"{snippet}{lang}></div>\n<script src=\"{}embed.js\" async></script>",
        escape_attr(topic),
        escape_attr(site),
    )
}

/// Posts `element`'s height to the parent page whenever it changes. The
/// message carries only a number and our id, so any parent may read it.
pub fn report_height(element: &web_sys::Element, id: Option<String>) -> Option<web_sys::ResizeObserver> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let element_for_cb = element.clone();
    let post = move || {
        let height = element_for_cb.get_bounding_client_rect().height().ceil();
        let message = FromEmbed::new(EmbedMessage::Height { id: id.clone(), height });
        let message = js_sys::JSON::parse(&message.to_json()).expect("serde_json writes valid JSON");
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn Fn()>::new(post);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    // Lives as long as the page.
    callback.forget();
    Some(observer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_embed_query_selects_the_embed() {
        assert!(requested("?embed"));
        assert!(requested("?a=1&embed"));
        assert!(!requested(""));
        assert!(!requested("?embedded"));
    }

    #[test]
    fn snippet_route_and_options() {
        let topic = pyplay_content::first_topic();
        let snippet = topic.snippets[0].id;
        let o = EmbedOptions::parse(&format!(
            "#/{}/{snippet}?theme=dark&readonly=1&height=200&output=click&id=pyplay-3",
            topic.id
        ));
        assert_eq!(o.target, Target::Snippet(topic.id.into(), snippet.into()));
        assert_eq!(o.theme, Theme::Dark);
        assert!(o.read_only && o.click_to_run);
        assert_eq!(o.height, Some(200));
        assert_eq!(o.id.as_deref(), Some("pyplay-3"));
        assert!(!o.own_worker);
        assert!(EmbedOptions::parse("#/x?python=own").own_worker);
        assert_eq!(o.open_url("https://x.org/py/"), format!("https://x.org/py/{}/#{snippet}", topic.id));
    }

    #[test]
    fn defaults_topics_and_unknowns() {
        let topic = pyplay_content::first_topic().id;
        let o = EmbedOptions::parse(&format!("#/{topic}"));
        assert_eq!(o.target, Target::Topic(topic.into()));
        assert_eq!(
            (o.theme, o.read_only, o.click_to_run, o.height, o.id),
            (Theme::Auto, false, false, None, None)
        );
        assert_eq!(EmbedOptions::parse("#/nope/x").target, Target::Missing("nope/x".into()));
        assert_eq!(
            EmbedOptions::parse(&format!("#/{topic}/nope")).target,
            Target::Missing(format!("{topic}/nope"))
        );
        assert_eq!(EmbedOptions::parse("#/x?height=tall").height, None);
        assert_eq!(EmbedOptions::parse("#/x?height=5").height, Some(60));
        assert!(!EmbedOptions::parse("#/x?readonly=0").read_only);
        let visual = EmbedOptions::parse("#/x?visualize=1");
        assert!(visual.visualize && visual.click_to_run, "Visualize waits for a click");
        assert!(!EmbedOptions::parse("#/x?visualize=0").visualize);
    }

    #[test]
    fn code_comes_decoded_from_the_fragment() {
        assert!(pyplay_content::topic("code").is_none(), "a topic named code would be shadowed");
        let o = EmbedOptions::parse("#/code?code=print(%22hi%20%E2%9C%93%22)%0Ax+%3D+1%25&id=a");
        assert_eq!(o.target, Target::Code("print(\"hi ✓\")\nx = 1%".into()));
        assert_eq!(EmbedOptions::parse("#/code?code=%zz%4").target, Target::Code("%zz%4".into()));
        assert_eq!(o.open_url("https://x.org/"), "https://x.org/");
    }

    #[test]
    fn urls_and_html_for_the_dialog() {
        assert_eq!(site_base("https://x.org/py/index.html?a#/enum"), "https://x.org/py/");
        assert_eq!(site_base("https://x.org/py/#/enum/b"), "https://x.org/py/");
        assert_eq!(embed_src("https://x.org/", Lang::En, "enum", Some("b")), "https://x.org/?embed#/enum/b");
        assert_eq!(embed_src("https://x.org/", Lang::Zh, "enum", None), "https://x.org/?embed#/enum?lang=zh");
        assert_eq!(EmbedOptions::parse("#/enum?lang=zh").lang, Lang::Zh);
        assert_eq!(EmbedOptions::parse("#/enum?lang=zh-Hans-CN").lang, Lang::Zh);
        assert_eq!(EmbedOptions::parse("#/enum?lang=fr").lang, Lang::En);
        assert_eq!(
            EmbedOptions::parse("#/enum/members?lang=zh").open_url("https://x.org/"),
            "https://x.org/zh/enum/#members"
        );
        let iframe = iframe_html("https://x.org/", Lang::En, "enum", None, "Enum \"x\"");
        assert!(iframe.contains("src=\"https://x.org/?embed#/enum\""));
        assert!(iframe.contains("title=\"Enum &quot;x&quot;\""));
        assert!(iframe.contains(SANDBOX));
        assert_eq!(
            script_html("https://x.org/", Lang::En, "enum", Some("b")),
            "<div data-pyplay-topic=\"enum\" data-pyplay-snippet=\"b\"></div>\n<script src=\"https://x.org/embed.js\" async></script>"
        );
        assert!(script_html("https://x.org/", Lang::Zh, "enum", None).contains(" data-pyplay-lang=\"zh\">"));
    }
}
