#!/usr/bin/env python3
"""Checks the lessons against CPython: every runnable snippet in
crates/content/topics must print exactly its `expected` text and end with
its `error` line (if any) when run by the python3 running this script.
The Rust content test checks the same against RustPython."""
import pathlib
import subprocess
import sys
import tomllib

TOPICS = pathlib.Path(__file__).resolve().parent.parent / "crates" / "content" / "topics"


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else None


def main():
    failures, count = [], 0
    for path in sorted(TOPICS.glob("*.toml")):
        topic = tomllib.loads(path.read_text(encoding="utf-8"))
        for snippet in topic.get("snippets", []):
            if not snippet.get("runnable", True):
                continue
            count += 1
            name = f"{path.stem}/{snippet['id']}"
            run = subprocess.run(
                [sys.executable, "-I", "-c", snippet["code"]],
                capture_output=True, text=True, timeout=120, cwd="/",
            )
            error = last_line(run.stderr) if run.returncode else None
            if run.stdout != snippet["expected"] or error != snippet.get("error"):
                failures.append(
                    f"{name}\n--- expected\n{snippet['expected']}--- got\n{run.stdout}"
                    f"--- error: expected {snippet.get('error')!r}, got {error!r}"
                )
    for failure in failures:
        print(failure, end="\n\n")
    print(f"CPython {sys.version.split()[0]}: {count - len(failures)} of {count} snippets match")
    return 1 if failures or not count else 0


if __name__ == "__main__":
    sys.exit(main())
