//! The same return, however it was saved or rearranged, scores the same.

use super::fill::{Typing, fill_book, find_row};
use super::*;
use jixiao::sample;

struct Env {
    dir: tempfile::TempDir,
    plan: jixiao::plan::Plan,
    template: std::path::PathBuf,
}

fn env() -> Env {
    let e = issued_env();
    Env {
        plan: e.plan,
        template: e
            .templates
            .join("2021_001_市应急管理局_部门整体绩效自评表.xlsx"),
        dir: e.dir,
    }
}

/// Per-indicator scores, totals and the non-identity findings' codes of one file.
fn scores(env: &Env, path: &Path) -> (Vec<String>, String, Vec<String>) {
    let a = jixiao::pipeline::assess(
        &env.plan,
        &[path.to_path_buf()],
        &[],
        None,
        &jixiao::round::Context::first_run(),
        &|_| {},
        &|| {},
    )
    .unwrap();
    assert!(a.unmatched.is_empty(), "{:?}", a.unmatched[0].findings);
    let e = &a.evaluations[0];
    let per: Vec<String> = e
        .indicators()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r.input.indicator.code,
                r.scored
                    .as_ref()
                    .map(|s| s.score.to_string())
                    .unwrap_or("-".into())
            )
        })
        .collect();
    let total = format!(
        "{} {} {}",
        e.totals.total,
        e.totals.grade,
        e.self_total.map(|s| s.to_string()).unwrap_or_default()
    );
    let codes = e.findings.iter().map(|f| f.code.to_string()).collect();
    (per, total, codes)
}

fn clean(env: &Env) -> std::path::PathBuf {
    let p = env.dir.path().join("clean.xlsx");
    let b = fill_book(
        &env.template,
        &sample::reference_outcomes(),
        &sample::reference_spending(),
        "2022-05-10",
        Typing::AsExcel,
    );
    umya_spreadsheet::writer::xlsx::write(&b, &p).unwrap();
    p
}

#[test]
fn libreoffice_resaves_as_xlsx_xls_and_ods_score_the_same() {
    let env = env();
    let base = scores(&env, &clean(&env));
    assert_eq!(base.1, "95.30 优 95.30");
    assert_eq!(
        base.2,
        vec!["B07"],
        "only the reference's own inconsistency"
    );
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returns");
    for name in [
        "reference.xls",
        "reference.ods",
        "reference-libreoffice.xlsx",
    ] {
        let got = scores(&env, &fixtures.join(name));
        assert_eq!(got, base, "{name}");
    }
}

#[test]
fn an_xlsx_named_xls_and_an_xls_named_xlsx_read_the_same() {
    let env = env();
    let base = scores(&env, &clean(&env));
    let renamed = env.dir.path().join("reference.xls");
    std::fs::copy(clean(&env), &renamed).unwrap();
    assert_eq!(scores(&env, &renamed), base);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returns");
    let xls_as_xlsx = env.dir.path().join("reference2.xlsx");
    std::fs::copy(fixtures.join("reference.xls"), &xls_as_xlsx).unwrap();
    assert_eq!(scores(&env, &xls_as_xlsx), base);
}

#[test]
fn reordered_rows_and_an_inserted_column_score_the_same() {
    let env = env();
    let base = scores(&env, &clean(&env));
    let mut b = fill_book(
        &env.template,
        &sample::reference_outcomes(),
        &sample::reference_spending(),
        "2022-05-10",
        Typing::AsExcel,
    );
    {
        let ws = b.sheet_by_name_mut("绩效指标").unwrap();
        // Swap two indicator rows cell by cell (GX03 and YJ40), as a sort would.
        let r1 = find_row(ws, "A", "GX03").unwrap();
        let r2 = find_row(ws, "A", "YJ40").unwrap();
        for col in ["A", "D", "E", "F", "G", "H", "I", "J", "K"] {
            let a = ws
                .cell(format!("{col}{r1}").as_str())
                .map(|c| c.value().to_string())
                .unwrap_or_default();
            let z = ws
                .cell(format!("{col}{r2}").as_str())
                .map(|c| c.value().to_string())
                .unwrap_or_default();
            for (r, v) in [(r1, &z), (r2, &a)] {
                let cell = ws.cell_mut(format!("{col}{r}").as_str());
                match v.parse::<f64>() {
                    Ok(n) => {
                        cell.set_value_number(n);
                    }
                    Err(_) => {
                        cell.set_value_string(v.as_str());
                    }
                }
            }
        }
        // A column inserted before 实际完成值, and blank rows after the header.
        ws.insert_new_column("H", 1);
        ws.cell_mut("H2").set_value_string("备注（部门自加）");
        ws.insert_new_row(3, 2);
    }
    {
        let ws = b.sheet_by_name_mut("预算执行").unwrap();
        ws.insert_new_column("B", 1);
        ws.insert_new_row(5, 1);
    }
    let p = env.dir.path().join("rearranged.xlsx");
    umya_spreadsheet::writer::xlsx::write(&b, &p).unwrap();
    let got = scores(&env, &p);
    assert_eq!(got, base);
}

#[test]
fn values_in_every_tolerated_form_score_the_same() {
    let env = env();
    let base = scores(&env, &clean(&env));
    let full_width = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '0'..='9' | '%' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                c => c,
            })
            .collect()
    };
    let outcomes: Vec<sample::Reported> = sample::reference_outcomes()
        .into_iter()
        .enumerate()
        .map(|(i, mut o)| {
            o.actual = match i % 4 {
                0 => full_width(&o.actual),
                1 => format!("  {}\n", o.actual),
                2 if o.actual == "11230人" => "11,230 人".into(),
                _ => o.actual,
            };
            o
        })
        .collect();
    let b = fill_book(
        &env.template,
        &outcomes,
        &sample::reference_spending(),
        "2022年5月10日",
        Typing::AsText,
    );
    let p = env.dir.path().join("forms.xlsx");
    umya_spreadsheet::writer::xlsx::write(&b, &p).unwrap();
    assert_eq!(scores(&env, &p), base);
}
