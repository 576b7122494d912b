//! Whether a department returned on time: its returns in the order received (what was decided
//! about each, the deadline each 退回 letter named) and 报送截止日期 → [`Timeliness`].
//!
//! The rule: the first return received counts, whatever was decided about it; when a return
//! was sent back (退回) and its letter named a deadline, the next return counts by that
//! deadline; a correction of an on-time return keeps the department on time (更正于).

use crate::domain::{Date, Receipt, Timeliness};

/// One return of a department as the rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Returned {
    /// When it counts as received.
    pub receipt: Receipt,
    /// The deadline the 退回 letter about it named, when it was sent back and a letter went.
    pub resubmit_by: Option<Date>,
}

/// The timeliness of a department whose returns are `returns` (any order) and whose return in
/// use now is the one received at `current`.
pub fn of(deadline: Option<Date>, returns: &[Returned], current: Option<Receipt>) -> Timeliness {
    let Some(deadline) = deadline else {
        return Timeliness::Unknown;
    };
    let mut sorted: Vec<Returned> = returns.to_vec();
    sorted.sort_by_key(|r| r.receipt);
    let Some(first) = sorted.first().map(|r| r.receipt) else {
        return Timeliness::Unknown;
    };
    let late = |at: Date, by: Date| at.days() - by.days();
    if late(first.date(), deadline) > 0 {
        return Timeliness::Late {
            first,
            days: late(first.date(), deadline),
            deadline,
            at: first.date(),
            after_return: false,
        };
    }
    for pair in sorted.windows(2) {
        if let Some(by) = pair[0].resubmit_by {
            let at = pair[1].receipt.date();
            if late(at, by) > 0 {
                return Timeliness::Late {
                    first,
                    days: late(at, by),
                    deadline: by,
                    at,
                    after_return: true,
                };
            }
        }
    }
    let current = current.unwrap_or(first);
    if sorted.len() < 2 || current == first {
        return Timeliness::OnTime { first };
    }
    // The last letter before the return in use, and the return that answered it.
    let answered = sorted
        .iter()
        .enumerate()
        .rfind(|(_, r)| r.receipt < current && r.resubmit_by.is_some())
        .and_then(|(k, r)| Some((r.resubmit_by?, sorted.get(k + 1)?.receipt)));
    match answered {
        Some((by, answer)) => Timeliness::Resubmitted {
            first,
            on: answer.date(),
            by,
        },
        None => Timeliness::Corrected {
            first,
            on: current.date(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ReceiptSource;

    fn on(y: i32, m: u32, d: u32) -> Receipt {
        Receipt::of_date(Date::new(y, m, d).unwrap(), ReceiptSource::Server)
    }

    fn returned(r: Receipt, by: Option<(i32, u32, u32)>) -> Returned {
        Returned {
            receipt: r,
            resubmit_by: by.and_then(|(y, m, d)| Date::new(y, m, d)),
        }
    }

    #[test]
    fn the_first_return_counts_and_a_returned_one_counts_by_its_letter() {
        let deadline = Date::new(2026, 3, 31);
        // On time, corrected a month later: still on time.
        let t = of(
            deadline,
            &[
                returned(on(2026, 3, 25), None),
                returned(on(2026, 4, 25), None),
            ],
            Some(on(2026, 4, 25)),
        );
        assert_eq!(
            t,
            Timeliness::Corrected {
                first: on(2026, 3, 25),
                on: Date::new(2026, 4, 25).unwrap()
            }
        );
        assert_eq!(t.late_days(), None);
        // On time, sent back with a deadline of 04-08, resubmitted on 04-07: on time.
        let t = of(
            deadline,
            &[
                returned(on(2026, 3, 20), Some((2026, 4, 8))),
                returned(on(2026, 4, 7), None),
            ],
            Some(on(2026, 4, 7)),
        );
        assert!(matches!(t, Timeliness::Resubmitted { .. }), "{t:?}");
        // … resubmitted on 04-10: 2 days late by the letter.
        let t = of(
            deadline,
            &[
                returned(on(2026, 3, 20), Some((2026, 4, 8))),
                returned(on(2026, 4, 10), None),
            ],
            Some(on(2026, 4, 10)),
        );
        assert_eq!(t.late_days(), Some(2));
        assert!(matches!(
            t,
            Timeliness::Late {
                after_return: true,
                ..
            }
        ));
        // Late first, whatever follows.
        let t = of(
            deadline,
            &[
                returned(on(2026, 4, 5), Some((2026, 4, 12))),
                returned(on(2026, 4, 11), None),
            ],
            Some(on(2026, 4, 11)),
        );
        assert_eq!(t.late_days(), Some(5));
        assert!(matches!(
            t,
            Timeliness::Late {
                after_return: false,
                ..
            }
        ));
        // One return on the deadline day.
        assert_eq!(
            of(deadline, &[returned(on(2026, 3, 31), None)], None),
            Timeliness::OnTime {
                first: on(2026, 3, 31)
            }
        );
        assert_eq!(
            of(None, &[returned(on(2026, 9, 1), None)], None),
            Timeliness::Unknown
        );
    }
}
