// Shared by build.rs (indexing) and lib.rs (queries, excerpts), so both
// read text alike.

/// Lowercased words of `text`: runs of letters, digits and `_`, trimmed of
/// `_`. An identifier with inner `_` also yields its parts, so `heap_push`
/// is found by `push`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        let word = raw.trim_matches('_').to_lowercase();
        if word.is_empty() {
            continue;
        }
        if word.contains('_') {
            out.extend(word.split('_').filter(|p| !p.is_empty()).map(str::to_string));
        }
        out.push(word);
    }
    out
}

/// Rendered Markdown back to plain text, for matching and excerpts.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                // Tags separate words: "</p><p>" must not glue two together.
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            _ if in_tag => {}
            c if c.is_whitespace() => {
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            c => text.push(c),
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    // Punctuation loses the space a closing tag put before it.
    let text = [" .", " ,", " :", " ;", " )"].iter().fold(text, |t, p| t.replace(p, &p[1..]));
    text.trim().to_string()
}
