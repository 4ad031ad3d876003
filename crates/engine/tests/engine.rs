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
    assert_eq!(result, Ok(()));
    assert_eq!(*transcript.borrow(), "? <ab\n>abab\n");
}

#[test]
fn a_run_cannot_break_the_next_one() {
    let engine = Engine::new();
    let first = engine.run_captured(
        "import builtins, sys, os\n\
         sys.setrecursionlimit(60)\nos.environ['LEFTOVER'] = '1'\nos.chdir('/tmp')\n\
         open('/home/user/f.txt', 'w').write('x')\nsys.stdout = None\nbuiltins.len = None\n",
    );
    assert_eq!(first.error, None);
    let second = engine.run_captured(
        "import sys, os\n\
         print(sys.getrecursionlimit() > 60, 'LEFTOVER' in os.environ, os.getcwd(),\n\
         os.path.exists('f.txt'), len('abc'))",
    );
    assert_eq!(second.error, None, "{:?}", second.error);
    assert_eq!(second.stdout, "True False /home/user False 3\n");
}
