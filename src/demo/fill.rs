//! Filling a template the way a department's spreadsheet program would: through
//! umya-spreadsheet, a different writer than the one that made the template.
//!
//! Used by `demo` to produce realistic returns, and by the tests. Values can be typed as
//! Excel stores them (`80%` becomes the number 0.8) or as text.

use crate::layout::template::{InfoItem, SHEET_BUDGET, SHEET_INDICATORS, SHEET_INFO};
use umya_spreadsheet::{Workbook, Worksheet};

/// How values are typed into cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// As Excel stores what a user types: `80%` becomes 0.8, `61` a number.
    AsExcel,
    /// Everything as text, as some programs and copy-paste produce.
    AsText,
}

pub use crate::sample::Answers;

/// Standard 基本信息 answers.
pub fn info(filler: &str, phone: &str, filled: &str) -> Vec<(String, String)> {
    [
        (InfoItem::Filler.label(), filler),
        (InfoItem::Phone.label(), phone),
        (InfoItem::Filled.label(), filled),
        (InfoItem::StaffQuota.label(), "80"),
        (InfoItem::StaffActual.label(), "78"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The row (1-based) whose column `col` holds `text`.
pub fn find_row(ws: &Worksheet, col: &str, text: &str) -> Option<u32> {
    (1..=ws.highest_row()).find(|r| {
        ws.cell(format!("{col}{r}").as_str())
            .map(|c| c.value().trim() == text)
            .unwrap_or(false)
    })
}

/// Writes `text` into `cell` as `typing` says.
pub fn put(ws: &mut Worksheet, cell: &str, text: &str, typing: Typing) {
    let c = ws.cell_mut(cell);
    match crate::sample::excel_number(text).filter(|_| typing == Typing::AsExcel) {
        Some(n) => c.set_value_number(n),
        None => c.set_value_string(text),
    };
}

/// Fills a template (its bytes) with answers.
pub fn fill(template: &[u8], answers: &Answers, typing: Typing) -> Result<Workbook, String> {
    let mut book =
        umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(template), true)
            .map_err(|e| e.to_string())?;
    if let Ok(ws) = book.sheet_by_name_mut(SHEET_INFO) {
        for (key, value) in &answers.info {
            if let Some(r) = find_row(ws, "A", key) {
                put(ws, &format!("B{r}"), value, typing);
            }
        }
    }
    if let Ok(ws) = book.sheet_by_name_mut(SHEET_INDICATORS) {
        for o in &answers.outcomes {
            let Some(r) = find_row(ws, "A", &o.code) else {
                continue;
            };
            put(ws, &format!("H{r}"), &o.actual, typing);
            put(ws, &format!("I{r}"), &o.self_score, typing);
            ws.cell_mut(format!("J{r}").as_str())
                .set_value_string(&o.reason);
            ws.cell_mut(format!("K{r}").as_str())
                .set_value_string(&o.evidence);
        }
    }
    if let Ok(ws) = book.sheet_by_name_mut(SHEET_BUDGET) {
        let empty = |ws: &Worksheet, r: u32, col: &str| {
            ws.cell(format!("{col}{r}").as_str())
                .map(|c| c.value().trim().is_empty())
                .unwrap_or(true)
        };
        let mut spare = (3..=ws.highest_row()).find(|r| empty(ws, *r, "A") && empty(ws, *r, "B"));
        for s in &answers.spending {
            match find_row(ws, "B", &s.name) {
                Some(r) => {
                    put(ws, &format!("G{r}"), &s.spent, typing);
                    ws.cell_mut(format!("I{r}").as_str())
                        .set_value_string(&s.note);
                }
                None => {
                    let Some(r) = spare else { continue };
                    spare = Some(r + 1);
                    ws.cell_mut(format!("B{r}").as_str())
                        .set_value_string(&s.name);
                    ws.cell_mut(format!("C{r}").as_str())
                        .set_value_string(&s.nature);
                    ws.cell_mut(format!("D{r}").as_str())
                        .set_value_string(&s.kind);
                    put(ws, &format!("F{r}"), &s.adjusted, typing);
                    put(ws, &format!("G{r}"), &s.spent, typing);
                    ws.cell_mut(format!("I{r}").as_str())
                        .set_value_string(&s.note);
                }
            }
        }
    }
    Ok(book)
}

/// The bytes of a filled workbook. umya-spreadsheet writes the number formats of
/// `xl/styles.xml` in hash order, so the same workbook came out as different bytes from run to
/// run; they are put in `numFmtId` order, and the same answers always give the same file.
pub fn to_bytes(book: &Workbook) -> Result<Vec<u8>, String> {
    let mut written = Vec::new();
    umya_spreadsheet::writer::xlsx::write_writer(book, &mut written).map_err(|e| e.to_string())?;
    crate::collect::guard::repack(&written, str::to_string, |name, data| {
        let xml = std::str::from_utf8(data).ok()?;
        (name == "xl/styles.xml").then(|| number_formats_in_order(xml).into_bytes())
    })
    .map_err(|e| e.to_string())
}

/// `styles.xml` with the `<numFmt …/>` elements of its `<numFmts>` sorted by `numFmtId`.
fn number_formats_in_order(xml: &str) -> String {
    let (Some(open), Some(close)) = (xml.find("<numFmts"), xml.find("</numFmts>")) else {
        return xml.to_string();
    };
    let Some(body) = xml[open..close].find('>').map(|i| open + i + 1) else {
        return xml.to_string();
    };
    let mut formats: Vec<&str> = xml[body..close]
        .split_inclusive("/>")
        .filter(|f| !f.trim().is_empty())
        .collect();
    let id = |f: &str| -> u32 {
        f.split("numFmtId=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(u32::MAX)
    };
    if !formats
        .iter()
        .all(|f| f.trim_start().starts_with("<numFmt ") && f.ends_with("/>"))
    {
        return xml.to_string();
    }
    formats.sort_by_key(|f| id(f));
    format!("{}{}{}", &xml[..body], formats.concat(), &xml[close..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers typed into the same template are the same bytes, however
    /// umya-spreadsheet's maps happen to be ordered in this process.
    #[test]
    fn the_same_filled_return_is_the_same_bytes() {
        let plan = crate::plan::parse("评价方案.xlsx", &crate::sample::plan_sheets()).unwrap();
        let template = crate::template::build(&plan, &plan.departments[0]).unwrap();
        let answers = Answers {
            info: info("张华", "0518-1", "2022-05-10"),
            outcomes: crate::sample::reference_outcomes(),
            spending: crate::sample::reference_spending(),
        };
        let bytes = || to_bytes(&fill(&template, &answers, Typing::AsExcel).unwrap()).unwrap();
        let first = bytes();
        for _ in 0..4 {
            assert!(bytes() == first);
        }
        let read = crate::collect::read_bytes(&plan, "r.xlsx", &first, false);
        assert_eq!(read.dept.as_ref().map(|d| d.as_str()), Some("001"));
    }

    #[test]
    fn number_formats_are_put_in_id_order() {
        let xml = r##"<styleSheet><numFmts count="3"><numFmt numFmtId="166" formatCode="0.00%"/><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts/></styleSheet>"##;
        assert_eq!(
            number_formats_in_order(xml),
            r##"<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.00"/><numFmt numFmtId="166" formatCode="0.00%"/></numFmts><fonts/></styleSheet>"##
        );
        assert_eq!(number_formats_in_order("<a/>"), "<a/>");
    }
}
