//! The pieces of the rules that carry a list: 分段 tiers, 定性 bands, 排名 places, and the
//! points a tier gives. Each is parsed from the text after `分段:` / `定性:` / `排名:`, already
//! normalised (half-width `:;,=~`); `None` means malformed, and the caller names the form.

use super::super::target::{Cmp, Target, parse_target};
use crate::domain::fmt_plain;
use crate::text::{parse_plain_number, split_number};
use rust_decimal::Decimal;

/// What a tier gives: points, or a share of the weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Points {
    /// `得5`: 5 points.
    Fixed(Decimal),
    /// `得80%`: 80% of the weight (held as 0.8).
    Share(Decimal),
}

impl Points {
    /// The points for an indicator of weight `w`.
    pub fn of(self, w: Decimal) -> Decimal {
        match self {
            Points::Fixed(p) => p,
            Points::Share(s) => w * s,
        }
    }

    /// Parses `5`, `5分` or `80%` (the text after 得).
    fn parse(s: &str) -> Option<Self> {
        let s = s.strip_suffix('分').unwrap_or(s);
        let (v, rest) = split_number(s)?;
        if v < Decimal::ZERO {
            return None;
        }
        match rest {
            "" => Some(Points::Fixed(v)),
            "%" if v <= Decimal::ONE_HUNDRED => Some(Points::Share(v / Decimal::ONE_HUNDRED)),
            _ => None,
        }
    }
}

/// A tier's condition on the actual value: `≥90%`, `<60`, `=0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The comparison.
    pub cmp: Cmp,
    /// The threshold, in the target's units (`90` for `≥90%`).
    pub value: Decimal,
    /// `%` when written with a percent sign, else the unit written or `""`.
    pub unit: String,
}

impl Condition {
    /// Whether `actual` meets it.
    pub fn holds(&self, actual: Decimal) -> bool {
        self.cmp.holds(actual, self.value)
    }

    /// Whether every value meeting `other` also meets `self`.
    pub fn covers(&self, other: &Condition) -> bool {
        let (a, b) = (self.value, other.value);
        match (self.cmp, other.cmp) {
            (_, Cmp::Eq) => self.holds(b),
            (Cmp::Ge, Cmp::Ge | Cmp::Gt) => b >= a,
            (Cmp::Gt, Cmp::Ge) => b > a,
            (Cmp::Gt, Cmp::Gt) => b >= a,
            (Cmp::Le, Cmp::Le | Cmp::Lt) => b <= a,
            (Cmp::Lt, Cmp::Le) => b < a,
            (Cmp::Lt, Cmp::Lt) => b <= a,
            _ => false,
        }
    }
}

/// One 分段 tier: a condition (none for `其他`) and what it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// As written, for explanations and plan errors: `≥90%得5`.
    pub text: String,
    /// `None` for `其他`, which matches anything.
    pub when: Option<Condition>,
    /// What the tier gives.
    pub points: Points,
}

/// Parses `≥90%得5;≥80%得4;其他得0`.
pub fn parse_segments(body: &str) -> Option<Vec<Tier>> {
    let mut tiers = Vec::new();
    for item in body.split(';').filter(|x| !x.is_empty()) {
        let (cond, points) = item.rsplit_once('得')?;
        let points = Points::parse(points)?;
        let when = match cond {
            "其他" | "其它" | "其余" => None,
            c => match parse_target(c).ok()? {
                Target::Compare { cmp, value, unit } => Some(Condition { cmp, value, unit }),
                _ => return None,
            },
        };
        tiers.push(Tier {
            text: item.to_string(),
            when,
            points,
        });
    }
    (!tiers.is_empty()).then_some(tiers)
}

/// The first tier that an earlier one makes unreachable, and that earlier one.
pub fn unreachable_tier(tiers: &[Tier]) -> Option<(&Tier, &Tier)> {
    tiers.iter().enumerate().find_map(|(i, t)| {
        tiers[..i]
            .iter()
            .find(|e| match (&e.when, &t.when) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(a), Some(b)) => a.covers(b),
            })
            .map(|e| (t, e))
    })
}

/// One 定性 band: a label and its share of the weight, `low` included, `high` excluded
/// unless it is 100%.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// 达成, 部分达成 …
    pub label: String,
    /// Lower bound, percent of the weight (80 for 80%).
    pub low: Decimal,
    /// Upper bound, percent of the weight.
    pub high: Decimal,
}

impl Band {
    /// Whether a score of `s` points (of weight `w`) lies in the band.
    pub fn contains(&self, s: Decimal, w: Decimal) -> bool {
        let (lo, hi) = self.points(w);
        s >= lo && (s < hi || (self.high == Decimal::ONE_HUNDRED && s <= hi))
    }

    /// The band's bounds in points for weight `w`.
    pub fn points(&self, w: Decimal) -> (Decimal, Decimal) {
        let h = Decimal::ONE_HUNDRED;
        (w * self.low / h, w * self.high / h)
    }

    /// `60%～80%`.
    pub fn range_text(&self) -> String {
        format!("{}%～{}%", fmt_plain(self.low), fmt_plain(self.high))
    }
}

/// The three bands of a bare `定性`.
pub fn default_bands() -> Vec<Band> {
    let b = |label: &str, low: i64, high: i64| Band {
        label: label.into(),
        low: Decimal::from(low),
        high: Decimal::from(high),
    };
    vec![
        b("达成", 80, 100),
        b("部分达成", 60, 80),
        b("未达成", 0, 60),
    ]
}

/// Parses `达成=80%~100%;部分达成=60%~80%;未达成=0~60%` (bounds are percents of the weight,
/// the % sign optional).
pub fn parse_bands(body: &str) -> Option<Vec<Band>> {
    let bound = |s: &str| -> Option<Decimal> {
        let v = parse_plain_number(s.strip_suffix('%').unwrap_or(s))?;
        (Decimal::ZERO..=Decimal::ONE_HUNDRED)
            .contains(&v)
            .then_some(v)
    };
    let mut bands = Vec::new();
    for item in body.split(';').filter(|x| !x.is_empty()) {
        let (label, range) = item.split_once('=')?;
        let (a, b) = range.split_once('~').or_else(|| range.split_once('-'))?;
        let (low, high) = (bound(a)?, bound(b)?);
        if label.is_empty() || low >= high {
            return None;
        }
        bands.push(Band {
            label: label.to_string(),
            low,
            high,
        });
    }
    (bands.len() >= 2).then_some(bands)
}

/// Why a set of bands does not cover 0%–100% exactly once.
pub fn bands_problem(bands: &[Band]) -> Option<String> {
    let mut sorted: Vec<&Band> = bands.iter().collect();
    sorted.sort_by_key(|b| b.low);
    let mut at = Decimal::ZERO;
    for (i, b) in sorted.iter().enumerate() {
        if b.low > at {
            return Some(format!(
                "定性档次没有覆盖 {}%～{}%",
                fmt_plain(at),
                fmt_plain(b.low)
            ));
        }
        if b.low < at && i > 0 {
            return Some(format!(
                "定性档次「{}」（{}）与「{}」（{}）重叠",
                sorted[i - 1].label,
                sorted[i - 1].range_text(),
                b.label,
                b.range_text()
            ));
        }
        at = b.high;
    }
    (at < Decimal::ONE_HUNDRED).then(|| format!("定性档次没有覆盖 {}%～100%", fmt_plain(at)))
}

/// One 排名 place: ranks `first..=last` (none for `其他`) and what they give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// As written: `第2-3名得4`.
    pub text: String,
    /// `None` for `其他`.
    pub ranks: Option<(u32, u32)>,
    /// What the place gives.
    pub points: Points,
}

/// Parses `第1名得5;第2-3名得4;其他得3`.
pub fn parse_places(body: &str) -> Option<Vec<Place>> {
    let rank = |s: &str| -> Option<u32> { s.parse::<u32>().ok().filter(|r| *r >= 1) };
    let mut places = Vec::new();
    for item in body.split(';').filter(|x| !x.is_empty()) {
        let (head, points) = item.rsplit_once('得')?;
        let points = Points::parse(points)?;
        let ranks = match head {
            "其他" | "其它" | "其余" => None,
            h => {
                let inner = h.strip_prefix('第')?.strip_suffix('名')?;
                let (a, b) = match inner.split_once(['-', '~', '—', '–', '至']) {
                    Some((a, b)) => (rank(a)?, rank(b)?),
                    None => (rank(inner)?, rank(inner)?),
                };
                if a > b {
                    return None;
                }
                Some((a, b))
            }
        };
        places.push(Place {
            text: item.to_string(),
            ranks,
            points,
        });
    }
    (!places.is_empty()).then_some(places)
}

/// The first place an earlier one makes unreachable or overlaps, and that earlier one.
pub fn overlapping_place(places: &[Place]) -> Option<(&Place, &Place)> {
    places.iter().enumerate().find_map(|(i, p)| {
        places[..i]
            .iter()
            .find(|e| match (e.ranks, p.ranks) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some((a, b)), Some((c, d))) => c <= b && a <= d,
            })
            .map(|e| (p, e))
    })
}
