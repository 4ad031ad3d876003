//! Writes the names table (see `lib.rs` for its layout) from the Unicode
//! data files, as unicode_names2 3.1.0's generator reads them: every
//! `UnicodeData.txt` line whose name is not `<...>`, the `<CJK Ideograph...,
//! First>`/`Last>` pairs as ranges, and every `NameAliases.txt` alias.
//! Used by `build.rs` only.

use std::fmt::Write as _;

/// The first line: the layout's version, which `lib.rs` checks.
pub const MAGIC: &str = "unicode-names 1\n";

pub fn table(unicode_data: &str, name_aliases: &str) -> String {
    let mut names = String::new();
    let mut cjk = String::new();
    let mut next = 0;
    let mut lines = unicode_data.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line.is_empty() {
            break;
        }
        let (code, name) = fields(line);
        if char::from_u32(code).is_none() {
            continue; // surrogates
        }
        if let Some(range) = name.strip_prefix('<') {
            if range.starts_with("CJK Ideograph") {
                assert!(range.ends_with("First>"), "{line}");
                let (last, end) = fields(lines.next().expect("a CJK range's Last line"));
                assert_eq!(range.replace("First", "Last"), end[1..], "{line}");
                writeln!(cjk, "{code:X};{last:X}").unwrap();
            }
            continue;
        }
        assert!(code >= next, "UnicodeData.txt is in code point order");
        // The gap from the last name, in hex, when there is one: most names
        // follow the one before, so most lines are the name alone.
        if code > next {
            write!(names, "{:x}", code - next).unwrap();
        }
        writeln!(names, ";{name}").unwrap();
        next = code + 1;
    }
    let mut aliases = String::new();
    for line in name_aliases.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut parts = line.splitn(3, ';');
        let (code, alias) = (parts.next().expect(line), parts.next().expect(line));
        writeln!(aliases, "{code};{alias}").unwrap();
    }
    format!("{}{names}\n{cjk}\n{aliases}", MAGIC)
}

/// A `UnicodeData.txt` line's code point and name.
fn fields(line: &str) -> (u32, &str) {
    let mut parts = line.split(';');
    let code = parts.next().and_then(|hex| u32::from_str_radix(hex, 16).ok());
    let name = parts.next();
    match (code, name) {
        (Some(code), Some(name)) => (code, name),
        _ => panic!("not a UnicodeData.txt line: {line}"),
    }
}
