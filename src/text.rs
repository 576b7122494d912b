//! Text: what a department or the bureau typed in a cell → a [`Value`] every stage
//! understands (the plan's targets, identification, validation and scoring alike).
//!
//! Guarantees: full-width digits and punctuation read as half-width (`９５％` = `95%`), white
//! space and line breaks anywhere are ignored, thousands separators are dropped (`1,000人`),
//! a trailing unit is split off (`12次` → 12 with unit `次`), and nothing that is not plainly a
//! number is turned into one (`九十五` stays a word, so the caller can report it instead of
//! scoring a silent zero).

use rust_decimal::Decimal;
use std::str::FromStr;

/// A cell value after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Nothing was entered.
    Empty,
    /// A number, with the unit written after it (`""` when none) and whether it carried `%`.
    Number {
        /// The number as written (95 for `95%`, 0.95 for `0.95`).
        value: Decimal,
        /// Text after the number, such as `次` or `万元`.
        unit: String,
        /// Written with a percent sign.
        percent: bool,
    },
    /// Any other text, normalised (half-width, no white space).
    Word(String),
}

/// Full-width → half-width, ideographic space → nothing, all white space removed.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{FE6A}' => '%',
            _ => c,
        };
        if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
            continue;
        }
        out.push(c);
    }
    out
}

/// Reads one cell's text as a [`Value`].
pub fn parse_value(raw: &str) -> Value {
    let s = normalize_text(raw);
    if s.is_empty() {
        return Value::Empty;
    }
    match split_number(&s) {
        Some((value, rest)) => {
            let (percent, unit) = match rest.strip_prefix('%') {
                Some(u) => (true, u),
                None => (false, rest),
            };
            if unit.chars().any(|c| c.is_ascii_digit() || c == '%') {
                return Value::Word(s);
            }
            Value::Number {
                value,
                unit: unit.to_string(),
                percent,
            }
        }
        None => Value::Word(s),
    }
}

/// Splits a leading number (sign, digits, optional thousands separators, decimals) from the rest.
/// `s` must already be normalised.
pub fn split_number(s: &str) -> Option<(Decimal, &str)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        i += 1;
    }
    let mut digits = String::new();
    // Integer part with optional thousands separators (groups of exactly three digits).
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        digits.push(bytes[i] as char);
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    let grouped = digits.len() <= 3;
    while grouped
        && i + 3 < bytes.len()
        && bytes[i] == b','
        && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && (i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit())
    {
        digits.push_str(&s[i + 1..i + 4]);
        i += 4;
    }
    if i < bytes.len() && bytes[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j > frac_start {
            digits.push('.');
            digits.push_str(&s[frac_start..j]);
            i = j;
        }
    }
    let sign = if bytes[0] == b'-' { "-" } else { "" };
    let value = Decimal::from_str(&format!("{sign}{digits}")).ok()?;
    Some((value, &s[i..]))
}

/// Reads a plain number (no unit other than `%` allowed when `allow_percent`), for plan cells
/// such as weights and budgets. Returns `None` for anything else.
pub fn parse_plain_number(raw: &str) -> Option<Decimal> {
    match parse_value(raw) {
        Value::Number {
            value,
            unit,
            percent: false,
        } if unit.is_empty() => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn num(v: &str, unit: &str, percent: bool) -> Value {
        Value::Number {
            value: d(v),
            unit: unit.into(),
            percent,
        }
    }

    #[test]
    fn reads_numbers_in_every_form_departments_type() {
        assert_eq!(parse_value("95"), num("95", "", false));
        assert_eq!(parse_value(" 95 % "), num("95", "", true));
        assert_eq!(parse_value("９５％"), num("95", "", true));
        assert_eq!(parse_value("0.95"), num("0.95", "", false));
        assert_eq!(parse_value("12次"), num("12", "次", false));
        assert_eq!(parse_value("1,000人"), num("1000", "人", false));
        assert_eq!(parse_value("12,345,678.5"), num("12345678.5", "", false));
        assert_eq!(parse_value("１２\n次"), num("12", "次", false));
        assert_eq!(parse_value("-3"), num("-3", "", false));
        assert_eq!(parse_value("62.69万元"), num("62.69", "万元", false));
    }

    #[test]
    fn keeps_non_numbers_as_words() {
        assert_eq!(parse_value("九十五"), Value::Word("九十五".into()));
        assert_eq!(
            parse_value("2021年3月5日"),
            Value::Word("2021年3月5日".into())
        );
        assert_eq!(parse_value("1,00"), Value::Word("1,00".into()));
        assert_eq!(parse_value(""), Value::Empty);
        assert_eq!(parse_value(" \n　"), Value::Empty);
        assert_eq!(parse_value("完 成"), Value::Word("完成".into()));
    }

    #[test]
    fn plain_numbers_refuse_units() {
        assert_eq!(parse_plain_number("2078.17"), Some(d("2078.17")));
        assert_eq!(parse_plain_number("２"), Some(d("2")));
        assert_eq!(parse_plain_number("2分"), None);
        assert_eq!(parse_plain_number("abc"), None);
        assert_eq!(parse_plain_number("90%"), None);
    }
}
