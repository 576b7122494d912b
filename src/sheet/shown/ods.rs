//! OpenDocument (.ods): `content.xml` (and the common styles of `styles.xml`) →
//! [`ShownCells`].
//!
//! A cell is a percentage when its `office:value-type` is `percentage` (LibreOffice), or when
//! it is a `float` whose style — its own `table:style-name`, else its row's, else its
//! column's `table:default-cell-style-name`, each through its `style:parent-style-name`s —
//! has a `style:data-style-name` naming a `number:percentage-style` (Gnumeric). Positions
//! count `table:number-rows-repeated` and `table:number-columns-repeated` as calamine does;
//! covered cells take a column. Names are read unescaped (`绩效指标&amp;评分`).

use super::{FormatError, Shown, ShownCells};
use quick_xml::events::{BytesStart, Event};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Cursor, Read};

/// Bytes of an XML part read at most (the guard has bounded the entries already).
const MAX_PART: u64 = 128 * 1024 * 1024;

pub(super) fn shown_cells(bytes: &[u8]) -> Result<ShownCells, FormatError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| FormatError::Container(e.to_string()))?;
    let mut styles = Styles::default();
    if let Ok(part) = zip.by_name("styles.xml") {
        styles.read(BufReader::new(part.take(MAX_PART)), None)?;
    }
    let content = zip
        .by_name("content.xml")
        .map_err(|e| FormatError::Container(e.to_string()))?;
    let mut out = ShownCells::default();
    styles.read(BufReader::new(content.take(MAX_PART)), Some(&mut out))?;
    Ok(out)
}

/// Styles seen so far: which data styles are percentages, and each cell style's data style
/// and parent.
#[derive(Default)]
struct Styles {
    percent_data: HashSet<String>,
    /// Cell style → (its data style, its parent style).
    cell: HashMap<String, (Option<String>, Option<String>)>,
}

impl Styles {
    /// Whether a cell style (or the nearest ancestor naming a data style) shows percentages.
    fn is_percent(&self, cell_style: &str) -> bool {
        let mut name = cell_style;
        for _ in 0..16 {
            match self.cell.get(name) {
                Some((Some(data), _)) => return self.percent_data.contains(data),
                Some((None, Some(parent))) => name = parent,
                _ => return false,
            }
        }
        false
    }

    /// Reads a part's styles and, with `cells`, its tables' percent cells. Styles come before
    /// the body in both parts, so each cell's style is known when the cell is met.
    fn read(
        &mut self,
        source: impl BufRead,
        mut cells: Option<&mut ShownCells>,
    ) -> Result<(), FormatError> {
        let mut reader = quick_xml::Reader::from_reader(source);
        let mut buf = Vec::new();
        let mut table = Table::default();
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| FormatError::Malformed(e.to_string()))?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Eof => return Ok(()),
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "number:percentage-style" => {
                        if let Some(name) = attr(&e, "style:name") {
                            self.percent_data.insert(name);
                        }
                    }
                    "style:style" => {
                        if let Some(name) = attr(&e, "style:name") {
                            self.cell.insert(
                                name,
                                (
                                    attr(&e, "style:data-style-name"),
                                    attr(&e, "style:parent-style-name"),
                                ),
                            );
                        }
                    }
                    "table:table" => {
                        table = Table {
                            name: attr(&e, "table:name").unwrap_or_default(),
                            ..Table::default()
                        }
                    }
                    "table:table-column" => table.column(&e),
                    "table:table-row" => {
                        table.start_row(&e);
                        if empty {
                            table.end_row();
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        if let Some(cells) = cells.as_deref_mut() {
                            table.cell(&e, self, cells);
                        } else {
                            table.skip_cell(&e);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.name().as_ref() == "table:table-row" => table.end_row(),
                _ => {}
            }
            buf.clear();
        }
    }
}

/// Where the reader is in one table.
#[derive(Default)]
struct Table {
    name: String,
    /// Default cell style of each column, run-length: (first column, count, style).
    columns: Vec<(u32, u32, Option<String>)>,
    next_column: u32,
    row: u32,
    row_repeats: u32,
    row_style: Option<String>,
    col: u32,
}

impl Table {
    fn column(&mut self, e: &BytesStart) {
        let n = repeats(e, "table:number-columns-repeated");
        let style = attr(e, "table:default-cell-style-name");
        self.columns.push((self.next_column, n, style));
        self.next_column = self.next_column.saturating_add(n);
    }

    fn column_style(&self, col: u32) -> Option<&str> {
        self.columns
            .iter()
            .find(|(first, n, _)| col >= *first && col - first < *n)
            .and_then(|(_, _, s)| s.as_deref())
    }

    fn start_row(&mut self, e: &BytesStart) {
        self.row_repeats = repeats(e, "table:number-rows-repeated");
        self.row_style = attr(e, "table:default-cell-style-name");
        self.col = 0;
    }

    fn end_row(&mut self) {
        self.row = self.row.saturating_add(self.row_repeats.max(1));
        self.row_repeats = 1;
        self.col = 0;
    }

    fn skip_cell(&mut self, e: &BytesStart) {
        self.col = self
            .col
            .saturating_add(repeats(e, "table:number-columns-repeated"));
    }

    fn cell(&mut self, e: &BytesStart, styles: &Styles, out: &mut ShownCells) {
        let n = repeats(e, "table:number-columns-repeated");
        let kind = attr(e, "office:value-type");
        let percent = match kind.as_deref() {
            Some("percentage") => true,
            Some("float") => {
                let own = attr(e, "table:style-name");
                let style = own
                    .as_deref()
                    .or(self.row_style.as_deref())
                    .or_else(|| self.column_style(self.col));
                style.is_some_and(|s| styles.is_percent(s))
            }
            _ => false,
        };
        if percent {
            // Repeats of a valued cell are bounded by the guard; record what the reader reads.
            for dr in 0..self.row_repeats.clamp(1, 64) {
                for dc in 0..n.min(256) {
                    out.add(&self.name, self.row + dr, self.col + dc, Shown::Percent);
                }
            }
        }
        self.col = self.col.saturating_add(n);
    }
}

/// An attribute's value, unescaped (`&amp;` is `&`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

fn repeats(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(content: &str) -> ShownCells {
        let mut styles = Styles::default();
        let mut out = ShownCells::default();
        styles
            .read(std::io::Cursor::new(content.as_bytes()), Some(&mut out))
            .unwrap();
        out
    }

    #[test]
    fn percentage_value_types_and_percent_data_styles_are_found_where_calamine_puts_them() {
        let xml = r#"<office:document-content><office:automatic-styles>
            <number:percentage-style style:name="N1"/>
            <style:style style:name="P" style:data-style-name="N1"/>
            <style:style style:name="G" style:data-style-name="N0"/>
            <style:style style:name="C" style:parent-style-name="P"/>
            </office:automatic-styles><office:body><office:spreadsheet>
            <table:table table:name="绩效&amp;指标">
              <table:table-column table:number-columns-repeated="3"/>
              <table:table-column table:default-cell-style-name="P"/>
              <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
              <table:table-row>
                <table:table-cell table:number-columns-repeated="2"/>
                <table:table-cell office:value-type="percentage" office:value="0.026"/>
                <table:table-cell office:value-type="float" office:value="0.5"/>
                <table:covered-table-cell/>
                <table:table-cell table:style-name="P" office:value-type="float" office:value="1"/>
                <table:table-cell table:style-name="G" office:value-type="float" office:value="1"/>
                <table:table-cell table:style-name="P" office:value-type="string"/>
                <table:table-cell table:style-name="C" office:value-type="float" office:value="1"/>
              </table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let found = cells(xml);
        let mut got: Vec<_> = found.sheet("绩效&指标").unwrap().keys().copied().collect();
        got.sort();
        assert_eq!(got, [(2, 2), (2, 3), (2, 5), (2, 8)]);
    }
}
