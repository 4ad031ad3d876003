//! One component per file, each with its `XxxProps`.

pub mod editor;
pub mod elapsed;
pub mod embed_dialog;
pub mod embed_page;
pub mod output;
pub mod sidebar;
pub mod snippet;
pub mod status_badge;
pub mod topic_nav;
pub mod topic_page;
pub mod update_notice;
