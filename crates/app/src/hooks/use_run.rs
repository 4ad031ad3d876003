//! Running a snippet's code on the page's one Runner, and the state of its
//! latest run (crate::run_state).

use yew::prelude::*;

use crate::{
    run_queue::Job,
    run_state::{Action, RunState},
    runner::Runner,
    service_worker,
};

#[derive(Clone)]
pub struct RunHandle {
    pub state: UseReducerHandle<RunState>,
    /// Runs `(code, stdin)`, unless a run is already under way.
    pub on_run: Callback<(String, String)>,
    /// Starts a job of any kind, unless a run is already under way.
    pub on_job: Callback<Job>,
    pub on_stop: Callback<()>,
    /// The line a program waiting in `input()` asked for.
    pub on_line: Callback<String>,
}

/// `keep_globals` continues the variables of the last such run (the
/// scratchpad's session).
#[hook]
pub fn use_run(keep_globals: bool) -> RunHandle {
    let runner = use_context::<Runner>().expect("use_run needs a Runner context");
    let state = use_reducer(RunState::default);

    let on_job = {
        let (runner, state) = (runner.clone(), state.clone());
        Callback::from(move |job: Job| {
            if state.busy() {
                return;
            }
            let dispatcher = state.dispatcher();
            let listener = Callback::from(move |(id, event)| {
                let now = gloo::utils::window().performance().map(|p| p.now());
                dispatcher.dispatch(Action::Event { id, event, now });
            });
            let id = runner.submit(job, listener);
            state.dispatch(Action::Submitted(id));
        })
    };
    let on_run = on_job.reform(move |(code, stdin)| Job::Run { code, stdin, keep_globals });
    let on_stop = {
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(id) = state.run {
                runner.stop(id);
            }
        })
    };
    let on_line = {
        let state = state.clone();
        Callback::from(move |line: String| {
            if let Some(token) = &state.wants_input {
                service_worker::send_line(token, &line);
            }
            state.dispatch(Action::LineSent);
        })
    };
    RunHandle { state, on_run, on_job, on_stop, on_line }
}
