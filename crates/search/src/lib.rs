//! Search across every topic: titles, prose and code, in English and
//! Chinese. The inverted index is built from the compiled lessons at build
//! time (`src/bin/search-index.rs` writes it to a file), and the app fetches
//! that file only when the reader first searches: neither the index nor the
//! work of building it is in the app's wasm. A query costs a binary search
//! per word. Chinese is indexed by characters and pairs of neighbouring
//! characters, since it has no spaces between words.

mod file;
#[cfg(not(target_arch = "wasm32"))]
mod indexer;
mod text;

pub use file::Damaged;
use pyplay_content::{Lang, Snippet, Topic};
pub use text::{query_tokens, tokens};

/// One searchable unit, a topic's intro or one snippet, by position in
/// `pyplay_content::topics()`: the text itself is not copied into the index.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Doc {
    topic: usize,
    /// `None` for the topic's intro.
    snippet: Option<usize>,
}

impl Doc {
    fn get(self) -> Option<(&'static Topic, Option<&'static Snippet>)> {
        let (_, topic) = pyplay_content::topics().nth(self.topic)?;
        match self.snippet {
            None => Some((topic, None)),
            Some(s) => Some((topic, Some(topic.snippets.get(s)?))),
        }
    }
}

/// The index's file name, relative to the site root.
pub const FILE: &str = "search-index.bin";

/// (document index, occurrences in title, prose, code).
type Posting = (u16, u8, u8, u8);

/// The inverted index: every word of every document, sorted, with where it
/// occurs. Documents are named by topic and snippet id in the file, so an
/// index from another build finds what still exists (`docs` holds `None`
/// for the rest).
#[derive(Debug, PartialEq)]
pub struct Index {
    docs: Vec<Option<Doc>>,
    /// Sorted by word, so a prefix is a contiguous range (binary search).
    terms: Vec<(Box<str>, Vec<Posting>)>,
}

impl Index {
    /// The postings of every indexed word `word` matches: itself, and (for
    /// the word being typed, `prefix`) every word it begins.
    fn matching<'a>(&'a self, word: &'a str, prefix: bool) -> impl Iterator<Item = (bool, &'a [Posting])> {
        let start = self.terms.partition_point(|(t, _)| &**t < word);
        let take_prefix = prefix && word.chars().count() >= MIN_PREFIX;
        self.terms[start..]
            .iter()
            .take_while(move |(t, _)| if take_prefix { t.starts_with(word) } else { &**t == word })
            .map(move |(t, p)| (&**t == word, p.as_slice()))
    }

    /// [`Index::search_in`] English.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_in(query, Lang::En)
    }

    /// Every document matching all words of `query`, in either language,
    /// best first, with titles and excerpts in `lang`. The last word also
    /// matches as a prefix (results while typing); a title match outweighs
    /// prose, prose outweighs code, and rare words outweigh common ones.
    #[must_use]
    pub fn search_in(&self, query: &str, lang: Lang) -> Vec<Hit> {
        let words = query_tokens(query);
        // Parts of a_b are implied by a_b itself; keep the query as typed.
        let words: Vec<&String> = words
            .iter()
            .filter(|w| {
                !words.iter().any(|o| o != *w && o.contains('_') && o.split('_').any(|p| p == w.as_str()))
            })
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let n = self.docs.len() as f32;
        let mut scores: Vec<Option<f32>> = vec![Some(0.0); self.docs.len()];
        for (i, word) in words.iter().enumerate() {
            let last = i + 1 == words.len();
            let mut this = vec![0.0_f32; self.docs.len()];
            for (exact, postings) in self.matching(word, last) {
                let idf = (n / postings.len() as f32).ln() + 1.0;
                let boost = if exact { 2.0 } else { 1.0 };
                for &(doc, title, prose, code) in postings {
                    let tf = 10.0 * f32::from(title.min(3))
                        + 3.0 * f32::from(prose.min(5))
                        + f32::from(code.min(5));
                    this[usize::from(doc)] += tf * idf * boost;
                }
            }
            for (score, add) in scores.iter_mut().zip(this) {
                *score = match *score {
                    Some(s) if add > 0.0 => Some(s + add),
                    _ => None,
                };
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .zip(&self.docs)
            .filter_map(|(score, doc)| Some((score?, doc.and_then(Doc::get)?)))
            .map(|(score, (topic, snippet))| {
                let topic_title = topic.texts(lang).title;
                let title_in = |l| snippet.map_or(topic.texts(l).title, |s| s.texts(l).title);
                let coverage =
                    Lang::ALL.map(|l| title_coverage(query, title_in(l))).into_iter().fold(0.0, f32::max);
                Hit {
                    topic: topic.id,
                    snippet: snippet.map(|s| s.id),
                    title: title_in(lang),
                    topic_title,
                    excerpt: excerpt(
                        &text::shown_prose(topic, snippet, lang),
                        snippet.map_or("", |s| s.code),
                        &words,
                    ),
                    score: score * (1.0 + coverage),
                    lang,
                }
            })
            .collect();
        // Stable: equal scores keep reading order.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits
    }
}

/// A ranked result, its texts in the language asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub topic: &'static str,
    pub snippet: Option<&'static str>,
    pub title: &'static str,
    pub topic_title: &'static str,
    /// A short piece of prose (or a code line) around the first match.
    pub excerpt: String,
    pub score: f32,
    /// The language asked for: the result's page is in it.
    pub lang: Lang,
}

impl Hit {
    /// The page of the result in its language, relative to the site root:
    /// `topic/` or `topic/#snippet` (under `zh/` in Chinese).
    #[must_use]
    pub fn href(&self) -> String {
        match self.snippet {
            Some(s) => pyplay_content::item_path(self.lang, self.topic, s),
            None => pyplay_content::page_path(self.lang, self.topic),
        }
    }
}

/// Words shorter than this are matched exactly, not as prefixes: "a" would
/// otherwise match half the index.
const MIN_PREFIX: usize = 2;

/// How much of `title` the whole query is, if the title contains it: of
/// two titles naming "生成器", "迭代器与生成器" is about it more than
/// "用 yield from 委托给子生成器" is. Word scores alone cannot tell, since
/// Chinese words are not delimited.
fn title_coverage(query: &str, title: &str) -> f32 {
    let (query, title) = (query.trim().to_lowercase(), title.to_lowercase());
    if query.is_empty() || !title.contains(&query) {
        return 0.0;
    }
    query.chars().count() as f32 / title.chars().count() as f32
}

/// About this many characters of context around a match.
const EXCERPT: usize = 140;

/// The prose around the first word found (or the code line holding it),
/// else the start of the prose.
fn excerpt(prose: &str, code: &str, words: &[&String]) -> String {
    // ASCII lowercasing keeps byte offsets, so a find maps back to the original.
    let lower = prose.to_ascii_lowercase();
    let found = words.iter().filter_map(|w| find_word(&lower, w)).min();
    if let Some(at) = found {
        return window(prose, at);
    }
    let original = code;
    let code = code.to_ascii_lowercase();
    if let Some(at) = words.iter().filter_map(|w| code.find(w.as_str())).min() {
        let start = code[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = code[at..].find('\n').map_or(code.len(), |i| at + i);
        return shorten(original[start..end].trim(), EXCERPT);
    }
    shorten(prose, EXCERPT)
}

/// The first place `word` starts a word of `text`; Chinese, which has no
/// word boundaries, anywhere.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let anywhere = word.starts_with(text::is_cjk);
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        anywhere || !text[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() && !text::is_cjk(c))
    })
}

/// About EXCERPT characters of `text` with the match near the start, cut at spaces.
fn window(text: &str, at: usize) -> String {
    let mut start = nth_column(text[..at].char_indices().rev(), 40).unwrap_or(0);
    if start > 0 {
        start = text[start..at].find(' ').map_or(start, |s| start + s + 1);
    }
    let body = shorten(&text[start..], EXCERPT);
    if start > 0 { format!("…{body}") } else { body }
}

/// At most about `max` columns, cut after a whole word, with "…" if cut.
fn shorten(text: &str, max: usize) -> String {
    match nth_column(text.char_indices(), max) {
        None => text.to_string(),
        Some(end) => {
            let cut = text[..end].rfind(' ').filter(|&i| i > end / 2).unwrap_or(end);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

/// The offset of the first character past `columns` columns, counting a
/// CJK character (or full-width punctuation) as two: Chinese excerpts are
/// then as wide on screen as English ones.
fn nth_column(mut chars: impl Iterator<Item = (usize, char)>, columns: usize) -> Option<usize> {
    let mut used = 0;
    chars.find_map(|(i, c)| {
        let wide = text::is_cjk(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c);
        used += if wide { 2 } else { 1 };
        (used > columns).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> &'static Index {
        static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
        INDEX.get_or_init(Index::build)
    }

    fn search(query: &str) -> Vec<Hit> {
        index().search(query)
    }

    fn search_in(query: &str, lang: Lang) -> Vec<Hit> {
        index().search_in(query, lang)
    }

    #[test]
    fn prose_is_the_plain_text_pyplay_content_made_from_the_markdown() {
        // Markup dropped and entities decoded: pyplay-content's build tests
        // hold the Markdown-to-text rule itself.
        for (_, topic) in pyplay_content::topics() {
            for lang in Lang::ALL {
                let t = topic.texts(lang);
                let intro = indexer::prose(topic, None, lang);
                assert!(intro.starts_with(&format!("{} {}", t.summary, t.intro_text)), "{intro}");
                // Excerpts in the app, made from the HTML, show the same text.
                assert_eq!(text::shown_prose(topic, None, lang), intro);
                for s in topic.snippets {
                    let prose = indexer::prose(topic, Some(s), lang);
                    assert!(prose.starts_with(s.texts(lang).prose_text) && !prose.contains("</"), "{prose}");
                    assert_eq!(text::shown_prose(topic, Some(s), lang), prose);
                }
            }
        }
    }

    #[test]
    fn tokens_are_lowercase_words_and_identifier_parts() {
        assert_eq!(tokens("Heapq.heappush(x)"), ["heapq", "heappush", "x"]);
        assert_eq!(tokens("__init__ lru_cache"), ["init", "lru", "cache", "lru_cache"]);
        assert_eq!(tokens("  ,. "), Vec::<String>::new());
        assert_eq!(tokens("Ünïcode"), ["ünïcode"]);
    }

    #[test]
    fn chinese_is_indexed_by_characters_and_pairs_and_queried_by_pairs() {
        assert_eq!(tokens("用asyncio写协程。"), ["用", "asyncio", "写", "协", "程", "写协", "协程"]);
        assert_eq!(tokens("生成器"), ["生", "成", "器", "生成", "成器"]);
        assert_eq!(query_tokens("生成器 yield"), ["生成", "成器", "yield"]);
        assert_eq!(query_tokens("锁"), ["锁"]);
        assert_eq!(query_tokens("lru_cache，缓存"), ["lru", "cache", "lru_cache", "缓存"]);
    }

    /// The topic of each of the first `n` hits.
    fn top_topics(query: &str, n: usize) -> Vec<&'static str> {
        search_in(query, Lang::Zh).iter().take(n).map(|h| h.topic).collect()
    }

    #[test]
    fn a_chinese_query_finds_its_topic() {
        assert_eq!(
            top_topics("生成器", 1),
            ["generators-and-iterators"],
            "{:#?}",
            search_in("生成器", Lang::Zh)
        );
        // The decorator topics, as "decorator" finds them in English.
        let english: Vec<_> = search("decorator").iter().take(4).map(|h| h.topic).collect();
        assert_eq!(top_topics("装饰器", 4), english);
        assert_eq!(english[0], "singleton");
        let deadlock = search_in("死锁", Lang::Zh);
        assert!(deadlock.iter().any(|h| h.topic == "asyncio-streams-and-locks"), "{deadlock:#?}");
        assert!(search_in("元类", Lang::Zh)[0].topic == "metaclasses");
        // Mixed with English, and one character at a time as it is typed.
        assert!(search_in("asyncio 死锁", Lang::Zh).iter().any(|h| h.topic == "asyncio-streams-and-locks"));
        assert!(!search_in("锁", Lang::Zh).is_empty());
        assert!(search_in("生成器 zzzzqqq", Lang::Zh).is_empty());
    }

    #[test]
    fn hits_speak_the_language_asked_for_whatever_the_query() {
        let (zh, en) = (search_in("生成器", Lang::Zh), search_in("生成器", Lang::En));
        assert_eq!(zh.len(), en.len());
        let (_, topic) = pyplay_content::topic("generators-and-iterators").unwrap();
        assert_eq!(zh[0].topic_title, topic.texts(Lang::Zh).title);
        assert_eq!(en[0].topic_title, topic.title);
        assert!(zh[0].excerpt.contains("生成器"), "{}", zh[0].excerpt);
        // An English query finds the same topic, described in Chinese.
        let hits = search_in("metaclasses", Lang::Zh);
        assert_eq!(hits[0].topic, "metaclasses");
        assert!(hits[0].title.contains("元类"), "{}", hits[0].title);
    }

    #[test]
    fn every_topic_and_snippet_is_indexed() {
        let docs: usize = pyplay_content::topics().map(|(_, t)| t.snippets.len() + 1).sum();
        let index = index();
        assert_eq!(index.docs.len(), docs);
        assert!(index.terms.windows(2).all(|w| w[0].0 < w[1].0), "terms are sorted and unique");
        assert!(index.docs.iter().flatten().all(|d| d.get().unwrap().1.is_some() == d.snippet.is_some()));
    }

    #[test]
    fn a_word_only_in_prose_finds_its_topic() {
        // "acknowledging" is in the TCP and UDP topic's prose only.
        let hits = search("acknowledging");
        assert_eq!(hits.len(), 1, "{hits:#?}");
        assert!(hits[0].excerpt.contains("acknowledging"), "{}", hits[0].excerpt);
    }

    #[test]
    fn a_title_word_ranks_its_topic_first() {
        let hits = search("metaclasses");
        assert_eq!(hits[0].topic, "metaclasses", "{hits:#?}");
    }

    #[test]
    fn code_is_searched() {
        let hits = search("heappush");
        assert!(hits.iter().any(|h| h.snippet.is_some() && h.topic == "sorting-and-heapq"), "{hits:#?}");
    }

    #[test]
    fn all_words_must_match_and_the_last_is_a_prefix() {
        let all = search("heap");
        assert!(!all.is_empty());
        // "heap" is a prefix of heapq/heappush: more than exact would find.
        assert!(search("hea").len() >= all.len());
        let both = search("heapq sorted");
        assert!(!both.is_empty() && both.len() <= all.len());
        assert!(search("heapq zzzzqqq").is_empty());
        assert!(search("").is_empty());
        assert!(search("  !! ").is_empty());
    }

    #[test]
    fn results_are_ranked_and_link_to_their_snippet() {
        let hits = search("generator");
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        for h in &hits {
            let href = h.href();
            assert!(href.starts_with(&format!("{}/", h.topic)));
            assert_eq!(href.contains('#'), h.snippet.is_some());
        }
        let zh = &search_in("生成器", Lang::Zh)[0];
        assert!(zh.href().starts_with(&format!("zh/{}/", zh.topic)), "{}", zh.href());
    }

    #[test]
    fn excerpts_show_the_match_and_stay_short() {
        for h in search("coroutine") {
            assert!(h.excerpt.chars().count() <= EXCERPT + 2, "{}", h.excerpt);
            assert!(!h.excerpt.contains('<'), "no HTML left: {}", h.excerpt);
        }
        for h in search_in("生成器", Lang::Zh) {
            assert!(nth_column(h.excerpt.char_indices(), EXCERPT + 2).is_none(), "{}", h.excerpt);
        }
        let h = &search("heappush")[0];
        assert!(h.excerpt.to_lowercase().contains("heappush"), "{}", h.excerpt);
    }

    #[test]
    fn shorten_and_window_respect_char_boundaries() {
        let text = "é".repeat(500);
        assert_eq!(shorten(&text, 10).chars().count(), 11);
        let w = window(&text, 400);
        assert!(w.starts_with('…'));
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("生成器是一种迭代器", 6), "生成器…");
    }
}
