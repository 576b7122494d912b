//! 抽查: a seed and the departments scored → the departments drawn.
//!
//! Each department's place in the draw is a number the seed and its code alone give
//! (SplitMix64 of the seed and the code's hash); the departments with the smallest numbers
//! among those that can be drawn are drawn. So the same seed draws the same departments on
//! any machine, and when the set to draw from changes (a resubmission sent back, another
//! accepted), a department already drawn stays drawn unless it left the set or one placed
//! before it joined; [`Draw::from`] records the set, so a later run can say it changed.

use crate::domain::DeptCode;

/// How many departments to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleSize {
    /// `--sample 5`.
    Count(usize),
    /// `--sample 20%` (of the departments scored, rounded up, at least 1).
    Percent(u32),
}

impl SampleSize {
    /// Reads `5` or `20%`.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        match t.strip_suffix(['%', '％']) {
            Some(p) => p
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|p| (1..=100).contains(p))
                .map(SampleSize::Percent),
            None => t
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .map(SampleSize::Count),
        }
    }

    /// The count among `n` departments.
    pub fn of(self, n: usize) -> usize {
        match self {
            SampleSize::Count(c) => c.min(n),
            SampleSize::Percent(p) => (n * p as usize).div_ceil(100).clamp(1, n.max(1)).min(n),
        }
    }
}

/// A 抽查 draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draw {
    /// The seed.
    pub seed: u64,
    /// The departments drawn, in code order.
    pub depts: Vec<DeptCode>,
    /// The departments drawn from, in code order (empty when not known: an older 复核表).
    pub from: Vec<DeptCode>,
    /// Whether the draw was made in this run (else it was kept from a 复核表).
    pub new: bool,
}

impl Draw {
    /// This draw kept over the departments `now` drawable: every department drawn stays drawn
    /// while it can be; one that cannot any more (its resubmission sent back) is replaced by
    /// the next one the seed places. Gives the draw and the departments replaced.
    pub fn kept_for(&self, now: &[DeptCode]) -> (Draw, Vec<DeptCode>) {
        let gone: Vec<DeptCode> = self
            .depts
            .iter()
            .filter(|c| !now.contains(c))
            .cloned()
            .collect();
        let mut depts: Vec<DeptCode> = self
            .depts
            .iter()
            .filter(|c| now.contains(c))
            .cloned()
            .collect();
        let mut rest: Vec<(u64, &DeptCode)> = now
            .iter()
            .filter(|c| !depts.contains(c))
            .map(|c| (place(self.seed, c), c))
            .collect();
        rest.sort();
        depts.extend(rest.into_iter().take(gone.len()).map(|(_, c)| c.clone()));
        depts.sort();
        let mut from: Vec<DeptCode> = now.to_vec();
        from.sort();
        (
            Draw {
                seed: self.seed,
                depts,
                from,
                new: false,
            },
            gone,
        )
    }

    /// How the set drawn from changed since this draw was made: departments that joined it
    /// and departments that left it (empty when unknown or the same).
    pub fn set_changed(&self, now: &[DeptCode]) -> (Vec<DeptCode>, Vec<DeptCode>) {
        if self.from.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let joined = now
            .iter()
            .filter(|c| !self.from.contains(c))
            .cloned()
            .collect();
        let left = self
            .from
            .iter()
            .filter(|c| !now.contains(c))
            .cloned()
            .collect();
        (joined, left)
    }
}

/// Draws `size` of `candidates` with `seed`.
pub fn draw(seed: u64, size: SampleSize, candidates: &[DeptCode]) -> Draw {
    let mut codes: Vec<DeptCode> = candidates.to_vec();
    codes.sort();
    codes.dedup();
    let k = size.of(codes.len());
    let mut placed: Vec<(u64, &DeptCode)> = codes.iter().map(|c| (place(seed, c), c)).collect();
    placed.sort();
    let mut depts: Vec<DeptCode> = placed.into_iter().take(k).map(|(_, c)| c.clone()).collect();
    depts.sort();
    Draw {
        seed,
        depts,
        from: codes,
        new: true,
    }
}

/// A department's place in the draw of `seed`: from the seed and its code alone.
fn place(seed: u64, code: &DeptCode) -> u64 {
    let mut h = crate::domain::Fnv::new();
    h.field(code.as_str());
    let mut state = seed ^ u64::from_str_radix(&h.hex(), 16).unwrap_or_default();
    splitmix(&mut state)
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(n: usize) -> Vec<DeptCode> {
        (1..=n).map(|i| DeptCode::new(format!("{i:03}"))).collect()
    }

    #[test]
    fn the_same_seed_and_departments_give_the_same_draw() {
        let a = draw(42, SampleSize::Count(3), &codes(10));
        let mut shuffled = codes(10);
        shuffled.reverse();
        let b = draw(42, SampleSize::Count(3), &shuffled);
        assert_eq!(a, b);
        assert_eq!(a.depts.len(), 3);
        assert_ne!(draw(43, SampleSize::Count(3), &codes(10)).depts, a.depts);
        assert_eq!(draw(1, SampleSize::Count(20), &codes(4)).depts.len(), 4);
    }

    #[test]
    fn a_known_seed_draws_known_departments_and_a_changed_set_keeps_them() {
        let all = codes(18);
        let a = draw(2025, SampleSize::Count(3), &all);
        assert_eq!(
            a.depts.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            PINNED
        );
        // One department not drawn leaves the set (sent back after a resubmission): the
        // same three.
        let fewer: Vec<DeptCode> = all
            .iter()
            .filter(|c| !a.depts.contains(c))
            .skip(1)
            .chain(a.depts.iter())
            .cloned()
            .collect();
        assert_eq!(draw(2025, SampleSize::Count(3), &fewer).depts, a.depts);
        let (joined, left) = a.set_changed(&fewer);
        assert!(joined.is_empty());
        assert_eq!(left.len(), 1);
        // A department drawn that cannot be drawn any more is replaced, the other stays.
        let without_first: Vec<DeptCode> =
            all.iter().filter(|c| **c != a.depts[0]).cloned().collect();
        let (kept, gone) = a.kept_for(&without_first);
        assert_eq!(gone, [a.depts[0].clone()]);
        assert_eq!(kept.depts.len(), 3);
        assert!(kept.depts.contains(&a.depts[1]) && kept.depts.contains(&a.depts[2]));
        assert!(!kept.depts.contains(&a.depts[0]));
    }

    /// The departments seed 2025 draws from 001…018 (pinned: a change to the draw changes
    /// every bureau's reproducible 抽查).
    const PINNED: [&str; 3] = ["002", "009", "017"];

    #[test]
    fn sizes_read_as_counts_or_shares() {
        assert_eq!(SampleSize::parse("5"), Some(SampleSize::Count(5)));
        assert_eq!(SampleSize::parse("20%"), Some(SampleSize::Percent(20)));
        assert_eq!(SampleSize::parse("0"), None);
        assert_eq!(SampleSize::parse("120%"), None);
        assert_eq!(SampleSize::Percent(20).of(11), 3);
        assert_eq!(SampleSize::Percent(1).of(3), 1);
    }
}
