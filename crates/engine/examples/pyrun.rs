//! Runs Python files through the engine the browser ships, natively:
//! `cargo run -p pyplay-engine --example pyrun -- a.py [b.py …]`.
//! Prints stdout, then stderr, then the traceback of each file.

fn main() {
    let engine = pyplay_engine::Engine::new();
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let code = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let out = engine.run_captured(&code);
        print!("{}", out.stdout);
        eprint!("{}", out.stderr);
        if let Some(err) = out.error {
            eprint!("{}", err.traceback);
            failed = true;
        }
    }
    std::process::exit(i32::from(failed));
}
