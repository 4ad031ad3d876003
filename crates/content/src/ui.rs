//! Every word of the interface, in each [`Lang`]: one [`Ui`] table per
//! language (`ui/en.rs`, `ui/zh.rs`), shared by the app and the static pages
//! written at build time (`src/bin/pages.rs`), so the page a reader sees
//! before the app loads says what the app then says. A field missing from a
//! table fails to compile. Texts with values are templates: `{name}`
//! placeholders, filled by [`fill`].

use std::fmt::Display;

use crate::Lang;

mod en;
mod zh;

/// The language switch's name, the same in both languages: a reader who
/// cannot read the page can still find it.
pub const LANGUAGE: &str = "Language / 语言";

pub use en::EN;
pub use zh::ZH;

/// The table of `lang`.
#[must_use]
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// `template` with each `{name}` replaced by its value in `values`; an
/// unknown `{name}` stays as written.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| values.iter().find(|(name, _)| *name == &after[..close]).map(|v| (close, v.1)));
        match value {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of a template's `{name}` placeholders, in order.
#[must_use]
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            names.push(&rest[..close]);
            rest = &rest[close + 1..];
        }
    }
    names
}

macro_rules! ui_struct {
    ($( $(#[$meta:meta])* $field:ident, )*) => {
        /// The interface's words in one language; see [`ui`].
        #[derive(Debug)]
        pub struct Ui {
            $( $(#[$meta])* pub $field: &'static str, )*
            /// CodeMirror's own words (`EditorState.phrases`), English to this
            /// language; empty for English.
            pub editor_phrases: &'static [(&'static str, &'static str)],
        }

        impl Ui {
            /// Every text field with its name, for tests.
            #[must_use]
            pub fn texts(&self) -> Vec<(&'static str, &'static str)> {
                vec![$( (stringify!($field), self.$field), )*]
            }
        }
    };
}

ui_struct! {
    // Shared with the pages written at build time.
    site_name,
    /// The installed app's name under its icon (the manifest's `short_name`).
    app_short_name,
    /// The site in one sentence: the home page's meta description.
    site_description,
    /// The home page's opening paragraph.
    lede,
    /// Every page's note for a reader without JavaScript.
    no_script,
    menu,
    /// The search box's label.
    search_label,
    /// What the search box shows when empty.
    search_placeholder,
    scratchpad,
    progress,
    /// The label of the table of contents.
    topics,
    previous_and_next,
    course_map,
    start,
    practice,
    follow_ups,
    article_fixes,
    /// Before a snippet's `differs` reason.
    differs,
    /// Before a predict-the-output card's title.
    card,
    /// Before an exercise's title.
    exercise,

    // The app's frame.
    /// `document.title` of a topic: `{topic}`, `{site}`.
    page_title,
    /// The engine badge while the interpreter loads; also the Run button's.
    loading_python,
    /// `{ms}`: how long the interpreter took to start.
    python_ready,
    colour_theme,
    theme_auto,
    theme_light,
    theme_dark,
    new_version,
    reload,
    reloading,
    /// The aria-label of a solved mark (✓).
    solved,
    no_such_topic,
    /// A topic's prose could not be fetched; a link to reload follows.
    lesson_failed,

    // Home page.
    /// `{topic}`: the title of the topic last opened.
    continue_at,
    your_progress,
    /// Under a chapter on the course map.
    chapter_counts,

    // Search.
    /// Where a topic's own hit sits, in place of a topic title.
    search_topic,
    no_results,
    /// While the index is fetched (the reader's first search).
    search_loading,
    /// The index could not be fetched or read.
    search_failed,
    one_result,
    /// `{count}`, two or more.
    n_results,
    /// `{count}`: the link to the results page.
    all_results,
    search,
    search_prompt,
    /// `{count}` (a `*_results` text), `{query}`.
    results_for,

    // A snippet: editor, toolbar, output.
    code_editable,
    code_read_only,
    run,
    /// The Run button while queued behind another run.
    waiting,
    /// The Run button while running; a card while its code runs.
    running,
    visualize,
    visualize_title,
    stop,
    reset,
    reset_title,
    undo_reset,
    copy,
    share,
    share_title,
    copied,
    copy_failed,
    link_copied,
    link_in_address_bar,
    edited,
    edited_title,
    embed,
    /// `{seconds}`, one decimal.
    running_for,
    /// `{ms}`, whole.
    finished_in,
    output,
    click_to_visualize,
    click_to_run,
    /// `{count}` lines dropped from the top of a long output.
    lines_dropped,
    /// `{skipped}`, `{head}`, `{tail}`: sizes, as `bytes`/KB/MB.
    output_skipped,
    /// `{n}` bytes, under 1 KB.
    bytes,
    /// A traceback's `line N` button: `{line}`.
    show_line,
    /// The input line of a program waiting in `input()`.
    input_line,
    stdin_label,
    stdin_hint,
    shared_note,
    shared_saved,
    show_mine,
    threads_caveat,
    share_damaged,
    share_too_large,
    share_not_text,
    /// `{status}`: a run's exit status.
    exited,
    stopped,
    /// `{why}`: the crash, as the browser said it.
    crashed,
    open_in_playground,
    /// `{what}`: the topic or snippet an embed URL names.
    no_such_embed,

    // Embed dialog.
    embed_snippet,
    embed_topic,
    embed_script_intro,
    embed_iframe_intro,
    copy_script,
    copy_iframe,
    copied_script,
    copied_iframe,
    copy_failed_select,
    close,
    /// The iframe's title: `{topic}`.
    embed_frame_topic,
    /// The iframe's title: `{topic}`, `{snippet}`.
    embed_frame_snippet,

    // Error help (explain.rs).
    error_help,
    error_means,
    error_try,

    // Cards.
    card_prompt,
    run_and_compare,
    card_right,
    card_wrong,
    it_printed,
    you_said,

    // Exercises.
    your_solution,
    check,
    checking,
    reset_starter_title,
    /// `{shown}`, `{total}`.
    hint,
    hints,
    show_solution,
    solution_after_check,
    reference_solution,
    /// `{total}`.
    passed_all,
    not_checked,
    /// `{failed}`, `{total}`.
    failed_some,
    called,
    expected,
    got,

    // Progress page.
    progress_lede,
    progress_caption,
    chapter,
    exercises,
    cards,
    /// `{solved}`, `{total}`.
    solved_of,
    next,
    /// After the next item: `{topic}`.
    next_topic,
    all_solved,
    export,
    import,
    erase_title,
    erase_question,
    erase,
    cancel,
    file_unreadable,
    imported,
    erased,
    /// `{error}`: why the JSON does not parse.
    not_an_export,
    /// `{found}`, `{expected}`.
    wrong_version,

    // Scratchpad.
    /// The code a new scratchpad holds; Reset comes back to it.
    scratch_starter,
    scratch_lede,
    keep_variables,
    keep_variables_hint,

    // Visualize.
    step_through,
    first_step,
    previous_step,
    previous,
    step,
    next_step,
    next_label,
    last_step,
    /// `{n}`, `{count}`.
    step_of,
    edit,
    /// `{count}`.
    steps_limit,
    /// `{max}`.
    visualize_more,
    printed_so_far,
    nothing_ran,
    /// `{kind}`, `{message}`.
    ended_with,
    frames,
    global_variables,
    /// After a generator's frame name.
    generator_frame,
    /// `{line}`.
    frame_line,
    no_variables,
    older_frame,
    /// `{count}`, two or more.
    older_frames,
    objects,
    none_yet,
    empty,
    more_not_shown,
    more_object,
    /// `{count}`, two or more.
    more_objects,
    /// A generator's box: `{id}`, `{label}`, `{state}`, `{line}` (`generator_line` or nothing).
    generator_box,
    /// `{line}`.
    generator_line,
    /// A screen reader's words for an arrow: `{value}`.
    points_to,
    /// `{id}`.
    object_ref,
    kind_function,
    kind_class,
    kind_generator,
    kind_cell,
    /// `{function}`.
    in_function,
    /// `{line}`, `{place}` (`in_function` or nothing).
    line_next,
    /// `{function}`, `{line}`.
    is_called,
    program_ended,
    /// `{function}`, `{value}`, `{line}`.
    returns,
    /// `{function}`, `{value}`, `{line}`.
    yields_or_returns,
    /// `{exception}`, `{place}`, `{line}`.
    is_raised,
    an_exception,
}

#[cfg(test)]
mod tests;
