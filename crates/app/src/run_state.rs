//! One snippet's latest run, as a pure reducer: what the toolbar and the
//! output show. Events from older runs are ignored.

use std::rc::Rc;

use pyplay_content::ui::{Ui, fill};
use pyplay_protocol::{CheckResult, PyError, RunId, Trace};
use yew::Reducible;

use crate::{output_buffer::OutputBuffer, runner::RunEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    #[default]
    Idle,
    /// Waiting for the interpreter or for another snippet's run.
    Queued,
    Running,
    Finished,
}

impl Phase {
    /// For tests and styling: `data-phase` on the snippet.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Finished => "finished",
        }
    }
}

/// A message from the playground itself about a run, said in the page's
/// language by [`Notice::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The program called `sys.exit` with a status other than 0.
    Exited(i32),
    Stopped,
    /// The worker died (the browser's words) and was restarted.
    Crashed(String),
}

impl Notice {
    #[must_use]
    pub fn message(&self, ui: &Ui) -> String {
        match self {
            Self::Exited(status) => fill(ui.exited, &[("status", status)]),
            Self::Stopped => ui.stopped.to_string(),
            Self::Crashed(why) => fill(ui.crashed, &[("why", why)]),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunState {
    pub run: Option<RunId>,
    pub phase: Phase,
    pub output: Rc<OutputBuffer>,
    pub error: Option<PyError>,
    pub notice: Option<Notice>,
    pub elapsed_ms: Option<f64>,
    /// Page time when the worker took the run.
    pub started_at: Option<f64>,
    /// The program waits in `input()` for the line sent under this token.
    pub wants_input: Option<String>,
    /// An exercise's check results; None unless its checks ran.
    pub checks: Option<Rc<Vec<CheckResult>>>,
    /// A Visualize run's steps; None unless the run was one.
    pub trace: Option<Rc<Trace>>,
}

impl RunState {
    pub fn busy(&self) -> bool {
        matches!(self.phase, Phase::Queued | Phase::Running)
    }
}

pub enum Action {
    Submitted(RunId),
    /// An event of run `RunId`, heard at page time `now` (ms).
    Event {
        id: RunId,
        event: RunEvent,
        now: Option<f64>,
    },
    /// The reader sent the line the program waited for.
    LineSent,
}

impl Reducible for RunState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Submitted(id) => Rc::new(Self { run: Some(id), phase: Phase::Queued, ..Self::default() }),
            Action::LineSent => Rc::new(Self { wants_input: None, ..(*self).clone() }),
            Action::Event { id, .. } if self.run != Some(id) => self,
            Action::Event { event, now, .. } => {
                let mut next = (*self).clone();
                next.apply(event, now);
                Rc::new(next)
            }
        }
    }
}

impl RunState {
    fn apply(&mut self, event: RunEvent, now: Option<f64>) {
        self.wants_input = None;
        match event {
            RunEvent::Started => {
                self.phase = Phase::Running;
                self.started_at = now;
            }
            RunEvent::Output(stream, text) => Rc::make_mut(&mut self.output).push(stream, &text),
            RunEvent::WantsInput(token) => self.wants_input = Some(token),
            RunEvent::Skipped(bytes) => Rc::make_mut(&mut self.output).set_skipped(bytes),
            RunEvent::Checked(results) => self.checks = Some(Rc::new(results)),
            RunEvent::Traced(trace) => self.trace = Some(trace),
            RunEvent::Finished { error, exit_status, elapsed_ms } => {
                self.phase = Phase::Finished;
                self.error = error;
                self.elapsed_ms = Some(elapsed_ms);
                if exit_status != 0 {
                    self.notice = Some(Notice::Exited(exit_status));
                }
            }
            RunEvent::Stopped => {
                self.phase = Phase::Finished;
                self.notice = Some(Notice::Stopped);
            }
            RunEvent::Crashed(why) => {
                self.phase = Phase::Finished;
                self.notice = Some(Notice::Crashed(why));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use pyplay_content::ui::{EN, ZH};
    use pyplay_protocol::Stream;

    use super::*;

    fn event(state: Rc<RunState>, id: RunId, event: RunEvent) -> Rc<RunState> {
        state.reduce(Action::Event { id, event, now: Some(5.0) })
    }

    #[test]
    fn a_run_goes_from_queued_to_finished() {
        let s = Rc::new(RunState::default()).reduce(Action::Submitted(3));
        assert_eq!((s.phase, s.busy()), (Phase::Queued, true));
        let s = event(s, 3, RunEvent::Started);
        assert_eq!((s.phase, s.started_at), (Phase::Running, Some(5.0)));
        let s = event(s, 3, RunEvent::Output(Stream::Stdout, "hi\n".into()));
        let s = event(s, 3, RunEvent::Finished { error: None, exit_status: 2, elapsed_ms: 7.0 });
        assert_eq!((s.phase, s.elapsed_ms, s.busy()), (Phase::Finished, Some(7.0), false));
        assert_eq!(s.notice, Some(Notice::Exited(2)));
        assert_eq!(Notice::Exited(2).message(&EN), "Exited with status 2.");
        assert_eq!(Notice::Exited(2).message(&ZH), "程序已退出，状态码为 2。");
        assert!(s.output.chunks().next().is_some());
    }

    #[test]
    fn events_of_an_older_run_are_ignored() {
        let s = Rc::new(RunState::default()).reduce(Action::Submitted(1)).reduce(Action::Submitted(2));
        let s = event(s, 1, RunEvent::Stopped);
        assert_eq!((s.run, s.phase), (Some(2), Phase::Queued));
    }

    #[test]
    fn input_requests_end_with_the_line_or_the_next_event() {
        let s = event(Rc::new(RunState::default()).reduce(Action::Submitted(1)), 1, RunEvent::Started);
        let s = event(s, 1, RunEvent::WantsInput("t".into()));
        assert_eq!(s.wants_input.as_deref(), Some("t"));
        assert_eq!(s.clone().reduce(Action::LineSent).wants_input, None);
        let s = event(s, 1, RunEvent::Crashed("trap".into()));
        assert_eq!((s.wants_input.as_deref(), s.phase), (None, Phase::Finished));
        let notice = s.notice.as_ref().expect("a crash says so");
        assert!(notice.message(&EN).contains("(trap)") && notice.message(&ZH).contains("（trap）"));
        assert_eq!(Notice::Stopped.message(&EN), "Stopped.");
    }
}
