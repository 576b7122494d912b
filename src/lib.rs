//! jixiao (绩效): a city's annual 部门整体支出绩效自评价 as one batch job over spreadsheets.
//!
//! The pipeline, one module per stage:
//! [`plan`] (评价方案.xlsx → [`plan::Plan`]) → template (one workbook per department) →
//! collect (returns → identified returns) → validate → [`score`] → evaluate → [`review`]
//! (复核 decisions applied) → consolidate.
//! Shared types live in [`domain`]; [`sheet`] turns cells into text tables; [`xlsx`] and
//! [`output`] are the writing helpers; [`cli`] parses arguments and runs a command.

pub mod cli;
pub mod collect;
pub mod consolidate;
pub mod demo;
pub mod domain;
pub mod evaluate;
pub mod history;
pub mod layout;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod review;
pub mod round;
pub mod sample;
pub mod score;
pub mod sheet;
pub mod template;
pub mod terminal;
pub mod text;
pub mod transport;
pub mod validate;
pub mod xlsx;
