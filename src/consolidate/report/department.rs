//! A department's 自评价报告（初稿）: one scored [`Evaluation`] → a Word document in the
//! reference report's structure: cover, 目录, 1 引言 (duties, staffing, the budget tables),
//! 2 评价工作, 3 分析 per 一级/二级 indicator, 4 需要说明事项, 5 结论 (the 5.1 score table,
//! 5.2 存在问题), 6 建议, 附件 (every indicator, 一级/二级 merged).

use super::*;
use crate::evaluate::{Evaluation, IndicatorResult};
use crate::layout::report as R;
use crate::plan::ExpenseKind;

/// The draft's file name.
pub fn file_name(report: &Report, e: &Evaluation) -> String {
    crate::layout::consolidated::department_report(report.plan.settings.year, &e.dept().name)
}

/// Builds the draft.
pub fn build(report: &Report, e: &Evaluation) -> Result<Vec<u8>, String> {
    let results = e
        .indicators()
        .map_err(|err| crate::evaluate::spill_error_text(&err))?;
    let s = &report.plan.settings;
    let d = e.dept();
    let name = format!("{}年度{}部门整体支出绩效自评价报告", s.year, d.name);
    let mut doc = document(&name, &format!("{}T00:00:00Z", report.run.date));
    // Cover.
    for _ in 0..4 {
        doc = doc.add_paragraph(Paragraph::new());
    }
    doc = doc
        .add_paragraph(title(&format!("{}年度{}", s.year, d.name)))
        .add_paragraph(title("部门整体支出绩效自评价报告"))
        .add_paragraph(centred("（初稿）"));
    for _ in 0..6 {
        doc = doc.add_paragraph(Paragraph::new());
    }
    doc = doc
        .add_paragraph(centred(&format!("评价单位：{}", d.name)))
        .add_paragraph(centred(&format!("报告时间：{}", date_text(report))))
        .add_paragraph(Paragraph::new().page_break_before(true))
        .add_paragraph(centred("目　录"))
        .add_table_of_contents(contents())
        .add_paragraph(Paragraph::new().page_break_before(true));

    // 1 引言.
    doc = doc
        .add_paragraph(h1("1 引言"))
        .add_paragraph(h2("1.1 部门概况"));
    let info = &e.inputs.info;
    if info.duties.trim().is_empty() {
        doc = doc.add_paragraph(ask("部门主要职责、内设机构和下属单位情况"));
    } else {
        for line in info.duties.lines().filter(|l| !l.trim().is_empty()) {
            doc = doc.add_paragraph(para(line.trim()));
        }
    }
    if !info.staff_quota.is_empty() || !info.staff_actual.is_empty() {
        doc = doc.add_paragraph(para(&format!(
            "本部门编制人数 {} 人，实有人数 {} 人。",
            or_dash(&info.staff_quota),
            or_dash(&info.staff_actual)
        )));
    }
    let b = e.inputs.budget_summary;
    doc = doc
        .add_paragraph(h2("1.2 部门预算及执行情况"))
        .add_paragraph(para(&format!(
            "{} 年度本部门年初预算 {} 万元，调整后预算 {} 万元，全年执行 {} 万元，预算执行率 {}。",
            s.year,
            money(b.initial),
            money(b.adjusted),
            money(b.spent),
            rate(e.inputs.execution_rate())
        )))
        .add_paragraph(caption("表1　支出预算总表（单位：万元）"));
    let part = |label: &str, p: [Money; 3]| {
        vec![
            label.to_string(),
            money(p[0]),
            money(p[1]),
            money(p[2]),
            rate(crate::validate::rate(p[2], p[1])),
        ]
    };
    let t1 = vec![
        part("基本支出", b.basic),
        part("项目支出", b.project),
        part("合计", [b.initial, b.adjusted, b.spent]),
    ];
    doc = doc.add_table(table(
        &R::BUDGET,
        &t1,
        &[1800, 1800, 1800, 1800, 1450],
        &[true, false, false, false, true],
        &[],
    ));
    let projects: Vec<Vec<String>> = e
        .inputs
        .budget
        .iter()
        .filter(|l| l.kind == ExpenseKind::Project)
        .map(|l| {
            vec![
                l.name.clone(),
                money(l.adjusted),
                l.spent.map(money).unwrap_or_else(|| "—".into()),
                rate(l.rate()),
            ]
        })
        .collect();
    if !projects.is_empty() {
        doc = doc
            .add_paragraph(caption("表2　项目支出执行情况（单位：万元）"))
            .add_table(table(
                &R::PROJECTS,
                &projects,
                &[3850, 1800, 1800, 1200],
                &[false, false, false, true],
                &[],
            ));
    }

    // 2 评价工作.
    doc = doc
        .add_paragraph(h1("2 评价工作开展情况"))
        .add_paragraph(para(&format!(
            "根据{}的部署，本部门按照评价方案的指标体系（共 {} 项三级指标）开展自评价，逐项填报实际完成值、自评得分和佐证材料。",
            s.organiser_name(),
            results.len()
        )))
        .add_paragraph(ask("自评价的组织方式、时间安排和工作过程"));

    // 3 分析.
    doc = doc.add_paragraph(h1("3 评价指标分析"));
    let mut n1 = 0;
    let mut level1: Vec<&str> = Vec::new();
    for r in results.iter() {
        if !level1.contains(&&*r.input.indicator.level1) {
            level1.push(&r.input.indicator.level1);
        }
    }
    for l1 in level1 {
        n1 += 1;
        let in1: Vec<&IndicatorResult> = results
            .iter()
            .filter(|r| &*r.input.indicator.level1 == l1)
            .collect();
        let (w1, s1) = sums(&in1);
        doc = doc
            .add_paragraph(h2(&format!("3.{n1} {l1}")))
            .add_paragraph(para(&format!(
                "{l1}指标分值 {} 分，得分 {} 分。{}",
                weight(w1),
                score(s1),
                dropped_text(&in1)
            )));
        let mut level2: Vec<&str> = Vec::new();
        for r in &in1 {
            if !level2.contains(&&*r.input.indicator.level2) {
                level2.push(&r.input.indicator.level2);
            }
        }
        for l2 in level2 {
            let in2: Vec<&IndicatorResult> = in1
                .iter()
                .copied()
                .filter(|r| &*r.input.indicator.level2 == l2)
                .collect();
            let (w2, s2) = sums(&in2);
            let applies = in2.iter().any(|r| !dropped(r));
            let mut text = if applies {
                format!(
                    "{l2}：分值 {} 分，得分 {} 分。{}",
                    weight(w2),
                    score(s2),
                    dropped_text(&in2)
                )
            } else {
                format!("{l2}：{}", dropped_text(&in2))
            };
            let short: Vec<&&IndicatorResult> = in2.iter().filter(|r| lost(r)).collect();
            if short.is_empty() && applies {
                text.push_str("适用的各项指标均达到目标，得满分。");
            }
            doc = doc.add_paragraph(para(&text));
            for r in short {
                let i = r.input.indicator;
                let mut t = format!(
                    "「{}」目标值 {}，实际完成 {}，得 {} 分（权重 {} 分）。计分说明：{}。",
                    i.level3,
                    i.target_text,
                    r.shown_actual(),
                    r.final_score().map(score).unwrap_or_else(|| "—".into()),
                    weight(i.weight),
                    r.explanation()
                );
                if !r.input.reason.trim().is_empty() {
                    t.push_str(&format!("偏差原因：{}", r.input.reason.trim()));
                }
                doc = doc.add_paragraph(para(&t));
                if r.input.reason.trim().is_empty() {
                    doc = doc.add_paragraph(ask(&format!("「{}」未达到目标的原因", i.level3)));
                }
            }
        }
    }

    // 4 需要说明事项: what the review said of the department's figures, in the state after
    // review (how the file came in, and 待复核 of an indicator already reviewed, are not the
    // department's work).
    doc = doc.add_paragraph(h1("4 需要说明的事项"));
    let reviewed: std::collections::HashSet<u32> = results
        .iter()
        .filter(|r| r.review.is_some())
        .filter_map(|r| r.input.row)
        .collect();
    let notes: Vec<&crate::domain::Finding> = e
        .findings
        .iter()
        .filter(|f| f.level != crate::domain::Level::Error)
        .filter(|f| about_the_work(f, &reviewed))
        .collect();
    if notes.is_empty() {
        doc = doc.add_paragraph(para("财政局审核未提出需要说明的事项。"));
    } else {
        doc = doc.add_paragraph(para("财政局审核提出以下需要说明或核实的事项："));
        for (k, f) in notes.iter().enumerate() {
            doc = doc.add_paragraph(para(&format!("（{}）{}", k + 1, f.message)));
        }
        doc = doc.add_paragraph(ask("对上述事项的说明"));
    }

    // 5 结论.
    doc = doc
        .add_paragraph(h1("5 评价结论"))
        .add_paragraph(h2("5.1 评价得分"))
        .add_paragraph(para(&format!(
            "经自评价，本部门 {} 年度部门整体支出绩效评价得分 {} 分，评价等级为「{}」。",
            s.year,
            score(e.totals.total),
            e.totals.grade
        )));
    let mut t51: Vec<Vec<String>> = e
        .totals
        .dimensions
        .iter()
        .map(|dim| vec![dim.name.clone(), weight(dim.weight), score(dim.score)])
        .collect();
    // Every column adds up as printed: with 不适用 indicators, the applicable subtotal, then
    // the total rescaled to the full weight.
    if let Some(r) = e.totals.rescale {
        t51.push(vec![
            "小计（适用指标）".into(),
            weight(r.weight - r.dropped),
            score(r.raw),
        ]);
        t51.push(vec![
            "折算为总分".into(),
            weight(e.totals.weight),
            score(e.totals.total),
        ]);
        doc = doc.add_paragraph(para(&format!(
            "本部门有不适用的指标（分值 {} 分），不计分；适用指标分值 {} 分、得分 {} 分，按总分 {} 分折算：{} × {} ÷ {} = {} 分。",
            weight(r.dropped),
            weight(r.weight - r.dropped),
            score(r.raw),
            weight(r.weight),
            score(r.raw),
            weight(r.weight),
            weight(r.weight - r.dropped),
            score(e.totals.total)
        )));
    } else {
        t51.push(vec![
            "合计".into(),
            weight(e.totals.weight),
            score(e.totals.total),
        ]);
    }
    doc = doc
        .add_paragraph(caption("表3　评价得分"))
        .add_table(table(
            &R::SCORES,
            &t51,
            &[3650, 2500, 2500],
            &[true, true, true],
            &[],
        ))
        .add_paragraph(h2("5.2 存在的问题"));
    let lost_all: Vec<&IndicatorResult> = results.iter().filter(|r| lost(r)).collect();
    if lost_all.is_empty() {
        doc = doc.add_paragraph(para("各项指标均达到目标值。"));
    } else {
        for (k, r) in lost_all.iter().enumerate() {
            let i = r.input.indicator;
            let lost_by = i.weight - r.final_score().unwrap_or(Score::ZERO);
            doc = doc.add_paragraph(para(&format!(
                "（{}）「{}」失分 {} 分：目标值 {}，实际完成 {}。",
                k + 1,
                i.level3,
                score(lost_by),
                i.target_text,
                r.shown_actual()
            )));
        }
        doc = doc.add_paragraph(ask("问题的成因分析"));
    }

    // 6 建议.
    doc = doc.add_paragraph(h1("6 改进措施和建议"));
    let measures: Vec<String> = lost_all
        .iter()
        .filter(|r| !r.input.reason.trim().is_empty())
        .map(|r| {
            format!(
                "「{}」：{}",
                r.input.indicator.level3,
                r.input.reason.trim()
            )
        })
        .collect();
    if measures.is_empty() {
        doc = doc.add_paragraph(ask("下一步的改进措施和建议"));
    } else {
        for (k, m) in measures.iter().enumerate() {
            doc = doc.add_paragraph(para(&format!("（{}）{m}", k + 1)));
        }
    }

    // 附件: every indicator.
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|r| {
            let i = r.input.indicator;
            vec![
                i.level1.to_string(),
                i.level2.to_string(),
                i.level3.to_string(),
                i.target_text.to_string(),
                r.shown_actual().to_string(),
                weight(i.weight),
                if dropped(r) {
                    "不适用".into()
                } else {
                    r.final_score().map(score).unwrap_or_else(|| "—".into())
                },
            ]
        })
        .collect();
    doc = doc
        .add_paragraph(Paragraph::new().page_break_before(true))
        .add_paragraph(h1("附件　部门整体支出绩效评价指标评分表"))
        .add_table(table(
            &R::APPENDIX,
            &rows,
            &[1100, 1300, 2300, 1100, 1300, 750, 800],
            &[true, true, false, true, true, true, true],
            &[true, true],
        ));
    pack(doc)
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s.trim() }
}

/// Whether an indicator was answered 不适用 and dropped out (a review brings it back).
fn dropped(r: &IndicatorResult) -> bool {
    r.scored.as_ref().is_some_and(|s| s.not_applicable) && r.review.is_none()
}

/// Whether an indicator scored below its weight (不适用 does not count).
fn lost(r: &IndicatorResult) -> bool {
    !dropped(r) && r.final_score().is_none_or(|s| s < r.input.indicator.weight)
}

/// Weights and final scores of the indicators that apply, added up.
fn sums(rs: &[&IndicatorResult]) -> (Score, Score) {
    rs.iter()
        .filter(|r| !dropped(r))
        .fold((Score::ZERO, Score::ZERO), |(w, s), r| {
            (
                w + r.input.indicator.weight,
                s + r.final_score().unwrap_or(Score::ZERO),
            )
        })
}

/// 「其中「X」（分值 3 分）不适用本部门，不计分。」 for the 不适用 indicators among `rs`.
fn dropped_text(rs: &[&IndicatorResult]) -> String {
    let out: Vec<String> = rs
        .iter()
        .filter(|r| dropped(r))
        .map(|r| {
            format!(
                "「{}」（分值 {} 分）",
                r.input.indicator.level3,
                weight(r.input.indicator.weight)
            )
        })
        .collect();
    match out.len() {
        0 => String::new(),
        _ if out.len() == rs.len() => format!("{}不适用本部门，不计分。", out.join("、")),
        _ => format!("其中{}不适用本部门，不计分。", out.join("、")),
    }
}

/// Whether a finding speaks of the department's figures: validation and budget findings,
/// not how its file came in (F, I, D, S), and not 待复核 of an indicator already reviewed.
fn about_the_work(f: &crate::domain::Finding, reviewed: &std::collections::HashSet<u32>) -> bool {
    let code = f.code.as_str();
    let content = code.starts_with('V') || code.starts_with('B') || code.starts_with('L');
    let settled = code == "V10" && f.location.cell.is_some_and(|c| reviewed.contains(&c.row));
    content && !settled
}
