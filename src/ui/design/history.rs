//! Undo and redo over document snapshots: one step per discrete edit (add,
//! delete, connect, a finished drag, a property edit, a target change).
//!
//! Snapshots are whole documents: simple and obviously correct, and cheap
//! at the sizes people draw (a thousand nodes is a few hundred kilobytes).

use crate::architecture::Architecture;

/// How many steps back are kept.
const LIMIT: usize = 200;

#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Architecture>,
    redo: Vec<Architecture>,
}

impl History {
    /// Remember `before`, the document as it was before an edit.
    pub fn record(&mut self, before: &Architecture) {
        if self.undo.last() == Some(before) {
            return;
        }
        self.undo.push(before.clone());
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Step back; returns false when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Architecture) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(doc, previous));
        true
    }

    /// Step forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Architecture) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(doc, next));
        true
    }

    /// Forget everything (a new or opened document).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::architecture::NodeKind;

    #[test]
    fn undo_and_redo_walk_the_edits_and_a_new_edit_drops_redo() {
        let mut doc = Architecture::new_empty("aws-lambda");
        let mut history = History::default();
        history.record(&doc);
        doc.add_node("a", (0.0, 0.0), NodeKind::function());
        history.record(&doc);
        doc.add_node("b", (0.0, 0.0), NodeKind::function());
        assert!(history.undo(&mut doc));
        assert_eq!(doc.nodes.len(), 1);
        assert!(history.undo(&mut doc));
        assert_eq!(doc.nodes.len(), 0);
        assert!(!history.undo(&mut doc));
        assert!(history.redo(&mut doc));
        assert_eq!(doc.nodes.len(), 1);
        history.record(&doc);
        doc.add_node("c", (0.0, 0.0), NodeKind::function());
        assert!(!history.can_redo());
        assert!(!history.redo(&mut doc));
    }
}
