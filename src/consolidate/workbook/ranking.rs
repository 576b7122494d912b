//! 汇总排名: ranked departments, then returns sent back (暂计, no grade), then those that did
//! not return; a column chart of totals.

use super::*;

pub(super) fn ranking(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_RANKING)?;
    let plan = report.plan;
    ws.write_string_with_format(0, 0, format!("{} 汇总排名", plan.settings.name), &f.title)?;
    ws.set_row_height(0, 26)?;
    let mut names: Vec<&str> = RANKING_LEAD.to_vec();
    names.extend(report.dimensions.iter().map(String::as_str));
    names.extend(RANKING_TAIL);
    let reviewed = report.has_reviews();
    if reviewed {
        names.push(crate::layout::review::RANKING_REVIEW);
    }

    let nd = report.dimensions.len() as u16;
    let col = |k: u16| 3 + nd + k; // 0 总分, 1 等级, …
    let last_year = report.last_year();
    let prev_col = col(if reviewed { 12 } else { 11 });
    if last_year.is_some() {
        names.extend(crate::layout::consolidated::RANKING_PREVIOUS);
    }
    headers(ws, 1, &names, f)?;
    let mut r = 2;
    for row in &report.rows {
        match row.rank {
            Some(rank) => ws.write_number_with_format(r, 0, rank, &f.center)?,
            None => ws.write_string_with_format(r, 0, "—", &f.center)?,
        };
        ws.write_string_with_format(r, 1, row.dept.code.as_str(), &f.center)?;
        let prev = last_year.and_then(|p| p.dept(&row.dept.code));
        match prev {
            Some(p) if p.name != row.dept.name => ws.write_string_with_format(
                r,
                2,
                format!("{}（上年：{}）", row.dept.name, p.name),
                &f.text,
            )?,
            _ => ws.write_string_with_format(r, 2, &row.dept.name, &f.text)?,
        };
        let e = row.eval;
        // Only an accepted return has scores that stand; a return sent back shows its total
        // as 暂计 and no grade, an unfilled one 未填写.
        let scored = e.filter(|e| e.state() == State::Scored);
        for (k, dim) in report.dimensions.iter().enumerate() {
            let s = scored
                .and_then(|e| e.totals.dimensions.iter().find(|d| &d.name == dim))
                .map(|d| d.score);
            opt_score(ws, r, 3 + k as u16, s, f)?;
        }
        match e.map(|e| e.state()) {
            Some(State::Provisional) => {
                let total = e.map(|e| e.totals.total).unwrap_or_default();
                ws.write_string_with_format(r, col(0), format!("暂计 {total}"), &f.right)?;
            }
            Some(State::Blank) => {
                ws.write_string_with_format(r, col(0), "未填写", &f.right)?;
            }
            _ => opt_score(ws, r, col(0), scored.map(|e| e.totals.total), f)?,
        }
        let grade = e.and_then(|e| e.grade());
        ws.write_string_with_format(r, col(1), grade.unwrap_or(""), &f.center)?;
        opt_score(ws, r, col(2), e.and_then(|e| e.self_total), f)?;
        opt_score(
            ws,
            r,
            col(3),
            scored.and_then(|e| e.self_total.map(|s| s - e.totals.total)),
            f,
        )?;
        opt_rate(
            ws,
            r,
            col(4),
            e.and_then(|e| e.inputs.execution_rate()),
            &f.percent,
            &f.text,
        )?;
        ws.write_string_with_format(r, col(5), row.status.label(), &f.center)?;
        match e.and_then(|e| e.timeliness.late_days()) {
            Some(days) => ws.write_number_with_format(r, col(6), days as f64, &f.center)?,
            None => ws.write_blank(r, col(6), &f.center)?,
        };
        // 报送情况: 按时, 按时（更正于 …）, 逾期 N 天, by the round's one rule.
        ws.write_string_with_format(
            r,
            col(7),
            e.map(|e| e.timeliness.label()).unwrap_or_default(),
            &f.center,
        )?;
        ws.write_string_with_format(
            r,
            col(8),
            e.map(|e| e.inputs.file.as_str()).unwrap_or(""),
            &f.text,
        )?;
        let sent = e.map(Report::submitted_at);
        ws.write_string_with_format(
            r,
            col(9),
            sent.as_ref().map(|s| s.at.as_str()).unwrap_or(""),
            &f.center,
        )?;
        ws.write_string_with_format(
            r,
            col(10),
            sent.as_ref().map(|s| s.source_label()).unwrap_or(""),
            &f.center,
        )?;
        if reviewed {
            let change = scored.and_then(|e| e.computed_total.map(|c| e.totals.total - c));
            opt_score(ws, r, col(11), change, f)?;
        }
        if last_year.is_some() {
            match prev {
                None => {
                    ws.write_string_with_format(r, prev_col, "新增", &f.center)?;
                    for k in 1..4 {
                        ws.write_blank(r, prev_col + k, &f.center)?;
                    }
                }
                Some(p) => {
                    match p.total {
                        Some(t) => opt_score(ws, r, prev_col, Some(Score(t)), f)?,
                        // 未报送 or 退回 last year: say which rather than leave a blank.
                        None => {
                            ws.write_string_with_format(r, prev_col, &p.status, &f.center)?;
                        }
                    }
                    let change = scored.map(|e| e.totals.total.value()).zip(p.total);
                    opt_score(ws, r, prev_col + 1, change.map(|(a, b)| Score(a - b)), f)?;
                    match p.rank {
                        Some(k) => ws.write_number_with_format(r, prev_col + 2, k, &f.center)?,
                        None => ws.write_blank(r, prev_col + 2, &f.center)?,
                    };
                    let moved = row
                        .rank
                        .zip(p.rank)
                        .map(|(a, b)| i64::from(b) - i64::from(a));
                    let text = match moved {
                        Some(0) => "持平".to_string(),
                        Some(m) if m > 0 => format!("↑{m}"),
                        Some(m) => format!("↓{}", -m),
                        None => String::new(),
                    };
                    ws.write_string_with_format(r, prev_col + 3, &text, &f.center)?;
                }
            }
        }
        r += 1;
    }
    let last = r.saturating_sub(1).max(2);
    let mut w: Vec<f64> = vec![
        6.0,
        9.0,
        xlsx::fit_width(report.rows.iter().map(|r| r.dept.name.as_str()), 12.0, 30.0),
    ];
    w.extend(
        report
            .dimensions
            .iter()
            .map(|d| xlsx::fit_width([d.as_str()], 10.0, 16.0)),
    );
    w.extend([11.0, 6.0, 9.0, 8.0, 11.0, 9.0, 7.0, 16.0]);
    w.push(xlsx::fit_width(
        report.evaluations().map(|e| e.inputs.file.as_str()),
        14.0,
        48.0,
    ));
    w.extend([17.0, 12.0]);
    if reviewed {
        w.push(9.0);
    }
    if last_year.is_some() {
        w.extend([9.0, 8.0, 8.0, 8.0]);
    }
    widths(ws, &w)?;
    ws.set_freeze_panes(2, 3)?;
    ws.autofilter(1, 0, last, (w.len() - 1) as u16)?;
    status_colours(ws, 2, r.saturating_sub(1), col(1), f)?;
    status_colours(ws, 2, r.saturating_sub(1), col(5), f)?;

    let ranked = report.rows.iter().filter(|row| row.rank.is_some()).count() as u32;
    if ranked > 0 {
        let mut chart = Chart::new(ChartType::Column);
        chart.title().set_name("各部门总分");
        chart
            .add_series()
            .set_name("总分")
            .set_categories((SHEET_RANKING, 2, 2, 1 + ranked, 2))
            .set_values((SHEET_RANKING, 2, col(0), 1 + ranked, col(0)));
        chart.legend().set_hidden();
        chart.y_axis().set_min(0).set_max(100);
        ws.insert_chart(r + 2, 2, &chart)?;
    }
    print(ws, 1, &report.plan.settings.name)?;
    Ok(())
}
