#!/usr/bin/env python3
"""The CPython side of the step-through's golden traces.

Traces every program in tests/traces/programs/ with the engine's own
tracer (crates/engine/py/_pyplay_trace.py) on this CPython (3.11) and
compares with tests/traces/golden/<name>.json, or with --write rewrites
them. crates/engine/tests/traces.rs traces the same programs in
RustPython and compares with the same files; the differences that remain
are listed, with their reasons, in tests/traces/known-differences.toml.

Lesson snippets listed in tests/traces/lessons.txt are traced too, their
golden traces named lesson-<topic>-<snippet>.json. A program's first line
may say `# max_steps: N` (default 1000); every program reads STDIN below.
"""

import io
import json
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "traces" / "programs"
GOLDEN = ROOT / "tests" / "traces" / "golden"
STDIN = "ann\n"
sys.path.insert(0, str(ROOT / "crates" / "engine" / "py"))

import _pyplay_trace  # noqa: E402


def programs():
    """(golden name, source) of every program and listed lesson snippet."""
    found = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(PROGRAMS.glob("*.py"))]
    for line in (ROOT / "tests" / "traces" / "lessons.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topic, snippet = line.strip().split("/")
        with open(ROOT / "crates" / "content" / "topics" / f"{topic}.toml", "rb") as file:
            data = tomllib.load(file)
        code = next(s["code"] for s in data["snippets"] if s["id"] == snippet)
        found.append((f"lesson-{topic}-{snippet}", code))
    return found


def max_steps(source):
    found = re.match(r"# max_steps: (\d+)", source)
    return int(found.group(1)) if found else 1000


def trace(source):
    code = compile(source, "main.py", "exec")
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = io.StringIO(), io.StringIO(), io.StringIO(STDIN)
    _pyplay_trace.start(max_steps(source), "main.py")
    try:
        exec(code, namespace)
    except BaseException:
        pass
    finally:
        text = _pyplay_trace.finish()
        sys.stdout, sys.stderr, sys.stdin = saved
    return json.loads(text)


def render(trace):
    """One step per line, so a diff shows which steps changed."""
    steps = ",\n".join("  " + json.dumps(step, ensure_ascii=False) for step in trace["steps"])
    rest = {key: value for key, value in trace.items() if key != "steps"}
    return '{"steps": [\n' + steps + "\n],\n" + json.dumps(rest, ensure_ascii=False)[1:] + "\n"


def main():
    if sys.version_info[:2] != (3, 11):
        # Line events differ between CPython versions: only 3.11 can check them.
        print(f"trace_golden.py: skipped, the golden traces are CPython 3.11's (this is {sys.version.split()[0]})")
        return 0
    write = "--write" in sys.argv
    stale = []
    found = programs()
    for name, source in found:
        golden = GOLDEN / (name + ".json")
        text = render(trace(source))
        if write:
            GOLDEN.mkdir(exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        elif not golden.exists() or golden.read_text(encoding="utf-8") != text:
            stale.append(name)
    names = {name for name, _ in found}
    orphans = sorted(path.stem for path in GOLDEN.glob("*.json") if path.stem not in names)
    if orphans:
        print("golden traces without a program:", ", ".join(orphans), file=sys.stderr)
        return 1
    if stale:
        print("golden traces out of date (run tests/trace_golden.py --write):", ", ".join(stale), file=sys.stderr)
        return 1
    print(f"{len(found)} golden traces {'written' if write else 'match CPython'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
