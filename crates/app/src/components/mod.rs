//! One component per file, each with its `XxxProps`.

pub mod card;
pub mod check_report;
pub mod editor;
pub mod elapsed;
pub mod embed_dialog;
pub mod embed_page;
pub mod exercise;
pub mod home_page;
pub mod input_line;
pub mod output;
pub mod progress_page;
pub mod scratch_page;
pub mod search;
pub mod sidebar;
pub mod snippet;
pub mod snippet_notes;
pub mod snippet_toolbar;
pub mod status_badge;
pub mod stdin_box;
pub mod theme_toggle;
pub mod topic_nav;
pub mod topic_page;
pub mod update_notice;
