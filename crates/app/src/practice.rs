//! The practice items of the course (cards, then exercises, topic by
//! topic), counted against the reader's progress.

use pyplay_content::{Chapter, Lang, Topic};

use crate::progress::Progress;

/// One card or exercise, where it lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub topic: &'static Topic,
    pub id: &'static str,
    pub exercise: bool,
}

impl Item {
    pub fn href(&self, lang: Lang) -> String {
        pyplay_content::item_path(lang, self.topic.id, self.id)
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        let card = self.topic.cards.iter().find(|c| c.id == self.id).map(|c| c.texts(lang).title);
        let exercise = || self.topic.exercises.iter().find(|e| e.id == self.id).map(|e| e.texts(lang).title);
        card.or_else(exercise).unwrap_or(self.id)
    }
}

/// Every item of a chapter, in reading order.
pub fn items(chapter: &'static Chapter) -> impl Iterator<Item = Item> {
    chapter.topics.iter().flat_map(|topic| {
        let cards = topic.cards.iter().map(move |c| Item { topic, id: c.id, exercise: false });
        cards.chain(topic.exercises.iter().map(move |e| Item { topic, id: e.id, exercise: true }))
    })
}

/// Solved and total, of exercises and of cards.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub exercises: (usize, usize),
    pub cards: (usize, usize),
}

pub fn tally(chapter: &'static Chapter, progress: &Progress) -> Tally {
    items(chapter).fold(Tally::default(), |mut t, item| {
        let count = if item.exercise { &mut t.exercises } else { &mut t.cards };
        count.0 += usize::from(progress.solved(item.id));
        count.1 += 1;
        t
    })
}

/// The first item not yet solved, in course order.
pub fn next(progress: &Progress) -> Option<Item> {
    pyplay_content::CHAPTERS.iter().flat_map(items).find(|item| !progress.solved(item.id))
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::Reducible;

    use super::*;
    use crate::progress::ProgressAction;

    #[test]
    fn every_chapter_has_exercises_and_next_moves_on() {
        for chapter in pyplay_content::CHAPTERS {
            assert!(tally(chapter, &Progress::default()).exercises.1 > 0, "{} has no exercises", chapter.id);
        }
        let first = next(&Progress::default()).expect("there is practice");
        let p =
            Rc::new(Progress::default()).reduce(ProgressAction::Record { id: first.id.into(), solved: true });
        assert_ne!(next(&p).map(|i| i.id), Some(first.id));
        let chapter = pyplay_content::CHAPTERS.iter().find(|c| items(c).any(|i| i.id == first.id)).unwrap();
        let t = tally(chapter, &p);
        assert_eq!(t.exercises.0 + t.cards.0, 1);
    }
}
