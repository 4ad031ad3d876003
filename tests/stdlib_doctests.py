"""Runs the doctests that ship in the standard library's own modules (every
top-level module the playground ships whose docstrings carry examples) with
doctest.testmod. Prints a summary line, then `module attempted failed` for
each. crates/engine/tests/sweep.rs runs it natively and compares the
failures with tests/stdlib_doctests_known.txt; tests/e2e/fidelity.test.mjs
runs it in the browser worker."""

import doctest
import importlib
import io
import sys

import _pyplay

# Their examples start servers, windows or other programs, or wait on input.
SKIP = {"antigravity", "this", "pdb", "webbrowser", "code", "pydoc", "_pyrepl", "site"}

names = sorted(set(_pyplay.stdlib_top_level().split()) - SKIP)
finder = doctest.DocTestFinder(exclude_empty=True)
results = []
real_stdout, real_stderr = sys.stdout, sys.stderr
for name in names:
    sys.stdout = sys.stderr = io.StringIO()  # what imports and examples print is not the report
    try:
        try:
            module = importlib.import_module(name)
            if not any(test.examples for test in finder.find(module)):
                continue
        except BaseException:  # noqa: BLE001 - the import sweep reports these
            continue
        try:
            failed, attempted = doctest.testmod(module, report=False)
        except BaseException as exc:  # noqa: BLE001
            failed, attempted = -1, f"{type(exc).__name__}: {exc}"
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
    results.append((name, attempted, failed))
attempted = sum(a for _, a, f in results if f >= 0)
failed = sum(f for _, _, f in results if f >= 0)
print(f"{len(results)} modules, {attempted} examples attempted, {failed} failed")
for name, attempted, failed in results:
    print(name, attempted, failed)
