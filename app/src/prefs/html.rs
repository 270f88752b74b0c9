//! The settings made with one tap or with − and +, as HTML text
//! ([`crate::markup`]): the theme, the unit, the cues, the machines the gym
//! lacks, each machine's weight step, rest, sets and reps, the weekly
//! target. Every button names its [`Choice`] in `data-choice`, or its
//! [`Amount`] in `data-amount` (with `data-by`, −1 or +1), a value shown
//! names its amount in `data-amount-value`, and an element shown only while
//! a choice holds names it in `data-if-choice` (hidden otherwise): one
//! handler and one effect in the settings island serve them all
//! (`ui::settings::choices`), where a `view!` per control compiled its own
//! code into the wasm. The server writes them as the browser does, from
//! the default settings; the island then shows the person's own.

use super::{Amount, Choice, Cue, LoadStep, Prefs, Theme, load_steps_of};
use crate::{
    markup::{Attr, Markup},
    program::{Fact, Origin, session_order},
    units::{Unit, kg},
};

/// Rest between sets for each exercise.
pub fn rest_lengths(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for e in session_order() {
        m.open("li", &[("data-rest", &e.id)]);
        stepper(&mut m, prefs, Amount::Rest(e), e.name, e.id);
        m.close("li");
    }
    m.finish()
}

/// Sets and reps of each exercise whose program gives a range, with the
/// range and where it comes from.
pub fn sets_and_reps(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for e in session_order() {
        let rx = e.prescription;
        if rx.sets.min == rx.sets.max && rx.reps.min == rx.reps.max {
            continue;
        }
        let range = match rx.origin {
            Origin::Program(facts) => format!(
                "The program: {} ({})",
                rx.label(),
                facts
                    .iter()
                    .map(Fact::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Origin::Suggested(_) => format!(
                "Our suggestion: {} (the program gives no numbers)",
                rx.label()
            ),
        };
        m.open("li", &[("data-sets-reps", &e.id)]);
        m.element("p", &[("class", &"field-label")], e.name);
        m.element("p", &[("class", &"hint")], range);
        stepper(
            &mut m,
            prefs,
            Amount::Sets(e),
            "Sets",
            &format!("sets-{}", e.id),
        );
        stepper(
            &mut m,
            prefs,
            Amount::Reps(e),
            "Reps",
            &format!("reps-{}", e.id),
        );
        m.close("li");
    }
    m.finish()
}

/// Sessions a week to aim for.
pub fn weekly_target(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    stepper(
        &mut m,
        prefs,
        Amount::WeeklyTarget,
        "Sessions a week",
        "weekly-target",
    );
    m.finish()
}

/// A stepper for one of the amounts.
fn stepper(m: &mut Markup, prefs: &Prefs, amount: Amount, label: &str, id: &str) {
    m.stepper(
        label,
        id,
        prefs.shown(amount),
        ("data-amount", &amount.attr()),
    );
}

/// Light, dark, or follow the phone.
pub fn themes(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for theme in Theme::ALL {
        let test = [("data-theme-choice", &theme.as_attr() as _)];
        button(
            &mut m,
            prefs,
            &Choice::Theme(theme),
            "choice",
            &test,
            None,
            theme.label(),
        );
    }
    m.finish()
}

/// Kilograms or pounds.
pub fn units(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for unit in Unit::ALL {
        let label = match unit {
            Unit::Kg => "Kilograms (kg)",
            Unit::Lb => "Pounds (lb)",
        };
        let test = [("data-unit", &unit.symbol() as _)];
        button(
            &mut m,
            prefs,
            &Choice::Unit(unit),
            "choice",
            &test,
            None,
            label,
        );
    }
    m.finish()
}

/// Each session cue, on or off.
pub fn cues(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for cue in Cue::ALL {
        m.open("li", &[]);
        let test = [("data-cue", &cue.id() as _)];
        button(
            &mut m,
            prefs,
            &Choice::Cue(cue),
            "choice toggle",
            &test,
            None,
            cue.label(),
        );
        m.close("li");
    }
    m.finish()
}

/// A switch for each machine the program uses, with what sessions do
/// instead, shown while the gym lacks it.
pub fn machines(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for e in session_order().filter(|e| e.needs_machine()) {
        let machine = e.equipment.first().map_or(e.name, |m| m.label());
        let choice = Choice::NoMachine(e.id.to_owned());
        m.open("li", &[("data-machine", &e.id)]);
        let label = format!("My gym has no {}", machine.to_ascii_lowercase());
        button(&mut m, prefs, &choice, "choice toggle", &[], None, &label);
        shown_if(
            &mut m,
            prefs,
            &choice,
            "p",
            &[("class", &"hint")],
            &e.without_machine_text(),
        );
        m.close("li");
    }
    m.finish()
}

/// The weight step of each exercise done with a load, in the unit chosen
/// (the steps of the other unit are there, hidden, for when it changes).
pub fn load_steps(prefs: &Prefs) -> String {
    let mut m = Markup::default();
    for e in session_order().filter(|e| e.uses_load()) {
        let label_id = format!("step-{}", e.id);
        m.open("li", &[("data-load-step", &e.id)]);
        m.element("p", &[("class", &"field-label"), ("id", &label_id)], e.name);
        m.open(
            "div",
            &[
                ("class", &"choice-group"),
                ("role", &"group"),
                ("aria-labelledby", &label_id),
            ],
        );
        for unit in Unit::ALL {
            let in_unit = Choice::Unit(unit);
            for &amount in load_steps_of(unit) {
                let choice = Choice::Step(e.id.to_owned(), LoadStep { amount, unit });
                let label = format!("{} {}", kg(amount as f32), unit.symbol());
                let step = [("data-step", &kg(amount as f32) as _)];
                button(
                    &mut m,
                    prefs,
                    &choice,
                    "choice",
                    &step,
                    Some(&in_unit),
                    &label,
                );
            }
        }
        m.close("div").close("li");
    }
    m.finish()
}

/// A button that makes `choice`, pressed while it holds; `test` holds the
/// attribute tests find it by, if any; shown only while `shown_while`
/// holds, if given.
fn button(
    m: &mut Markup,
    prefs: &Prefs,
    choice: &Choice,
    class: &str,
    test: &[Attr],
    shown_while: Option<&Choice>,
    label: &str,
) {
    let (attr, pressed) = (choice.attr(), prefs.chosen(choice));
    let condition = shown_while.map(Choice::attr);
    let mut attrs: Vec<Attr> = vec![("type", &"button"), ("class", &class)];
    attrs.extend_from_slice(test);
    attrs.push(("data-choice", &attr));
    if let Some(condition) = &condition {
        attrs.push(("data-if-choice", condition));
    }
    attrs.push(("aria-pressed", &pressed));
    if shown_while.is_some_and(|c| !prefs.chosen(c)) {
        attrs.push(("hidden", &""));
    }
    m.element("button", &attrs, label);
}

/// An element shown only while `choice` holds.
fn shown_if(m: &mut Markup, prefs: &Prefs, choice: &Choice, tag: &str, attrs: &[Attr], text: &str) {
    let mut all = attrs.to_vec();
    let attr = choice.attr();
    all.push(("data-if-choice", &attr));
    if !prefs.chosen(choice) {
        all.push(("hidden", &""));
    }
    m.element(tag, &all, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_button_names_its_choice_and_shows_the_settings() {
        let mut prefs = Prefs::default();
        prefs.choose(&Choice::Theme(Theme::Dark));
        assert_eq!(
            themes(&prefs),
            concat!(
                r#"<button type="button" class="choice" data-theme-choice="system" data-choice="theme:system" aria-pressed="false">Match my phone</button>"#,
                r#"<button type="button" class="choice" data-theme-choice="light" data-choice="theme:light" aria-pressed="false">Light</button>"#,
                r#"<button type="button" class="choice" data-theme-choice="dark" data-choice="theme:dark" aria-pressed="true">Dark</button>"#,
            )
        );
        assert!(units(&prefs).contains(
            r#"data-unit="kg" data-choice="unit:kg" aria-pressed="true">Kilograms (kg)</button>"#
        ));
        assert!(cues(&prefs).starts_with(r#"<li><button type="button" class="choice toggle" data-cue="sound" data-choice="cue:sound" aria-pressed="true">"#));
    }

    #[test]
    fn what_to_do_without_a_machine_shows_once_it_is_marked() {
        let mut prefs = Prefs::default();
        let html = machines(&prefs);
        let hint = r#"<p class="hint" data-if-choice="no-machine:leg-press" hidden="">Leg press: "#;
        assert!(html.contains(hint), "{html}");
        prefs.choose(&Choice::NoMachine("leg-press".into()));
        let html = machines(&prefs);
        assert!(
            html.contains(
                r#"data-choice="no-machine:leg-press" aria-pressed="true">My gym has no "#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<p class="hint" data-if-choice="no-machine:leg-press">Leg press: "#),
            "{html}"
        );
    }

    #[test]
    fn a_stepper_is_drawn_as_the_session_draws_one() {
        let mut prefs = Prefs::default();
        prefs.step(Amount::WeeklyTarget, 1);
        assert_eq!(
            weekly_target(&prefs),
            concat!(
                r#"<div class="stepper" role="group" aria-labelledby="weekly-target-label">"#,
                r#"<span class="stepper-label" id="weekly-target-label">Sessions a week</span><span class="stepper-controls">"#,
                r#"<button type="button" class="button stepper-button" aria-label="Sessions a week: less" data-testid="weekly-target-minus" data-amount="weekly-target" data-by="-1">−</button>"#,
                r#"<output class="stepper-value" data-testid="weekly-target-value" aria-live="polite" data-amount-value="weekly-target">4</output>"#,
                r#"<button type="button" class="button stepper-button" aria-label="Sessions a week: more" data-testid="weekly-target-plus" data-amount="weekly-target" data-by="1">+</button>"#,
                "</span></div>",
            )
        );
        let rest = rest_lengths(&prefs);
        assert!(rest.starts_with(r#"<li data-rest="leg-press"><div class="stepper" role="group" aria-labelledby="leg-press-label">"#), "{rest}");
        assert!(
            rest.contains(r#"data-amount-value="rest:leg-press">90 s</output>"#),
            "{rest}"
        );
        let sets = sets_and_reps(&prefs);
        assert!(sets.contains(r#"<li data-sets-reps="chest-press"><p class="field-label">Chest press</p><p class="hint">"#), "{sets}");
        assert!(sets.contains(r#"data-testid="reps-chest-press-plus" data-amount="reps:chest-press" data-by="1">+</button>"#), "{sets}");
        // Only exercises whose program gives a range can be changed.
        let ranged = session_order()
            .filter(|e| {
                let rx = e.prescription;
                rx.sets.min < rx.sets.max || rx.reps.min < rx.reps.max
            })
            .count();
        assert!(ranged > 0);
        assert_eq!(sets.matches("<li data-sets-reps=").count(), ranged);
    }

    #[test]
    fn the_steps_of_the_other_unit_are_hidden() {
        let prefs = Prefs::default();
        let html = load_steps(&prefs);
        let leg_press = &html[html
            .find(r#"<li data-load-step="leg-press">"#)
            .expect(&html)..];
        let leg_press = &leg_press[..leg_press.find("</li>").unwrap()];
        assert_eq!(leg_press.matches("<button ").count(), 7, "{leg_press}");
        assert!(leg_press.contains(
            r#"data-step="2.5" data-choice="step:leg-press:kg:2.5" data-if-choice="unit:kg" aria-pressed="true">2.5 kg</button>"#
        ), "{leg_press}");
        assert!(leg_press.contains(
            r#"data-step="10" data-choice="step:leg-press:lb:10" data-if-choice="unit:lb" aria-pressed="false" hidden="">10 lb</button>"#
        ), "{leg_press}");
        // Floor work with body weight has no step.
        assert!(!html.contains(r#"data-load-step="core""#));
    }
}
