"""Hidden checks for exercises: run_checks(namespace, checks).

The reader's program has already run; `namespace` is its module globals.
Each check is {"call": Python source whose last line is an expression,
"expected": a Python expression built from builtin values only}. Each call
runs in its own shallow copy of the namespace, and its value is compared
with the expected value by `_same`, which the reader's objects cannot
fool: types must match exactly and containers are walked element by
element, so a lying __eq__, a subclass of int, or printing "passed" never
counts, and no reader code runs during the comparison.

Import this module BEFORE the reader's code runs: every builtin it uses is
captured at import, so a reader who later reassigns builtins.type, repr or
isinstance changes nothing here. (Module globals are looked up at call
time, so the code below uses only the captured `_names`.)

The bottom of the file is a small command-line driver, used by
tests/exercise_check.py to run the same checks on CPython.
"""

import ast as _ast
import builtins as _builtins
import math as _math
import sys as _sys
import traceback as _traceback

# --- builtins and library functions, captured at import ----------------------
_type, _repr, _str, _len, _range, _dict, _vars = type, repr, str, len, range, dict, vars
_exec, _eval, _compile = exec, eval, compile
_int, _float, _complex, _bytes, _bool = int, float, complex, bytes, bool
_tuple, _list, _set, _frozenset = tuple, list, set, frozenset
_NoneType = type(None)
_BaseException, _RecursionError = BaseException, RecursionError
_TypeError, _ValueError = TypeError, ValueError
_isclose = _math.isclose
_ONLY_AST, _Expr = _ast.PyCF_ONLY_AST, _ast.Expr
_format_exception = _traceback.format_exception
# What `expected` is evaluated with, and the builtins a check's own source sees.
_PRISTINE_BUILTINS = _dict(_vars(_builtins))

_SCALARS = (_int, _float, _complex, _str, _bytes, _bool, _NoneType)
_MAX_REPR = 300
_MAX_OUTPUT = 4000
_MAX_TRACEBACK = 3000
_MAX_DEPTH = 200


def _clip(text, limit):
    return text if _len(text) <= limit else text[:limit] + "…"


def _describe(value):
    """repr(value), bounded. A reader's __repr__ may raise or lie about its
    type, so guard it."""
    try:
        text = _repr(value)
        if _type(text) is not _str:
            raise _TypeError("__repr__ returned a non-string")
    except _BaseException as exc:
        text = f"<{_type(value).__name__} object; repr() failed: {_type(exc).__name__}>"
    return _clip(text, _MAX_REPR)


def _exception_line(exc):
    """ "ExcType: message", or "ExcType" when the message is empty."""
    try:
        message = _str(exc)
    except _BaseException:
        message = "<str() of the exception failed>"
    name = _type(exc).__name__
    return _clip(f"{name}: {message}" if message else name, _MAX_REPR)


def _is_one_of(kind, kinds):
    """`kind in kinds` by identity: `in` would call a metaclass's __eq__."""
    for each in kinds:
        if kind is each:
            return True
    return False


def _plain(value, depth=0):
    """True for builtin scalars and tuples/frozensets of them: values whose
    hashing and equality involve no reader code, so safe as dict keys."""
    if depth > _MAX_DEPTH:
        return False
    kind = _type(value)
    if _is_one_of(kind, _SCALARS):
        return True
    if kind is _tuple or kind is _frozenset:
        for item in value:
            if not _plain(item, depth + 1):
                return False
        return True
    return False


def _data(value, depth=0):
    """True if `value` is builtin data: what an `expected` may be."""
    if depth > _MAX_DEPTH:
        return False
    kind = _type(value)
    if _is_one_of(kind, _SCALARS):
        return True
    if kind is _list or kind is _tuple or kind is _set or kind is _frozenset:
        for item in value:
            if not _data(item, depth + 1):
                return False
        return True
    if kind is _dict:
        for key in value:
            if not _data(key, depth + 1) or not _data(value[key], depth + 1):
                return False
        return True
    return False


def _same(got, want, depth=0):
    """Strict equality: identical types all the way down (True is not 1, a
    subclass is not its base, 1.0 is not 1); floats within a relative 1e-9."""
    if depth > _MAX_DEPTH:
        return False
    kind = _type(want)
    if _type(got) is not kind:
        return False
    if kind is _float:
        if got != got and want != want:
            return True  # both NaN
        return _isclose(got, want, rel_tol=1e-9)
    if kind is _complex:
        return _same(got.real, want.real, depth + 1) and _same(got.imag, want.imag, depth + 1)
    if _is_one_of(kind, _SCALARS):
        return got == want
    if kind is _list or kind is _tuple:
        if _len(got) != _len(want):
            return False
        for index in _range(_len(want)):
            if not _same(got[index], want[index], depth + 1):
                return False
        return True
    if kind is _dict or kind is _set or kind is _frozenset:
        if _len(got) != _len(want):
            return False
        # Look keys up in a dict of got's own keys, once they are known to be
        # plain, then compare the key found too: 1, 1.0 and True hash alike.
        mine = {}
        for key in got:
            if not _plain(key):
                return False
            mine[key] = key
        for key in want:
            if key not in mine or not _same(mine[key], key, depth + 1):
                return False
            if kind is _dict and not _same(got[mine[key]], want[key], depth + 1):
                return False
        return True
    raise _ValueError(f"expected values must be builtin data, not {kind.__name__}")


class _Capture:
    """sys.stdout and sys.stderr during a check: keeps the first
    _MAX_OUTPUT characters, so a printing loop cannot fill memory. A plain
    class rather than io.StringIO, whose tell() counts bytes on some
    interpreters."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self):
        self._parts = []
        self._size = 0

    def write(self, text):
        if _type(text) is not _str:
            raise _TypeError(f"write() argument must be str, not {_type(text).__name__}")
        room = _MAX_OUTPUT + 1 - self._size
        if room > 0:
            self._parts.append(text[:room])
            self._size += _len(self._parts[-1])
        return _len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def text(self):
        return _clip("".join(self._parts), _MAX_OUTPUT)


def raises(exc_type, fn, *args, **kwargs):
    """For checks: the name of `exc_type` if fn(*args, **kwargs) raises it
    (or a subclass of it), "no exception (returned ...)" if it returns. Any
    other exception propagates, so the check shows what was raised."""
    try:
        result = fn(*args, **kwargs)
    except exc_type:
        return exc_type.__name__
    return f"no exception (returned {_describe(result)})"


def output_of(fn, *args, **kwargs):
    """For checks: what fn(*args, **kwargs) printed to stdout, as a str."""
    saved = _sys.stdout
    buffer = _sys.stdout = _Capture()
    try:
        fn(*args, **kwargs)
    finally:
        _sys.stdout = saved
    return buffer.text()


def _split(call):
    """The call's source compiled as (statements, last expression). Split by
    position, which works with any `ast` that gives lineno and col_offset;
    check calls are ASCII, so byte and character offsets agree."""
    module = _compile(call, "<check>", "exec", _ONLY_AST)  # ast.parse uses isinstance
    if not module.body or _type(module.body[-1]) is not _Expr:
        raise _ValueError(f"a check's last line must be an expression: {call!r}")
    last = module.body[-1]
    lines = call.split("\n")
    row = lines[last.lineno - 1]
    before = lines[:last.lineno - 1] + [row[:last.col_offset]]
    after = [row[last.col_offset:]] + lines[last.lineno:]
    return (
        _compile("\n".join(before), "<check>", "exec"),
        _compile("\n".join(after).strip(), "<check>", "eval"),
    )


def _traceback_from(exc, filename):
    """The traceback from the first frame in `filename` on: the harness's
    own frames are noise to the reader."""
    tb = start = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    try:
        text = "".join(_format_exception(_type(exc), exc, tb or start))
    except _BaseException:  # the reader may have broken what traceback uses
        text = _exception_line(exc) + "\n"
    return text if _len(text) <= _MAX_TRACEBACK else "…" + text[-_MAX_TRACEBACK:]


def _run_one(namespace, check):
    # Bad content (a syntax error, a non-expression last line) raises here:
    # the harness never turns its own or the content's errors into a result.
    want = _eval(_compile(check["expected"], "<expected>", "eval"),
                 {"__builtins__": _dict(_PRISTINE_BUILTINS)})
    if not _data(want):
        raise _ValueError(f"`expected` must be builtin data: {check['expected']!r}")
    statements, expression = _split(check["call"])
    scope = _dict(namespace)
    scope["__builtins__"] = _dict(_PRISTINE_BUILTINS)
    scope["raises"], scope["output_of"] = raises, output_of

    capture = _Capture()
    saved = _sys.stdout, _sys.stderr
    _sys.stdout = _sys.stderr = capture
    try:
        try:
            _exec(statements, scope)
            got = _eval(expression, scope)
        except _BaseException as exc:  # SystemExit and KeyboardInterrupt too
            passed, shown = False, _exception_line(exc)
            trace = _traceback_from(exc, "<check>")
        else:
            try:
                passed = _same(got, want)
            except _RecursionError:  # the reader lowered the recursion limit
                passed = False
            shown, trace = _describe(got), ""  # a reader __repr__ may print
    finally:
        _sys.stdout, _sys.stderr = saved
    return {
        "call": check["call"],
        "expected": _describe(want),
        "got": shown,
        "passed": passed,
        "output": capture.text(),
        "traceback": trace,
    }


def run_checks(namespace, checks):
    """One result dict per check, in order: call, expected (a repr), got (a
    repr, or "ExcType: message"), passed (bool), output (what the call
    printed), traceback ("" unless the call raised)."""
    return [_run_one(namespace, check) for check in checks]


def _main():
    """python3 -I _pyplay_check.py < {"code", "checks", "marker"} as JSON.
    Runs the code as __main__, then the checks, and prints the marker and
    the JSON results on one line. The marker, which the code is not given,
    keeps a program that prints fake results from being believed."""
    import json
    import types

    dumps, stdout, builtins_before = json.dumps, _sys.__stdout__, _dict(_vars(_builtins))
    job = json.load(_sys.stdin)
    marker, code = job.pop("marker"), job.pop("code")
    harness = _sys.modules["__main__"]  # this module, put back at the end
    main = types.ModuleType("__main__")
    _sys.modules["__main__"] = main
    program_error = ""
    try:
        _exec(_compile(code, "<exercise>", "exec"), main.__dict__)
    except _BaseException as exc:
        # Never empty: a quiet sys.exit(0) still ended the program early.
        program_error = _traceback_from(exc, "<exercise>") or f"{_type(exc).__name__}: {exc}"
    results = run_checks(main.__dict__, job["checks"])
    _vars(_builtins).update(builtins_before)  # json may need what the code replaced
    _sys.modules["__main__"] = harness  # the interpreter tidies its script's module up
    stdout.write("\n" + marker + dumps({"program_error": program_error, "results": results}) + "\n")
    stdout.flush()


if __name__ == "__main__":
    _main()
