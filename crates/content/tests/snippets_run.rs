//! Every snippet of every topic runs in the engine the browser ships and
//! prints exactly what the content says (the Go Tour's content test).

use pyplay_content::topics;
use pyplay_engine::Engine;

#[test]
fn every_snippet_prints_its_expected_output() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (_, topic) in topics() {
        for snippet in topic.snippets.iter().filter(|s| s.runnable) {
            count += 1;
            let out = engine.run_captured(snippet.code);
            let got_error =
                out.error.as_ref().map(|e| e.traceback.trim_end().lines().last().unwrap_or("").to_string());
            let name = format!("{}/{}", topic.id, snippet.id);
            if out.stdout != snippet.expected {
                failures.push(format!(
                    "{name}: stdout\n--- expected\n{}--- got\n{}",
                    snippet.expected, out.stdout
                ));
            }
            if got_error.as_deref() != snippet.error {
                failures.push(format!("{name}: error: expected {:?}, got {:?}", snippet.error, got_error));
            }
        }
    }
    assert!(count > 0, "no snippets found");
    assert!(
        failures.is_empty(),
        "{} of {count} snippets differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
