//! The city's 汇总报告: a [`Report`] → a Word document on the whole exercise: who reported,
//! passed, was sent back, late or missing; the score distribution; the ranking; budget
//! execution and the departments below the warning line; the indicators on which most points
//! were lost; findings by kind; the review and last year when there are any.

use super::*;
use crate::evaluate::State;
use crate::layout::report as R;
use std::collections::BTreeMap;

/// An indicator's 三级指标, points lost over the departments, and those departments.
type Lost = (String, Score, Vec<String>);

/// The report's file name.
pub fn file_name(report: &Report) -> String {
    let s = &report.plan.settings;
    crate::layout::consolidated::city_report(&s.region.name, s.year)
}

/// Builds the city report.
pub fn build(report: &Report) -> Result<Vec<u8>, String> {
    let s = &report.plan.settings;
    let place = &s.region.name;
    let name = format!("{place}{}年度部门整体支出绩效自评价汇总报告", s.year);
    let mut doc = document(&name, &format!("{}T00:00:00Z", report.run.date))
        .add_paragraph(title(&format!("{place}{}年度部门整体支出绩效", s.year)))
        .add_paragraph(title("自评价汇总报告"))
        .add_paragraph(centred(&format!(
            "{}　{}",
            s.organiser_name(),
            date_text(report)
        )));
    let a = report.assessment;
    let [passed, warned, rejected, missing] = a.counts();
    let late = report
        .evaluations()
        .filter(|e| e.timeliness.late_days().is_some())
        .count();
    let scored: Vec<&crate::evaluate::Evaluation> = report
        .evaluations()
        .filter(|e| e.state() == State::Scored)
        .collect();
    doc = doc.add_paragraph(h1("一、基本情况")).add_paragraph(para(&format!(
        "本次评价方案共 {} 个部门。报送 {} 个，其中审核通过 {} 个（含有警告的 {} 个），退回重报 {} 个，逾期报送 {} 个；未报送 {} 个。",
        report.plan.departments.len(),
        a.evaluations.len(),
        passed + warned,
        warned,
        rejected,
        late,
        missing
    )));

    // 二、得分分布.
    doc = doc.add_paragraph(h1("二、得分情况"));
    if scored.is_empty() {
        doc = doc.add_paragraph(para("没有审核通过、可评定等级的部门。"));
    } else {
        let totals: Vec<Decimal> = scored.iter().map(|e| e.totals.total.value()).collect();
        let mean = crate::domain::round2(
            totals.iter().copied().sum::<Decimal>() / Decimal::from(totals.len()),
        );
        let best = scored
            .iter()
            .max_by_key(|e| e.totals.total)
            .map(|e| (e.dept(), e.totals.total));
        let worst = scored
            .iter()
            .min_by_key(|e| e.totals.total)
            .map(|e| (e.dept(), e.totals.total));
        let counts: Vec<String> = s
            .grades
            .0
            .iter()
            .map(|(g, _)| {
                let n = scored.iter().filter(|e| e.totals.grade == *g).count();
                format!("「{g}」{n} 个")
            })
            .collect();
        let mut t = format!(
            "审核通过的 {} 个部门平均得分 {} 分，等级分布为：{}。",
            scored.len(),
            crate::domain::fmt2(mean),
            counts.join("，")
        );
        if let (Some((_, bs)), Some((_, ws))) = (best, worst)
            && bs == ws
        {
            t.push_str(&format!("各部门得分相同（{} 分）。", score(bs)));
        } else if let (Some((bd, bs)), Some((wd, ws))) = (best, worst) {
            t.push_str(&format!(
                "最高为{}（{} 分），最低为{}（{} 分）。",
                bd.name,
                score(bs),
                wd.name,
                score(ws)
            ));
        }
        doc = doc.add_paragraph(para(&t));
        let grades: Vec<Vec<String>> = s
            .grades
            .0
            .iter()
            .map(|(g, _)| {
                let names: Vec<String> = scored
                    .iter()
                    .filter(|e| e.totals.grade == *g)
                    .map(|e| e.dept().name.clone())
                    .collect();
                vec![g.clone(), names.len().to_string(), names.join("、")]
            })
            .collect();
        doc = doc.add_paragraph(caption("表1　等级分布")).add_table(table(
            &R::GRADES,
            &grades,
            &[1300, 1300, 6050],
            &[true, true, false],
            &[],
        ));
        let counts: Vec<(String, usize)> = grades
            .iter()
            .map(|g| (g[0].clone(), g[1].parse().unwrap_or(0)))
            .collect();
        match super::figures::grades("等级分布", &counts) {
            Some(fig) => doc = figure(doc, 1, fig?, "图1　等级分布"),
            None => {
                doc = doc.add_paragraph(para(
                    "（本机没有找到中文字体，未生成图表；在装有中文字体的电脑上重新运行 collect --report 即可生成。）",
                ))
            }
        }
    }
    let ranking: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|row| {
            let e = row.eval;
            let total = match e.map(|e| e.state()) {
                Some(State::Scored) => e.map(|e| score(e.totals.total)).unwrap_or_default(),
                Some(State::Provisional) => {
                    format!(
                        "暂计 {}",
                        e.map(|e| score(e.totals.total)).unwrap_or_default()
                    )
                }
                Some(State::Blank) => "未填写".into(),
                None => "—".into(),
            };
            vec![
                row.rank
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "—".into()),
                row.dept.name.clone(),
                total,
                e.and_then(|e| e.grade()).unwrap_or("").to_string(),
                row.status.label().to_string(),
            ]
        })
        .collect();
    doc = doc
        .add_paragraph(caption("表2　部门得分排名"))
        .add_table(table(
            &R::RANKING,
            &ranking,
            &[900, 3400, 1700, 1100, 1550],
            &[true, false, true, true, true],
            &[],
        ));
    let totals: Vec<(String, Decimal)> = report
        .rows
        .iter()
        .filter_map(|row| {
            let e = row.eval.filter(|e| e.state() == State::Scored)?;
            Some((row.dept.name.clone(), e.totals.total.value()))
        })
        .collect();
    if let Some(fig) = super::figures::ranking("各部门总分", &totals) {
        doc = figure(doc, 2, fig?, "图2　各部门总分（审核通过的部门，由高到低）");
    }

    // 三、预算执行.
    let read: Vec<&crate::evaluate::Evaluation> = report
        .evaluations()
        .filter(|e| e.inputs.spent_read())
        .collect();
    let adjusted: Money = read.iter().map(|e| e.inputs.budget_summary.adjusted).sum();
    let spent: Money = read.iter().map(|e| e.inputs.budget_summary.spent).sum();
    let below: Vec<String> = read
        .iter()
        .filter_map(|e| {
            let r = e.inputs.execution_rate()?;
            (r < s.warn_rate).then(|| format!("{}（{}）", e.dept().name, rate(Some(r))))
        })
        .collect();
    doc = doc
        .add_paragraph(h1("三、预算执行情况"))
        .add_paragraph(para(&format!(
            "执行数填报完整的 {} 个部门调整后预算合计 {} 万元，执行 {} 万元，预算执行率 {}。{}",
            read.len(),
            money(adjusted),
            money(spent),
            rate(crate::validate::rate(spent, adjusted)),
            if below.is_empty() {
                format!("各部门执行率均不低于预警线 {}%。", fmt_plain(s.warn_rate))
            } else {
                format!(
                    "执行率低于预警线 {}% 的部门：{}。",
                    fmt_plain(s.warn_rate),
                    below.join("、")
                )
            }
        )));
    if !read.is_empty() {
        let rows: Vec<Vec<String>> = read
            .iter()
            .map(|e| {
                let b = e.inputs.budget_summary;
                let r = e.inputs.execution_rate();
                vec![
                    e.dept().name.clone(),
                    money(b.adjusted),
                    money(b.spent),
                    rate(r),
                    if r.is_some_and(|r| r < s.warn_rate) {
                        "低于预警线".into()
                    } else {
                        String::new()
                    },
                ]
            })
            .chain(std::iter::once(vec![
                format!("{}合计", s.region.whole()),
                money(adjusted),
                money(spent),
                rate(crate::validate::rate(spent, adjusted)),
                String::new(),
            ]))
            .collect();
        doc = doc
            .add_paragraph(caption("表3　各部门预算执行情况（单位：万元）"))
            .add_table(table(
                &R::BUDGET_BY_DEPT,
                &rows,
                &[3000, 1600, 1600, 1200, 1250],
                &[false, false, false, true, true],
                &[],
            ));
    }

    // 四、失分较多的指标.
    let mut lost: BTreeMap<String, Lost> = BTreeMap::new();
    for e in &scored {
        let results = e
            .indicators()
            .map_err(|err| crate::evaluate::spill_error_text(&err))?;
        for r in results.iter() {
            let i = r.input.indicator;
            let got = r.final_score().unwrap_or(Score::ZERO);
            if got < i.weight && !r.scored.as_ref().is_some_and(|x| x.not_applicable) {
                let entry = lost
                    .entry(i.code.to_string())
                    .or_insert_with(|| (i.level3.to_string(), Score::ZERO, Vec::new()));
                entry.1 = entry.1 + (i.weight - got);
                entry.2.push(e.dept().name.clone());
            }
        }
    }
    let mut lost: Vec<(String, Lost)> = lost.into_iter().collect();
    lost.sort_by(|a, b| b.1.1.cmp(&a.1.1).then_with(|| a.0.cmp(&b.0)));
    doc = doc.add_paragraph(h1("四、失分较多的指标"));
    if lost.is_empty() {
        doc = doc.add_paragraph(para("审核通过的部门各项指标均得满分。"));
    } else {
        let rows: Vec<Vec<String>> = lost
            .iter()
            .take(10)
            .map(|(code, (l3, sum, depts))| {
                vec![
                    code.clone(),
                    l3.clone(),
                    depts.len().to_string(),
                    score(*sum),
                    depts.join("、"),
                ]
            })
            .collect();
        let common: Vec<String> = lost
            .iter()
            .filter(|(_, (_, _, depts))| depts.len() > 1)
            .take(5)
            .map(|(_, (l3, _, depts))| format!("「{l3}」{} 个部门失分", depts.len()))
            .collect();
        let lead = if common.is_empty() {
            "按各部门失分合计，失分最多的指标如下：".to_string()
        } else {
            format!(
                "多个部门共同失分的指标：{}。按各部门失分合计，失分最多的指标如下：",
                common.join("，")
            )
        };
        doc = doc
            .add_paragraph(para(&lead))
            .add_paragraph(caption("表4　失分较多的指标"))
            .add_table(table(
                &R::LOST,
                &rows,
                &[1000, 2400, 1000, 1000, 3250],
                &[true, false, true, true, false],
                &[],
            ));
    }

    // 五、审核发现.
    let mut kinds: BTreeMap<(crate::domain::Level, &str), (&str, usize)> = BTreeMap::new();
    for f in report.evaluations().flat_map(|e| e.findings.iter()) {
        kinds
            .entry((f.level, f.code.as_str()))
            .or_insert((f.code.title(), 0))
            .1 += 1;
    }
    doc = doc.add_paragraph(h1("五、审核发现的问题"));
    if kinds.is_empty() {
        doc = doc.add_paragraph(para("审核未发现问题。"));
    } else {
        let rows: Vec<Vec<String>> = kinds
            .iter()
            .map(|((level, code), (title, n))| {
                vec![
                    level.label().to_string(),
                    code.to_string(),
                    title.to_string(),
                    n.to_string(),
                ]
            })
            .collect();
        doc = doc.add_table(table(
            &R::FINDINGS,
            &rows,
            &[1100, 1100, 5250, 1200],
            &[true, true, false, true],
            &[],
        ));
    }

    // 六、复核与抽查, 七、与上年比较 — when there are any.
    let mut n = 6;
    let log = &report.reviews;
    if !log.applied.is_empty() || log.draw.is_some() {
        doc = doc.add_paragraph(h1(&format!("{}、复核与抽查", chinese(n))));
        n += 1;
        if let Some(d) = &log.draw {
            doc = doc.add_paragraph(para(&format!(
                "以随机种子 {} 抽取 {} 个部门进行抽查：{}。",
                d.seed,
                d.depts.len(),
                d.depts
                    .iter()
                    .map(|c| report
                        .plan
                        .department(c)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| c.to_string()))
                    .collect::<Vec<_>>()
                    .join("、")
            )));
        }
        if !log.applied.is_empty() {
            let changed: Vec<String> = log
                .applied
                .iter()
                .map(|x| {
                    let dn = report
                        .plan
                        .department(&x.decision.dept)
                        .map(|d| d.name.as_str())
                        .unwrap_or("");
                    let named = report
                        .plan
                        .indicators
                        .iter()
                        .find(|i| i.code == x.decision.indicator)
                        .map_or_else(
                            || x.decision.indicator.to_string(),
                            |i| i.level3.to_string(),
                        );
                    format!("{dn}「{named}」调整 {} 分", score(x.change()))
                })
                .collect();
            doc = doc.add_paragraph(para(&format!(
                "复核调整 {} 项：{}。",
                log.applied.len(),
                changed.join("；")
            )));
        }
    }
    if let Some(p) = report.last_year() {
        let mut up = 0;
        let mut down = 0;
        for e in &scored {
            if let Some(before) = p.dept(&e.dept().code).and_then(|d| d.total) {
                if e.totals.total.value() > before {
                    up += 1;
                } else if e.totals.total.value() < before {
                    down += 1;
                }
            }
        }
        let this_mean = (!scored.is_empty()).then(|| {
            crate::domain::round2(
                scored
                    .iter()
                    .map(|e| e.totals.total.value())
                    .sum::<Decimal>()
                    / Decimal::from(scored.len()),
            )
        });
        let shown = |d: Option<Decimal>| d.map(crate::domain::fmt2).unwrap_or_else(|| "—".into());
        doc = doc.add_paragraph(h1(&format!("{}、与上年比较", chinese(n)))).add_paragraph(para(&format!(
            "{} 年度{}平均分 {} 分，本年度 {} 分；本年度审核通过的部门中，较上年得分提高的 {} 个，下降的 {} 个。{}",
            p.year,
            s.region.whole(),
            shown(p.average()),
            shown(this_mean),
            up,
            down,
            moved_most(&scored, p)
        )));
        let mut rows = vec![vec![
            format!("{}平均分", s.region.whole()),
            shown(p.average()),
            shown(this_mean),
        ]];
        for (g, _) in &s.grades.0 {
            let before = p
                .depts
                .values()
                .filter(|d| d.total.is_some() && d.grade.as_deref() == Some(g.as_str()))
                .count();
            let now = scored.iter().filter(|e| e.totals.grade == *g).count();
            rows.push(vec![
                format!("「{g}」部门数"),
                before.to_string(),
                now.to_string(),
            ]);
        }
        doc = doc
            .add_paragraph(caption("表5　与上年比较"))
            .add_table(table(
                &R::YEARS,
                &rows,
                &[3650, 2500, 2500],
                &[false, true, true],
                &[],
            ));
        n += 1;
    }
    doc = doc
        .add_paragraph(h1(&format!("{}、下一步工作", chinese(n))))
        .add_paragraph(ask(
            "下一步工作安排：结果应用、整改跟踪、下一年度评价的改进",
        ));
    pack(doc)
}

/// Who moved most since last year: 「提高最多的是 X（+5.20 分），下降最多的是 Y（−3.10 分）。」
fn moved_most(scored: &[&crate::evaluate::Evaluation], p: &crate::history::PreviousYear) -> String {
    let moves: Vec<(String, Decimal)> = scored
        .iter()
        .filter_map(|e| {
            let before = p.dept(&e.dept().code)?.total?;
            Some((e.dept().name.clone(), e.totals.total.value() - before))
        })
        .collect();
    let up = moves
        .iter()
        .filter(|m| m.1 > Decimal::ZERO)
        .max_by_key(|m| m.1);
    let down = moves
        .iter()
        .filter(|m| m.1 < Decimal::ZERO)
        .min_by_key(|m| m.1);
    let mut out = String::new();
    if let Some((name, d)) = up {
        out.push_str(&format!(
            "提高最多的是{name}（+{} 分）",
            crate::domain::fmt2(*d)
        ));
    }
    if let Some((name, d)) = down {
        if !out.is_empty() {
            out.push('，');
        }
        out.push_str(&format!(
            "下降最多的是{name}（−{} 分）",
            crate::domain::fmt2(-*d)
        ));
    }
    if !out.is_empty() {
        out.push('。');
    }
    out
}

/// 六, 七, 八 …
fn chinese(n: usize) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(n.saturating_sub(1))
        .copied()
        .unwrap_or("十")
}
