//! The reader's language, and every text a reader sees in either one.
//! English stays in each item's own fields (`topic.title`, …); Chinese is
//! in its `zh` field; `texts(lang)` gives either in one shape, so a view
//! renders one language without matching on it. Code, outputs and checks
//! are shared: only prose is translated.

use crate::{Card, Chapter, Exercise, Prose, Snippet, Topic};

/// A language the whole site is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short code for URLs and storage: `en`, `zh`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`: screen readers and CJK font
    /// fallback pick Simplified Chinese from `zh-CN`.
    #[must_use]
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Where this language's pages live, relative to the site root: `""`
    /// for English, `"zh/"` for Chinese (`zh/enum/`, `zh/#/scratch`).
    #[must_use]
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Zh => "zh/",
        }
    }

    /// This language's home page, relative to the site root.
    #[must_use]
    pub fn home(self) -> &'static str {
        match self {
            Lang::En => "./",
            Lang::Zh => "zh/",
        }
    }

    /// The other language: where the switch leads.
    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The language's name in itself, for the switch.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// The language of a code or a browser language tag (`zh`, `zh-CN`,
    /// `zh-Hans`, `en-GB`, case-insensitive), by its primary subtag. Every
    /// Chinese tag gives [`Lang::Zh`]: a Traditional reader reads
    /// Simplified more easily than English.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }
}

/// A chapter's texts in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChapterTexts {
    pub title: &'static str,
}

/// A topic's texts in one language; see [`Topic`] for each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicTexts {
    pub title: &'static str,
    pub summary: &'static str,
    pub intro_html: Prose,
    #[cfg(feature = "search-text")]
    pub intro_text: &'static str,
    pub article_fixes_html: Option<Prose>,
    #[cfg(feature = "search-text")]
    pub article_fixes_text: Option<&'static str>,
    pub follow_ups_html: Option<Prose>,
    #[cfg(feature = "search-text")]
    pub follow_ups_text: Option<&'static str>,
}

/// A snippet's texts in one language; see [`Snippet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnippetTexts {
    pub title: &'static str,
    pub prose_html: Prose,
    #[cfg(feature = "search-text")]
    pub prose_text: &'static str,
    pub note: Option<&'static str>,
}

/// An exercise's texts in one language; see [`Exercise`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExerciseTexts {
    pub title: &'static str,
    pub statement_html: Prose,
    pub hints_html: &'static [Prose],
}

/// A card's texts in one language; see [`Card`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardTexts {
    pub title: &'static str,
    pub explanation_html: Prose,
}

impl Chapter {
    #[must_use]
    pub fn texts(&self, lang: Lang) -> ChapterTexts {
        match lang {
            Lang::En => ChapterTexts { title: self.title },
            Lang::Zh => self.zh,
        }
    }
}

impl Topic {
    #[must_use]
    pub fn texts(&self, lang: Lang) -> TopicTexts {
        match lang {
            Lang::En => TopicTexts {
                title: self.title,
                summary: self.summary,
                intro_html: self.intro_html,
                #[cfg(feature = "search-text")]
                intro_text: self.intro_text,
                article_fixes_html: self.article_fixes_html,
                #[cfg(feature = "search-text")]
                article_fixes_text: self.article_fixes_text,
                follow_ups_html: self.follow_ups_html,
                #[cfg(feature = "search-text")]
                follow_ups_text: self.follow_ups_text,
            },
            Lang::Zh => self.zh,
        }
    }
}

impl Snippet {
    #[must_use]
    pub fn texts(&self, lang: Lang) -> SnippetTexts {
        match lang {
            Lang::En => SnippetTexts {
                title: self.title,
                prose_html: self.prose_html,
                #[cfg(feature = "search-text")]
                prose_text: self.prose_text,
                note: self.note,
            },
            Lang::Zh => self.zh,
        }
    }
}

impl Exercise {
    #[must_use]
    pub fn texts(&self, lang: Lang) -> ExerciseTexts {
        match lang {
            Lang::En => ExerciseTexts {
                title: self.title,
                statement_html: self.statement_html,
                hints_html: self.hints_html,
            },
            Lang::Zh => self.zh,
        }
    }
}

impl Card {
    #[must_use]
    pub fn texts(&self, lang: Lang) -> CardTexts {
        match lang {
            Lang::En => CardTexts { title: self.title, explanation_html: self.explanation_html },
            Lang::Zh => self.zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_and_codes_name_a_language() {
        for (tag, lang) in [
            ("en", Lang::En),
            ("en-GB", Lang::En),
            ("zh", Lang::Zh),
            ("zh-CN", Lang::Zh),
            ("ZH-hans-cn", Lang::Zh),
            ("zh_TW", Lang::Zh),
        ] {
            assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
        }
        for other in ["", "fr", "z", "english"] {
            assert_eq!(Lang::from_tag(other), None, "{other}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
            assert_eq!(Lang::from_tag(lang.html_lang()), Some(lang));
        }
    }

    #[test]
    fn every_text_exists_in_both_languages_and_differs() {
        // build.rs refuses content without its Chinese; this checks the
        // statics carry it to the right item.
        for chapter in crate::CHAPTERS {
            assert_ne!(chapter.texts(Lang::Zh).title, chapter.texts(Lang::En).title);
            for topic in chapter.topics {
                let (en, zh) = (topic.texts(Lang::En), topic.texts(Lang::Zh));
                assert_eq!(en.title, topic.title);
                assert!(!zh.title.is_empty() && zh.intro_html.html() != en.intro_html.html(), "{}", topic.id);
                assert_eq!(zh.article_fixes_html.is_some(), en.article_fixes_html.is_some());
                assert_eq!(zh.follow_ups_html.is_some(), en.follow_ups_html.is_some());
                for s in topic.snippets {
                    assert!(s.texts(Lang::Zh).prose_html.html().starts_with('<'), "{}/{}", topic.id, s.id);
                    assert_eq!(s.texts(Lang::Zh).note.is_some(), s.note.is_some());
                }
                for e in topic.exercises {
                    assert_eq!(e.texts(Lang::Zh).hints_html.len(), e.hints_html.len());
                }
                for c in topic.cards {
                    assert_ne!(c.texts(Lang::Zh).explanation_html.html(), c.explanation_html.html());
                }
            }
        }
    }
}
