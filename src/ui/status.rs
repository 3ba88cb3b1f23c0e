//! Status messages: every view pushes what it has to say to one queue, the
//! app shows the newest in the status bar and keeps the others in a short
//! log, so a message is never dropped because another came in the same frame.

use std::collections::VecDeque;

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
}

impl StatusMessage {
    pub fn ok(text: impl Into<String>) -> Self {
        StatusMessage {
            text: text.into(),
            is_error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        StatusMessage {
            text: text.into(),
            is_error: true,
        }
    }
}

/// Messages pushed this frame, waiting for the app to show them.
#[derive(Debug, Default)]
pub struct Messages {
    queue: Vec<StatusMessage>,
}

impl Messages {
    pub fn push(&mut self, message: StatusMessage) {
        self.queue.push(message);
    }

    pub fn ok(&mut self, text: impl Into<String>) {
        self.push(StatusMessage::ok(text));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(StatusMessage::error(text));
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The newest message not yet shown.
    pub fn latest(&self) -> Option<&StatusMessage> {
        self.queue.last()
    }

    /// Everything pushed since the last call, oldest first.
    pub fn drain(&mut self) -> std::vec::Drain<'_, StatusMessage> {
        self.queue.drain(..)
    }
}

/// How many past messages the status bar's log keeps.
pub const LOG_LIMIT: usize = 50;

/// The messages shown so far, newest last, bounded.
#[derive(Debug, Default)]
pub struct Log {
    entries: VecDeque<StatusMessage>,
}

impl Log {
    pub fn add(&mut self, message: StatusMessage) {
        if self.entries.len() == LOG_LIMIT {
            self.entries.pop_front();
        }
        self.entries.push_back(message);
    }

    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &StatusMessage> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_pushed_in_one_frame_all_reach_the_log_in_order() {
        let mut messages = Messages::default();
        messages.ok("first");
        messages.error("second");
        assert_eq!(messages.latest(), Some(&StatusMessage::error("second")));
        let mut log = Log::default();
        for message in messages.drain() {
            log.add(message);
        }
        assert!(messages.is_empty());
        let texts: Vec<&str> = log.entries().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["first", "second"]);
    }

    #[test]
    fn the_log_keeps_only_the_newest_messages() {
        let mut log = Log::default();
        for i in 0..LOG_LIMIT + 5 {
            log.add(StatusMessage::ok(format!("{i}")));
        }
        assert_eq!(log.len(), LOG_LIMIT);
        assert_eq!(log.entries().next().map(|m| m.text.as_str()), Some("5"));
    }
}
