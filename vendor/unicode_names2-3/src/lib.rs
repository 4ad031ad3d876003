//! unicode_names2 3.1.0's two lookups, `name` and `character`, with the
//! same answers, from a names table read at run time instead of tables
//! compiled in: the browser fetches it only when a program first asks for
//! a name (vendor/README.md).
//!
//! The table is text written by `build.rs` (`write.rs`) from `data/`:
//!
//! ```text
//! unicode-names 1
//! ;NAME              one line per named character, in code point order; before
//! 1f;NAME            the `;`, in hex, how many code points were skipped since
//! ...                the last one (none: the next code point)
//!                    (a blank line)
//! 3400;4DBF          the CJK unified ideograph ranges, first;last
//!                    (a blank line)
//! 0000;NULL          every name alias, code point;alias
//! ```
//!
//! Native builds have the table built in; a host that does not, or that
//! wants it from elsewhere, calls [`set_source`] first.

#![forbid(unsafe_code)]

use std::{
    fmt,
    sync::{Mutex, OnceLock},
};

/// Where the table comes from: its bytes, or why they could not be had.
/// Called on the first lookup, and again after a failure.
pub type Source = fn() -> Result<&'static [u8], String>;

static SOURCE: Mutex<Option<Source>> = Mutex::new(None);
static TABLE: OnceLock<Table> = OnceLock::new();

/// Sets where the table comes from, for lookups from now on (a table
/// already loaded stays).
pub fn set_source(source: Source) {
    *SOURCE.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(source);
}

/// Loads the table if it is not yet. `Err` says why it could not be; the
/// lookups then answer `None` (no such name), so a host that can fail
/// should call this first to tell its user the truth.
///
/// # Errors
/// The source's own error, or that its bytes are not a names table.
pub fn load() -> Result<(), String> {
    table().map(|_| ())
}

/// The table as this build wrote it, for hosts that serve it (and native
/// builds, which use it unless [`set_source`] said otherwise).
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn built_in() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/names.txt"))
}

fn table() -> Result<&'static Table, String> {
    if let Some(table) = TABLE.get() {
        return Ok(table);
    }
    let source = *SOURCE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let bytes = match source {
        Some(source) => source()?,
        #[cfg(not(target_arch = "wasm32"))]
        None => built_in(),
        #[cfg(target_arch = "wasm32")]
        None => return Err("no source for the Unicode names table was set".into()),
    };
    let table = Table::parse(bytes).ok_or("the Unicode names table is damaged")?;
    Ok(TABLE.get_or_init(|| table))
}

const MAGIC: &str = "unicode-names 1\n"; // as write.rs writes it

struct Table {
    /// (code point, name), by code point.
    names: Vec<(u32, &'static str)>,
    /// (loose form of a name, its character), by loose form: what 3.1's
    /// perfect hash maps.
    loose: Vec<(Box<[u8]>, char)>,
    cjk: Vec<(u32, u32)>,
    /// (alias, its character), by alias.
    aliases: Vec<(&'static str, char)>,
    /// 3.1 answers `None` for a name whose loose form is longer than the
    /// longest name's.
    longest: usize,
}

impl Table {
    fn parse(bytes: &'static [u8]) -> Option<Self> {
        let text = std::str::from_utf8(bytes).ok()?.strip_prefix(MAGIC)?;
        let mut sections = text.split("\n\n");
        let (names_text, cjk_text, aliases_text) = (sections.next()?, sections.next()?, sections.next()?);
        let pair = |line: &'static str| line.split_once(';');
        let hex = |text: &str| u32::from_str_radix(text, 16).ok();
        let mut names = Vec::new();
        let mut next = 0;
        for line in names_text.lines() {
            let (skip, name) = pair(line)?;
            let code = next + if skip.is_empty() { 0 } else { hex(skip)? };
            names.push((code, name));
            next = code + 1;
        }
        let mut loose = Vec::with_capacity(names.len());
        for &(code, name) in &names {
            let c = char::from_u32(code)?;
            loose.push((loose_name(name, c).into_boxed_slice(), c));
        }
        loose.sort_unstable();
        let longest = loose.iter().map(|(key, _)| key.len()).max()?;
        let cjk = cjk_text
            .lines()
            .map(|line| Some((hex(pair(line)?.0)?, hex(pair(line)?.1)?)))
            .collect::<Option<_>>()?;
        let mut aliases = Vec::new();
        for line in aliases_text.lines() {
            let (code, alias) = pair(line)?;
            aliases.push((alias, char::from_u32(hex(code)?)?));
        }
        aliases.sort_unstable();
        Some(Self { names, loose, cjk, aliases, longest })
    }

    fn is_cjk(&self, c: char) -> bool {
        self.cjk.iter().any(|&(first, last)| (first..=last).contains(&u32::from(c)))
    }
}

/// A character's Unicode name, as text: its `Display` writes it.
#[derive(Clone)]
pub struct Name(Kind);

#[derive(Clone, Copy)]
enum Kind {
    Listed(&'static str),
    Cjk(u32),
    Hangul(u32),
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            Kind::Listed(name) => f.write_str(name),
            Kind::Cjk(code) => write!(f, "{CJK}{code:X}"),
            Kind::Hangul(index) => {
                let (lead, vowel, tail) = (index / (21 * 28), index / 28 % 21, index % 28);
                let part = |table: &[&'static str], i: u32| table[i as usize];
                write!(f, "{HANGUL}{}{}{}", part(LEADS, lead), part(VOWELS, vowel), part(TAILS, tail))
            }
        }
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

const CJK: &str = "CJK UNIFIED IDEOGRAPH-";
const HANGUL: &str = "HANGUL SYLLABLE ";
const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 19 * 21 * 28;
// The syllables' name parts, from the Unicode standard's algorithm (3.12).
const LEADS: &[&str] =
    &["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const VOWELS: &[&str] = &[
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
    "YU", "EU", "YI", "I",
];
const TAILS: &[&str] = &[
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS",
    "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The name of `c`, if it has one: listed in UnicodeData.txt, a CJK unified
/// ideograph or a Hangul syllable (others with derived names, such as
/// Tangut, have none here, as in 3.1). `None` too if the table cannot be
/// loaded; see [`load`].
#[must_use]
pub fn name(c: char) -> Option<Name> {
    let table = table().ok()?;
    let code = u32::from(c);
    if let Ok(at) = table.names.binary_search_by_key(&code, |&(code, _)| code) {
        return Some(Name(Kind::Listed(table.names[at].1)));
    }
    if table.is_cjk(c) {
        return Some(Name(Kind::Cjk(code)));
    }
    let index = code.wrapping_sub(HANGUL_FIRST);
    (index < HANGUL_COUNT).then_some(Name(Kind::Hangul(index)))
}

/// The character with this name or alias, matched as 3.1 matches: case,
/// spaces, underscores and medial hyphens ignored (UAX #44's loose
/// matching, with U+1180's hyphen kept), and the derived names of CJK
/// unified ideographs and Hangul syllables. Aliases match only written
/// without spaces or medial hyphens (`NBSP`, not `NO-BREAK SPACE`), as in
/// 3.1. `None` too if the table cannot be loaded; see [`load`].
#[must_use]
pub fn character(search: &str) -> Option<char> {
    let table = table().ok()?;
    let key = search_key(search, table.longest)?;
    if let Some(rest) = key.strip_prefix(b"HANGULSYLLABLE") {
        return hangul(rest);
    }
    if let Some(digits) = key.strip_prefix(b"CJKUNIFIEDIDEOGRAPH") {
        // Upper case hex only (the key is upper case), at most five digits.
        if digits.len() > 5 || !digits.iter().all(|d| matches!(d, b'0'..=b'9' | b'A'..=b'F')) {
            return None;
        }
        let code = digits.iter().fold(0, |n, &d| n * 16 + char::from(d).to_digit(16).unwrap_or(0));
        return char::from_u32(code).filter(|&c| table.is_cjk(c));
    }
    if let Ok(at) = table.loose.binary_search_by(|(name, _)| name[..].cmp(&key[..])) {
        let c = table.loose[at].1;
        // U+1180 O-E's loose form keeps its hyphen, but a search for it loses
        // its medial hyphen and lands on U+116C OE; 3.1 tells them apart by
        // the hyphen before the last letter.
        let trimmed = search.trim_end_matches(|c: char| c.is_ascii_whitespace() || c == '_');
        if c == '\u{116C}' && trimmed.bytes().nth_back(1) == Some(b'-') {
            return Some('\u{1180}');
        }
        return Some(c);
    }
    let at = table.aliases.binary_search_by(|(alias, _)| alias.as_bytes().cmp(&key[..])).ok()?;
    Some(table.aliases[at].1)
}

/// A Hangul syllable from the parts of its name after the prefix, each the
/// longest part that matches, as 3.1 reads them.
fn hangul(rest: &[u8]) -> Option<char> {
    let take = |rest: &[u8], table: &[&str]| {
        let (at, part) = table
            .iter()
            .enumerate()
            .filter(|(_, part)| rest.starts_with(part.as_bytes()))
            .max_by_key(|(_, p)| p.len())?;
        Some((u32::try_from(at).ok()?, rest[part.len()..].to_vec()))
    };
    let (lead, rest) = take(rest, LEADS)?;
    let (vowel, rest) = take(&rest, VOWELS)?;
    let (tail, rest) = take(&rest, TAILS)?;
    rest.is_empty().then(|| char::from_u32(HANGUL_FIRST + (lead * 21 + vowel) * 28 + tail))?
}

/// A name's loose form: upper case, without spaces, underscores and medial
/// hyphens (but U+1180's).
fn loose_name(name: &str, c: char) -> Vec<u8> {
    let bytes = name.as_bytes();
    (0..bytes.len())
        .filter(|&i| !skipped(bytes, i) && (c == '\u{1180}' || !medial_hyphen(bytes, i)))
        .map(|i| bytes[i].to_ascii_uppercase())
        .collect()
}

/// A search's loose form, as 3.1 makes it: `None` for a character no name
/// has, or a form longer than the longest name's.
fn search_key(search: &str, longest: usize) -> Option<Vec<u8>> {
    let bytes = search.as_bytes();
    let mut key = Vec::with_capacity(bytes.len().min(longest));
    for i in (0..bytes.len()).filter(|&i| !skipped(bytes, i) && !medial_hyphen(bytes, i)) {
        let b = bytes[i].to_ascii_uppercase();
        if !(b.is_ascii_alphanumeric() || b == b'-') || key.len() == longest {
            return None;
        }
        key.push(b);
    }
    Some(key)
}

fn skipped(bytes: &[u8], i: usize) -> bool {
    bytes[i].is_ascii_whitespace() || bytes[i] == b'_'
}

fn medial_hyphen(bytes: &[u8], i: usize) -> bool {
    let alphanumeric =
        |at: Option<usize>| at.and_then(|at| bytes.get(at)).is_some_and(u8::is_ascii_alphanumeric);
    bytes[i] == b'-' && alphanumeric(i.checked_sub(1)) && alphanumeric(Some(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_characters() {
        assert_eq!(name('é').map(|n| n.to_string()).as_deref(), Some("LATIN SMALL LETTER E WITH ACUTE"));
        assert_eq!(name('\u{4E00}').map(|n| n.to_string()).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E00"));
        assert_eq!(name('\u{D4DB}').map(|n| n.to_string()).as_deref(), Some("HANGUL SYLLABLE PWILH"));
        assert!(name('\0').is_none() && name('\u{17000}').is_none());
        assert_eq!(character("snowman"), Some('☃'));
        assert_eq!(character("HANGUL SYLLABLE PWILH"), Some('\u{D4DB}'));
        assert_eq!(character("cjk unified ideograph-4e00"), Some('\u{4E00}'));
        assert_eq!(character("HANGUL JUNGSEONG O-E"), Some('\u{1180}'));
        assert_eq!(character("HANGUL JUNGSEONG OE"), Some('\u{116C}'));
        assert_eq!(character("NBSP"), Some('\u{A0}'));
        assert_eq!(character("no such name"), None);
    }
}
