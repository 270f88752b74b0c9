//! Showing weights. Formatted with integer arithmetic on purpose: Rust's
//! float formatting adds tens of kilobytes to the wasm, and loads never
//! need more than one decimal.

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
}

#[cfg(test)]
mod tests {
    use super::{Unit, kg};

    #[test]
    fn pounds_are_converted_for_display_only() {
        assert_eq!(Unit::Kg.show(40.0), "40 kg");
        assert_eq!(Unit::Lb.show(40.0), "88.2 lb");
        assert_eq!(Unit::Lb.show(Unit::Lb.to_kg(45.0)), "45 lb");
        assert!((Unit::Lb.to_kg(100.0) - 45.359_24).abs() < 1e-4);
        assert_eq!(Unit::Kg.step(), 2.5);
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
