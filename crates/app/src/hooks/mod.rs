//! State a snippet keeps, as hooks: the code (with saving and Reset) and
//! its runs.

pub mod use_arrows;
pub mod use_code;
pub mod use_lang;
pub mod use_run;

pub use use_arrows::use_arrows;
pub use use_code::use_code;
pub use use_lang::use_lang;
pub use use_run::use_run;
