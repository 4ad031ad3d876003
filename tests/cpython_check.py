#!/usr/bin/env python3
"""Checks the lessons against CPython: every runnable snippet in
crates/content/topics must print exactly its `expected` text and end with
its `error` line (if any) when run by the python3 running this script.
The Rust content test checks the same against RustPython.

Snippets marked `loose = "why"` are compared line by line, and a `…` in
their `expected` (or `error`) stands for any run of characters within one
line: timings, addresses, ids.

    python3 tests/cpython_check.py          # check (the default)
    python3 tests/cpython_check.py --write  # regenerate `expected`/`error`

Snippets marked `requires_python = "3.13"` (or later) are skipped when
this interpreter is older; the RustPython content test still checks them.

--write rewrites only the `expected` and `error` values in the topic files,
in place, and leaves every other byte alone. A loose snippet keeps its
`expected` while it still matches; otherwise it gets the literal output and
a warning, since its `…` placeholders must then be put back by hand."""
import json
import pathlib
import re
import subprocess
import sys
import tomllib

TOPICS = pathlib.Path(__file__).resolve().parent.parent / "crates" / "content" / "topics"
PLACEHOLDER = "…"


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else None


def loose_line(pattern, line):
    """True if `line` matches `pattern`, each … standing for any characters."""
    parts = pattern.split(PLACEHOLDER)
    if len(parts) == 1:
        return pattern == line
    first, *middle, last = parts
    if len(line) < len(first) + len(last) or not line.startswith(first) or not line.endswith(last):
        return False
    pos, end = len(first), len(line) - len(last)
    for part in middle:
        found = line.find(part, pos, end)
        if found < 0:
            return False
        pos = found + len(part)
    return True


def loose_match(pattern, text):
    """The same rule as pyplay_content::loose_match and lessons.test.mjs."""
    if pattern is None or text is None:
        return pattern is text
    want, got = pattern.split("\n"), text.split("\n")
    return len(want) == len(got) and all(loose_line(w, g) for w, g in zip(want, got))


def run(code):
    done = subprocess.run(
        [sys.executable, "-I", "-c", code],
        capture_output=True, text=True, timeout=120, cwd="/",
    )
    return done.stdout, last_line(done.stderr) if done.returncode else None


def newer_than_this_python(requires):
    """True if `requires_python` ("3.13") names a newer Python than this one."""
    if not requires:
        return False
    major, minor = (int(part) for part in requires.split("."))
    return (major, minor) > sys.version_info[:2]


def matches(snippet, stdout, error):
    if snippet.get("loose"):
        return loose_match(snippet["expected"], stdout) and loose_match(snippet.get("error"), error)
    return stdout == snippet["expected"] and error == snippet.get("error")


# --- in-place editing of `expected` and `error` -------------------------

KEY = re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*")


def string_end(text, i):
    """Index just past the TOML value starting at text[i] (strings, or a bare
    value ending at the line's end)."""
    for quote in ("'''", '"""'):
        if text.startswith(quote, i):
            j = i + 3
            while True:
                j = text.index(quote, j)
                if quote == '"""' and backslashed(text, j):
                    j += 1
                    continue
                j += 3
                while j < len(text) and text[j] == quote[0]:
                    j += 1  # up to two quotes may end the content itself
                return j
    if text[i] in "'\"":
        j = i + 1
        while text[j] != text[i] or (text[i] == '"' and backslashed(text, j)):
            j += 1
        return j + 1
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def backslashed(text, j):
    n = 0
    while text[j - 1 - n] == "\\":
        n += 1
    return n % 2 == 1


def scan(text):
    """Each top-level `key = value` as (table, key, line_start, value_start,
    value_end); table counts `[[snippets]]` headers, -1 before the first,
    and is None inside exercises (tests/exercise_check.py checks those)."""
    table, snippets, i, out = -1, -1, 0, []
    while i < len(text):
        line_end = text.find("\n", i)
        line_end = len(text) if line_end < 0 else line_end
        stripped = text[i:line_end].strip()
        if stripped == "[[snippets]]":
            snippets += 1
            table = snippets
        elif stripped in ("[[exercises]]", "[[exercises.checks]]"):
            table = None
        elif stripped.startswith("["):
            raise ValueError(f"unexpected table {stripped!r}")
        else:
            m = KEY.match(text, i)
            if m:
                end = string_end(text, m.end())
                out.append((table, m.group(1), i, m.end(), end))
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
        i = line_end + 1
    return out


def toml_string(value, multiline):
    literal_ok = "'''" not in value and not value.endswith("'") and all(
        c in "\n\t" or (ord(c) >= 0x20 and ord(c) != 0x7F) for c in value
    )
    if multiline and literal_ok:
        return "'''\n" + value + "'''"
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def rewrite(text, updates):
    """`updates`: snippet index -> (expected, error). Returns the new text."""
    by_table = {}
    for table, key, line_start, start, end in scan(text):
        by_table.setdefault(table, {})[key] = (line_start, start, end)
    edits = []
    for index, (expected, error) in updates.items():
        keys = by_table[index]
        _, start, end = keys["expected"]
        edits.append((start, end, toml_string(expected, multiline=True)))
        if "error" in keys:
            line_start, start, end = keys["error"]
            if error is None:
                line_end = end + 1 if text[end:end + 1] == "\n" else end
                edits.append((line_start, line_end, ""))
            else:
                edits.append((start, end, toml_string(error, multiline=False)))
        elif error is not None:
            after = keys["expected"][2]
            edits.append((after, after, "\nerror = " + toml_string(error, multiline=False)))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def write(path, topic, updates):
    text = path.read_text(encoding="utf-8")
    new_text = rewrite(text, updates)
    want = topic
    for index, (expected, error) in updates.items():
        snippet = want["snippets"][index]
        snippet["expected"] = expected
        snippet.pop("error", None)
        if error is not None:
            snippet["error"] = error
    if tomllib.loads(new_text) != want:
        raise SystemExit(f"{path}: the rewrite would change more than expected/error; nothing written")
    path.write_text(new_text, encoding="utf-8")


def main(argv):
    write_mode = argv[1:] == ["--write"]
    if argv[1:] and not write_mode:
        print(__doc__)
        return 2
    failures, skipped, count, changed = [], [], 0, 0
    for path in sorted(TOPICS.glob("*.toml")):
        topic = tomllib.loads(path.read_text(encoding="utf-8"))
        updates = {}
        for index, snippet in enumerate(topic.get("snippets", [])):
            if not snippet.get("runnable", True):
                continue
            if newer_than_this_python(snippet.get("requires_python")):
                skipped.append(f"{path.stem}/{snippet['id']} (needs {snippet['requires_python']})")
                continue
            count += 1
            name = f"{path.stem}/{snippet['id']}"
            stdout, error = run(snippet["code"])
            if matches(snippet, stdout, error):
                continue
            if write_mode:
                updates[index] = (stdout, error)
                loose = " (loose: put its … placeholders back)" if snippet.get("loose") else ""
                print(f"updated {name}{loose}")
                continue
            failures.append(
                f"{name}\n--- expected\n{snippet['expected']}--- got\n{stdout}"
                f"--- error: expected {snippet.get('error')!r}, got {error!r}"
            )
        if updates:
            changed += len(updates)
            write(path, topic, updates)
    for failure in failures:
        print(failure, end="\n\n")
    if skipped:
        print(f"skipped {len(skipped)} snippet(s) that need a newer Python "
              f"(RustPython checks them): {', '.join(skipped)}")
    if write_mode:
        print(f"CPython {sys.version.split()[0]}: {changed} of {count} snippets rewritten")
        return 0 if count else 1
    print(f"CPython {sys.version.split()[0]}: {count - len(failures)} of {count} snippets match")
    return 1 if failures or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
