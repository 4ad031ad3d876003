//! An editable snippet with its Run/Stop controls and output.

use std::rc::Rc;

use pyplay_protocol::{PyError, RunId};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::{
    components::{elapsed::Elapsed, output::Output},
    output_buffer::OutputBuffer,
    runner::{EngineStatus, RunEvent, Runner},
};

#[derive(PartialEq, Properties)]
pub struct SnippetViewProps {
    pub topic_id: AttrValue,
    pub snippet_id: AttrValue,
    /// The code as the lesson wrote it.
    pub code: AttrValue,
    /// False for code a browser cannot run: shown read-only, without Run.
    #[prop_or(true)]
    pub runnable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Idle,
    /// Waiting for the interpreter or for another snippet's run.
    Queued,
    Running,
    Finished,
}

impl Phase {
    /// For tests and styling: `data-phase` on the snippet.
    fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Finished => "finished",
        }
    }
}

/// One snippet's latest run. Events from older runs are ignored.
#[derive(Debug, Clone, PartialEq)]
struct RunState {
    run: Option<RunId>,
    phase: Phase,
    output: Rc<OutputBuffer>,
    error: Option<PyError>,
    notice: Option<String>,
    elapsed_ms: Option<f64>,
    /// Page time when the worker took the run.
    started_at: Option<f64>,
}

enum Action {
    Submitted(RunId),
    Event(RunId, RunEvent),
}

impl Reducible for RunState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Submitted(id) => Rc::new(Self {
                run: Some(id),
                phase: Phase::Queued,
                output: Rc::default(),
                error: None,
                notice: None,
                elapsed_ms: None,
                started_at: None,
            }),
            Action::Event(id, _) if self.run != Some(id) => self,
            Action::Event(_, event) => {
                let mut next = (*self).clone();
                match event {
                    RunEvent::Started => {
                        next.phase = Phase::Running;
                        next.started_at = gloo::utils::window().performance().map(|p| p.now());
                    }
                    RunEvent::Output(stream, text) => Rc::make_mut(&mut next.output).push(stream, &text),
                    RunEvent::Finished { error, elapsed_ms } => {
                        next.phase = Phase::Finished;
                        next.error = error;
                        next.elapsed_ms = Some(elapsed_ms);
                    }
                    RunEvent::Stopped => {
                        next.phase = Phase::Finished;
                        next.notice = Some("Stopped.".into());
                    }
                    RunEvent::Crashed(why) => {
                        next.phase = Phase::Finished;
                        next.notice = Some(format!(
                            "The Python interpreter crashed ({why}) and has been restarted. Your code is unchanged."
                        ));
                    }
                }
                Rc::new(next)
            }
        }
    }
}

/// Code that starts threads gets a one-line caveat: the browser gives
/// Python a single thread (see crates/engine/README.md).
fn uses_threads(code: &str) -> bool {
    ["threading", "ThreadPoolExecutor", "concurrent.futures", "_thread"].iter().any(|m| code.contains(m))
}

#[component]
pub fn SnippetView(props: &SnippetViewProps) -> Html {
    let runner = use_context::<Runner>().expect("SnippetView needs a Runner context");
    let status = use_context::<EngineStatus>().unwrap_or(EngineStatus::Loading);
    let code = use_state(|| props.code.to_string());
    let state = use_reducer(|| RunState {
        run: None,
        phase: Phase::Idle,
        output: Rc::default(),
        error: None,
        notice: None,
        elapsed_ms: None,
        started_at: None,
    });

    let on_run = {
        let (runner, code, state) = (runner.clone(), code.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let dispatcher = state.dispatcher();
            let listener = Callback::from(move |(id, event)| dispatcher.dispatch(Action::Event(id, event)));
            let id = runner.run((*code).clone(), listener);
            state.dispatch(Action::Submitted(id));
        })
    };
    let on_stop = {
        let (runner, state) = (runner.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = state.run {
                runner.stop(id);
            }
        })
    };
    let on_input = {
        let code = code.clone();
        Callback::from(move |e: InputEvent| {
            code.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };

    let busy = matches!(state.phase, Phase::Queued | Phase::Running);
    let run_label = match (state.phase, status) {
        (Phase::Queued, EngineStatus::Loading) => "Loading Python…",
        (Phase::Queued, _) => "Waiting…",
        (Phase::Running, _) => "Running…",
        _ => "Run",
    };
    let rows = code.lines().count().max(3).to_string();
    let dom_id = format!("{}-{}", props.topic_id, props.snippet_id);

    html! {
        <div
            class="snippet"
            data-snippet={dom_id.clone()}
            data-phase={state.phase.as_str()}
            data-run={state.run.map(|id| id.to_string())}
            aria-busy={busy.to_string()}
        >
            <textarea
                class="code"
                aria-label="Python code"
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                rows={rows}
                readonly={!props.runnable}
                value={(*code).clone()}
                oninput={on_input}
            />
            if props.runnable {
            <div class="toolbar">
                <button class="run" onclick={on_run} disabled={busy}>{ run_label }</button>
                if busy {
                    <button class="stop" onclick={on_stop}>{ "Stop" }</button>
                }
                <Elapsed
                    running_since={if state.phase == Phase::Running { state.started_at } else { None }}
                    finished_ms={state.elapsed_ms}
                />
            </div>
            }
            if props.runnable && uses_threads(&code) {
                <p class="caveat">
                    { "In the browser, threads run one after another, each to completion: \
                       results match CPython, timing and interleaving do not." }
                </p>
            }
            if state.phase != Phase::Idle {
                <Output output={state.output.clone()} error={state.error.clone()} notice={state.notice.clone()} />
            }
        </div>
    }
}
