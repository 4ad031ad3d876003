//! The build steps on made-up content: a tiny syllabus in the real file
//! formats, and the rules one at a time.

use std::collections::BTreeMap;

use super::{
    Sources,
    check::{Problems, check_card, check_exercise, is_expression},
    compile,
    markdown::render,
    schema::{CardFile, CheckFile, ExerciseFile},
};

const TOPIC: &str = r#"
title = "Lists"
summary = "Growing and slicing lists."
intro = "A *list* holds `items`."

[[snippets]]
id = "append"
title = "Append"
prose = "Add one item."
code = "xs = []\nxs.append(1)\nprint(xs)"
expected = "[1]\n"

[[exercises]]
id = "queue-from-two-stacks"
title = "A queue from two stacks"
statement = """Write `Queue` with `push` and `pop`, using two lists as stacks."""
starter = '''
class Queue:
    pass
'''
solution = '''
class Queue:
    def __init__(self):
        self.inbox, self.outbox = [], []
    def push(self, x):
        self.inbox.append(x)
    def pop(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
        return self.outbox.pop()
'''
hints = ["Pop from one list, push to the **other**.", "Refill only when empty."]
[[exercises.checks]]
call = '''
q = Queue()
q.push(1); q.push(2)
q.pop()'''
expected = "1"
[[exercises.checks]]
call = '''q = Queue()
q.push("a")
[q.pop()]'''
expected = "['a']"

[[cards]]
id = "mutable-default-list"
title = "A default list"
code = '''
def add(x, xs=[]):
    xs.append(x)
    return xs
add(1)
print(add(2))
'''
output = """[1, 2]
"""
choices = ["[2]", "[1, 2]"]
explanation = """The default is made **once**, when `def` runs."""

[[cards]]
id = "zero-division"
title = "Dividing by zero"
code = "print(1 / 0)"
output = ""
error = "ZeroDivisionError: division by zero"
explanation = "Python never returns infinity here."
"#;

/// `TOPIC` in Chinese.
const ZH_TOPIC: &str = r#"
title = "列表"
summary = "列表的增长与切片。"
intro = "*列表*保存 `items`。"

[snippets.append]
title = "追加"
prose = "添加一个元素。"

[exercises.queue-from-two-stacks]
title = "用两个栈实现队列"
statement = """编写带有 `push` 和 `pop` 的 `Queue`，用两个列表充当栈。"""
hints = ["从一个列表弹出，压入**另一个**。", "只在为空时重新装填。"]

[cards.mutable-default-list]
title = "默认列表"
explanation = """默认值只在 `def` 执行时创建**一次**。"""

[cards.zero-division]
title = "除以零"
explanation = "这里 Python 从不返回无穷大。"
"#;

const ZH_CHAPTERS: &str = "[titles]\nbasics = \"基础\"\n";
const GLOSSARY: &str = "[[terms]]\nen = \"list\"\nzh = \"列表\"\navoid = [\"串列\"]\n";

/// A chapter "basics" listing `topics`, each a file of that name, each
/// with `ZH_TOPIC` as its Chinese (less its exercises and cards when the
/// English has none).
fn sources(topics: &[(&str, &str)]) -> Sources {
    let zh = |english: &str| {
        if english.contains("[[exercises]]") {
            ZH_TOPIC.to_string()
        } else {
            ZH_TOPIC.split("[exercises.").next().unwrap().to_string()
        }
    };
    let names: Vec<String> = topics.iter().map(|(id, _)| format!("{id:?}")).collect();
    Sources {
        chapters: format!(
            "format_version = 1\n[[chapters]]\nid = \"basics\"\ntitle = \"Basics\"\ntopics = [{}]\n",
            names.join(", ")
        ),
        known_differences: String::new(),
        topics: topics
            .iter()
            .map(|(id, text)| (id.to_string(), text.to_string()))
            .collect::<BTreeMap<_, _>>(),
        stray: Vec::new(),
        zh_chapters: ZH_CHAPTERS.into(),
        glossary: GLOSSARY.into(),
        zh_topics: topics.iter().map(|(id, text)| (id.to_string(), zh(text))).collect(),
        zh_stray: Vec::new(),
    }
}

/// The problems `compile` reports for `topics`.
fn problems(topics: &[(&str, &str)]) -> Vec<String> {
    compile(&sources(topics)).expect_err("the content should be rejected")
}

#[test]
fn exercises_and_cards_load_and_are_emitted() {
    let code = compile(&sources(&[("lists", TOPIC)])).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(code.contains(r#"Exercise { id: "queue-from-two-stacks", title: "A queue from two stacks", statement_html: Prose { topic: 0, lang: Lang::En, at: 2 }, "#), "{code}");
    assert!(code.contains(r#"hints_html: &[Prose { topic: 0, lang: Lang::En, at: 3 }, Prose { topic: 0, lang: Lang::En, at: 4 }]"#), "{code}");
    assert!(
        code.contains(r#"Check { call: "q = Queue()\nq.push(\"a\")\n[q.pop()]", expected: "['a']" }"#),
        "{code}"
    );
    assert!(code.contains(r#"output: "[1, 2]\n", error: None, choices: &["[2]", "[1, 2]"], explanation_html: Prose { topic: 0, lang: Lang::En, at: 5 }"#), "{code}");
    assert!(
        code.contains(r#"output: "", error: Some("ZeroDivisionError: division by zero"), choices: &[], "#),
        "{code}"
    );
    // Plain text for search comes with the handle, for the search index's build only.
    assert!(code.contains(r#"intro_html: Prose { topic: 0, lang: Lang::En, at: 0 }, #[cfg(feature = "search-text")] intro_text: "A list holds items.""#), "{code}");
    // The HTML itself is in the topic's prose, in handle order, natively only.
    let prose = prose_table(&code);
    assert!(prose.starts_with(r#"[&["<p>A <em>list</em> holds <code>items</code>.</p>\n", "<p>Add one item.</p>\n", "<p>Write <code>Queue</code>"#), "{prose}");
    assert!(prose.contains(r#""<p>Pop from one list, push to the <strong>other</strong>.</p>\n", "<p>Refill only when empty.</p>\n", "<p>The default is made <strong>once</strong>"#), "{prose}");
}

/// The rows of the emitted `PROSE` table.
fn prose_table(code: &str) -> &str {
    let start = "#[cfg(not(target_arch = \"wasm32\"))]\nstatic PROSE: &[[&[&str]; 2]] = &[\n";
    let at = code.find(start).unwrap_or_else(|| panic!("no PROSE table in {code}"));
    &code[at + start.len()..]
}

#[test]
fn each_body_file_is_named_by_its_content() {
    let code = compile(&sources(&[("lists", TOPIC)])).unwrap_or_else(|e| panic!("{e:#?}"));
    let texts = |lang: usize| {
        let row = prose_table(&code).lines().next().unwrap();
        let list = row.trim_start_matches("[&[").trim_end_matches("]],");
        let list: Vec<&str> = list.split("], &[").collect();
        format!("[{}]", list[lang])
    };
    let body = |lang: &str| {
        let name = format!("Body {{ file: \"lessons/lists.{lang}.");
        let at = code.find(&name).unwrap() + name.len();
        code[at..].split('.').next().unwrap().to_string()
    };
    for (i, lang) in ["en", "zh"].into_iter().enumerate() {
        // The Rust literals of the table are the JSON strings the file holds.
        let json = texts(i);
        let parsed: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed.len(), 7);
        let written = serde_json::to_string(&parsed).unwrap();
        assert_eq!(body(lang), format!("{:016x}", super::emit::fnv1a(written.as_bytes())), "{lang}");
    }
    assert!(
        code.contains(", topic: 0, lang: Lang::En, slots: 7 }, Body { file: \"lessons/lists.zh."),
        "{code}"
    );
}

#[test]
fn a_topic_without_exercises_or_cards_compiles() {
    let plain = TOPIC.split("[[exercises]]").next().unwrap();
    let code = compile(&sources(&[("lists", plain)])).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(code.contains("], exercises: &[\n], cards: &[\n], body: [Body { "), "{code}");
}

#[test]
fn exercise_and_card_ids_are_unique_across_topics() {
    let found = problems(&[("lists", TOPIC), ("more-lists", TOPIC)]);
    assert_eq!(
        found,
        [
            "topics/more-lists.toml: exercise queue-from-two-stacks: the id is already used in topics/lists.toml",
            "topics/more-lists.toml: card mutable-default-list: the id is already used in topics/lists.toml",
            "topics/more-lists.toml: card zero-division: the id is already used in topics/lists.toml",
        ]
    );
}

#[test]
fn unknown_fields_are_rejected_with_the_file_named() {
    let typo = TOPIC.replace("hints = [", "hint = [");
    let found = problems(&[("lists", &typo)]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("topics/lists.toml: ") && found[0].contains("unknown field `hint`"),
        "{found:#?}"
    );
}

#[test]
fn broken_rules_name_the_file_and_the_id() {
    let broken = TOPIC.replace("title = \"Append\"", "title = \" \"").replace("hints = [", "hints = [\"\", ");
    assert_eq!(
        problems(&[("lists", &broken)]),
        [
            "topics/lists.toml: snippet append: empty title",
            "topics/lists.toml: exercise queue-from-two-stacks: hint 1 is empty",
            "zh/topics/lists.toml: exercise queue-from-two-stacks: 2 hints in Chinese, 3 in English",
        ]
    );
    let mut src = sources(&[("lists", TOPIC)]);
    src.topics.insert("orphan".into(), TOPIC.into());
    src.stray.push("notes.txt".into());
    src.known_differences =
        "[[differences]]\nsnippet = \"lists/nope\"\nreason = \"made up\"\nstdout = \"\"\n".into();
    assert_eq!(
        compile(&src).unwrap_err(),
        [
            r#"chapters.toml: topics not listed in any chapter: ["orphan"]"#,
            "topics/notes.txt: a stray file (topics/ holds only .toml files)",
            "known-differences.toml: lists/nope: no such snippet",
        ]
    );
}

fn exercise() -> ExerciseFile {
    let check = |call: &str| CheckFile { call: call.into(), expected: "1".into() };
    ExerciseFile {
        id: "ex".into(),
        title: "Ex".into(),
        statement: "Do it.".into(),
        starter: String::new(),
        solution: "def f(): return 1".into(),
        hints: vec!["Think.".into()],
        checks: vec![check("f()"), check("x = f()\nx")],
    }
}

fn exercise_problems(e: &ExerciseFile) -> Vec<String> {
    let mut list = Vec::new();
    check_exercise(e, &mut Problems::new("t", &mut list));
    list
}

#[test]
fn exercises_need_hints_checks_and_an_expression_to_check() {
    assert_eq!(exercise_problems(&exercise()), Vec::<String>::new());
    let mut e = exercise();
    e.id = "Ex 1".into();
    e.statement = "\n".into();
    e.hints = vec!["a".into(); 4];
    assert_eq!(
        exercise_problems(&e),
        ["t: the id must be a lowercase slug", "t: empty statement", "t: needs 1 to 3 hints, has 4"]
    );
    e = exercise();
    e.hints.clear();
    e.checks.truncate(1);
    e.checks[0].call = "x = f()".into();
    assert_eq!(
        exercise_problems(&e),
        [
            "t: needs 1 to 3 hints, has 0",
            "t: needs 2 to 8 checks, has 1",
            "t: check 1: the last line of `call`, \"x = f()\", must be an expression: its value is compared with `expected`",
        ]
    );
}

#[test]
fn the_last_line_of_a_call_must_be_an_expression() {
    for ok in [
        "f(x=1)",
        "a == b",
        "a <= b != c",
        "[x for x in 'a=b']",
        "lambda x=1: x",
        "s.count('=')  # x = 1",
        "(y := 2)",
    ] {
        assert!(is_expression(ok), "{ok}");
    }
    for not in
        ["x = f()", "x += 1", "xs[0] = 1", "return x", "assert f()", "import os", "    f()", "for x in y: x"]
    {
        assert!(!is_expression(not), "{not}");
    }
}

fn card(choices: &[&str]) -> CardFile {
    CardFile {
        id: "c".into(),
        title: "C".into(),
        code: "print(1)\nprint(2)".into(),
        output: "1\n2\n".into(),
        error: None,
        choices: Some(choices.iter().map(|c| c.to_string()).collect()),
        explanation: "Two lines.".into(),
    }
}

fn card_problems(c: &CardFile) -> Vec<String> {
    let mut list = Vec::new();
    check_card(c, &mut Problems::new("t", &mut list));
    list
}

#[test]
fn exactly_one_choice_is_the_output_without_its_trailing_newline() {
    assert_eq!(card_problems(&card(&["1\n2", "2\n1"])), Vec::<String>::new());
    assert_eq!(card_problems(&CardFile { choices: None, ..card(&[]) }), Vec::<String>::new());
    let none_right =
        r#"t: exactly one choice must be the output without its trailing newline, "1\n2"; 0 are"#;
    assert_eq!(card_problems(&card(&["1\n2\n", "1"])), [none_right]);
    assert_eq!(
        card_problems(&card(&["1\n2", "1\n2"])),
        [
            r#"t: exactly one choice must be the output without its trailing newline, "1\n2"; 2 are"#,
            "t: two choices are the same"
        ]
    );
    assert_eq!(card_problems(&card(&["1\n2"])), ["t: needs 2 to 4 choices, has 1"]);
    assert_eq!(card_problems(&card(&["1\n2", "a", "b", "c", "d"])), ["t: needs 2 to 4 choices, has 5"]);
    let mut c = card(&["1\n2", "1"]);
    c.error = Some("not an error line".into());
    c.explanation = " ".into();
    assert_eq!(
        card_problems(&c),
        [
            "t: empty explanation",
            r#"t: error "not an error line" must be one traceback line, `Kind: message`"#
        ]
    );
    c.explanation = "x".into();
    for error in ["StopIteration", "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"]
    {
        c.error = Some(error.into());
        assert_eq!(card_problems(&c), Vec::<String>::new(), "{error}");
    }
}

#[test]
fn markdown_becomes_html_and_plain_text_from_the_same_events() {
    // Markup is dropped and entities decoded, as search's HTML stripper did.
    let r = render("a &lt;b&gt; `x`.\n\nc &amp; d", "");
    assert_eq!(r.text, "a <b> x. c & d");
    assert_eq!(r.html, "<p>a &lt;b&gt; <code>x</code>.</p>\n<p>c &amp; d</p>\n");
    // Inline markup does not split a word; blocks, breaks and raw HTML do.
    assert_eq!(render("**re**draw and [link](x)s", "").text, "redraw and links");
    assert_eq!(
        render("- one\n  - two\n\n```py\nx = 1\n```\nline<br>break", "").text,
        "one two x = 1 line break"
    );
}

#[test]
fn internal_links_are_found_and_must_lead_somewhere() {
    assert_eq!(
        super::check::internal_links(
            "See [a](#/enum/basics) and [b](#/gil?x=1), not [c](https://x.org/#/no)."
        ),
        ["enum/basics", "gil"]
    );
    let linked = TOPIC.replacen(
        "intro = \"",
        "intro = \"[ok](#/lists/queue-from-two-stacks) [gone](#/lists/nope) ",
        1,
    );
    assert_ne!(linked, TOPIC);
    let mut src = sources(&[("lists", &linked)]);
    let zh_linked = ZH_TOPIC.replacen(
        "intro = \"",
        "intro = \"[好](#/lists/queue-from-two-stacks) [无](#/lists/nope) ",
        1,
    );
    src.zh_topics.insert("lists".into(), zh_linked);
    let found = compile(&src).unwrap_err();
    assert_eq!(found, ["topics/lists.toml: the link #/lists/nope leads nowhere"], "{found:?}");
}

#[test]
fn topic_links_become_page_urls_and_app_views_stay_fragments() {
    use super::markdown::page_url;
    assert_eq!(page_url("#/enum").as_deref(), Some("enum/"));
    assert_eq!(page_url("#/enum/").as_deref(), Some("enum/"));
    assert_eq!(page_url("#/enum/basics").as_deref(), Some("enum/#basics"));
    assert_eq!(page_url("#/gil?x=1").as_deref(), Some("gil/#?x=1"));
    for kept in ["#/scratch", "#/search?q=a", "#/progress", "#/", "https://x.org/#/no", "#top"] {
        assert_eq!(page_url(kept), None, "{kept}");
    }
    let html = render("[a](#/enum/basics) [b](#/scratch) [c](#/gil)", "").html;
    assert_eq!(
        html,
        "<p><a href=\"enum/#basics\">a</a> <a href=\"#/scratch\">b</a> <a href=\"gil/\">c</a></p>\n"
    );
    // Chinese text links to the Chinese pages and views.
    let html = render("[a](#/enum/basics) [b](#/scratch) [c](https://x.org/)", "zh/").html;
    assert_eq!(
        html,
        "<p><a href=\"zh/enum/#basics\">a</a> <a href=\"zh/#/scratch\">b</a> <a href=\"https://x.org/\">c</a></p>\n"
    );
}

/// The problems with the Chinese `zh` of `TOPIC`.
fn zh_problems(zh: &str) -> Vec<String> {
    let mut src = sources(&[("lists", TOPIC)]);
    src.zh_topics.insert("lists".into(), zh.into());
    compile(&src).err().unwrap_or_default()
}

#[test]
fn the_chinese_is_emitted_beside_the_english() {
    let code = compile(&sources(&[("lists", TOPIC)])).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(code.contains(r#"zh: ChapterTexts { title: "基础" }"#), "{code}");
    assert!(code.contains(r#"zh: TopicTexts { title: "列表", summary: "列表的增长与切片。", intro_html: Prose { topic: 0, lang: Lang::Zh, at: 0 }, #[cfg(feature = "search-text")] intro_text: "列表保存 items。", article_fixes_html: None"#), "{code}");
    assert!(code.contains(r#"zh: SnippetTexts { title: "追加", prose_html: Prose { topic: 0, lang: Lang::Zh, at: 1 }, #[cfg(feature = "search-text")] prose_text: "添加一个元素。", note: None }"#), "{code}");
    assert!(code.contains(r#"hints_html: &[Prose { topic: 0, lang: Lang::Zh, at: 3 }, Prose { topic: 0, lang: Lang::Zh, at: 4 }] }"#), "{code}");
    assert!(
        code.contains(r#"zh: CardTexts { title: "除以零", explanation_html: Prose { topic: 0, lang: Lang::Zh, at: 6 } }"#),
        "{code}"
    );
    let prose = prose_table(&code);
    assert!(
        prose.contains(
            r#"], &["<p><em>列表</em>保存 <code>items</code>。</p>\n", "<p>添加一个元素。</p>\n", "#
        ),
        "{prose}"
    );
    assert!(
        prose.contains(
            r#""<p>从一个列表弹出，压入<strong>另一个</strong>。</p>\n", "<p>只在为空时重新装填。</p>\n", "#
        ),
        "{prose}"
    );
    assert!(prose.contains(r#""<p>这里 Python 从不返回无穷大。</p>\n"]],"#), "{prose}");
}

#[test]
fn every_text_needs_its_chinese_and_no_more() {
    assert_eq!(zh_problems(ZH_TOPIC), Vec::<String>::new());
    let partial = ZH_TOPIC
        .replace("summary = \"列表的增长与切片。\"\n", "")
        .replace("prose = \"添加一个元素。\"", "prose = \" \"\nnote = \"多余。\"")
        .replace("[cards.zero-division]", "[cards.zero]")
        .replace(", \"只在为空时重新装填。\"", "");
    assert_eq!(
        zh_problems(&partial),
        [
            "zh/topics/lists.toml: summary: no Chinese",
            "zh/topics/lists.toml: snippet append: prose: empty",
            "zh/topics/lists.toml: snippet append: note: the English has none, so the Chinese cannot",
            "zh/topics/lists.toml: exercise queue-from-two-stacks: 1 hints in Chinese, 2 in English",
            "zh/topics/lists.toml: card zero-division: no Chinese",
            "zh/topics/lists.toml: card zero: no such card in topics/lists.toml",
        ]
    );
    let typo = ZH_TOPIC.replace("[snippets.append]\ntitle", "[snippets.append]\ntitel");
    assert!(
        zh_problems(&typo)[0].starts_with("zh/topics/lists.toml: ")
            && zh_problems(&typo)[0].contains("unknown field `titel`")
    );
}

#[test]
fn a_missing_or_stray_chinese_file_or_chapter_title_fails() {
    let mut src = sources(&[("lists", TOPIC)]);
    src.zh_topics.clear();
    src.zh_topics.insert("gone".into(), ZH_TOPIC.into());
    src.zh_stray.push("notes.md".into());
    src.zh_chapters = "[titles]\nbasic = \"基础\"\n".into();
    assert_eq!(
        compile(&src).unwrap_err(),
        [
            "zh/chapters.toml: no title for chapter basics",
            "zh/chapters.toml: no chapter basic",
            "zh/topics/lists.toml: missing: every topic needs its Chinese, as topics/lists.toml has its English",
            "zh/topics/gone.toml: no such topic in chapters.toml",
            "zh/topics/notes.md: a stray file (zh/topics/ holds only .toml files)",
        ]
    );
}

#[test]
fn chinese_keeps_the_code_and_links_and_is_mostly_chinese() {
    let code_changed = ZH_TOPIC.replace(
        "intro = \"*列表*保存 `items`。\"",
        "intro = \"*列表*保存 `items`。\\n\\n```python\\nxs = []\\n```\"",
    );
    assert_eq!(
        zh_problems(&code_changed),
        ["zh/topics/lists.toml: intro: fenced code blocks differ from the English"]
    );
    let linked = ZH_TOPIC.replace("hints = [\"从", "hints = [\"见[这里](#/lists/append)。从");
    assert_eq!(
        zh_problems(&linked),
        [
            r##"zh/topics/lists.toml: exercise queue-from-two-stacks: hint 1: #/ link targets differ from the English: ["#/lists/append"], not []"##
        ]
    );
    let latin =
        ZH_TOPIC.replace("添加一个元素。", "添加 one item to the list, at its end, as append always does.");
    assert_eq!(
        zh_problems(&latin),
        [
            "zh/topics/lists.toml: snippet append: prose: mostly Latin text (2 CJK characters, 42 Latin letters): write it in Chinese"
        ]
    );
    // Names in code, link URLs and a short text are not counted against it.
    let names = ZH_TOPIC.replace(
        "添加一个元素。",
        "用 `collections.deque.appendleft` 添加，见 [deque](https://docs.python.org/3/library/collections.html)。",
    );
    assert_eq!(zh_problems(&names), Vec::<String>::new());
    assert_eq!(
        zh_problems(&ZH_TOPIC.replace("title = \"追加\"", "title = \"append()\"")),
        Vec::<String>::new()
    );
}

#[test]
fn a_spelling_the_glossary_avoids_fails() {
    let avoided = ZH_TOPIC.replace("summary = \"列表的", "summary = \"串列的");
    assert_eq!(
        zh_problems(&avoided),
        [r#"zh/topics/lists.toml: summary: uses "串列"; the glossary says "列表""#]
    );
    let mut src = sources(&[("lists", TOPIC)]);
    src.glossary = "[[terms]]\nen = \"list\"\nzh = \"列表\"\navoid = [\"列表\"]\n".into();
    assert_eq!(compile(&src).unwrap_err()[0], r#"zh/glossary.toml: list: cannot avoid "列表""#);
}

#[test]
fn the_language_check_reads_markdown_as_the_python_one_did() {
    use super::check::{fences, letters, link_targets_of, prose_only};
    let text = "a ```x``` b ```y";
    assert_eq!(fences(text), ["```x```"]);
    assert_eq!(prose_only(text), "a  b `y");
    assert_eq!(prose_only("`code` and ` lone\n` [词](#/x \"t\") [x](y"), " and ` lone\n` [词] [x](y");
    assert_eq!(link_targets_of("[a](#/t/s?q=1) [b](#/t x) [c](#/u)"), ["#/t/s?q=1", "#/u"]);
    assert_eq!(letters("生成器 is 好"), (4, 2));
}

#[test]
fn the_chinese_rules_pass_the_table_zh_check_py_passes() {
    use super::check::{Avoid, check_translation};
    // The same table runs in `python3 tests/zh_check.py --self-test`.
    let table: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/zh_check_cases.json")).unwrap();
    let pairs: Vec<(&str, &str)> = table["avoid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap()))
        .collect();
    let avoid: Vec<Avoid> = pairs.iter().map(|&(word, term)| Avoid { word, term }).collect();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() > 10);
    for case in cases {
        let mut found = Vec::new();
        check_translation(
            case["en"].as_str().unwrap(),
            case["zh"].as_str().unwrap(),
            &avoid,
            &mut Problems::new("case", &mut found),
        );
        let marks = [
            ("fenced", "code"),
            ("link targets", "links"),
            ("mostly Latin", "latin"),
            ("uses ", "avoid"),
            ("empty", "missing"),
        ];
        let kinds: Vec<&str> = marks
            .iter()
            .filter(|(mark, _)| found.iter().any(|p| p.contains(mark)))
            .map(|(_, kind)| *kind)
            .collect();
        let want: Vec<&str> =
            case["problems"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
        assert_eq!(kinds, want, "{case}: {found:?}");
    }
}
