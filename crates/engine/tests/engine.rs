//! The engine's contract: output captured, errors described, runs isolated.

use std::{cell::RefCell, rc::Rc};

use pyplay_engine::{Engine, MAIN_FILE, OutputEvent, Stream};

#[test]
fn stdout_is_captured() {
    let engine = Engine::new();
    let out = engine.run_captured("print('hello')\nprint(1 + 2, end='!')");
    assert_eq!(out.stdout, "hello\n3!");
    assert_eq!(out.stderr, "");
    assert_eq!(out.error, None);
}

#[test]
fn stderr_is_separate_from_stdout() {
    let engine = Engine::new();
    let out = engine.run_captured("import sys\nprint('a')\nprint('b', file=sys.stderr)");
    assert_eq!(out.stdout, "a\n");
    assert_eq!(out.stderr, "b\n");
}

#[test]
fn exception_gives_type_message_and_line() {
    let engine = Engine::new();
    let out = engine.run_captured("x = 1\n\ndef f():\n    return {}['missing']\n\nf()\n");
    let err = out.error.expect("KeyError expected");
    assert_eq!(err.kind, "KeyError");
    assert_eq!(err.message, "'missing'");
    assert_eq!(err.line, Some(4), "innermost user frame");
    assert!(err.traceback.contains(&format!("File \"{MAIN_FILE}\", line 6")), "{}", err.traceback);
    assert!(err.traceback.trim_end().ends_with("KeyError: 'missing'"), "{}", err.traceback);
}

#[test]
fn output_before_an_exception_is_kept() {
    let engine = Engine::new();
    let out = engine.run_captured("print('before')\nraise ValueError('boom')\n");
    assert_eq!(out.stdout, "before\n");
    let err = out.error.unwrap();
    assert_eq!((err.kind.as_str(), err.message.as_str(), err.line), ("ValueError", "boom", Some(2)));
}

#[test]
fn syntax_error_gives_line_and_column() {
    let engine = Engine::new();
    let out = engine.run_captured("print('ok')\nif True\n    pass\n");
    let err = out.error.expect("SyntaxError expected");
    assert_eq!(err.kind, "SyntaxError");
    assert_eq!(err.line, Some(2));
    assert!(err.column.is_some());
    assert_eq!(out.stdout, "", "nothing runs when the file does not compile");
}

#[test]
fn runs_do_not_share_globals() {
    let engine = Engine::new();
    assert_eq!(engine.run_captured("secret = 42\nprint(secret)").stdout, "42\n");
    let second = engine.run_captured("print(secret)");
    let err = second.error.expect("NameError expected");
    assert_eq!(err.kind, "NameError");
    assert_eq!(err.line, Some(1));
}

#[test]
fn code_runs_as_main() {
    let engine = Engine::new();
    let out = engine.run_captured(
        "def f():\n    return 5\nif __name__ == '__main__':\n    from __main__ import f as g\n    print(g())",
    );
    assert_eq!(out.error, None);
    assert_eq!(out.stdout, "5\n");
}

#[test]
fn lesson_modules_import() {
    let engine = Engine::new();
    let out = engine.run_captured(
        "import enum, collections, itertools, heapq, contextlib, functools, os, datetime, time\n\
         print(time.monotonic() >= 0, datetime.datetime.now().year > 2000)",
    );
    assert_eq!(out.error, None, "{:?}", out.error);
    assert_eq!(out.stdout, "True True\n");
}

/// The native modules left out of the build (vendor/README.md) say why, and
/// what is kept works without them.
#[test]
fn modules_left_out_of_the_build_say_why() {
    let engine = Engine::new();
    for (code, says) in [
        ("import lzma", "the LZMA compressor is not part of this build"),
        ("import bz2", "the bzip2 compressor is not part of this build"),
        (
            "import xml.etree.ElementTree as ET\nET.fromstring('<a/>')",
            "the XML parser is not part of this build",
        ),
        (
            "'\\u4e2d'.encode('gbk')",
            "unknown encoding: gbk: No module named '_codecs_cn' in the browser playground",
        ),
    ] {
        let err = engine.run_captured(code).error.unwrap_or_else(|| panic!("{code} ran"));
        // ElementTree re-raises its own ImportError; ours is its context.
        assert!(err.traceback.contains(says), "{code}: {}", err.traceback);
    }
    let out = engine.run_captured(
        "import xml.etree.ElementTree as ET, zlib, gzip, datetime, zoneinfo\n\
         e = ET.Element('a', x='1'); print(ET.tostring(e).decode())\n\
         print(len(gzip.decompress(gzip.compress(b'ab' * 50))), '\\N{EM DASH}' == '\\u2014')\n\
         print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1))",
    );
    assert_eq!(out.error, None, "{:?}", out.error);
    assert_eq!(out.stdout, "<a x=\"1\" />\n100 True\n2024-03-01\n");
    let err = engine.run_captured("'x'.encode('nosuchcodec')").error.unwrap();
    assert_eq!(err.message, "unknown encoding: nosuchcodec");
}

#[test]
fn traceback_matches_cpython_layout() {
    let engine = Engine::new();
    let err = engine.run_captured("def f(d):\n    return d['k']\n\nf({})\n").error.unwrap();
    let expected = "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    f({})\n";
    assert!(err.traceback.starts_with(expected), "{}", err.traceback);
    assert!(err.traceback.contains("    return d['k']\n"), "{}", err.traceback);
    assert!(err.traceback.ends_with("KeyError: 'k'\n"), "{}", err.traceback);
}

#[test]
fn input_reads_the_runs_stdin_and_echoes_it() {
    let engine = Engine::new();
    let out = engine.run_captured_with_stdin(
        "import sys\nname = input('Name? ')\nprint('Hi', name)\nprint(sys.stdin.read().split())\ninput()",
        "Ada\nb c\nd\n",
    );
    assert_eq!(out.stdout, "Name? Hi Ada\n['b', 'c', 'd']\n");
    assert_eq!(out.error.map(|e| e.kind), Some("EOFError".into()), "stdin is used up");

    // The echo comes through its own stream, where the page shows it.
    let transcript = Rc::new(RefCell::new(String::new()));
    let sink = transcript.clone();
    let result = engine.run(
        "print(input('? ') * 2)",
        "ab\n",
        Box::new(move |event| {
            if let OutputEvent::Write(stream, text) = event {
                let mut t = sink.borrow_mut();
                match stream {
                    Stream::Stdin => t.push_str(&format!("<{text}>")),
                    _ => t.push_str(text),
                }
            }
        }),
    );
    assert_eq!(result, Ok(0));
    assert_eq!(*transcript.borrow(), "? <ab\n>abab\n");
}

#[test]
fn a_run_cannot_break_the_next_one() {
    let engine = Engine::new();
    let first = engine.run_captured(
        "import builtins, sys, os\n\
         os.environ['LEFTOVER'] = '1'\nos.chdir('/tmp')\n\
         open('/home/user/f.txt', 'w').write('x')\n\
         import math, json, collections, concurrent.futures\n\
         math.pi = 3\njson.dumps = None\ncollections.Counter = dict\nmath.tau_ish = 6\n\
         sys.setrecursionlimit(60)\nsys.stdout = None\nbuiltins.len = None\n",
    );
    assert_eq!(first.error, None);
    let second = engine.run_captured(
        "import sys, os, math, json, collections, concurrent.futures\n\
         print(sys.getrecursionlimit() > 60, 'LEFTOVER' in os.environ, os.getcwd(),\n\
         os.path.exists('f.txt'), len('abc'))\n\
         print(math.pi, json.dumps([1]), collections.Counter('aab')['a'], hasattr(math, 'tau_ish'))\n\
         print(concurrent.futures.ThreadPoolExecutor.__name__)",
    );
    assert_eq!(second.error, None, "{:?}", second.error);
    assert_eq!(
        second.stdout,
        "True False /home/user False 3\n3.141592653589793 [1] 2 False\nThreadPoolExecutor\n"
    );
}

#[test]
fn sleep_flushes_then_offers_the_host_a_pause_and_is_never_short() {
    let engine = Engine::new();
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    let result = engine.run(
        "import time\nprint('before')\nt = time.monotonic()\ntime.sleep(0.15)\n\
         print(time.monotonic() - t >= 0.15)\ntime.sleep(0)\ntime.sleep(-1)",
        "",
        Box::new(move |event| {
            sink.borrow_mut().push(match event {
                OutputEvent::Write(_, text) => format!("write {text:?}"),
                OutputEvent::Flush => "flush".into(),
                OutputEvent::Pause(s) => format!("pause {s}"),
                OutputEvent::Skipped(n) => format!("skipped {n}"),
            });
        }),
    );
    assert_eq!(result.map_err(|e| e.kind), Err("ValueError".into()), "a negative sleep is refused");
    let events = events.borrow();
    let pause = events.iter().position(|e| e == "pause 0.15").expect("the host is offered the pause");
    assert_eq!(events[pause - 1], "flush", "output before a sleep is flushed first: {events:?}");
    assert!(events.iter().position(|e| e.starts_with("write \"before")).unwrap() < pause);
    assert!(events.contains(&"write \"True\"".to_string()), "{events:?}");
    assert!(events.contains(&"pause 0".to_string()));
}

#[test]
fn a_session_keeps_its_globals_until_another_run_comes_between() {
    let engine = Engine::new();
    let run = |code: &str, keep: bool| {
        let out = Rc::new(RefCell::new(String::new()));
        let sink = out.clone();
        let result = engine.run_with(
            code,
            "",
            keep,
            Box::new(move |event| {
                if let OutputEvent::Write(_, text) = event {
                    sink.borrow_mut().push_str(text);
                }
            }),
        );
        let text = out.borrow().clone();
        (text, result.err().map(|e| e.kind))
    };
    assert_eq!(run("x = 41\ndef f(): return x + 1", true), (String::new(), None));
    assert_eq!(run("x += 0\nprint(f())", true), ("42\n".into(), None));
    // A run without the option gets fresh globals, and ends the session.
    assert_eq!(run("print('x' in globals())", false), ("False\n".into(), None));
    assert_eq!(run("print(x)", true), (String::new(), Some("NameError".into())));
    assert_eq!(
        run("print(x)", true),
        (String::new(), Some("NameError".into())),
        "the failed run began a new session"
    );
    assert_eq!(run("y = 1", true).1, None);
    assert_eq!(run("print(y)", true), ("1\n".into(), None));
}

#[test]
fn input_asks_the_line_reader_once_the_stdin_text_is_used_up() {
    let engine = Engine::new();
    let typed = Rc::new(RefCell::new(vec!["Grace".to_string(), "36".to_string()]));
    let source = typed.clone();
    engine.set_line_reader(Some(Box::new(move || {
        let mut lines = source.borrow_mut();
        (!lines.is_empty()).then(|| lines.remove(0))
    })));
    let out = engine.run_captured_with_stdin(
        "a = input('First? ')\nb = input('Name? ')\nc = input('Age? ')\nprint(a, b, int(c) + 1)\ninput()",
        "Ada\n",
    );
    engine.set_line_reader(None);
    assert_eq!(out.stdout, "First? Name? Age? Ada Grace 37\n");
    assert_eq!(out.error.map(|e| e.kind), Some("EOFError".into()), "the reader said end of file");
    assert!(typed.borrow().is_empty());
}
