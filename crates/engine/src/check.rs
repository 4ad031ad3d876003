//! An exercise's Check: the reader's program, then the hidden checks of
//! `py/_pyplay_check.py` in a copy of the harness the program cannot reach.

use rustpython_vm::{
    AsObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::{PyBaseException, PyDict, PyDictRef, PyList, PyStr},
};

use crate::{CheckResult, CheckSpec, PyError, describe, exec_main, finish_run, fresh_main, set_quiet};

const HARNESS: &str = "_pyplay_check";

/// How a Check went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    /// As [`crate::Engine::run`] returns it: the exit status, or the
    /// program's error. Also an error, with no results, when the checks
    /// themselves could not run (a defect in the exercise or the harness).
    pub ended: Result<i32, PyError>,
    /// One result per check, in order; `None` when the checks did not run
    /// because the program raised, exited (`sys.exit` of any status,
    /// `os._exit`) or the harness failed.
    pub results: Option<Vec<CheckResult>>,
}

impl CheckOutcome {
    /// True only if the program ended normally and every check passed.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.ended == Ok(0)
            && self
                .results
                .as_ref()
                .is_some_and(|results| !results.is_empty() && results.iter().all(|r| r.passed))
    }
}

/// Runs `source` in a fresh `__main__` with an empty stdin, then the checks.
pub(crate) fn check_main(vm: &VirtualMachine, source: &str, checks: &[CheckSpec]) -> CheckOutcome {
    // The harness is imported after the reset and before the program, so
    // it captures pristine builtins.
    let prepared = fresh_main(vm, "", false).and_then(|globals| Ok((import_harness(vm)?, globals)));
    let (run_checks, globals) = match prepared {
        Ok(prepared) => prepared,
        Err(exc) => return CheckOutcome { ended: finish_run(vm, Err(exc), source), results: None },
    };
    let outcome = exec_main(vm, source, globals.clone());
    let results = match outcome {
        Ok(_) if !exited_now(vm) => Some(run_harness(vm, &run_checks, globals, checks)),
        _ => None,
    };
    let ended = finish_run(vm, outcome, source);
    match (ended, results) {
        (Ok(0), Some(Ok(results))) => CheckOutcome { ended: Ok(0), results: Some(results) },
        (Ok(0), Some(Err(exc))) => {
            CheckOutcome { ended: Err(harness_error(vm, &exc, source)), results: None }
        }
        (ended, _) => CheckOutcome { ended, results: None },
    }
}

/// A fresh copy of the harness's `run_checks`. The module is dropped from
/// `sys.modules` before (a copy an earlier run imported may be tampered
/// with) and after the import, and from the reset's note of first states,
/// so the program cannot reach this copy by name.
fn import_harness(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    forget_harness(vm)?;
    let module = vm.import(HARNESS, 0)?;
    forget_harness(vm)?;
    module.get_attr("run_checks", vm)
}

fn forget_harness(vm: &VirtualMachine) -> PyResult<()> {
    let modules = vm.sys_module.get_attr("modules", vm)?;
    vm.call_method(&modules, "pop", (vm.ctx.new_str(HARNESS), vm.ctx.none()))?;
    let noted = vm.import("_pyplay_reset", 0)?.get_attr("_FIRST_STATE", vm)?;
    vm.call_method(&noted, "pop", (vm.ctx.new_str(HARNESS), vm.ctx.none()))?;
    Ok(())
}

/// Whether the program called `os._exit` (and caught the SystemExit it
/// raises here): CPython would have ended at once.
fn exited_now(vm: &VirtualMachine) -> bool {
    let flag = vm.import("_pyplay_exit", 0).and_then(|exit| exit.get_attr("_exited_now", vm));
    // Unknown counts as exited: no checks rather than a doubtful pass.
    flag.map_or(true, |flag| !flag.is(&vm.ctx.false_value))
}

/// Calls `run_checks(globals, checks)` with the stream muted (the harness
/// captures what the checks print) and reads its results.
fn run_harness(
    vm: &VirtualMachine,
    run_checks: &PyObjectRef,
    globals: PyDictRef,
    checks: &[CheckSpec],
) -> PyResult<Vec<CheckResult>> {
    let specs = checks.iter().map(|check| spec_dict(vm, check)).collect::<PyResult<Vec<_>>>()?;
    // What the program printed so far goes out before the stream is muted.
    let _ = crate::flush_std_streams(vm);
    set_quiet(true);
    let results = run_checks.call((globals, vm.ctx.new_list(specs)), vm);
    set_quiet(false);
    let results = results?;
    let list = results
        .downcast_ref_if_exact::<PyList>(vm)
        .ok_or_else(|| vm.new_type_error("run_checks must return a list"))?;
    let items = list.borrow_vec().to_vec();
    if items.len() != checks.len() {
        return Err(vm.new_value_error("run_checks must return one result per check"));
    }
    items.iter().map(|item| read_result(vm, item)).collect()
}

fn spec_dict(vm: &VirtualMachine, check: &CheckSpec) -> PyResult<PyObjectRef> {
    let dict = vm.ctx.new_dict();
    dict.set_item("call", vm.ctx.new_str(check.call.as_str()).into(), vm)?;
    dict.set_item("expected", vm.ctx.new_str(check.expected.as_str()).into(), vm)?;
    Ok(dict.into())
}

/// One result dict, read field by field: exact `dict`, `str` and `bool`
/// only, so no code of the reader's runs while it is read.
fn read_result(vm: &VirtualMachine, item: &PyObjectRef) -> PyResult<CheckResult> {
    let dict = item
        .downcast_ref_if_exact::<PyDict>(vm)
        .ok_or_else(|| vm.new_type_error("a check result must be a dict"))?;
    let field = |key: &'static str| {
        dict.get_item_opt(key, vm)?.ok_or_else(|| vm.new_key_error(vm.ctx.new_str(key).into()))
    };
    let text = |key: &'static str| -> PyResult<String> {
        let value = field(key)?;
        let text = value
            .downcast_ref_if_exact::<PyStr>(vm)
            .ok_or_else(|| vm.new_type_error(format!("a check result's {key} must be a str")))?;
        Ok(text.to_string_lossy().into_owned())
    };
    let passed = field("passed")?;
    let passed = if passed.is(&vm.ctx.true_value) {
        true
    } else if passed.is(&vm.ctx.false_value) {
        false
    } else {
        return Err(vm.new_type_error("a check result's passed must be a bool"));
    };
    Ok(CheckResult {
        call: text("call")?,
        expected: text("expected")?,
        got: text("got")?,
        passed,
        output: text("output")?,
        traceback: text("traceback")?,
    })
}

/// The harness failed: the exercise is broken, not the reader's code.
fn harness_error(vm: &VirtualMachine, exc: &PyRef<PyBaseException>, source: &str) -> PyError {
    let mut error = describe(vm, exc, source);
    error.line = None;
    error.message = format!("the exercise's checks could not run: {}", error.message);
    error.traceback =
        format!("The exercise's checks could not run; this is a bug in the exercise.\n{}", error.traceback);
    error
}
