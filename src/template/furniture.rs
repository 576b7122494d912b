//! What every template sheet shares: the formats, print setup (A4, footer with the
//! department), protection, and how ranges are written.

use super::*;

/// The formats of a template, built once per workbook.
pub(super) struct Formats {
    pub(super) header: Format,
    pub(super) locked: Format,
    pub(super) locked_wrap: Format,
    pub(super) locked_center: Format,
    pub(super) locked_money: Format,
    pub(super) locked_rate: Format,
    pub(super) input: Format,
    pub(super) input_wrap: Format,
    /// A long text input (主要职责): wrapped, from the top of its tall cell.
    pub(super) input_long: Format,
    pub(super) input_money: Format,
    pub(super) input_percent: Format,
    pub(super) input_date: Format,
    pub(super) total_label: Format,
    pub(super) total_money: Format,
    pub(super) total_rate: Format,
    pub(super) title: Format,
    pub(super) text: Format,
    pub(super) bold: Format,
}

impl Formats {
    pub(super) fn new() -> Self {
        let input = xlsx::base()
            .set_unlocked()
            .set_background_color(xlsx::INPUT_FILL);
        let total = xlsx::base().set_bold().set_background_color(0xF2F2F2);
        Self {
            header: xlsx::header(),
            locked: xlsx::base(),
            locked_wrap: xlsx::wrap(),
            locked_center: xlsx::wrap().set_align(FormatAlign::Center),
            locked_money: xlsx::money(),
            locked_rate: xlsx::percent(),
            input_wrap: input.clone().set_text_wrap(),
            input_long: input.clone().set_text_wrap().set_align(FormatAlign::Top),
            input_money: input.clone().set_num_format(xlsx::MONEY_FORMAT),
            input_percent: input.clone().set_num_format("0.00%"),
            input_date: input.clone().set_num_format("yyyy-mm-dd"),
            input,
            total_label: total.clone(),
            total_money: total.clone().set_num_format(xlsx::MONEY_FORMAT),
            total_rate: total.set_num_format("0.00%"),
            title: xlsx::title(),
            text: Format::new().set_font_name(xlsx::FONT).set_text_wrap(),
            bold: Format::new().set_font_name(xlsx::FONT).set_bold(),
        }
    }
}

/// Print setup shared by every visible sheet: A4 landscape, one page wide, repeated header,
/// footer with the department and page number.
pub(super) fn print_setup(
    ws: &mut Worksheet,
    dept: &Department,
    header_row: Option<u32>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer(format!(
        "&L{}（{}）&R第 &P 页，共 &N 页",
        footer_text(&dept.name),
        footer_text(dept.code.as_str())
    ));
    if let Some(r) = header_row {
        ws.set_repeat_rows(r, r)?;
    }
    Ok(())
}

/// Formats rows `first..=last` column by column, blank cells included. rust_xlsxwriter hashes
/// the whole `Format` on every formatted write; a range costs one lookup for all its cells.
pub(super) fn format_columns(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    cols: &[(u16, &Format)],
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    for (c, fmt) in cols {
        ws.set_range_format(first, *c, last, *c, fmt)?;
    }
    Ok(())
}

/// Escapes `&` in user text for header/footer codes.
pub(super) fn footer_text(s: &str) -> String {
    s.replace('&', "&&")
}

pub(super) fn protect(ws: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
}

pub(super) fn money_f64(m: Money) -> f64 {
    xlsx::decimal_f64(m.value())
}

/// Rows of one column as an Excel multi-range: consecutive rows become `H3:H7`.
pub(super) fn ranges(col: u32, rows: &[u32]) -> String {
    let name = crate::domain::CellRef::col_name(col);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start;
        while i + 1 < rows.len() && rows[i + 1] == end + 1 {
            i += 1;
            end = rows[i];
        }
        out.push(if start == end {
            format!("{name}{}", start + 1)
        } else {
            format!("{name}{}:{name}{}", start + 1, end + 1)
        });
        i += 1;
    }
    out.join(" ")
}

/// Cuts text to at most `max` characters (Excel's limit on validation messages is 255).
pub(super) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars()
            .take(max - 1)
            .chain(std::iter::once('…'))
            .collect()
    }
}
