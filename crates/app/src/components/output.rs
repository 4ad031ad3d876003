//! A run's output: stdout and stderr in the order written, then the error.
//! Everything is rendered as text nodes, never parsed as HTML; the only
//! elements made from it are the traceback's `line N` buttons.

use std::rc::Rc;

use pyplay_protocol::{PyError, Stream};

use pyplay_content::ui::fill;
use yew::prelude::*;

use crate::{
    hooks::use_ui,
    output_buffer::{OutputBuffer, human_bytes},
    run_state::Notice,
};

#[derive(PartialEq, Properties)]
pub struct OutputProps {
    pub output: Rc<OutputBuffer>,
    pub error: Option<PyError>,
    /// A message from the playground itself (stopped, crashed).
    pub notice: Option<Notice>,
    /// A traceback's `line N` of main.py was clicked.
    #[prop_or_default]
    pub on_line_click: Callback<u32>,
}

/// A piece of traceback text: plain, or a reference to a line of main.py.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    /// The `line N` words and N.
    Line(&'a str, u32),
}

/// Splits out the `line N` of every `File "main.py", line N` frame; frames
/// of other files (the standard library) stay text.
fn pieces(traceback: &str) -> Vec<Piece<'_>> {
    const FRAME: &str = "File \"main.py\", ";
    let mut out = Vec::new();
    let mut rest = traceback;
    while let Some(at) = rest.find(FRAME) {
        let start = at + FRAME.len();
        let after = &rest[start..];
        let digits = after
            .strip_prefix("line ")
            .map_or("", |d| &d[..d.bytes().take_while(u8::is_ascii_digit).count()]);
        match digits.parse::<u32>() {
            Ok(n) => {
                let end = start + "line ".len() + digits.len();
                out.push(Piece::Text(&rest[..start]));
                out.push(Piece::Line(&rest[start..end], n));
                rest = &rest[end..];
            }
            Err(_) => {
                out.push(Piece::Text(&rest[..start]));
                rest = &rest[start..];
            }
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

#[component]
pub fn Output(props: &OutputProps) -> Html {
    let ui = use_ui();
    html! {
        <>
            if props.output.dropped() > 0 {
                <p class="notice dropped">{ fill(ui.lines_dropped, &[("count", &props.output.dropped())]) }</p>
            }
            if props.output.skipped() > 0 {
                <p class="notice skipped">{ fill(ui.output_skipped, &[
                    ("skipped", &human_bytes(props.output.skipped(), ui)),
                    ("head", &human_bytes(pyplay_protocol::OUTPUT_HEAD_BYTES, ui)),
                    ("tail", &human_bytes(pyplay_protocol::OUTPUT_TAIL_BYTES, ui)),
                ]) }</p>
            }
            <pre class="stream">
                { for props.output.chunks().map(|(stream, text)| {
                    let class = match stream {
                        Stream::Stdout => "stdout",
                        Stream::Stderr => "stderr",
                        Stream::Stdin => "stdin",
                    };
                    html! { <span class={class}>{ text.clone() }</span> }
                }) }
            </pre>
            if let Some(error) = &props.error {
                <pre class="traceback" data-error-kind={error.kind.clone()}>
                    { for pieces(&error.traceback).into_iter().map(|piece| match piece {
                        Piece::Text(text) => html! { { text.to_string() } },
                        Piece::Line(words, n) => {
                            let on_line_click = props.on_line_click.clone();
                            html! {
                                <button
                                    type="button"
                                    class="line-link"
                                    data-line={n.to_string()}
                                    title={fill(ui.show_line, &[("line", &n)])}
                                    onclick={move |_| on_line_click.emit(n)}
                                >{ words.to_string() }</button>
                            }
                        }
                    }) }
                </pre>
                <crate::components::error_help::ErrorHelp error={error.clone()} />
            }
            if let Some(notice) = &props.notice {
                <p class="notice">{ notice.message(ui) }</p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces' text, in order: links keep their words.
    fn joined(pieces: &[Piece<'_>]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Line(t, _) => *t,
            })
            .collect()
    }

    #[test]
    fn main_py_frames_become_line_links() {
        let tb = "Traceback (most recent call last):\n  File \"main.py\", line 12, in <module>\n    f()\n  File \"main.py\", line 3, in f\nValueError: x\n";
        let got = pieces(tb);
        assert_eq!(got[1], Piece::Line("line 12", 12));
        assert_eq!(got[3], Piece::Line("line 3", 3));
        // Nothing is lost or reordered: the text reads as before.
        assert_eq!(joined(&got), tb);
    }

    #[test]
    fn other_files_and_odd_frames_stay_text() {
        let tb =
            "  File \"/lib/enum.py\", line 9, in f\n  File \"main.py\", in g\n  File \"main.py\", line x\n";
        assert!(pieces(tb).iter().all(|p| matches!(p, Piece::Text(_))));
        assert_eq!(joined(&pieces(tb)), tb);
    }

    #[test]
    fn a_syntax_error_frame_links_its_line() {
        let tb = "  File \"main.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n";
        assert_eq!(pieces(tb)[1], Piece::Line("line 2", 2));
    }
}
