//! The screens of a session under way as HTML text ([`crate::markup`]):
//! warm-up, set, rest, paused, and the summary when it ends.
//!
//! Why text: the runner builds one of these at a time and changes only a
//! few values in it (a stepper's number, the countdown, which effort is
//! pressed), so a `view!` per element would cost the download its build,
//! mount and hydrate code for text that never changes. The buttons name
//! what they do (`data-tap`, [`Tap`](crate::session::screen::Tap); the
//! steppers `data-step` and `data-by`), and the runner's one click handler
//! acts on them. The countdown's digits and its `data-until` are the
//! runner's to write, on every frame.

use crate::{
    markup::Markup,
    program::{self, name_of},
    session::{
        LoadFrom, Phase, Session, Symptom, active_time_label,
        screen::{EFFORTS, Field, Screen, SetEntry, SetTarget, clock, felt},
    },
    ui::art::exercise_svg,
    units::Unit,
};

/// The markup of `screen` (empty for the safety check, which the runner
/// shows itself).
pub fn screen(screen: &Screen, prompts: bool, unit: Unit) -> String {
    let mut m = Markup::default();
    match screen {
        Screen::Check => {}
        Screen::WarmUp => warm_up(&mut m),
        Screen::Set(target, hurt) => set(&mut m, target, prompts, *hurt, unit),
        Screen::Rest { next, stopped, .. } => rest(&mut m, next, stopped.as_deref()),
        Screen::Paused { left_ms, what } => paused(&mut m, what, *left_ms),
        Screen::Ended(session) => ended(&mut m, session, unit),
    }
    m.finish()
}

/// A button of the session: `tap` is what it does.
fn button(m: &mut Markup, class: &str, testid: &str, tap: &str, label: &str) {
    m.element(
        "button",
        &[
            ("type", &"button"),
            ("class", &class),
            ("data-testid", &testid),
            ("data-tap", &tap),
        ],
        label,
    );
}

/// A screen's heading: the person lands on it (focus) when the screen opens.
fn title(m: &mut Markup, tag: &str, text: impl std::fmt::Display) {
    m.element(
        tag,
        &[("data-screen-title", &""), ("tabindex", &"-1")],
        text,
    );
}

const HUGE: &str = "button button-primary button-huge";

fn warm_up(m: &mut Markup) {
    m.open(
        "section",
        &[("class", &"panel"), ("data-testid", &"warm-up")],
    );
    title(m, "h2", "Warm-up");
    m.raw(
        "<p>Foam roll, stretch gently, and do the shoulder rotations: \
         <a href=\"/warm-up\">the warm-up steps</a>.</p>",
    );
    button(
        m,
        HUGE,
        "start-first-set",
        "start",
        "Warm-up done: first set",
    );
    m.close("section");
}

/// A small label after a figure, such as "suggested".
fn tag(m: &mut Markup, testid: Option<&str>, text: &str) {
    match testid {
        Some(id) => m.element("span", &[("class", &"tag"), ("data-testid", &id)], text),
        None => m.element("span", &[("class", &"tag")], text),
    };
}

/// One set: what to do, and one big button to log it. Reps and load are
/// adjusted with steppers; effort and pain are optional. What to do and
/// the two actions come first, the adjust controls just before them (so
/// "Set done" follows them when they are open), the cue and the drawing
/// after.
fn set(m: &mut Markup, target: &SetTarget, prompts: bool, hurt_last_time: bool, unit: Unit) {
    let exercise = target.exercise;
    let entry = SetEntry::new(target);
    let first_time = target.first_time();
    m.open(
        "section",
        &[
            ("class", &"set"),
            ("data-testid", &"set"),
            ("data-exercise", &exercise.id),
            ("data-set", &target.set),
        ],
    );
    m.element(
        "h2",
        &[
            ("class", &"set-exercise"),
            ("data-screen-title", &""),
            ("tabindex", &"-1"),
        ],
        exercise.name,
    );
    m.open("p", &[("class", &"set-line")]);
    m.open(
        "span",
        &[("class", &"set-count"), ("data-testid", &"set-count")],
    )
    .text(format_args!("Set {} of {}", target.set, target.sets));
    if target.suggested {
        tag(m, None, "suggested");
    }
    m.close("span").text(" · ");
    m.open(
        "span",
        &[("class", &"set-target"), ("data-testid", &"set-target")],
    );
    // The runner rewrites this part as the load stepper moves.
    m.element(
        "span",
        &[("data-target-text", &"")],
        entry.target_text(target.reps, unit),
    );
    if target.set == 1 && target.load_kg.is_some() {
        let from = match target.load_from {
            LoadFrom::Suggested => Some("the app's suggestion"),
            LoadFrom::LastTime => Some("as last time"),
            LoadFrom::HalfBodyWeight => Some("half your body weight"),
            LoadFrom::Unknown => None,
        };
        if let Some(from) = from {
            tag(m, Some("load-from"), from);
        }
    }
    m.close("span").close("p");
    if let Some(with) = target.instead {
        m.element(
            "p",
            &[("class", &"hint"), ("data-testid", &"instead")],
            format_args!(
                "Today with: {with}, one of the program's own ways. The usual way is the machine."
            ),
        );
    }
    let load = |m: &mut Markup| stepper(m, &entry, Field::Load, "Load", unit);
    if first_time {
        m.open(
            "div",
            &[("class", &"find-load"), ("data-testid", &"find-load")],
        );
        m.raw("<p><strong>First time: </strong>").text(
            if exercise.limits.start_at_half_body_weight {
                "start at half your body weight (the program)."
            } else {
                "start light, with reps to spare (the app's advice)."
            },
        );
        m.close("p");
        load(m);
        m.close("div");
    }
    if hurt_last_time {
        m.element(
            "p",
            &[("class", &"caution"), ("data-testid", &"hurt-last-time")],
            "It brought on pain last time: go lighter, and stop it at once if pain comes back.",
        );
    }
    m.raw("<details class=\"set-details\"><summary>Adjust reps, load, effort, pain</summary>");
    stepper(m, &entry, Field::Reps, "Reps", unit);
    if !first_time {
        load(m);
    }
    m.raw(
        "<p class=\"field-label\" id=\"effort-label\">How hard was it? (optional)</p>\
         <div class=\"choice-group\" role=\"group\" aria-labelledby=\"effort-label\">",
    );
    for (i, (_, label)) in EFFORTS.iter().enumerate() {
        m.element(
            "button",
            &[
                ("type", &"button"),
                ("class", &"choice"),
                ("aria-pressed", &"false"),
                ("data-tap", &format_args!("effort:{i}")),
            ],
            label,
        );
    }
    m.raw(
        "</div><p class=\"hint\">Any pain above 0 stops this exercise for today, \
         as &quot;This hurts&quot; does.</p>",
    );
    stepper(m, &entry, Field::Pain, "Pain (0–10)", unit);
    m.close("details");
    m.open("div", &[("class", &"set-actions")]);
    button(m, HUGE, "set-done", "done", "Set done");
    button(
        m,
        "button button-hurts",
        "set-hurts",
        "hurts",
        "This hurts: stop this exercise",
    );
    m.close("div");
    m.element(
        "p",
        &[("class", &"set-cue")],
        program::exercise(exercise.id)
            .and_then(|e| e.cues.first())
            .map_or("", |c| c.text),
    );
    if prompts {
        m.element(
            "p",
            &[("class", &"prompt"), ("data-testid", &"prompt")],
            "Slow and controlled, both ways. Breathe out as you squeeze.",
        );
    }
    m.open(
        "div",
        &[
            ("class", &"illus"),
            ("role", &"img"),
            (
                "aria-label",
                &format_args!("Drawing: {}", exercise.name.to_ascii_lowercase()),
            ),
        ],
    );
    m.raw(exercise_svg(exercise.id).unwrap_or_default())
        .close("div");
    if target.fresh && exercise.equipment.len() > 1 {
        m.raw(
            "<details class=\"set-equipment\"><summary>Other equipment today</summary>\
             <div class=\"choice-group\" role=\"group\" aria-label=\"Equipment today\">",
        );
        for (i, eq) in exercise.equipment.iter().enumerate() {
            m.element(
                "button",
                &[
                    ("type", &"button"),
                    ("class", &"choice"),
                    ("data-equipment", &i),
                    ("aria-pressed", &(i == usize::from(target.equipment))),
                    ("data-tap", &format_args!("equipment:{i}")),
                ],
                eq.label(),
            );
        }
        m.raw("</div></details>");
    }
    m.open("div", &[("class", &"set-skips")]);
    if target.can_wait {
        button(
            m,
            "button",
            "do-later",
            "later",
            "Machine taken: do it later",
        );
    }
    button(m, "button", "skip-set", "skip-set", "Skip set");
    button(
        m,
        "button",
        "skip-exercise",
        "skip-exercise",
        "Skip exercise",
    );
    m.close("div").close("section");
}

/// A stepper of the set screen, showing what is entered.
fn stepper(m: &mut Markup, entry: &SetEntry, field: Field, label: &str, unit: Unit) {
    m.stepper(
        label,
        field.id(),
        entry.shown(field, unit),
        ("data-step", &field.id()),
    );
}

/// The rest countdown in large digits, with +15 s, −15 s and Skip. After
/// "This hurts" (F13), what to do comes first: the exercise is over for
/// today, and when to stop the whole session (F12); the rest below it is
/// then smaller, without its own title, so both fit a phone.
fn rest(m: &mut Markup, next: &str, stopped: Option<&str>) {
    if let Some(name) = stopped {
        m.open(
            "section",
            &[
                ("class", &"exercise-stopped"),
                ("data-testid", &"exercise-stopped"),
                ("aria-labelledby", &"exercise-stopped-title"),
            ],
        );
        m.element(
            "h2",
            &[
                ("id", &"exercise-stopped-title"),
                ("data-screen-title", &""),
                ("tabindex", &"-1"),
            ],
            format_args!("{name} stopped for today"),
        );
        m.raw(
            "<p>It brought on pain: put the weight down gently and leave it out today \
             (its other sets are logged as stopped for pain). Go on only if nothing hurts now.</p>\
             <p><strong>Pain into your buttock or leg, numbness or tingling: tap Stop.</strong></p>",
        );
        m.close("section");
        m.raw(
            "<section class=\"rest rest-compact\" aria-labelledby=\"rest-title\">\
             <h2 id=\"rest-title\" class=\"visually-hidden\" tabindex=\"-1\">Rest</h2>",
        );
    } else {
        m.raw(
            "<section class=\"rest\" aria-labelledby=\"rest-title\">\
             <h2 id=\"rest-title\" data-screen-title tabindex=\"-1\">Rest</h2>",
        );
    }
    m.element("p", &[("class", &"next")], format_args!("Next: {next}"));
    m.raw(
        "<p class=\"countdown\" data-testid=\"countdown\" role=\"timer\" aria-live=\"off\"></p>\
         <div class=\"rest-actions\">",
    );
    button(m, "button", "rest-minus", "rest:-15", "−15 s");
    button(m, "button", "rest-plus", "rest:15", "+15 s");
    button(
        m,
        "button button-primary",
        "rest-skip",
        "skip-rest",
        "Skip rest",
    );
    m.close("div").close("section");
}

fn paused(m: &mut Markup, what: &str, left_ms: Option<u64>) {
    m.open(
        "section",
        &[("class", &"panel"), ("data-testid", &"paused")],
    );
    title(m, "h2", "Paused");
    m.element("p", &[("class", &"next")], what);
    if let Some(ms) = left_ms {
        m.element("p", &[("class", &"countdown")], clock(ms));
    }
    button(m, HUGE, "resume", "resume", "Resume");
    m.close("section");
}

/// After the session: what was felt (after Stop, below what to do now,
/// which the runner shows itself), the summary, and Done.
fn ended(m: &mut Markup, session: &Session, unit: Unit) {
    let stopped = matches!(session.phase, Phase::StoppedForPain { .. });
    if stopped {
        m.raw(
            "<section class=\"panel\" data-testid=\"felt\" aria-labelledby=\"felt-title\">\
             <h3 id=\"felt-title\">What did you feel?</h3><div class=\"choice-group\">",
        );
        for (i, symptom) in Symptom::ALL.into_iter().enumerate() {
            m.element(
                "button",
                &[
                    ("type", &"button"),
                    ("class", &"choice"),
                    ("aria-pressed", &felt(session, symptom)),
                    ("data-tap", &format_args!("felt:{i}")),
                ],
                symptom.label(),
            );
        }
        m.raw("</div></section>");
    }
    summary(m, session, stopped, unit);
    button(m, "button", "done", "close", "Done");
}

/// What a finished session added up to.
fn summary(m: &mut Markup, session: &Session, stopped: bool, unit: Unit) {
    let name = |item: usize| {
        session
            .plan
            .items
            .get(item)
            .map_or("?", |i| name_of(&i.exercise_id))
    };
    let skipped: Vec<&str> = session.skipped_items.iter().map(|&i| name(i)).collect();
    // F13: exercises that brought on pain and were stopped for today.
    let hurt: Vec<&str> = (0..session.plan.items.len())
        .filter(|&i| session.pain_item != Some(i) && session.hurt_in(i))
        .map(name)
        .collect();
    m.open(
        "section",
        &[("class", &"panel summary"), ("data-testid", &"summary")],
    );
    // The stopped screen above already says "Session stopped".
    title(
        m,
        "h2",
        if stopped {
            "What was logged"
        } else {
            "Session done"
        },
    );
    m.open("dl", &[("class", &"figures")]);
    let volume = unit.show(session.volume_kg().round());
    let figures: [(&str, &str, &dyn std::fmt::Display); 3] = [
        ("Time", "", &active_time_label(session)),
        ("Sets", "summary-sets", &session.sets_done()),
        ("Volume", "", &volume),
    ];
    for (label, testid, value) in figures {
        m.open("div", &[]).element("dt", &[], label);
        if testid.is_empty() {
            m.element("dd", &[], value);
        } else {
            m.element("dd", &[("data-testid", &testid)], value);
        }
        m.close("div");
    }
    m.close("dl");
    if !skipped.is_empty() {
        m.element("p", &[], format_args!("Skipped: {}", skipped.join(", ")));
    }
    if !hurt.is_empty() {
        m.element(
            "p",
            &[("class", &"caution"), ("data-testid", &"summary-hurt")],
            format_args!(
                "Stopped because it brought on pain: {}. Next time it comes with a caution, \
                 and its load is not raised until it goes through a whole session without pain.",
                hurt.join(", ")
            ),
        );
    }
    if stopped {
        m.element(
            "p",
            &[("class", &"caution")],
            "Stopped for pain. It is in your log.",
        );
    }
    m.element("p", &[], "Saved to your history on this device.");
    m.close("section");
}

#[cfg(test)]
mod tests;
