//! The standard library beyond the modules built in (`pyplay-stdlib`):
//! on a module's first import, the pack that holds it is fetched through the
//! host's [`PackFetcher`], checked against the hash in its name, and kept
//! for the life of the engine.

use std::{cell::RefCell, collections::HashMap};

use rustpython_vm::{
    PyRef, PyResult, VirtualMachine,
    builtins::PyCode,
    frozen::{FrozenCodeObject, FrozenLib},
};

/// Gets a pack by its path under the site's `stdlib/`; `Err` says why not.
pub type PackFetcher = Box<dyn FnMut(&str) -> Result<Vec<u8>, String>>;

thread_local! {
    static FETCHER: RefCell<Option<PackFetcher>> = const { RefCell::new(None) };
    /// Module name -> its code, from every pack fetched so far.
    static LOADED: RefCell<HashMap<String, Vec<u8>>> = RefCell::new(HashMap::new());
}

pub(crate) fn set_fetcher(fetcher: Option<PackFetcher>) {
    FETCHER.with(|f| *f.borrow_mut() = fetcher);
    LOADED.with(|loaded| loaded.borrow_mut().clear());
}

/// What native builds use: the packs are in the binary.
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn bundled() -> PackFetcher {
    Box::new(|path| pyplay_stdlib::pack(path).map(<[u8]>::to_vec).ok_or_else(|| format!("no pack {path}")))
}

/// The Unicode names table (`unicodedata.name`, `lookup`, `\N{...}`): a pack
/// too, fetched the first time a program asks for a name (vendor/README.md).
/// Kept for the life of the worker once it came.
pub(crate) fn unicode_names() -> Result<&'static [u8], String> {
    let path = pyplay_stdlib::UNICODE_NAMES;
    let fetched = FETCHER.with(|f| match f.borrow_mut().as_mut() {
        Some(fetch) => fetch(path),
        None => Err("this host cannot fetch it".into()),
    });
    let bytes =
        fetched.map_err(|why| format!("the playground fetches stdlib/{path} on first use, and {why}"))?;
    if !pyplay_stdlib::is_intact(path, &bytes) {
        return Err(format!("stdlib/{path} came back damaged or from another build"));
    }
    Ok(bytes.leak())
}

/// Whether `name` is a module of a pack: `Some(is_package)`.
pub(crate) fn find(name: &str) -> Option<bool> {
    pyplay_stdlib::find(name).map(|(_, package)| package)
}

/// The top-level modules and packages of the packs.
pub(crate) fn top_level() -> impl Iterator<Item = &'static str> {
    pyplay_stdlib::MODULES.iter().map(|(name, _, _)| *name).filter(|name| !name.contains('.'))
}

/// The code of `name`, a module of a pack, fetching the pack if need be.
pub(crate) fn code(name: &str, vm: &VirtualMachine) -> PyResult<PyRef<PyCode>> {
    let import_error = |why: String| vm.new_import_error(why, vm.ctx.new_str(name));
    let Some((path, _)) = pyplay_stdlib::find(name) else {
        return Err(import_error(format!("No module named '{name}'")));
    };
    if !LOADED.with(|loaded| loaded.borrow().contains_key(name)) {
        let fetched = FETCHER.with(|f| match f.borrow_mut().as_mut() {
            Some(fetch) => fetch(path),
            None => Err("this host cannot fetch it".into()),
        });
        let bytes = fetched.map_err(|why| {
            import_error(format!("module '{name}' could not be loaded: the playground fetches stdlib/{path} on first import, and {why}"))
        })?;
        if !pyplay_stdlib::is_intact(path, &bytes) {
            return Err(import_error(format!(
                "module '{name}' could not be loaded: stdlib/{path} came back damaged or from another build"
            )));
        }
        LOADED.with(|loaded| {
            let mut loaded = loaded.borrow_mut();
            for (module, frozen) in FrozenLib::from_ref(&bytes[..]).decode() {
                loaded.insert(module.to_owned(), frozen.code.bytes.to_vec());
            }
        });
    }
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let bytes =
            loaded.get(name).ok_or_else(|| import_error(format!("stdlib/{path} lacks module '{name}'")))?;
        Ok(PyCode::new_ref_from_frozen(vm, FrozenCodeObject { bytes: &bytes[..] }))
    })
}
