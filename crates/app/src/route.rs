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

impl Route {
    /// Parses `location.hash`; anything unknown lands on the first topic.
    pub fn parse(hash: &str) -> Self {
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let code = crate::share::param(query, "code").map(str::to_string);
        let mut parts = path.trim_start_matches('#').trim_start_matches('/').splitn(2, '/');
        let first = parts.next().unwrap_or_default();
        let view = match first {
            SCRATCH => View::Scratch,
            "" => View::Home,
            PROGRESS => View::Progress,
            "search" => View::Search(decode_query(crate::share::param(query, "q").unwrap_or_default())),
            _ => View::Topic,
        };
        let topic = Some(first).filter(|t| view == View::Topic && pyplay_content::topic(t).is_some());
        match topic {
            Some(topic) => Self {
                topic: topic.to_string(),
                snippet: parts.next().filter(|s| !s.is_empty()).map(str::to_string),
                view,
                code,
            },
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
        format!("#/search?q={}", encode_query(query))
    }

    /// The current route of the window.
    pub fn current() -> Self {
        Self::parse(&gloo::utils::window().location().hash().unwrap_or_default())
    }

    pub fn href(topic: &str) -> String {
        format!("#/{topic}")
    }
}

/// Percent-encodes all but unreserved characters (RFC 3986).
fn encode_query(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Reverses [`encode_query`] (and what browsers send); bad escapes stay as typed.
fn decode_query(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if text.get(i + 1..i + 3).is_some_and(|h| u8::from_str_radix(h, 16).is_ok()) => {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap_or(b'%'));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
        assert_eq!(decode_query("%zz%4"), "%zz%4");
    }
}
