//! Auto / light / dark. Auto follows `prefers-color-scheme`; a choice sets
//! `html[data-theme]`, which overrides the media query in style.css.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::{hooks::use_ui, storage};

/// Puts the theme on `<html>`; the editor reads its colours from CSS vars.
fn apply(theme: Option<&str>) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Some(theme) => root.set_attribute("data-theme", theme),
            None => root.remove_attribute("data-theme"),
        };
    }
}

#[component]
pub fn ThemeToggle() -> Html {
    let ui = use_ui();
    let theme = use_state(|| storage::load_theme().filter(|t| t == "light" || t == "dark"));
    let onchange = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let chosen = (value != "auto").then_some(value);
            apply(chosen.as_deref());
            storage::save_theme(chosen.as_deref());
            theme.set(chosen);
        })
    };
    let current = theme.as_deref().unwrap_or("auto");
    html! {
        <label class="theme-toggle">
            <span class="visually-hidden">{ ui.colour_theme }</span>
            <select {onchange} data-testid="theme">
                { for [("auto", ui.theme_auto), ("light", ui.theme_light), ("dark", ui.theme_dark)].into_iter().map(|(value, label)| html! {
                    <option {value} selected={value == current}>{ label }</option>
                }) }
            </select>
        </label>
    }
}
