//! vendor/unicode_names2-3 answers every question of the fidelity dump
//! exactly as unicode_names2 3.1.0 does: the dump's hash must be the one
//! vendor/unicode_names2-3/check wrote from the real crate. The table comes
//! from the pack the site serves, as in the browser.

#[path = "../../../vendor/unicode_names2-3/check/dump.rs"]
mod dump;

use sha2::{Digest, Sha256};

const NAME_ALIASES: &str = include_str!("../../../vendor/unicode_names2-3/data/NameAliases.txt");
const EXPECTED: &str = include_str!("../../../vendor/unicode_names2-3/check/dump.sha256");

#[test]
fn the_names_pack_answers_as_unicode_names2_3_1_0() {
    unicode_names2::set_source(|| {
        pyplay_stdlib::pack(pyplay_stdlib::UNICODE_NAMES).ok_or_else(|| "no pack".into())
    });
    unicode_names2::load().expect("the names pack loads");
    let mut hash = Sha256::new();
    let name = |c| unicode_names2::name(c).map(|n| n.to_string());
    dump::dump(&name, &unicode_names2::character, NAME_ALIASES, &mut |line| hash.update(line.as_bytes()));
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        EXPECTED.trim(),
        "the dump differs from 3.1.0's (run the check in vendor/unicode_names2-3/check)"
    );
}

#[test]
fn the_names_pack_is_intact_and_cached_at_install() {
    // Not under more/: sw.js caches the packs beside the lessons' one at
    // install, and a lesson needs names offline.
    let path = pyplay_stdlib::UNICODE_NAMES;
    assert!(path.starts_with("unicode-names-"), "{path}");
    assert!(pyplay_stdlib::pack(path).is_some_and(|bytes| pyplay_stdlib::is_intact(path, bytes)));
}
