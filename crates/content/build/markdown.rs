//! Markdown rendered once, at build time, to the HTML the page shows and
//! to the plain text search indexes. Both come from the same events, so
//! search never has to take the HTML apart again.

use pulldown_cmark::{Event, Parser, TagEnd};

pub struct Rendered {
    pub html: String,
    /// Words separated by single spaces: the text and code of the Markdown,
    /// entities decoded, markup and raw HTML dropped.
    pub text: String,
}

pub fn render(markdown: &str) -> Rendered {
    let events: Vec<Event> = Parser::new(markdown).collect();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.iter().cloned());
    Rendered { html, text: plain_text(&events) }
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
