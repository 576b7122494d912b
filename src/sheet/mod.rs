//! Sheets as text tables: calamine cells or TSV lines → [`RawSheet`], and header lookup.
//!
//! Every stage that reads a table (the plan, the returns) sees the same thing: rows of cell text
//! keyed by their real sheet position, numbers in their shortest round-trip form (62.69, never
//! 62.689999…), dates as `YYYY-MM-DD`. Columns are found by header text, not position, so
//! inserted or reordered columns read the same.

pub mod shown;

use crate::domain::CellRef;
use calamine::Data;
use std::borrow::Cow;
use std::collections::HashMap;

/// One sheet as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawSheet {
    /// The sheet name.
    pub name: String,
    /// Non-empty rows in sheet order.
    pub rows: Vec<RawRow>,
}

/// One row: its 0-based sheet row and the text of each cell from column A, kept in one
/// buffer (a province's plan has half a million rows; a `String` per cell would cost several
/// times the text itself).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawRow {
    /// 0-based row in the sheet.
    pub row: u32,
    text: String,
    /// End of each cell's text in `text`; missing cells are empty.
    ends: Vec<u32>,
}

impl RawRow {
    /// A row from its cell texts, column A first.
    pub fn new<S: AsRef<str>>(row: u32, cells: impl IntoIterator<Item = S>) -> Self {
        let mut r = Self {
            row,
            ..Self::default()
        };
        for c in cells {
            r.text.push_str(c.as_ref());
            r.ends.push(r.text.len() as u32);
        }
        r
    }

    /// The text of column `col`, or `""`.
    pub fn get(&self, col: u32) -> &str {
        let i = col as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// How many columns the row spans (to its last cell).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no cells at all.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell texts from column A.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|c| self.get(c as u32))
    }

    /// An empty row with room for `text` bytes in `cells` cells: sized like the row before it
    /// (the rows of a sheet are alike), so that filling it does not grow it cell by cell.
    fn with_capacity(row: u32, text: usize, cells: usize) -> Self {
        Self {
            row,
            text: String::with_capacity(text),
            ends: Vec::with_capacity(cells),
        }
    }

    /// Sets the text of column `col`.
    pub fn set(&mut self, col: u32, text: &str) {
        let c = col as usize;
        if c >= self.ends.len() {
            let end = self.text.len() as u32;
            self.ends.resize(c, end);
            self.text.push_str(text);
            self.ends.push(self.text.len() as u32);
        } else {
            let mut cells: Vec<String> = self.cells().map(String::from).collect();
            cells[c] = text.to_string();
            *self = Self::new(self.row, cells);
        }
    }

    /// Keeps the first `n` columns.
    pub fn truncate(&mut self, n: usize) {
        if n < self.ends.len() {
            self.ends.truncate(n);
            let end = self.ends.last().copied().unwrap_or(0);
            self.text.truncate(end as usize);
        }
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl RawSheet {
    /// Builds a sheet from TSV text: line 1 is sheet row 1. Trailing `\r` is dropped.
    pub fn from_tsv(name: &str, tsv: &str) -> Self {
        let rows = tsv
            .lines()
            .enumerate()
            .map(|(i, line)| RawRow::new(i as u32, line.trim_end_matches('\r').split('\t')))
            .filter(|r| !r.is_blank())
            .collect();
        Self {
            name: name.to_string(),
            rows,
        }
    }

    /// Builds a sheet from a calamine range.
    pub fn from_range(name: &str, range: &calamine::Range<Data>) -> Self {
        Self::from_range_shown(name, range, None, false)
    }

    /// Builds a sheet from a calamine range, numbers in the cells `shown` lists read as the
    /// workbook shows them ([`shown::Shown`]): 0.026 in a percent cell reads `2.6%`, a number
    /// calamine took for a date reads as the number, a date serial it did not know reads as
    /// the date (`is_1904`: the workbook's date system).
    pub fn from_range_shown(
        name: &str,
        range: &calamine::Range<Data>,
        shown: Option<&std::collections::HashMap<(u32, u32), shown::Shown>>,
        is_1904: bool,
    ) -> Self {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        use shown::Shown;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let row = row0 + i as u32;
            let mut cells = vec![String::new(); col0 as usize];
            cells.extend(r.iter().enumerate().map(|(j, d)| {
                let how = shown.and_then(|m| m.get(&(row, col0 + j as u32)));
                let number = match d {
                    Data::Float(f) => Some(*f),
                    Data::Int(i) => Some(*i as f64),
                    Data::DateTime(dt) => Some(dt.as_f64()),
                    _ => None,
                };
                match (how, number) {
                    (Some(Shown::Percent), Some(n)) => percent_text(n),
                    (Some(Shown::Number), Some(n)) => float_text(n),
                    (Some(Shown::Date), Some(n)) if !matches!(d, Data::DateTime(_)) => {
                        cell_text(&Data::DateTime(ExcelDateTime::new(
                            n,
                            ExcelDateTimeType::DateTime,
                            is_1904,
                        )))
                    }
                    _ => cell_text(d),
                }
            }));
            let raw = RawRow::new(row, cells);
            if !raw.is_blank() {
                rows.push(raw);
            }
        }
        Self {
            name: name.to_string(),
            rows,
        }
    }

    /// Finds the header row: the first of the first 20 rows that holds `anchor`, and maps each
    /// header text (normalised by [`header_key`]) to its column.
    pub fn header(&self, anchor: &str) -> Option<Header> {
        self.rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .find_map(|r| Header::in_row(r, anchor))
    }
}

/// How many non-empty rows at the top of a sheet are searched for its header.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// A located header row.
#[derive(Debug, Clone)]
pub struct Header {
    /// 0-based sheet row of the header.
    pub row: u32,
    cols: HashMap<String, u32>,
}

impl Header {
    /// The header, when `row` holds `anchor` (compared by [`header_key`]).
    pub fn in_row(row: &RawRow, anchor: &str) -> Option<Header> {
        let cols: HashMap<String, u32> = row
            .cells()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
            .map(|(i, c)| (header_key(c), i as u32))
            .collect();
        cols.contains_key(anchor)
            .then_some(Header { row: row.row, cols })
    }

    /// The column of a header, if present.
    pub fn col(&self, name: &str) -> Option<u32> {
        self.cols.get(name).copied()
    }

    /// The cell of the header row at the first column, for errors about the whole header.
    pub fn cell(&self) -> CellRef {
        CellRef::new(self.row, 0)
    }
}

/// Header text as a key: white space removed, full-width brackets folded, a trailing unit in
/// brackets such as `（万元）` dropped, so `年初预算(万元)` finds `年初预算`.
pub fn header_key(text: &str) -> String {
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect();
    if s.ends_with(')')
        && let Some(open) = s.rfind('(')
        && open > 0
    {
        s.truncate(open);
    }
    s.trim_start_matches('*').to_string()
}

/// What a picture embedded in a cell reads as.
pub const CELL_IMAGE: &str = "图片";

/// Whether a cell's text is WPS's 嵌入单元格图片 (`=DISPIMG("ID_…",1)`, the picture itself in
/// `xl/cellimages.xml`): such a cell holds a picture, not text.
pub fn is_cell_image(s: &str) -> bool {
    let t = s.trim_start();
    let t = t.strip_prefix('=').unwrap_or(t);
    let t = t.strip_prefix("_xlfn.").unwrap_or(t);
    t.get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("DISPIMG("))
}

/// A calamine cell as text: numbers in shortest round-trip form, dates as `YYYY-MM-DD`
/// (with ` HH:MM:SS` when there is a time), errors as their Excel spelling.
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) if is_cell_image(s) => CELL_IMAGE.to_string(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                return float_text(dt.as_f64());
            }
            let (y, m, day, h, min, s, _) = dt.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e}"),
    }
}

/// A streamed calamine cell as text, the same way as [`cell_text`]; text cells are
/// borrowed, not copied.
pub fn cell_text_ref<'a>(d: &'a calamine::DataRef<'_>) -> Cow<'a, str> {
    use calamine::DataRef;
    match d {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::String(s) if is_cell_image(s) => Cow::Borrowed(CELL_IMAGE),
        DataRef::String(s) => Cow::Borrowed(s.as_str()),
        DataRef::SharedString(s) if is_cell_image(s) => Cow::Borrowed(CELL_IMAGE),
        DataRef::SharedString(s) => Cow::Borrowed(s),
        DataRef::Int(i) => Cow::Owned(i.to_string()),
        DataRef::Float(f) => Cow::Owned(float_text(*f)),
        DataRef::Bool(b) => Cow::Owned(cell_text(&Data::Bool(*b))),
        DataRef::DateTime(dt) => Cow::Owned(cell_text(&Data::DateTime(*dt))),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cow::Borrowed(s.as_str()),
        DataRef::Error(e) => Cow::Owned(format!("{e}")),
    }
}

/// Builds rows from cells as a reader streams them: in sheet order (the usual case) each cell
/// joins or starts the last row; cells out of order are sorted once at the end.
#[derive(Debug, Default)]
pub struct RowsBuilder {
    rows: Vec<RawRow>,
    unordered: bool,
}

impl RowsBuilder {
    /// Adds one cell; blank text is dropped.
    pub fn push(&mut self, r: u32, c: u32, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        match self.rows.last_mut() {
            Some(last) if last.row == r => last.set(c, text),
            last => {
                let mut size = (0, 0);
                if let Some(last) = last {
                    if last.row > r {
                        self.unordered = true;
                    }
                    size = (last.text.len(), last.ends.len());
                    last.text.shrink_to_fit();
                    last.ends.shrink_to_fit();
                }
                let mut row = RawRow::with_capacity(r, size.0, size.1);
                row.set(c, text);
                self.rows.push(row);
            }
        }
    }

    /// The sheet, rows in sheet order (a row given in pieces is joined; for a cell given
    /// twice, the later one wins).
    pub fn finish(mut self, name: &str) -> RawSheet {
        if self.unordered {
            self.rows.sort_by_key(|r| r.row);
            let mut joined: Vec<RawRow> = Vec::with_capacity(self.rows.len());
            for row in self.rows {
                match joined.last_mut() {
                    Some(last) if last.row == row.row => {
                        for (c, text) in row.cells().enumerate() {
                            if !text.is_empty() {
                                last.set(c as u32, text);
                            }
                        }
                    }
                    _ => joined.push(row),
                }
            }
            self.rows = joined;
        }
        self.rows.shrink_to_fit();
        RawSheet {
            name: name.to_string(),
            rows: self.rows,
        }
    }
}

/// How much of a sheet a reader takes: cells past `max_row`/`max_col` are skipped and
/// reading stops after `max_cells` cells.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Last 0-based row read.
    pub max_row: u32,
    /// Last 0-based column read.
    pub max_col: u32,
    /// Cells looked at before reading stops.
    pub max_cells: usize,
}

impl Limits {
    /// No bounds (for the plan, which the bureau writes itself).
    pub const NONE: Limits = Limits {
        max_row: u32::MAX,
        max_col: u32::MAX,
        max_cells: usize::MAX,
    };
}

/// Streams one sheet of an .xlsx workbook into a [`RawSheet`] named `canonical`, cell by
/// cell: no dense range is ever built, so memory follows the filled cells only.
pub fn stream_xlsx<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Xlsx<RS>,
    sheet: &str,
    canonical: &str,
    limits: Limits,
) -> Result<RawSheet, calamine::XlsxError> {
    let mut rows = RowsBuilder::default();
    for_each_cell(wb, sheet, limits, |r, c, text| {
        rows.push(r, c, text);
        true
    })?;
    Ok(rows.finish(canonical))
}

/// Streams one sheet's rows to `on_row` in sheet order, each as soon as the next row starts,
/// so a long sheet is never held whole. Returns `Ok(false)`, having stopped, when the file
/// stores a row after a later one (no spreadsheet program does; [`stream_xlsx`] sorts them).
pub fn stream_xlsx_rows<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Xlsx<RS>,
    sheet: &str,
    mut on_row: impl FnMut(RawRow),
) -> Result<bool, calamine::XlsxError> {
    let mut current: Option<RawRow> = None;
    let mut ordered = true;
    for_each_cell(wb, sheet, Limits::NONE, |r, c, text| {
        if text.trim().is_empty() {
            return true;
        }
        match &mut current {
            Some(row) if row.row == r => row.set(c, text),
            Some(row) if row.row > r => {
                ordered = false;
                return false;
            }
            _ => {
                let size = current
                    .as_ref()
                    .map_or((0, 0), |p| (p.text.len(), p.ends.len()));
                let mut row = RawRow::with_capacity(r, size.0, size.1);
                row.set(c, text);
                if let Some(done) = current.replace(row) {
                    on_row(done);
                }
            }
        }
        true
    })?;
    if let (true, Some(row)) = (ordered, current) {
        on_row(row);
    }
    Ok(ordered)
}

/// Calls `cell(row, col, text)` for every stored cell within `limits`, in file order, until
/// it returns `false`.
fn for_each_cell<RS: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Xlsx<RS>,
    sheet: &str,
    limits: Limits,
    mut cell: impl FnMut(u32, u32, &str) -> bool,
) -> Result<(), calamine::XlsxError> {
    let mut reader = wb.worksheet_cells_reader(sheet)?;
    let percent: Vec<bool> = reader.styles().iter().map(is_percent_style).collect();
    let mut seen = 0usize;
    while let Some((c, style)) = reader.next_cell_with_style_id()? {
        seen += 1;
        if seen > limits.max_cells {
            break;
        }
        let (r, col) = c.get_position();
        if r > limits.max_row || col > limits.max_col {
            continue;
        }
        let text = match c.get_value() {
            calamine::DataRef::Float(f) if percent.get(style).copied().unwrap_or(false) => {
                Cow::Owned(percent_text(*f))
            }
            calamine::DataRef::Int(i) if percent.get(style).copied().unwrap_or(false) => {
                Cow::Owned(percent_text(*i as f64))
            }
            v => cell_text_ref(v),
        };
        if !cell(r, col, &text) {
            break;
        }
    }
    Ok(())
}

/// Whether a cell style shows numbers as percentages ([`shown::is_percent_code`]).
fn is_percent_style(style: &calamine::Style) -> bool {
    let Some(f) = &style.number_format else {
        return false;
    };
    f.format_id
        .is_some_and(|id| u16::try_from(id).is_ok_and(shown::is_percent_builtin))
        || shown::is_percent_code(&f.format_code)
}

/// A number stored in a percent cell as the user sees it: 1.025 → `102.5%`, 0.8 → `80%`
/// (exact decimal arithmetic on the float's shortest text, so 1.025 never becomes
/// 102.49999…%).
pub fn percent_text(f: f64) -> String {
    let plain = float_text(f);
    match plain.parse::<rust_decimal::Decimal>() {
        Ok(d) => format!("{}%", (d * rust_decimal::Decimal::ONE_HUNDRED).normalize()),
        Err(_) => plain,
    }
}

/// A float in its shortest round-trip decimal form: 62.69, not 62.689999….
pub fn float_text(f: f64) -> String {
    if f.is_finite() {
        // Rust's Display for f64 is the shortest text that reads back to the same float.
        let s = format!("{f}");
        if s == "-0" { "0".into() } else { s }
    } else {
        String::from("#NUM!")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_percent_cells_read_as_shown() {
        assert_eq!(percent_text(1.025), "102.5%");
        assert_eq!(percent_text(0.8), "80%");
        assert_eq!(percent_text(0.004), "0.4%");
        assert_eq!(percent_text(1.306), "130.6%");
        assert_eq!(percent_text(0.0), "0%");
    }

    #[test]
    fn floats_use_shortest_text() {
        assert_eq!(float_text(62.69), "62.69");
        assert_eq!(float_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_text(2078.17), "2078.17");
        assert_eq!(float_text(1e20), "100000000000000000000");
        assert_eq!(float_text(-0.0), "0");
        assert_eq!(cell_text(&Data::Float(95.0)), "95");
    }

    #[test]
    fn header_keys_ignore_units_and_spaces() {
        assert_eq!(header_key("年初预算(万元)"), "年初预算");
        assert_eq!(header_key(" 年初预算（万元） "), "年初预算");
        assert_eq!(header_key("部门\n编码"), "部门编码");
        assert_eq!(header_key("*指标编码"), "指标编码");
    }

    #[test]
    fn rows_hold_cells_in_any_order() {
        let mut r = RawRow::new(3, ["a", "", "c"]);
        r.set(5, "f");
        r.set(1, "b");
        assert_eq!(r.cells().collect::<Vec<_>>(), ["a", "b", "c", "", "", "f"]);
        assert_eq!(r.get(4), "");
        assert_eq!(r.get(99), "");
        r.truncate(2);
        assert_eq!(r, RawRow::new(3, ["a", "b"]));

        // Cells streamed out of order: rows sorted and joined, blanks dropped.
        let mut b = RowsBuilder::default();
        for (r, c, text) in [
            (2, 1, "z"),
            (0, 0, "h"),
            (2, 0, "y"),
            (1, 0, "  "),
            (0, 2, "j"),
        ] {
            b.push(r, c, text);
        }
        let s = b.finish("x");
        let rows: Vec<(u32, Vec<&str>)> = s
            .rows
            .iter()
            .map(|r| (r.row, r.cells().collect()))
            .collect();
        assert_eq!(rows, [(0, vec!["h", "", "j"]), (2, vec!["y", "z"])]);
    }

    #[test]
    fn tsv_rows_keep_their_sheet_positions() {
        let s = RawSheet::from_tsv("x", "a\tb\n\n1\t2\r\n");
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1].row, 2);
        assert_eq!(s.rows[1].get(1), "2");
        assert_eq!(s.rows[1].get(5), "");
        let h = s.header("b").unwrap();
        assert_eq!(h.col("b"), Some(1));
    }
}
