//! Hash routes (`#/topic` and `#/topic/snippet`): they work on any static
//! host and any sub-path, with no server-side fallback. Also `#/scratch`,
//! `#/search?q=words`, and `?code=…` (a share link, crate::share) after a
//! topic, snippet or the scratchpad.

/// Which page the main area shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Topic,
    /// The free editor, `#/scratch`.
    Scratch,
    /// `#/search?q=…`: every result for the query.
    Search(String),
    /// `#/` or no fragment: what the site is, the course map, and where to continue.
    Home,
    /// `#/progress`: practice done per chapter, export, import and reset.
    Progress,
}

/// The route segment of the scratchpad; no topic may take this id.
pub const SCRATCH: &str = "scratch";
/// The route segment of the progress page; no topic may take this id.
pub const PROGRESS: &str = "progress";

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub topic: String,
    /// A snippet to scroll to, from `#/topic/snippet`.
    pub snippet: Option<String>,
    pub view: View,
    /// A share link's `code=` value, still encoded.
    pub code: Option<String>,
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
    /// Parses `location.hash`; anything unknown lands on the first topic.
    pub fn parse(hash: &str) -> Self {
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
            Some(topic) => {
                Self { topic: topic.to_string(), snippet: fragment.path.get(1).cloned(), view, code }
            }
            None => Self {
                topic: pyplay_content::first_topic().id.to_string(),
                snippet: None,
                code: code.filter(|_| view == View::Scratch),
                view,
            },
        }
    }

    /// `#/search?q=…` for a query.
    pub fn search_href(query: &str) -> String {
        let query: String = form_urlencoded::Serializer::new(String::new()).append_pair("q", query).finish();
        format!("#/search?{query}")
    }

    /// The current route of the window.
    pub fn current() -> Self {
        Self::parse(&gloo::utils::window().location().hash().unwrap_or_default())
    }

    pub fn href(topic: &str) -> String {
        format!("#/{topic}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_snippets_and_unknown_routes() {
        let r = Route::parse("#/enum/basics");
        assert_eq!(
            (r.topic.as_str(), r.snippet.as_deref(), &r.view, r.code),
            ("enum", Some("basics"), &View::Topic, None)
        );
        let r = Route::parse("#/no-such-topic");
        assert_eq!((r.topic.as_str(), r.view), (pyplay_content::first_topic().id, View::Topic));
        assert!(pyplay_content::topic(SCRATCH).is_none() && pyplay_content::topic("search").is_none());
        assert!(pyplay_content::topic(PROGRESS).is_none());
        assert_eq!(Route::parse("#/").view, View::Home);
        assert_eq!(Route::parse("").view, View::Home);
        assert_eq!(Route::parse("#/progress").view, View::Progress);
    }

    #[test]
    fn share_links_scratch_and_search() {
        let r = Route::parse("#/enum/basics?code=abc");
        assert_eq!((r.snippet.as_deref(), r.code.as_deref()), (Some("basics"), Some("abc")));
        let r = Route::parse("#/scratch?code=xyz");
        assert_eq!((r.view, r.code.as_deref()), (View::Scratch, Some("xyz")));
        assert_eq!(Route::parse("#/scratch").view, View::Scratch);
        assert_eq!(Route::parse("#/search?q=heap+queue").view, View::Search("heap queue".into()));
        assert_eq!(Route::parse("#/search").view, View::Search(String::new()));
    }

    #[test]
    fn queries_round_trip_through_the_url() {
        for q in ["heap", "a b&c=d", "日本 %zz", "100%"] {
            let href = Route::search_href(q);
            assert_eq!(Route::parse(&href).view, View::Search(q.to_string()), "{href}");
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
