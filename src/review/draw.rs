//! 抽查: a seed and the departments scored → the departments drawn. The draw depends only on
//! the seed, the number asked for and the set of department codes (sorted first), so the
//! same seed over the same departments always draws the same ones, on any machine.

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
    /// Whether the draw was made in this run (else it was kept from a 复核表).
    pub new: bool,
}

/// Draws `size` of `candidates` with `seed`.
pub fn draw(seed: u64, size: SampleSize, candidates: &[DeptCode]) -> Draw {
    let mut codes: Vec<DeptCode> = candidates.to_vec();
    codes.sort();
    codes.dedup();
    let k = size.of(codes.len());
    let mut state = seed;
    // A partial Fisher–Yates shuffle driven by SplitMix64.
    for i in 0..k {
        let r = splitmix(&mut state);
        let j = i + (r % (codes.len() - i) as u64) as usize;
        codes.swap(i, j);
    }
    let mut depts: Vec<DeptCode> = codes.into_iter().take(k).collect();
    depts.sort();
    Draw {
        seed,
        depts,
        new: true,
    }
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
    fn sizes_read_as_counts_or_shares() {
        assert_eq!(SampleSize::parse("5"), Some(SampleSize::Count(5)));
        assert_eq!(SampleSize::parse("20%"), Some(SampleSize::Percent(20)));
        assert_eq!(SampleSize::parse("0"), None);
        assert_eq!(SampleSize::parse("120%"), None);
        assert_eq!(SampleSize::Percent(20).of(11), 3);
        assert_eq!(SampleSize::Percent(1).of(3), 1);
    }
}
