//! Excel binary workbooks (.xlsb): `xl/styles.bin` (BrtFmt, and the BrtXF records between
//! BrtBeginCellXFs and BrtEndCellXFs), `xl/workbook.bin` (BrtBundleSh: each sheet's name and
//! relationship) with `xl/_rels/workbook.bin.rels`, and each sheet's numeric cells (BrtCellRk,
//! BrtCellReal, BrtFmlaNum after their BrtRowHdr) → [`ShownCells`] (percent cells; calamine
//! reads the dates of .xlsb itself).

use super::{FormatError, Shown, ShownCells, is_percent_builtin, is_percent_code};
use std::collections::HashMap;
use std::io::{Cursor, Read};

const MAX_PART: u64 = 128 * 1024 * 1024;

const ROW_HDR: u16 = 0x0000;
const CELL_RK: u16 = 0x0002;
const CELL_REAL: u16 = 0x0005;
const FMLA_NUM: u16 = 0x0009;
const FMT: u16 = 0x002C;
const XF: u16 = 0x002F;
const BEGIN_CELL_XFS: u16 = 0x0269;
const END_CELL_XFS: u16 = 0x026A;
const BUNDLE_SH: u16 = 0x009C;

pub(super) fn shown_cells(bytes: &[u8]) -> Result<ShownCells, FormatError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| FormatError::Container(e.to_string()))?;
    let mut part = |name: &str| -> Result<Option<Vec<u8>>, FormatError> {
        let Ok(f) = zip.by_name(name) else {
            return Ok(None);
        };
        let mut data = Vec::new();
        f.take(MAX_PART)
            .read_to_end(&mut data)
            .map_err(|e| FormatError::Container(e.to_string()))?;
        Ok(Some(data))
    };
    let percent_xf = match part("xl/styles.bin")? {
        Some(styles) => percent_xfs(&styles)?,
        None => Vec::new(),
    };
    let workbook = part("xl/workbook.bin")?
        .ok_or_else(|| FormatError::Container("缺少 xl/workbook.bin".into()))?;
    let rels = part("xl/_rels/workbook.bin.rels")?.unwrap_or_default();
    let targets = relationships(&rels)?;
    let mut out = ShownCells::default();
    if !percent_xf.iter().any(|p| *p) {
        return Ok(out);
    }
    for (name, rel) in sheets(&workbook)? {
        let Some(target) = targets.get(&rel) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        if let Some(sheet) = part(&path)? {
            sheet_cells(&sheet, &percent_xf, |r, c| {
                out.add(&name, r, c, Shown::Percent)
            })?;
        }
    }
    Ok(out)
}

/// Records of a BIFF12 part: (type, body). A type is 1–2 bytes and a size 1–4 bytes of 7
/// bits each, the high bit saying another byte follows.
fn records(data: &[u8]) -> impl Iterator<Item = Result<(u16, &[u8]), FormatError>> {
    let mut pos = 0usize;
    let bad = || FormatError::Malformed("xlsb 记录结构损坏".into());
    std::iter::from_fn(move || {
        if pos >= data.len() {
            return None;
        }
        let mut varint = |max: usize| -> Option<u32> {
            let mut v = 0u32;
            for i in 0..max {
                let b = *data.get(pos)?;
                pos += 1;
                v |= u32::from(b & 0x7F) << (7 * i);
                if b & 0x80 == 0 {
                    return Some(v);
                }
            }
            Some(v)
        };
        let Some(kind) = varint(2) else {
            return Some(Err(bad()));
        };
        let Some(len) = varint(4) else {
            return Some(Err(bad()));
        };
        let end = pos.saturating_add(len as usize);
        let Some(body) = data.get(pos..end) else {
            pos = data.len();
            return Some(Err(bad()));
        };
        pos = end;
        Some(Ok((kind as u16, body)))
    })
}

/// An XLWideString: a u32 count of UTF-16 units, then the units. Gives the text and the bytes
/// taken; a count of 0xFFFFFFFF (XLNullableWideString's null) is an empty text.
fn wide_string(b: &[u8]) -> Option<(String, usize)> {
    let n = u32::from_le_bytes(b.get(..4)?.try_into().ok()?);
    if n == u32::MAX {
        return Some((String::new(), 4));
    }
    let n = n as usize;
    let raw = b.get(4..4 + 2 * n)?;
    let units: Vec<u16> = raw
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    Some((String::from_utf16_lossy(&units), 4 + 2 * n))
}

/// For each cell XF, whether its number format is a percent format.
fn percent_xfs(styles: &[u8]) -> Result<Vec<bool>, FormatError> {
    let mut formats: HashMap<u16, bool> = HashMap::new();
    let mut out = Vec::new();
    let mut in_cell_xfs = false;
    for rec in records(styles) {
        let (kind, body) = rec?;
        match kind {
            FMT if body.len() >= 6 => {
                let id = u16::from_le_bytes([body[0], body[1]]);
                let (code, _) = wide_string(&body[2..])
                    .ok_or_else(|| FormatError::Malformed(format!("BrtFmt {id} 无法解析")))?;
                formats.insert(id, is_percent_code(&code));
            }
            BEGIN_CELL_XFS => in_cell_xfs = true,
            END_CELL_XFS => in_cell_xfs = false,
            XF if in_cell_xfs && body.len() >= 4 => {
                let id = u16::from_le_bytes([body[2], body[3]]);
                out.push(is_percent_builtin(id) || formats.get(&id).copied().unwrap_or(false));
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Each sheet's name and relationship id, in workbook order.
fn sheets(workbook: &[u8]) -> Result<Vec<(String, String)>, FormatError> {
    let mut out = Vec::new();
    for rec in records(workbook) {
        let (kind, body) = rec?;
        if kind == BUNDLE_SH && body.len() >= 8 {
            let bad = || FormatError::Malformed("BrtBundleSh 无法解析".into());
            let (rel, used) = wide_string(&body[8..]).ok_or_else(bad)?;
            let (name, _) = wide_string(&body[8 + used..]).ok_or_else(bad)?;
            out.push((name, rel));
        }
    }
    Ok(out)
}

/// Relationship id → target of a `.rels` part.
fn relationships(rels: &[u8]) -> Result<HashMap<String, String>, FormatError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(rels);
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| FormatError::Malformed(e.to_string()))?
        {
            Event::Eof => return Ok(out),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let get = |name: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.value.to_string())
                };
                if let (Some(id), Some(target)) = (get("Id"), get("Target")) {
                    out.insert(id, target);
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

/// Calls `percent(row, col)` for each numeric cell whose style shows a percentage.
fn sheet_cells(
    sheet: &[u8],
    percent_xf: &[bool],
    mut percent: impl FnMut(u32, u32),
) -> Result<(), FormatError> {
    let mut row = 0u32;
    for rec in records(sheet) {
        let (kind, body) = rec?;
        match kind {
            ROW_HDR if body.len() >= 4 => {
                row = u32::from_le_bytes([body[0], body[1], body[2], body[3]]);
            }
            CELL_RK | CELL_REAL | FMLA_NUM if body.len() >= 8 => {
                let col = u32::from_le_bytes([body[0], body[1], body[2], body[3]]);
                let style = u32::from_le_bytes([body[4], body[5], body[6], 0]) as usize;
                if percent_xf.get(style).copied().unwrap_or(false) {
                    percent(row, col);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        if kind < 0x80 {
            v.push(kind as u8);
        } else {
            v.push((kind as u8 & 0x7F) | 0x80);
            v.push((kind >> 7) as u8);
        }
        let mut len = body.len();
        loop {
            let b = (len & 0x7F) as u8;
            len >>= 7;
            if len == 0 {
                v.push(b);
                break;
            }
            v.push(b | 0x80);
        }
        v.extend(body);
        v
    }

    fn wide(s: &str) -> Vec<u8> {
        let units: Vec<u16> = s.encode_utf16().collect();
        let mut v = (units.len() as u32).to_le_bytes().to_vec();
        for u in units {
            v.extend(u.to_le_bytes());
        }
        v
    }

    #[test]
    fn styles_and_cells_give_the_percent_cells() {
        let mut fmt = 164u16.to_le_bytes().to_vec();
        fmt.extend(wide("0.0%"));
        let xf = |id: u16| {
            let mut b = vec![0, 0];
            b.extend(id.to_le_bytes());
            b.extend([0; 12]);
            b
        };
        let mut styles = rec(FMT, &fmt);
        styles.extend(rec(0x0272, &[1, 0, 0, 0]));
        styles.extend(rec(XF, &xf(10))); // a cell style's XF: not a cell XF
        styles.extend(rec(0x0273, &[]));
        styles.extend(rec(BEGIN_CELL_XFS, &[3, 0, 0, 0]));
        for id in [0, 164, 10] {
            styles.extend(rec(XF, &xf(id)));
        }
        styles.extend(rec(END_CELL_XFS, &[]));
        let xfs = percent_xfs(&styles).unwrap();
        assert_eq!(xfs, [false, true, true]);

        let cell = |col: u32, style: u32, extra: &[u8]| {
            let mut b = col.to_le_bytes().to_vec();
            b.extend(style.to_le_bytes());
            b.extend(extra);
            b
        };
        let mut sheet = rec(ROW_HDR, &[11, 0, 0, 0, 0, 0, 0, 0]);
        sheet.extend(rec(CELL_REAL, &cell(7, 1, &0.026f64.to_le_bytes())));
        sheet.extend(rec(CELL_REAL, &cell(8, 0, &0.5f64.to_le_bytes())));
        sheet.extend(rec(ROW_HDR, &[12, 0, 0, 0, 0, 0, 0, 0]));
        sheet.extend(rec(CELL_RK, &cell(2, 2, &[0, 0, 0, 0])));
        let mut found = Vec::new();
        sheet_cells(&sheet, &xfs, |r, c| found.push((r, c))).unwrap();
        assert_eq!(found, [(11, 7), (12, 2)]);

        let mut bundle = vec![0; 8];
        bundle.extend(wide("rId1"));
        bundle.extend(wide("绩效指标"));
        let wb = rec(BUNDLE_SH, &bundle);
        assert_eq!(
            sheets(&wb).unwrap(),
            [("绩效指标".to_string(), "rId1".to_string())]
        );
        assert!(records(&[0x85]).any(|r| r.is_err()));
    }
}
