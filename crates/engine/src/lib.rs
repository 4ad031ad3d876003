//! Runs Python source in an embedded RustPython VM.
//!
//! The engine knows nothing about the DOM or workers: it takes source text,
//! streams what the program writes to a caller-supplied sink, and returns a
//! structured [`PyError`] when the program fails. One [`Engine`] is reused
//! across runs; each run gets a fresh `__main__` module.

mod check;
mod host;
mod output_cap;
mod stdlib;
mod trace;

use std::cell::RefCell;

use rustpython_vm::{
    AsObject, Interpreter, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::{PyBaseException, PyDictRef},
    compiler::Mode,
    frozen::FrozenLib,
    scope::Scope,
};

pub use check::CheckOutcome;
pub use output_cap::{HEAD_BYTES, TAIL_BYTES};
pub use pyplay_protocol::{CheckResult, CheckSpec, PyError, Stream};
pub use stdlib::PackFetcher;
#[cfg(not(target_arch = "wasm32"))]
pub use stdlib::bundled as bundled_packs;
pub use trace::TraceOutcome;

/// File name the user's code runs under; tracebacks show it.
pub const MAIN_FILE: &str = "main.py";

/// py/, frozen by build.rs.
static PY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/py.frozen"));

/// What a running program does with its output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OutputEvent<'a> {
    Write(Stream, &'a str),
    /// The program called `flush()` (or `print(..., flush=True)`, or is
    /// about to sleep): pass on what is buffered now.
    Flush,
    /// The program sleeps this many seconds. The sink may block the thread
    /// for up to that long without spinning (Atomics.wait, a synchronous
    /// request); the engine then waits out whatever time is left.
    Pause(f64),
    /// This many bytes of output were left out so far (see [`output_cap`]);
    /// the run's last [`TAIL_BYTES`] follow when it ends.
    Skipped(u64),
}

/// Where a run's output goes while it runs.
pub type Sink = Box<dyn FnMut(OutputEvent<'_>)>;

/// Asks the reader for one more line of stdin while a program waits;
/// `None` means end of file.
pub type LineReader = Box<dyn FnMut() -> Option<String>>;

/// The run in progress: where its output goes, and how much more may.
struct Output {
    sink: Sink,
    cap: output_cap::OutputCap,
    /// While hidden checks run: what they write is theirs (the harness
    /// captures `sys.stdout`); anything written past it is dropped.
    quiet: bool,
}

thread_local! {
    static OUTPUT: RefCell<Option<Output>> = const { RefCell::new(None) };
    static READER: RefCell<Option<LineReader>> = const { RefCell::new(None) };
}

pub(crate) fn read_line() -> Option<String> {
    READER.with(|reader| reader.borrow_mut().as_mut().and_then(|read| read()))
}

/// Hands an event to the sink of the run in progress; dropped when none is.
pub(crate) fn emit(event: OutputEvent<'_>) {
    OUTPUT.with(|output| {
        if let Some(Output { sink, cap, quiet }) = output.borrow_mut().as_mut() {
            match event {
                OutputEvent::Write(..) if *quiet => {}
                OutputEvent::Write(stream, text) => cap.write(stream, text, sink),
                _ => sink(event),
            }
        }
    });
}

/// `os._exit`: nothing the run writes from now on is shown.
pub(crate) fn mute() {
    OUTPUT.with(|output| {
        if let Some(output) = output.borrow_mut().as_mut() {
            output.cap.mute();
        }
    });
}

/// Drops (or, with `false`, shows again) what the run writes from now on.
pub(crate) fn set_quiet(quiet: bool) {
    OUTPUT.with(|output| {
        if let Some(output) = output.borrow_mut().as_mut() {
            output.quiet = quiet;
        }
    });
}

/// Streams a run's output into `sink` while `body` runs, then sends the
/// tail the cap kept back.
fn with_output<T>(sink: Sink, body: impl FnOnce() -> T) -> T {
    let cap = output_cap::OutputCap::default();
    OUTPUT.with(|o| *o.borrow_mut() = Some(Output { sink, cap, quiet: false }));
    let result = body();
    if let Some(Output { mut sink, mut cap, .. }) = OUTPUT.with(|o| o.borrow_mut().take()) {
        cap.finish(&mut sink);
    }
    result
}

/// An interpreter with the frozen standard library and the browser shims.
pub struct Engine {
    interp: Interpreter,
}

/// Everything a run printed, for callers that don't need streaming.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Captured {
    pub stdout: String,
    pub stderr: String,
    pub error: Option<PyError>,
    /// As `sys.exit` set it; 0 when the program ended normally or raised.
    pub exit_status: i32,
    /// Output bytes left out by the cap (see [`HEAD_BYTES`]).
    pub skipped: u64,
}

impl Engine {
    /// Builds the VM and runs the boot module once. Native builds fetch
    /// standard-library packs from the binary; see [`Engine::with_pack_fetcher`].
    #[must_use]
    pub fn new() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let fetcher = Some(stdlib::bundled());
        #[cfg(target_arch = "wasm32")]
        let fetcher = None;
        Self::with_pack_fetcher(fetcher)
    }

    /// As [`Engine::new`], with `fetcher` getting the packs of the standard
    /// library beyond the built-in core on first import (in the browser,
    /// from the site's `stdlib/`), and the Unicode names table on first use.
    /// Without one, such an import is an `ImportError` that says so.
    ///
    /// # Panics
    /// If the frozen boot module fails, which is a build defect.
    #[must_use]
    pub fn with_pack_fetcher(fetcher: Option<PackFetcher>) -> Self {
        stdlib::set_fetcher(fetcher);
        unicode_names2::set_source(stdlib::unicode_names);
        let mut settings = rustpython_vm::Settings::default();
        settings.allow_external_library = false;
        settings.import_site = false;
        let builder = Interpreter::builder(settings);
        let mut defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
        // Only wasm32 has a native `_socket`; the frozen one in py/ serves
        // both builds, so native tests see what the browser sees.
        defs.retain(|def| def.name.as_str() != "_socket");
        defs.push(host::module_def(&builder.ctx));
        let interp = builder
            .add_native_modules(&defs)
            .add_frozen_modules(FrozenLib::from_ref(pyplay_stdlib::CORE))
            .add_frozen_modules(FrozenLib::from_ref(PY))
            .build();
        interp.enter(|vm| {
            if let Err(exc) = vm.import("_pyplay_boot", 0) {
                panic!("boot module failed: {}", render_exception(vm, &exc));
            }
        });
        Self { interp }
    }

    /// Runs `source` as a fresh `__main__` that reads `stdin`, streaming
    /// output into `sink`. Returns the exit status: 0, or what `sys.exit`
    /// or `os._exit` gave (ending a run quietly, as in CPython).
    ///
    /// # Errors
    /// The program's uncaught exception or syntax error, as data.
    pub fn run(&self, source: &str, stdin: &str, sink: Sink) -> Result<i32, PyError> {
        self.run_with(source, stdin, false, sink)
    }

    /// As [`Engine::run`], but continues the globals of the last run made
    /// with `keep_globals` (a REPL session) if no other run came between;
    /// a fresh `__main__` otherwise. Nothing else is reset in a session.
    ///
    /// # Errors
    /// The program's uncaught exception or syntax error, as data.
    pub fn run_with(
        &self,
        source: &str,
        stdin: &str,
        keep_globals: bool,
        sink: Sink,
    ) -> Result<i32, PyError> {
        with_output(sink, || self.interp.enter(|vm| run_main(vm, source, stdin, keep_globals)))
    }

    /// An exercise's Check: runs `source` as [`Engine::run`] does, with an
    /// empty stdin, and then, only if it ended normally (no exception, no
    /// `sys.exit` of any status, no `os._exit`), the hidden `checks`
    /// through `_pyplay_check.run_checks`. What the checks print goes into
    /// each result's `output`, not to `sink`. A failure of the harness
    /// itself (bad content) is the outcome's error, never a pass.
    #[must_use]
    pub fn check_with(&self, source: &str, checks: &[CheckSpec], sink: Sink) -> CheckOutcome {
        with_output(sink, || self.interp.enter(|vm| check::check_main(vm, source, checks)))
    }

    /// Visualize: runs `source` as [`Engine::run`] does, recording each
    /// step of the reader's code (at most `max_steps`, itself capped at
    /// [`pyplay_protocol::trace::MAX_STEPS`]) for the step-through panel.
    /// Output streams to `sink` as in a Run. A program stopped at the cap
    /// ends without an error; the trace says it was truncated.
    #[must_use]
    pub fn trace_with(&self, source: &str, stdin: &str, max_steps: u32, sink: Sink) -> TraceOutcome {
        with_output(sink, || self.interp.enter(|vm| trace::trace_main(vm, source, stdin, max_steps)))
    }

    /// Where `input()` gets a line once the run's stdin text is used up
    /// (interactive input); without one, it meets end of file.
    pub fn set_line_reader(&self, reader: Option<LineReader>) {
        READER.with(|r| *r.borrow_mut() = reader);
    }

    /// Runs `source` with an empty stdin and collects its output.
    #[must_use]
    pub fn run_captured(&self, source: &str) -> Captured {
        self.run_captured_with_stdin(source, "")
    }

    /// Runs `source` reading `stdin` and collects its output, without the
    /// echo of stdin (as CPython prints it with a pipe for stdin).
    #[must_use]
    pub fn run_captured_with_stdin(&self, source: &str, stdin: &str) -> Captured {
        let buf = std::rc::Rc::new(RefCell::new(Captured::default()));
        let out = buf.clone();
        let result = self.run(
            source,
            stdin,
            Box::new(move |event| {
                let mut out = out.borrow_mut();
                match event {
                    OutputEvent::Write(Stream::Stdout, text) => out.stdout.push_str(text),
                    OutputEvent::Write(Stream::Stderr, text) => out.stderr.push_str(text),
                    OutputEvent::Skipped(bytes) => out.skipped = bytes,
                    OutputEvent::Write(Stream::Stdin, _) | OutputEvent::Flush | OutputEvent::Pause(_) => {}
                }
            }),
        );
        let mut captured = buf.take();
        match result {
            Ok(status) => captured.exit_status = status,
            Err(error) => captured.error = Some(error),
        }
        captured
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

fn run_main(vm: &VirtualMachine, source: &str, stdin: &str, keep_globals: bool) -> Result<i32, PyError> {
    let outcome = fresh_main(vm, stdin, keep_globals).and_then(|globals| exec_main(vm, source, globals));
    finish_run(vm, outcome, source)
}

/// Compiles `source` as the user's file and runs it in `globals`.
fn exec_main(vm: &VirtualMachine, source: &str, globals: PyDictRef) -> PyResult {
    let code =
        vm.compile(source, Mode::Exec, MAIN_FILE).map_err(|err| err.into_pyexception(vm, Some(source)))?;
    vm.run_code_obj(code, Scope::with_builtins(None, globals, vm))
}

/// Ends a run whose program gave `outcome`: SystemExit ends it quietly, as
/// it ends CPython; atexit handlers then run, as at interpreter exit.
fn finish_run(vm: &VirtualMachine, outcome: PyResult, source: &str) -> Result<i32, PyError> {
    let outcome = match outcome {
        Ok(_) => Ok(0),
        Err(exc) if exc.fast_isinstance(vm.ctx.exceptions.system_exit) => exit_status(vm, &exc),
        Err(exc) => Err(exc),
    };
    let finished = end_run(vm);
    match (outcome, finished) {
        (Ok(status), Ok(())) => Ok(status),
        (Err(exc), _) | (Ok(_), Err(exc)) => Err(describe(vm, &exc, source)),
    }
}

/// The status a SystemExit carries; its message, if any, goes to stderr.
fn exit_status(vm: &VirtualMachine, exc: &PyRef<PyBaseException>) -> Result<i32, PyRef<PyBaseException>> {
    let exit = vm.import("_pyplay_exit", 0)?;
    let status = vm.call_method(&exit, "status", (exc.clone(),))?;
    status.try_into_value::<i32>(vm)
}

/// Runs atexit handlers (unless `os._exit` ended the run) and flushes.
fn end_run(vm: &VirtualMachine) -> Result<(), PyRef<PyBaseException>> {
    let exit = vm.import("_pyplay_exit", 0)?;
    vm.call_method(&exit, "end_run", ())?;
    flush_std_streams(vm)
}

/// A new `__main__` module, registered in `sys.modules`, whose dict is the
/// run's globals (so `from __main__ import f`, as timeit uses, works); the
/// session's one if `keep_globals` and there is one.
fn fresh_main(
    vm: &VirtualMachine,
    stdin: &str,
    keep_globals: bool,
) -> Result<PyDictRef, PyRef<PyBaseException>> {
    let boot = vm.import("_pyplay_boot", 0)?;
    let globals =
        vm.call_method(&boot, "fresh_main", (vm.ctx.new_str(stdin), vm.ctx.new_bool(keep_globals)))?;
    globals
        .downcast::<rustpython_vm::builtins::PyDict>()
        .map_err(|_| vm.new_type_error("fresh_main must return a dict"))
}

fn flush_std_streams(vm: &VirtualMachine) -> Result<(), PyRef<PyBaseException>> {
    for name in ["stdout", "stderr"] {
        if let Ok(stream) = vm.sys_module.get_attr(name, vm)
            && !vm.is_none(&stream)
        {
            vm.call_method(&stream, "flush", ())?;
        }
    }
    Ok(())
}

/// The traceback as CPython's `traceback` module writes it, source lines
/// included; the VM's own (terser) renderer if that fails.
fn format_traceback(vm: &VirtualMachine, exc: &PyRef<PyBaseException>, source: &str) -> String {
    let formatted = vm.import("_pyplay_boot", 0).and_then(|boot| {
        let text = vm.call_method(&boot, "format_exception", (exc.clone(), vm.ctx.new_str(source)))?;
        text.str(vm).map(|s| s.to_string())
    });
    formatted.unwrap_or_else(|_| render_exception(vm, exc))
}

fn render_exception(vm: &VirtualMachine, exc: &PyRef<PyBaseException>) -> String {
    let mut text = String::new();
    if vm.write_exception(&mut text, exc).is_err() {
        text.push_str("<traceback could not be rendered>");
    }
    text
}

fn int_attr(vm: &VirtualMachine, obj: &PyObjectRef, name: &'static str) -> Option<u32> {
    let value = obj.get_attr(name, vm).ok()?;
    value.try_into_value::<i64>(vm).ok().and_then(|v| u32::try_from(v).ok())
}

/// Turns a Python exception into data the UI can show.
fn describe(vm: &VirtualMachine, exc: &PyRef<PyBaseException>, source: &str) -> PyError {
    let kind = exc.class().name().to_string();
    let obj: PyObjectRef = exc.clone().into();
    let is_syntax = exc.class().fast_issubclass(vm.ctx.exceptions.syntax_error);
    let (message, line, column) = if is_syntax {
        let msg = obj
            .get_attr("msg", vm)
            .ok()
            .and_then(|m| m.str(vm).ok())
            .map(|s| s.to_string())
            .unwrap_or_default();
        (msg, int_attr(vm, &obj, "lineno"), int_attr(vm, &obj, "offset"))
    } else {
        let msg = obj.str(vm).map(|s| s.to_string()).unwrap_or_default();
        // The innermost frame that belongs to the user's file.
        let line = exc.traceback().and_then(|tb| {
            tb.iter()
                .filter(|entry| entry.frame.f_code().source_path().as_str() == MAIN_FILE)
                .last()
                .and_then(|entry| u32::try_from(entry.lineno.get()).ok())
        });
        (msg, line, None)
    };
    PyError { kind, message, line, column, traceback: format_traceback(vm, exc, source) }
}
