//! Filling a template fast, for benchmarks and tests that need hundreds of returns: the
//! template's bytes and [`Answers`] → the bytes of a filled return.
//!
//! A third writer, besides jixiao's (rust_xlsxwriter) and the demo's (umya-spreadsheet): it
//! finds each answer's row by reading the template (calamine), then types the answer into the
//! blank input cell the template left there, in the worksheet XML itself, as Excel stores it
//! (`80%` as 0.8 keeping the cell's percent format, text as an inline string). Everything else
//! in the package is copied unchanged. Cached formula results are left as the template has
//! them, as a program that does not recalculate would.

use super::fill::Answers;
use crate::layout::template::{
    BudgetCol, IndicatorCol, InfoCol, SHEET_BUDGET, SHEET_INDICATORS, SHEET_INFO, SPARE_BUDGET_ROWS,
};
use calamine::{Data, Reader};
use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

/// A cell to type into: (sheet, row, column), 0-based.
type Target = (&'static str, u32, u16);

/// Fills `template` with `answers`. Fails when the template is not one jixiao wrote (a sheet
/// or an input cell is missing), never silently.
pub fn stamp(template: &[u8], answers: &Answers) -> Result<Vec<u8>, String> {
    let typed = targets(template, answers)?;
    let mut by_sheet: HashMap<&str, HashMap<String, &str>> = HashMap::new();
    for ((sheet, r, c), text) in &typed {
        let at = crate::domain::CellRef::new(*r, u32::from(*c)).to_string();
        by_sheet.entry(sheet).or_default().insert(at, text);
    }

    let mut zip = zip::ZipArchive::new(Cursor::new(template)).map_err(|e| e.to_string())?;
    let parts = sheet_parts(&mut zip)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().to_string();
        let cells = parts
            .iter()
            .find(|(_, part)| *part == name)
            .and_then(|(sheet, _)| by_sheet.get(sheet.as_str()));
        match cells {
            Some(cells) => {
                let mut xml = String::new();
                file.read_to_string(&mut xml).map_err(|e| e.to_string())?;
                let filled = type_cells(&xml, cells).map_err(|e| format!("{name}: {e}"))?;
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated);
                out.start_file(name, options).map_err(|e| e.to_string())?;
                out.write_all(filled.as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            None => out.raw_copy_file(file).map_err(|e| e.to_string())?,
        }
    }
    let bytes = out.finish().map_err(|e| e.to_string())?.into_inner();
    Ok(bytes)
}

/// Where each answer goes, found by reading the template as a user sees it.
fn targets<'a>(template: &[u8], a: &'a Answers) -> Result<Vec<(Target, &'a str)>, String> {
    let mut book = calamine::Xlsx::new(Cursor::new(template)).map_err(|e| e.to_string())?;
    let mut range = |name: &str| {
        book.worksheet_range(name)
            .map_err(|e| format!("{name}: {e}"))
    };
    let info = range(SHEET_INFO)?;
    let budget = range(SHEET_BUDGET)?;
    let indicators = range(SHEET_INDICATORS)?;
    let row_of = |r: &calamine::Range<Data>, col: u16, text: &str| -> Option<u32> {
        let (r0, c0) = r.start().unwrap_or((0, 0));
        r.rows().enumerate().find_map(|(i, row)| {
            let c = (col as u32).checked_sub(c0)? as usize;
            (row.get(c)?.to_string().trim() == text).then_some(r0 + i as u32)
        })
    };
    let mut out: Vec<(Target, &str)> = Vec::new();
    let mut put = |t: Target, text: &'a str| {
        if !text.trim().is_empty() {
            out.push((t, text));
        }
    };
    for (key, value) in &a.info {
        let r = row_of(&info, InfoCol::Item.col(), key)
            .ok_or_else(|| format!("{SHEET_INFO}：没有「{key}」"))?;
        put((SHEET_INFO, r, InfoCol::Value.col()), value);
    }
    for o in &a.outcomes {
        let Some(r) = row_of(&indicators, IndicatorCol::Code.col(), &o.code) else {
            continue;
        };
        let at = |c: IndicatorCol| (SHEET_INDICATORS, r, c.col());
        put(at(IndicatorCol::Actual), &o.actual);
        put(at(IndicatorCol::SelfScore), &o.self_score);
        put(at(IndicatorCol::Reason), &o.reason);
        put(at(IndicatorCol::Evidence), &o.evidence);
    }
    // Spare rows: the rows after the last plan line, as many as the template offers.
    let last_line = a
        .spending
        .iter()
        .filter_map(|s| row_of(&budget, BudgetCol::Name.col(), &s.name))
        .max();
    let header = row_of(&budget, BudgetCol::Name.col(), BudgetCol::Name.header())
        .ok_or_else(|| format!("{SHEET_BUDGET}：没有表头"))?;
    let mut spare = last_line.unwrap_or(header) + 1;
    let spare_end = spare + SPARE_BUDGET_ROWS;
    for s in &a.spending {
        let (r, added) = match row_of(&budget, BudgetCol::Name.col(), &s.name) {
            Some(r) => (r, false),
            None if spare < spare_end => {
                spare += 1;
                (spare - 1, true)
            }
            None => return Err(format!("{SHEET_BUDGET}：空行不够")),
        };
        let at = |c: BudgetCol| (SHEET_BUDGET, r, c.col());
        if added {
            put(at(BudgetCol::Name), &s.name);
            put(at(BudgetCol::Nature), &s.nature);
            put(at(BudgetCol::Kind), &s.kind);
            put(at(BudgetCol::Adjusted), &s.adjusted);
        }
        put(at(BudgetCol::Spent), &s.spent);
        put(at(BudgetCol::Note), &s.note);
    }
    Ok(out)
}

/// Sheet name → its part, in workbook order (`xl/worksheets/sheetN.xml`, as rust_xlsxwriter
/// names them).
fn sheet_parts(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<Vec<(String, String)>, String> {
    let mut xml = String::new();
    zip.by_name("xl/workbook.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    Ok(xml
        .split("<sheet ")
        .skip(1)
        .filter_map(|s| s.split("name=\"").nth(1)?.split('"').next())
        .enumerate()
        .map(|(i, name)| {
            (
                name.to_string(),
                format!("xl/worksheets/sheet{}.xml", i + 1),
            )
        })
        .collect())
}

/// Rewrites the blank cells `cells` names in one worksheet's XML, in a single pass.
fn type_cells(xml: &str, cells: &HashMap<String, &str>) -> Result<String, String> {
    let mut out = String::with_capacity(xml.len() + cells.len() * 48);
    let mut rest = xml;
    let mut done = 0;
    while let Some(at) = rest.find("<c r=\"") {
        out.push_str(&rest[..at]);
        let cell = &rest[at..];
        let end = cell.find('>').ok_or("未闭合的单元格")? + 1;
        let open = &cell[..end];
        let reference = open[6..].split('"').next().unwrap_or("");
        match cells.get(reference) {
            Some(text) if open.ends_with("/>") => {
                let attrs = &open[..open.len() - 2];
                out.push_str(&typed(attrs, text));
                done += 1;
            }
            Some(_) => return Err(format!("{reference} 不是空单元格")),
            None => out.push_str(open),
        }
        rest = &cell[end..];
    }
    out.push_str(rest);
    if done != cells.len() {
        return Err(format!("{} 个输入单元格不在模板中", cells.len() - done));
    }
    Ok(out)
}

/// One filled cell from a blank cell's opening `<c r=".." s=".."` and the answer.
fn typed(attrs: &str, text: &str) -> String {
    let t = text.trim();
    match crate::sample::excel_number(t) {
        Some(n) => format!("{attrs}><v>{n}</v></c>"),
        None => format!(
            "{attrs} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(t)
        ),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::template::InfoItem;
    use crate::{plan, sample};

    fn sample_plan() -> plan::Plan {
        plan::parse(sample::PLAN_FILE, &sample::plan_sheets()).unwrap()
    }

    #[test]
    fn blank_cells_are_typed_and_others_kept() {
        let xml =
            r#"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="H2" s="7"/><c r="I2" s="3"/></row>"#;
        let cells: HashMap<String, &str> = [("H2".into(), "80%"), ("I2".into(), "a<b & c")]
            .into_iter()
            .collect();
        let out = type_cells(xml, &cells).unwrap();
        assert_eq!(
            out,
            r#"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="H2" s="7"><v>0.8</v></c><c r="I2" s="3" t="inlineStr"><is><t xml:space="preserve">a&lt;b &amp; c</t></is></c></row>"#
        );
        let missing: HashMap<String, &str> = [("H6".into(), "1")].into_iter().collect();
        assert!(type_cells(xml, &missing).is_err());
        let not_blank: HashMap<String, &str> = [("A2".into(), "1")].into_iter().collect();
        assert!(type_cells(xml, &not_blank).is_err());
    }

    #[test]
    fn a_stamped_reference_template_scores_95_3() {
        let p = sample_plan();
        let d = &p.departments[0];
        let answers = Answers {
            info: vec![(InfoItem::Filled.label().into(), "2022-05-10".into())],
            outcomes: sample::reference_outcomes(),
            spending: sample::reference_spending(),
        };
        let bytes = stamp(&crate::template::build(&p, d).unwrap(), &answers).unwrap();
        let read = crate::collect::read_bytes(&p, "r.xlsx", &bytes, false);
        let crate::collect::Intake::Identified(read) = read.into_intake() else {
            panic!("the prefilled template is identified");
        };
        let inputs = crate::validate::validate(&p, d, &read);
        let typed = |i: &crate::validate::IndicatorInput| !i.reason.is_empty();
        assert!(
            inputs.indicators.iter().any(typed),
            "the reference gives reasons"
        );
        let e = crate::evaluate::evaluate(&p, inputs, None);
        assert_eq!(e.totals.total.to_string(), "95.30");
        assert_eq!(e.inputs.budget_summary.spent.to_string(), "3762.89");
        // 佐证材料 is not held; 偏差原因 only where points were lost (the report quotes it).
        assert!(
            e.indicators()
                .unwrap()
                .iter()
                .all(|r| r.input.evidence.is_empty())
        );
        assert!(e.indicators().unwrap().iter().any(|r| typed(&r.input)));
        assert!(
            e.indicators()
                .unwrap()
                .iter()
                .filter(|r| r
                    .scored
                    .as_ref()
                    .is_some_and(|s| s.score == r.input.indicator.weight))
                .all(|r| !typed(&r.input))
        );
    }
}
