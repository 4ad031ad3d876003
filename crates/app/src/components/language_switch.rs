//! The top bar's switch to the other language: a link to the same place in
//! it (crate::route), so it works before the app has loaded, opens in a new
//! tab, and tells search engines where the translation is. The app follows
//! it in place, keeping every editor's code, and remembers the choice.

use pyplay_content::ui;
use yew::prelude::*;

use crate::route::Route;

#[derive(PartialEq, Properties)]
pub struct LanguageSwitchProps {
    /// Where the reader is.
    pub route: Route,
}

#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let other = props.route.lang.other();
    // Before the app follows the link: the root page, whose URL names no
    // language, then shows the chosen one.
    let onclick = Callback::from(move |_: MouseEvent| crate::lang::remember(other));
    html! {
        <a
            class="lang-switch"
            href={props.route.in_lang(other).url()}
            hreflang={other.html_lang()}
            lang={other.html_lang()}
            title={ui::LANGUAGE}
            aria-label={format!("{}: {}", ui::LANGUAGE, other.native_name())}
            {onclick}
        >
            { other.native_name() }
        </a>
    }
}
