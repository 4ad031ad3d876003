//! Messages between the page and the Python worker.
//!
//! Every message about a run carries the run's id, so the page can drop
//! output from a run it has already abandoned. Messages travel as JSON
//! strings through `postMessage`. The other channels (service worker,
//! early worker, embeds) are in [`channels`].

use serde::{Deserialize, Serialize};

pub mod channels;
pub mod trace;

pub use trace::Trace;

/// Output a run streams to the page before the worker starts skipping:
/// about 20,000 lines of typical output, far above any lesson's, and small
/// enough that posting and showing it never stalls a page.
pub const OUTPUT_HEAD_BYTES: u64 = 1_000_000;
/// The end of a run's output, sent when it ends if the head was used up.
pub const OUTPUT_TAIL_BYTES: u64 = 20_000;

/// Identifies one run; chosen by the page, increasing.
pub type RunId = u32;

/// Which output stream a chunk of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
    /// What the program read from stdin, echoed the way a terminal shows typing.
    Stdin,
}

/// An uncaught exception or syntax error, as the UI needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PyError {
    /// Exception class name, e.g. `ValueError`.
    pub kind: String,
    /// `str(exc)`, or the bare message for a SyntaxError.
    pub message: String,
    /// 1-based line in the user's code, when the error points into it.
    pub line: Option<u32>,
    /// 1-based column, known for syntax errors.
    pub column: Option<u32>,
    /// The full CPython-style traceback text.
    pub traceback: String,
}

/// Page to worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    /// Run `code` in a fresh `__main__`; `stdin` is what `input()` and
    /// `sys.stdin` read. With `keep_globals`, continue the `__main__` of the
    /// last run that also kept them, as a REPL would (the scratchpad's option).
    Run {
        id: RunId,
        code: String,
        stdin: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        keep_globals: bool,
    },
    /// An exercise's Check: run the reader's `code` as Run does (fresh
    /// `__main__`, empty stdin), then, if it ended normally, the hidden
    /// `checks` in a namespace of their own; `Checked` reports them.
    Check { id: RunId, code: String, checks: Vec<CheckSpec> },
    /// Visualize: run `code` as Run does, recording at most `max_steps`
    /// steps (capped at [`trace::MAX_STEPS`]); `Traced` carries them.
    Visualize { id: RunId, code: String, stdin: String, max_steps: u32 },
}

/// One hidden check of an exercise, as the content writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSpec {
    /// Python whose last line is an expression: the value checked.
    pub call: String,
    /// A Python expression of builtin data: the value it must equal.
    pub expected: String,
}

/// How one check went (crates/engine/py/_pyplay_check.py).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub call: String,
    /// `repr` of the expected value.
    pub expected: String,
    /// `repr` of what came back, or `Kind: message` if the call raised.
    pub got: String,
    pub passed: bool,
    /// What the call printed.
    pub output: String,
    /// The traceback, from the check's own frame, if the call raised.
    pub traceback: String,
}

/// Worker to page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// The interpreter is built and takes runs; `init_ms` is how long that took.
    Ready { init_ms: f64 },
    /// Text the program wrote.
    Output { id: RunId, stream: Stream, text: String },
    /// Output beyond the worker's limit: `bytes` left out so far. The run's
    /// last lines still follow when it ends.
    Skipped { id: RunId, bytes: u64 },
    /// The run finished; `error` is set when it raised; `exit_status` is
    /// what `sys.exit` gave (0 when it ended normally).
    Done {
        id: RunId,
        error: Option<PyError>,
        #[serde(default, skip_serializing_if = "is_zero")]
        exit_status: i32,
        elapsed_ms: f64,
    },
    /// The run waits in `input()` for a line. The page sends it to the
    /// service worker as [`channels::ToServiceWorker::Input`]; the worker is
    /// blocked in a request that the service worker answers with it.
    WantsInput { id: RunId, token: String },
    /// A Check's results, one per check, sent just before its `Done`;
    /// absent when the reader's code itself raised or exited.
    Checked { id: RunId, results: Vec<CheckResult> },
    /// A Visualize run's trace, sent just before its `Done` (also when the
    /// program raised, or met the step cap, which `Done` does not report
    /// as an error).
    Traced { id: RunId, trace: Trace },
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

impl ToWorker {
    /// The run this message starts.
    #[must_use]
    pub fn id(&self) -> RunId {
        match self {
            Self::Run { id, .. } | Self::Check { id, .. } | Self::Visualize { id, .. } => *id,
        }
    }

    /// The same run under another id (a shared interpreter numbers the
    /// runs of all its clients in one sequence).
    #[must_use]
    pub fn with_id(mut self, new: RunId) -> Self {
        match &mut self {
            Self::Run { id, .. } | Self::Check { id, .. } | Self::Visualize { id, .. } => *id = new,
        }
        self
    }

    /// Encodes for `postMessage`.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("ToWorker always serializes")
    }

    /// Decodes a message from the page.
    ///
    /// # Errors
    /// When `text` is not a valid message.
    pub fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }
}

impl FromWorker {
    /// The run this message is about; None for `Ready`.
    #[must_use]
    pub fn id(&self) -> Option<RunId> {
        match self {
            Self::Ready { .. } => None,
            Self::Output { id, .. }
            | Self::Skipped { id, .. }
            | Self::Done { id, .. }
            | Self::WantsInput { id, .. }
            | Self::Checked { id, .. }
            | Self::Traced { id, .. } => Some(*id),
        }
    }

    /// The same message about run `new` instead.
    #[must_use]
    pub fn with_id(mut self, new: RunId) -> Self {
        match &mut self {
            Self::Ready { .. } => {}
            Self::Output { id, .. }
            | Self::Skipped { id, .. }
            | Self::Done { id, .. }
            | Self::WantsInput { id, .. }
            | Self::Checked { id, .. }
            | Self::Traced { id, .. } => *id = new,
        }
        self
    }

    /// Encodes for `postMessage`.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("FromWorker always serializes")
    }

    /// Decodes a message from the worker.
    ///
    /// # Errors
    /// When `text` is not a valid message.
    pub fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_message_has_a_stable_wire_shape() {
        let msg = ToWorker::Run { id: 7, code: "print(1)".into(), stdin: "a\n".into(), keep_globals: false };
        assert_eq!(msg.to_json(), r#"{"type":"run","id":7,"code":"print(1)","stdin":"a\n"}"#);
        assert_eq!(ToWorker::from_json(&msg.to_json()).unwrap(), msg);
        let session = ToWorker::Run { id: 2, code: "x".into(), stdin: String::new(), keep_globals: true };
        assert_eq!(session.to_json(), r#"{"type":"run","id":2,"code":"x","stdin":"","keep_globals":true}"#);
        assert_eq!(ToWorker::from_json(&session.to_json()).unwrap(), session);
    }

    #[test]
    fn worker_messages_round_trip() {
        let done = FromWorker::Done {
            id: 3,
            error: Some(PyError {
                kind: "ValueError".into(),
                message: "bad".into(),
                line: Some(2),
                column: None,
                traceback: "Traceback ...".into(),
            }),
            exit_status: 0,
            elapsed_ms: 1.5,
        };
        assert_eq!(FromWorker::from_json(&done.to_json()).unwrap(), done);
        let exited = FromWorker::Done { id: 5, error: None, exit_status: 3, elapsed_ms: 2.0 };
        assert_eq!(
            exited.to_json(),
            r#"{"type":"done","id":5,"error":null,"exit_status":3,"elapsed_ms":2.0}"#
        );
        assert_eq!(FromWorker::from_json(&exited.to_json()).unwrap(), exited);
        let skipped = FromWorker::Skipped { id: 6, bytes: 99 };
        assert_eq!(skipped.to_json(), r#"{"type":"skipped","id":6,"bytes":99}"#);
        let out = FromWorker::Output { id: 1, stream: Stream::Stderr, text: "x".into() };
        assert!(out.to_json().contains(r#""stream":"stderr""#));
        let wants = FromWorker::WantsInput { id: 4, token: "4-123".into() };
        assert_eq!(wants.to_json(), r#"{"type":"wants_input","id":4,"token":"4-123"}"#);
        assert_eq!(FromWorker::from_json(&wants.to_json()).unwrap(), wants);
    }

    #[test]
    fn check_messages_have_a_stable_wire_shape() {
        let check = ToWorker::Check {
            id: 8,
            code: "def f(): pass".into(),
            checks: vec![CheckSpec { call: "f()".into(), expected: "None".into() }],
        };
        assert_eq!(
            check.to_json(),
            r#"{"type":"check","id":8,"code":"def f(): pass","checks":[{"call":"f()","expected":"None"}]}"#
        );
        assert_eq!(ToWorker::from_json(&check.to_json()).unwrap(), check);
        let result = CheckResult {
            call: "f()".into(),
            expected: "None".into(),
            got: "1".into(),
            passed: false,
            output: "hi\n".into(),
            traceback: String::new(),
        };
        let checked = FromWorker::Checked { id: 8, results: vec![result] };
        assert_eq!(
            checked.to_json(),
            r#"{"type":"checked","id":8,"results":[{"call":"f()","expected":"None","got":"1","passed":false,"output":"hi\n","traceback":""}]}"#
        );
        assert_eq!(FromWorker::from_json(&checked.to_json()).unwrap(), checked);
    }

    #[test]
    fn ids_can_be_read_and_replaced() {
        let run = ToWorker::Run { id: 3, code: "x".into(), stdin: String::new(), keep_globals: false };
        assert_eq!(run.id(), 3);
        assert_eq!(run.with_id(9).id(), 9);
        let out = FromWorker::Output { id: 4, stream: Stream::Stdout, text: "x".into() };
        assert_eq!(
            out.clone().with_id(1),
            FromWorker::Output { id: 1, stream: Stream::Stdout, text: "x".into() }
        );
        assert_eq!(out.id(), Some(4));
        assert_eq!(FromWorker::Ready { init_ms: 1.0 }.with_id(2).id(), None);
    }

    #[test]
    fn garbage_is_rejected() {
        assert!(ToWorker::from_json(r#"{"type":"explode"}"#).is_err());
        assert!(FromWorker::from_json("not json").is_err());
    }
}
