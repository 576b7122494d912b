//! 历年得分: each department's total and grade per year, earliest year first, the city's
//! average and the grade counts per year, and a line chart of the average.

use super::*;
use crate::layout::consolidated::SHEET_HISTORY;

pub(super) fn history(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_HISTORY)?;
    let s = &report.plan.settings;
    ws.write_string_with_format(0, 0, format!("{} 历年得分", s.name), &f.title)?;
    let mut years: Vec<&crate::history::PreviousYear> = report.previous.iter().collect();
    years.sort_by_key(|p| p.year);
    let mut names: Vec<String> = vec!["部门编码".into(), "部门名称".into()];
    for p in &years {
        names.push(format!("{} 年总分", p.year));
        names.push(format!("{} 年等级", p.year));
    }
    names.push(format!("{} 年总分", s.year));
    names.push(format!("{} 年等级", s.year));
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    headers(ws, 1, &refs, f)?;
    let mut rows: Vec<_> = report.rows.iter().collect();
    rows.sort_by(|a, b| a.dept.code.cmp(&b.dept.code));
    let mut r = 2;
    for row in &rows {
        ws.write_string_with_format(r, 0, row.dept.code.as_str(), &f.center)?;
        ws.write_string_with_format(r, 1, &row.dept.name, &f.text)?;
        let mut c = 2;
        for p in &years {
            let d = p.dept(&row.dept.code);
            opt_score(ws, r, c, d.and_then(|d| d.total).map(Score), f)?;
            let grade = d.and_then(|d| d.grade.as_deref()).unwrap_or("");
            ws.write_string_with_format(r, c + 1, grade, &f.center)?;
            c += 2;
        }
        let scored = row.eval.filter(|e| e.state() == State::Scored);
        opt_score(ws, r, c, scored.map(|e| e.totals.total), f)?;
        ws.write_string_with_format(
            r,
            c + 1,
            scored.and_then(|e| e.grade()).unwrap_or(""),
            &f.center,
        )?;
        r += 1;
    }
    // Per year: the average and the grade counts.
    let grades: Vec<&str> = s.grades.0.iter().map(|(g, _)| g.as_str()).collect();
    let top = r + 1;
    let average_name = format!("{}平均分", s.region.whole());
    let mut head: Vec<&str> = vec!["年度", &average_name];
    head.extend(grades.iter().copied());
    headers(ws, top, &head, f)?;
    let current: Vec<(Decimal, String)> = report
        .evaluations()
        .filter(|e| e.state() == State::Scored)
        .map(|e| (e.totals.total.value(), e.totals.grade.clone()))
        .collect();
    let mut per_year: Vec<(i32, Option<Decimal>, Vec<usize>)> = years
        .iter()
        .map(|p| {
            let counts = grades
                .iter()
                .map(|g| {
                    p.depts
                        .values()
                        .filter(|d| d.total.is_some() && d.grade.as_deref() == Some(g))
                        .count()
                })
                .collect();
            (p.year, p.average(), counts)
        })
        .collect();
    let avg = (!current.is_empty()).then(|| {
        crate::domain::round2(
            current.iter().map(|(t, _)| *t).sum::<Decimal>() / Decimal::from(current.len()),
        )
    });
    per_year.push((
        s.year,
        avg,
        grades
            .iter()
            .map(|g| current.iter().filter(|(_, x)| x == g).count())
            .collect(),
    ));
    for (k, (year, average, counts)) in per_year.iter().enumerate() {
        let rr = top + 1 + k as u32;
        ws.write_string_with_format(rr, 0, year.to_string(), &f.center)?;
        opt_score(ws, rr, 1, average.map(Score), f)?;
        for (c, n) in counts.iter().enumerate() {
            ws.write_number_with_format(rr, 2 + c as u16, *n as f64, &f.center)?;
        }
    }
    let (first, last) = (top + 1, top + per_year.len() as u32);
    let mut chart = Chart::new(ChartType::Line);
    chart.title().set_name(&average_name);
    chart
        .add_series()
        .set_name(&average_name)
        .set_categories((SHEET_HISTORY, first, 0, last, 0))
        .set_values((SHEET_HISTORY, first, 1, last, 1));
    chart.legend().set_hidden();
    chart.set_width(480).set_height(260);
    ws.insert_chart(top, (3 + grades.len()) as u32 as u16, &chart)?;
    let mut counts = Chart::new(ChartType::Column);
    counts.title().set_name("各等级部门数");
    for (c, g) in grades.iter().enumerate() {
        counts
            .add_series()
            .set_name(*g)
            .set_categories((SHEET_HISTORY, first, 0, last, 0))
            .set_values((SHEET_HISTORY, first, 2 + c as u16, last, 2 + c as u16));
    }
    counts.set_width(480).set_height(260);
    ws.insert_chart(top + 14, (3 + grades.len()) as u16, &counts)?;
    let mut w = vec![9.0, 16.0];
    w.extend(std::iter::repeat_n(9.0, names.len() - 2));
    widths(ws, &w)?;
    ws.set_freeze_panes(2, 2)?;
    print(ws, 1, SHEET_HISTORY)?;
    Ok(())
}
