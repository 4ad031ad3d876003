//! A run's output, posted in batches: one message per `print` would flood
//! the page. Clock and sink are injected, so the batching rules are tested
//! natively.

use pyplay_protocol::{FromWorker, RunId, Stream};

/// A batch is posted once it holds this much text…
pub const FLUSH_BYTES: usize = 16 * 1024;
/// …or when a write comes this long after the last post, so the first line
/// of a run shows even if the program then loops without printing.
pub const FLUSH_MS: f64 = 50.0;

pub struct Batcher<Clock, Sink> {
    id: RunId,
    stream: Stream,
    text: String,
    last_flush: f64,
    clock: Clock,
    sink: Sink,
}

impl<Clock: FnMut() -> f64, Sink: FnMut(FromWorker)> Batcher<Clock, Sink> {
    pub fn new(id: RunId, clock: Clock, sink: Sink) -> Self {
        Self { id, stream: Stream::Stdout, text: String::new(), last_flush: f64::NEG_INFINITY, clock, sink }
    }

    /// Adds text, in order: a change of stream posts what came before.
    pub fn push(&mut self, stream: Stream, text: &str) {
        if stream != self.stream {
            self.flush();
            self.stream = stream;
        }
        self.text.push_str(text);
        if self.text.len() >= FLUSH_BYTES || (self.clock)() - self.last_flush >= FLUSH_MS {
            self.flush();
        }
    }

    /// Posts what is batched now.
    pub fn flush(&mut self) {
        self.last_flush = (self.clock)();
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        (self.sink)(FromWorker::Output { id: self.id, stream: self.stream, text });
    }

    /// Posts a message of the run after what is batched, keeping the order.
    pub fn post_after(&mut self, msg: FromWorker) {
        self.flush();
        (self.sink)(msg);
    }
}

#[cfg(test)]
mod tests {
    use std::{cell::RefCell, rc::Rc};

    use super::*;

    type Posted = Rc<RefCell<Vec<FromWorker>>>;

    fn batcher(now: Rc<RefCell<f64>>) -> (Batcher<impl FnMut() -> f64, impl FnMut(FromWorker)>, Posted) {
        let posted = Posted::default();
        let sink = posted.clone();
        (Batcher::new(7, move || *now.borrow(), move |msg| sink.borrow_mut().push(msg)), posted)
    }

    fn texts(posted: &Posted) -> Vec<(Stream, String)> {
        posted
            .borrow()
            .iter()
            .filter_map(|m| match m {
                FromWorker::Output { id: 7, stream, text } => Some((*stream, text.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_first_write_goes_at_once_then_writes_batch_until_time_passes() {
        let now = Rc::new(RefCell::new(0.0));
        let (mut b, posted) = batcher(now.clone());
        b.push(Stream::Stdout, "a\n");
        b.push(Stream::Stdout, "b\n");
        b.push(Stream::Stdout, "c\n");
        assert_eq!(texts(&posted), [(Stream::Stdout, "a\n".into())]);
        *now.borrow_mut() = FLUSH_MS;
        b.push(Stream::Stdout, "d\n");
        assert_eq!(texts(&posted), [(Stream::Stdout, "a\n".into()), (Stream::Stdout, "b\nc\nd\n".into())]);
    }

    #[test]
    fn a_full_batch_goes_without_waiting() {
        let now = Rc::new(RefCell::new(0.0));
        let (mut b, posted) = batcher(now);
        b.push(Stream::Stdout, "");
        b.push(Stream::Stdout, &"x".repeat(FLUSH_BYTES));
        assert_eq!(texts(&posted).len(), 1);
        assert_eq!(texts(&posted)[0].1.len(), FLUSH_BYTES);
    }

    #[test]
    fn streams_and_other_messages_keep_their_order() {
        let now = Rc::new(RefCell::new(0.0));
        let (mut b, posted) = batcher(now);
        b.push(Stream::Stdout, "");
        b.push(Stream::Stdout, "out");
        b.push(Stream::Stderr, "err");
        b.post_after(FromWorker::Skipped { id: 7, bytes: 5 });
        b.push(Stream::Stderr, "tail");
        b.flush();
        let posted = posted.borrow();
        assert_eq!(posted.len(), 4, "{posted:?}");
        assert!(
            matches!(&posted[0], FromWorker::Output { stream: Stream::Stdout, text, .. } if text == "out")
        );
        assert!(
            matches!(&posted[1], FromWorker::Output { stream: Stream::Stderr, text, .. } if text == "err")
        );
        assert_eq!(posted[2], FromWorker::Skipped { id: 7, bytes: 5 });
        assert!(matches!(&posted[3], FromWorker::Output { text, .. } if text == "tail"));
    }
}
