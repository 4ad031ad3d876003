//! Writes every pack into a directory the site serves as `stdlib/`:
//! `cargo run -p pyplay-stdlib -- DIR` (run by tools/build.mjs).

use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: pyplay-stdlib DIR");
        std::process::exit(2);
    };
    // Only this build's packs: the site must not keep serving stale ones.
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut total = 0;
    for (file, bytes) in pyplay_stdlib::PACKS {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        total += bytes.len();
    }
    println!("stdlib: {} packs, {total} bytes, in {}", pyplay_stdlib::PACKS.len(), dir.display());
}
