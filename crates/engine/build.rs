//! Re-encodes RustPython's frozen standard library (see `main`); also reruns
//! when py/ changes, which lib.rs's py_freeze! reads at compile time.

use std::path::PathBuf;

/// Packages and modules left out of the frozen standard library because they
/// cannot work in a web page. Only names no lesson or conformance program
/// imports; each is also in `_UNAVAILABLE` (py/_pyplay_boot.py), so importing
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

/// `FrozenLib` stores each module lz4-compressed, which brotli and gzip on the
/// wire cannot shrink further. Stored instead as a literal-only lz4 block, the
/// same bytes still decode with RustPython's unchanged reader (a copy) and
/// compress well in transfer.
fn main() {
    println!("cargo::rerun-if-changed=py");
    let mut kept = Vec::new();
    let mut raw_total = 0;
    for (name, module) in rustpython_pylib::FROZEN_STDLIB {
        if DROPPED.contains(&name.split('.').next().unwrap_or(name)) {
            continue;
        }
        let raw = lz4_flex::decompress_size_prepended(module.code.bytes)
            .unwrap_or_else(|e| panic!("frozen module {name}: {e}"));
        raw_total += raw.len();
        let block = literal_block(&raw);
        assert_eq!(lz4_flex::decompress_size_prepended(&block).ok(), Some(raw), "{name}");
        kept.push((name, block, module.package));
    }
    // FrozenLib's layout: a u32 count, then per module the name and the code
    // (each a u32 length and bytes) and a package flag; little-endian.
    let mut lib = Vec::with_capacity(raw_total + kept.len() * 64);
    push_len(&mut lib, kept.len());
    for (name, block, package) in &kept {
        push_len(&mut lib, name.len());
        lib.extend_from_slice(name.as_bytes());
        push_len(&mut lib, block.len());
        lib.extend_from_slice(block);
        lib.push(u8::from(*package));
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("stdlib.frozen");
    std::fs::write(&out, lib).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// `raw` as one lz4 block with its size prepended, all literals: the token's
/// literal length is 15 then 255-bytes and a remainder, and no match follows.
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
