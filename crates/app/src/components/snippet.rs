//! An editable snippet: the editor, its toolbar (Run, Stop, Reset, Copy),
//! and the output. Edits persist in localStorage (crate::storage).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use pyplay_protocol::{PyError, RunId};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::{
    components::{
        editor::Editor,
        elapsed::Elapsed,
        embed_dialog::EmbedDialog,
        input_line::InputLine,
        output::Output,
        stdin_box::{StdinBox, reads_stdin},
    },
    output_buffer::OutputBuffer,
    runner::{EngineStatus, RunEvent, Runner},
    service_worker, share, storage,
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
    /// A share link's `code=` value: its code is shown (never run) instead
    /// of the saved edit, which is kept until the reader edits this one.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
    /// Where a share link leads; `topic/snippet` unless set.
    #[prop_or_default]
    pub share_path: Option<AttrValue>,
    /// Runnable but not editable (an embed's option).
    #[prop_or_default]
    pub read_only: bool,
    /// Keep edits in localStorage; embeds do not.
    #[prop_or(true)]
    pub persist: bool,
    /// A click-to-run placeholder where the output goes (embeds).
    #[prop_or_default]
    pub click_to_run: bool,
    /// Offer the Embed button (not inside an embed).
    #[prop_or(true)]
    pub embeddable: bool,
    /// Continue the variables of the last such run (the scratchpad's session).
    #[prop_or_default]
    pub keep_globals: bool,
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
    /// The program waits in `input()` for the line sent under this token.
    wants_input: Option<String>,
}

enum Action {
    Submitted(RunId),
    Event(RunId, RunEvent),
    /// The reader sent the line the program waited for.
    LineSent,
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
                wants_input: None,
            }),
            Action::LineSent => Rc::new(Self { wants_input: None, ..(*self).clone() }),
            Action::Event(id, _) if self.run != Some(id) => self,
            Action::Event(_, event) => {
                let mut next = (*self).clone();
                next.wants_input = None;
                match event {
                    RunEvent::Started => {
                        next.phase = Phase::Running;
                        next.started_at = gloo::utils::window().performance().map(|p| p.now());
                    }
                    RunEvent::Output(stream, text) => Rc::make_mut(&mut next.output).push(stream, &text),
                    RunEvent::WantsInput(token) => next.wants_input = Some(token),
                    RunEvent::Skipped(bytes) => Rc::make_mut(&mut next.output).set_skipped(bytes),
                    RunEvent::Finished { error, exit_status, elapsed_ms } => {
                        next.phase = Phase::Finished;
                        next.error = error;
                        next.elapsed_ms = Some(elapsed_ms);
                        if exit_status != 0 {
                            next.notice = Some(format!("Exited with status {exit_status}."));
                        }
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

/// Sends the typed line to the program waiting in `input()`, and drops the field.
fn on_input_line(state: UseReducerHandle<RunState>, token: String) -> Callback<String> {
    Callback::from(move |line: String| {
        service_worker::send_line(&token, &line);
        state.dispatch(Action::LineSent);
    })
}

/// Where to mark an error in the editor: syntax errors, whose column is known.
fn error_mark(error: &PyError) -> Option<(u32, u32)> {
    let syntax = matches!(error.kind.as_str(), "SyntaxError" | "IndentationError" | "TabError");
    (syntax || error.column.is_some()).then_some((error.line?, error.column.unwrap_or(0)))
}

/// What the last Copy did, said in a status region for a few seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Copied {
    Nothing,
    Done,
    Failed,
    /// A share link was copied.
    Linked,
    /// No clipboard: the link was put in the address bar instead.
    InAddressBar,
}

/// Writes `text` to the clipboard; `done` hears how it went. The clipboard
/// API exists only in secure contexts (https, localhost).
fn copy_to_clipboard(text: &str, done: Callback<Copied>) {
    let navigator = gloo::utils::window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !available {
        done.emit(Copied::Failed);
        return;
    }
    let written = navigator.clipboard().write_text(text);
    js_sys::futures::spawn_local(async move {
        done.emit(if written.await.is_ok() { Copied::Done } else { Copied::Failed });
    });
}

#[component]
pub fn SnippetView(props: &SnippetViewProps) -> Html {
    let runner = use_context::<Runner>().expect("SnippetView needs a Runner context");
    let status = use_context::<EngineStatus>().unwrap_or(EngineStatus::Loading);
    let shared = use_memo(props.shared.clone(), |value| value.as_deref().map(share::decode));
    let saved = use_memo((), |()| {
        (props.runnable && props.persist)
            .then(|| storage::load_code(&props.topic_id, &props.snippet_id))
            .flatten()
    });
    let code = use_state(|| match shared.as_ref() {
        Some(Ok(code)) => code.clone(),
        _ => (*saved).clone().unwrap_or_else(|| props.code.to_string()),
    });
    // True while the shared code is on screen untouched: nothing is saved.
    let showing_shared = use_state(|| matches!(shared.as_ref(), Some(Ok(_))));
    // The code a Reset replaced, while "Undo reset" is offered.
    let before_reset = use_state(|| None::<String>);
    let highlight = use_state(|| None::<u32>);
    let stdin = use_state(String::new);
    let copied = use_state(|| Copied::Nothing);
    let embedding = use_state(|| false);
    let reset_button = use_node_ref();
    let state = use_reducer(|| RunState {
        run: None,
        phase: Phase::Idle,
        output: Rc::default(),
        error: None,
        notice: None,
        elapsed_ms: None,
        started_at: None,
        wants_input: None,
    });

    {
        let (topic, snippet, original) =
            (props.topic_id.clone(), props.snippet_id.clone(), props.code.clone());
        let persist = props.runnable && props.persist;
        use_effect_with(((*code).clone(), *showing_shared), move |(code, showing_shared)| {
            if persist && !showing_shared {
                storage::save_code(&topic, &snippet, code, &original);
            }
        });
    }

    let busy = matches!(state.phase, Phase::Queued | Phase::Running);
    let edited = *code != props.code.as_str();

    let run = {
        let (runner, code, state, highlight, stdin) =
            (runner.clone(), code.clone(), state.clone(), highlight.clone(), stdin.clone());
        let (runnable, keep_globals) = (props.runnable, props.keep_globals);
        Callback::from(move |()| {
            if busy || !runnable {
                return;
            }
            highlight.set(None);
            let dispatcher = state.dispatcher();
            let listener = Callback::from(move |(id, event)| dispatcher.dispatch(Action::Event(id, event)));
            let id = runner.run((*code).clone(), (*stdin).clone(), keep_globals, listener);
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
    let on_change = {
        let (code, before_reset, highlight, showing_shared) =
            (code.clone(), before_reset.clone(), highlight.clone(), showing_shared.clone());
        Callback::from(move |text: String| {
            code.set(text);
            showing_shared.set(false);
            // An edit after a Reset makes it final (Ctrl-Z still works).
            before_reset.set(None);
            highlight.set(None);
        })
    };
    // No confirmation: the editor's undo and "Undo reset" both bring it back.
    let on_reset = {
        let (code, before_reset, highlight, original, showing_shared) = (
            code.clone(),
            before_reset.clone(),
            highlight.clone(),
            props.code.clone(),
            showing_shared.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            showing_shared.set(false);
            if *code != original.as_str() {
                before_reset.set(Some((*code).clone()));
                code.set(original.to_string());
                highlight.set(None);
            }
        })
    };
    let on_undo_reset = {
        let (code, before_reset, reset_button) = (code.clone(), before_reset.clone(), reset_button.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(previous) = (*before_reset).clone() {
                code.set(previous);
                before_reset.set(None);
                // This button goes away; keep focus nearby rather than on <body>.
                if let Some(button) = reset_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    let on_copy = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_to_clipboard(
                &code,
                Callback::from(move |result| {
                    copied.set(result);
                    let copied = copied.clone();
                    Timeout::new(2500, move || copied.set(Copied::Nothing)).forget();
                }),
            );
        })
    };
    let on_share = {
        let (code, copied) = (code.clone(), copied.clone());
        let path = props
            .share_path
            .clone()
            .unwrap_or_else(|| format!("{}/{}", props.topic_id, props.snippet_id).into());
        Callback::from(move |_: MouseEvent| {
            let location = gloo::utils::window().location();
            let page = location.href().unwrap_or_default();
            let page = page.split('#').next().unwrap_or_default();
            let link = format!("{page}{}", share::fragment(&path, &code));
            let copied = copied.clone();
            copy_to_clipboard(
                &link.clone(),
                Callback::from(move |result| {
                    let result = match result {
                        Copied::Done => Copied::Linked,
                        _ => {
                            // Still shareable: the reader copies it from the address bar.
                            let history = gloo::utils::window().history();
                            let _ = history.and_then(|h| {
                                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link))
                            });
                            Copied::InAddressBar
                        }
                    };
                    copied.set(result);
                    let copied = copied.clone();
                    Timeout::new(4000, move || copied.set(Copied::Nothing)).forget();
                }),
            );
        })
    };
    let on_mine = {
        let (code, saved, showing_shared) = (code.clone(), saved.clone(), showing_shared.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(mine) = (*saved).clone() {
                code.set(mine);
                showing_shared.set(false);
            }
        })
    };
    let on_line = {
        let highlight = highlight.clone();
        Callback::from(move |line| highlight.set(Some(line)))
    };

    let run_label = match (state.phase, status) {
        (Phase::Queued, EngineStatus::Loading) => "Loading Python…",
        (Phase::Queued, _) => "Waiting…",
        (Phase::Running, _) => "Running…",
        _ => "Run",
    };
    let dom_id = format!("{}-{}", props.topic_id, props.snippet_id);

    html! {
        <div
            class="snippet"
            data-snippet={dom_id.clone()}
            data-phase={state.phase.as_str()}
            data-run={state.run.map(|id| id.to_string())}
            data-edited={edited.then_some("true")}
            aria-busy={busy.to_string()}
        >
            <Editor
                value={AttrValue::from((*code).clone())}
                onchange={on_change}
                onrun={run.clone()}
                read_only={!props.runnable || props.read_only}
                highlight_line={*highlight}
                error_mark={state.error.as_ref().and_then(error_mark)}
                label={if props.runnable && !props.read_only { "Python code, editable" } else { "Python code, read-only" }}
            />
            <div class="toolbar">
                if props.runnable {
                    <button class="run" onclick={run.reform(|_: MouseEvent| ())} disabled={busy}>{ run_label }</button>
                    if busy {
                        <button class="stop" onclick={on_stop}>{ "Stop" }</button>
                    }
                    <button class="reset" ref={reset_button} onclick={on_reset} title="Back to the lesson's code">{ "Reset" }</button>
                    if before_reset.is_some() {
                        <button class="undo-reset" onclick={on_undo_reset}>{ "Undo reset" }</button>
                    }
                }
                <button class="copy" onclick={on_copy}>{ "Copy" }</button>
                if props.runnable {
                    <button class="share" onclick={on_share} title="Copy a link that opens this code">{ "Share" }</button>
                }
                <span class="copy-status" role="status">
                    { match *copied {
                        Copied::Nothing => "",
                        Copied::Done => "Copied",
                        Copied::Failed => "Copy failed",
                        Copied::Linked => "Link copied",
                        Copied::InAddressBar => "Link is in the address bar",
                    } }
                </span>
                if edited && props.persist {
                    <span class="edited" title="Your edits are saved in this browser">{ "edited" }</span>
                }
                if props.embeddable {
                    <button class="embed-snippet" onclick={let e = embedding.clone(); move |_| e.set(true)}>{ "Embed" }</button>
                }
                if props.runnable {
                    <Elapsed
                        running_since={if state.phase == Phase::Running { state.started_at } else { None }}
                        finished_ms={state.elapsed_ms}
                    />
                }
            </div>
            if props.runnable && reads_stdin(&code) {
                <StdinBox
                    id={format!("{dom_id}-stdin")}
                    value={AttrValue::from((*stdin).clone())}
                    onchange={Callback::from(move |text| stdin.set(text))}
                />
            }
            if *showing_shared {
                <p class="shared-note" role="note">
                    { "Code from a share link — not run until you press Run. " }
                    if saved.is_some() {
                        { "Your own saved version is kept until you edit this. " }
                        <button class="mine" onclick={on_mine}>{ "Show my version" }</button>
                    }
                </p>
            }
            if let Some(Err(error)) = shared.as_ref() {
                <p class="shared-note error" role="alert">{ error.to_string() }</p>
            }
            if props.runnable && uses_threads(&code) {
                <p class="caveat">
                    { "In the browser, threads run one after another, each to completion: \
                       results match CPython, timing and interleaving do not." }
                </p>
            }
            if *embedding {
                <EmbedDialog
                    topic_id={props.topic_id.clone()}
                    snippet_id={Some(props.snippet_id.clone())}
                    on_close={let e = embedding.clone(); move |()| e.set(false)}
                />
            }
            <div class="output" role="log" aria-live="polite" aria-label="Output">
                if props.click_to_run && props.runnable && state.phase == Phase::Idle {
                    <button class="click-to-run" onclick={run.reform(|_: MouseEvent| ())}>{ "▶ Run to see the output" }</button>
                }
                if state.phase != Phase::Idle {
                    <Output
                        output={state.output.clone()}
                        error={state.error.clone()}
                        notice={state.notice.clone()}
                        on_line_click={on_line}
                    />
                }
                if let Some(token) = state.wants_input.clone() {
                    <InputLine on_submit={on_input_line(state.clone(), token)} />
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
}
