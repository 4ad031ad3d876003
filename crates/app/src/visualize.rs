//! The step-through's logic without the DOM: which step a key leads to,
//! the words that say what a step does, and the lines to mark.

use pyplay_content::ui::{Ui, fill};
use pyplay_protocol::trace::{Event, HeapObject, Kind, Step, Trace, Value};

/// The step a key press in the panel leads to, from `index` of `count`.
#[must_use]
pub fn step_for_key(key: &str, index: usize, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    let next = match key {
        "ArrowRight" | "ArrowDown" => (index + 1).min(last),
        "ArrowLeft" | "ArrowUp" => index.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    Some(next)
}

/// The line about to run at `index`, and the line run at the step before.
#[must_use]
pub fn marked_lines(trace: &Trace, index: usize) -> Option<(u32, Option<u32>)> {
    let step = trace.steps.get(index)?;
    let previous = index.checked_sub(1).and_then(|i| trace.steps.get(i)).map(|s| s.line);
    Some((step.line, previous))
}

/// The name of the function running at a step.
fn running(step: &Step) -> &str {
    step.frames.first().map_or("<module>", |frame| frame.name.as_str())
}

/// A value in words, for the event line and screen readers.
#[must_use]
pub fn value_words(ui: &Ui, value: &Value, step: &Step) -> String {
    match value {
        Value::Inline(text) => text.clone(),
        Value::Ref(id) => match object(step, *id) {
            Some(object) => format!("{} #{id}", kind_words(ui, object)),
            None => fill(ui.object_ref, &[("id", id)]),
        },
    }
}

/// What a step does, in one sentence.
#[must_use]
pub fn event_words(ui: &Ui, step: &Step) -> String {
    let function = running(step);
    let place =
        if function == "<module>" { String::new() } else { fill(ui.in_function, &[("function", &function)]) };
    let line: &dyn std::fmt::Display = &step.line;
    match step.event {
        Event::Line => fill(ui.line_next, &[("line", line), ("place", &place)]),
        Event::Call => fill(ui.is_called, &[("function", &function), ("line", line)]),
        Event::Return if function == "<module>" => ui.program_ended.into(),
        Event::Return => {
            let value = step.returned.as_ref().map_or_else(|| "None".into(), |v| value_words(ui, v, step));
            let generator = step.frames.first().is_some_and(|f| f.generator);
            let template = if generator { ui.yields_or_returns } else { ui.returns };
            fill(template, &[("function", &function), ("value", &value), ("line", line)])
        }
        Event::Exception => fill(
            ui.is_raised,
            &[
                ("exception", &step.exception.as_deref().unwrap_or(ui.an_exception)),
                ("place", &place),
                ("line", line),
            ],
        ),
    }
}

/// The object with `id` in a step's heap.
#[must_use]
pub fn object(step: &Step, id: u32) -> Option<&HeapObject> {
    step.heap.iter().find(|(key, _)| *key == id).map(|(_, object)| object)
}

/// A box's kind as the reader knows it: its type, or what it is.
#[must_use]
pub fn kind_words(ui: &Ui, object: &HeapObject) -> String {
    match object.kind {
        Kind::Function => ui.kind_function.into(),
        Kind::Class => ui.kind_class.into(),
        Kind::Generator => ui.kind_generator.into(),
        Kind::Cell => ui.kind_cell.into(),
        _ => object.label.clone(),
    }
}

#[cfg(test)]
mod tests {
    use pyplay_content::ui::{EN, ZH};
    use pyplay_protocol::trace::Frame;

    use super::*;

    fn step(event: Event, line: u32, function: &str) -> Step {
        Step {
            event,
            line,
            frames: vec![Frame { name: function.into(), line, locals: Vec::new(), generator: false }],
            frames_omitted: 0,
            returned: None,
            exception: None,
            heap: vec![(
                1,
                HeapObject {
                    kind: Kind::List,
                    label: "list".into(),
                    items: Vec::new(),
                    entries: Vec::new(),
                    more: false,
                    state: None,
                    line: None,
                    repr: None,
                },
            )],
            more: 0,
            printed: 0,
        }
    }

    #[test]
    fn keys_move_within_the_trace() {
        assert_eq!(step_for_key("ArrowRight", 0, 3), Some(1));
        assert_eq!(step_for_key("ArrowRight", 2, 3), Some(2));
        assert_eq!(step_for_key("ArrowLeft", 0, 3), Some(0));
        assert_eq!(step_for_key("End", 0, 3), Some(2));
        assert_eq!(step_for_key("Home", 2, 3), Some(0));
        assert_eq!(step_for_key("a", 0, 3), None);
        assert_eq!(step_for_key("End", 0, 0), None);
    }

    #[test]
    fn marks_the_next_line_and_the_one_before() {
        let trace = Trace {
            steps: vec![step(Event::Line, 1, "<module>"), step(Event::Line, 4, "<module>")],
            ..Trace::default()
        };
        assert_eq!(marked_lines(&trace, 0), Some((1, None)));
        assert_eq!(marked_lines(&trace, 1), Some((4, Some(1))));
        assert_eq!(marked_lines(&trace, 2), None);
    }

    #[test]
    fn says_what_a_step_does() {
        let en = |step: &Step| event_words(&EN, step);
        assert_eq!(en(&step(Event::Line, 3, "<module>")), "Line 3 runs next.");
        assert_eq!(en(&step(Event::Line, 5, "fib")), "Line 5 runs next in fib.");
        assert_eq!(en(&step(Event::Call, 4, "fib")), "fib is called (line 4).");
        let mut returned = step(Event::Return, 5, "fib");
        returned.returned = Some(Value::Ref(1));
        assert_eq!(en(&returned), "fib returns list #1 (line 5).");
        returned.returned = Some(Value::Inline("2".into()));
        returned.frames[0].generator = true;
        assert_eq!(en(&returned), "fib yields or returns 2 (line 5).");
        assert_eq!(en(&step(Event::Return, 9, "<module>")), "The program has ended.");
        let mut raised = step(Event::Exception, 2, "<module>");
        raised.exception = Some("ZeroDivisionError: division by zero".into());
        assert_eq!(en(&raised), "ZeroDivisionError: division by zero is raised (line 2).");
    }

    #[test]
    fn says_it_in_chinese_too() {
        let zh = |step: &Step| event_words(&ZH, step);
        assert_eq!(zh(&step(Event::Line, 3, "<module>")), "接下来运行第 3 行。");
        assert_eq!(zh(&step(Event::Line, 5, "fib")), "接下来运行 fib 中的第 5 行。");
        assert_eq!(zh(&step(Event::Call, 4, "fib")), "调用 fib（第 4 行）。");
        let mut returned = step(Event::Return, 5, "fib");
        returned.returned = Some(Value::Ref(1));
        assert_eq!(zh(&returned), "fib 返回 list #1（第 5 行）。");
        assert_eq!(zh(&step(Event::Return, 9, "<module>")), "程序已结束。");
        let mut raised = step(Event::Exception, 2, "g");
        raised.exception = Some("ValueError: x".into());
        assert_eq!(zh(&raised), "抛出 ValueError: x（位于 g 中的第 2 行）。");
        assert_eq!(value_words(&ZH, &Value::Ref(7), &raised), "对象 #7");
    }
}
