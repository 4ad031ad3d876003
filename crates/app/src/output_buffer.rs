//! A run's output, bounded: a program that prints a million lines must not
//! make the page hold (or lay out) a million lines.

use std::collections::VecDeque;

use pyplay_content::ui::{Ui, fill};
use pyplay_protocol::Stream;

/// Lines kept on screen; older ones are dropped and counted.
pub const MAX_LINES: usize = 1000;

/// Output chunks in the order written, adjacent writes to one stream merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutputBuffer {
    chunks: VecDeque<(Stream, String)>,
    lines: usize,
    dropped: usize,
    /// Bytes the worker left out (over its output limit).
    skipped: u64,
}

impl OutputBuffer {
    pub fn push(&mut self, stream: Stream, text: &str) {
        match self.chunks.back_mut() {
            Some((last, buf)) if *last == stream => buf.push_str(text),
            _ => self.chunks.push_back((stream, text.to_string())),
        }
        self.lines += text.matches('\n').count();
        self.trim();
    }

    /// Drops whole lines from the front until at most [`MAX_LINES`] remain.
    fn trim(&mut self) {
        while self.lines > MAX_LINES {
            let excess = self.lines - MAX_LINES;
            let Some((_, front)) = self.chunks.front_mut() else { break };
            match front.match_indices('\n').nth(excess - 1) {
                Some((at, _)) => {
                    front.drain(..=at);
                    self.lines -= excess;
                    self.dropped += excess;
                    if front.is_empty() {
                        self.chunks.pop_front();
                    }
                }
                None => {
                    let whole = front.matches('\n').count();
                    self.chunks.pop_front();
                    self.lines -= whole;
                    self.dropped += whole;
                }
            }
        }
    }

    pub fn chunks(&self) -> impl Iterator<Item = &(Stream, String)> {
        self.chunks.iter()
    }

    /// How many lines were written but are no longer kept.
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The worker's running total of output it left out.
    pub fn set_skipped(&mut self, bytes: u64) {
        self.skipped = bytes;
    }

    pub fn skipped(&self) -> u64 {
        self.skipped
    }
}

/// A byte count for people: `1.5 MB`, `812 KB`, `20 bytes`.
pub fn human_bytes(bytes: u64, ui: &Ui) -> String {
    const KB: u64 = 1000;
    match bytes {
        0..KB => fill(ui.bytes, &[("n", &bytes)]),
        KB..1_000_000 => format!("{} KB", bytes / KB),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use pyplay_content::ui::{EN, ZH};

    use super::*;

    fn text(buf: &OutputBuffer) -> String {
        buf.chunks().map(|(_, t)| t.as_str()).collect()
    }

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(human_bytes(20, &EN), "20 bytes");
        assert_eq!(human_bytes(20, &ZH), "20 字节");
        assert_eq!(human_bytes(812_345, &EN), "812 KB");
        assert_eq!(human_bytes(95_420_000, &ZH), "95.4 MB");
    }

    #[test]
    fn merges_writes_to_the_same_stream() {
        let mut buf = OutputBuffer::default();
        buf.push(Stream::Stdout, "a");
        buf.push(Stream::Stdout, "b\n");
        buf.push(Stream::Stderr, "c\n");
        buf.push(Stream::Stdout, "d\n");
        let streams: Vec<_> = buf.chunks().map(|(s, _)| *s).collect();
        assert_eq!(streams, [Stream::Stdout, Stream::Stderr, Stream::Stdout]);
        assert_eq!(text(&buf), "ab\nc\nd\n");
        assert_eq!(buf.dropped(), 0);
    }

    #[test]
    fn keeps_only_the_last_lines() {
        let mut buf = OutputBuffer::default();
        for i in 0..MAX_LINES + 250 {
            buf.push(if i % 7 == 0 { Stream::Stderr } else { Stream::Stdout }, &format!("{i}\n"));
        }
        assert_eq!(buf.dropped(), 250);
        let kept = text(&buf);
        assert_eq!(kept.lines().count(), MAX_LINES);
        assert!(kept.starts_with("250\n"), "{}", &kept[..20]);
        assert!(kept.ends_with(&format!("{}\n", MAX_LINES + 249)));
    }

    #[test]
    fn trims_inside_one_huge_chunk() {
        let mut buf = OutputBuffer::default();
        let big: String = (0..5000).map(|i| format!("{i}\n")).collect();
        buf.push(Stream::Stdout, &big);
        assert_eq!(buf.dropped(), 4000);
        assert!(text(&buf).starts_with("4000\n"));
    }
}
