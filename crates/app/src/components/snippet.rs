//! An editable snippet: the editor, its toolbar and the output. The code
//! and its runs live in hooks (crate::hooks).

use pyplay_content::ui::Ui;
use pyplay_protocol::{
    PyError,
    trace::{DEFAULT_STEPS, MAX_STEPS},
};
use yew::prelude::*;

use crate::{
    components::{
        editor::Editor,
        embed_dialog::EmbedDialog,
        input_line::InputLine,
        output::Output,
        snippet_notes::SnippetNotes,
        snippet_toolbar::SnippetToolbar,
        stdin_box::{StdinBox, reads_stdin},
        step_through::StepThrough,
    },
    hooks::{use_code, use_code::CodeSource, use_run, use_ui},
    route::SCRATCH,
    run_queue::Job,
    run_state::Phase,
    runner::EngineStatus,
    visualize::marked_lines,
};

/// Where a snippet is shown, which decides what the reader may do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnippetMode {
    /// In a lesson: edits saved in this browser; Share and Embed offered.
    Lesson,
    /// The scratchpad: as a lesson, without Embed; `keep_globals` continues
    /// the last such run's variables, as a REPL does.
    Scratch { keep_globals: bool },
    /// Inside another page: nothing saved, no Embed; optionally not
    /// editable, and a click-to-run placeholder where the output goes,
    /// which starts Visualize instead of Run with `visualize`.
    Embed { read_only: bool, click_to_run: bool, visualize: bool },
}

#[derive(PartialEq, Properties)]
pub struct SnippetViewProps {
    pub topic_id: AttrValue,
    pub snippet_id: AttrValue,
    /// The code as the lesson wrote it.
    pub code: AttrValue,
    /// False for code a browser cannot run: shown read-only, without Run.
    #[prop_or(true)]
    pub runnable: bool,
    /// A share link's `code=` value: its code is shown (never run) instead
    /// of the saved edit, which is kept until the reader edits this one.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
    #[prop_or(SnippetMode::Lesson)]
    pub mode: SnippetMode,
}

/// Code that starts threads gets a one-line caveat: the browser gives
/// Python a single thread (see crates/engine/README.md).
fn uses_threads(code: &str) -> bool {
    ["threading", "ThreadPoolExecutor", "concurrent.futures", "_thread"].iter().any(|m| code.contains(m))
}

/// Where to mark an error in the editor: syntax errors, whose column is known.
fn error_mark(error: &PyError) -> Option<(u32, u32)> {
    let syntax = matches!(error.kind.as_str(), "SyntaxError" | "IndentationError" | "TabError");
    (syntax || error.column.is_some()).then_some((error.line?, error.column.unwrap_or(0)))
}

fn run_label(ui: &'static Ui, phase: Phase, status: EngineStatus) -> &'static str {
    match (phase, status) {
        (Phase::Queued, EngineStatus::Loading) => ui.loading_python,
        (Phase::Queued, _) => ui.waiting,
        (Phase::Running, _) => ui.running,
        _ => ui.run,
    }
}

#[component]
pub fn SnippetView(props: &SnippetViewProps) -> Html {
    let ui = use_ui();
    let status = use_context::<EngineStatus>().unwrap_or(EngineStatus::Loading);
    let (persist, read_only, click_to_run, keep_globals) = match props.mode {
        SnippetMode::Lesson => (true, false, false, false),
        SnippetMode::Scratch { keep_globals } => (true, false, false, keep_globals),
        SnippetMode::Embed { read_only, click_to_run, .. } => (false, read_only, click_to_run, false),
    };
    let starts_visualized = matches!(props.mode, SnippetMode::Embed { visualize: true, .. });
    let code = use_code(CodeSource {
        topic_id: props.topic_id.clone(),
        snippet_id: props.snippet_id.clone(),
        original: props.code.clone(),
        shared: props.shared.clone(),
        persist: persist && props.runnable,
    });
    let runs = use_run(keep_globals);
    let state = &runs.state;
    let highlight = use_state_eq(|| None::<u32>);
    let stdin = use_state(String::new);
    let embedding = use_state(|| false);
    // Visualize: the panel is open (from the click until Edit or Run), and
    // the step shown.
    let visualizing = use_state_eq(|| false);
    let step = use_state_eq(|| 0_usize);
    {
        // Each new trace starts at its first step.
        let step = step.clone();
        use_effect_with(state.trace.clone(), move |_| step.set(0));
    }
    {
        // A traceback's line mark is stale once the code changes.
        let highlight = highlight.clone();
        use_effect_with(code.code.clone(), move |_| highlight.set(None));
    }

    let run = {
        let (on_run, text, stdin, highlight, visualizing) =
            (runs.on_run.clone(), code.code.clone(), stdin.clone(), highlight.clone(), visualizing.clone());
        let runnable = props.runnable;
        Callback::from(move |()| {
            if runnable {
                highlight.set(None);
                visualizing.set(false);
                on_run.emit(((*text).clone(), (*stdin).clone()));
            }
        })
    };
    let visualize_with = |max_steps: u32| {
        let (on_job, text, stdin, highlight, visualizing) =
            (runs.on_job.clone(), code.code.clone(), stdin.clone(), highlight.clone(), visualizing.clone());
        Callback::from(move |()| {
            highlight.set(None);
            visualizing.set(true);
            on_job.emit(Job::Visualize { code: (*text).clone(), stdin: (*stdin).clone(), max_steps });
        })
    };
    let visualize = visualize_with(DEFAULT_STEPS);
    let trace = state.trace.clone().filter(|trace| *visualizing && !trace.steps.is_empty());
    let on_more = trace
        .as_ref()
        .filter(|trace| trace.truncated && trace.steps.len() < MAX_STEPS as usize)
        .map(|_| visualize_with(MAX_STEPS));
    let on_edit = {
        let visualizing = visualizing.clone();
        Callback::from(move |()| visualizing.set(false))
    };
    let on_step = {
        let step = step.clone();
        Callback::from(move |index| step.set(index))
    };
    let on_line_click = {
        let highlight = highlight.clone();
        Callback::from(move |line| highlight.set(Some(line)))
    };
    let share_path = match props.mode {
        SnippetMode::Scratch { .. } => AttrValue::Static(SCRATCH),
        _ => format!("{}/{}", props.topic_id, props.snippet_id).into(),
    };
    let on_embed = (props.mode == SnippetMode::Lesson).then(|| {
        let embedding = embedding.clone();
        Callback::from(move |()| embedding.set(true))
    });
    let dom_id = format!("{}-{}", props.topic_id, props.snippet_id);
    let editable = props.runnable && !read_only;

    html! {
        <div
            class="snippet"
            data-snippet={dom_id.clone()}
            data-phase={state.phase.as_str()}
            data-run={state.run.map(|id| id.to_string())}
            data-edited={code.edited.then_some("true")}
            aria-busy={state.busy().to_string()}
        >
            <Editor
                value={AttrValue::from((*code.code).clone())}
                on_change={code.on_change.clone()}
                on_run={run.clone()}
                read_only={!editable || *visualizing}
                highlight_line={*highlight}
                step_lines={trace.as_ref().and_then(|trace| marked_lines(trace, *step))}
                error_mark={state.error.as_ref().and_then(error_mark)}
                label={if editable { ui.code_editable } else { ui.code_read_only }}
                lazy={props.mode == SnippetMode::Lesson}
            />
            <SnippetToolbar
                runnable={props.runnable}
                busy={state.busy()}
                run_label={run_label(ui, state.phase, status)}
                code={AttrValue::from((*code.code).clone())}
                share_path={Some(share_path)}
                saved_edit={code.edited && persist}
                can_undo_reset={code.can_undo_reset}
                running_since={if state.phase == Phase::Running { state.started_at } else { None }}
                finished_ms={state.elapsed_ms}
                on_run={run.clone()}
                on_visualize={props.runnable.then(|| visualize.clone())}
                on_stop={runs.on_stop.clone()}
                on_reset={code.on_reset.clone()}
                on_undo_reset={code.on_undo_reset.clone()}
                {on_embed}
            />
            if props.runnable && reads_stdin(&code.code) {
                <StdinBox
                    id={format!("{dom_id}-stdin")}
                    value={AttrValue::from((*stdin).clone())}
                    on_change={Callback::from(move |text| stdin.set(text))}
                />
            }
            <SnippetNotes
                showing_shared={code.showing_shared}
                has_saved={code.has_saved}
                shared_error={code.shared_error.clone()}
                uses_threads={props.runnable && uses_threads(&code.code)}
                on_mine={code.on_mine.clone()}
            />
            if *embedding {
                <EmbedDialog
                    topic_id={props.topic_id.clone()}
                    snippet_id={Some(props.snippet_id.clone())}
                    on_close={let e = embedding.clone(); move |()| e.set(false)}
                />
            }
            if let Some(trace) = trace.clone() {
                <StepThrough
                    {trace}
                    index={*step}
                    error={state.error.clone()}
                    {on_step}
                    {on_edit}
                    {on_more}
                />
            }
            <div class="output" role="log" aria-live="polite" aria-label={ui.output} hidden={trace.is_some()}>
                if click_to_run && props.runnable && state.phase == Phase::Idle {
                    if starts_visualized {
                        <button class="click-to-run" onclick={visualize.reform(|_: MouseEvent| ())}>{ ui.click_to_visualize }</button>
                    } else {
                        <button class="click-to-run" onclick={run.reform(|_: MouseEvent| ())}>{ ui.click_to_run }</button>
                    }
                }
                if state.phase != Phase::Idle {
                    <Output
                        output={state.output.clone()}
                        error={state.error.clone()}
                        notice={state.notice.clone()}
                        {on_line_click}
                    />
                }
                if state.wants_input.is_some() {
                    <InputLine on_submit={runs.on_line.clone()} />
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(kind: &str, line: Option<u32>, column: Option<u32>) -> PyError {
        PyError { kind: kind.into(), message: String::new(), line, column, traceback: String::new() }
    }

    #[test]
    fn syntax_errors_are_marked_runtime_errors_are_not() {
        assert_eq!(error_mark(&error("SyntaxError", Some(2), Some(5))), Some((2, 5)));
        assert_eq!(error_mark(&error("IndentationError", Some(3), None)), Some((3, 0)));
        assert_eq!(error_mark(&error("ValueError", Some(4), None)), None);
        assert_eq!(error_mark(&error("SyntaxError", None, Some(1))), None);
    }

    #[test]
    fn the_run_button_says_what_the_run_waits_for_in_either_language() {
        use pyplay_content::ui::{EN, ZH};
        let ready = EngineStatus::Ready { init_ms: 1.0 };
        assert_eq!(run_label(&EN, Phase::Queued, EngineStatus::Loading), "Loading Python…");
        assert_eq!(run_label(&EN, Phase::Queued, ready), "Waiting…");
        assert_eq!(run_label(&EN, Phase::Finished, ready), "Run");
        assert_eq!(run_label(&ZH, Phase::Running, ready), "运行中…");
        assert_eq!(run_label(&ZH, Phase::Idle, ready), "运行");
    }
}
