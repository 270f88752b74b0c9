//! The report a person takes to their physiotherapist: for a period, the
//! sessions against the weekly target week by week, the program as they
//! followed it (sets × reps, first and last load, what was varied or left
//! out), a series per exercise with the sessions where it brought on pain,
//! every stop for pain, the safety checks that kept them from training, and
//! their own notes. Numbers and dates only: nothing here interprets them.
//!
//! Plain Rust over the stored data; the time and the time zone come in as
//! arguments.

mod chart;
pub mod html;
#[cfg(test)]
mod tests;

use crate::{
    notes::Notes,
    prefs::Prefs,
    program::{self, CRITERIA},
    progress::{counts, week_start},
    screening::{ScreeningLog, local_day},
    session::{History, Phase, Session},
};

/// The span a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The last 28 days, today included.
    Weeks4,
    /// The last 84 days, today included.
    Weeks12,
    /// From the first session or check to today.
    Everything,
}

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Period; 3] = [Period::Weeks4, Period::Weeks12, Period::Everything];

    /// Its name on the screen.
    pub fn label(self) -> &'static str {
        match self {
            Period::Weeks4 => "Last 4 weeks",
            Period::Weeks12 => "Last 12 weeks",
            Period::Everything => "Everything",
        }
    }

    /// Its name on the buttons that choose it.
    pub fn short_label(self) -> &'static str {
        match self {
            Period::Weeks4 => "4 weeks",
            Period::Weeks12 => "12 weeks",
            Period::Everything => "All",
        }
    }

    /// Its id, for tests and the address (`?period=`).
    pub fn id(self) -> &'static str {
        match self {
            Period::Weeks4 => "4w",
            Period::Weeks12 => "12w",
            Period::Everything => "all",
        }
    }

    /// The period with this id.
    pub fn from_id(id: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.id() == id)
    }

    fn days(self) -> Option<i64> {
        match self {
            Period::Weeks4 => Some(28),
            Period::Weeks12 => Some(84),
            Period::Everything => None,
        }
    }
}

/// Sessions in one week of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekLine {
    /// Its Monday, as a local day number.
    pub start_day: i64,
    /// Sessions with at least one set done.
    pub sessions: u32,
}

/// What the person did on one day with one exercise, for its chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportPoint {
    /// The local day.
    pub day: i64,
    /// The heaviest load of a set done (kg), or, without loads, the reps of
    /// the best set.
    pub value: f32,
    /// The exercise brought on pain that day (a set logged with pain, or
    /// the exercise stopped for pain, or under way when the session was
    /// stopped).
    pub pain: bool,
}

/// One exercise of the program, as followed in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseLine {
    /// Its id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Sets × reps as last planned in the period ("5 × 15").
    pub sets_reps: Option<String>,
    /// Sessions in which at least one set of it was done.
    pub sessions: u32,
    /// Of those, the sessions where it brought on pain.
    pub pain_sessions: u32,
    /// True when loads are charted (kg); false when reps are.
    pub by_load: bool,
    /// The first and last point of the period.
    pub first: Option<ReportPoint>,
    /// See `first`.
    pub last: Option<ReportPoint>,
    /// The chart's points, oldest first: every session, or at most
    /// [`CHART_POINTS`] spans of days when there are more.
    pub points: Vec<ReportPoint>,
    /// Equipment used instead of the usual one, and on how many days.
    pub varied: Vec<(&'static str, u32)>,
    /// The person's gym lacks its machine (Settings → Your gym) and the
    /// source gives no other way: sessions leave it out.
    pub left_out: bool,
}

/// A stop for pain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainStop {
    /// The local day.
    pub day: i64,
    /// The exercise under way, if any.
    pub exercise: Option<&'static str>,
    /// What the person logged: the pain they entered, the symptoms they
    /// marked.
    pub felt: String,
    /// The whole session was stopped (F12), not just the exercise (F13).
    pub whole_session: bool,
}

/// A safety check that did not clear a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    /// The local day.
    pub day: i64,
    /// The questions answered "no".
    pub answered_no: Vec<&'static str>,
}

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The period asked for.
    pub period: Period,
    /// Its first local day.
    pub from_day: i64,
    /// Its last local day (today).
    pub to_day: i64,
    /// The weekly target from Settings.
    pub target: u8,
    /// Every week that overlaps the period, oldest first.
    pub weeks: Vec<WeekLine>,
    /// Sessions with at least one set done in the period.
    pub sessions: u32,
    /// Each exercise of the program, in session order.
    pub exercises: Vec<ExerciseLine>,
    /// Every stop for pain, oldest first.
    pub pain_stops: Vec<PainStop>,
    /// Safety checks that kept the person from training, oldest first.
    pub checks: Vec<CheckLine>,
    /// The person's notes, by exercise name, in session order.
    pub notes: Vec<(&'static str, String)>,
}

/// Everything the report needs from storage.
pub struct Sources<'a> {
    /// The sessions.
    pub history: &'a History,
    /// The safety checks.
    pub screening: &'a ScreeningLog,
    /// The notes.
    pub notes: &'a Notes,
    /// Settings: weekly target, missing machines.
    pub prefs: &'a Prefs,
}

/// Builds the report for `period`, ending today.
pub fn build(sources: &Sources, period: Period, now_ms: u64, utc_offset_min: i32) -> Report {
    let to_day = local_day(now_ms, utc_offset_min);
    let day_of = |at_ms: u64| local_day(at_ms, utc_offset_min);
    let from_day = match period.days() {
        Some(days) => to_day - days + 1,
        None => {
            let first_session = sources
                .history
                .sessions
                .iter()
                .map(|s| day_of(s.started_ms));
            let first_check = sources
                .screening
                .checks
                .iter()
                .map(|c| local_day(c.at_ms, c.utc_offset_min));
            first_session
                .chain(first_check)
                .min()
                .unwrap_or(to_day)
                .min(to_day)
        }
    };
    let in_period = |day: i64| (from_day..=to_day).contains(&day);
    let mut sessions: Vec<&Session> = sources
        .history
        .sessions
        .iter()
        .filter(|s| in_period(day_of(s.started_ms)))
        .collect();
    sessions.sort_by_key(|s| s.started_ms);

    let mut weeks: Vec<WeekLine> = Vec::new();
    let mut start = week_start(from_day);
    while start <= to_day {
        let n = sessions
            .iter()
            .filter(|s| counts(s) && (start..start + 7).contains(&day_of(s.started_ms)))
            .count();
        weeks.push(WeekLine {
            start_day: start,
            sessions: n as u32,
        });
        start += 7;
    }

    let exercises = program::session_order()
        .map(|exercise| exercise_line(exercise, &sessions, sources.prefs, &day_of))
        .collect();
    let pain_stops = sessions
        .iter()
        .flat_map(|s| pain_stops(s, &day_of))
        .collect();
    let checks = sources
        .screening
        .checks
        .iter()
        .filter(|c| !c.all_yes() && in_period(local_day(c.at_ms, c.utc_offset_min)))
        .map(|c| CheckLine {
            day: local_day(c.at_ms, c.utc_offset_min),
            answered_no: c.failed().map(|criterion| criterion.question).collect(),
        })
        .collect();
    let notes = program::session_order()
        .filter_map(|e| {
            let note = sources.notes.get(e.id).trim();
            (!note.is_empty()).then(|| (e.name, note.to_owned()))
        })
        .collect();
    Report {
        period,
        from_day,
        to_day,
        target: sources.prefs.weekly_target,
        sessions: sessions.iter().filter(|s| counts(s)).count() as u32,
        weeks,
        exercises,
        pain_stops,
        checks,
        notes,
    }
}

fn exercise_line(
    exercise: &'static program::Basics,
    sessions: &[&Session],
    prefs: &Prefs,
    day_of: &dyn Fn(u64) -> i64,
) -> ExerciseLine {
    let mut points = Vec::new();
    let mut sets_reps = None;
    let mut varied: Vec<(&'static str, u32)> = Vec::new();
    let by_load = sessions.iter().any(|s| {
        let items = s.items_of(exercise.id);
        s.sets
            .iter()
            .any(|set| set.done() && items.contains(&set.item) && set.load_kg.is_some())
    });
    for session in sessions {
        let items = session.items_of(exercise.id);
        let Some(&first_item) = items.first() else {
            continue;
        };
        let plan = &session.plan.items[first_item];
        sets_reps = Some(format!("{} × {}", plan.sets, plan.target_reps));
        let done: Vec<_> = session
            .sets
            .iter()
            .filter(|s| s.done() && items.contains(&s.item))
            .collect();
        if done.is_empty() {
            continue;
        }
        if plan.equipment != 0
            && let Some(equipment) = exercise.equipment.get(usize::from(plan.equipment))
        {
            let label = equipment.label();
            match varied.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => varied.push((label, 1)),
            }
        }
        let value = if by_load {
            done.iter()
                .filter_map(|s| s.load_kg)
                .fold(0.0_f32, f32::max)
        } else {
            done.iter()
                .map(|s| f32::from(s.reps))
                .fold(0.0_f32, f32::max)
        };
        let pain = items.iter().any(|&item| session.hurt_in(item));
        points.push(ReportPoint {
            day: day_of(session.started_ms),
            value,
            pain,
        });
    }
    let missing = prefs.missing_machines.contains(exercise.id);
    ExerciseLine {
        id: exercise.id,
        name: exercise.name,
        sets_reps,
        sessions: points.len() as u32,
        pain_sessions: points.iter().filter(|p| p.pain).count() as u32,
        by_load,
        first: points.first().cloned(),
        last: points.last().cloned(),
        points: thin(points, CHART_POINTS),
        varied,
        left_out: missing && exercise.without_machine().is_none(),
    }
}

/// Points a chart draws at most: on paper, more would be closer than a
/// millimetre apart.
pub const CHART_POINTS: usize = 90;

/// At most `max` points: neighbouring sessions are combined into equal
/// spans of days, each keeping its highest value, and the pain mark of any
/// session in it, so no session that brought on pain goes unmarked.
pub fn thin(points: Vec<ReportPoint>, max: usize) -> Vec<ReportPoint> {
    if points.len() <= max || max == 0 {
        return points;
    }
    let (first, last) = (points[0].day, points[points.len() - 1].day);
    let span = (last - first + 1) as f64 / max as f64;
    let mut out: Vec<ReportPoint> = Vec::with_capacity(max);
    let mut bucket = usize::MAX;
    for p in points {
        let b = (((p.day - first) as f64 / span) as usize).min(max - 1);
        match out.last_mut() {
            Some(q) if b == bucket => {
                q.value = q.value.max(p.value);
                q.pain |= p.pain;
                q.day = p.day;
            }
            _ => {
                bucket = b;
                out.push(p);
            }
        }
    }
    out
}

/// The stops for pain in one session: each exercise stopped (F13), then
/// the session itself if it was stopped (F12).
fn pain_stops(session: &Session, day_of: &dyn Fn(u64) -> i64) -> Vec<PainStop> {
    let day = day_of(session.started_ms);
    let name = |item: usize| {
        session
            .plan
            .items
            .get(item)
            .and_then(|i| program::basics(&i.exercise_id))
            .map(|e| e.name)
    };
    let mut stops: Vec<PainStop> = session
        .sets
        .iter()
        .filter(|s| s.hurt)
        .map(|s| PainStop {
            day,
            exercise: name(s.item),
            felt: match s.pain {
                Some(p) if p > 0 => format!("Pain {p} of 10 during set {}", s.set),
                _ => format!("Pain during set {}", s.set),
            },
            whole_session: false,
        })
        .collect();
    if let Phase::StoppedForPain { felt } = &session.phase {
        let felt = if felt.is_empty() {
            "Nothing marked".to_owned()
        } else {
            felt.iter()
                .map(|s| s.label())
                .collect::<Vec<_>>()
                .join(", ")
        };
        stops.push(PainStop {
            day,
            exercise: session.pain_item.and_then(name),
            felt,
            whole_session: true,
        });
    }
    stops
}

/// How many questions the safety check asks, for the report's wording.
pub const CHECK_QUESTIONS: usize = CRITERIA.len();
