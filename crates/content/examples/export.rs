//! Prints every snippet as JSON lines, for the browser test that runs each
//! lesson on its real page: `cargo run -q -p pyplay-content --example export`.
//! `expected`/`error` are what the browser's RustPython should print (the
//! known difference if there is one); `loose` is the reason `…` placeholders
//! are in them, or null.

fn json(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_or_null(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), json)
}

fn main() {
    for (_, topic) in pyplay_content::topics() {
        for s in topic.snippets {
            let want = s.rustpython_output();
            println!(
                "{{\"topic\":{},\"id\":{},\"runnable\":{},\"expected\":{},\"error\":{},\"loose\":{},\"differs\":{}}}",
                json(topic.id),
                json(s.id),
                s.runnable,
                json(want.stdout),
                json_or_null(want.error),
                json_or_null(s.loose),
                json_or_null(s.differs)
            );
        }
    }
}
