//! Real-world programs behave as on CPython 3.11: how they exit, what their
//! streams offer, the debugging and testing modules, and output too large
//! to show.

use std::{cell::RefCell, rc::Rc};

use pyplay_engine::{Engine, HEAD_BYTES, OutputEvent, Stream, TAIL_BYTES};

#[test]
fn sys_exit_ends_a_run_quietly_with_its_status() {
    let engine = Engine::new();
    for (code, status) in [
        ("import sys\nprint('a')\nsys.exit()\nprint('b')", 0),
        ("import sys\nprint('a')\nsys.exit(0)", 0),
        ("print('a')\nexit()", 0),
        ("import sys\nprint('a')\nsys.exit(3)", 3),
        ("import sys\nprint('a')\nraise SystemExit(True)", 1),
    ] {
        let out = engine.run_captured(code);
        assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("a\n", ""), "{code}");
        assert_eq!((out.error, out.exit_status), (None, status), "{code}");
    }
    let out = engine.run_captured("import sys\nsys.exit('bad input')");
    assert_eq!((out.stderr.as_str(), out.exit_status, out.error), ("bad input\n", 1, None));
}

#[test]
fn finally_and_atexit_run_on_exit_but_not_on_os_exit() {
    let engine = Engine::new();
    let out = engine.run_captured(
        "import atexit, sys\natexit.register(print, 'atexit ran')\n\
         try:\n    sys.exit(2)\nfinally:\n    print('finally ran')",
    );
    assert_eq!((out.stdout.as_str(), out.exit_status, out.error), ("finally ran\natexit ran\n", 2, None));
    let out = engine.run_captured(
        "import atexit, os\natexit.register(print, 'atexit ran')\nprint('before')\n\
         try:\n    os._exit(4)\nfinally:\n    print('finally ran')",
    );
    assert_eq!((out.stdout.as_str(), out.exit_status, out.error), ("before\n", 4, None));
    // Handlers belong to the run that registered them.
    assert_eq!(engine.run_captured("print('next')").stdout, "next\n");
}

#[test]
fn std_streams_have_binary_buffers_and_encode_strictly() {
    let engine = Engine::new();
    let out = engine.run_captured_with_stdin(
        "import sys\n\
         sys.stdout.buffer.write(b'caf\\xc3')\nsys.stdout.buffer.write(b'\\xa9 \\xff\\n')\n\
         sys.stderr.buffer.write('é\\n'.encode())\n\
         print(sys.stdout.encoding, sys.stdout.isatty(), sys.stdin.isatty(), flush=True)\n\
         print(sys.stdin.buffer.readline(), sys.stdin.buffer.read().split())\n\
         try:\n    sys.stdout.buffer.write('text')\nexcept TypeError as e:\n    print(e)\n\
         print('\\ud800')",
        "first line\n1 2\n",
    );
    assert_eq!(
        out.stdout,
        "café \u{fffd}\nutf-8 False False\nb'first line\\n' [b'1', b'2']\na bytes-like object is required, not 'str'\n"
    );
    assert_eq!(out.stderr, "é\n");
    let err = out.error.expect("a lone surrogate cannot be printed");
    assert_eq!(err.kind, "UnicodeEncodeError");
    assert_eq!(
        err.message,
        "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed"
    );
}

#[test]
fn debugging_and_testing_modules_import_and_work() {
    let engine = Engine::new();
    let out = engine.run_captured(
        "import doctest, pdb, bdb, code, codeop, rlcompleter, trace, cProfile, profile, pstats\n\
         def square(n):\n    '''\n    >>> square(3)\n    9\n    >>> square(-2)\n    5\n    '''\n    return n * n\n\
         print(doctest.testmod())",
    );
    assert_eq!(out.error, None, "{:?}", out.error);
    assert!(
        out.stdout.contains("Failed example:\n    square(-2)\nExpected:\n    5\nGot:\n    4\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with("TestResults(failed=1, attempted=2)\n"), "{}", out.stdout);
    let out = engine.run_captured(
        "import cProfile, pstats, io\n\
         def work():\n    return sum(range(1000))\n\
         p = cProfile.Profile()\np.runcall(work)\ns = io.StringIO()\n\
         pstats.Stats(p, stream=s).sort_stats('calls').print_stats()\nprint('work' in s.getvalue())\n\
         with cProfile.Profile() as q:\n    work()\nprint('work' in str(pstats.Stats(q).stats))",
    );
    assert_eq!((out.stdout.as_str(), out.error), ("True\nTrue\n", None));
}

#[test]
fn breakpoint_opens_pdb_reading_commands_from_stdin() {
    let engine = Engine::new();
    let out = engine.run_captured_with_stdin(
        "def f(x):\n    y = x * 2\n    breakpoint()\n    z = y + 1\n    return z\n\nprint('result', f(20))",
        "p y\nn\nn\np z\nw\nc\n",
    );
    assert_eq!(out.error, None, "{:?}", out.error);
    assert!(out.stdout.contains("(Pdb) 40\n"), "{}", out.stdout);
    assert!(out.stdout.contains("(Pdb) 41\n"), "{}", out.stdout);
    assert!(out.stdout.contains("main.py(5)f()"), "`w` shows where: {}", out.stdout);
    assert!(out.stdout.ends_with("result 41\n"), "{}", out.stdout);
}

#[test]
fn pdb_without_a_reader_says_what_it_needs_and_the_run_goes_on() {
    let engine = Engine::new();
    let out = engine.run_captured("x = 1\nbreakpoint()\nprint('after', x)");
    assert_eq!(out.error, None, "{:?}", out.error);
    assert!(out.stdout.contains("Type the commands"), "{}", out.stdout);
    assert!(out.stdout.ends_with("after 1\n"), "{}", out.stdout);
}

#[test]
fn huge_output_is_cut_into_its_first_and_last_bytes() {
    let engine = Engine::new();
    let events = Rc::new(RefCell::new((0usize, Vec::new(), String::new())));
    let sink = events.clone();
    let result = engine.run(
        "print('x' * 10**8)\nprint('the end')",
        "",
        Box::new(move |event| {
            let mut seen = sink.borrow_mut();
            match event {
                OutputEvent::Write(Stream::Stdout, text) => {
                    seen.0 += text.len();
                    seen.2 = text.chars().rev().take(20).collect::<String>().chars().rev().collect();
                }
                OutputEvent::Skipped(n) => seen.1.push(n),
                _ => {}
            }
        }),
    );
    assert_eq!(result, Ok(0));
    let (sent, skipped, last) = &*events.borrow();
    assert_eq!(*sent, HEAD_BYTES + TAIL_BYTES);
    let total = 10usize.pow(8) + 1 + "the end\n".len();
    assert_eq!(skipped.last().copied(), Some((total - HEAD_BYTES - TAIL_BYTES) as u64));
    assert!(last.ends_with("xxx\nthe end\n"), "{last:?}");
    // The next run streams again from nothing.
    assert_eq!(engine.run_captured("print('ok')").stdout, "ok\n");
}

#[test]
fn library_exit_handlers_do_not_break_the_next_run() {
    let engine = Engine::new();
    let code = "import weakref\nclass T: pass\ncalled = []\nt = T()\nweakref.finalize(t, called.append, 1)\n\
                del t\nprint(called)";
    assert_eq!(engine.run_captured(code).stdout, "[1]\n");
    assert_eq!(engine.run_captured(code).stdout, "[1]\n", "finalize still works after a run ended");
}

#[test]
fn unicode_names_answer_as_on_cpython() {
    // The names table is a pack fetched on first use (vendor/unicode_names2-3);
    // CPython 3.11's answers.
    let engine = Engine::new();
    let out = engine.run_captured(
        "import unicodedata as u\n\
         print('\\N{GREEK SMALL LETTER ALPHA}', '\\N{greek small letter beta}', '\\N{NBSP}' == '\\xa0')\n\
         print(u.name('é'), u.name('\\x00', 'no name'), u.lookup('SNOWMAN'))\n\
         print(u.lookup('LATIN CAPITAL LETTER GHA') == '\\u01a2', u.name('\\u01a2'), u.lookup('BOM') == '\\ufeff')\n\
         print(u.name('中'), u.lookup('CJK UNIFIED IDEOGRAPH-4E2D'), '\\N{CJK UNIFIED IDEOGRAPH-4E2D}')\n\
         print(u.name('한'), u.lookup('HANGUL SYLLABLE HAN'), '\\N{HANGUL SYLLABLE GEUL}')\n\
         try:\n    u.lookup('NO SUCH NAME')\nexcept KeyError as e:\n    print(e)\n\
         try:\n    u.name('\\x00')\nexcept ValueError as e:\n    print(e)",
    );
    assert_eq!(out.error, None, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "α β True\n\
         LATIN SMALL LETTER E WITH ACUTE no name ☃\n\
         True LATIN CAPITAL LETTER OI True\n\
         CJK UNIFIED IDEOGRAPH-4E2D 中 中\n\
         HANGUL SYLLABLE HAN 한 글\n\
         \"undefined character name 'NO SUCH NAME'\"\n\
         no such name\n"
    );
    let out = engine.run_captured("x = '\\N{NO SUCH NAME}'");
    assert_eq!(out.error.map(|e| e.kind).as_deref(), Some("SyntaxError"));
}
