//! Undo and redo over document snapshots, fed once per frame.
//!
//! Nothing records a step by hand: at the end of every frame the tab feeds
//! the document in, and when it differs from the last settled copy and no
//! gesture is under way (no button held, no text field focused), the settled
//! copy becomes one undo step. So a drag, a typed name, a pasted fragment or
//! any future gesture is one step without its author doing anything, in the
//! manner of egui's `Undoer`.
//!
//! Snapshots are whole documents: simple and obviously correct, and cheap
//! at the sizes people draw (a thousand nodes is a few hundred kilobytes).

use std::collections::VecDeque;

use crate::architecture::Architecture;

/// How many steps back are kept.
const LIMIT: usize = 200;

#[derive(Debug, Clone)]
pub struct History {
    undo: VecDeque<Architecture>,
    redo: Vec<Architecture>,
    /// The document when it was last at rest: what an undo returns to.
    settled: Architecture,
}

impl History {
    /// A history for a document as it is now.
    pub fn new(doc: &Architecture) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            settled: doc.clone(),
        }
    }

    /// Called once a frame. A change made while `gesture_active` waits for
    /// the gesture to end, so the whole gesture becomes one step.
    pub fn feed(&mut self, doc: &Architecture, gesture_active: bool) {
        if !gesture_active {
            self.settle(doc);
        }
    }

    /// Make any change since the last settled copy one undo step.
    fn settle(&mut self, doc: &Architecture) {
        if *doc == self.settled {
            return;
        }
        let before = std::mem::replace(&mut self.settled, doc.clone());
        if self.undo.len() == LIMIT {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Step back; returns false when there is nothing to undo. A change not
    /// yet settled (the frame's own) is settled first, so it is what undoes.
    pub fn undo(&mut self, doc: &mut Architecture) -> bool {
        self.settle(doc);
        let Some(previous) = self.undo.pop_back() else {
            return false;
        };
        self.redo.push(std::mem::replace(doc, previous));
        self.settled = doc.clone();
        true
    }

    /// Step forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Architecture) -> bool {
        self.settle(doc);
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push_back(std::mem::replace(doc, next));
        self.settled = doc.clone();
        true
    }

    /// Take a change that is not an edit (saving normalizes the order) as
    /// the settled state, without an undo step.
    pub fn absorb(&mut self, doc: &Architecture) {
        self.settled = doc.clone();
    }

    /// Forget everything and start from `doc` (a new or opened document).
    pub fn reset(&mut self, doc: &Architecture) {
        *self = History::new(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::NodeKind;

    #[test]
    fn undo_and_redo_walk_the_edits_and_a_new_edit_drops_redo() {
        let mut doc = Architecture::new_empty("aws-lambda");
        let mut history = History::new(&doc);
        doc.add_node("a", (0.0, 0.0), NodeKind::function());
        history.feed(&doc, false);
        doc.add_node("b", (0.0, 0.0), NodeKind::function());
        history.feed(&doc, false);
        assert!(history.undo(&mut doc));
        assert_eq!(doc.nodes.len(), 1);
        assert!(history.undo(&mut doc));
        assert_eq!(doc.nodes.len(), 0);
        assert!(!history.undo(&mut doc));
        assert!(history.redo(&mut doc));
        assert_eq!(doc.nodes.len(), 1);
        doc.add_node("c", (0.0, 0.0), NodeKind::function());
        history.feed(&doc, false);
        assert!(!history.can_redo());
        assert!(!history.redo(&mut doc));
    }

    #[test]
    fn a_gesture_is_one_step_however_many_frames_it_spans() {
        let mut doc = Architecture::new_empty("aws-lambda");
        let id = doc.add_node("a", (0.0, 0.0), NodeKind::function());
        let mut history = History::new(&doc);
        for _ in 0..5 {
            doc.move_nodes(&[id], (10.0, 0.0));
            history.feed(&doc, true);
        }
        assert!(!history.can_undo(), "nothing settles mid-gesture");
        history.feed(&doc, false);
        assert!(history.undo(&mut doc));
        assert_eq!(doc.node(id).map(|n| n.position), Some((0.0, 0.0)));
        assert!(!history.can_undo());
    }

    #[test]
    fn the_history_is_bounded_and_drops_the_oldest_step() {
        let mut doc = Architecture::new_empty("aws-lambda");
        let mut history = History::new(&doc);
        for i in 0..LIMIT + 10 {
            doc.name = format!("{i}");
            history.feed(&doc, false);
        }
        let mut steps = 0;
        while history.undo(&mut doc) {
            steps += 1;
        }
        assert_eq!(steps, LIMIT);
        assert_eq!(doc.name, "9", "the ten oldest steps were dropped");
    }
}
