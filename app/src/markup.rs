//! Markup written as text, for the read-only drawings the browser builds
//! from the stored history (the Progress and report charts).
//!
//! Why not `view!`: a chart is drawn once from data and never updated in
//! place, yet every element and attribute of a `view!` compiles into its own
//! build, mount and hydrate code in the wasm. Written as text and set as the
//! drawing's `inner_html`, the same SVG costs a few string writes, and it is
//! plain Rust, tested natively. Text and attribute values are escaped here,
//! so a name with `<` or `"` in it stays text.

use std::fmt::{self, Display, Write};

/// Writes elements into one string.
#[derive(Debug, Default)]
pub struct Markup {
    out: String,
}

/// One attribute: its name and its value (escaped when written).
pub type Attr<'a> = (&'a str, &'a dyn Display);

impl Markup {
    /// `<tag name="value" …>`: an element whose content follows.
    pub fn open(&mut self, tag: &str, attrs: &[Attr]) -> &mut Self {
        self.start(tag, attrs);
        self.out.push('>');
        self
    }

    /// `<tag name="value" …/>`: an SVG element with no content.
    pub fn leaf(&mut self, tag: &str, attrs: &[Attr]) -> &mut Self {
        self.start(tag, attrs);
        self.out.push_str("/>");
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: impl Display) -> &mut Self {
        // Writing to a String cannot fail.
        let _ = write!(Escape(&mut self.out), "{text}");
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[Attr], text: impl Display) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// An SVG `<text class=… x=… y=… text-anchor=…>`: a label at (`x`, `y`),
    /// `anchor` being "start", "middle" or "end" of the text.
    pub fn text_at(
        &mut self,
        class: &str,
        x: f64,
        y: f64,
        anchor: &str,
        text: impl Display,
    ) -> &mut Self {
        self.element(
            "text",
            &[
                ("class", &class),
                ("x", &x),
                ("y", &y),
                ("text-anchor", &anchor),
            ],
            text,
        )
    }

    /// A table row, `<tr …>`, of cells: each its tag (`td` or `th`), its
    /// attributes and its text.
    pub fn row(&mut self, attrs: &[Attr], cells: &[(&str, &[Attr], &dyn Display)]) -> &mut Self {
        self.open("tr", attrs);
        for (tag, attrs, text) in cells {
            self.element(tag, attrs, text);
        }
        self.close("tr")
    }

    /// Markup written as it is: only for text of the app's own, such as
    /// its drawings, never for anything stored or typed.
    pub fn raw(&mut self, trusted: &str) -> &mut Self {
        self.out.push_str(trusted);
        self
    }

    /// A number with big − and + buttons, no keyboard needed at the gym:
    /// `id` names its parts for labels and tests; both buttons carry the
    /// attribute `control` and `data-by` (−1 or 1), and the value shown
    /// carries `control` with `-value` added to its name.
    pub fn stepper(
        &mut self,
        label: &str,
        id: &str,
        value: impl Display,
        control: (&str, &dyn Display),
    ) -> &mut Self {
        let label_id = format!("{id}-label");
        let value_attr = format!("{}-value", control.0);
        self.open(
            "div",
            &[
                ("class", &"stepper"),
                ("role", &"group"),
                ("aria-labelledby", &label_id),
            ],
        );
        self.element(
            "span",
            &[("class", &"stepper-label"), ("id", &label_id)],
            label,
        );
        self.open("span", &[("class", &"stepper-controls")]);
        for (by, sign, word, part) in [(-1, "−", "less", "minus"), (1, "+", "more", "plus")] {
            if by == 1 {
                self.element(
                    "output",
                    &[
                        ("class", &"stepper-value"),
                        ("data-testid", &format_args!("{id}-value")),
                        ("aria-live", &"polite"),
                        (&value_attr, control.1),
                    ],
                    &value,
                );
            }
            self.element(
                "button",
                &[
                    ("type", &"button"),
                    ("class", &"button stepper-button"),
                    ("aria-label", &format_args!("{label}: {word}")),
                    ("data-testid", &format_args!("{id}-{part}")),
                    control,
                    ("data-by", &by),
                ],
                sign,
            );
        }
        self.close("span").close("div")
    }

    /// The markup written so far.
    pub fn finish(self) -> String {
        self.out
    }

    fn start(&mut self, tag: &str, attrs: &[Attr]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            let _ = write!(Escape(&mut self.out), "{value}");
            self.out.push('"');
        }
    }
}

/// A coordinate, written with one decimal: finer than a phone's pixel, and
/// short.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct At(pub f64);

impl Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.0)
    }
}

/// Passes text on with `&`, `<`, `>` and `"` escaped, which makes it safe
/// both as element content and inside a double-quoted attribute.
struct Escape<'a>(&'a mut String);

impl Write for Escape<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_nest_and_close() {
        let mut m = Markup::default();
        m.open("g", &[("class", &"bars")])
            .leaf("rect", &[("x", &At(1.25)), ("y", &At(-0.04)), ("r", &3)])
            .element("text", &[], "kg")
            .close("g");
        assert_eq!(
            m.finish(),
            r#"<g class="bars"><rect x="1.2" y="-0.0" r="3"/><text>kg</text></g>"#
        );
    }

    #[test]
    fn a_row_writes_its_cells_in_order() {
        let mut m = Markup::default();
        m.row(
            &[("class", &"skipped")],
            &[("th", &[("scope", &"row")], &"Leg press"), ("td", &[], &12)],
        );
        assert_eq!(
            m.finish(),
            r#"<tr class="skipped"><th scope="row">Leg press</th><td>12</td></tr>"#
        );
    }

    #[test]
    fn text_and_attribute_values_stay_text() {
        let mut m = Markup::default();
        m.element(
            "title",
            &[("aria-label", &r#"a "b" <c> & d"#)],
            "</title><script>x</script> & more",
        );
        assert_eq!(
            m.finish(),
            concat!(
                r#"<title aria-label="a &quot;b&quot; &lt;c&gt; &amp; d">"#,
                "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; more</title>"
            )
        );
    }

    #[test]
    fn other_characters_pass_unchanged() {
        let mut m = Markup::default();
        m.text("12 Mar – 3 Apr · ▲ 5'");
        assert_eq!(m.finish(), "12 Mar – 3 Apr · ▲ 5'");
    }
}
