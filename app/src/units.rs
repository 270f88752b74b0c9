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

#[cfg(test)]
mod tests {
    use super::kg;

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
