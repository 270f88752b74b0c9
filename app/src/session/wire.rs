//! The compact stored form of the history (format 2). Three years of daily
//! sessions (about 600 sessions, 20,000 sets) must stay well under 1 MB of
//! localStorage, whose quota is about 5 MB for everything: so a set is a
//! short array of numbers instead of an object with named fields, times are
//! offsets from the session's start, and the plan, which is the same for
//! most sessions, is stored once and referred to by number.
//!
//! ```text
//! {"plans":[[["leg-press",5,15,40000,90,0],…]],
//!  "s":[["id",started_ms,duration_ms,plan,end,[felt],[sets],[skipped],pain_item],…]}
//! set: [item, set, reps, load_g, effort, pain, offset_ms, status]
//! ```
//! Loads are in grams (exact to the gram; no float text), effort 0 = not
//! said, 1 easy, 2 about right, 3 hard; pain -1 = not said; end 0 finished,
//! 1 stopped for pain, 2 incomplete; set status 0 done, 1 skipped, 2 done
//! and brought on pain (the exercise was stopped after it, F13), 3 not done
//! because the exercise had been stopped for pain (format 3; format 2 had
//! only 0 and 1, and reads the same).

use super::{Effort, LoadFrom, Phase, Plan, PlanItem, Session, SetLog, Symptom};
use serde::{Deserialize, Serialize};

/// A plan item: `[exercise, sets, target_reps, load_g (-1 none), rest_s, flags]`;
/// flags bit 0: sets and reps are our suggestion; bits 1–2: where the load
/// came from ([`LoadFrom`]); bits 3–7: the equipment it was done with
/// (format 3; format 2 wrote 0 or 1 only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemWire(String, u16, u16, i64, u32, u8);

/// A set: `[item, set, reps, load_g (-1 none), effort, pain (-1 none), offset_ms, status]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetWire(u16, u16, u16, i64, u8, i8, u64, u8);

/// A session: `[id, started_ms, duration_ms (-1 none), plan, end, felt, sets, skipped_items, pain_item (-1 none)]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionWire(
    String,
    u64,
    i64,
    usize,
    u8,
    Vec<u8>,
    Vec<SetWire>,
    Vec<u16>,
    i32,
);

/// The whole history as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HistoryWire {
    plans: Vec<Vec<ItemWire>>,
    s: Vec<SessionWire>,
}

fn grams(kg: Option<f32>) -> i64 {
    kg.map_or(-1, |kg| (f64::from(kg) * 1000.0).round() as i64)
}

fn kilograms(g: i64) -> Result<Option<f32>, String> {
    match g {
        -1 => Ok(None),
        0..=1_000_000 => Ok(Some((g as f64 / 1000.0) as f32)),
        _ => Err(format!("load {g} g is out of range")),
    }
}

const SYMPTOMS: [Symptom; 4] = [
    Symptom::Pain,
    Symptom::Radiating,
    Symptom::Numbness,
    Symptom::Tingling,
];

impl From<&[Session]> for HistoryWire {
    fn from(sessions: &[Session]) -> Self {
        let mut wire = HistoryWire::default();
        for session in sessions {
            let items: Vec<ItemWire> = session
                .plan
                .items
                .iter()
                .map(|i| {
                    ItemWire(
                        i.exercise_id.clone(),
                        i.sets,
                        i.target_reps,
                        grams(i.load_kg),
                        i.rest_s,
                        u8::from(i.suggested) | (i.load_from.code() << 1) | (i.equipment << 3),
                    )
                })
                .collect();
            let plan = match wire.plans.iter().position(|p| *p == items) {
                Some(index) => index,
                None => {
                    wire.plans.push(items);
                    wire.plans.len() - 1
                }
            };
            // The history holds ended sessions; anything else is kept as
            // incomplete rather than lost.
            let (end, felt) = match &session.phase {
                Phase::Finished => (0, Vec::new()),
                Phase::StoppedForPain { felt } => (
                    1,
                    felt.iter()
                        .filter_map(|f| SYMPTOMS.iter().position(|s| s == f))
                        .map(|i| i as u8)
                        .collect(),
                ),
                _ => (2, Vec::new()),
            };
            let sets = session
                .sets
                .iter()
                .map(|s| {
                    SetWire(
                        s.item as u16,
                        s.set,
                        s.reps,
                        grams(s.load_kg),
                        match s.effort {
                            None => 0,
                            Some(Effort::Easy) => 1,
                            Some(Effort::Right) => 2,
                            Some(Effort::Hard) => 3,
                        },
                        s.pain.map_or(-1, |p| p as i8),
                        s.at_ms.saturating_sub(session.started_ms),
                        match (s.skipped, s.hurt, s.stopped_for_pain) {
                            (true, _, _) => 1,
                            (_, true, _) => 2,
                            (_, _, true) => 3,
                            _ => 0,
                        },
                    )
                })
                .collect();
            wire.s.push(SessionWire(
                session.id.clone(),
                session.started_ms,
                session
                    .ended_ms
                    .map_or(-1, |e| e.saturating_sub(session.started_ms) as i64),
                plan,
                end,
                felt,
                sets,
                session.skipped_items.iter().map(|&i| i as u16).collect(),
                session.pain_item.map_or(-1, |i| i as i32),
            ));
        }
        wire
    }
}

impl TryFrom<HistoryWire> for Vec<Session> {
    type Error = String;

    /// Every reference and range is checked: a value that does not add up
    /// is refused as a whole (and then kept aside as unreadable), never
    /// half-read.
    fn try_from(wire: HistoryWire) -> Result<Self, String> {
        let plans: Vec<Plan> = wire
            .plans
            .into_iter()
            .map(|items| {
                let items = items
                    .into_iter()
                    .map(|ItemWire(id, sets, reps, load, rest, flags)| {
                        Ok(PlanItem {
                            exercise_id: id,
                            sets,
                            target_reps: reps,
                            load_kg: kilograms(load)?,
                            rest_s: rest,
                            suggested: flags & 1 != 0,
                            load_from: LoadFrom::from_code((flags >> 1) & 0b11)
                                .ok_or_else(|| format!("unknown plan flags {flags}"))?,
                            equipment: flags >> 3,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(Plan { items })
            })
            .collect::<Result<_, String>>()?;
        wire.s
            .into_iter()
            .map(
                |SessionWire(id, started, duration, plan, end, felt, sets, skipped, pain_item)| {
                    let plan = plans
                        .get(plan)
                        .cloned()
                        .ok_or_else(|| format!("session {id}: no plan {plan}"))?;
                    let n_items = plan.items.len();
                    let phase = match end {
                        0 => Phase::Finished,
                        1 => Phase::StoppedForPain {
                            felt: felt
                                .iter()
                                .map(|&f| {
                                    SYMPTOMS
                                        .get(usize::from(f))
                                        .copied()
                                        .ok_or_else(|| format!("unknown symptom {f}"))
                                })
                                .collect::<Result<_, String>>()?,
                        },
                        2 => Phase::Incomplete,
                        other => return Err(format!("session {id}: unknown ending {other}")),
                    };
                    let sets = sets
                        .into_iter()
                        .map(
                            |SetWire(item, set, reps, load, effort, pain, offset, skipped)| {
                                if usize::from(item) >= n_items {
                                    return Err(format!(
                                        "session {id}: set of unknown item {item}"
                                    ));
                                }
                                Ok(SetLog {
                                    item: usize::from(item),
                                    set,
                                    reps,
                                    load_kg: kilograms(load)?,
                                    effort: match effort {
                                        0 => None,
                                        1 => Some(Effort::Easy),
                                        2 => Some(Effort::Right),
                                        3 => Some(Effort::Hard),
                                        other => return Err(format!("unknown effort {other}")),
                                    },
                                    pain: match pain {
                                        -1 => None,
                                        0..=10 => Some(pain as u8),
                                        other => {
                                            return Err(format!("pain {other} is not 0 to 10"));
                                        }
                                    },
                                    at_ms: started.saturating_add(offset),
                                    skipped: skipped == 1,
                                    hurt: skipped == 2,
                                    stopped_for_pain: match skipped {
                                        0..=2 => false,
                                        3 => true,
                                        other => {
                                            return Err(format!("unknown set status {other}"));
                                        }
                                    },
                                })
                            },
                        )
                        .collect::<Result<_, String>>()?;
                    let skipped_items = skipped.iter().map(|&i| usize::from(i)).collect();
                    Ok(Session {
                        id,
                        plan,
                        started_ms: started,
                        ended_ms: (duration >= 0).then(|| started.saturating_add(duration as u64)),
                        phase,
                        sets,
                        skipped_items,
                        pain_item: usize::try_from(pain_item).ok().filter(|&i| i < n_items),
                    })
                },
            )
            .collect()
    }
}
