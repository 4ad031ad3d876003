//! A predict-the-output card: the reader picks or types what the code
//! prints, then it runs and the real output is set beside the guess, with
//! why.

use pyplay_content::Card;
use pyplay_protocol::Stream;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::{
    components::editor::Editor,
    hooks::{use_run, use_ui},
    output_buffer::OutputBuffer,
    progress::{Progress, ProgressAction},
    run_state::{Phase, RunState},
};

#[derive(PartialEq, Properties)]
pub struct CardViewProps {
    pub topic_id: AttrValue,
    pub card: &'static Card,
}

/// Text compared line by line, ignoring trailing spaces and blank lines at the end.
fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end_matches('\n').to_string()
}

/// Whether a guess says what the run printed.
pub fn same_output(guess: &str, actual: &str) -> bool {
    normalize(guess) == normalize(actual)
}

/// What the run printed, as the reader would write it: stdout, then the
/// error's last line if it raised.
fn printed(output: &OutputBuffer, state: &RunState) -> String {
    let mut text: String =
        output.chunks().filter(|(s, _)| *s == Stream::Stdout).map(|(_, t)| t.as_str()).collect();
    if let Some(error) = &state.error {
        let last = error.traceback.trim_end().lines().last().unwrap_or_default();
        text.push_str(last);
    }
    text
}

#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let card = props.card;
    let ui = use_ui();
    let words = card.texts(crate::hooks::use_lang());
    let progress = use_context::<UseReducerHandle<Progress>>().expect("CardView needs progress");
    let guess = use_state(String::new);
    let runs = use_run(false);
    let state = &runs.state;
    let actual =
        (state.phase == Phase::Finished && state.notice.is_none()).then(|| printed(&state.output, state));
    let right = actual.as_deref().map(|a| same_output(&guess, a));
    {
        let (progress, id) = (progress.clone(), card.id);
        use_effect_with((state.run, right), move |(run, right)| {
            if let (Some(_), Some(right)) = (run, right) {
                progress.dispatch(ProgressAction::Record { id: id.into(), solved: *right });
            }
        });
    }
    let on_run = {
        let on_run = runs.on_run.clone();
        Callback::from(move |_: MouseEvent| on_run.emit((card.code.to_string(), String::new())))
    };
    let dom_id = format!("{}-{}", props.topic_id, card.id);
    let prompt_id = format!("{dom_id}-prompt");
    let solved = progress.solved(card.id);
    let answered = state.phase != Phase::Idle;

    let choices = if card.choices.is_empty() {
        let guess = guess.clone();
        html! {
            <textarea class="guess" rows="3" aria-labelledby={prompt_id.clone()} disabled={answered}
                value={(*guess).clone()}
                oninput={move |e: InputEvent| guess.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
        }
    } else {
        html! {
            <div class="choices" role="radiogroup" aria-labelledby={prompt_id.clone()}>
                { for card.choices.iter().enumerate().map(|(i, choice)| {
                    let guess = guess.clone();
                    let onchange = move |e: Event| {
                        if e.target_unchecked_into::<HtmlInputElement>().checked() {
                            guess.set((*choice).to_string());
                        }
                    };
                    html! {
                        <label class="choice">
                            <input type="radio" name={dom_id.clone()} value={i.to_string()} disabled={answered} {onchange} />
                            <pre>{ *choice }</pre>
                        </label>
                    }
                }) }
            </div>
        }
    };

    html! {
        <section class="card" id={dom_id.clone()} data-card={card.id} data-phase={state.phase.as_str()} aria-labelledby={format!("{dom_id}-title")}>
            <h3 id={format!("{dom_id}-title")}>
                { ui.card }{ words.title }
                if solved { <span class="solved-mark" aria-label={ui.solved} role="img">{ " ✓" }</span> }
            </h3>
            <Editor value={card.code} on_change={Callback::noop()} read_only=true label={ui.code_read_only} lazy=true />
            <p class="prompt" id={prompt_id}>{ ui.card_prompt }</p>
            { choices }
            <div class="toolbar">
                <button class="compare" onclick={on_run} disabled={guess.is_empty() || answered}>{ ui.run_and_compare }</button>
            </div>
            <div class="card-result" role="status" aria-live="polite">
                if let (Some(actual), Some(right)) = (&actual, right) {
                    <p class={classes!("verdict", if right { "passed" } else { "failed" })}>
                        { if right { ui.card_right } else { ui.card_wrong } }
                    </p>
                    <p class="check-label">{ ui.it_printed }</p>
                    <pre class="card-actual">{ actual.clone() }</pre>
                    if !right {
                        <p class="check-label">{ ui.you_said }</p>
                        <pre class="card-guess">{ (*guess).clone() }</pre>
                    }
                    <div class="prose explanation">{ Html::from_html_unchecked(words.explanation_html.html().into()) }</div>
                } else if let Some(notice) = &state.notice {
                    <p class="notice">{ notice.message(ui) }</p>
                } else if state.busy() {
                    <p>{ ui.running }</p>
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_ignore_trailing_space_but_not_content() {
        assert!(same_output("[1]\n[1, 2]", "[1]\n[1, 2]\n"));
        assert!(same_output("a  \nb\n\n", "a\nb\n"));
        assert!(!same_output("[1]\n[2]", "[1]\n[1, 2]\n"));
        assert!(!same_output("", "x\n"));
        assert!(!same_output("a\n\nb", "a\nb\n"));
    }
}
