//! Visualize: the reader's program under `py/_pyplay_trace.py`, which
//! records every step of it; the trace comes back as data.

use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyStr};

use crate::{MAIN_FILE, PyError, exec_main, finish_run, fresh_main};
use pyplay_protocol::{Trace, trace::MAX_STEPS};

const TRACER: &str = "_pyplay_trace";

/// How a Visualize run went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceOutcome {
    /// As [`crate::Engine::run`] returns it; `Ok(0)` when the step cap
    /// stopped the program.
    pub ended: Result<i32, PyError>,
    /// The steps recorded; empty if the program did not compile.
    pub trace: Trace,
}

pub(crate) fn trace_main(vm: &VirtualMachine, source: &str, stdin: &str, max_steps: u32) -> TraceOutcome {
    let prepared = fresh_main(vm, stdin, false).and_then(|globals| Ok((vm.import(TRACER, 0)?, globals)));
    let (tracer, globals) = match prepared {
        Ok(prepared) => prepared,
        Err(exc) => return TraceOutcome { ended: finish_run(vm, Err(exc), source), trace: Trace::default() },
    };
    let steps = max_steps.clamp(1, MAX_STEPS);
    let started = vm.call_method(&tracer, "start", (steps, MAIN_FILE));
    let outcome = started.and_then(|_| exec_main(vm, source, globals));
    let trace = vm.call_method(&tracer, "finish", ()).and_then(|json| read_trace(vm, &json));
    let outcome = match outcome {
        Err(exc) if is_step_limit(vm, &tracer, exc.as_object()) => Ok(vm.ctx.none()),
        outcome => outcome,
    };
    let ended = finish_run(vm, outcome, source);
    match trace {
        Ok(trace) => TraceOutcome { ended, trace },
        Err(exc) => {
            let mut error = crate::describe(vm, &exc, source);
            error.line = None;
            error.message = format!("the step-through could not be recorded: {}", error.message);
            TraceOutcome { ended: Err(error), trace: Trace::default() }
        }
    }
}

fn is_step_limit(vm: &VirtualMachine, tracer: &PyObjectRef, exc: &rustpython_vm::PyObject) -> bool {
    tracer.get_attr("StepLimit", vm).is_ok_and(|limit| exc.class().as_object().is(&limit))
}

fn read_trace(vm: &VirtualMachine, json: &PyObjectRef) -> PyResult<Trace> {
    let text = json
        .downcast_ref_if_exact::<PyStr>(vm)
        .ok_or_else(|| vm.new_type_error("the tracer must return a str"))?;
    Trace::from_json(&text.to_string_lossy()).map_err(|err| vm.new_value_error(format!("bad trace: {err}")))
}
