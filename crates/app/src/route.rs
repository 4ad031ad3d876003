//! Routes. Each topic is a page of its own, `topic/` (written at build time
//! by crates/content/src/bin/pages.rs), with a snippet, exercise or card as
//! its fragment: `topic/#item`, and a share link's `topic/#item?code=…`
//! (crate::share). The scratchpad is a page too, `scratch/` (a share link's
//! `scratch/#?code=…`). The app's other views are fragments of the root page:
//! `#/search?q=words`, `#/progress`, and `#/` or none (home). The old hash
//! routes, `#/topic[/item][?code=…]` and `#/scratch[?code=…]`, still parse on
//! any page, and the app then replaces the URL with [`Route::url`].
//!
//! Every URL here is relative to the site root, which every page's `<base>`
//! names (the app makes it absolute at start, [`pin_base`]): so links work
//! from any page, on any static host, from any sub-path.
//!
//! Every URL names its language: the Chinese site is the same under `zh/`
//! (`zh/enum/#basics`, `zh/#/progress`). The root page alone has none in
//! its URL; it follows the reader's choice (crate::lang).

use pyplay_content::Lang;

/// Which page the main area shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Topic,
    /// The free editor, `scratch/`.
    Scratch,
    /// `#/search?q=…`: every result for the query.
    Search(String),
    /// `#/` or no fragment: what the site is, the course map, and where to continue.
    Home,
    /// `#/progress`: practice done per chapter, export, import and reset.
    Progress,
}

/// The scratchpad's page and route segment; no topic may take this id.
pub use pyplay_content::SCRATCH;
/// The route segment of the progress page; no topic may take this id.
pub const PROGRESS: &str = "progress";

/// The progress page's fragment; [`view_href`] makes it a URL.
pub const PROGRESS_HREF: &str = "#/progress";

/// An app view (`#/progress`, …) in `lang`, relative to the site root.
pub fn view_href(lang: Lang, fragment: &str) -> String {
    format!("{}{fragment}", lang.dir())
}

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub topic: String,
    /// A snippet to scroll to, from `#/topic/snippet`.
    pub snippet: Option<String>,
    pub view: View,
    /// A share link's `code=` value, still encoded.
    pub code: Option<String>,
    pub lang: Lang,
}

/// A `#/a/b?k=v&…` fragment, decoded: the one URL parser of the app, for
/// pages (Route) and embeds (crate::embed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fragment {
    /// The path's segments, percent-decoded; empty ones dropped.
    pub path: Vec<String>,
    /// The query's pairs, `application/x-www-form-urlencoded` as
    /// URLSearchParams writes them.
    pub params: Vec<(String, String)>,
}

impl Fragment {
    pub fn parse(hash: &str) -> Self {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        Self {
            path: path
                .split('/')
                .filter(|s| !s.is_empty())
                .map(|s| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned())
                .collect(),
            params: form_urlencoded::parse(query.as_bytes()).into_owned().collect(),
        }
    }

    /// The first value of parameter `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Path segment `i`, or "".
    pub fn segment(&self, i: usize) -> &str {
        self.path.get(i).map_or("", String::as_str)
    }
}

impl Route {
    /// Parses a page's `path` relative to the site root (`enum/`,
    /// `zh/enum/`, or "" for the root) and its `hash`. A hash route (`#/…`)
    /// wins over the path; the path names the language.
    pub fn parse(path: &str, hash: &str) -> Self {
        let (lang, path) = split_lang(path);
        let page = path.split('/').next().unwrap_or_default();
        if page == SCRATCH && !hash.starts_with("#/") {
            let code = Fragment::parse(hash).param("code").map(str::to_string);
            return Self { lang, code, ..Self::parse_hash("#/scratch") };
        }
        if hash.starts_with("#/") || pyplay_content::topic(page).is_none() {
            return Self { lang, ..Self::parse_hash(hash) };
        }
        let fragment = Fragment::parse(hash);
        Self {
            topic: page.to_string(),
            snippet: fragment.path.first().cloned(),
            view: View::Topic,
            code: fragment.param("code").map(str::to_string),
            lang,
        }
    }

    /// Parses a hash route (in English); anything unknown lands on the
    /// first topic.
    fn parse_hash(hash: &str) -> Self {
        let fragment = Fragment::parse(hash);
        let code = fragment.param("code").map(str::to_string);
        let first = fragment.segment(0);
        let view = match first {
            SCRATCH => View::Scratch,
            "" => View::Home,
            PROGRESS => View::Progress,
            "search" => View::Search(fragment.param("q").unwrap_or_default().to_string()),
            _ => View::Topic,
        };
        let topic = Some(first).filter(|t| view == View::Topic && pyplay_content::topic(t).is_some());
        match topic {
            Some(topic) => Self {
                topic: topic.to_string(),
                snippet: fragment.path.get(1).cloned(),
                view,
                code,
                lang: Lang::En,
            },
            None => Self {
                topic: pyplay_content::first_topic().id.to_string(),
                snippet: None,
                code: code.filter(|_| view == View::Scratch),
                view,
                lang: Lang::En,
            },
        }
    }

    /// `#/search?q=…` for a query, in `lang`.
    pub fn search_href(lang: Lang, query: &str) -> String {
        let query: String = form_urlencoded::Serializer::new(String::new()).append_pair("q", query).finish();
        view_href(lang, &format!("#/search?{query}"))
    }

    /// The current route of the window. The root page, whose URL names no
    /// language, is in the reader's (crate::lang::for_root).
    pub fn current() -> Self {
        Self::of_href(&gloo::utils::window().location().href().unwrap_or_default())
    }

    /// The route of an absolute URL of this site.
    pub fn of_href(href: &str) -> Self {
        let page = href.split(['#', '?']).next().unwrap_or_default();
        // As `location.hash`: empty for a bare `#`.
        let hash = href.find('#').map_or("", |at| &href[at..]);
        let hash = if hash == "#" { "" } else { hash };
        let path = page.strip_prefix(&site_root()).unwrap_or_default();
        let route = Self::parse(path, hash);
        if matches!(path, "" | "index.html") {
            Self { lang: crate::lang::for_root(), ..route }
        } else {
            route
        }
    }

    /// The same place in `lang`.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Self {
        Self { lang, ..self.clone() }
    }

    /// This route's own URL, relative to the site root: what the address bar
    /// shows, whichever form it came in.
    pub fn url(&self) -> String {
        let code = |url: String| match &self.code {
            Some(code) => format!("{url}?code={code}"),
            None => url,
        };
        let lang = self.lang;
        match &self.view {
            View::Topic => match (&self.snippet, &self.code) {
                (Some(item), _) => code(pyplay_content::item_path(lang, &self.topic, item)),
                (None, Some(_)) => code(format!("{}#", pyplay_content::page_path(lang, &self.topic))),
                (None, None) => pyplay_content::page_path(lang, &self.topic),
            },
            View::Scratch => match &self.code {
                Some(_) => code(format!("{}#", pyplay_content::page_path(lang, SCRATCH))),
                None => pyplay_content::page_path(lang, SCRATCH),
            },
            View::Search(query) => Self::search_href(lang, query),
            View::Home => lang.home().to_string(),
            View::Progress => view_href(lang, PROGRESS_HREF),
        }
    }
}

/// The share link to `code` at `path` (`scratch`, `topic/snippet`) in
/// `lang`: the page's own URL with the code in its fragment
/// (`topic/#snippet?code=…`).
pub fn share_url(lang: Lang, path: &str, code: &str) -> String {
    share_url_under(&site_root(), lang, path, code)
}

fn share_url_under(root: &str, lang: Lang, path: &str, code: &str) -> String {
    let route = Route::parse("", &crate::share::fragment(path, code)).in_lang(lang);
    format!("{root}{}", route.url())
}

/// The language a path relative to the site root names, and the rest.
fn split_lang(path: &str) -> (Lang, &str) {
    match path.strip_prefix(Lang::Zh.dir()).or((path == "zh").then_some("")) {
        Some(rest) => (Lang::Zh, rest),
        None => (Lang::En, path),
    }
}

/// Whether an absolute link to `href` is a page of the app, which it can
/// show without loading a document: the root page or a topic page.
pub fn is_app_page(href: &str) -> bool {
    app_page_under(&site_root(), href)
}

/// [`is_app_page`] for the site at `root` (absolute, ending with `/`).
fn app_page_under(root: &str, href: &str) -> bool {
    let Some(path) = href.split('#').next().unwrap_or_default().strip_prefix(root) else {
        return false;
    };
    let (_, path) = split_lang(path);
    path.is_empty()
        || path == "index.html"
        || path == format!("{SCRATCH}/")
        || path.strip_suffix('/').is_some_and(|topic| pyplay_content::topic(topic).is_some())
}

/// The site root, absolute, ending with `/`: the page's `<base>`.
pub fn site_root() -> String {
    let base = gloo::utils::document().base_uri().ok().flatten().unwrap_or_default();
    crate::embed::site_base(&base)
}

/// Makes the page's base the absolute site root, before the app renders:
/// a topic page's `<base href="../">` (or the root page's own URL) would
/// otherwise be re-read against each URL the app pushes.
pub fn pin_base() {
    let document = gloo::utils::document();
    let root = site_root();
    let base = match document.query_selector("base").ok().flatten() {
        Some(base) => base,
        None => {
            let Ok(base) = document.create_element("base") else { return };
            if let Some(head) = document.head() {
                let _ = head.prepend_with_node_1(&base);
            }
            base
        }
    };
    let _ = base.set_attribute("href", &root);
}

/// Shows `href` (relative to the site root) without loading a page: a new
/// history entry, then the `popstate` the app listens to.
pub fn navigate(href: &str) {
    let window = gloo::utils::window();
    let pushed = window
        .history()
        .is_ok_and(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)).is_ok());
    match web_sys::Event::new("popstate") {
        Ok(event) if pushed => {
            let _ = window.dispatch_event(&event);
        }
        _ => {
            let _ = window.location().set_href(href);
        }
    }
}

/// Replaces the address bar's URL with this route's own, if it differs
/// (an old `#/topic/item` link), keeping the history entry. Not if the
/// address has moved on meanwhile (its `hashchange` is still to come):
/// that would erase where the reader is going.
pub fn canonicalize(route: &Route) {
    if Route::current() != *route {
        return;
    }
    let window = gloo::utils::window();
    let Ok(url) = web_sys::Url::new_with_base(&route.url(), &site_root()) else { return };
    if window.location().href().ok().as_deref() != Some(url.href().as_str())
        && let Ok(history) = window.history()
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_snippets_and_unknown_routes() {
        let r = Route::parse("", "#/enum/basics");
        assert_eq!(
            (r.topic.as_str(), r.snippet.as_deref(), &r.view, r.code),
            ("enum", Some("basics"), &View::Topic, None)
        );
        let r = Route::parse("", "#/no-such-topic");
        assert_eq!((r.topic.as_str(), r.view), (pyplay_content::first_topic().id, View::Topic));
        assert!(pyplay_content::topic(SCRATCH).is_none() && pyplay_content::topic("search").is_none());
        assert!(pyplay_content::topic(PROGRESS).is_none());
        assert_eq!(Route::parse("", "#/").view, View::Home);
        assert_eq!(Route::parse("", "").view, View::Home);
        assert_eq!(Route::parse("", "#/progress").view, View::Progress);
    }

    #[test]
    fn share_links_scratch_and_search() {
        let r = Route::parse("", "#/enum/basics?code=abc");
        assert_eq!((r.snippet.as_deref(), r.code.as_deref()), (Some("basics"), Some("abc")));
        let r = Route::parse("", "#/scratch?code=xyz");
        assert_eq!((r.view, r.code.as_deref()), (View::Scratch, Some("xyz")));
        assert_eq!(Route::parse("", "#/scratch").view, View::Scratch);
        assert_eq!(Route::parse("", "#/search?q=heap+queue").view, View::Search("heap queue".into()));
        assert_eq!(Route::parse("", "#/search").view, View::Search(String::new()));
    }

    #[test]
    fn topic_pages_and_their_items() {
        let r = Route::parse("enum/", "#basics");
        assert_eq!((r.topic.as_str(), r.snippet.as_deref(), &r.view), ("enum", Some("basics"), &View::Topic));
        let r = Route::parse("enum/", "");
        assert_eq!((r.topic.as_str(), r.snippet, &r.view), ("enum", None, &View::Topic));
        assert_eq!(Route::parse("enum/index.html", "").topic, "enum");
        let r = Route::parse("enum/", "#basics?code=abc");
        assert_eq!((r.snippet.as_deref(), r.code.as_deref()), (Some("basics"), Some("abc")));
        // A hash route wins: an old link, or a share link made on a topic page.
        let r = Route::parse("enum/", "#/itertools/chain?code=x");
        assert_eq!(
            (r.topic.as_str(), r.snippet.as_deref(), r.code.as_deref()),
            ("itertools", Some("chain"), Some("x"))
        );
        assert_eq!(Route::parse("enum/", "#/scratch").view, View::Scratch);
        // The root page, an unknown page.
        assert_eq!(Route::parse("index.html", "").view, View::Home);
        assert_eq!(Route::parse("no-such-topic/", "").view, View::Home);
    }

    #[test]
    fn the_path_names_the_language() {
        let r = Route::parse("zh/enum/", "#basics");
        assert_eq!((r.lang, r.topic.as_str(), r.snippet.as_deref()), (Lang::Zh, "enum", Some("basics")));
        assert_eq!(Route::parse("enum/", "").lang, Lang::En);
        for (path, hash) in [("zh/", ""), ("zh", ""), ("zh/index.html", ""), ("zh/", "#/")] {
            let r = Route::parse(path, hash);
            assert_eq!((r.lang, &r.view), (Lang::Zh, &View::Home), "{path}{hash}");
        }
        let r = Route::parse("zh/", "#/scratch?code=x");
        assert_eq!((r.lang, &r.view, r.code.as_deref()), (Lang::Zh, &View::Scratch, Some("x")));
        // An old hash link on a Chinese page stays Chinese.
        let r = Route::parse("zh/", "#/enum/basics");
        assert_eq!((r.lang, r.url()), (Lang::Zh, "zh/enum/#basics".to_string()));
        // No topic is called zh, and a page named like one is not Chinese.
        assert!(pyplay_content::topic("zh").is_none());
        assert_eq!(Route::parse("zhx/", "").lang, Lang::En);
        assert_eq!(Route::parse("enum/", "").in_lang(Lang::Zh).url(), "zh/enum/");
        assert_eq!(Route::parse("zh/enum/", "").in_lang(Lang::En).url(), "enum/");
    }

    #[test]
    fn every_route_has_one_url_that_parses_back_to_it() {
        let topic = pyplay_content::first_topic();
        let snippet = topic.snippets[0].id;
        for (path, hash, url) in [
            ("", "#/enum", "enum/".to_string()),
            ("", "#/enum/basics", "enum/#basics".to_string()),
            ("", "#/enum/basics?code=abc", "enum/#basics?code=abc".to_string()),
            ("enum/", "#/enum/basics?code=abc", "enum/#basics?code=abc".to_string()),
            ("enum/", "#basics", "enum/#basics".to_string()),
            ("", "#/scratch?code=xyz", "scratch/#?code=xyz".to_string()),
            ("", "#/scratch", "scratch/".to_string()),
            ("scratch/", "", "scratch/".to_string()),
            ("scratch/", "#?code=xyz", "scratch/#?code=xyz".to_string()),
            ("", "#/progress", "#/progress".to_string()),
            ("", "#/search?q=a+b", "#/search?q=a+b".to_string()),
            ("", "", "./".to_string()),
            ("", "#/no-such-topic", format!("{}/", topic.id)),
            ("", &format!("#/{}/{snippet}", topic.id), format!("{}/#{snippet}", topic.id)),
            ("zh/enum/", "#basics?code=abc", "zh/enum/#basics?code=abc".to_string()),
            ("zh/", "#/scratch", "zh/scratch/".to_string()),
            ("zh/scratch/", "#?code=x", "zh/scratch/#?code=x".to_string()),
            ("zh/", "#/search?q=%E7%94%9F", "zh/#/search?q=%E7%94%9F".to_string()),
            ("zh/", "#/progress", "zh/#/progress".to_string()),
            ("zh/", "", "zh/".to_string()),
        ] {
            let route = Route::parse(path, hash);
            assert_eq!(route.url(), url, "{path}{hash}");
            let (page, fragment) =
                url.split_once('#').map_or((url.as_str(), String::new()), |(p, f)| (p, format!("#{f}")));
            let page = page.strip_suffix("./").unwrap_or(page);
            assert_eq!(Route::parse(page, &fragment), route, "{url}");
        }
    }

    #[test]
    fn prose_links_are_topic_page_urls() {
        // build.rs writes `#/topic/item` Markdown links as page URLs.
        let (_, topic) = pyplay_content::topic("contextlib").unwrap();
        let link = "href=\"contextlib/#patched-attributes\"";
        assert!(topic.follow_ups_html.unwrap().html().contains(link));
        let r = Route::parse("contextlib/", "#patched-attributes");
        assert_eq!((r.topic.as_str(), r.snippet.as_deref()), ("contextlib", Some("patched-attributes")));
    }

    #[test]
    fn share_links_are_page_urls() {
        let root = "https://x.org/py/";
        let code = crate::share::encode("print(1)");
        for (lang, place, url) in [
            (Lang::En, "enum/basics", "enum/#basics"),
            (Lang::En, SCRATCH, "scratch/#"),
            (Lang::Zh, "enum/basics", "zh/enum/#basics"),
            (Lang::Zh, SCRATCH, "zh/scratch/#"),
        ] {
            assert_eq!(share_url_under(root, lang, place, "print(1)"), format!("{root}{url}?code={code}"));
        }
        let r = Route::parse("enum/", &format!("#basics?code={code}"));
        assert_eq!(crate::share::decode(r.code.as_deref().unwrap()).as_deref(), Ok("print(1)"));
    }

    #[test]
    fn links_the_app_follows_in_place() {
        let root = "https://x.org/py/";
        for href in [
            "https://x.org/py/",
            "https://x.org/py/#/scratch",
            "https://x.org/py/index.html",
            "https://x.org/py/enum/",
            "https://x.org/py/enum/#basics?code=x",
            "https://x.org/py/zh/",
            "https://x.org/py/zh/#/scratch",
            "https://x.org/py/zh/enum/#basics",
            "https://x.org/py/scratch/",
            "https://x.org/py/zh/scratch/#?code=x",
        ] {
            assert!(app_page_under(root, href), "{href}");
        }
        for href in [
            "https://x.org/py/enum",
            "https://x.org/py/no-such-topic/",
            "https://x.org/py/sitemap.xml",
            "https://x.org/py/embed.js",
            "https://x.org/other/enum/",
            "https://y.org/py/enum/",
            "https://x.org/py/?embed#/enum",
            "https://x.org/py/zh/no-such-topic/",
            "https://x.org/py/zh/sitemap.xml",
            "data:application/json,{}",
        ] {
            assert!(!app_page_under(root, href), "{href}");
        }
    }

    #[test]
    fn queries_round_trip_through_the_url() {
        for q in ["heap", "a b&c=d", "日本 %zz", "100%"] {
            let href = Route::search_href(Lang::En, q);
            assert_eq!(Route::parse("", &href).view, View::Search(q.to_string()), "{href}");
            let zh = Route::search_href(Lang::Zh, q);
            let (page, hash) = zh.split_once('#').unwrap();
            assert_eq!(Route::parse(page, &format!("#{hash}")).view, View::Search(q.to_string()), "{zh}");
        }
        assert_eq!(Fragment::parse("#/x?q=%zz%4").param("q"), Some("%zz%4"));
        let f = Fragment::parse("#/a%20b/c/?k=1&k=2&e=&code=x_y-z");
        assert_eq!(f.path, ["a b", "c"]);
        assert_eq!(
            (f.param("k"), f.param("e"), f.param("code"), f.param("none")),
            (Some("1"), Some(""), Some("x_y-z"), None)
        );
    }
}
