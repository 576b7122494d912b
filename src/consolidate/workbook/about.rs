//! 说明: the plan, the run and the counts (numbers as numbers).

use super::*;

/// A 说明 value: counts and years are numbers, the rest text.
pub(super) enum About {
    Number(f64),
    Text(String),
}

pub(super) fn about(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_ABOUT)?;
    let s = &report.plan.settings;
    let a = report.assessment;
    let [passed, warned, rejected, missing] = a.counts();
    let grades: Vec<String> = s
        .grades
        .0
        .iter()
        .map(|(g, m)| format!("{g}:{}", m.normalize()))
        .collect();
    let n = |v: usize| About::Number(v as f64);
    let t = About::Text;
    let rows: Vec<(&str, About)> = vec![
        ("评价名称", t(s.name.clone())),
        ("评价年度", About::Number(f64::from(s.year))),
        ("评价方案", t(report.run.plan_file.clone())),
        ("组织单位", t(s.organiser.clone())),
        ("行政区划", t(region_text(&s.region))),
        ("报送截止日期", t(s.deadline_text(""))),
        (
            "退回重报期限",
            t(format!("{} 天（自汇总之日起计算）", s.resubmit_days)),
        ),
        ("读取的输入", t(report.run.inputs.join("；"))),
        ("读取文件数", n(a.files_read)),
        ("方案中的部门", n(report.plan.departments.len())),
        ("通过", n(passed)),
        ("有警告", n(warned)),
        ("退回", n(rejected)),
        ("未报送", n(missing)),
        ("未使用的文件", n(a.unmatched.len())),
        ("已被替代的报送", n(a.superseded.len())),
        ("等级划分", t(grades.join(","))),
        ("执行率预警线", t(format!("{}%", s.warn_rate.normalize()))),
        (
            "自评差异容差",
            t(format!("{} 分", s.tolerance.value().normalize())),
        ),
        ("计分", t("得分由系统按评价方案的计分方式计算，保留两位小数（四舍五入）；评议类指标采用部门自评得分，标记待复核。排名按总分从高到低，同分同名次；退回的报送只有暂计分数，不评定等级，不参与排名。".into())),
        (
            "部门评分表",
            t(if separate_department_files(report) {
                format!(
                    "报送部门超过 {DEPARTMENT_SHEET_LIMIT} 个，各部门评分表另存于「{DEPARTMENT_DIR}」目录，每个部门一个文件"
                )
            } else {
                "见本工作簿中以部门编码命名的工作表".to_string()
            }),
        ),
        ("生成工具", t(report.run.tool.clone())),
        ("生成时间", t(report.run.generated_at.clone())),
    ];
    let mut rows = if s.note.is_empty() {
        rows
    } else {
        let mut r = rows;
        r.insert(1, ("方案说明", t(s.note.clone())));
        r
    };
    let log = &report.reviews;
    if !log.files.is_empty() {
        let files: Vec<String> = log
            .files
            .iter()
            .map(|(f, fp)| format!("{f}（指纹 {fp}）"))
            .collect();
        let at = rows.len() - 2;
        rows.insert(
            at,
            (
                "复核表",
                t(format!(
                    "{}；采用 {} 项复核，{} 行未采用（见「复核记录」）",
                    files.join("；"),
                    log.applied.len(),
                    log.refused.len()
                )),
            ),
        );
    }
    if let Some(d) = &log.draw {
        let at = rows.len() - 2;
        rows.insert(
            at,
            (
                "抽查",
                t(format!(
                    "随机种子 {}{}，抽取 {} 个部门：{}；其全部指标列入复核表",
                    d.seed,
                    if d.new {
                        "（本次抽取）"
                    } else {
                        "（沿用复核表中的抽查结果）"
                    },
                    d.depts.len(),
                    d.depts
                        .iter()
                        .map(|c| {
                            let name = report
                                .plan
                                .department(c)
                                .map(|x| x.name.as_str())
                                .unwrap_or("");
                            format!("{name}（{c}）")
                        })
                        .collect::<Vec<_>>()
                        .join("、")
                )),
            ),
        );
    }
    let peers = crate::evaluate::peer_indicators(report.plan);
    if !peers.is_empty() {
        let mut names: Vec<String> = Vec::new();
        for i in peers {
            let name = format!("{} {}（{}）", i.code, i.level3, i.rule_text);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let at = rows.len() - 2;
        rows.insert(
            at,
            (
                "相对与排名指标",
                t(format!(
                    "以下指标的得分取决于其他部门（有该指标、审核未被退回的部门）的数值，任一部门重报都可能改变其他部门的得分：{}",
                    names.join("；")
                )),
            ),
        );
    }
    headers(ws, 0, &ABOUT_HEADERS, f)?;
    for (k, (key, value)) in rows.iter().enumerate() {
        let r = k as u32 + 1;
        ws.write_string_with_format(r, 0, *key, &f.text)?;
        match value {
            About::Number(v) => {
                ws.write_number_with_format(r, 1, *v, &f.left_number)?;
            }
            About::Text(v) => {
                ws.write_string_with_format(r, 1, v, &f.wrap)?;
                ws.set_row_height(r, xlsx::wrapped_height(&[(v, 90.0)]))?;
            }
        }
    }
    widths(ws, &[16.0, 90.0])?;
    print(ws, 0, SHEET_ABOUT)?;
    Ok(())
}

/// 行政区划 as the 说明 sheet states it, with where the level came from.
fn region_text(r: &crate::plan::Region) -> String {
    use crate::plan::RegionSource;
    let place = if r.name.is_empty() {
        format!("（{}级）", r.level.short())
    } else {
        r.name.clone()
    };
    match r.source {
        RegionSource::Given => format!("{place}，各表称「{}」", r.whole()),
        RegionSource::Organiser => format!(
            "{place}（方案未填行政区划，按组织单位判断），各表称「{}」",
            r.whole()
        ),
        RegionSource::Default => format!(
            "方案未填行政区划，组织单位也看不出，按「市」称「{}」；如为县、区或省，请在方案「行政区划」中填写",
            r.whole()
        ),
    }
}
