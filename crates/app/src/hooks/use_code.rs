//! A snippet's code: the lesson's, the reader's saved edit, or a share
//! link's. Edits are saved in localStorage (crate::storage); a Reset can be
//! undone.

use std::rc::Rc;

use yew::prelude::*;

use crate::{
    share::{self, ShareError},
    storage,
};

/// Where a snippet's code comes from and goes to.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeSource {
    pub topic_id: AttrValue,
    pub snippet_id: AttrValue,
    /// The code as the lesson wrote it.
    pub original: AttrValue,
    /// A share link's `code=` value, still encoded.
    pub shared: Option<AttrValue>,
    /// Whether edits are kept in this browser.
    pub persist: bool,
}

#[derive(Clone)]
pub struct CodeHandle {
    pub code: Rc<String>,
    /// Differs from the lesson's code.
    pub edited: bool,
    /// A share link's code is on screen untouched: nothing is saved.
    pub showing_shared: bool,
    /// The share link could not be read.
    pub shared_error: Option<ShareError>,
    /// The reader has a saved version of their own ("Show my version").
    pub has_saved: bool,
    /// "Undo reset" is offered.
    pub can_undo_reset: bool,
    pub on_change: Callback<String>,
    /// Back to the lesson's code; no confirmation, as it can be undone.
    pub on_reset: Callback<()>,
    pub on_undo_reset: Callback<()>,
    /// Replaces a share link's code with the reader's saved version.
    pub on_mine: Callback<()>,
}

#[hook]
pub fn use_code(source: CodeSource) -> CodeHandle {
    let shared = use_memo(source.shared.clone(), |value| value.as_deref().map(share::decode));
    let saved = use_memo((), |()| {
        source.persist.then(|| storage::load_code(&source.topic_id, &source.snippet_id)).flatten()
    });
    let code = use_state(|| match shared.as_ref() {
        Some(Ok(code)) => code.clone(),
        _ => (*saved).clone().unwrap_or_else(|| source.original.to_string()),
    });
    let showing_shared = use_state(|| matches!(shared.as_ref(), Some(Ok(_))));
    // The code a Reset replaced, while "Undo reset" is offered.
    let before_reset = use_state(|| None::<String>);

    {
        let source = source.clone();
        use_effect_with(((*code).clone(), *showing_shared), move |(code, showing_shared)| {
            if source.persist && !showing_shared {
                storage::save_code(&source.topic_id, &source.snippet_id, code, &source.original);
            }
        });
    }

    let on_change = {
        let (code, before_reset, showing_shared) =
            (code.clone(), before_reset.clone(), showing_shared.clone());
        Callback::from(move |text: String| {
            code.set(text);
            showing_shared.set(false);
            // An edit after a Reset makes it final (Ctrl-Z still works).
            before_reset.set(None);
        })
    };
    let on_reset = {
        let (code, before_reset, showing_shared) =
            (code.clone(), before_reset.clone(), showing_shared.clone());
        let original = source.original.clone();
        Callback::from(move |()| {
            showing_shared.set(false);
            if *code != original.as_str() {
                before_reset.set(Some((*code).clone()));
                code.set(original.to_string());
            }
        })
    };
    let on_undo_reset = {
        let (code, before_reset) = (code.clone(), before_reset.clone());
        Callback::from(move |()| {
            if let Some(previous) = (*before_reset).clone() {
                code.set(previous);
                before_reset.set(None);
            }
        })
    };
    let on_mine = {
        let (code, saved, showing_shared) = (code.clone(), saved.clone(), showing_shared.clone());
        Callback::from(move |()| {
            if let Some(mine) = (*saved).clone() {
                code.set(mine);
                showing_shared.set(false);
            }
        })
    };

    CodeHandle {
        code: Rc::new((*code).clone()),
        edited: *code != source.original.as_str(),
        showing_shared: *showing_shared,
        shared_error: match shared.as_ref() {
            Some(Err(error)) => Some(error.clone()),
            _ => None,
        },
        has_saved: saved.is_some(),
        can_undo_reset: before_reset.is_some(),
        on_change,
        on_reset,
        on_undo_reset,
        on_mine,
    }
}
