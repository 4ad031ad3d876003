//! Markdown rendered once, at build time, to the HTML the page shows and
//! to the plain text search indexes, both from the same events. The app
//! carries only the HTML (the text is behind feature `search-text`) and cuts
//! its search excerpts from it; pyplay-search's tests hold the two equal.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

pub struct Rendered {
    pub html: String,
    /// Words separated by single spaces: the text and code of the Markdown,
    /// entities decoded, markup and raw HTML dropped.
    pub text: String,
}

/// Renders `markdown` for the pages under `dir` (`""` for English, `"zh/"`
/// for Chinese), where its links to topics and views lead.
pub fn render(markdown: &str, dir: &str) -> Rendered {
    let events: Vec<Event> = Parser::new(markdown).map(|e| page_links(e, dir)).collect();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.iter().cloned());
    Rendered { html, text: plain_text(&events) }
}

/// Topic links are written `#/topic[/item]` in the Markdown, as the app's
/// routes once were; the HTML gets the page URL instead (`topic/`,
/// `topic/#item`), relative to the site root that every page's `<base>`
/// names, so the link works without JavaScript. The app's own views
/// (`#/scratch`, …) stay fragments of the root page. Both go to the pages
/// of the text's own language, under `dir`.
fn page_links<'a>(event: Event<'a>, dir: &str) -> Event<'a> {
    let Event::Start(Tag::Link { link_type, dest_url, title, id }) = event else { return event };
    let dest_url = match page_url(&dest_url) {
        Some(url) => CowStr::from(format!("{dir}{url}")),
        None if dest_url.starts_with("#/") && !dir.is_empty() => CowStr::from(format!("{dir}{dest_url}")),
        None => dest_url,
    };
    Event::Start(Tag::Link { link_type, dest_url, title, id })
}

/// `#/topic/item` → `topic/#item`; None for anything else. The app parses
/// both forms (crates/app/src/route.rs).
pub fn page_url(dest: &str) -> Option<String> {
    let path = dest.strip_prefix("#/")?;
    let (path, query) = path.split_once('?').map_or((path, None), |(p, q)| (p, Some(q)));
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let topic = segments.next().filter(|t| !["scratch", "progress", "search"].contains(t))?;
    let item = segments.next();
    let mut url = format!("{topic}/");
    if item.is_some() || query.is_some() {
        url.push('#');
        url.push_str(item.unwrap_or_default());
    }
    if let Some(query) = query {
        url.push('?');
        url.push_str(query);
    }
    Some(url)
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                text.push_str(t);
            }
            // Inline markup sits inside a word ("**re**draw") and must not
            // split it; a block boundary, a line break or a tag is a space.
            Event::Start(tag) if is_inline(&tag.to_end()) => {}
            Event::End(end) if is_inline(end) => {}
            _ => text.push(' '),
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_inline(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}
