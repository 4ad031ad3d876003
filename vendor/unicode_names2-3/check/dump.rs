//! The fidelity dump: every question RustPython can ask unicode_names2, and
//! the answer, one a line. The check in this folder writes it from the real
//! 3.1.0, and pyplay-stdlib's test from vendor/unicode_names2-3; the two must
//! hash alike (`dump.sha256`).
//!
//! Questions: `name(c)` for every code point; `character(s)` for every name
//! `name` gives (listed and derived) and every alias, each as written, in
//! lower case, with `_` for spaces and with no spaces at all; and a few
//! edge cases of the loose matching.

pub fn dump(
    name: &dyn Fn(char) -> Option<String>,
    character: &dyn Fn(&str) -> Option<char>,
    name_aliases: &str,
    out: &mut dyn FnMut(&str),
) {
    let show = |c: Option<char>| c.map_or("-".to_string(), |c| format!("{:04X}", u32::from(c)));
    let ask = |s: &str, out: &mut dyn FnMut(&str)| out(&format!("character {s:?} {}\n", show(character(s))));
    let mut names = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let n = name(c);
        out(&format!("name {:04X} {}\n", u32::from(c), n.as_deref().unwrap_or("-")));
        names.extend(n);
    }
    let aliases = name_aliases
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split(';').nth(1))
        .map(str::to_string);
    for n in names.into_iter().chain(aliases) {
        for s in [n.clone(), n.to_lowercase(), n.replace(' ', "_"), n.replace(' ', "")] {
            ask(&s, out);
        }
    }
    for s in [
        "",
        " ",
        "-",
        "_",
        "é",
        "SNOWMAN ",
        " snowman",
        "-SNOWMAN",
        "SNOWMAN-",
        "SNOW-MAN",
        "SNOW MAN",
        "SNOWMAN\0",
        "HANGUL SYLLABLE",
        "HANGUL SYLLABLE ",
        "HANGUL SYLLABLE X",
        "HANGUL SYLLABLE GAX",
        "HANGUL SYLLABLE YA",
        "HANGUL SYLLABLE WGA",
        "hangul syllable gag",
        "HANGULSYLLABLEPWILH",
        "CJK UNIFIED IDEOGRAPH-",
        "CJK UNIFIED IDEOGRAPH-0",
        "CJK UNIFIED IDEOGRAPH-04E00",
        "CJK UNIFIED IDEOGRAPH-004E00",
        "CJK UNIFIED IDEOGRAPH 4E00",
        "CJK UNIFIED IDEOGRAPH--4E00",
        "CJK UNIFIED IDEOGRAPH-110000",
        "CJK UNIFIED IDEOGRAPH-FFFFF",
        "CJK UNIFIED IDEOGRAPH-4DBF",
        "CJK UNIFIED IDEOGRAPH-4DC0",
        "CJK COMPATIBILITY IDEOGRAPH-F900",
        "TANGUT IDEOGRAPH-17000",
        "HANGUL JUNGSEONG O-E",
        "HANGUL JUNGSEONG O -E",
        "HANGUL JUNGSEONG O- E",
        "HANGUL JUNGSEONG OE",
        "hangul jungseong o-e__ ",
        "HANGUL JUNGSEONG O-E-",
        "TIBETAN MARK TSA -PHRU",
        "TIBETAN MARK TSA-PHRU",
        "TIBETAN MARK TSA PHRU",
        "LINE FEED",
        "LINEFEED",
        "LF",
        "lf",
        "NO-BREAK SPACE",
        "NBSP",
        "BYTE ORDER MARK",
        "BOM",
        "ZWNBSP",
        "latin_small_letter_a",
        "LATIN SMALL LETTER A WITH",
    ] {
        ask(s, out);
    }
    // A name just under and just over the longest allowed.
    ask(&"A".repeat(88), out);
    ask(&"A ".repeat(200), out);
}
