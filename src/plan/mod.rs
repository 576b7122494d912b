//! Plan reader: 评价方案.xlsx (or its sheets as text) → a checked [`Plan`].
//!
//! Sheets are found by name (`方案`, `部门`, `指标`, `预算`), columns by header text in any
//! order, extra columns are ignored. Every problem is collected, not just the first, and each
//! names its cell (`评价方案.xlsx!指标!G14`) with a Chinese message, so the finance bureau fixes
//! the plan in one pass. A plan with any error is refused as a whole: nothing downstream ever
//! sees a half-checked plan.
//!
//! - [`read`] opens a workbook (the only function here that touches disk);
//! - [`parse`] turns [`RawSheet`]s into a [`Plan`] or a [`PlanErrors`] list;
//! - [`write`](mod@write) turns sheets into a plan workbook (the built-in sample is [`crate::sample`]).

mod model;
mod parse;
mod read;
pub mod roll;
pub mod rule;
pub mod target;

pub mod write;

pub use crate::layout::plan::{SHEET_BUDGET, SHEET_DEPARTMENTS, SHEET_INDICATORS, SHEET_SETTINGS};
pub use model::*;
pub(crate) use parse::{Parser, SheetKind};
pub use parse::{
    PlanError, PlanErrors, PlanReadError, open_reason, parse, parse_percent, same_but_zeros,
};
pub use read::{read, read_sheets};
pub use rule::{
    Band, Best, Condition, Example, Form, Kind, Place, Points, Rule, RuleError, Tier,
    check_compatible, check_rule, default_bands, infer_rule, parse_rule, unit_for_zero,
};
pub use target::{Cmp, Direction, Target, TargetError, parse_target};
