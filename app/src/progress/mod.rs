//! What the history adds up to: sessions by week, consistency against the
//! weekly target, per-exercise series for the charts, and the next-load
//! suggestion. Plain Rust over the stored history; the time and the time
//! zone come in as arguments (instants are stored in UTC and shown local).

pub(crate) mod chart;
pub mod html;
mod suggest;
#[cfg(test)]
mod tests;

pub use suggest::{Advice, Reason, Suggestion, next_load};

use crate::{
    screening::local_day,
    session::{History, Phase, Session},
};

/// Monday of a local day's week, as a day number (1970-01-01, day 0, was a
/// Thursday, so day 4 was a Monday).
pub fn week_start(day: i64) -> i64 {
    (day - 4).div_euclid(7) * 7 + 4
}

/// The calendar date of a day number: (year, month 1–12, day 1–31).
/// Howard Hinnant's `civil_from_days`, valid for any day of the proleptic
/// Gregorian calendar.
pub fn civil(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// "Mon 3 Nov 2025".
pub fn date_label(day: i64) -> String {
    let (y, m, d) = civil(day);
    let weekday = WEEKDAYS[(day - 4).rem_euclid(7) as usize];
    format!("{weekday} {d} {} {y}", MONTHS[m as usize - 1])
}

/// "3 Nov".
pub fn short_date(day: i64) -> String {
    let (_, m, d) = civil(day);
    format!("{d} {}", MONTHS[m as usize - 1])
}

/// "3 Nov 2025".
pub fn short_date_year(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{d} {} {y}", MONTHS[m as usize - 1])
}

/// "2026-11-25", for file names and the CSV.
pub fn iso_date(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// True when a session counts towards consistency: at least one set done.
pub fn counts(session: &Session) -> bool {
    session.sets.iter().any(|s| s.done())
}

/// How a session ended, for its mark in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done as planned, or ended early by the user.
    Finished,
    /// Stopped because something hurt.
    StoppedForPain,
    /// Left unfinished and closed later.
    Incomplete,
}

impl Outcome {
    /// Of a session.
    pub fn of(session: &Session) -> Outcome {
        match session.phase {
            Phase::StoppedForPain { .. } => Outcome::StoppedForPain,
            Phase::Incomplete => Outcome::Incomplete,
            _ => Outcome::Finished,
        }
    }
}

/// The sessions of one week, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekOfSessions<'a> {
    /// The Monday, as a local day number.
    pub start_day: i64,
    /// Newest first.
    pub sessions: Vec<&'a Session>,
}

/// The history by local week, newest week first.
pub fn by_week(history: &History, utc_offset_min: i32) -> Vec<WeekOfSessions<'_>> {
    let mut weeks: Vec<WeekOfSessions<'_>> = Vec::new();
    for session in history.sessions.iter().rev() {
        let start_day = week_start(local_day(session.started_ms, utc_offset_min));
        match weeks.last_mut() {
            Some(week) if week.start_day == start_day => week.sessions.push(session),
            _ => weeks.push(WeekOfSessions {
                start_day,
                sessions: vec![session],
            }),
        }
    }
    weeks
}

/// Weeks shown in the calendar.
pub const CALENDAR_WEEKS: usize = 12;

/// One week of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarWeek {
    /// The Monday, as a local day number.
    pub start_day: i64,
    /// Sessions on each day, Monday first.
    pub days: [u8; 7],
    /// Sessions in the week reached the target.
    pub on_target: bool,
}

/// Consistency against the weekly target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consistency {
    /// Sessions so far this week.
    pub this_week: u32,
    /// The target.
    pub target: u8,
    /// Weeks in a row on target, up to this one (this week counts once it
    /// is on target; until then the streak runs to last week).
    pub streak_weeks: u32,
    /// The last [`CALENDAR_WEEKS`] weeks, oldest first, this week last.
    pub calendar: Vec<CalendarWeek>,
    /// The local day number of today.
    pub today: i64,
}

/// Counts sessions per local week and day up to `now_ms`.
pub fn consistency(history: &History, now_ms: u64, utc_offset_min: i32, target: u8) -> Consistency {
    use std::collections::BTreeMap;
    let today = local_day(now_ms, utc_offset_min);
    let mut per_day: BTreeMap<i64, u8> = BTreeMap::new();
    for session in history.sessions.iter().filter(|s| counts(s)) {
        let day = local_day(session.started_ms, utc_offset_min);
        if day <= today {
            let n = per_day.entry(day).or_default();
            *n = n.saturating_add(1);
        }
    }
    let week_total = |start: i64| -> u32 {
        per_day
            .range(start..start + 7)
            .map(|(_, n)| u32::from(*n))
            .sum()
    };
    let this_start = week_start(today);
    let target_n = u32::from(target.max(1));
    let this_week = week_total(this_start);
    let mut streak_weeks = u32::from(this_week >= target_n);
    let first_day = per_day.keys().next().copied().unwrap_or(today);
    let mut start = this_start - 7;
    while start + 6 >= first_day && week_total(start) >= target_n {
        streak_weeks += 1;
        start -= 7;
    }
    let calendar = (0..CALENDAR_WEEKS as i64)
        .rev()
        .map(|back| {
            let start_day = this_start - back * 7;
            let mut days = [0u8; 7];
            for (i, day) in days.iter_mut().enumerate() {
                *day = per_day.get(&(start_day + i as i64)).copied().unwrap_or(0);
            }
            CalendarWeek {
                start_day,
                days,
                on_target: week_total(start_day) >= target_n,
            }
        })
        .collect();
    Consistency {
        this_week,
        target,
        streak_weeks,
        calendar,
        today,
    }
}

/// One session's work on one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// When the session started.
    pub at_ms: u64,
    /// The heaviest load of a set done, if loads were logged.
    pub working_load_kg: Option<f32>,
    /// Reps × load over the sets done, in kg.
    pub volume_kg: f32,
    /// Reps over the sets done.
    pub reps: u32,
    /// The highest pain reported on this exercise, if any was.
    pub max_pain: Option<u8>,
}

/// The heaviest of some loads, if there are any.
pub(crate) fn heaviest(loads: impl Iterator<Item = f32>) -> Option<f32> {
    loads.fold(None, |max, l| Some(max.map_or(l, |m: f32| m.max(l))))
}

/// Every session's work on `exercise_id`, oldest first (sessions where no
/// set of it was done are left out).
pub fn exercise_series(history: &History, exercise_id: &str) -> Vec<Point> {
    history
        .sessions
        .iter()
        .filter_map(|session| {
            let items = session.items_of(exercise_id);
            let sets: Vec<_> = session
                .sets
                .iter()
                .filter(|s| s.done() && items.contains(&s.item))
                .collect();
            if sets.is_empty() {
                return None;
            }
            Some(Point {
                at_ms: session.started_ms,
                working_load_kg: sets
                    .iter()
                    .filter_map(|s| s.load_kg)
                    .fold(None, |max: Option<f32>, l| {
                        Some(max.map_or(l, |m| m.max(l)))
                    }),
                volume_kg: sets
                    .iter()
                    .map(|s| f32::from(s.reps) * s.load_kg.unwrap_or(0.0))
                    .sum(),
                reps: sets.iter().map(|s| u32::from(s.reps)).sum(),
                max_pain: sets.iter().filter_map(|s| s.pain).max(),
            })
        })
        .collect()
}

/// At most `max` points for a chart: when there are more sessions than a
/// phone screen can show apart, neighbouring ones are combined into equal
/// spans of time (heaviest load, average volume and reps, highest pain), so
/// the chart keeps its shape and stays quick to draw.
pub fn downsample(points: &[Point], max: usize) -> Vec<Point> {
    if points.len() <= max || max == 0 {
        return points.to_vec();
    }
    let (first, last) = (points[0].at_ms, points[points.len() - 1].at_ms);
    let span = (last - first).max(1);
    let mut buckets: Vec<Vec<&Point>> = vec![Vec::new(); max];
    for p in points {
        let i = (((p.at_ms - first) as u128 * max as u128) / (span as u128 + 1)) as usize;
        buckets[i.min(max - 1)].push(p);
    }
    buckets
        .into_iter()
        .filter(|b| !b.is_empty())
        .map(|b| {
            let n = b.len() as f32;
            Point {
                at_ms: b[b.len() - 1].at_ms,
                working_load_kg: heaviest(b.iter().filter_map(|p| p.working_load_kg)),
                volume_kg: b.iter().map(|p| p.volume_kg).sum::<f32>() / n,
                reps: (b.iter().map(|p| p.reps).sum::<u32>() as f32 / n).round() as u32,
                max_pain: b.iter().filter_map(|p| p.max_pain).max(),
            }
        })
        .collect()
}
