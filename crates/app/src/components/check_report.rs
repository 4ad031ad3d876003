//! What a Check found: Passed, or per failing check what was called, what
//! was expected and what came back.

use pyplay_protocol::CheckResult;
use yew::prelude::*;

use crate::components::exercise::Verdict;

#[derive(PartialEq, Properties)]
pub struct CheckReportProps {
    pub verdict: Verdict,
    pub results: Vec<CheckResult>,
}

#[component]
pub fn CheckReport(props: &CheckReportProps) -> Html {
    let total = props.results.len();
    let failed: Vec<&CheckResult> = props.results.iter().filter(|r| !r.passed).collect();
    match props.verdict {
        Verdict::Passed => html! {
            <p class="verdict passed">{ format!("Passed: all {total} checks.") }</p>
        },
        Verdict::NotChecked => html! {
            <p class="verdict failed">
                { "Not passed: your code stopped before the checks could run (see the output below)." }
            </p>
        },
        Verdict::Failed => html! {
            <>
                <p class="verdict failed">{ format!("Not passed: {} of {total} checks failed.", failed.len()) }</p>
                <ul class="failed-checks">
                    { for failed.iter().map(|r| html! {
                        <li>
                            <span class="check-label">{ "Called:" }</span>
                            <pre class="check-call"><code>{ r.call.clone() }</code></pre>
                            <span class="check-label">{ "Expected:" }</span>
                            <code class="check-expected">{ r.expected.clone() }</code>
                            <span class="check-label">{ " Got:" }</span>
                            <code class="check-got">{ r.got.clone() }</code>
                            if !r.output.is_empty() {
                                <span class="check-label">{ "It printed:" }</span>
                                <pre class="check-output">{ r.output.clone() }</pre>
                            }
                            if !r.traceback.is_empty() {
                                <pre class="check-traceback">{ r.traceback.clone() }</pre>
                            }
                        </li>
                    }) }
                </ul>
            </>
        },
    }
}
