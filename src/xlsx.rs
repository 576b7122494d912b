//! Shared workbook-writing helpers: formats, column widths that fit Chinese text, document
//! properties with a reproducible timestamp.
//!
//! Every writer (plan, templates, consolidated workbook) builds bytes in memory with these;
//! none of them touches disk (see [`crate::output`]).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

/// Header fill colour (light blue, as finance bureau tables usually have).
pub const HEADER_FILL: u32 = 0xDDEBF7;
/// Fill for cells a department must fill in (light yellow).
pub const INPUT_FILL: u32 = 0xFFF2CC;
/// Default font for Chinese text, present in Excel and WPS on Windows.
pub const FONT: &str = "宋体";

/// Width of text in Excel column units: CJK and full-width characters count 2, others 1.
/// rust_xlsxwriter's autofit undercounts CJK, so every writer uses this instead.
pub fn display_width(s: &str) -> f64 {
    s.lines()
        .map(|line| line.chars().map(char_width).sum::<f64>())
        .fold(0.0, f64::max)
}

fn char_width(c: char) -> f64 {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
        || matches!(c, '≥' | '≤' | '×' | '—' | '“' | '”' | '‘' | '’' | '…');
    if wide { 2.0 } else { 1.1 }
}

/// A column width for these texts: the widest, plus padding, within `min..=max`.
pub fn fit_width<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let w = texts.into_iter().map(display_width).fold(0.0, f64::max) + 2.0;
    w.clamp(min, max)
}

/// Sets each column's width from its texts.
pub fn set_widths(
    ws: &mut Worksheet,
    columns: &[Vec<&str>],
    min: f64,
    max: f64,
) -> Result<(), XlsxError> {
    for (c, texts) in columns.iter().enumerate() {
        ws.set_column_width(c as u16, fit_width(texts.iter().copied(), min, max))?;
    }
    Ok(())
}

/// Formats cells of column `c` from row `first_row` (`fmts[i]` for row `first_row + i`).
///
/// rust_xlsxwriter hashes the whole `Format` on every formatted write; writers here write
/// values unformatted and then format runs of equal formats (compared by address), one style
/// lookup per run. Blank cells in a run get the format too.
pub fn format_column(
    ws: &mut Worksheet,
    c: u16,
    first_row: u32,
    fmts: &[&Format],
) -> Result<(), XlsxError> {
    for (start, end, fmt) in runs(fmts) {
        ws.set_range_format(first_row + start as u32, c, first_row + end as u32, c, fmt)?;
    }
    Ok(())
}

/// Runs of the same format (by address) as `(first, last, format)` positions.
fn runs<'a>(fmts: &'a [&'a Format]) -> impl Iterator<Item = (usize, usize, &'a Format)> + 'a {
    let mut start = 0;
    std::iter::from_fn(move || {
        let first = *fmts.get(start)?;
        let len = fmts[start..]
            .iter()
            .take_while(|f| std::ptr::eq(**f, first))
            .count();
        let run = (start, start + len - 1, first);
        start += len;
        Some(run)
    })
}

/// A decimal as the nearest `f64` for a number cell: through its text, which Rust parses
/// correctly rounded (95.3 stays 95.3 in the cell, not 95.30000000000001).
pub fn decimal_f64(d: rust_decimal::Decimal) -> f64 {
    d.to_string().parse().unwrap_or_default()
}

/// The height (points) of a row whose wrapped cells hold these texts in columns of these
/// widths (characters, CJK counted double), for 10.5-point text: Excel and LibreOffice do not
/// grow the rows of a generated file to fit.
pub fn wrapped_height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(t, w)| {
            t.split('\n')
                .map(|l| (display_width(l) / (w - 1.5).max(1.0)).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    lines * 14.0 + 4.0
}

/// Points of rows that fit on one A4 landscape page printed one page wide (margins 0.6 in top
/// and bottom, as jixiao sets them), for a sheet whose columns total `width_chars` character
/// widths; with a safety margin, so that a spreadsheet program's own break never comes first.
pub fn landscape_page_points(width_chars: f64) -> f64 {
    let printable_width = (11.69 - 1.0) * 72.0;
    let sheet_width = (width_chars * 7.0 + 5.0) * 0.75;
    let scale = (printable_width / sheet_width).min(1.0);
    let printable_height = (8.27 - 1.2 - 0.3) * 72.0;
    printable_height / scale * 0.9
}

/// Where pages start in a run of rows of these heights (points): the first page holds
/// `first_page` points of them, every later one `page`. Gives the indices of the rows that
/// begin a new page.
pub fn page_starts(heights: &[f64], first_page: f64, page: f64) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut room = first_page;
    for (i, h) in heights.iter().enumerate() {
        if *h > room && i > 0 && room < page {
            starts.push(i);
            room = page;
        }
        room -= h;
    }
    starts
}

/// Runs of equal labels (`(first, last)` indices) cut where a page starts, so that a merged
/// label is printed at the top of every page it spans.
pub fn split_at_pages(runs: Vec<(usize, usize)>, starts: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(runs.len());
    for (mut s, e) in runs {
        let inside: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&b| b > s && b <= e)
            .collect();
        for b in inside {
            out.push((s, b - 1));
            s = b;
        }
        out.push((s, e));
    }
    out
}

/// A writer's error as the OS error inside it, when there is one (so that a full disk reads
/// as one), else as an opaque I/O error.
pub fn io_error(e: rust_xlsxwriter::XlsxError) -> std::io::Error {
    match e {
        rust_xlsxwriter::XlsxError::IoError(io) => io,
        // rust_xlsxwriter's zip is another version than ours: its I/O error is found by
        // walking the sources.
        other => {
            let os = std::error::Error::source(&other)
                .and_then(|s| s.downcast_ref::<std::io::Error>())
                .and_then(std::io::Error::raw_os_error);
            match os {
                Some(code) => std::io::Error::from_raw_os_error(code),
                None => std::io::Error::other(other),
            }
        }
    }
}

/// The base format without borders, for the columns of long data tables.
pub fn plain() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(10.5)
        .set_align(FormatAlign::VerticalCenter)
}

/// The base format: Chinese font, thin borders, vertically centred.
pub fn base() -> Format {
    plain().set_border(FormatBorder::Thin)
}

/// Header cells: bold, filled, centred, wrapped.
pub fn header() -> Format {
    base()
        .set_bold()
        .set_background_color(HEADER_FILL)
        .set_align(FormatAlign::Center)
        .set_text_wrap()
}

/// A title line above a table.
pub fn title() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(14)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

/// Wrapped body text.
pub fn wrap() -> Format {
    base().set_text_wrap()
}

/// The number format of every money figure (万元): thousands separator, 2 decimals.
pub const MONEY_FORMAT: &str = "#,##0.00";

/// Money in 万元: `#,##0.00`.
pub fn money() -> Format {
    base().set_num_format(MONEY_FORMAT)
}

/// Scores: `0.00`.
pub fn score() -> Format {
    base().set_num_format("0.00")
}

/// Rates: `0.00%`.
pub fn percent() -> Format {
    base().set_num_format("0.00%")
}

/// Document properties with a creation time taken from `SOURCE_DATE_EPOCH` when set, so
/// that the same inputs give the same bytes.
pub fn properties(title: &str) -> DocProperties {
    let props = DocProperties::new()
        .set_title(title)
        .set_author("jixiao")
        .set_company("jixiao");
    match fixed_timestamp() {
        Some(t) => props.set_creation_datetime(&t),
        None => props,
    }
}

/// A new workbook with these document properties, deflated at level 1: outputs are written
/// by the thousand under a deadline, and level 1 costs a few percent in size for a large
/// share of the writing time.
pub fn workbook(props: &DocProperties) -> rust_xlsxwriter::Workbook {
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.set_zip_compression_level(1);
    wb.set_properties(props);
    wb
}

/// `SOURCE_DATE_EPOCH` as an Excel date-time, if set and valid.
pub fn fixed_timestamp() -> Option<ExcelDateTime> {
    ExcelDateTime::from_timestamp(crate::domain::fixed_clock()?).ok()
}

/// Reads `YYYY-MM-DD` as a date, if the text is exactly that.
pub fn parse_ymd(s: &str) -> Option<ExcelDateTime> {
    let mut parts = s.trim().split('-');
    let y: u16 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1900..=9999).contains(&y) {
        return None;
    }
    ExcelDateTime::from_ymd(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_runs_are_cut_where_pages_start() {
        let starts = page_starts(&[100.0; 10], 250.0, 300.0);
        assert_eq!(starts, [2, 5, 8]);
        assert_eq!(
            split_at_pages(vec![(0, 3), (4, 4), (5, 9)], &starts),
            [(0, 1), (2, 3), (4, 4), (5, 7), (8, 9)]
        );
        assert!(page_starts(&[10.0; 5], 100.0, 100.0).is_empty());
    }

    #[test]
    fn formats_run_by_address() {
        let (a, b) = (base(), base());
        let got: Vec<(usize, usize, bool)> = runs(&[&a, &a, &b, &a, &a, &a])
            .map(|(s, e, f)| (s, e, std::ptr::eq(f, &a)))
            .collect();
        assert_eq!(got, [(0, 1, true), (2, 2, false), (3, 5, true)]);
        assert_eq!(runs(&[]).count(), 0);
    }

    #[test]
    fn chinese_counts_double() {
        assert_eq!(display_width("市应急管理局"), 12.0);
        assert!((display_width("abc") - 3.3).abs() < 1e-9);
        assert_eq!(display_width("≥2次"), 2.0 + 1.1 + 2.0);
        assert_eq!(display_width("第一行\n第二行长"), 8.0);
    }

    #[test]
    fn widths_are_clamped() {
        assert_eq!(fit_width(["短"], 8.0, 40.0), 8.0);
        assert_eq!(fit_width(["很".repeat(40).as_str()], 8.0, 40.0), 40.0);
    }

    #[test]
    fn dates_parse_strictly() {
        assert!(parse_ymd("2022-05-20").is_some());
        assert!(parse_ymd("2022-13-01").is_none());
        assert!(parse_ymd("五月").is_none());
    }
}
