//! Writes the search index the app fetches on the reader's first search:
//! `search-index <dir>` writes `<dir>/search-index.bin` (run by tools/build.mjs,
//! into target/, which index.html copies to dist/). Native only:
//! the index is built from the lessons' plain text, which wasm builds go
//! without, so a wasm build (the workspace's wasm lints) sees an empty bin.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::{env, fs, path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: search-index <dir>");
        return ExitCode::FAILURE;
    };
    let bytes = pyplay_search::Index::build().to_bytes();
    match fs::create_dir_all(&dir).and_then(|()| fs::write(dir.join(pyplay_search::FILE), bytes)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("search-index: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
