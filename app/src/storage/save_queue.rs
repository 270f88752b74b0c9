//! The order in which saves that wait wait (see `state::reading`).

use std::collections::VecDeque;

/// Stores whose save waits, by storage key: oldest first, each once. A
/// store saved again while it waits moves to the back, since what is saved
/// is its latest value and it must land after the saves made before that.
/// (A finished session goes to the history, then the running one is
/// cleared: the history must reach storage first.)
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SaveQueue(VecDeque<&'static str>);

impl SaveQueue {
    /// An empty queue.
    pub const fn new() -> Self {
        SaveQueue(VecDeque::new())
    }

    /// Adds `key` at the back (moving it there if it waits already).
    /// True when the queue was empty: nothing runs the saves yet.
    pub fn push(&mut self, key: &'static str) -> bool {
        let was_empty = self.0.is_empty();
        self.0.retain(|k| *k != key);
        self.0.push_back(key);
        was_empty
    }

    /// The oldest waiting save, taken off the queue.
    pub fn pop(&mut self) -> Option<&'static str> {
        self.0.pop_front()
    }

    /// True when `key`'s store has a save waiting.
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains(&key)
    }

    /// True when no save waits.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::SaveQueue;

    fn drain(queue: &mut SaveQueue) -> Vec<&'static str> {
        std::iter::from_fn(|| queue.pop()).collect()
    }

    #[test]
    fn saves_run_in_the_order_they_were_made_each_store_once() {
        let mut queue = SaveQueue::new();
        assert!(queue.push("history"), "the first save starts a run");
        assert!(!queue.push("active"), "a run is under way");
        assert!(queue.contains("history") && queue.contains("active"));
        assert!(!queue.contains("prefs"));
        assert_eq!(drain(&mut queue), ["history", "active"]);
        assert!(queue.is_empty());
        assert!(queue.push("prefs"), "empty again: a new run starts");
    }

    #[test]
    fn a_store_saved_again_moves_behind_the_saves_made_meanwhile() {
        let mut queue = SaveQueue::new();
        queue.push("active");
        queue.push("history");
        // The session ends: the history was saved, then the running
        // session cleared. Its latest value must land after the history.
        assert!(!queue.push("active"));
        assert_eq!(drain(&mut queue), ["history", "active"]);
    }

    #[test]
    fn a_save_made_while_the_last_one_runs_starts_again() {
        let mut queue = SaveQueue::new();
        queue.push("notes");
        assert_eq!(queue.pop(), Some("notes"));
        // The run took the last one; a save now must start a run of its own.
        assert!(queue.push("notes"));
        assert_eq!(drain(&mut queue), ["notes"]);
    }
}
