//! `_pyplay`: the few host services Python needs that RustPython's wasm32
//! build lacks or implements with a panic (clock, sleep, output), and the
//! standard library beyond the built-in core.

pub(crate) use _pyplay::module_def;

#[rustpython_vm::pymodule]
mod _pyplay {
    use rustpython_vm::{
        PyRef, PyResult, VirtualMachine,
        builtins::{PyCode, PyStrRef},
        function::ArgIntoFloat,
    };

    use super::clock;
    use crate::{OutputEvent, Stream, emit};

    /// Sends text written to sys.stdout (fd 1) or sys.stderr (fd 2), or the
    /// echo of what was read from sys.stdin (fd 0), to the run's sink.
    /// Returns the length written, or None, writing nothing, if the text
    /// holds a lone surrogate (which UTF-8 cannot encode; the caller raises).
    #[pyfunction]
    fn write(fd: i32, text: PyStrRef, vm: &VirtualMachine) -> PyResult<Option<usize>> {
        let stream = match fd {
            0 => Stream::Stdin,
            1 => Stream::Stdout,
            2 => Stream::Stderr,
            _ => return Err(vm.new_value_error(format!("bad stream {fd}"))),
        };
        let Some(utf8) = text.to_str() else { return Ok(None) };
        emit(OutputEvent::Write(stream, utf8));
        Ok(Some(text.char_len()))
    }

    /// `os._exit`: the rest of the run is not shown.
    #[pyfunction]
    fn mute() {
        crate::mute();
    }

    /// `n` bytes from the platform's CSPRNG (crypto.getRandomValues in a browser).
    #[pyfunction]
    fn urandom(n: isize, vm: &VirtualMachine) -> PyResult<Vec<u8>> {
        let n = usize::try_from(n).map_err(|_| vm.new_value_error("negative argument not allowed"))?;
        let mut buf = vec![0; n];
        getrandom::fill(&mut buf).map_err(|e| vm.new_os_error(format!("no randomness available: {e}")))?;
        Ok(buf)
    }

    /// `os.abort()`: ends the interpreter at once, as CPython ends the process.
    /// In the browser this traps the wasm instance; the page starts a new one.
    #[pyfunction]
    fn abort() {
        std::process::abort();
    }

    /// Passes buffered output on to the page now.
    #[pyfunction]
    fn flush() {
        emit(OutputEvent::Flush);
    }

    /// `time.sleep`: flushes output, lets the host block (see
    /// [`OutputEvent::Pause`]), then waits out the rest, so the elapsed time
    /// is never short.
    #[pyfunction]
    fn sleep(seconds: ArgIntoFloat) {
        let seconds = f64::from(seconds);
        emit(OutputEvent::Flush);
        let start = clock::monotonic();
        emit(OutputEvent::Pause(seconds));
        clock::wait(start, seconds);
    }

    /// A line typed by the reader while the program waits, once the run's
    /// stdin text is used up; None (end of file) if the host cannot ask.
    #[pyfunction]
    fn read_line() -> Option<String> {
        emit(OutputEvent::Flush);
        crate::read_line()
    }

    /// Whether `name` is a standard-library module outside the engine's
    /// core: None if not, else whether it is a package.
    #[pyfunction]
    fn stdlib_module(name: String) -> Option<bool> {
        crate::stdlib::find(&name)
    }

    /// Every top-level module of the packs, one per line, for the import
    /// sweep (tests/stdlib_sweep.py).
    #[pyfunction]
    fn stdlib_top_level() -> String {
        crate::stdlib::top_level().collect::<Vec<_>>().join("\n")
    }

    /// The code of such a module; its pack is fetched on first use.
    #[pyfunction]
    fn stdlib_code(name: String, vm: &VirtualMachine) -> PyResult<PyRef<PyCode>> {
        crate::stdlib::code(&name, vm)
    }

    /// Why the Unicode names table (a pack fetched on first use) cannot be
    /// loaded, or None once it is.
    #[pyfunction]
    fn unicode_names_missing() -> Option<String> {
        unicode_names2::load().err()
    }

    /// Seconds since the Unix epoch.
    #[pyfunction]
    fn wall_time() -> f64 {
        clock::wall()
    }

    /// Seconds from an arbitrary start that never goes backwards.
    #[pyfunction]
    fn monotonic() -> f64 {
        clock::monotonic()
    }
}

mod clock {
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn wall() -> f64 {
        js_sys::Date::now() / 1000.0
    }

    #[cfg(target_arch = "wasm32")]
    pub(crate) fn monotonic() -> f64 {
        // `performance` exists in windows and workers alike.
        let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok().and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            let now: js_sys::Function = now.into();
            now.call0(&p).ok()?.as_f64()
        });
        perf.unwrap_or_else(js_sys::Date::now) / 1000.0
    }

    // Until `seconds` have passed since `start`. Elapsed time is compared,
    // not `monotonic() < start + seconds`: the rounded sum can end the wait a
    // hair early for a caller who measures `now - start`.

    /// The host had no way to block: spin (wasm32 has no thread to park).
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn wait(start: f64, seconds: f64) {
        while monotonic() - start < seconds {}
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn wait(start: f64, seconds: f64) {
        let left = seconds - (monotonic() - start);
        if left > 0.0 {
            std::thread::sleep(std::time::Duration::from_secs_f64(left));
        }
        while monotonic() - start < seconds {}
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn wall() -> f64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn monotonic() -> f64 {
        use std::sync::OnceLock;
        static START: OnceLock<std::time::Instant> = OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64()
    }
}
