#!/usr/bin/env python3
"""Checks the lessons against CPython: every runnable snippet in
crates/content/topics must print exactly its `expected` text and end with
its `error` line (if any) when run by the python3 running this script, and
every predict-the-output card (`[[cards]]`) must print exactly its `output`
and end with its `error` line (if any). The Rust content test checks the
snippets against RustPython.

Snippets marked `loose = "why"` are compared line by line, and a `…` in
their `expected` (or `error`) stands for any run of characters within one
line: timings, addresses, ids. Cards are never loose. The rule is checked
first against the cases in tests/loose_match_cases.json, which its Rust and
JS twins pass too.

    python3 tests/cpython_check.py          # check (the default)
    python3 tests/cpython_check.py --write  # regenerate `expected`/`output`/`error`

Snippets marked `requires_python = "3.13"` (or later) cannot run on this
interpreter when it is older. They are checked instead on a newer CPython
if one is installed: `python3.13`, `python3.14`, ... on the PATH, each
also tried with `PYENV_VERSION` set to a matching `pyenv versions --bare`
entry. A snippet runs on every such interpreter at least as new as its
`requires_python` and must match there too (--write takes its output from
the oldest one). Snippets with no suitable interpreter are skipped and
listed, never failed; the RustPython content test still checks them.

Cards are also linted. Their keys are id, title, code, output and
explanation, plus error and choices when needed. An `id` is a slug
(lowercase words of [a-z0-9] joined by single dashes), unique among the
cards and exercises of all topics and distinct from the snippet ids of
its own topic. `code` is 3 to 12 lines and `explanation` is not blank. A
card that does not raise must write nothing to stderr (no warnings).
`choices`, if present, are 2 to 4 distinct candidate answers, exactly one
of which is the real answer: the card's stdout followed by its `error`
line (if any), compared with trailing newlines stripped. --write never
edits `choices`; a card whose choices do not contain the answer fails in
both modes.

--write rewrites only the `expected`, `output` and `error` values in the
topic files, in place, and leaves every other byte alone. A loose snippet
keeps its `expected` while it still matches; otherwise it gets the literal
output and a warning, since its `…` placeholders must then be put back by
hand."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

TOPICS = pathlib.Path(__file__).resolve().parent.parent / "crates" / "content" / "topics"
LOOSE_CASES = pathlib.Path(__file__).resolve().parent / "loose_match_cases.json"
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
    """The same rule as pyplay_content::loose_match and tests/support/loose.mjs."""
    if pattern is None or text is None:
        return pattern is text
    want, got = pattern.split("\n"), text.split("\n")
    return len(want) == len(got) and all(loose_line(w, g) for w, g in zip(want, got))


def loose_table_failures():
    """The cases of tests/loose_match_cases.json that loose_match gets wrong
    (its Rust and JS twins run the same table)."""
    cases = json.loads(LOOSE_CASES.read_text(encoding="utf-8"))["cases"]
    return [f"loose_match({c['pattern']!r}, {c['text']!r}) is not {c['expected']}"
            for c in cases if loose_match(c["pattern"], c["text"]) is not c["expected"]]


def run(code, stderr=None, executable=None):
    """stdout and the traceback's last line (None if the run succeeded).
    A list passed as `stderr` receives the whole of stderr. `executable`
    defaults to the interpreter running this script."""
    done = subprocess.run(
        [executable or sys.executable, "-I", "-c", code],
        capture_output=True, text=True, timeout=120, cwd="/",
    )
    if stderr is not None:
        stderr.append(done.stderr)
    return done.stdout, last_line(done.stderr) if done.returncode else None


def version_tuple(requires):
    """(3, 13) for "3.13"."""
    major, minor = (int(part) for part in requires.split("."))
    return major, minor


def newer_than_this_python(requires):
    """True if `requires_python` ("3.13") names a newer Python than this one."""
    return bool(requires) and version_tuple(requires) > sys.version_info[:2]


PROBE = "import sys; print(sys.executable); print(*sys.version_info[:3], sep='.')"


def newer_pythons(last_minor=20):
    """The CPythons newer than this one that actually run, as a sorted list
    of ((major, minor), version string, path of the real executable). A
    `python3.N` on the PATH is tried as it is and, if it is a pyenv shim
    that needs one, with PYENV_VERSION set to each installed 3.N.x. Missing
    or broken interpreters are simply left out."""
    pyenv_versions = []
    if shutil.which("pyenv"):
        try:
            listed = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True,
                                    text=True, timeout=30)
            pyenv_versions = listed.stdout.split()
        except (OSError, subprocess.SubprocessError):
            pass
    found = []
    this = sys.version_info[:2]
    for minor in range(this[1] + 1, last_minor + 1):
        name = shutil.which(f"python{this[0]}.{minor}")
        if not name:
            continue
        prefix = f"{this[0]}.{minor}."
        for pyenv_version in [None] + [v for v in pyenv_versions if v.startswith(prefix)]:
            env = dict(os.environ)
            if pyenv_version:
                env["PYENV_VERSION"] = pyenv_version
            try:
                probe = subprocess.run([name, "-I", "-c", PROBE], capture_output=True,
                                       text=True, timeout=30, env=env, cwd="/")
            except (OSError, subprocess.SubprocessError):
                continue
            lines = probe.stdout.split()
            if probe.returncode or len(lines) != 2 or not lines[1].startswith(prefix):
                continue
            found.append(((this[0], minor), lines[1], lines[0]))
            break
    return found


def matches(snippet, stdout, error):
    if snippet.get("loose"):
        return loose_match(snippet["expected"], stdout) and loose_match(snippet.get("error"), error)
    return stdout == snippet["expected"] and error == snippet.get("error")


# --- in-place editing of `expected`, `output` and `error` ---------------

KEY = re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
# The key holding the stdout in each kind of table that --write edits.
OUTPUT_KEY = {"snippets": "expected", "cards": "output"}


def string_end(text, i):
    """Index just past the TOML value starting at text[i] (strings; arrays
    and inline tables, which may span lines; or a bare value ending at the
    line's end)."""
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
    if text[i] in "[{":
        depth, j = 0, i
        while True:
            c = text[j]
            if c in "'\"":
                j = string_end(text, j)
                continue
            if c == "#":
                j = text.index("\n", j)  # a comment between array items
                continue
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def backslashed(text, j):
    n = 0
    while text[j - 1 - n] == "\\":
        n += 1
    return n % 2 == 1


HEADER = re.compile(r"(\[\[?)[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]?[ \t]*(#.*)?")


def scan(text):
    """Each `key = value` as (table, key, line_start, value_start,
    value_end). `table` is ("snippets", 2) for the keys of the third
    `[[snippets]]` (likewise for `[[cards]]` or any other array of tables),
    (name, None) under a `[name]` header, (None, None) before any header."""
    table, counts, i, out = (None, None), {}, 0, []
    while i < len(text):
        line_end = text.find("\n", i)
        line_end = len(text) if line_end < 0 else line_end
        stripped = text[i:line_end].strip()
        if stripped.startswith("["):
            m = HEADER.fullmatch(stripped)
            if not m:
                raise ValueError(f"unexpected line {stripped!r}")
            name = m.group(2)
            if m.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                table = (name, counts[name])
            else:
                table = (name, None)
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
    """`updates`: (kind, index) -> (stdout, error), where kind is "snippets"
    or "cards" and index counts that kind's tables. Returns the new text."""
    by_table = {}
    for table, key, line_start, start, end in scan(text):
        by_table.setdefault(table, {})[key] = (line_start, start, end)
    edits = []
    for (kind, index), (stdout, error) in updates.items():
        keys = by_table[(kind, index)]
        _, start, end = keys[OUTPUT_KEY[kind]]
        edits.append((start, end, toml_string(stdout, multiline=True)))
        if "error" in keys:
            line_start, start, end = keys["error"]
            if error is None:
                line_end = end + 1 if text[end:end + 1] == "\n" else end
                edits.append((line_start, line_end, ""))
            else:
                edits.append((start, end, toml_string(error, multiline=False)))
        elif error is not None:
            after = keys[OUTPUT_KEY[kind]][2]
            edits.append((after, after, "\nerror = " + toml_string(error, multiline=False)))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def write(path, topic, updates):
    text = path.read_text(encoding="utf-8")
    new_text = rewrite(text, updates)
    want = topic
    for (kind, index), (stdout, error) in updates.items():
        item = want[kind][index]
        item[OUTPUT_KEY[kind]] = stdout
        item.pop("error", None)
        if error is not None:
            item["error"] = error
    if tomllib.loads(new_text) != want:
        raise SystemExit(f"{path}: the rewrite would change more than expected/output/error; nothing written")
    path.write_text(new_text, encoding="utf-8")


# --- cards: predict the output ------------------------------------------

CARD_REQUIRED = {"id", "title", "code", "output", "explanation"}
CARD_OPTIONAL = {"error", "choices"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def answer(stdout, error):
    """What a reader predicts for a card: its stdout, then the last line of
    the traceback if it raises; trailing newlines do not count."""
    return (stdout + (error + "\n" if error is not None else "")).rstrip("\n")


def lint_card(name, card, snippet_ids):
    """The rules that need no run. Returns a list of problems."""
    problems = []
    missing = CARD_REQUIRED - card.keys()
    unknown = card.keys() - CARD_REQUIRED - CARD_OPTIONAL
    if missing:
        problems.append(f"missing {', '.join(sorted(missing))}")
    if unknown:
        problems.append(f"unknown key(s) {', '.join(sorted(unknown))}")
    card_id = card.get("id")
    if not isinstance(card_id, str) or not SLUG.fullmatch(card_id):
        problems.append(f"id {card_id!r} is not a slug")
    elif card_id in snippet_ids:
        problems.append("id is also a snippet id of this topic")
    for key in ("title", "code", "output", "explanation", "error"):
        if key in card and not isinstance(card[key], str):
            problems.append(f"{key} is not a string")
    for key in ("title", "code", "explanation"):
        if isinstance(card.get(key), str) and not card[key].strip():
            problems.append(f"{key} is blank")
    if isinstance(card.get("code"), str):
        lines = len(card["code"].strip("\n").splitlines())
        if not 3 <= lines <= 12:
            problems.append(f"code has {lines} lines (3 to 12)")
    if "choices" in card:
        choices = card["choices"]
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            problems.append("choices must be a list of strings")
        else:
            if not 2 <= len(choices) <= 4:
                problems.append(f"{len(choices)} choices (2 to 4)")
            stripped = [c.rstrip("\n") for c in choices]
            if len(set(stripped)) != len(stripped):
                problems.append("two choices are the same")
    return [f"{name}: {problem}" for problem in problems]


def choices_problem(name, card, stdout, error):
    """None if exactly one of the card's choices (if any) is the real answer."""
    if "choices" not in card:
        return None
    real = answer(stdout, error)
    hits = sum(choice.rstrip("\n") == real for choice in card["choices"])
    if hits == 1:
        return None
    return (f"{name}: {hits} choices equal the real answer\n--- answer\n{real}\n"
            "--- choices\n" + "\n---\n".join(card["choices"]))


def main(argv):
    write_mode = argv[1:] == ["--write"]
    if argv[1:] and not write_mode:
        print(__doc__)
        return 2
    # The rule first (a few microseconds): a wrong rule would misjudge every loose snippet.
    broken_rule = loose_table_failures()
    if broken_rule:
        print("\n".join(broken_rule))
        return 1
    failures, skipped, count, changed = [], [], 0, 0
    card_failures, cards, cards_changed, owners = [], 0, 0, {}
    newer, newer_checked = None, []  # probed on the first snippet that needs one
    for path in sorted(TOPICS.glob("*.toml")):
        topic = tomllib.loads(path.read_text(encoding="utf-8"))
        updates = {}
        for index, snippet in enumerate(topic.get("snippets", [])):
            if not snippet.get("runnable", True):
                continue
            name = f"{path.stem}/{snippet['id']}"
            interpreters = [(None, None)]  # this one
            if newer_than_this_python(snippet.get("requires_python")):
                if newer is None:
                    newer = newer_pythons()
                wanted = version_tuple(snippet["requires_python"])
                interpreters = [(exe, version) for minor, version, exe in newer if minor >= wanted]
                if not interpreters:
                    skipped.append(f"{name} (needs {snippet['requires_python']})")
                    continue
            count += 1
            outcomes = []
            for exe, version in interpreters:
                stdout, error = run(snippet["code"], executable=exe)
                outcomes.append((version, stdout, error))
                if version:
                    newer_checked.append(f"{name} on {version}")
            wrong = [o for o in outcomes if not matches(snippet, o[1], o[2])]
            if not wrong:
                continue
            # --write takes the oldest suitable interpreter's output; a check
            # reports the first interpreter that disagrees.
            version, stdout, error = outcomes[0] if write_mode else wrong[0]
            if version:
                name = f"{name} (on CPython {version})"
            if write_mode:
                updates[("snippets", index)] = (stdout, error)
                changed += 1
                loose = " (loose: put its … placeholders back)" if snippet.get("loose") else ""
                print(f"updated {name}{loose}")
                continue
            failures.append(
                f"{name}\n--- expected\n{snippet['expected']}--- got\n{stdout}"
                f"--- error: expected {snippet.get('error')!r}, got {error!r}"
            )
        # Cards and exercises share one id space: progress is stored by id.
        for exercise in topic.get("exercises", []):
            if isinstance(exercise, dict) and isinstance(exercise.get("id"), str):
                owners.setdefault(exercise["id"], []).append(f"{path.stem} (exercise)")
        snippet_ids = {snippet.get("id") for snippet in topic.get("snippets", [])}
        for index, card in enumerate(topic.get("cards", [])):
            cards += 1
            name = f"{path.stem}/{card.get('id', f'cards[{index}]')}"
            if isinstance(card.get("id"), str):
                owners.setdefault(card["id"], []).append(f"{path.stem} (card)")
            problems = lint_card(name, card, snippet_ids)
            if problems:
                card_failures.extend(problems)
                continue
            stderr = []
            stdout, error = run(card["code"], stderr)
            problem = choices_problem(name, card, stdout, error)
            if problem:
                card_failures.append(problem)
            if error is None and stderr[0]:
                card_failures.append(f"{name}: writes to stderr (a warning?)\n{stderr[0]}")
            if stdout == card["output"] and error == card.get("error"):
                continue
            if write_mode:
                updates[("cards", index)] = (stdout, error)
                cards_changed += 1
                print(f"updated {name}")
                continue
            card_failures.append(
                f"{name}\n--- output\n{card['output']}--- got\n{stdout}"
                f"--- error: expected {card.get('error')!r}, got {error!r}"
            )
        if updates:
            write(path, topic, updates)
    for item_id, where in sorted(owners.items()):
        if len(where) > 1:
            card_failures.append(f"id {item_id!r} is used {len(where)} times: {', '.join(where)}")
    for failure in failures + card_failures:
        print(failure, end="\n\n")
    if newer_checked:
        print(f"checked {len(newer_checked)} snippet run(s) on a newer CPython: "
              f"{', '.join(newer_checked)}")
    if skipped:
        print(f"skipped {len(skipped)} snippet(s) that need a newer Python than any "
              f"found (RustPython checks them): {', '.join(skipped)}")
    version = sys.version.split()[0]
    if write_mode:
        print(f"CPython {version}: {changed} of {count} snippets and "
              f"{cards_changed} of {cards} cards rewritten")
        if card_failures:
            print(f"{len(card_failures)} card problem(s) that --write cannot fix")
        return 0 if count and not card_failures else 1
    print(f"CPython {version}: {count - len(failures)} of {count} snippets match; "
          f"{cards} cards, {len(card_failures)} problem(s)")
    return 1 if failures or card_failures or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
