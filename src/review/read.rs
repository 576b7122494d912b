//! A filled 复核表 (bytes, as Excel, WPS or LibreOffice saved it) → its decisions, the rows
//! refused with their cells, the return fingerprints the reviewer saw and any 抽查 draw.
//!
//! A row with nothing in 复核得分 and 复核意见 is not a decision and is skipped. Columns are
//! found by header, so a reviewer who moves or hides columns loses nothing; a header that
//! was renamed or deleted makes the file a [`ReviewFileError::Headers`], never a file of no
//! decisions. Every row is refused at its cell (and its entered values kept for the next
//! 复核表) when the plan changed since the 复核表 was written, when its 复核得分 is a formula
//! (whose stored result may never have been calculated), or when the same indicator is
//! decided twice in the file with different scores or opinions.

use super::{Decision, Draw, Refusal, Refused};
use crate::domain::{CellRef, DeptCode, Fnv, IndicatorCode, Location, Score, fmt_plain};
use crate::layout::review::{
    RETURN_PREFIX, REVIEW_KIND, ReviewCol, ReviewMeta, SHEET_REVIEW, SHEET_REVIEW_META,
};
use crate::plan::Plan;
use crate::sheet::{Limits, RawSheet, stream_xlsx};
use crate::text::{normalize_text, parse_plain_number};
use std::collections::HashMap;
use std::io::Cursor;
use thiserror::Error;

/// A review workbook read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewFile {
    /// The file as the user named it.
    pub display: String,
    /// FNV-1a of its bytes.
    pub fingerprint: String,
    /// Its plan fingerprint (`_review`).
    pub plan: String,
    /// Rows that hold a readable decision.
    pub decisions: Vec<Decision>,
    /// Rows that cannot be a decision.
    pub refused: Vec<Refused>,
    /// The 抽查 draw it holds.
    pub draw: Option<Draw>,
}

/// A file that is not a 复核表 jixiao wrote.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReviewFileError {
    /// Not a workbook calamine can open.
    #[error("无法作为 Excel 工作簿打开：{0}")]
    Unreadable(String),
    /// No 复核表 sheet or no `_review` sheet.
    #[error("不是 jixiao 写出的复核表（缺少工作表「{0}」）")]
    NotReview(&'static str),
    /// Headers the reviewer renamed or deleted.
    #[error(
        "工作表「{sheet}」的表头缺少「{missing}」（列名被修改或删除过）：请恢复原来的列名后再运行；不要修改复核表的表头"
    )]
    Headers {
        /// The sheet.
        sheet: &'static str,
        /// The headers missing, joined.
        missing: String,
    },
    /// Another year's review.
    #[error("是 {found} 年度的复核表，本次评价年度为 {want}")]
    WrongYear {
        /// The file's year.
        found: String,
        /// The plan's year.
        want: i32,
    },
}

/// Reads a 复核表.
pub fn read_review_file(
    plan: &Plan,
    display: &str,
    bytes: &[u8],
) -> Result<ReviewFile, ReviewFileError> {
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReviewFileError::Unreadable(damage(&e)))?;
    let names = calamine::Reader::sheet_names(&wb);
    let read = |wb: &mut calamine::Xlsx<Cursor<&[u8]>>,
                name: &'static str|
     -> Result<RawSheet, ReviewFileError> {
        if !names.iter().any(|n| n == name) {
            return Err(ReviewFileError::NotReview(name));
        }
        stream_xlsx(wb, name, name, Limits::NONE).map_err(|_| {
            ReviewFileError::Unreadable(format!(
                "工作表「{name}」已损坏，无法读取；请用 Excel 或 WPS 打开确认后另存为 .xlsx"
            ))
        })
    };
    let meta = read(&mut wb, SHEET_REVIEW_META)?;
    let sheet = read(&mut wb, SHEET_REVIEW)?;
    let values: HashMap<String, String> = meta
        .rows
        .iter()
        .map(|r| (r.get(0).trim().to_string(), r.get(1).trim().to_string()))
        .collect();
    let get = |k: ReviewMeta| values.get(k.key()).cloned().unwrap_or_default();
    if get(ReviewMeta::Kind) != REVIEW_KIND {
        return Err(ReviewFileError::NotReview(SHEET_REVIEW_META));
    }
    let year = get(ReviewMeta::Year);
    if year != plan.settings.year.to_string() {
        return Err(ReviewFileError::WrongYear {
            found: year,
            want: plan.settings.year,
        });
    }
    let seen = |dept: &str| {
        values
            .get(&format!("{RETURN_PREFIX}{dept}"))
            .cloned()
            .unwrap_or_default()
    };
    let draw = get(ReviewMeta::Seed).parse::<u64>().ok().map(|seed| Draw {
        seed,
        depts: get(ReviewMeta::Drawn)
            .split(',')
            .filter(|c| !c.trim().is_empty())
            .map(|c| DeptCode::new(c.trim()))
            .collect(),
        from: get(ReviewMeta::DrawnFrom)
            .split(',')
            .filter(|c| !c.trim().is_empty())
            .map(|c| DeptCode::new(c.trim()))
            .collect(),
        new: false,
    });
    let mut h = Fnv::new();
    h.bytes(bytes);
    let mut out = ReviewFile {
        display: display.to_string(),
        fingerprint: h.hex(),
        plan: get(ReviewMeta::Plan),
        decisions: Vec::new(),
        refused: Vec::new(),
        draw,
    };
    let required = [
        ReviewCol::Dept,
        ReviewCol::Indicator,
        ReviewCol::Reviewed,
        ReviewCol::Opinion,
    ];
    let header = required.iter().find_map(|c| sheet.header(c.header()));
    let missing: Vec<&str> = required
        .iter()
        .map(|c| c.header())
        .filter(|h| header.as_ref().and_then(|hd| hd.col(h)).is_none())
        .collect();
    let Some(header) = header.filter(|_| missing.is_empty()) else {
        return Err(ReviewFileError::Headers {
            sheet: SHEET_REVIEW,
            missing: missing.join("」「"),
        });
    };
    // Cells of 复核得分 that hold a formula: their stored result is not what was typed.
    let formulas: std::collections::HashSet<u32> = header
        .col(ReviewCol::Reviewed.header())
        .map(|c| formula_rows(&mut wb, c))
        .unwrap_or_default();
    let plan_changed = !out.plan.is_empty() && out.plan != crate::template::plan_fingerprint(plan);
    let col = |c: ReviewCol| header.col(c.header());
    let text = |row: &crate::sheet::RawRow, c: ReviewCol| -> String {
        col(c)
            .map(|i| row.get(i).trim().to_string())
            .unwrap_or_default()
    };
    for row in sheet.rows.iter().filter(|r| r.row > header.row) {
        let dept = normalize_text(&text(row, ReviewCol::Dept));
        let ind = normalize_text(&text(row, ReviewCol::Indicator));
        let score_text = text(row, ReviewCol::Reviewed);
        let opinion = text(row, ReviewCol::Opinion);
        if score_text.is_empty() && opinion.is_empty() {
            continue;
        }
        let at_col = |c: ReviewCol| {
            Location::cell(
                display,
                SHEET_REVIEW,
                CellRef::new(row.row, col(c).unwrap_or_default()),
            )
        };
        let entered = super::Entered {
            score: score_text.clone(),
            opinion: opinion.clone(),
            reviewer: text(row, ReviewCol::Reviewer),
            date: text(row, ReviewCol::Date),
        };
        let refuse = |c: ReviewCol, why: String| Refused {
            at: at_col(c),
            dept: dept.clone(),
            indicator: ind.clone(),
            decision: None,
            entered: entered.clone(),
            why: Refusal::Invalid(why),
        };
        if plan_changed {
            out.refused.push(refuse(
                ReviewCol::Reviewed,
                "复核表生成后评价方案已修改：未采用，请在新的复核表中重新复核（已填的内容会带过去）"
                    .into(),
            ));
            continue;
        }
        if formulas.contains(&row.row) {
            out.refused.push(refuse(
                ReviewCol::Reviewed,
                "复核得分是公式，其中保存的结果可能未经计算：请直接填写分数".into(),
            ));
            continue;
        }
        let Some(d) = plan.department(&DeptCode::new(dept.as_str())) else {
            out.refused.push(refuse(
                ReviewCol::Dept,
                format!("部门编码「{dept}」不在评价方案中"),
            ));
            continue;
        };
        let Some(indicator) = plan
            .indicators_for(d)
            .into_iter()
            .find(|i| i.code.as_str() == ind)
        else {
            out.refused.push(refuse(
                ReviewCol::Indicator,
                format!("指标编码「{ind}」不是{}（{}）的指标", d.name, d.code),
            ));
            continue;
        };
        let w = indicator.weight.value();
        let n = normalize_text(&score_text);
        let value = parse_plain_number(n.strip_suffix('分').unwrap_or(&n));
        let score = match value {
            _ if score_text.is_empty() => {
                out.refused.push(refuse(
                    ReviewCol::Reviewed,
                    "填写了复核意见但未填写复核得分".into(),
                ));
                continue;
            }
            None => {
                out.refused.push(refuse(
                    ReviewCol::Reviewed,
                    format!("复核得分「{score_text}」不是数值"),
                ));
                continue;
            }
            Some(v) if v < rust_decimal::Decimal::ZERO || v > w => {
                out.refused.push(refuse(
                    ReviewCol::Reviewed,
                    format!(
                        "复核得分 {} 超出 0～{} 分（权重 {}）",
                        fmt_plain(v),
                        fmt_plain(w),
                        fmt_plain(w)
                    ),
                ));
                continue;
            }
            Some(v) => v,
        };
        if opinion.is_empty() {
            out.refused.push(refuse(
                ReviewCol::Opinion,
                "未填写复核意见：每项复核调整都须写明理由".into(),
            ));
            continue;
        }
        out.decisions.push(Decision {
            dept: d.code.clone(),
            indicator: IndicatorCode::new(ind.as_str()),
            score: Score(crate::domain::round2(score)),
            opinion,
            reviewer: text(row, ReviewCol::Reviewer),
            date: text(row, ReviewCol::Date),
            at: at_col(ReviewCol::Reviewed),
            seen: seen(d.code.as_str()),
        });
    }
    refuse_twice_decided(&mut out);
    Ok(out)
}

/// The same indicator decided in two rows of one file: identical rows count once (the
/// second is named); rows that differ are all refused, none chosen silently.
fn refuse_twice_decided(out: &mut ReviewFile) {
    let mut first: HashMap<(DeptCode, IndicatorCode), usize> = HashMap::new();
    let mut drop: Vec<(usize, String)> = Vec::new();
    for (k, d) in out.decisions.iter().enumerate() {
        match first.get(&(d.dept.clone(), d.indicator.clone())) {
            None => {
                first.insert((d.dept.clone(), d.indicator.clone()), k);
            }
            Some(&j) => {
                let a = &out.decisions[j];
                let same = a.score == d.score && a.opinion == d.opinion;
                let why = |other: &Decision| {
                    if same {
                        format!("与 {} 的复核完全相同，只计一次", other.at)
                    } else {
                        format!(
                            "同一指标在 {} 另有复核，得分或意见不同：两处都未采用，请只保留一行",
                            other.at
                        )
                    }
                };
                drop.push((k, why(a)));
                if !same {
                    drop.push((j, why(d)));
                }
            }
        }
    }
    drop.sort_by_key(|(k, _)| std::cmp::Reverse(*k));
    drop.dedup_by_key(|(k, _)| *k);
    for (k, why) in drop {
        let d = out.decisions.remove(k);
        out.refused.push(Refused {
            at: d.at,
            dept: d.dept.as_str().to_string(),
            indicator: d.indicator.as_str().to_string(),
            decision: None,
            entered: super::Entered {
                score: crate::domain::fmt_plain(d.score.value()),
                opinion: d.opinion,
                reviewer: d.reviewer,
                date: d.date,
            },
            why: Refusal::Invalid(why),
        });
    }
}

/// The 0-based rows of the 复核表 sheet whose cell in column `col` holds a formula.
fn formula_rows(
    wb: &mut calamine::Xlsx<Cursor<&[u8]>>,
    col: u32,
) -> std::collections::HashSet<u32> {
    let Ok(range) = calamine::Reader::worksheet_formula(wb, SHEET_REVIEW) else {
        return Default::default();
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    range
        .cells()
        .filter(|(_, c, f)| left + *c as u32 == col && !f.trim().is_empty())
        .map(|(r, _, _)| top + r as u32)
        .collect()
}

/// A damaged 复核表, in Chinese (calamine's own words stay out of the message).
fn damage(e: &calamine::XlsxError) -> String {
    match e {
        calamine::XlsxError::Zip(_) | calamine::XlsxError::Io(_) => {
            "文件不完整或已损坏（可能是保存、复制或发送时中断）；请用 Excel 或 WPS 打开确认后另存为 .xlsx".into()
        }
        calamine::XlsxError::Xml(_) | calamine::XlsxError::XmlAttr(_) => {
            "文件内容已损坏（其中的 XML 无法解析）；请用 Excel 或 WPS 打开确认后另存为 .xlsx".into()
        }
        _ => "不是可以读取的 .xlsx 工作簿；请用 Excel 或 WPS 打开确认后另存为 .xlsx".into(),
    }
}
