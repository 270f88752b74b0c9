//! Showing weights, and reading them. Formatted and read with integer
//! arithmetic on purpose: Rust's float formatting and parsing each add
//! kilobytes of code and tables to the wasm, and weights never need more
//! than a few decimals.

/// "40", "72.5", "0.3": at most one decimal, no trailing ".0".
pub fn kg(value: f32) -> String {
    let tenths = (f64::from(value) * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    if tenths.is_multiple_of(10) {
        format!("{sign}{}", tenths / 10)
    } else {
        format!("{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// How loads are shown. They are always stored in kilograms.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Kilograms.
    #[default]
    Kg,
    /// Pounds.
    Lb,
}

/// Kilograms in one pound (exact, by definition).
pub const KG_PER_LB: f64 = 0.453_592_37;

impl Unit {
    /// Both, in the order settings offers them.
    pub const ALL: [Unit; 2] = [Unit::Kg, Unit::Lb];

    /// "kg" or "lb".
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Kg => "kg",
            Unit::Lb => "lb",
        }
    }

    /// A kilogram load in this unit.
    pub fn from_kg(self, kg: f32) -> f64 {
        match self {
            Unit::Kg => f64::from(kg),
            Unit::Lb => f64::from(kg) / KG_PER_LB,
        }
    }

    /// A load in this unit, in kilograms.
    pub fn to_kg(self, value: f64) -> f32 {
        match self {
            Unit::Kg => value as f32,
            Unit::Lb => (value * KG_PER_LB) as f32,
        }
    }

    /// The usual smallest change of a machine's load: 2.5 kg or 5 lb (our
    /// suggestion; machines differ).
    pub fn step(self) -> f64 {
        match self {
            Unit::Kg => 2.5,
            Unit::Lb => 5.0,
        }
    }

    /// "40 kg", "88.2 lb".
    pub fn show(self, kg_value: f32) -> String {
        format!("{} {}", kg(self.from_kg(kg_value) as f32), self.symbol())
    }

    /// A load moved `steps` steps of `step` (in this unit) up or down, as a
    /// machine's stack moves: from wherever it is to the next whole step,
    /// never below 0 or above `max_kg`. Returned in kilograms.
    pub fn step_load(self, load_kg: Option<f32>, step: f64, steps: i32, max_kg: f32) -> f32 {
        // A tolerance so a load already on a step (after a kg/lb round
        // trip) counts as on it.
        const EPS: f64 = 1e-3;
        let shown = self.from_kg(load_kg.unwrap_or(0.0));
        let on = if steps > 0 {
            ((shown + EPS) / step).floor()
        } else {
            ((shown - EPS) / step).ceil()
        };
        let moved = (on + f64::from(steps)) * step;
        self.to_kg(moved.max(0.0)).min(max_kg)
    }
}

/// "1 set", "3 sets": a count with its noun, in the singular for one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A number as people type it: digits, with at most one decimal point (a
/// comma works too) and at most three decimals, like "72", "72.5" or
/// "72,25". Anything else (signs, exponents, "inf") is not a weight.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0
        || whole.len() > 6
        || fraction.len() > 3
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    let mut thousandths: u64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        thousandths = thousandths * 10 + u64::from(b - b'0');
    }
    for _ in fraction.len()..3 {
        thousandths *= 10;
    }
    Some(thousandths as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::{Unit, count, kg};

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(1, "set"), "1 set");
        assert_eq!(count(0, "set"), "0 sets");
        assert_eq!(count(3, "exercise"), "3 exercises");
    }

    #[test]
    fn pounds_are_converted_for_display_only() {
        assert_eq!(Unit::Kg.show(40.0), "40 kg");
        assert_eq!(Unit::Lb.show(40.0), "88.2 lb");
        assert_eq!(Unit::Lb.show(Unit::Lb.to_kg(45.0)), "45 lb");
        assert!((Unit::Lb.to_kg(100.0) - 45.359_24).abs() < 1e-4);
        assert_eq!(Unit::Kg.step(), 2.5);
    }

    #[test]
    fn the_load_moves_like_the_machine_stack() {
        let kg = Unit::Kg;
        assert_eq!(kg.step_load(Some(40.0), 2.5, 1, 1000.0), 42.5);
        assert_eq!(kg.step_load(Some(40.0), 2.5, -1, 1000.0), 37.5);
        assert_eq!(
            kg.step_load(Some(41.0), 2.5, 1, 1000.0),
            42.5,
            "to the next step"
        );
        assert_eq!(kg.step_load(Some(41.0), 2.5, -1, 1000.0), 40.0);
        assert_eq!(kg.step_load(Some(40.0), 10.0, 1, 1000.0), 50.0);
        assert_eq!(kg.step_load(Some(40.0), 1.0, -1, 1000.0), 39.0);
        assert_eq!(kg.step_load(None, 5.0, 1, 1000.0), 5.0, "from nothing");
        assert_eq!(
            kg.step_load(Some(1.0), 2.5, -1, 1000.0),
            0.0,
            "never below 0"
        );
        assert_eq!(kg.step_load(Some(999.0), 10.0, 1, 1000.0), 1000.0);
        let lb = Unit::Lb;
        let forty_five = lb.to_kg(45.0);
        assert_eq!(
            lb.show(lb.step_load(Some(forty_five), 5.0, 1, 1000.0)),
            "50 lb"
        );
        assert_eq!(
            lb.show(lb.step_load(Some(forty_five), 2.5, -1, 1000.0)),
            "42.5 lb"
        );
        // 40 kg is 88.2 lb: the next 10 lb step is 90 lb.
        assert_eq!(lb.show(lb.step_load(Some(40.0), 10.0, 1, 1000.0)), "90 lb");
    }

    #[test]
    fn weights_read_naturally() {
        assert_eq!(kg(40.0), "40");
        assert_eq!(kg(72.5), "72.5");
        assert_eq!(kg(72.25), "72.3");
        assert_eq!(kg(0.0), "0");
        assert_eq!(kg(1600.0), "1600");
        assert_eq!(kg(-2.5), "-2.5");
    }
}
