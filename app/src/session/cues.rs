//! When the rest timer gives its cues: a short one 3 s before a rest ends,
//! a long one when it runs out, nothing when the rest is skipped. A pure
//! decision over what the screen shows and the time, so it is tested here
//! and the runner only plays the sound.

/// How long before the end of a rest the first cue comes.
pub const WARN_BEFORE_MS: u64 = 3_000;

/// A cue to give now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The rest ends in 3 s (short).
    Soon,
    /// The rest is over (long).
    Over,
}

/// What the cue logic remembers between frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CueState {
    /// The deadline of the rest being watched.
    watched: Option<u64>,
    /// The 3 s cue has been given for it.
    warned: bool,
}

impl CueState {
    /// Looks at the frame: `rest_until` is the deadline of the rest on
    /// screen (`None` when no rest is). Returns the cue to give, if any.
    pub fn step(&mut self, rest_until: Option<u64>, now_ms: u64) -> Option<Cue> {
        match (rest_until, self.watched) {
            (Some(until), watched) => {
                // A new or moved deadline (+15 s / −15 s) may warn again.
                if watched != Some(until) {
                    *self = CueState {
                        watched: Some(until),
                        warned: false,
                    };
                }
                if !self.warned && until.saturating_sub(now_ms) <= WARN_BEFORE_MS {
                    self.warned = true;
                    return Some(Cue::Soon);
                }
                None
            }
            (None, Some(until)) => {
                // The rest has gone: it ran out (cue) or was skipped (quiet).
                *self = CueState::default();
                (now_ms >= until).then_some(Cue::Over)
            }
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rest_that_runs_out_cues_at_3_s_and_at_the_end() {
        let mut s = CueState::default();
        assert_eq!(s.step(Some(10_000), 0), None);
        assert_eq!(s.step(Some(10_000), 6_999), None);
        assert_eq!(s.step(Some(10_000), 7_000), Some(Cue::Soon));
        assert_eq!(s.step(Some(10_000), 8_000), None, "once only");
        assert_eq!(s.step(None, 10_000), Some(Cue::Over));
        assert_eq!(s.step(None, 10_100), None);
    }

    #[test]
    fn a_skipped_rest_is_quiet() {
        let mut s = CueState::default();
        s.step(Some(60_000), 0);
        assert_eq!(s.step(None, 5_000), None);
    }

    #[test]
    fn a_lengthened_rest_warns_again() {
        let mut s = CueState::default();
        assert_eq!(s.step(Some(10_000), 8_000), Some(Cue::Soon));
        assert_eq!(s.step(Some(25_000), 8_100), None);
        assert_eq!(s.step(Some(25_000), 22_000), Some(Cue::Soon));
    }

    #[test]
    fn a_rest_found_already_over_after_a_reload_gives_no_early_cue() {
        let mut s = CueState::default();
        // First frame after a reload lands 1 s before the end: one cue.
        assert_eq!(s.step(Some(10_000), 9_000), Some(Cue::Soon));
        assert_eq!(s.step(None, 10_000), Some(Cue::Over));
    }
}
