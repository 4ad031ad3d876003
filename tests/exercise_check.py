#!/usr/bin/env python3
"""Checks the exercises in crates/content/topics against CPython, with the
same harness the browser uses (crates/engine/py/_pyplay_check.py):

- every exercise is well formed: a slug id unique among exercises and
  cards (and not a topic or snippet id of its topic), a title, a statement,
  starter and solution that compile, 1 to 3 hints, 2 to 6 checks whose
  `call` is ASCII and ends in an expression and whose `expected` evaluates,
  in a fresh namespace (builtins only), to builtin data;
- every reference solution runs cleanly and passes every check;
- every starter runs cleanly and fails at least one check;
- every chapter in chapters.toml has at least one exercise.

Each program runs in its own `python3 -I` process (30 s limit) through the
harness's command-line driver.

    python3 tests/exercise_check.py              # check the content
    python3 tests/exercise_check.py --self-test  # check the harness against cheats
"""
import importlib.util
import json
import pathlib
import re
import secrets
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTENT = ROOT / "crates" / "content"
HARNESS = ROOT / "crates" / "engine" / "py" / "_pyplay_check.py"
TIMEOUT = 30
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
EXERCISE_KEYS = {"id", "title", "statement", "starter", "solution", "hints", "checks"}
CHECK_KEYS = {"call", "expected"}


def load_harness():
    """The harness as a module, for its call splitting and comparison."""
    spec = importlib.util.spec_from_file_location("_pyplay_check", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_program(code, checks, timeout=TIMEOUT):
    """Runs `code` and then `checks` in a fresh CPython through the harness's
    driver. Returns (program_error, results), or raises RuntimeError when no
    trustworthy result came back (a crash, os._exit, a timeout)."""
    marker = "@@pyplay-check-" + secrets.token_hex(16) + "@@"
    job = json.dumps({"code": code, "checks": checks, "marker": marker})
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(HARNESS)], input=job,
            capture_output=True, text=True, timeout=timeout, cwd="/",
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timed out after {timeout} s") from None
    lines = [line for line in done.stdout.splitlines() if line.startswith(marker)]
    if done.returncode != 0 or len(lines) != 1:
        tail = (done.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        raise RuntimeError(f"the driver exited with {done.returncode} and "
                           f"{len(lines)} result line(s): {tail}")
    report = json.loads(lines[0][len(marker):])
    return report["program_error"], report["results"]


def verdict_passed(error, results):
    """The page's verdict: the program ended normally and every check passed."""
    return not error and bool(results) and all(r["passed"] for r in results)


def builtin_data(value):
    """True if `value` is made only of the builtin types checks may expect."""
    kind = type(value)
    if kind in (int, float, complex, str, bytes, bool, type(None)):
        return True
    if kind in (list, tuple, set, frozenset):
        return all(builtin_data(item) for item in value)
    if kind is dict:
        return all(builtin_data(k) and builtin_data(v) for k, v in value.items())
    return False


def load_topics():
    """[(chapter id, topic id, topic table)] in syllabus order."""
    chapters = tomllib.loads((CONTENT / "chapters.toml").read_text(encoding="utf-8"))
    out = []
    for chapter in chapters["chapters"]:
        for topic_id in chapter["topics"]:
            path = CONTENT / "topics" / f"{topic_id}.toml"
            out.append((chapter["id"], topic_id, tomllib.loads(path.read_text(encoding="utf-8"))))
    return chapters["chapters"], out


def shape_problems(exercise, harness):
    """What is wrong with one exercise's data, as a list of messages."""
    problems = []
    unknown = set(exercise) - EXERCISE_KEYS
    missing = EXERCISE_KEYS - set(exercise)
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)}")
    if missing:
        return problems + [f"missing keys {sorted(missing)}"]
    for key in ("title", "statement", "starter", "solution"):
        if not isinstance(exercise[key], str) or not exercise[key].strip():
            problems.append(f"`{key}` must be a non-empty string")
    for key in ("starter", "solution"):
        try:
            compile(exercise[key], key, "exec")
        except SyntaxError as exc:
            problems.append(f"`{key}` does not compile: {exc}")
    hints = exercise["hints"]
    if not isinstance(hints, list) or not 1 <= len(hints) <= 3 or \
            not all(isinstance(h, str) and h.strip() for h in hints):
        problems.append("`hints` must be 1 to 3 non-empty strings")
    checks = exercise["checks"]
    if not isinstance(checks, list) or not 2 <= len(checks) <= 6:
        return problems + ["needs 2 to 6 checks"]
    for number, check in enumerate(checks, 1):
        if set(check) != CHECK_KEYS:
            problems.append(f"check {number}: keys must be exactly {sorted(CHECK_KEYS)}")
            continue
        if not check["call"].isascii():
            problems.append(f"check {number}: `call` must be ASCII (use escapes)")
        try:
            harness._split(check["call"])
        except (SyntaxError, ValueError) as exc:
            problems.append(f"check {number}: bad `call`: {exc}")
        try:  # as the harness does it: a fresh namespace with only the builtins
            want = eval(compile(check["expected"], "<expected>", "eval"), {})
        except Exception as exc:
            problems.append(f"check {number}: `expected` does not evaluate: "
                            f"{type(exc).__name__}: {exc}")
        else:
            if not builtin_data(want):
                problems.append(f"check {number}: `expected` must be builtin data")
    return problems


def describe_failures(results):
    out = []
    for r in results:
        if not r["passed"]:
            out.append(f"    call: {r['call'].strip()}\n    expected {r['expected']}, got {r['got']}"
                       + (f"\n    output: {r['output']!r}" if r["output"] else ""))
    return "\n".join(out)


def check_content():
    harness = load_harness()
    chapters, topics = load_topics()
    topic_ids = {topic_id for _, topic_id, _ in topics}
    # Exercises and cards share one id space: progress is stored by id.
    card_ids = {card.get("id") for _, _, topic in topics for card in topic.get("cards", [])}
    seen, per_chapter, failures = {}, {c["id"]: 0 for c in chapters}, []
    total = 0
    for chapter_id, topic_id, topic in topics:
        snippet_ids = {s["id"] for s in topic.get("snippets", [])}
        for exercise in topic.get("exercises", []):
            total += 1
            name = f"{topic_id}/{exercise.get('id')}"
            problems = shape_problems(exercise, harness)
            ex_id = exercise.get("id", "")
            if not isinstance(ex_id, str) or not SLUG.fullmatch(ex_id):
                problems.append("`id` must be a slug: lower-case letters, digits and single hyphens")
            elif ex_id in seen:
                problems.append(f"id also used in {seen[ex_id]}")
            elif ex_id in card_ids:
                problems.append("id is also a card's id")
            elif ex_id in topic_ids or ex_id in snippet_ids:
                problems.append("id is also a topic id or a snippet id of this topic")
            seen.setdefault(ex_id, topic_id)
            if problems:
                failures.append(f"{name}:\n  " + "\n  ".join(problems))
                continue
            per_chapter[chapter_id] += 1
            checks = exercise["checks"]
            for role in ("solution", "starter"):
                try:
                    error, results = run_program(exercise[role], checks)
                except RuntimeError as exc:
                    failures.append(f"{name}: the {role}: {exc}")
                    continue
                if error:
                    failures.append(f"{name}: the {role} raised when run:\n{error}")
                elif role == "solution" and not all(r["passed"] for r in results):
                    failures.append(f"{name}: the solution fails:\n{describe_failures(results)}")
                elif role == "starter" and all(r["passed"] for r in results):
                    failures.append(f"{name}: the starter passes every check")
    for chapter_id, count in per_chapter.items():
        if count == 0:
            failures.append(f"chapter {chapter_id} has no exercise")
    for failure in failures:
        print(failure, end="\n\n")
    counts = ", ".join(f"{c}: {n}" for c, n in per_chapter.items())
    print(f"CPython {sys.version.split()[0]}: {total} exercises ({counts}); "
          f"{'FAILED, ' + str(len(failures)) + ' problem(s)' if failures else 'all good'}")
    return 1 if failures else 0


# --- self-test: the harness against cheating programs ------------------------

SELF_TEST_CHECKS = [
    {"call": "add(2, 3)", "expected": "5"},
    {"call": "add(-1, 1)", "expected": "0"},
    {"call": "pair(1)", "expected": "[1, (1.0, 'one')]"},
    {"call": "raises(TypeError, add, 1, 'x')", "expected": '"TypeError"'},
]

HONEST = '''
def add(a, b):
    return a + b

def pair(n):
    return [n, (float(n), "one")]
'''

# Each must fail at least one check. Only those in NO_RESULT may instead
# leave no trustworthy result (the checker then reports a failure); the
# others must not be able to break the harness itself.
NO_RESULT = {
    "prints fake driver output, then os._exit", "swaps sys.stdout and loops forever",
    "os._exit(0) after honest code", "os._exit(0), caught", "prints fake results, then os._exit",
}
# Shared with crates/engine/tests/exercises.rs (tests/exercise_cheats.json),
# plus those only a subprocess driver can meet.
CHEATS = {
    **json.loads((ROOT / "tests" / "exercise_cheats.json").read_text())["cheats"],
    'prints fake driver output, then os._exit': '\nimport os, sys\nprint(\'{"program_error": "", "results": [{"passed": true}]}\')\nsys.stdout.flush()\nos._exit(0)\n',
    'swaps sys.stdout and loops forever': '\nimport sys\nsys.stdout = None\nwhile True:\n    pass\n',
    'sys.exit(0) at the top': '\nimport sys\nsys.exit(0)\ndef add(a, b):\n    return a + b\n\ndef pair(n):\n    return [n, (float(n), "one")]\n',
    "patches math.isclose and the harness's helpers": '\nimport math\nmath.isclose = lambda *args, **kwargs: True\ndef raises(*args, **kwargs):\n    return "TypeError"\ndef add(a, b):\n    return 5.0\ndef pair(n):\n    return [1.0, (1, "one")]\n',
}


def self_test():
    harness = load_harness()
    same = harness._same
    problems = []

    def expect(label, condition):
        if not condition:
            problems.append(label)

    # The comparison.
    expect("1 == 1", same(1, 1))
    expect("True is not 1", not same(True, 1) and not same(1, True))
    expect("1.0 is not 1", not same(1.0, 1))
    expect("floats within 1e-9", same(0.1 + 0.2, 0.3) and not same(0.3001, 0.3))
    expect("NaN equals NaN", same(float("nan"), float("nan")))
    expect("list is not tuple", not same([1], (1,)))
    expect("nested containers", same({"a": [1, {2, 3}], "b": (None, b"x")},
                                     {"a": [1, {2, 3}], "b": (None, b"x")}))
    expect("dict keys by type", not same({1: "a"}, {1.0: "a"}) and not same({True: 1}, {1: 1}))
    expect("set items by type", not same({1, 2}, {1.0, 2}) and same({(1, 2)}, {(1, 2)}))
    expect("dict values", not same({"a": 1}, {"a": 2}))
    expect("lengths", not same([1, 2], [1, 2, 3]) and not same({"a": 1}, {"a": 1, "b": 2}))
    expect("frozenset", same(frozenset({1}), frozenset({1})) and not same({1}, frozenset({1})))
    loop = []
    loop.append(loop)
    expect("a self-containing list does not crash", not same(loop, [[[]]]))

    # Helpers and results, in process.
    ns = {}
    exec(HONEST + "def noisy():\n    print('hello')\n    return 1\n"
         "def boom():\n    raise ValueError('bad input')\n", ns)
    results = harness.run_checks(ns, [
        {"call": "noisy()", "expected": "1"},
        {"call": "output_of(noisy)", "expected": "'hello\\n'"},
        {"call": "raises(ValueError, boom)", "expected": "'ValueError'"},
        {"call": "raises(ValueError, add, 1, 2)", "expected": "'ValueError'"},
        {"call": "x = [3, 1, 2]\nx.sort()\nadd(\n    x[0],\n    x[2],\n)", "expected": "4"},
        {"call": "boom()", "expected": "None"},
        {"call": "import sys; sys.exit(0)\n1", "expected": "1"},
        {"call": "print('x' * 10000)\n'a' * 1000", "expected": "'b'"},
    ])
    passed = [r["passed"] for r in results]
    expect(f"helper results {passed}", passed == [True, True, True, False, True, False, False, False])
    expect("output captured", results[0]["output"] == "hello\n")
    expect("no exception message", results[3]["got"] == "'no exception (returned 3)'")
    expect("exception shown", results[5]["got"] == "ValueError: bad input"
           and "<check>" in results[5]["traceback"] and "_pyplay_check" not in results[5]["traceback"])
    expect("SystemExit shown", results[6]["got"] == "SystemExit: 0")
    expect("long repr and output clipped", len(results[7]["got"]) == 301 and results[7]["got"].endswith("…")
           and len(results[7]["output"]) == 4001)
    expect("keys", set(results[0]) == {"call", "expected", "got", "passed", "output", "traceback"})
    for bad in ({"call": "x = 1", "expected": "1"}, {"call": "1", "expected": "object()"}):
        try:
            harness.run_checks({}, [bad])
        except ValueError:
            pass
        else:
            problems.append(f"content error not raised: {bad}")

    # Whole programs, in their own processes.
    error, results = run_program(HONEST, SELF_TEST_CHECKS)
    expect(f"the honest program passes: {error} {results}",
           verdict_passed(error, results))
    for name, code in CHEATS.items():
        try:
            error, results = run_program(code, SELF_TEST_CHECKS, timeout=5)
        except RuntimeError as exc:
            if name not in NO_RESULT:
                problems.append(f"cheat broke the harness: {name}: {exc}")
            continue
        if verdict_passed(error, results):
            problems.append(f"cheat passed: {name}")
    for problem in problems:
        print("FAILED:", problem)
    print(f"self-test: {len(CHEATS)} cheats, "
          f"{'all refused' if not problems else str(len(problems)) + ' problem(s)'}")
    return 1 if problems else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if argv[1:]:
        print(__doc__)
        return 2
    return check_content()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
