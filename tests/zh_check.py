#!/usr/bin/env python3
"""Checks the Simplified Chinese lesson texts (issue 20).

crates/content/zh/topics/<id>.toml holds the Chinese of crates/content/
topics/<id>.toml: every field a reader sees, keyed by the same ids, and
nothing else (code, outputs and checks are shared, so links and content
checks hold in both languages):

    title = "…"        summary = "…"        intro = '''…'''
    article_fixes = '''…'''   follow_ups = '''…'''   (when the English has them)
    [snippets.<id>]    title, prose, note (when the English has one)
    [exercises.<id>]   title, statement, hints (as many as the English)
    [cards.<id>]       title, explanation

crates/content/zh/chapters.toml: `[titles]` chapter id -> title.

Each text must: exist for every English one; keep the English's fenced
code blocks and `#/…` link targets exactly; be mostly Chinese (CJK
characters at least a third of the letters, after code and links are
taken out); never use a spelling that crates/content/zh/glossary.toml says
to avoid. Without --all, topics not yet translated are listed, not failed.

The content build enforces the same rules (crates/content/build/check.rs,
tested by `cargo test -p pyplay-content`): a missing or broken Chinese
text fails the build. This script is the quick check for translators, with
no Rust toolchain; both pass tests/zh_check_cases.json (`--self-test`
here), which keeps the two the same rule.
"""

import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTENT = ROOT / "crates" / "content"
ZH = CONTENT / "zh"
MIN_CJK_SHARE = 1 / 3

FENCE = re.compile(r"```.*?```", re.S)
INLINE = re.compile(r"`[^`\n]*`")
LINK_TARGET = re.compile(r"\]\((#/[^)\s]*)\)")
URL = re.compile(r"\]\([^)]*\)")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")


def load(path):
    with open(path, "rb") as file:
        return tomllib.load(file)


def fields(topic):
    """(key, English text) of every translatable field of a topic."""
    out = []
    for name in ("title", "summary", "intro", "article_fixes", "follow_ups"):
        if topic.get(name):
            out.append(((name,), topic[name]))
    for kind, names in (("snippets", ("title", "prose", "note")),
                        ("exercises", ("title", "statement")),
                        ("cards", ("title", "explanation"))):
        for item in topic.get(kind, []):
            for name in names:
                if item.get(name):
                    out.append(((kind, item["id"], name), item[name]))
            if kind == "exercises":
                for index, hint in enumerate(item["hints"]):
                    out.append(((kind, item["id"], "hints", index), hint))
    return out


def lookup(data, key):
    for part in key:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def expected_keys(topic):
    """The keys the Chinese file may have, as nested dict of sets."""
    top = {name for name in ("title", "summary", "intro", "article_fixes", "follow_ups") if topic.get(name)}
    nested = {}
    for kind in ("snippets", "exercises", "cards"):
        ids = {item["id"] for item in topic.get(kind, [])}
        if ids:
            nested[kind] = ids
    return top, nested


def text_problems(key, english, chinese, avoid):
    where = "/".join(str(part) for part in key)
    problems = []
    if not isinstance(chinese, str) or not chinese.strip():
        return [f"{where}: missing"]
    if FENCE.findall(english) != FENCE.findall(chinese):
        problems.append(f"{where}: fenced code blocks differ from the English")
    if sorted(LINK_TARGET.findall(english)) != sorted(LINK_TARGET.findall(chinese)):
        problems.append(f"{where}: #/ link targets differ from the English")
    bare = URL.sub("]", INLINE.sub("", FENCE.sub("", chinese)))
    cjk, latin = len(CJK.findall(bare)), len(LATIN.findall(bare))
    if cjk + latin >= 40 and cjk < MIN_CJK_SHARE * (cjk + latin):
        problems.append(f"{where}: mostly Latin text ({cjk} CJK, {latin} Latin letters)")
    for word, term in avoid:
        if word in chinese:
            problems.append(f"{where}: uses {word!r}; the glossary says {term!r}")
    return problems


def check_topic(topic_id, english, chinese, avoid):
    problems = []
    for key, text in fields(english):
        problems.extend(text_problems(key, text, lookup(chinese, key), avoid))
    top, nested = expected_keys(english)
    for name, value in chinese.items():
        if isinstance(value, dict):
            extra = set(value) - nested.get(name, set())
            problems.extend(f"{name}/{item}: no such item in English" for item in sorted(extra))
            for item_id, item in value.items():
                if item_id in nested.get(name, set()):
                    allowed = {"snippets": {"title", "prose", "note"}, "exercises": {"title", "statement", "hints"},
                               "cards": {"title", "explanation"}}[name]
                    problems.extend(f"{name}/{item_id}/{field}: not a translatable field"
                                    for field in sorted(set(item) - allowed))
        elif name not in top:
            problems.append(f"{name}: not a translatable field of this topic")
    for kind in ("exercises",):
        for item in english.get(kind, []):
            hints = lookup(chinese, (kind, item["id"], "hints"))
            if hints is not None and len(hints) != len(item["hints"]):
                problems.append(f"{kind}/{item['id']}/hints: {len(hints)} hints, the English has {len(item['hints'])}")
    return [f"{topic_id}: {p}" for p in problems]


def kinds(problems):
    """The kinds of problems, as tests/zh_check_cases.json names them."""
    marks = (("fenced", "code"), ("link targets", "links"), ("mostly Latin", "latin"), ("uses ", "avoid"),
             ("missing", "missing"))
    return [kind for mark, kind in marks if any(mark in p for p in problems)]


def self_test():
    """Runs tests/zh_check_cases.json, which the Rust check runs too."""
    table = __import__("json").loads((ROOT / "tests" / "zh_check_cases.json").read_text())
    avoid = [tuple(pair) for pair in table["avoid"]]
    failed = 0
    for case in table["cases"]:
        got = kinds(text_problems(("case",), case["en"], case["zh"], avoid))
        if got != case["problems"]:
            failed += 1
            print(f"{case}: got {got}", file=sys.stderr)
    print(f"zh self-test: {len(table['cases']) - failed} of {len(table['cases'])} cases pass")
    return 1 if failed else 0


def main():
    if "--self-test" in sys.argv:
        return self_test()
    require_all = "--all" in sys.argv
    glossary = load(ZH / "glossary.toml")["terms"]
    avoid = [(word, term["zh"]) for term in glossary for word in term.get("avoid", [])]
    problems = []
    manifest = load(CONTENT / "chapters.toml")
    chapters = {chapter["id"]: chapter for chapter in manifest["chapters"]}
    topic_ids = [topic for chapter in manifest["chapters"] for topic in chapter["topics"]]
    zh_chapters = ZH / "chapters.toml"
    if zh_chapters.exists():
        titles = load(zh_chapters).get("titles", {})
        for chapter_id in chapters:
            if chapter_id not in titles:
                (problems if require_all else []).append(f"chapters.toml: no title for {chapter_id}")
            else:
                problems.extend(text_problems(("chapter", chapter_id), chapters[chapter_id]["title"],
                                              titles[chapter_id], avoid))
        problems.extend(f"chapters.toml: no chapter {c}" for c in sorted(set(titles) - set(chapters)))
    elif require_all:
        problems.append("chapters.toml: missing")
    done, missing = [], []
    for topic_id in topic_ids:
        path = ZH / "topics" / f"{topic_id}.toml"
        if not path.exists():
            missing.append(topic_id)
            continue
        done.append(topic_id)
        problems.extend(check_topic(topic_id, load(CONTENT / "topics" / f"{topic_id}.toml"), load(path), avoid))
    strays = sorted(p.stem for p in (ZH / "topics").glob("*.toml") if p.stem not in topic_ids) if (ZH / "topics").exists() else []
    problems.extend(f"{stray}: no such topic" for stray in strays)
    if require_all and missing:
        problems.append(f"not translated: {', '.join(missing)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"zh: {len(done)} of {len(topic_ids)} topics translated; {len(problems)} problems")
    if missing and not require_all:
        print(f"not yet translated: {', '.join(missing)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
