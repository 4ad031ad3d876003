//! The page's language, from the `ContextProvider<Lang>` of the app or the
//! embed (crate::lang).

use pyplay_content::Lang;
use yew::prelude::*;

/// The language to render in; English outside any provider.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
