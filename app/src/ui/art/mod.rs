//! Our own drawings, as SVG markup kept in static strings: one render path
//! for all of them keeps the wasm small, and the markup compresses well.
//! Only these constants are ever set as inner HTML, never user text.
//! Styling (stroke, colours, highlighted muscles) lives in the stylesheet.

/// A side-view line drawing of an exercise, by exercise id.
pub fn exercise_svg(id: &str) -> Option<&'static str> {
    Some(match id {
        "leg-press" => LEG_PRESS,
        "leg-extension" => LEG_EXTENSION,
        "leg-curl" => LEG_CURL,
        "back-extension" => BACK_EXTENSION,
        "seated-row" => SEATED_ROW,
        "chest-press" => CHEST_PRESS,
        "core" => CRUNCH,
        "hip-abduction" => HIP_ABDUCTION,
        "hip-adduction" => HIP_ADDUCTION,
        "glute-bridge" => GLUTE_BRIDGE,
        _ => return None,
    })
}

macro_rules! drawing {
    ($($part:literal)*) => {
        concat!(r#"<svg viewBox="0 0 160 100" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">"#, $($part,)* "</svg>")
    };
}

const LEG_PRESS: &str = drawing!(
    r#"<path class="mc" d="M14 42 30 86h32M120 20l22 30M66 96l76-66"/>"#
    r#"<circle class="hd" cx="20" cy="33" r="8"/>"#
    r#"<path d="M24 43l16 36 38-28 44-6M30 56l14 18"/>"#
);

const LEG_EXTENSION: &str = drawing!(
    r#"<path class="mc" d="M40 22v54h42M60 76v20M46 96h30"/><circle class="mc" cx="126" cy="66" r="6"/>"#
    r#"<circle class="hd" cx="50" cy="16" r="8"/>"#
    r#"<path d="M50 26l2 44h36l34-8M51 40l12 22"/>"#
);

const LEG_CURL: &str = drawing!(
    r#"<path class="mc" d="M16 72h118M30 72v22M120 72v22"/><circle class="mc" cx="112" cy="34" r="6"/>"#
    r#"<circle class="hd" cx="20" cy="56" r="8"/>"#
    r#"<path d="M30 62l56 3h32l-6-28M36 64l-8 8"/>"#
);

const BACK_EXTENSION: &str = drawing!(
    r#"<path class="mc" d="M46 96l54-40M96 96l34-34"/><circle class="mc" cx="126" cy="60" r="6"/><circle class="mc" cx="98" cy="50" r="6"/>"#
    r#"<circle class="hd" cx="40" cy="24" r="8"/>"#
    r#"<path d="M124 56l-26-8-48-20M70 38l10 4"/>"#
);

const SEATED_ROW: &str = drawing!(
    r#"<path class="mc" d="M26 82h36M44 82v14M120 66v28M52 58h86"/><circle class="mc" cx="140" cy="58" r="5"/>"#
    r#"<circle class="hd" cx="40" cy="22" r="8"/>"#
    r#"<path d="M40 32l4 46 36-4 38 12M42 44 28 58l24 0"/>"#
);

const CHEST_PRESS: &str = drawing!(
    r#"<path class="mc" d="M28 16l6 64h38M52 80v16M86 32v20"/>"#
    r#"<circle class="hd" cx="42" cy="20" r="8"/>"#
    r#"<path d="M42 30l3 46h34l2 18M43 42l20 2 22-2"/>"#
);

const CRUNCH: &str = drawing!(
    r#"<path class="mc" d="M8 92h144"/>"#
    r#"<circle class="hd" cx="40" cy="64" r="8"/>"#
    r#"<path d="M82 88 52 74l-6-14M82 88l20-26 22 26"/>"#
);

// Seen from the front, seated on the machine: knees pressed out against
// the pads outside them.
const HIP_ABDUCTION: &str = drawing!(
    r#"<path class="mc" d="M56 66h48M64 66v30M96 66v30M30 80l-8-4m8 4-8 4M130 80l8-4m-8 4 8 4"/><circle class="mc" cx="40" cy="80" r="6"/><circle class="mc" cx="120" cy="80" r="6"/>"#
    r#"<circle class="hd" cx="80" cy="16" r="8"/>"#
    r#"<path d="M80 26v38M80 64 50 80l4 16M80 64l30 16-4 16M80 36 62 52M80 36l18 16"/>"#
);

// Seen from the front, seated on the machine: knees squeezed in against
// the pads between them.
const HIP_ADDUCTION: &str = drawing!(
    r#"<path class="mc" d="M56 66h48M64 66v30M96 66v30M58 80h-8m8 0-4-4m4 4-4 4M102 80h8m-8 0 4-4m-4 4 4 4"/><circle class="mc" cx="80" cy="80" r="6"/>"#
    r#"<circle class="hd" cx="80" cy="16" r="8"/>"#
    r#"<path d="M80 26v38M80 64l-14 14 2 18M80 64l14 14-2 18M80 36 62 52M80 36l18 16"/>"#
);

const GLUTE_BRIDGE: &str = drawing!(
    r#"<path class="mc" d="M8 92h144"/>"#
    r#"<circle class="hd" cx="24" cy="82" r="8"/>"#
    r#"<path d="M36 86l44-24 30-6 10 30M38 90h28"/>"#
);

/// Front and back of a body, each muscle a shape with class `m m-<id>`
/// (see [`crate::program::Muscle::css_id`]); the stylesheet fills the ones
/// named in the wrapper's `data-on`.
pub const BODY_MAP: &str = concat!(
    r#"<svg viewBox="0 0 220 206" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">"#,
    r#"<g class="sil"><circle cx="50" cy="18" r="11"/><path d="M34 33h32l4 67H30zM33 35l-9 2-8 62h8l8-40zM67 35l9 2 8 62h-8l-8-40zM31 100h18l-2 92H35zM51 100h18l-4 92H53z"/>"#,
    r#"<circle cx="170" cy="18" r="11"/><path d="M154 33h32l4 67h-40zM153 35l-9 2-8 62h8l8-40zM187 35l9 2 8 62h-8l-8-40zM151 100h18l-2 92h-12zM171 100h18l-4 92h-12z"/></g>"#,
    r#"<g class="m m-delts"><circle cx="33" cy="40" r="6"/><circle cx="67" cy="40" r="6"/></g>"#,
    r#"<g class="m m-pecs"><ellipse cx="43" cy="48" rx="8" ry="6"/><ellipse cx="57" cy="48" rx="8" ry="6"/></g>"#,
    r#"<rect class="m m-abs" x="44" y="58" width="12" height="34" rx="3"/>"#,
    r#"<g class="m m-obliques"><ellipse cx="37" cy="75" rx="4" ry="12"/><ellipse cx="63" cy="75" rx="4" ry="12"/></g>"#,
    r#"<g class="m m-hipflex"><ellipse cx="40" cy="103" rx="5" ry="5"/><ellipse cx="60" cy="103" rx="5" ry="5"/></g>"#,
    r#"<g class="m m-quads"><ellipse cx="39" cy="132" rx="6" ry="20"/><ellipse cx="61" cy="132" rx="6" ry="20"/></g>"#,
    r#"<g class="m m-adductors"><ellipse cx="46.5" cy="120" rx="2.5" ry="12"/><ellipse cx="53.5" cy="120" rx="2.5" ry="12"/></g>"#,
    r#"<path class="m m-upperback" d="M156 37h28l-5 30h-18z"/>"#,
    r#"<g class="m m-erectors"><rect x="163" y="66" width="5" height="30" rx="2"/><rect x="172" y="66" width="5" height="30" rx="2"/></g>"#,
    r#"<g class="m m-ql"><ellipse cx="158" cy="87" rx="3.5" ry="7"/><ellipse cx="182" cy="87" rx="3.5" ry="7"/></g>"#,
    r#"<g class="m m-gmed"><ellipse cx="155" cy="101" rx="4.5" ry="5"/><ellipse cx="185" cy="101" rx="4.5" ry="5"/></g>"#,
    r#"<g class="m m-gmax"><ellipse cx="162" cy="112" rx="9" ry="9"/><ellipse cx="178" cy="112" rx="9" ry="9"/></g>"#,
    r#"<g class="m m-piri"><ellipse cx="162" cy="106" rx="6" ry="2"/><ellipse cx="178" cy="106" rx="6" ry="2"/></g>"#,
    r#"<g class="m m-hams"><ellipse cx="160" cy="142" rx="6" ry="20"/><ellipse cx="180" cy="142" rx="6" ry="20"/></g>"#,
    r#"<text x="50" y="204" text-anchor="middle">Front</text><text x="170" y="204" text-anchor="middle">Back</text>"#,
    "</svg>"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{EXERCISES, Muscle};

    #[test]
    fn every_exercise_has_a_small_drawing() {
        for e in EXERCISES {
            let svg = exercise_svg(e.id).unwrap_or_else(|| panic!("no drawing for {}", e.id));
            assert!(
                svg.starts_with("<svg viewBox=") && svg.ends_with("</svg>"),
                "{}",
                e.id
            );
            assert!(svg.len() < 700, "{}: {} bytes", e.id, svg.len());
        }
    }

    #[test]
    fn the_body_map_draws_every_muscle() {
        let all = [
            Muscle::Quadriceps,
            Muscle::Hamstrings,
            Muscle::GluteusMaximus,
            Muscle::GluteusMedius,
            Muscle::Adductors,
            Muscle::HipFlexors,
            Muscle::Piriformis,
            Muscle::Erectors,
            Muscle::QuadratusLumborum,
            Muscle::Abdominals,
            Muscle::Obliques,
            Muscle::Pectorals,
            Muscle::Deltoids,
            Muscle::UpperBack,
        ];
        for m in all {
            assert!(BODY_MAP.contains(&format!("m m-{}\"", m.css_id())), "{m:?}");
        }
    }
}
