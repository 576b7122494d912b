//! BIFF (.xls, .et): the globals' FORMAT and XF records and each sheet's numeric cell
//! records (NUMBER, RK, MULRK, a FORMULA with a numeric result) → [`ShownCells`].
//!
//! Each XF is classed by its number format: a percent format; a format calamine takes for a
//! date that is not one (calamine reads FORMAT records only in Excel's own id ranges, and
//! takes ids 50–58, where Gnumeric puts its own formats, for East Asian date formats); a date
//! format calamine does not know. A FORMAT record that cannot be read makes only the cells
//! using it unread ([`ShownCells::unread`]).
//!
//! Sheets are found the way calamine finds them: each BOUNDSHEET record gives a sheet's
//! name and the stream offset of its BOF. BIFF8 (Excel 97 and later, what LibreOffice,
//! Gnumeric and WPS write) names sheets in UTF-16 or Latin-1; BIFF5 names are decoded with
//! the workbook's CODEPAGE.

use super::{FormatError, Shown, ShownCells, is_date_code, is_percent_builtin, is_percent_code};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Records of a BIFF stream from `pos`: (type, body). Stops at the end of the data; a body
/// cut short by the end of the stream is given as far as it goes.
pub fn records(data: &[u8], mut pos: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        if pos + 4 > data.len() {
            return None;
        }
        let kind = u16::from_le_bytes([data[pos], data[pos + 1]]);
        let len = usize::from(u16::from_le_bytes([data[pos + 2], data[pos + 3]]));
        let body = &data[(pos + 4).min(data.len())..(pos + 4 + len).min(data.len())];
        pos += 4 + len;
        Some((kind, body))
    })
}

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const CODEPAGE: u16 = 0x0042;
const DATEMODE: u16 = 0x0022;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;

pub(super) fn shown_cells(bytes: &[u8]) -> Result<ShownCells, FormatError> {
    let data = workbook_stream(bytes)?;
    let globals = Globals::read(&data)?;
    let mut out = ShownCells {
        is_1904: globals.is_1904,
        ..ShownCells::default()
    };
    for (name, pos) in &globals.sheets {
        sheet_cells(&data, *pos, &globals.xf, |r, c, x| match x {
            XfShown::Percent => out.add(name, r, c, Shown::Percent),
            XfShown::Number => out.add(name, r, c, Shown::Number),
            XfShown::Date => out.add(name, r, c, Shown::Date),
            XfShown::Unread => out.unread += 1,
            XfShown::AsRead => {}
        });
    }
    Ok(out)
}

/// How the cells of one XF are shown, against how calamine reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum XfShown {
    /// As calamine reads them.
    AsRead,
    /// As percentages.
    Percent,
    /// As numbers, where calamine reads dates.
    Number,
    /// As dates, where calamine reads numbers.
    Date,
    /// Its FORMAT record could not be read.
    Unread,
}

/// Whether calamine 0.38 reads a number of format `id` as a date (or a time): it keeps a
/// FORMAT record's code only for ids in Excel's own ranges, else goes by the builtin id.
fn calamine_reads_date(id: u16, code: Option<&str>) -> bool {
    match (id, code) {
        (5..=8 | 23..=26 | 41..=44 | 63..=66 | 164..=382, Some(code)) => is_date_code(code),
        _ => matches!(id, 14..=22 | 27..=36 | 45 | 47 | 50..=58),
    }
}

/// How an XF of format `id` (and its FORMAT record's code, if any) shows numbers.
fn classify(id: u16, code: Option<&Result<String, ()>>) -> XfShown {
    match code {
        Some(Err(())) => XfShown::Unread,
        Some(Ok(code)) if is_percent_code(code) => XfShown::Percent,
        Some(Ok(code)) => match (is_date_code(code), calamine_reads_date(id, Some(code))) {
            (true, false) => XfShown::Date,
            (false, true) => XfShown::Number,
            _ => XfShown::AsRead,
        },
        None if is_percent_builtin(id) => XfShown::Percent,
        None => XfShown::AsRead,
    }
}

/// The Workbook (BIFF8) or Book (BIFF5) stream of a compound file.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| FormatError::Container(e.to_string()))?;
    let mut stream = ["/Workbook", "/Book"]
        .iter()
        .find_map(|name| cfb.open_stream(name).ok())
        .ok_or_else(|| FormatError::Container("没有 Workbook 数据流".into()))?;
    let mut data = Vec::new();
    stream
        .read_to_end(&mut data)
        .map_err(|e| FormatError::Container(e.to_string()))?;
    Ok(data)
}

/// What the globals substream says about formats and sheets.
struct Globals {
    /// How each XF (by index) shows numbers.
    xf: Vec<XfShown>,
    /// Each sheet's name and the offset of its BOF.
    sheets: Vec<(String, usize)>,
    /// Dates count from 1904.
    is_1904: bool,
}

impl Globals {
    fn read(data: &[u8]) -> Result<Self, FormatError> {
        let mut biff8 = true;
        let mut codepage = 1252u16;
        let mut is_1904 = false;
        // A format's code, or `Err` for a FORMAT record that cannot be read.
        let mut formats: HashMap<u16, Result<String, ()>> = HashMap::new();
        let mut xf_formats: Vec<u16> = Vec::new();
        let mut raw_sheets: Vec<(Vec<u8>, bool, usize)> = Vec::new();
        let mut seen_bof = false;
        for (kind, body) in records(data, 0) {
            match kind {
                BOF if !seen_bof => {
                    seen_bof = true;
                    if body.len() >= 2 {
                        biff8 = u16::from_le_bytes([body[0], body[1]]) >= 0x0600;
                    }
                }
                CODEPAGE if body.len() >= 2 => codepage = u16::from_le_bytes([body[0], body[1]]),
                DATEMODE if body.len() >= 2 => is_1904 = body[0] == 1,
                FORMAT if body.len() >= 2 => {
                    let id = u16::from_le_bytes([body[0], body[1]]);
                    let code = if biff8 {
                        body.get(2..)
                            .and_then(|b| unicode_string(b, 2))
                            .map(|(s, _)| s)
                    } else {
                        let n = usize::from(*body.get(2).unwrap_or(&0));
                        body.get(3..3 + n).map(|b| decode_codepage(b, codepage))
                    };
                    formats.insert(id, code.ok_or(()));
                }
                XF if body.len() >= 4 => xf_formats.push(u16::from_le_bytes([body[2], body[3]])),
                BOUNDSHEET if body.len() >= 7 => {
                    let pos = u32::from_le_bytes([body[0], body[1], body[2], body[3]]) as usize;
                    let name = if biff8 {
                        unicode_string(&body[6..], 1).map(|(s, _)| (s.into_bytes(), true))
                    } else {
                        let n = usize::from(body[6]);
                        body.get(7..7 + n).map(|b| (b.to_vec(), false))
                    };
                    let (name, utf8) = name.ok_or_else(|| {
                        FormatError::Malformed("BOUNDSHEET 记录中的工作表名无法解析".into())
                    })?;
                    raw_sheets.push((name, utf8, pos));
                }
                EOF if seen_bof => break,
                _ => {}
            }
        }
        let xf = xf_formats
            .iter()
            .map(|id| classify(*id, formats.get(id)))
            .collect();
        let sheets = raw_sheets
            .into_iter()
            .map(|(name, utf8, pos)| {
                let name = if utf8 {
                    String::from_utf8_lossy(&name).into_owned()
                } else {
                    decode_codepage(&name, codepage)
                };
                (name, pos)
            })
            .collect();
        Ok(Globals {
            xf,
            sheets,
            is_1904,
        })
    }
}

/// Calls `shown(row, col, how)` for every numeric cell of the sheet at `pos` whose XF is not
/// shown as calamine reads it. Substreams nested in the sheet (a chart's) are skipped.
fn sheet_cells(data: &[u8], pos: usize, xf: &[XfShown], mut shown: impl FnMut(u32, u32, XfShown)) {
    let class = |i: u16| xf.get(usize::from(i)).copied().unwrap_or(XfShown::AsRead);
    let mut percent = |r: u32, c: u32, x: XfShown| {
        if x != XfShown::AsRead {
            shown(r, c, x);
        }
    };
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (kind, body) in records(data, pos) {
        if depth > 0 {
            match kind {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match kind {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            NUMBER | RK if body.len() >= 6 => {
                let x = class(u16_at(body, 4));
                percent(u32::from(u16_at(body, 0)), u32::from(u16_at(body, 2)), x);
            }
            // A numeric result has anything but 0xFFFF in the value's last two bytes.
            FORMULA if body.len() >= 14 && u16_at(body, 12) != 0xFFFF => {
                let x = class(u16_at(body, 4));
                percent(u32::from(u16_at(body, 0)), u32::from(u16_at(body, 2)), x);
            }
            // Row, first column, then (XF, RK) pairs of 6 bytes, then the last column.
            MULRK if body.len() >= 12 => {
                let row = u32::from(u16_at(body, 0));
                let first = u32::from(u16_at(body, 2));
                let pairs = (body.len() - 6) / 6;
                for i in 0..pairs {
                    percent(row, first + i as u32, class(u16_at(body, 4 + 6 * i)));
                }
            }
            _ => {}
        }
    }
}

/// A BIFF8 unicode string whose character count takes `count_bytes` bytes (1 or 2), then a
/// flags byte (bit 0: two bytes per character; bits 2–3: rich text runs and phonetic data
/// follow the count). Gives the text and the bytes it took.
fn unicode_string(b: &[u8], count_bytes: usize) -> Option<(String, usize)> {
    let n = match count_bytes {
        1 => usize::from(*b.first()?),
        _ => usize::from(u16::from_le_bytes([*b.first()?, *b.get(1)?])),
    };
    let flags = *b.get(count_bytes)?;
    let mut at = count_bytes + 1;
    if flags & 0x08 != 0 {
        at += 2;
    }
    if flags & 0x04 != 0 {
        at += 4;
    }
    if flags & 0x01 != 0 {
        let raw = b.get(at..at + 2 * n)?;
        let units: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some((String::from_utf16_lossy(&units), at + 2 * n))
    } else {
        let raw = b.get(at..at + n)?;
        Some((raw.iter().map(|&c| char::from(c)).collect(), at + n))
    }
}

/// Bytes in a BIFF5 workbook's code page: GBK for 936 (Simplified Chinese Windows), Big5 for
/// 950, Latin-1 otherwise.
fn decode_codepage(b: &[u8], codepage: u16) -> String {
    let encoding = match codepage {
        936 => encoding_rs::GBK,
        950 => encoding_rs::BIG5,
        1200 => encoding_rs::UTF_16LE,
        _ => encoding_rs::WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(b).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut v = kind.to_le_bytes().to_vec();
        v.extend((body.len() as u16).to_le_bytes());
        v.extend(body);
        v
    }

    #[test]
    fn cells_whose_xf_shows_a_percent_are_found_in_every_numeric_record() {
        // XF 0 general, XF 1 builtin 10 (0.00%), XF 2 custom 164 "0.0%".
        let mut globals = rec(BOF, &[0x00, 0x06, 0x05, 0x00]);
        let mut fmt = vec![164, 0, 4, 0, 0];
        fmt.extend(b"0.0%");
        globals.extend(rec(FORMAT, &fmt));
        for id in [0u16, 10, 164] {
            let mut xf = vec![0, 0];
            xf.extend(id.to_le_bytes());
            xf.extend([0; 16]);
            globals.extend(rec(XF, &xf));
        }
        let sheet_pos_at = globals.len() + 4 + 10 + 4; // BOUNDSHEET below, then EOF
        let mut bs = (sheet_pos_at as u32).to_le_bytes().to_vec();
        bs.extend([0, 0, 2, 0]);
        bs.extend(b"S1");
        globals.extend(rec(BOUNDSHEET, &bs));
        globals.extend(rec(EOF, &[]));
        assert_eq!(globals.len(), sheet_pos_at);
        let mut data = globals;
        data.extend(rec(BOF, &[0x00, 0x06, 0x10, 0x00]));
        let cell = |r: u16, c: u16, xf: u16| {
            let mut b = r.to_le_bytes().to_vec();
            b.extend(c.to_le_bytes());
            b.extend(xf.to_le_bytes());
            b
        };
        let mut number = cell(2, 7, 1);
        number.extend(0.026f64.to_le_bytes());
        data.extend(rec(NUMBER, &number));
        let mut plain = cell(3, 7, 0);
        plain.extend(95f64.to_le_bytes());
        data.extend(rec(NUMBER, &plain));
        let mut mulrk = vec![4, 0, 1, 0];
        for xf in [0u16, 2, 1] {
            mulrk.extend(xf.to_le_bytes());
            mulrk.extend([0, 0, 0, 0]);
        }
        mulrk.extend(3u16.to_le_bytes());
        data.extend(rec(MULRK, &mulrk));
        let mut text_formula = cell(5, 7, 1);
        text_formula.extend([0, 0, 0, 0, 0, 0, 0xFF, 0xFF]);
        data.extend(rec(FORMULA, &text_formula));
        let mut num_formula = cell(6, 7, 2);
        num_formula.extend(0.5f64.to_le_bytes());
        data.extend(rec(FORMULA, &num_formula));
        data.extend(rec(EOF, &[]));

        let g = Globals::read(&data).unwrap();
        assert_eq!(g.xf, [XfShown::AsRead, XfShown::Percent, XfShown::Percent]);
        assert_eq!(g.sheets, [("S1".to_string(), sheet_pos_at)]);
        let mut found = Vec::new();
        sheet_cells(&data, sheet_pos_at, &g.xf, |r, c, _| found.push((r, c)));
        found.sort();
        assert_eq!(found, [(2, 7), (4, 2), (4, 3), (6, 7)]);
    }

    #[test]
    fn formats_calamine_misreads_are_told_apart() {
        let ok = |s: &str| Ok(s.to_string());
        // Gnumeric's own numbering: id 50 with a plain number format, not a date.
        assert_eq!(classify(50, Some(&ok("0.0"))), XfShown::Number);
        assert_eq!(classify(51, Some(&ok("0.0%"))), XfShown::Percent);
        // A date format at an id calamine skips: a date.
        assert_eq!(classify(100, Some(&ok("yyyy-mm-dd"))), XfShown::Date);
        // Excel's own ids read as calamine reads them.
        assert_eq!(classify(164, Some(&ok("yyyy-mm-dd"))), XfShown::AsRead);
        assert_eq!(classify(164, Some(&ok("0.000"))), XfShown::AsRead);
        assert_eq!(classify(14, None), XfShown::AsRead);
        assert_eq!(classify(10, None), XfShown::Percent);
        assert_eq!(classify(170, Some(&Err(()))), XfShown::Unread);
    }

    #[test]
    fn sheet_names_read_in_utf16_and_latin1() {
        let mut wide = vec![4, 1];
        for u in "绩效指标".encode_utf16() {
            wide.extend(u.to_le_bytes());
        }
        assert_eq!(unicode_string(&wide, 1).unwrap().0, "绩效指标");
        assert_eq!(unicode_string(&[2, 0, b'a', b'b'], 1).unwrap().0, "ab");
        assert!(unicode_string(&[9, 0, b'a'], 1).is_none());
        assert_eq!(decode_codepage(&[0xBC, 0xA8], 936), "绩");
    }
}
