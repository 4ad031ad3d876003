#!/usr/bin/env python3
"""Writes (or with --check, verifies) the expected output of every conformance program: runs each
tests/conformance/*.py (except generate.py and browser_only_*.py, whose .out
files are written by hand to say what the browser should print) with the
CPython running this script, `python3 -I file` from `/`, and stores its
stdout verbatim in <name>.out. A program that exits non-zero is a broken
test (expected outputs must come from clean runs), so this fails loudly instead of recording it."""
import pathlib
import signal
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    programs = sorted(
        p for p in HERE.glob("*.py")
        if p.name != "generate.py" and not p.name.startswith("browser_only_")
    )
    broken = []
    for path in programs:
        run = subprocess.run(
            [sys.executable, "-I", str(path)],
            capture_output=True, text=True, encoding="utf-8", timeout=120, cwd="/",
            # As from a terminal: a shell that started us in the background
            # ignores SIGINT, and CPython then keeps it ignored (signal_basic.py).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        if run.returncode != 0:
            broken.append(f"{path.name}: exit status {run.returncode}\n{run.stderr}")
            continue
        out = path.with_suffix(".out")
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != run.stdout:
                stale.append(path.name)
        else:
            out.write_text(run.stdout, encoding="utf-8", newline="")
    for problem in broken:
        print(problem, file=sys.stderr)
    if broken:
        sys.exit(f"{len(broken)} of {len(programs)} programs failed under CPython; no .out written for them")
    if stale:
        sys.exit(f"these .out files differ from what CPython prints now: {stale}")
    verb = "checked" if check else "wrote"
    print(f"CPython {sys.version.split()[0]}: {verb} {len(programs)} .out files")


if __name__ == "__main__":
    main()
