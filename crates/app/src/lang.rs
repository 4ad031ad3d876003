//! The language of the page, in one place: the root components provide it
//! as a `Lang` context (hooks::use_ui reads it).

use pyplay_content::Lang;

/// The language this page is shown in.
pub fn page_lang() -> Lang {
    Lang::En
}
