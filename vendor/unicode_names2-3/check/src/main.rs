//! Prints the fidelity dump (`../dump.rs`) as unicode_names2 3.1.0 answers
//! it, then on stderr how many near misses (a name with a letter added)
//! 3.1.0 answers, which the replacement does not (vendor/README.md).

#[path = "../dump.rs"]
mod dump;

use std::io::Write;

const NAME_ALIASES: &str = include_str!("../../data/NameAliases.txt");

fn main() {
    let name = |c| unicode_names2::name(c).map(|n| n.to_string());
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    dump::dump(&name, &|s| unicode_names2::character(s), NAME_ALIASES, &mut |line| {
        stdout.write_all(line.as_bytes()).expect("stdout");
    });
    stdout.flush().expect("stdout");
    let mut misses = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let Some(n) = name(c) else { continue };
        for extra in ["A", " A", "1", "-X"] {
            let near = format!("{n}{extra}");
            let Some(found) = unicode_names2::character(&near) else { continue };
            // Another real name (`... UE` + `A` is `... UEA`) is no miss.
            if loose(&near) != loose(&name(found).unwrap_or_default()) {
                misses.push(format!("{near:?} -> U+{:04X}", u32::from(found)));
            }
        }
    }
    eprintln!("near misses 3.1.0 answers: {}", misses.len());
    for miss in misses {
        eprintln!("  {miss}");
    }
}

/// Roughly UAX #44's loose form (U+1180 aside), to tell a real name from a miss.
fn loose(name: &str) -> String {
    let spaced = name.replace('-', " - ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ").replace(" - ", "").replace(' ', "").to_uppercase()
}
