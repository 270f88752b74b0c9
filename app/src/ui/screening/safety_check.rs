//! The four entry criteria, yes or no, before every session, as HTML text
//! ([`crate::markup`]) for the session runner, which writes it and acts on
//! its buttons (`data-tap`). Nothing is pre-filled: four fresh answers each
//! time Start is offered, and only four yeses open the session; each "no"
//! says why not today and what to do instead. After a session stopped for
//! pain, numbness or tingling, no session starts again until the next
//! local day.
//!
//! The check is whole here, for the server's copy of the page; the parts
//! that change as answers come (`locked`, `verdict`, `start`) are written
//! again by the runner into their `data-part` elements.

use crate::{markup::Markup, program::CRITERIA, screening::Answers, session::duration_label};

/// The whole check: `locked_ago` is how long ago today's session was
/// stopped for pain, if it was.
pub fn check(answers: &Answers, locked_ago: Option<u64>) -> String {
    let mut m = Markup::default();
    m.raw(
        "<section class=\"panel safety-check\" aria-labelledby=\"safety-title\">\
         <h2 id=\"safety-title\" data-screen-title tabindex=\"-1\">Safety check</h2>\
         <div data-part=\"locked\">",
    )
    .raw(&locked(locked_ago))
    .raw("</div>");
    if locked_ago.is_some() {
        m.raw("<div data-questions class=\"hidden\">");
    } else {
        m.raw("<div data-questions>");
    }
    m.raw(
        "<p>Answer all four before every session. \
         The program is only for days when all four are true.</p><ol class=\"criteria\">",
    );
    for (i, c) in CRITERIA.iter().enumerate() {
        let question = format!("q-{}", c.id);
        m.open("li", &[("class", &"criterion"), ("data-criterion", &c.id)])
            .element(
                "p",
                &[("class", &"question"), ("id", &question)],
                c.question,
            )
            .open(
                "div",
                &[
                    ("class", &"choice-group"),
                    ("role", &"group"),
                    ("aria-labelledby", &question),
                ],
            );
        for (answer, word) in [("yes", "Yes"), ("no", "No")] {
            m.element(
                "button",
                &[
                    ("type", &"button"),
                    ("class", &"choice"),
                    ("data-answer", &answer),
                    ("aria-pressed", &(answers.0[i] == Some(answer == "yes"))),
                    ("data-tap", &format_args!("answer:{i}:{answer}")),
                ],
                word,
            );
        }
        m.close("div").close("li");
    }
    m.raw("</ol><div class=\"verdict\" aria-live=\"polite\" data-part=\"verdict\">")
        .raw(&verdict(answers))
        .raw("</div></div><div data-part=\"start\">")
        .raw(&start(answers.all_yes() && locked_ago.is_none()))
        .raw("</div></section>");
    m.finish()
}

/// After a session stopped for pain today: no more training today, and
/// why (the app's own rule). Empty on other days.
pub fn locked(ago: Option<u64>) -> String {
    let Some(ago) = ago else {
        return String::new();
    };
    let mut m = Markup::default();
    m.raw(
        "<div class=\"panel panel-danger\" data-testid=\"locked-today\">\
         <h3>No more training today</h3>",
    )
    .element(
        "p",
        &[],
        format_args!(
            "Today's session was stopped for pain, numbness or tingling ({} ago). \
             The program says to stop when that happens, so BackStrong keeps the rest of \
             today free: a new session opens tomorrow, after a fresh safety check \
             (the app's own rule).",
            duration_label(ago)
        ),
    )
    .raw(
        "<p>If the symptoms come back or stay, talk to your doctor or physiotherapist \
         before you train again.</p><p><a href=\"/stop\">What to do now</a></p></div>",
    );
    m.finish()
}

/// What the answers so far mean: not today (and why), clear, or answer
/// all four.
pub fn verdict(answers: &Answers) -> String {
    let mut m = Markup::default();
    if answers.refused().next().is_some() {
        m.raw(
            "<div class=\"panel panel-caution\" data-testid=\"not-today\"><h3>Not today</h3><ul>",
        );
        for c in answers.refused() {
            m.element("li", &[], c.if_not);
        }
        m.raw("</ul></div>");
    } else if answers.complete() {
        m.raw(
            "<p class=\"ok\" data-testid=\"cleared\">\
             All four hold: you're clear for today's session.</p>",
        );
    } else {
        m.raw("<p class=\"hint\">Answer all four to start.</p>");
    }
    m.finish()
}

/// Start, offered only when all four hold (and the day is not locked).
pub fn start(cleared: bool) -> String {
    if cleared {
        "<button type=\"button\" class=\"button button-primary button-big\" \
         data-testid=\"start\" data-tap=\"begin\">Start the session</button>"
    } else {
        "<button type=\"button\" class=\"button button-big\" disabled \
         data-testid=\"start\">Start the session</button>"
    }
    .to_owned()
}

#[cfg(test)]
mod tests;
