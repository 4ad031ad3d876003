//! The reader's practice: each exercise and card is not started, attempted
//! or solved. Kept in localStorage under a versioned key, exported and
//! imported as the same JSON.

use std::{collections::BTreeMap, rc::Rc};

use pyplay_content::ui::{Ui, fill};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// The one key progress lives under; a new schema gets a new key.
pub const KEY: &str = "pyplay:v1:progress";
/// What `version` an export carries.
const VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Attempted,
    Solved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    version: u32,
    /// Exercise and card ids; absent means not started.
    items: BTreeMap<String, Status>,
}

impl Default for Progress {
    fn default() -> Self {
        Self { version: VERSION, items: BTreeMap::new() }
    }
}

impl Progress {
    pub fn status(&self, id: &str) -> Option<Status> {
        self.items.get(id).copied()
    }

    pub fn solved(&self, id: &str) -> bool {
        self.status(id) == Some(Status::Solved)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("progress always serializes")
    }

    /// Reads an export; says why a file is not one.
    pub fn from_json(text: &str) -> Result<Self, ImportError> {
        let progress: Self =
            serde_json::from_str(text).map_err(|e| ImportError::NotAnExport(e.to_string()))?;
        if progress.version != VERSION {
            return Err(ImportError::Version(progress.version));
        }
        Ok(progress)
    }
}

/// Why a file is not a progress export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON of the export's shape; the parser's words.
    NotAnExport(String),
    /// An export of another version.
    Version(u32),
}

impl ImportError {
    #[must_use]
    pub fn message(&self, ui: &Ui) -> String {
        match self {
            Self::NotAnExport(why) => fill(ui.not_an_export, &[("error", why)]),
            Self::Version(found) => fill(ui.wrong_version, &[("found", found), ("expected", &VERSION)]),
        }
    }
}

pub enum ProgressAction {
    /// A try at `id`; `solved` is whether it succeeded. Solved stays solved.
    Record {
        id: String,
        solved: bool,
    },
    Replace(Progress),
    Reset,
}

impl Reducible for Progress {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        match action {
            ProgressAction::Record { id, solved } => {
                let status = if solved { Status::Solved } else { Status::Attempted };
                if self.status(&id) == Some(Status::Solved) || self.status(&id) == Some(status) {
                    return self;
                }
                let mut next = (*self).clone();
                next.items.insert(id, status);
                Rc::new(next)
            }
            ProgressAction::Replace(progress) => Rc::new(progress),
            ProgressAction::Reset => Rc::new(Self::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(p: Rc<Progress>, id: &str, solved: bool) -> Rc<Progress> {
        p.reduce(ProgressAction::Record { id: id.into(), solved })
    }

    #[test]
    fn attempts_become_solved_and_solved_stays_solved() {
        let p = record(Rc::new(Progress::default()), "lru", false);
        assert_eq!(p.status("lru"), Some(Status::Attempted));
        let p = record(p, "lru", true);
        let p = record(p, "lru", false);
        assert!(p.solved("lru"));
        assert_eq!(p.status("other"), None);
    }

    #[test]
    fn exports_round_trip_and_bad_files_are_refused() {
        let p = record(record(Rc::new(Progress::default()), "a", true), "b", false);
        let text = p.to_json();
        assert!(text.contains("\"version\": 1") && text.contains("\"a\": \"solved\""), "{text}");
        assert_eq!(Progress::from_json(&text).as_ref(), Ok(&*p));
        let en = |text| Progress::from_json(text).unwrap_err().message(&pyplay_content::ui::EN);
        assert!(en("{}").contains("not a progress export"));
        assert_eq!(
            en("{\"version\": 9, \"items\": {}}"),
            "This export has version 9; this site reads version 1."
        );
        let zh = Progress::from_json("{}").unwrap_err().message(&pyplay_content::ui::ZH);
        assert!(zh.starts_with("这个文件不是导出的学习进度（"), "{zh}");
        assert!(Progress::from_json("{\"version\": 1, \"items\": {\"a\": \"maybe\"}}").is_err());
        assert_eq!(Rc::new((*p).clone()).reduce(ProgressAction::Reset).status("a"), None);
    }
}
