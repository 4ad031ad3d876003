//! Hash routes (`#/topic` and `#/topic/snippet`): they work on any static
//! host and any sub-path, with no server-side fallback.

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub topic: String,
    /// A snippet to scroll to, from `#/topic/snippet`.
    pub snippet: Option<String>,
}

impl Route {
    /// Parses `location.hash`; anything unknown lands on the first topic.
    pub fn parse(hash: &str) -> Self {
        let mut parts = hash.trim_start_matches('#').trim_start_matches('/').splitn(2, '/');
        let topic = parts.next().filter(|t| pyplay_content::topic(t).is_some());
        match topic {
            Some(topic) => Self {
                topic: topic.to_string(),
                snippet: parts.next().filter(|s| !s.is_empty()).map(str::to_string),
            },
            None => Self { topic: pyplay_content::first_topic().id.to_string(), snippet: None },
        }
    }

    /// The current route of the window.
    pub fn current() -> Self {
        Self::parse(&gloo::utils::window().location().hash().unwrap_or_default())
    }

    pub fn href(topic: &str) -> String {
        format!("#/{topic}")
    }
}
