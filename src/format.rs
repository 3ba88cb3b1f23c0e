//! Numbers and money as people read them, in one place for the CLI, the
//! exports and the window.
//!
//! No function here prints `inf` or `NaN`: inputs are validated so results
//! stay finite, and should a non-finite value slip through anyway it prints
//! as [`NOT_FINITE`] rather than as a misleading figure.

/// What a non-finite value prints as.
pub const NOT_FINITE: &str = "n/a";

/// Above this, plain digits stop being readable: `1.25e306`, not 307 digits.
const SCIENTIFIC_FROM: f64 = 1e21;

/// A plain number without float noise: `1536`, `0.25`, `2.6`.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return NOT_FINITE.to_owned();
    }
    if value.abs() >= SCIENTIFIC_FROM {
        return format!("{value:e}");
    }
    // Multiplying by 1e6 stays finite below SCIENTIFIC_FROM.
    let rounded = (value * 1e6).round() / 1e6 + 0.0;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// 6e9 -> "6B", 333e6 -> "333M", 11.25e9 -> "11.25B", 10240 -> "10,240".
pub fn compact(value: f64) -> String {
    if !value.is_finite() || value >= 1e15 {
        return grouped(value);
    }
    let (scaled, suffix) = if value >= 1e12 {
        (value / 1e12, "T")
    } else if value >= 1e9 {
        (value / 1e9, "B")
    } else if value >= 1e6 {
        (value / 1e6, "M")
    } else {
        return grouped(value);
    };
    format!("{}{suffix}", number((scaled * 100.0).round() / 100.0))
}

/// A number with thousands separators: "10,240", "1,234.5".
pub fn grouped(value: f64) -> String {
    let text = number(value);
    if !value.is_finite() || text.contains('e') {
        return text;
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), format!(".{f}")),
        None => (text.clone(), String::new()),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int.as_str()),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// Round a money amount to the cent. Adding zero turns -0.0 (the sum of
/// no line items) into 0.0, so a free month prints as 0.00, not -0.00.
pub fn round_cents(usd: f64) -> f64 {
    (usd * 100.0).round() / 100.0 + 0.0
}

/// Dollars as printed on a bill: `$1,234.56`.
pub fn usd(amount: f64) -> String {
    if !amount.is_finite() {
        return NOT_FINITE.to_owned();
    }
    if amount.abs() >= SCIENTIFIC_FROM {
        // Cents mean nothing at this size, and the digits would not either.
        let sign = if amount < 0.0 { "-" } else { "" };
        return format!("{sign}${:e}", amount.abs());
    }
    let cents = round_cents(amount);
    let sign = if cents < 0.0 { "-" } else { "" };
    let whole = cents.abs().trunc();
    let fraction = ((cents.abs() - whole) * 100.0).round() as u64;
    let (whole, fraction) = if fraction == 100 {
        (whole + 1.0, 0)
    } else {
        (whole, fraction)
    };
    format!("{sign}${}.{fraction:02}", grouped(whole))
}

/// Dollars with two decimals and no symbol or separators, for CSV: `1234.56`.
/// Empty when not finite, as an unknown amount is in a CSV cell.
pub fn usd_plain(amount: f64) -> String {
    if amount.is_finite() && amount.abs() >= SCIENTIFIC_FROM {
        format!("{amount:e}")
    } else if amount.is_finite() {
        format!("{:.2}", round_cents(amount))
    } else {
        String::new()
    }
}

/// A unit price with enough digits to be exact: `$0.0000166667`.
pub fn unit_price(amount: f64) -> String {
    format!("${}", unit_price_plain(amount))
}

/// A unit price without the symbol, for CSV.
pub fn unit_price_plain(amount: f64) -> String {
    if !amount.is_finite() {
        return NOT_FINITE.to_owned();
    }
    if amount != 0.0 && !(1e-12..SCIENTIFIC_FROM).contains(&amount.abs()) {
        return format!("{amount:e}");
    }
    // Rust prints the shortest exact form and never uses an exponent.
    format!("{amount}")
}

/// A quantity for people: grouped, at most four decimals.
pub fn quantity(value: f64) -> String {
    if !value.is_finite() || value.abs() >= SCIENTIFIC_FROM {
        return number(value);
    }
    grouped((value * 1e4).round() / 1e4)
}

/// A quantity with its unit. Units counted in blocks (`1M requests`,
/// `1K reads`) show the count itself, so one block reads "1M requests",
/// not "1 1M requests".
pub fn quantity_with_unit(value: f64, unit: &str) -> String {
    let blocks = [("1M ", 1e6), ("1K ", 1e3), ("1B ", 1e9)];
    for (prefix, size) in blocks {
        if let Some(rest) = unit.strip_prefix(prefix) {
            let count = value * size;
            // Compact only where it stays exact to the shown digits.
            let shown = if count >= 1e6 {
                compact(count)
            } else {
                quantity(count)
            };
            return format!("{shown} {rest}");
        }
    }
    format!("{} {unit}", quantity(value))
}

/// A count and a noun, singular for exactly one: "1 concurrent request".
pub fn count_of(value: f64, singular: &str, plural: &str) -> String {
    let noun = if value == 1.0 { singular } else { plural };
    format!("{} {noun}", number(value))
}

/// A share (0..=1) as a percentage that never reads 0% for a share above
/// zero: 0.5 -> "50%", 0.0005 -> "0.05%", 0.0000001 -> "<0.01%".
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return NOT_FINITE.to_owned();
    }
    let value = share * 100.0;
    if value == 0.0 {
        return "0%".to_owned();
    }
    if value.abs() < 0.01 {
        return "<0.01%".to_owned();
    }
    // Whole percents above 1%, two significant decimals below.
    let shown = if value.abs() >= 1.0 {
        (value * 10.0).round() / 10.0
    } else {
        (value * 100.0).round() / 100.0
    };
    format!("{}%", number(shown))
}

/// A number a user typed, echoed back in an error as they would type it:
/// `1e308`, `5e-324`, `NaN`, `inf`, never hundreds of digits. (Only here,
/// quoting the input, may `NaN` or `inf` appear.)
pub fn input(value: f64) -> String {
    if !value.is_finite() {
        format!("{value}")
    } else if value != 0.0 && !(1e-6..1e15).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_prints_inf_or_nan() {
        for value in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1.25e306, 1e308] {
            for text in [
                number(value),
                compact(value),
                grouped(value),
                usd(value),
                usd_plain(value),
                unit_price(value),
                quantity(value),
                quantity_with_unit(value, "1M requests"),
                percent(value),
            ] {
                let lower = text.to_lowercase();
                assert!(!lower.contains("inf"), "{value}: {text}");
                assert!(!lower.contains("nan"), "{value}: {text}");
                assert!(text.len() < 40, "{value}: {text}");
            }
        }
        assert_eq!(number(1.25e306), "1.25e306");
        assert_eq!(usd(1.25e306), "$1.25e306");
        assert_eq!(input(1e308), "1e308");
        assert_eq!(input(5e-324), "5e-324");
        assert_eq!(input(f64::NAN), "NaN");
        assert_eq!(input(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn numbers_read_as_before() {
        assert_eq!(number(1536.0), "1536");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-0.0), "0");
        assert_eq!(grouped(10240.0), "10,240");
        assert_eq!(grouped(1234.5), "1,234.5");
        assert_eq!(compact(6e9), "6B");
        assert_eq!(compact(11.25e9), "11.25B");
        assert_eq!(usd(49763.1), "$49,763.10");
        assert_eq!(usd(0.999), "$1.00");
        assert_eq!(usd(-2.5), "-$2.50");
        assert_eq!(unit_price(0.0000166667), "$0.0000166667");
    }

    #[test]
    fn block_units_show_the_count() {
        assert_eq!(quantity_with_unit(1.0, "1M requests"), "1M requests");
        assert_eq!(quantity_with_unit(12.5, "1M requests"), "12.5M requests");
        assert_eq!(quantity_with_unit(0.3, "1M requests"), "300,000 requests");
        assert_eq!(quantity_with_unit(2.0, "1K reads"), "2,000 reads");
        assert_eq!(quantity_with_unit(12500.0, "GB-s"), "12,500 GB-s");
    }

    #[test]
    fn counts_and_shares_read_correctly() {
        assert_eq!(
            count_of(1.0, "concurrent request", "concurrent requests"),
            "1 concurrent request"
        );
        assert_eq!(
            count_of(4.0, "concurrent request", "concurrent requests"),
            "4 concurrent requests"
        );
        assert_eq!(percent(0.5), "50%");
        assert_eq!(percent(0.0005), "0.05%");
        assert_eq!(percent(1e-7), "<0.01%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.333), "33.3%");
    }
}
