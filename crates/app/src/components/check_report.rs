//! What a Check found: Passed, or per failing check what was called, what
//! was expected and what came back.

use pyplay_content::ui::fill;
use pyplay_protocol::CheckResult;
use yew::prelude::*;

use crate::{components::exercise::Verdict, hooks::use_ui};

#[derive(PartialEq, Properties)]
pub struct CheckReportProps {
    pub verdict: Verdict,
    pub results: Vec<CheckResult>,
}

#[component]
pub fn CheckReport(props: &CheckReportProps) -> Html {
    let ui = use_ui();
    let total = props.results.len();
    let failed: Vec<&CheckResult> = props.results.iter().filter(|r| !r.passed).collect();
    match props.verdict {
        Verdict::Passed => html! {
            <p class="verdict passed">{ fill(ui.passed_all, &[("total", &total)]) }</p>
        },
        Verdict::NotChecked => html! {
            <p class="verdict failed">
                { ui.not_checked }
            </p>
        },
        Verdict::Failed => html! {
            <>
                <p class="verdict failed">{ fill(ui.failed_some, &[("failed", &failed.len()), ("total", &total)]) }</p>
                <ul class="failed-checks">
                    { for failed.iter().map(|r| html! {
                        <li>
                            <span class="check-label">{ ui.called }</span>
                            <pre class="check-call"><code>{ r.call.clone() }</code></pre>
                            <span class="check-label">{ ui.expected }</span>
                            <code class="check-expected">{ r.expected.clone() }</code>
                            <span class="check-label">{ ui.got }</span>
                            <code class="check-got">{ r.got.clone() }</code>
                            if !r.output.is_empty() {
                                <span class="check-label">{ ui.it_printed }</span>
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
