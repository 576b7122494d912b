//! 目标值 parser: the plan's target text → a typed [`Target`].
//!
//! Forms: `≥N单位`, `>N`, `≤N`, `<N`, `=N单位`, plain `N` (exactly N), `N%` (at least N%),
//! `N级`, `下降`/`上升`, and any other text as a qualitative word (完成, 及时, 一等奖 …).
//! Full-width symbols and ASCII spellings (`>=`, `＞＝`, `≧`) are accepted.

use crate::text::{normalize_text, split_number};
use rust_decimal::Decimal;
use thiserror::Error;

/// A comparison in a numeric target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// ≥
    Ge,
    /// >
    Gt,
    /// ≤
    Le,
    /// <
    Lt,
    /// = (also a plain number)
    Eq,
}

impl Cmp {
    /// Whether `actual` satisfies `actual cmp target`.
    pub fn holds(self, actual: Decimal, target: Decimal) -> bool {
        match self {
            Cmp::Ge => actual >= target,
            Cmp::Gt => actual > target,
            Cmp::Le => actual <= target,
            Cmp::Lt => actual < target,
            Cmp::Eq => actual == target,
        }
    }
}

/// Which way a 趋势 target points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// 下降
    Down,
    /// 上升
    Up,
}

impl Direction {
    /// The Chinese word.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Down => "下降",
            Direction::Up => "上升",
        }
    }
}

/// A parsed 目标值.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A number with a comparison and a unit (`%` for percentages, `""` for none).
    Compare {
        /// The comparison.
        cmp: Cmp,
        /// The number.
        value: Decimal,
        /// The unit, `%` for a percentage.
        unit: String,
    },
    /// `N级`: a level, higher is better.
    Level(Decimal),
    /// `下降` or `上升`.
    Trend(Direction),
    /// Any other text: 完成, 及时, 一等奖 …
    Word(String),
}

impl Target {
    /// Whether the target is a percentage.
    pub fn is_percent(&self) -> bool {
        matches!(self, Target::Compare { unit, .. } if unit == "%")
    }
}

/// A 目标值 that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TargetError {
    /// Blank.
    #[error("目标值为空")]
    Empty,
    /// A comparison sign without a number after it.
    #[error("目标值「{0}」的比较符号后没有数值")]
    MissingNumber(String),
}

const OPS: [(&str, Cmp); 12] = [
    (">=", Cmp::Ge),
    ("≥", Cmp::Ge),
    ("≧", Cmp::Ge),
    ("不低于", Cmp::Ge),
    ("<=", Cmp::Le),
    ("≤", Cmp::Le),
    ("≦", Cmp::Le),
    ("不高于", Cmp::Le),
    (">", Cmp::Gt),
    ("<", Cmp::Lt),
    ("=", Cmp::Eq),
    ("==", Cmp::Eq),
];

/// Parses a 目标值.
pub fn parse_target(raw: &str) -> Result<Target, TargetError> {
    let s = normalize_text(raw);
    if s.is_empty() {
        return Err(TargetError::Empty);
    }
    match s.as_str() {
        "下降" | "降低" | "减少" => return Ok(Target::Trend(Direction::Down)),
        "上升" | "提高" | "增加" | "增长" => return Ok(Target::Trend(Direction::Up)),
        _ => {}
    }
    // Longest operator first so that `>=` is not read as `>`.
    let mut op = None;
    for (text, cmp) in OPS {
        if let Some(rest) = s.strip_prefix(text)
            && op.is_none_or(|(t, _, _): (&str, Cmp, &str)| text.len() > t.len())
        {
            op = Some((text, cmp, rest));
        }
    }
    if let Some((_, cmp, rest)) = op {
        let rest = rest.trim_start_matches('=');
        return match split_number(rest) {
            Some((value, unit)) => Ok(Target::Compare {
                cmp,
                value,
                unit: unit.to_string(),
            }),
            None => Err(TargetError::MissingNumber(raw.trim().to_string())),
        };
    }
    if let Some((value, rest)) = split_number(&s) {
        if rest == "级" {
            return Ok(Target::Level(value));
        }
        if rest == "%" {
            return Ok(Target::Compare {
                cmp: Cmp::Ge,
                value,
                unit: "%".into(),
            });
        }
        if !rest.chars().any(|c| c.is_ascii_digit()) {
            return Ok(Target::Compare {
                cmp: Cmp::Eq,
                value,
                unit: rest.to_string(),
            });
        }
    }
    Ok(Target::Word(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn cmp(c: Cmp, v: &str, unit: &str) -> Target {
        Target::Compare {
            cmp: c,
            value: Decimal::from_str(v).unwrap(),
            unit: unit.into(),
        }
    }

    #[test]
    fn reads_every_target_form() {
        assert_eq!(parse_target("≥2次").unwrap(), cmp(Cmp::Ge, "2", "次"));
        assert_eq!(
            parse_target(">=35人次").unwrap(),
            cmp(Cmp::Ge, "35", "人次")
        );
        assert_eq!(parse_target("＞５").unwrap(), cmp(Cmp::Gt, "5", ""));
        assert_eq!(parse_target("≤3").unwrap(), cmp(Cmp::Le, "3", ""));
        assert_eq!(parse_target("<1%").unwrap(), cmp(Cmp::Lt, "1", "%"));
        assert_eq!(parse_target("=1次").unwrap(), cmp(Cmp::Eq, "1", "次"));
        assert_eq!(parse_target("0").unwrap(), cmp(Cmp::Eq, "0", ""));
        assert_eq!(parse_target("100%").unwrap(), cmp(Cmp::Ge, "100", "%"));
        assert_eq!(parse_target("≥30万元").unwrap(), cmp(Cmp::Ge, "30", "万元"));
        assert_eq!(
            parse_target("≥10,000人").unwrap(),
            cmp(Cmp::Ge, "10000", "人")
        );
        assert_eq!(
            parse_target("4级").unwrap(),
            Target::Level(Decimal::from(4))
        );
        assert_eq!(
            parse_target("下降").unwrap(),
            Target::Trend(Direction::Down)
        );
        assert_eq!(parse_target("上升").unwrap(), Target::Trend(Direction::Up));
        assert_eq!(parse_target("完成").unwrap(), Target::Word("完成".into()));
        assert_eq!(
            parse_target("一等奖").unwrap(),
            Target::Word("一等奖".into())
        );
    }

    #[test]
    fn rejects_unreadable_targets() {
        assert_eq!(parse_target(" "), Err(TargetError::Empty));
        assert!(matches!(
            parse_target("≥很多"),
            Err(TargetError::MissingNumber(_))
        ));
    }
}
