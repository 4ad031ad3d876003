//! Words that both the app and the static pages written at build time
//! (`src/bin/pages.rs`) show: one copy of each, so the page a reader sees
//! before the app loads says what the app then says.

pub const SITE_NAME: &str = "Python Playground";
/// The site in one sentence: the home page's meta description.
pub const SITE_DESCRIPTION: &str =
    "Learn Python by running it: lessons with editable examples, executed in your browser by RustPython.";
/// The home page's opening paragraph.
pub const LEDE: &str = "Python interview topics, each as short prose next to code you can edit and run. \
    Python runs in your browser (RustPython compiled to WebAssembly): nothing is sent to a \
    server, and once loaded the site works offline. Practise with exercises that check your \
    code and cards that ask you to predict what code prints.";
pub const MENU: &str = "Menu";
/// The language switch's name, the same in both languages: a reader who
/// cannot read the page can still find it.
pub const LANGUAGE: &str = "Language / 语言";
/// The search box's label, and what it shows when empty.
pub const SEARCH_LABEL: &str = "Search the lessons";
pub const SEARCH_PLACEHOLDER: &str = "Search  /";
pub const SCRATCHPAD: &str = "Scratchpad";
pub const PROGRESS: &str = "Progress";
/// The label of the table of contents.
pub const TOPICS: &str = "Topics";
pub const PREVIOUS_AND_NEXT: &str = "Previous and next topic";
pub const COURSE_MAP: &str = "Course map";
pub const START: &str = "Start at the beginning";
pub const PRACTICE: &str = "Practice";
pub const FOLLOW_UPS: &str = "Follow-up questions";
pub const ARTICLE_FIXES: &str = "Where the source article was wrong";
/// Before a snippet's `differs` reason.
pub const DIFFERS: &str = "Here the output differs from CPython's: ";
/// Before a predict-the-output card's title.
pub const CARD: &str = "Predict the output: ";
/// Before an exercise's title.
pub const EXERCISE: &str = "Exercise: ";
