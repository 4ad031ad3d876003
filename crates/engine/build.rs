//! Freezes py/ into `$OUT_DIR/py.frozen` (`FrozenLib`'s layout), sorted by
//! module name. RustPython's `py_freeze!(dir = …)` walks a `HashMap`, so each
//! compile laid the modules out in a new order: the worker's wasm changed on
//! every rebuild of this crate and its wasm-opt cache (tools/) never hit in a
//! fresh clone. Names and filenames are as `py_freeze!` gives them.

use rustpython_compiler::{
    CompileOpts, Mode, compile,
    core::frozen::{FrozenCodeObject, FrozenLib, FrozenModule},
};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=py");
    let mut modules: Vec<(String, FrozenCodeObject<Vec<u8>>)> = std::fs::read_dir("py")
        .expect("py/")
        .map(|entry| entry.expect("py/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .map(|path| {
            let name = path.file_stem().and_then(|s| s.to_str()).expect("UTF-8 name").to_string();
            let source = std::fs::read_to_string(&path).expect("py/ source");
            let code = compile(&source, Mode::Exec, &name, CompileOpts::default())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, FrozenCodeObject::encode(&code))
        })
        .collect();
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    let lib = FrozenLib::encode(modules.iter().map(|(name, code)| {
        let code = FrozenCodeObject { bytes: code.bytes.as_slice() };
        (name.as_str(), FrozenModule { code, package: false })
    }));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("py.frozen"), &lib.bytes).expect("OUT_DIR/py.frozen");
}
