//! An exercise: statement, the reader's code, Check (hidden checks run in
//! the worker after the code), hints one at a time, and the reference
//! solution once the reader has tried.

use pyplay_content::{Exercise, ui::fill};
use pyplay_protocol::CheckSpec;
use yew::prelude::*;

use crate::{
    components::{check_report::CheckReport, editor::Editor, output::Output},
    hooks::{use_code, use_code::CodeSource, use_run, use_ui},
    progress::{Progress, ProgressAction},
    run_queue::Job,
    run_state::{Phase, RunState},
};

#[derive(PartialEq, Properties)]
pub struct ExerciseViewProps {
    pub topic_id: AttrValue,
    pub exercise: &'static Exercise,
}

/// How a finished Check went.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Passed,
    /// Some checks failed; the reader's code itself ran.
    Failed,
    /// The code raised, exited or was stopped before the checks ran.
    NotChecked,
}

/// A pass needs every check run and passed; nothing else counts.
pub fn verdict(state: &RunState) -> Option<Verdict> {
    if state.phase != Phase::Finished {
        return None;
    }
    Some(match &state.checks {
        Some(results) if !results.is_empty() && results.iter().all(|r| r.passed) && state.error.is_none() => {
            Verdict::Passed
        }
        Some(_) => Verdict::Failed,
        None => Verdict::NotChecked,
    })
}

fn specs(exercise: &Exercise) -> Vec<CheckSpec> {
    exercise.checks.iter().map(|c| CheckSpec { call: c.call.into(), expected: c.expected.into() }).collect()
}

#[component]
pub fn ExerciseView(props: &ExerciseViewProps) -> Html {
    let exercise = props.exercise;
    let ui = use_ui();
    let words = exercise.texts(crate::hooks::use_lang());
    let progress = use_context::<UseReducerHandle<Progress>>().expect("ExerciseView needs progress");
    let code = use_code(CodeSource {
        topic_id: props.topic_id.clone(),
        snippet_id: format!("exercise-{}", exercise.id).into(),
        original: exercise.starter.into(),
        shared: None,
        persist: true,
    });
    let runs = use_run(false);
    let state = &runs.state;
    let hints_shown = use_state(|| 0_usize);
    let solution_shown = use_state(|| false);
    let verdict = verdict(state);
    {
        // Each finished Check is an attempt; a pass solves the exercise.
        let (progress, id) = (progress.clone(), exercise.id);
        use_effect_with((state.run, verdict.clone()), move |(run, verdict)| {
            if let (Some(_), Some(verdict)) = (run, verdict) {
                progress
                    .dispatch(ProgressAction::Record { id: id.into(), solved: *verdict == Verdict::Passed });
            }
        });
    }
    let on_check = {
        let (on_job, text) = (runs.on_job.clone(), code.code.clone());
        Callback::from(move |()| on_job.emit(Job::Check { code: (*text).clone(), checks: specs(exercise) }))
    };
    let solved = progress.solved(exercise.id);
    let tried = progress.status(exercise.id).is_some();
    let dom_id = format!("{}-{}", props.topic_id, exercise.id);
    let label = if state.busy() { ui.checking } else { ui.check };

    html! {
        <section class="exercise" id={dom_id.clone()} data-exercise={exercise.id} data-phase={state.phase.as_str()} data-run={state.run.map(|id| id.to_string())} aria-labelledby={format!("{dom_id}-title")}>
            <h3 id={format!("{dom_id}-title")}>
                { ui.exercise }{ words.title }
                if solved { <span class="solved-mark" aria-label={ui.solved} role="img">{ " ✓" }</span> }
            </h3>
            <div class="prose">{ Html::from_html_unchecked(words.statement_html.html().into()) }</div>
            <Editor
                value={AttrValue::from((*code.code).clone())}
                on_change={code.on_change.clone()}
                on_run={on_check.clone()}
                label={ui.your_solution}
                lazy=true
            />
            <div class="toolbar">
                <button class="check" onclick={on_check.reform(|_: MouseEvent| ())} disabled={state.busy()}>{ label }</button>
                if state.busy() {
                    <button class="stop" onclick={runs.on_stop.reform(|_: MouseEvent| ())}>{ ui.stop }</button>
                }
                <button class="reset" onclick={code.on_reset.reform(|_: MouseEvent| ())} title={ui.reset_starter_title}>{ ui.reset }</button>
                <button class="hint" disabled={*hints_shown >= words.hints_html.len()}
                    onclick={let h = hints_shown.clone(); move |_: MouseEvent| h.set(*h + 1)}>
                    { fill(ui.hint, &[("shown", &(*hints_shown).min(words.hints_html.len())), ("total", &words.hints_html.len())]) }
                </button>
                <button class="show-solution" disabled={!tried} aria-expanded={solution_shown.to_string()}
                    title={if tried { "" } else { ui.solution_after_check }}
                    onclick={let s = solution_shown.clone(); move |_: MouseEvent| s.set(!*s)}>
                    { ui.show_solution }
                </button>
            </div>
            if *hints_shown > 0 {
                <ol class="hints" aria-label={ui.hints}>
                    { for words.hints_html.iter().take(*hints_shown).map(|h| html! {
                        <li class="prose">{ Html::from_html_unchecked(h.html().into()) }</li>
                    }) }
                </ol>
            }
            <div class="check-result" role="status" aria-live="polite">
                if let Some(verdict) = &verdict {
                    <CheckReport verdict={verdict.clone()} results={state.checks.clone().map(|r| (*r).clone()).unwrap_or_default()} />
                }
            </div>
            if state.phase != Phase::Idle {
                <div class="output" role="log" aria-label={ui.output}>
                    <Output output={state.output.clone()} error={state.error.clone()} notice={state.notice.clone()} />
                </div>
            }
            if *solution_shown {
                <div class="solution">
                    <h4>{ ui.reference_solution }</h4>
                    <pre><code>{ exercise.solution }</code></pre>
                </div>
            }
        </section>
    }
}

/// For tests of the verdict: results with these pass marks.
#[cfg(test)]
fn results(passed: &[bool]) -> Vec<pyplay_protocol::CheckResult> {
    passed
        .iter()
        .map(|&passed| pyplay_protocol::CheckResult {
            call: "f()".into(),
            expected: "1".into(),
            got: "2".into(),
            passed,
            output: String::new(),
            traceback: String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;

    fn finished(checks: Option<Vec<pyplay_protocol::CheckResult>>) -> RunState {
        RunState { phase: Phase::Finished, checks: checks.map(Rc::new), ..RunState::default() }
    }

    #[test]
    fn only_every_check_passing_is_a_pass() {
        assert_eq!(verdict(&finished(Some(results(&[true, true])))), Some(Verdict::Passed));
        assert_eq!(verdict(&finished(Some(results(&[true, false])))), Some(Verdict::Failed));
        assert_eq!(verdict(&finished(Some(Vec::new()))), Some(Verdict::Failed));
        // Raised, exited or stopped: the checks never ran.
        assert_eq!(verdict(&finished(None)), Some(Verdict::NotChecked));
        assert_eq!(verdict(&RunState { phase: Phase::Running, ..RunState::default() }), None);
    }
}
