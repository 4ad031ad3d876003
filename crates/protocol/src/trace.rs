//! A Visualize run's trace: what the engine's tracer
//! (`crates/engine/py/_pyplay_trace.py`) records, step by step, and the
//! step-through panel draws. The JSON field names are short because a
//! trace of a thousand steps crosses from the worker to the page in one
//! message.

use serde::{Deserialize, Serialize};

/// Steps a Visualize run records unless the reader asks for more.
pub const DEFAULT_STEPS: u32 = 1_000;
/// The most steps "Visualize more" may ask for.
pub const MAX_STEPS: u32 = 10_000;

/// A whole run, step by step.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Trace {
    pub steps: Vec<Step>,
    /// Everything the program printed (stdout and stderr, in order); each
    /// step says how many characters of it were printed by then.
    #[serde(rename = "out")]
    pub output: String,
    /// The program was stopped at the step cap.
    pub truncated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    /// A function (or generator, resumed) starts running.
    Call,
    /// A line is about to run.
    Line,
    /// A function returns (or a generator yields).
    Return,
    /// An exception is raised, or passes through this frame.
    Exception,
}

/// The state when one trace event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    #[serde(rename = "ev")]
    pub event: Event,
    /// The line about to run (1-based) in the reader's code.
    #[serde(rename = "ln")]
    pub line: u32,
    /// The reader's frames, newest first; the module's is last.
    #[serde(rename = "fr")]
    pub frames: Vec<Frame>,
    /// Frames left out, just above the module's, in deep recursion.
    #[serde(rename = "skip", default, skip_serializing_if = "is_zero")]
    pub frames_omitted: u32,
    /// What a `return` event returns.
    #[serde(rename = "ret", default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<Value>,
    /// `Kind: message` of the exception, at an `exception` event.
    #[serde(rename = "exc", default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<String>,
    /// Every object the frames reach, by id, in the order first reached.
    pub heap: Vec<(u32, HeapObject)>,
    /// Objects left out of this step past the per-step cap.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more: u32,
    /// Characters of [`Trace::output`] printed by this step.
    #[serde(rename = "out")]
    pub printed: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// The function's name; `<module>` for the module.
    #[serde(rename = "fn")]
    pub name: String,
    #[serde(rename = "ln")]
    pub line: u32,
    /// Variables in definition order.
    #[serde(rename = "loc")]
    pub locals: Vec<(String, Value)>,
    /// A generator's or coroutine's frame.
    #[serde(rename = "gen", default, skip_serializing_if = "std::ops::Not::not")]
    pub generator: bool,
}

/// A variable's or an item's value: drawn in place, or an arrow to a box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// The object's id in the step's heap.
    Ref(u32),
    /// The repr of None, a bool, a number, a short string or a module
    /// (clipped; "…" alone stands for an object past the cap).
    Inline(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "list")]
    List,
    #[serde(rename = "tuple")]
    Tuple,
    #[serde(rename = "set")]
    Set,
    #[serde(rename = "dict")]
    Dict,
    /// An instance of a class of the reader's, with its attributes; any
    /// other object, with its repr.
    #[serde(rename = "obj")]
    Instance,
    #[serde(rename = "class")]
    Class,
    /// A function (with its closure's cells) or a bound method.
    #[serde(rename = "fn")]
    Function,
    /// A generator or coroutine object.
    #[serde(rename = "gen")]
    Generator,
    /// A closure cell.
    #[serde(rename = "cell")]
    Cell,
}

/// One box on the heap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeapObject {
    #[serde(rename = "k")]
    pub kind: Kind,
    /// The type's name, or a function's signature, or `class Name(Base)`.
    #[serde(rename = "t")]
    pub label: String,
    /// Items of a list, tuple, set or cell.
    #[serde(rename = "v", default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Value>,
    /// Entries of a dict; attributes of an instance or class; a function's
    /// closure; a generator's locals.
    #[serde(rename = "kv", default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<(Value, Value)>,
    /// Items past the per-box cap were left out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more: bool,
    /// A generator's state: created, running, suspended or finished.
    #[serde(rename = "st", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// A suspended generator's current line.
    #[serde(rename = "ln", default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The repr of an object drawn without its insides.
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub repr: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Trace {
    /// What the program had printed by step `index`.
    #[must_use]
    pub fn printed_by(&self, index: usize) -> &str {
        let chars = self.steps.get(index).map_or(0, |step| step.printed as usize);
        match self.output.char_indices().nth(chars) {
            Some((byte, _)) => &self.output[..byte],
            None => &self.output,
        }
    }

    pub fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_tracers_json() {
        let json = r#"{"steps":[
            {"ev":"line","ln":2,"fr":[{"fn":"<module>","ln":2,"loc":[["a",1],["n","3"]]}],
             "heap":[[1,{"k":"list","t":"list","v":["1",2]}],[2,{"k":"dict","t":"dict","kv":[["'k'","None"]]}]],"out":0},
            {"ev":"return","ln":3,"fr":[{"fn":"g","ln":3,"loc":[],"gen":true}],"ret":"1",
             "heap":[[1,{"k":"gen","t":"g","st":"suspended","ln":3}]],"more":2,"out":3}
        ],"out":"hé\nx","truncated":true}"#;
        let trace = Trace::from_json(json).unwrap();
        assert!(trace.truncated);
        let first = &trace.steps[0];
        assert_eq!(first.event, Event::Line);
        assert_eq!(first.frames[0].locals[0], ("a".into(), Value::Ref(1)));
        assert_eq!(first.frames[0].locals[1], ("n".into(), Value::Inline("3".into())));
        assert_eq!(first.heap[0].1.items, [Value::Inline("1".into()), Value::Ref(2)]);
        assert_eq!(first.heap[1].1.kind, Kind::Dict);
        let second = &trace.steps[1];
        assert!(second.frames[0].generator);
        assert_eq!(second.returned, Some(Value::Inline("1".into())));
        assert_eq!(second.heap[0].1.state.as_deref(), Some("suspended"));
        assert_eq!(second.more, 2);
        assert_eq!(trace.printed_by(0), "");
        assert_eq!(trace.printed_by(1), "hé\n", "counts characters, not bytes");
        assert_eq!(trace.printed_by(9), "");
        let again = Trace::from_json(&serde_json::to_string(&trace).unwrap()).unwrap();
        assert_eq!(again, trace);
    }
}
