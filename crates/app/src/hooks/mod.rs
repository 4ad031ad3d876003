//! State a snippet keeps, as hooks: the code (with saving and Reset) and
//! its runs; the interface's words in the page's language; a media query.

pub mod use_arrows;
pub mod use_code;
pub mod use_media;
pub mod use_run;
pub mod use_ui;

pub use use_arrows::use_arrows;
pub use use_code::use_code;
pub use use_media::use_media;
pub use use_run::use_run;
pub use use_ui::{use_lang, use_ui};
