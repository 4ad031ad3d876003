//! The interface's words in the page's language (the `Lang` context that
//! App and EmbedPage provide; English without one).

use pyplay_content::{Lang, ui::Ui};
use yew::prelude::*;

/// The page's language.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::En)
}

/// The interface's words in the page's language.
#[hook]
pub fn use_ui() -> &'static Ui {
    pyplay_content::ui::ui(use_lang())
}
