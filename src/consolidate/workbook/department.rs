//! A department's score sheet in the layout of the reference appendix: 一级/二级 merged (cut
//! at page breaks so every page starts with its labels), subtotals, total and grade.

use super::*;

pub(super) fn department(
    ws: &mut Worksheet,
    report: &Report,
    row: &Row,
    name: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let Some(e) = row.eval else { return Ok(()) };
    let plan = report.plan;
    let d = row.dept;
    // Last year's actual and score beside this year's, when last year is known.
    let last_year = report.last_year();
    let prev = last_year.and_then(|p| p.dept(&d.code));
    let last_col: u16 = if last_year.is_some() { 10 } else { 8 };
    ws.merge_range(
        0,
        0,
        0,
        last_col,
        &format!(
            "{} {}年度部门整体绩效评价指标评分表",
            d.name, plan.settings.year
        ),
        &xlsx::title(),
    )?;
    ws.set_row_height(0, 28)?;
    let rank = row
        .rank
        .map(|r| format!("第 {r} 名"))
        .unwrap_or_else(|| "不参与排名".into());
    let line = format!(
        "{}　{rank}　审核状态 {}　自评总分 {}　报送文件 {}",
        verdict_line(e),
        e.status.label(),
        e.self_total
            .map(|s| s.to_string())
            .unwrap_or_else(|| "—".into()),
        e.inputs.file
    );
    ws.merge_range(1, 0, 1, last_col, &line, &f.text)?;
    let hr = 2;
    let mut names: Vec<&str> = DEPARTMENT_HEADERS.to_vec();
    if last_year.is_some() {
        names.extend(crate::layout::consolidated::DETAIL_PREVIOUS);
    }
    headers(ws, hr, &names, f)?;
    let first = hr + 1;
    let results = e.indicators()?;
    let moved = report.moved_by_others(e);
    let n = results.len() as u32;
    let center_wrap = xlsx::wrap().set_align(FormatAlign::Center);
    // Values first, unformatted; then each column's formats in runs (one lookup per run).
    let mut scored: [Vec<&Format>; 3] = Default::default();
    let mut heights = Vec::with_capacity(results.len());
    for (k, res) in results.iter().enumerate() {
        let r = first + k as u32;
        let i = res.input.indicator;
        ws.write_string(r, 2, &*i.level3)?;
        ws.write_string(r, 3, &*i.target_text)?;
        let shown = res.shown_actual();
        ws.write_string(r, 4, shown)?;
        for (col, fmt) in scored.iter_mut().zip(score_values(ws, r, 5, res, f)?) {
            col.push(fmt);
        }
        let mut why = res.explanation();
        if let Some((_, then, _, by)) = moved
            .as_ref()
            .and_then(|m| m.indicators.iter().find(|(c, ..)| *c == i.code))
        {
            // The department's return did not change: something else did.
            why.push_str(&format!(
                "（上次审核得分 {}，报送未变，{}）",
                then.map(crate::domain::fmt2).unwrap_or_else(|| "—".into()),
                by.text()
            ));
        }
        ws.write_string(r, 8, &why)?;
        if last_year.is_some() {
            match prev.and_then(|p| p.indicators.get(&i.code)) {
                Some((actual, score)) => {
                    ws.write_string_with_format(r, 9, actual, &f.wrap)?;
                    match score {
                        Some(s) => ws.write_number_with_format(r, 10, num(*s), &f.score)?,
                        None => ws.write_blank(r, 10, &f.text)?,
                    };
                }
                None => {
                    ws.write_string_with_format(r, 9, "新增", &f.center)?;
                    ws.write_blank(r, 10, &f.text)?;
                }
            }
        }
        let lines = [(&*i.level3, 28.0), (why.as_str(), 52.0), (shown, 14.0)]
            .iter()
            .map(|(t, w)| (xlsx::display_width(t) / (w - 1.5)).ceil().max(1.0))
            .fold(1.0, f64::max);
        heights.push(lines * 14.0 + 4.0);
        ws.set_row_height(r, lines * 14.0 + 4.0)?;
    }
    // Manual page breaks where the rows fill a page, so merged labels can be repeated at the
    // top of every page (a spreadsheet program prints a merged cell's text on its first page
    // only).
    let page = xlsx::landscape_page_points(DEPARTMENT_WIDTHS.iter().sum()) - 30.0;
    let starts = xlsx::page_starts(&heights, page - 28.0 - 20.0, page);
    let breaks: Vec<u32> = starts.iter().map(|&s| first + s as u32).collect();
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    let rows = results.len();
    for (c, fmt) in [(2, &f.wrap), (3, &f.center), (4, &f.wrap), (8, &f.wrap)] {
        xlsx::format_column(ws, c, first, &vec![fmt; rows])?;
    }
    for (c, fmts) in (5..).zip(&scored) {
        xlsx::format_column(ws, c, first, fmts)?;
    }
    // 一级/二级 merged as in the appendix, cut at page starts.
    let level = |j: usize| {
        let i = results[j].input.indicator;
        (&i.level1, &i.level2)
    };
    let runs = |same: &dyn Fn(usize, usize) -> bool| {
        let mut out = Vec::new();
        let mut start = 0usize;
        for k in 1..=results.len() {
            if k == results.len() || !same(k, start) {
                out.push((start, k - 1));
                start = k;
            }
        }
        xlsx::split_at_pages(out, &starts)
    };
    for (s, t) in runs(&|a, b| level(a).0 == level(b).0) {
        let (r0, r1) = (first + s as u32, first + t as u32);
        merge_or_write(ws, r0, r1, 0, level(s).0, &center_wrap)?;
    }
    for (s, t) in runs(&|a, b| level(a) == level(b)) {
        let (r0, r1) = (first + s as u32, first + t as u32);
        merge_or_write(ws, r0, r1, 1, level(s).1, &center_wrap)?;
    }
    // Subtotals per 评价维度, total and grade.
    let mut r = first + n;
    for dim in &e.totals.dimensions {
        ws.merge_range(r, 0, r, 4, &format!("{} 小计", dim.name), &f.total_text)?;
        ws.write_number_with_format(r, 5, num(dim.weight.value()), &f.total_score)?;
        ws.write_number_with_format(r, 6, num(dim.score.value()), &f.total_score)?;
        ws.write_number_with_format(
            r,
            7,
            frac(score_rate(dim.score, dim.weight)),
            &f.total_percent,
        )?;
        ws.write_blank(r, 8, &f.total_text)?;
        r += 1;
    }
    let total_label = match e.state() {
        State::Scored => "合计",
        State::Provisional | State::Blank => "合计（暂计）",
    };
    ws.merge_range(r, 0, r, 4, total_label, &f.total_text)?;
    ws.write_number_with_format(r, 5, num(e.totals.weight.value()), &f.total_score)?;
    if e.state() == State::Blank {
        ws.write_string_with_format(r, 6, "未填写", &f.total_text)?;
        ws.write_blank(r, 7, &f.total_text)?;
    } else {
        ws.write_number_with_format(r, 6, num(e.totals.total.value()), &f.total_score)?;
        ws.write_number_with_format(
            r,
            7,
            frac(score_rate(e.totals.total, e.totals.weight)),
            &f.total_percent,
        )?;
    }
    match &e.totals.rescale {
        Some(rescale) if e.state() != State::Blank => {
            let text = rescale.explain(e.totals.total);
            ws.write_string_with_format(r, 8, &text, &f.total_wrap)?;
            ws.set_row_height(r, xlsx::wrapped_height(&[(&text, DEPARTMENT_WIDTHS[8])]))?;
        }
        _ => {
            ws.write_blank(r, 8, &f.total_text)?;
        }
    }
    r += 1;
    ws.merge_range(r, 0, r, 4, "等级", &f.total_text)?;
    ws.merge_range(r, 5, r, 8, grade_text(e), &f.total_text)?;
    widths(ws, &DEPARTMENT_WIDTHS)?;
    if let Some(p) = last_year {
        ws.set_column_width(9, 14.0)?;
        ws.set_column_width(10, 8.0)?;
        // Last year's indicators that this year's plan no longer has.
        let dropped: Vec<String> = prev
            .map(|x| {
                x.indicators
                    .iter()
                    .filter(|(code, _)| !results.iter().any(|r| r.input.indicator.code == **code))
                    .map(|(code, (actual, _))| format!("{code}（上年实际 {actual}）"))
                    .collect()
            })
            .unwrap_or_default();
        let renamed = prev
            .filter(|x| x.name != d.name)
            .map(|x| format!("上年名称「{}」；", x.name))
            .unwrap_or_default();
        let note = match (prev, dropped.is_empty()) {
            (None, _) => format!("{} 年度没有本部门的评价结果（新增部门）", p.year),
            (Some(x), true) => format!(
                "上年（{} 年度）总分 {}",
                p.year,
                x.total
                    .map(crate::domain::fmt2)
                    .unwrap_or_else(|| "—".into())
            ),
            (Some(x), false) => format!(
                "上年（{} 年度）总分 {}；已取消的上年指标：{}",
                p.year,
                x.total
                    .map(crate::domain::fmt2)
                    .unwrap_or_else(|| "—".into()),
                dropped.join("、")
            ),
        };
        let note = format!("{renamed}{note}");
        ws.merge_range(r + 1, 0, r + 1, last_col, &note, &f.wrap)?;
        ws.set_row_height(r + 1, xlsx::wrapped_height(&[(&note, 150.0)]))?;
    }
    ws.set_freeze_panes(hr + 1, 0)?;
    print(ws, hr, &format!("{}（{}）", d.name, d.code))?;
    Ok(())
}

/// Column widths of a department's score sheet.
pub(super) const DEPARTMENT_WIDTHS: [f64; 9] = [10.0, 16.0, 28.0, 11.0, 14.0, 7.0, 7.0, 8.0, 52.0];

/// The total and grade as a department sheet's header line says them: a return sent back has
/// a provisional total (暂计) and no grade; an unfilled one says 未填写.
pub(super) fn verdict_line(e: &crate::evaluate::Evaluation) -> String {
    match e.state() {
        State::Scored => format!("总分 {}　等级 {}", e.totals.total, e.totals.grade),
        State::Provisional => format!("暂计 {} 分（退回，不评定等级）", e.totals.total),
        State::Blank => "未填写（退回）".to_string(),
    }
}

/// The grade cell: the grade, or why there is none.
pub(super) fn grade_text<'e>(e: &'e crate::evaluate::Evaluation<'_>) -> &'e str {
    match e.state() {
        State::Scored => &e.totals.grade,
        State::Provisional => "退回，不评定等级",
        State::Blank => "未填写",
    }
}

pub(super) fn merge_or_write(
    ws: &mut Worksheet,
    r0: u32,
    r1: u32,
    c: u16,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 {
        ws.write_string_with_format(r0, c, text, fmt)?;
    } else {
        ws.merge_range(r0, c, r1, c, text, fmt)?;
    }
    Ok(())
}
