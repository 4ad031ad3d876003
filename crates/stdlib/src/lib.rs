//! RustPython's frozen standard library, split for the web: [`CORE`], what
//! the interpreter needs to start, is built into the engine; every other
//! module sits in a pack (the lessons' modules in one, every other top-level
//! name in its own) that the site serves as `stdlib/<path>` and the engine
//! fetches on first import. The Unicode names table
//! ([`UNICODE_NAMES`], vendor/unicode_names2-3) is a pack too, fetched
//! when a program first asks for a character's name.
//!
//! Nothing here is linked unless used: the browser's wasm keeps [`CORE`]
//! and the index, and leaves the packs to the site.

/// The modules built into the engine (`builtin.txt`), in `FrozenLib`'s layout.
pub static CORE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/core.frozen"));

include!(concat!(env!("OUT_DIR"), "/lazy.rs"));

mod fnv;

/// Where a module outside the core is: its pack's path under `stdlib/` and whether it
/// is a package. `None` for core modules and names the stdlib lacks.
#[must_use]
pub fn find(module: &str) -> Option<(&'static str, bool)> {
    let at = MODULES.binary_search_by(|(name, _, _)| (*name).cmp(module)).ok()?;
    let (_, file, package) = MODULES[at];
    Some((file, package))
}

/// A pack's bytes by its path, for hosts that have them at hand (native
/// builds and tests) instead of fetching `stdlib/<file>`.
#[must_use]
pub fn pack(file: &str) -> Option<&'static [u8]> {
    PACKS.iter().find(|(name, _)| *name == file).map(|(_, bytes)| *bytes)
}

/// Whether `bytes` are the pack at `path`: the hash in its name matches,
/// so what a host sent (an error page, a stale copy) is never decoded.
#[must_use]
pub fn is_intact(path: &str, bytes: &[u8]) -> bool {
    let hash = path.strip_suffix(".bin").and_then(|stem| stem.rsplit_once('-')).map(|(_, hash)| hash);
    hash.is_some_and(|hash| hash == format!("{:016x}", fnv::fnv1a(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_modules_have_no_pack_and_the_others_one_each() {
        assert_eq!(find("os"), None);
        assert_eq!(find("no_such_module"), None);
        let (lessons, package) = find("asyncio").expect("asyncio is packed");
        assert!(lessons.starts_with("lessons-") && package);
        assert_eq!(find("asyncio.tasks"), Some((lessons, false)));
        let (email, _) = find("email.mime.text").expect("email is packed");
        assert!(email.starts_with("more/email-"), "{email}");
        for (_, path, _) in MODULES {
            assert!(pack(path).is_some_and(|bytes| is_intact(path, bytes)), "{path}");
        }
    }

    #[test]
    fn a_pack_is_intact_only_with_the_bytes_its_name_hashes() {
        let (path, _) = find("csv").expect("csv is packed");
        let bytes = pack(path).expect("bundled");
        assert!(is_intact(path, bytes));
        assert!(!is_intact(path, &bytes[1..]));
        assert!(!is_intact("more/csv.bin", bytes));
        assert!(!is_intact(path, b"<!doctype html>"));
    }
}
