//! Splits RustPython's frozen standard library: the modules of `builtin.txt`
//! are built into the engine; every other module goes into a pack that the
//! engine fetches on first import. The packages of `offline.txt`'s modules
//! make one pack, `lessons`, cached at install; every other top-level name
//! outside the core is a pack of its own under `more/`, cached when first
//! used. Everything is re-encoded on the way (see `literal_block`). The
//! Unicode names table (vendor/unicode_names2-3) is one more pack.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    path::{Path, PathBuf},
};

/// Packages and modules left out altogether because they cannot work in a
/// web page. Only names no lesson or conformance program imports; each is
/// also in `_UNAVAILABLE` (crates/engine/py/_pyplay_imports.py), so importing
/// one still says why.
const DROPPED: &[&str] = &[
    "multiprocessing",
    "sqlite3",
    "ssl",
    "tkinter",
    "curses",
    // Desktop windows, through tkinter.
    "idlelib",
    "turtle",
    "turtledemo",
    // Install packages or make environments on a disk.
    "ensurepip",
    "venv",
];

#[path = "src/fnv.rs"]
mod fnv;

use fnv::fnv1a;

struct Module<'a> {
    name: &'a str,
    block: Vec<u8>,
    package: bool,
}

fn main() {
    let builtin_txt = list_file("builtin.txt");
    let offline_txt = list_file("offline.txt");
    let core = names(&builtin_txt);
    let offline = names(&offline_txt);
    let mut core_modules = Vec::new();
    let mut packs: BTreeMap<String, Vec<Module>> = BTreeMap::new();
    // By name: rustpython-pylib's order differs from one build of it to the
    // next, and the packs' hashes must not.
    let mut stdlib: Vec<_> = rustpython_pylib::FROZEN_STDLIB.into_iter().collect();
    stdlib.sort_by_key(|(name, _)| *name);
    for (name, module) in stdlib {
        if DROPPED.contains(&name.split('.').next().unwrap_or(name)) {
            continue;
        }
        let raw = lz4_flex::decompress_size_prepended(module.code.bytes)
            .unwrap_or_else(|e| panic!("frozen module {name}: {e}"));
        let block = literal_block(&raw);
        assert_eq!(lz4_flex::decompress_size_prepended(&block).ok(), Some(raw), "{name}");
        let module = Module { name, block, package: module.package };
        if core.contains(name) {
            core_modules.push(module);
        } else {
            packs.entry(pack_name(name, &core)).or_default().push(module);
        }
    }
    let known: BTreeSet<&str> = core_modules.iter().map(|m| m.name).collect();
    let unknown: Vec<_> = core.difference(&known).collect();
    assert!(unknown.is_empty(), "builtin.txt names modules the frozen stdlib lacks: {unknown:?}");
    let packed: BTreeSet<&str> = packs.values().flatten().map(|m| m.name).collect();
    let unknown: Vec<_> = offline.difference(&packed).collect();
    assert!(unknown.is_empty(), "offline.txt names modules no pack holds: {unknown:?}");

    // The packs the lessons need become one: one request where `import
    // asyncio` would make forty in a row, each a round trip.
    let (lessons, more): (Vec<_>, Vec<_>) =
        packs.into_iter().partition(|(_, modules)| modules.iter().any(|m| offline.contains(m.name)));
    let mut lessons: Vec<Module> = lessons.into_iter().flat_map(|(_, modules)| modules).collect();
    lessons.sort_by_key(|m| m.name);
    let packs: Vec<(String, Vec<Module>)> = std::iter::once(("lessons".to_string(), lessons))
        .chain(more.into_iter().map(|(pack, modules)| (format!("more/{pack}"), modules)))
        .collect();

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    write(&out.join("core.frozen"), &frozen_lib(&core_modules));
    let dir = out.join("packs");
    std::fs::create_dir_all(&dir).expect("OUT_DIR/packs");
    let mut index = Vec::new();
    let mut files = String::new();
    for (pack, modules) in &packs {
        let bytes = frozen_lib(modules);
        // The content hash in the name: a page only ever gets the bytecode of
        // its own build, and hosts may cache a pack forever.
        let file = format!("{pack}-{:016x}.bin", fnv1a(&bytes));
        let path = dir.join(file.replace('/', "-"));
        write(&path, &bytes);
        writeln!(files, "    ({file:?}, include_bytes!({:?})),", path.display()).unwrap();
        index.extend(modules.iter().map(|m| (m.name, file.clone(), m.package)));
    }
    // Not a module: the Unicode names table (vendor/unicode_names2-3), which
    // only unicodedata.name/lookup and `\N{...}` need, so the engine fetches
    // it on first use. Beside the lessons' pack, not under more/: a lesson
    // asks for names (secure-filename), so it is cached at install too.
    let names_table = unicode_names2::built_in();
    let names_file = format!("unicode-names-{:016x}.bin", fnv1a(names_table));
    let path = dir.join(&names_file);
    write(&path, names_table);
    writeln!(files, "    ({names_file:?}, include_bytes!({:?})),", path.display()).unwrap();
    index.sort();
    let mut rust =
        String::from("/// The modules built into the engine, by name.\npub static BUILTIN: &[&str] = &[\n");
    for name in &core {
        writeln!(rust, "    {name:?},").unwrap();
    }
    rust.push_str(
        "];\n\n/// Every module outside the core: (name, its pack's path under stdlib/, is a package), by name.\n\
         pub static MODULES: &[(&str, &str, bool)] = &[\n",
    );
    for (name, file, package) in &index {
        writeln!(rust, "    ({name:?}, {file:?}, {package}),").unwrap();
    }
    writeln!(rust, "];\n\n/// The Unicode names table's path under stdlib/.\npub static UNICODE_NAMES: &str = {names_file:?};").unwrap();
    rust.push_str("\n/// Every pack: (path under stdlib/, bytes): modules in `FrozenLib`'s layout, or the names table.\npub static PACKS: &[(&str, &[u8])] = &[\n");
    rust.push_str(&files);
    rust.push_str("];\n");
    write(&out.join("lazy.rs"), rust.as_bytes());
}

fn list_file(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The module names of a list file: a name a line, `#` comments.
fn names(text: &str) -> BTreeSet<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The pack a module outside the core goes in: its shortest dotted prefix
/// that is not a core module (`email.mime.text` -> `email`, but
/// `encodings.cp1252` -> itself, as `encodings` is core).
fn pack_name(name: &str, core: &BTreeSet<&str>) -> String {
    let mut end = 0;
    for part in name.split('.') {
        end += part.len();
        if !core.contains(&name[..end]) {
            return name[..end].to_string();
        }
        end += 1;
    }
    unreachable!("{name} is in the core")
}

/// `FrozenLib`'s layout: a u32 count, then per module the name and the code
/// (each a u32 length and bytes) and a package flag; little-endian.
fn frozen_lib(modules: &[Module]) -> Vec<u8> {
    let mut lib = Vec::new();
    push_len(&mut lib, modules.len());
    for module in modules {
        push_len(&mut lib, module.name.len());
        lib.extend_from_slice(module.name.as_bytes());
        push_len(&mut lib, module.block.len());
        lib.extend_from_slice(&module.block);
        lib.push(u8::from(module.package));
    }
    lib
}

/// `FrozenLib` stores each module lz4-compressed, which brotli and gzip on
/// the wire cannot shrink further. As one lz4 block of literals only (the
/// token's literal length is 15 then 255-bytes and a remainder, no match),
/// the same bytes still decode with RustPython's unchanged reader (a copy)
/// and compress well in transfer.
fn literal_block(raw: &[u8]) -> Vec<u8> {
    let mut block = Vec::with_capacity(raw.len() + raw.len() / 255 + 6);
    push_len(&mut block, raw.len());
    match u8::try_from(raw.len()) {
        Ok(n) if n < 15 => block.push(n << 4),
        _ => {
            block.push(0xF0);
            let mut rest = raw.len() - 15;
            while rest >= 255 {
                block.push(255);
                rest -= 255;
            }
            block.push(u8::try_from(rest).expect("below 255"));
        }
    }
    block.extend_from_slice(raw);
    block
}

fn push_len(buf: &mut Vec<u8>, len: usize) {
    let len = u32::try_from(len).expect("frozen stdlib fits u32 lengths");
    buf.extend_from_slice(&len.to_le_bytes());
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
