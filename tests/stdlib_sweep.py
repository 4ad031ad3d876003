"""Imports every top-level module of the standard library the playground
ships (built in, native, and every pack), one by one. Prints a summary line,
then one line per module that failed: its name, the exception and message.
Run natively by crates/engine/tests/sweep.rs and in the browser worker by
tests/e2e/fidelity.test.mjs; both require each failure to be one that says
why the module cannot work in a page."""

import importlib
import io
import sys

import _pyplay

names = sorted((set(_pyplay.stdlib_top_level().split()) | set(sys.builtin_module_names)) - {"__main__"})
failures = []
real_stdout, real_stderr = sys.stdout, sys.stderr
for name in names:
    sys.stdout = sys.stderr = io.StringIO()  # `this` prints the Zen, _ios_support warns
    try:
        importlib.import_module(name)
    except BaseException as exc:  # noqa: BLE001 - a sweep records everything
        failures.append(f"{name}\t{type(exc).__name__}: {exc}")
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
print(f"imported {len(names) - len(failures)} of {len(names)}")
for line in failures:
    print(line)
