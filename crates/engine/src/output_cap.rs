//! A run's output, bounded in bytes before it leaves the engine: one
//! `print("x" * 10**8)` must not be copied, posted and laid out whole.
//!
//! The first [`HEAD_BYTES`] pass straight through, as they are written.
//! After that, output is counted, not sent, except the last [`TAIL_BYTES`],
//! which are kept and sent when the run ends, after an
//! [`OutputEvent::Skipped`] with the total left out: the reader sees how a
//! run began and how it ended, as a terminal's scrollback would show it.

use std::collections::VecDeque;

use crate::{OutputEvent, Stream};

/// Output a run may stream to the host ([`pyplay_protocol::OUTPUT_HEAD_BYTES`]).
pub const HEAD_BYTES: usize = pyplay_protocol::OUTPUT_HEAD_BYTES as usize;
/// The end of a run's output, kept once the head is used up.
pub const TAIL_BYTES: usize = pyplay_protocol::OUTPUT_TAIL_BYTES as usize;
/// While skipping, the host hears the running total about this often.
const REPORT_EVERY: u64 = 1 << 20;

#[derive(Debug)]
pub(crate) struct OutputCap {
    head_left: usize,
    skipped: u64,
    reported: u64,
    tail: VecDeque<(Stream, String)>,
    tail_bytes: usize,
    muted: bool,
}

impl Default for OutputCap {
    fn default() -> Self {
        Self {
            head_left: HEAD_BYTES,
            skipped: 0,
            reported: 0,
            tail: VecDeque::new(),
            tail_bytes: 0,
            muted: false,
        }
    }
}

impl OutputCap {
    /// Passes `text` on through `out` while the head lasts; keeps the rest
    /// for the tail.
    pub(crate) fn write(&mut self, stream: Stream, text: &str, out: &mut dyn FnMut(OutputEvent<'_>)) {
        if self.muted {
            return;
        }
        let head = floor_char_boundary(text, self.head_left);
        if head > 0 {
            self.head_left -= head;
            out(OutputEvent::Write(stream, &text[..head]));
        }
        if head == text.len() {
            return;
        }
        // Past the head: nothing more reaches the host until the run ends.
        self.head_left = 0;
        self.keep_tail(stream, &text[head..]);
        if self.skipped >= self.reported + REPORT_EVERY || (self.reported == 0 && self.skipped > 0) {
            self.reported = self.skipped;
            out(OutputEvent::Skipped(self.skipped));
        }
    }

    fn keep_tail(&mut self, stream: Stream, text: &str) {
        // Only the last TAIL_BYTES of a huge write can survive: skip the rest unseen.
        let start = ceil_char_boundary(text, text.len().saturating_sub(TAIL_BYTES));
        self.skipped += start as u64;
        let text = &text[start..];
        match self.tail.back_mut() {
            Some((last, buf)) if *last == stream => buf.push_str(text),
            _ => self.tail.push_back((stream, text.to_owned())),
        }
        self.tail_bytes += text.len();
        while self.tail_bytes > TAIL_BYTES {
            let excess = self.tail_bytes - TAIL_BYTES;
            let Some((_, front)) = self.tail.front_mut() else { break };
            if front.len() <= excess {
                self.tail_bytes -= front.len();
                self.skipped += front.len() as u64;
                self.tail.pop_front();
            } else {
                let cut = ceil_char_boundary(front, excess);
                front.drain(..cut);
                self.tail_bytes -= cut;
                self.skipped += cut as u64;
            }
        }
    }

    /// Drops everything written from now on, unseen and uncounted.
    pub(crate) fn mute(&mut self) {
        self.muted = true;
    }

    /// At the end of the run: the final count of what was left out, then
    /// the kept tail. Nothing if the head was never used up.
    pub(crate) fn finish(&mut self, out: &mut dyn FnMut(OutputEvent<'_>)) {
        if self.tail.is_empty() && self.skipped == 0 {
            return;
        }
        out(OutputEvent::Skipped(self.skipped));
        for (stream, text) in self.tail.drain(..) {
            out(OutputEvent::Write(stream, &text));
        }
        self.tail_bytes = 0;
    }
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

fn ceil_char_boundary(text: &str, at: usize) -> usize {
    (at..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Seen {
        Text(Stream, String),
        Skipped(u64),
    }

    fn run(writes: &[(Stream, &str)]) -> Vec<Seen> {
        let mut cap = OutputCap::default();
        let mut seen = Vec::new();
        let mut out = |event: OutputEvent<'_>| match event {
            OutputEvent::Write(stream, text) => match seen.last_mut() {
                Some(Seen::Text(last, buf)) if *last == stream => buf.push_str(text),
                _ => seen.push(Seen::Text(stream, text.to_owned())),
            },
            OutputEvent::Skipped(n) => seen.push(Seen::Skipped(n)),
            OutputEvent::Flush | OutputEvent::Pause(_) => {}
        };
        for (stream, text) in writes {
            cap.write(*stream, text, &mut out);
        }
        cap.finish(&mut out);
        seen
    }

    #[test]
    fn small_output_passes_unchanged() {
        let seen = run(&[(Stream::Stdout, "a\n"), (Stream::Stderr, "b\n")]);
        assert_eq!(
            seen,
            [Seen::Text(Stream::Stdout, "a\n".into()), Seen::Text(Stream::Stderr, "b\n".into())]
        );
    }

    #[test]
    fn one_huge_line_is_cut_into_head_and_tail() {
        let huge = "x".repeat(10 * HEAD_BYTES);
        let seen = run(&[(Stream::Stdout, &huge), (Stream::Stdout, "\n")]);
        let sent: usize = seen.iter().map(|s| if let Seen::Text(_, t) = s { t.len() } else { 0 }).sum();
        assert_eq!(sent, HEAD_BYTES + TAIL_BYTES);
        let skipped = (10 * HEAD_BYTES - HEAD_BYTES - TAIL_BYTES + 1) as u64;
        assert_eq!(seen[1], Seen::Skipped(skipped - 1), "reported as soon as skipping starts");
        assert_eq!(seen[seen.len() - 2], Seen::Skipped(skipped), "the final count");
        let Seen::Text(_, tail) = seen.last().unwrap() else { panic!("tail last") };
        assert_eq!(tail.len(), TAIL_BYTES);
        assert!(tail.ends_with("x\n"));
    }

    #[test]
    fn many_lines_keep_the_first_and_the_last() {
        let lines: Vec<String> = (0..300_000).map(|i| format!("{i}\n")).collect();
        let writes: Vec<_> = lines.iter().map(|l| (Stream::Stdout, l.as_str())).collect();
        let seen = run(&writes);
        let Seen::Text(_, first) = &seen[0] else { panic!() };
        assert!(first.starts_with("0\n1\n"));
        let Seen::Text(_, last) = seen.last().unwrap() else { panic!() };
        assert!(last.ends_with("299999\n"));
        let total: u64 = lines.iter().map(|l| l.len() as u64).sum();
        let Some(Seen::Skipped(skipped)) = seen.iter().rev().find(|s| matches!(s, Seen::Skipped(_))) else {
            panic!()
        };
        assert_eq!(*skipped, total - (HEAD_BYTES + TAIL_BYTES) as u64);
        // Running totals are reported while skipping, not on every write.
        let reports = seen.iter().filter(|s| matches!(s, Seen::Skipped(_))).count();
        assert!(reports < 10, "{reports} reports");
    }

    #[test]
    fn cuts_never_split_a_character() {
        let wide = "é".repeat(HEAD_BYTES); // two bytes each
        let seen = run(&[(Stream::Stdout, "x"), (Stream::Stdout, &wide)]);
        for s in &seen {
            if let Seen::Text(_, t) = s {
                assert!(t.chars().all(|c| c == 'x' || c == 'é'));
            }
        }
    }
}
