//! 审核意见: one plain-text reply per department with findings (and a reminder for each
//! department that did not return), ready to paste into an email.
//!
//! Text is UTF-8 with a byte-order mark and CRLF line ends, so Notepad on any Windows shows
//! it correctly. Locations are given as `工作表!单元格` of the department's own file.

use super::Report;
use crate::domain::{Finding, Level};
use crate::evaluate::Status;

/// One department's letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// `审核意见/{部门编码}_{部门名称}.txt`.
    pub name: String,
    /// The text, for Notepad (byte-order mark, CRLF).
    pub text: String,
    /// What the letter says and asks, without the run's clock (「截至 …」, 「… 已过」, the
    /// date under the signature): the same ask gives the same message identity in every run.
    pub ask: String,
}

/// One letter per plan department (every department gets a reply: findings, an acceptance,
/// or a reminder), in department-code order.
pub fn letters(report: &Report) -> Vec<Letter> {
    let mut rows: Vec<_> = report.rows.iter().collect();
    rows.sort_by(|a, b| a.dept.code.cmp(&b.dept.code));
    rows.into_iter()
        .map(|row| {
            let write = |clock: bool| {
                let mut body = match row.eval {
                    Some(e) => department_text(report, e),
                    None => missing_text(report, row.dept, clock),
                };
                body.push_str(&borrowed_text(report, row.dept));
                body.push_str(&closing(report, clock));
                body
            };
            Letter {
                name: file_name(row.dept),
                text: to_notepad(&write(true)),
                ask: write(false),
            }
        })
        .collect()
}

/// What a department is told about files held for the bureau that concern it: on another
/// department's template but naming it (身份冲突: send on your own template), or on its own
/// template from an address it never used (身份存疑: not used; the return from its registered
/// address stands).
fn borrowed_text(report: &Report, d: &crate::plan::Department) -> String {
    use crate::collect::identify::ConflictKind;
    let mut t = String::new();
    for (file, c) in report
        .conflicts()
        .filter(|(_, c)| c.kind == ConflictKind::Doubtful && c.template == d.code)
    {
        t.push_str(&format!(
            "另：收到文件 {file}（{}），使用的是贵单位的模板，但发件地址不是贵单位登记的邮箱，也不是贵单位以前报送时用过的地址。该文件暂未采用，贵单位此前的报送继续有效。如确系贵单位报送，请从登记的邮箱（{}）重新发送，或与财政局联系确认。\n\n",
            c.evidence.join("、"),
            if d.email.trim().is_empty() { "未登记" } else { d.email.trim() }
        ));
    }
    for (file, c) in report
        .conflicts()
        .filter(|(_, c)| c.kind == ConflictKind::Borrowed && c.claimed == d.code)
    {
        let owner = report
            .plan
            .department(&c.template)
            .map(|o| o.name.as_str())
            .unwrap_or("");
        t.push_str(&format!(
            "另：收到文件 {file}，使用的是{owner}的模板，但{}指向贵单位。该文件未被采用（也未计入{owner}）。如系贵单位报送，请使用财政局下发给贵单位的模板（{}）重新填写报送。\n\n",
            c.evidence.join("、"),
            crate::template::file_name(report.plan, d)
        ));
    }
    t
}

/// The letter's file name for a department.
pub fn file_name(d: &crate::plan::Department) -> String {
    crate::layout::consolidated::letter(d.code.as_str(), &d.name)
}

/// The date by which a department is asked to (re)submit: the one the round fixed when the
/// letter first asked (kept in 报送记录, so a later run's letter names the same date), else
/// 退回重报期限 days from the run's date, or the plan's deadline when that is later.
pub fn resubmit_by(report: &Report, d: &crate::plan::Department) -> crate::domain::Date {
    report
        .assessment
        .asks
        .get(&d.code)
        .copied()
        .unwrap_or_else(|| crate::round::resubmit_by(report.plan, crate::domain::run_secs()))
}

/// BOM + CRLF, and nothing XML forbids (a pasted vertical tab is a space): the same text goes
/// into the letter's .eml.
fn to_notepad(s: &str) -> String {
    let mut out = String::from('\u{FEFF}');
    for line in crate::domain::xml_safe(s).lines() {
        out.push_str(line);
        out.push_str("\r\n");
    }
    out
}

/// The closing lines; with `clock`, the run's date under them.
fn closing(report: &Report, clock: bool) -> String {
    let s = &report.plan.settings;
    let who = s.organiser_or_bureau();
    if clock {
        format!("如有疑问，请联系{who}。\n\n{}", report.run.date)
    } else {
        format!("如有疑问，请联系{who}。\n")
    }
}

fn where_in_file(f: &Finding) -> String {
    match (&f.location.sheet, &f.location.cell) {
        (Some(s), Some(c)) => format!("「{s}」{c}"),
        (Some(s), None) => format!("「{s}」"),
        _ => "文件".to_string(),
    }
}

fn department_text(report: &Report, e: &crate::evaluate::Evaluation) -> String {
    let s = &report.plan.settings;
    let d = e.inputs.dept;
    let mut t = String::new();
    t.push_str(&format!("{}：\n\n", d.name));
    let verdict = match e.status {
        Status::Rejected => "需要修改后重新报送（退回）",
        Status::Warnings => "已受理，有需要核实的问题",
        _ => "已受理",
    };
    t.push_str(&format!(
        "贵单位报送的{}自评表（文件：{}）经审核，结果为：{verdict}。\n",
        s.name, e.inputs.file
    ));
    let when = e.timeliness.sentence();
    if !when.is_empty() {
        t.push_str(&when);
        t.push('\n');
    }
    if e.state() == crate::evaluate::State::Scored {
        t.push_str(&format!(
            "按评价方案计分：总分 {} 分，等级「{}」{}。\n",
            e.totals.total,
            e.totals.grade,
            e.self_total
                .map(|x| format!("（自评总分 {x} 分）"))
                .unwrap_or_default()
        ));
    }
    if let Some(m) = report.moved_by_others(e) {
        t.push_str(&moved_text(e, &m));
    }
    let reviewed: Vec<&crate::review::Applied> = report
        .reviews
        .applied
        .iter()
        .filter(|a| a.decision.dept == d.code)
        .collect();
    if !reviewed.is_empty() {
        t.push_str(&format!(
            "经财政局复核，以下 {} 项指标的得分有调整（总分由 {} 分调整为 {} 分）：\n",
            reviewed.len(),
            e.computed_total.unwrap_or(e.totals.total),
            e.totals.total
        ));
        for (k, a) in reviewed.iter().enumerate() {
            let level3 = report
                .plan
                .indicators_for(d)
                .into_iter()
                .find(|i| i.code == a.decision.indicator)
                .map(|i| i.level3.to_string())
                .unwrap_or_default();
            t.push_str(&format!(
                "  {}. 指标「{}」（{level3}）：{} 分调整为 {} 分。复核意见：{}\n",
                k + 1,
                a.decision.indicator,
                a.computed
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "—".into()),
                a.decision.score,
                a.decision.opinion
            ));
        }
    }
    t.push('\n');
    let sections = [
        (Level::Error, "必须修改的问题（修改后请重新报送）"),
        (Level::Warning, "请核实的问题"),
        (Level::Info, "提示"),
    ];
    let mut n = 0;
    for (level, title) in sections {
        let items: Vec<&Finding> = e.findings.iter().filter(|f| f.level == level).collect();
        if items.is_empty() {
            continue;
        }
        n += 1;
        let head = ["一", "二", "三"][n - 1];
        t.push_str(&format!("{head}、{title}（{} 项）\n", items.len()));
        for (k, f) in items.iter().enumerate() {
            t.push_str(&format!(
                "  {}. {}：{}\n",
                k + 1,
                where_in_file(f),
                f.message
            ));
            if !f.hint.is_empty() {
                t.push_str(&format!("     处理办法：{}\n", f.hint));
            }
        }
        t.push('\n');
    }
    if e.findings.is_empty() {
        t.push_str("审核未发现问题，无需再报送。\n\n");
    }
    if e.status == Status::Rejected {
        t.push_str(&format!(
            "请在原文件上修改（不要改动文件名和锁定的单元格），于 {} 前重新报送，以最后一次报送为准。\n",
            resubmit_by(report, d)
        ));
    }
    t
}

/// The paragraph for a department whose scores moved while its return did not: each
/// indicator's score then and now, with the 计分说明 that names the value it was compared
/// with and whose.
fn moved_text(e: &crate::evaluate::Evaluation, m: &super::Moved) -> String {
    let fmt =
        |d: Option<rust_decimal::Decimal>| d.map(crate::domain::fmt2).unwrap_or_else(|| "—".into());
    let why = if m.plan_changed {
        "评价方案在上次审核后有修改，"
    } else {
        ""
    };
    let mut t = format!(
        "与上次审核（{}）相比，贵单位的报送没有变化，{why}总分由 {} 分变为 {} 分，变化的指标如下：\n",
        m.since,
        fmt(m.total.0),
        m.total.1
    );
    let results = e.indicators().ok();
    for (k, (code, then, now, by)) in m.indicators.iter().enumerate() {
        let r = results
            .as_ref()
            .and_then(|rs| rs.iter().find(|r| r.input.indicator.code == *code).cloned());
        let level3 = r
            .as_ref()
            .map(|r| r.input.indicator.level3.to_string())
            .unwrap_or_default();
        let why = r.map(|r| r.explanation()).unwrap_or_default();
        t.push_str(&format!(
            "  {}. 指标「{code}」（{level3}）：{} 分 → {} 分（{}）。{why}\n",
            k + 1,
            fmt(*then),
            fmt(now.map(|s| s.value())),
            by.text()
        ));
    }
    t.push('\n');
    t
}

/// A reminder; with `clock`, the lines that depend on when it is written (「截至 …」, 「报送截止
/// 日期 … 已过」).
fn missing_text(report: &Report, d: &crate::plan::Department, clock: bool) -> String {
    let s = &report.plan.settings;
    let passed = match s.deadline {
        Some(deadline) if clock && deadline < report.run.date => {
            format!("报送截止日期 {deadline} 已过，")
        }
        _ => String::new(),
    };
    let as_of = if clock {
        format!("截至 {}，", report.run.generated_at)
    } else {
        String::new()
    };
    format!(
        "{}：\n\n{as_of}尚未收到贵单位的{}自评表。\n{passed}请使用财政局下发的模板（{}，随通知附上）填写，于 {} 前报送。\n\n",
        d.name,
        s.name,
        crate::template::file_name(report.plan, d),
        resubmit_by(report, d),
    )
}
