//! Spilled indicator results: a department's [`IndicatorResult`]s → compact bytes appended
//! to one temporary file for the run ([`Spill`]), and back.
//!
//! A run with many departments would otherwise hold every indicator result of every return
//! until ranks are known and the outputs are written (some 37 KB a return). Spilled, an
//! evaluation keeps its totals, findings and status in memory and a [`Slot`] for the rest;
//! its results are decoded when a writer asks for them, one department at a time.
//!
//! Guarantees: what [`Spill::get`] returns is equal, field for field, to what [`Spill::put`]
//! was given (the plan indicator by identity); a slot's bytes are never overwritten (a
//! changed department is appended again); the file is deleted when the last handle drops,
//! even on a crash on Windows and Unix (an anonymous temporary file).

use super::{IndicatorResult, Review};
use crate::domain::{CellRef, Location, Score};
use crate::plan::{Indicator, Plan};
use crate::score::{Ambiguity, Caution, Scored};
use crate::validate::{IndicatorInput, InputCells};
use rust_decimal::Decimal;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// Where a department's results lie in the spill file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    offset: u64,
    len: u32,
}

/// The run's temporary file of spilled results. Shared by the threads that score and write:
/// each put and get holds the lock only for one department's bytes.
#[derive(Debug)]
pub struct Spill {
    file: Mutex<(File, u64)>,
}

impl Spill {
    /// A new, empty spill in the system's temporary folder.
    pub fn new() -> io::Result<Self> {
        Ok(Self {
            file: Mutex::new((tempfile::tempfile()?, 0)),
        })
    }

    /// Appends `results` (whose indicators must be `plan`'s) and says where they are.
    pub fn put(&self, plan: &Plan, results: &[IndicatorResult<'_>]) -> io::Result<Slot> {
        let mut w = Writer(Vec::with_capacity(results.len() * 96));
        w.u32(results.len() as u32);
        for r in results {
            w.result(plan, r)?;
        }
        let bytes = w.0;
        let len = u32::try_from(bytes.len())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "一个部门的指标结果过大"))?;
        let mut guard = self
            .file
            .lock()
            .map_err(|_| io::Error::other("临时文件被另一线程的错误中断"))?;
        let (file, end) = &mut *guard;
        let offset = *end;
        file.seek(SeekFrom::Start(offset))?;
        file.write_all(&bytes)?;
        *end += u64::from(len);
        Ok(Slot { offset, len })
    }

    /// The results put at `slot`, their indicators taken from `plan`.
    pub fn get<'p>(&self, plan: &'p Plan, slot: Slot) -> io::Result<Vec<IndicatorResult<'p>>> {
        let mut bytes = vec![0; slot.len as usize];
        {
            let mut guard = self
                .file
                .lock()
                .map_err(|_| io::Error::other("临时文件被另一线程的错误中断"))?;
            let (file, _) = &mut *guard;
            file.seek(SeekFrom::Start(slot.offset))?;
            file.read_exact(&mut bytes)?;
        }
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        let n = r.u32()? as usize;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(r.result(plan)?);
        }
        if r.at != bytes.len() {
            return Err(corrupt());
        }
        Ok(out)
    }
}

/// A spill's error in the words a user reads (an OS error's own text never reaches one).
pub fn error_text(e: &io::Error) -> String {
    format!("暂存各部门指标结果的临时文件读写失败：{}", error_reason(e))
}

/// Why a spill failed, in a few words: ours, or the OS error's in Chinese.
pub fn error_reason(e: &io::Error) -> String {
    if e.get_ref().is_some() {
        e.to_string()
    } else {
        crate::domain::io_text(e)
    }
}

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "临时文件中的指标结果已损坏")
}

/// The position of `ind` in `plan.indicators`, by identity.
fn index_of(plan: &Plan, ind: &Indicator) -> Option<u32> {
    let base = plan.indicators.as_ptr() as usize;
    let at = (ind as *const Indicator as usize).checked_sub(base)?;
    let k = at / size_of::<Indicator>().max(1);
    let found = plan.indicators.get(k)?;
    std::ptr::eq(found, ind)
        .then(|| u32::try_from(k).ok())
        .flatten()
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn decimal(&mut self, d: Decimal) {
        self.0.extend_from_slice(&d.serialize());
    }
    fn opt<T>(&mut self, v: &Option<T>, each: impl FnOnce(&mut Self, &T)) {
        match v {
            Some(x) => {
                self.u8(1);
                each(self, x);
            }
            None => self.u8(0),
        }
    }
    fn cell(&mut self, c: &CellRef) {
        self.u32(c.row);
        self.u32(c.col);
    }
    fn location(&mut self, l: &Location) {
        self.str(&l.file);
        self.opt(&l.sheet, |w, s| w.str(s));
        self.opt(&l.cell, Self::cell);
    }

    fn result(&mut self, plan: &Plan, r: &IndicatorResult<'_>) -> io::Result<()> {
        let i = &r.input;
        let index = index_of(plan, i.indicator)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "指标不属于本次评价方案"))?;
        self.u32(index);
        self.opt(&i.row, |w, v| w.u32(*v));
        self.str(&i.actual);
        self.opt(&i.self_score, |w, v| w.decimal(*v));
        self.str(&i.reason);
        self.str(&i.evidence);
        self.bool(i.weight_changed);
        self.opt(&i.cells.actual, Self::cell);
        self.opt(&i.cells.self_score, Self::cell);
        self.opt(&i.cells.reason, Self::cell);
        self.opt(&r.scored, Self::scored);
        self.bool(r.reason_given);
        self.opt(&r.review, |w, v| {
            w.decimal(v.score.value());
            w.str(&v.opinion);
            w.str(&v.reviewer);
            w.str(&v.date);
            w.location(&v.at);
        });
        Ok(())
    }

    fn scored(&mut self, s: &Scored) {
        self.decimal(s.score.value());
        self.str(&s.explanation);
        self.bool(s.review);
        self.str(&s.actual);
        self.opt(&s.ambiguous, |w, a| {
            w.str(&a.typed);
            w.decimal(a.used);
            w.decimal(a.other);
        });
        self.opt(&s.caution, |w, c| match &**c {
            Caution::OutsideBand {
                own,
                used,
                label,
                range,
            } => {
                w.u8(0);
                w.decimal(*own);
                w.decimal(*used);
                w.str(label);
                w.str(range);
            }
            Caution::Alone => w.u8(1),
        });
        self.opt(&s.peer_value, |w, v| w.decimal(*v));
        self.bool(s.not_applicable);
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> io::Result<&[u8]> {
        let end = self.at.checked_add(n).ok_or_else(corrupt)?;
        let out = self.bytes.get(self.at..end).ok_or_else(corrupt)?;
        self.at = end;
        Ok(out)
    }
    fn u8(&mut self) -> io::Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn bool(&mut self) -> io::Result<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(corrupt()),
        }
    }
    fn u32(&mut self) -> io::Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn string(&mut self) -> io::Result<String> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| corrupt())
    }
    fn decimal(&mut self) -> io::Result<Decimal> {
        let b = self.take(16)?;
        let mut a = [0u8; 16];
        a.copy_from_slice(b);
        Ok(Decimal::deserialize(a))
    }
    fn opt<T>(&mut self, each: impl FnOnce(&mut Self) -> io::Result<T>) -> io::Result<Option<T>> {
        match self.u8()? {
            0 => Ok(None),
            1 => each(self).map(Some),
            _ => Err(corrupt()),
        }
    }
    fn cell(&mut self) -> io::Result<CellRef> {
        Ok(CellRef::new(self.u32()?, self.u32()?))
    }
    fn location(&mut self) -> io::Result<Location> {
        Ok(Location {
            file: self.string()?,
            sheet: self.opt(Self::string)?,
            cell: self.opt(Self::cell)?,
        })
    }

    fn result<'p>(&mut self, plan: &'p Plan) -> io::Result<IndicatorResult<'p>> {
        let indicator = plan
            .indicators
            .get(self.u32()? as usize)
            .ok_or_else(corrupt)?;
        let input = IndicatorInput {
            indicator,
            row: self.opt(Self::u32)?,
            actual: self.string()?,
            self_score: self.opt(Self::decimal)?,
            reason: self.string()?,
            evidence: self.string()?,
            weight_changed: self.bool()?,
            cells: InputCells {
                actual: self.opt(Self::cell)?,
                self_score: self.opt(Self::cell)?,
                reason: self.opt(Self::cell)?,
            },
        };
        let scored = self.opt(Self::scored)?;
        let reason_given = self.bool()?;
        let review = self.opt(|r| {
            Ok(Box::new(Review {
                score: Score(r.decimal()?),
                opinion: r.string()?,
                reviewer: r.string()?,
                date: r.string()?,
                at: r.location()?,
            }))
        })?;
        Ok(IndicatorResult {
            input,
            scored,
            reason_given,
            review,
        })
    }

    fn scored(&mut self) -> io::Result<Scored> {
        Ok(Scored {
            score: Score(self.decimal()?),
            explanation: self.string()?,
            review: self.bool()?,
            actual: self.string()?,
            ambiguous: self.opt(|r| {
                Ok(Box::new(Ambiguity {
                    typed: r.string()?,
                    used: r.decimal()?,
                    other: r.decimal()?,
                }))
            })?,
            caution: self.opt(|r| {
                Ok(Box::new(match r.u8()? {
                    0 => Caution::OutsideBand {
                        own: r.decimal()?,
                        used: r.decimal()?,
                        label: r.string()?,
                        range: r.string()?,
                    },
                    1 => Caution::Alone,
                    _ => return Err(corrupt()),
                }))
            })?,
            peer_value: self.opt(Self::decimal)?,
            not_applicable: self.bool()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo department's results come back as they went in, with the rare parts (a
    /// 复核 decision, a caution, an ambiguity, a peer value) set on some of them.
    #[test]
    fn results_come_back_equal_rare_parts_included() {
        crate::cli::with_demo_assessment(|plan, a, _| {
            let spill = Spill::new().unwrap();
            let mut slots = Vec::new();
            for (k, e) in a.evaluations.iter().enumerate() {
                let mut results = e.indicators().unwrap().into_owned();
                if let Some(r) = results.get_mut(k) {
                    r.review = Some(Box::new(Review {
                        score: Score(Decimal::new(35, 1)),
                        opinion: "佐证不足，按「基本完成」计".into(),
                        reviewer: "王五".into(),
                        date: "2022-03-01".into(),
                        at: Location::cell("复核表.xlsx", "复核", CellRef::new(4, 11)),
                    }));
                    if let Some(s) = r.scored.as_mut() {
                        s.caution = Some(Box::new(if k % 2 == 0 {
                            Caution::OutsideBand {
                                own: Decimal::new(9, 0),
                                used: Decimal::new(8, 0),
                                label: "良".into(),
                                range: "60%～80%".into(),
                            }
                        } else {
                            Caution::Alone
                        }));
                        s.ambiguous = Some(Box::new(Ambiguity {
                            typed: "0.4".into(),
                            used: Decimal::new(40, 0),
                            other: Decimal::new(4, 1),
                        }));
                        s.peer_value = Some(Decimal::new(-12345, 3));
                    }
                }
                slots.push((spill.put(plan, &results).unwrap(), results));
            }
            assert!(slots.len() >= 5);
            // Read back in another order than written.
            for (slot, results) in slots.iter().rev() {
                let back = spill.get(plan, *slot).unwrap();
                assert_eq!(format!("{back:?}"), format!("{results:?}"));
                for (b, r) in back.iter().zip(results) {
                    assert!(std::ptr::eq(b.input.indicator, r.input.indicator));
                }
            }
        });
    }

    /// An indicator that is not the plan's own cannot be spilled (it could not be found again).
    #[test]
    fn an_indicator_outside_the_plan_is_refused() {
        crate::cli::with_demo_assessment(|plan, a, _| {
            let e = &a.evaluations[0];
            let results = e.indicators().unwrap();
            let stranger = Box::new(results[0].input.indicator.clone());
            let mut moved = results.into_owned();
            moved[0].input.indicator = &stranger;
            let spill = Spill::new().unwrap();
            let err = spill.put(plan, &moved).unwrap_err();
            assert!(error_text(&err).contains("指标不属于本次评价方案"), "{err}");
        });
    }

    /// An evaluation whose results cannot be spilled keeps them in memory, unchanged; one
    /// that can is read back equal, and a change to it is written again.
    #[test]
    fn an_evaluation_spills_or_keeps_its_results() {
        crate::cli::with_demo_assessment(|plan, a, _| {
            let spill = std::sync::Arc::new(Spill::new().unwrap());
            let mut e = a.evaluations[0].clone();
            let before = format!("{:?}", e.indicators().unwrap());
            let stranger = Box::new(e.indicators().unwrap()[0].input.indicator.clone());
            let mut odd = e.clone();
            odd.update_indicators(|r| {
                r[0].input.indicator = &stranger;
                true
            })
            .unwrap();
            assert!(odd.spill(&spill, plan).is_err());
            assert!(matches!(odd.indicators, super::super::Results::Held(_)));
            e.spill(&spill, plan).unwrap();
            assert!(matches!(
                e.indicators,
                super::super::Results::Spilled { .. }
            ));
            assert_eq!(format!("{:?}", e.indicators().unwrap()), before);
            assert_eq!(e.indicator_count(), a.evaluations[0].indicator_count());
            let copy = e.clone();
            let changed = e
                .update_indicators(|r| {
                    r[0].reason_given = !r[0].reason_given;
                    true
                })
                .unwrap();
            assert!(changed);
            assert_ne!(format!("{:?}", e.indicators().unwrap()), before);
            // The first slot is left as it was: a copy spilled before the change still reads it.
            assert_eq!(format!("{:?}", copy.indicators().unwrap()), before);
        });
    }

    /// Damaged bytes are an error, never other results.
    #[test]
    fn a_cut_slot_is_an_error() {
        crate::cli::with_demo_assessment(|plan, a, _| {
            let spill = Spill::new().unwrap();
            let slot = spill
                .put(plan, &a.evaluations[0].indicators().unwrap())
                .unwrap();
            let cut = Slot {
                len: slot.len - 3,
                ..slot
            };
            let err = spill.get(plan, cut).unwrap_err();
            assert!(error_text(&err).contains("已损坏"), "{err}");
        });
    }
}
