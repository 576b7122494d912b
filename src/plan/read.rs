//! Plan reading: a workbook on disk → its sheets' rows → the [`Parser`] → a checked [`Plan`].
//!
//! One thread reads (calamine's XML events, in sheet order) and sends rows in chunks over a
//! bounded channel; the calling thread parses them as they come. Reading and parsing overlap,
//! and the 指标 sheet of a province's plan (half a million rows) is never held as text: only
//! the typed plan grows. A workbook that stores rows out of order — no spreadsheet program
//! writes one — is read again whole and sorted, so it still parses the same.

use super::{Parser, Plan, PlanReadError, SheetKind, parse};
use crate::sheet::{Limits, RawRow, RawSheet, stream_xlsx, stream_xlsx_rows};
use calamine::{Reader, Sheets};
use std::io::{Read, Seek};
use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};

/// Rows sent at a time: large enough that the channel costs nothing, small enough that
/// parsing starts at once.
const CHUNK_ROWS: usize = 512;
/// Chunks in flight: bounds what the reader can get ahead by.
const CHUNKS_IN_FLIGHT: usize = 8;

/// What the reading thread sends.
enum Chunk {
    /// The next rows of a sheet, in sheet order.
    Rows(SheetKind, Vec<RawRow>),
    /// A sheet is over; `false` when the workbook has no such sheet.
    End(SheetKind, bool),
}

/// Why streaming stopped.
enum Stop {
    /// calamine could not read a sheet.
    Read(calamine::Error),
    /// A sheet stores a row after a later one.
    Unordered,
}

/// Reads and checks a plan workbook.
pub fn read(path: &Path) -> Result<Plan, PlanReadError> {
    let open_err = |e: calamine::Error| PlanReadError::Open {
        path: path.to_path_buf(),
        reason: super::open_reason(&e),
    };
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let wb = calamine::open_workbook_auto(path).map_err(open_err)?;
    let (streamed, parsed) = std::thread::scope(|s| {
        let (tx, rx) = sync_channel(CHUNKS_IN_FLIGHT);
        let reader = s.spawn(move || send_sheets(wb, &tx));
        let mut parser = Parser::new(&file);
        for chunk in rx {
            match chunk {
                Chunk::Rows(kind, rows) => {
                    for row in &rows {
                        parser.row(kind, row);
                    }
                }
                Chunk::End(kind, present) => parser.end(kind, present),
            }
        }
        // calamine returns errors rather than panicking; should the reader thread panic all
        // the same, the half-parsed plan is dropped and the workbook is read again whole on
        // this thread, the way plans were read before streaming.
        let streamed = reader.join().unwrap_or(Err(Stop::Unordered));
        (streamed, parser)
    });
    match streamed {
        Ok(()) => Ok(parsed.finish()?),
        Err(Stop::Read(e)) => Err(open_err(e)),
        Err(Stop::Unordered) => {
            let mut wb = calamine::open_workbook_auto(path).map_err(open_err)?;
            let sheets = read_whole(&mut wb).map_err(open_err)?;
            Ok(parse(&file, &sheets)?)
        }
    }
}

/// Reads a plan workbook's four sheets as text, unchecked (for rolling a plan forward).
pub fn read_sheets(path: &Path) -> Result<Vec<RawSheet>, PlanReadError> {
    let open_err = |e: calamine::Error| PlanReadError::Open {
        path: path.to_path_buf(),
        reason: super::open_reason(&e),
    };
    let mut wb = calamine::open_workbook_auto(path).map_err(open_err)?;
    read_whole(&mut wb).map_err(open_err)
}

/// Sends every plan sheet's rows, sheet after sheet in [`SheetKind::ALL`] order.
fn send_sheets<RS: Read + Seek>(mut wb: Sheets<RS>, tx: &SyncSender<Chunk>) -> Result<(), Stop> {
    let names = wb.sheet_names();
    for kind in SheetKind::ALL {
        let Some(name) = names.iter().find(|n| n.trim() == kind.name()) else {
            let _ = tx.send(Chunk::End(kind, false));
            continue;
        };
        let mut chunk = Vec::with_capacity(CHUNK_ROWS);
        let mut send = |row: RawRow| {
            chunk.push(row);
            if chunk.len() == CHUNK_ROWS {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_ROWS));
                // The parser only hangs up when it is gone; the join reports that.
                let _ = tx.send(Chunk::Rows(kind, full));
            }
        };
        match &mut wb {
            Sheets::Xlsx(x) => {
                let ordered = stream_xlsx_rows(x, name, &mut send)
                    .map_err(|e| Stop::Read(calamine::Error::Xlsx(e)))?;
                if !ordered {
                    return Err(Stop::Unordered);
                }
            }
            other => {
                let range = other.worksheet_range(name).map_err(Stop::Read)?;
                RawSheet::from_range(kind.name(), &range)
                    .rows
                    .into_iter()
                    .for_each(&mut send);
            }
        }
        if !chunk.is_empty() {
            let _ = tx.send(Chunk::Rows(kind, chunk));
        }
        let _ = tx.send(Chunk::End(kind, true));
    }
    Ok(())
}

/// Every plan sheet held whole, rows sorted (for a workbook that stores them out of order).
fn read_whole<RS: Read + Seek>(wb: &mut Sheets<RS>) -> Result<Vec<RawSheet>, calamine::Error> {
    let names = wb.sheet_names();
    let mut sheets = Vec::new();
    for kind in SheetKind::ALL {
        let Some(name) = names.iter().find(|n| n.trim() == kind.name()) else {
            continue;
        };
        sheets.push(match &mut *wb {
            Sheets::Xlsx(x) => {
                stream_xlsx(x, name, kind.name(), Limits::NONE).map_err(calamine::Error::Xlsx)?
            }
            other => RawSheet::from_range(kind.name(), &other.worksheet_range(name)?),
        });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use std::io::{Cursor, Write};

    /// The sample plan as a workbook in a temporary folder.
    fn sample_workbook(dir: &Path, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join("评价方案.xlsx");
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// The workbook with the rows of the 指标 sheet (the third) stored in reverse order.
    fn with_rows_reversed(bytes: &[u8]) -> Vec<u8> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let name = entry.name().to_string();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
            if name == "xl/worksheets/sheet3.xml" {
                let start = xml.find("<row ").unwrap();
                let end = xml.rfind("</row>").unwrap() + "</row>".len();
                let rows: Vec<String> = xml[start..end]
                    .split_inclusive("</row>")
                    .map(String::from)
                    .collect();
                assert!(rows.len() > 80, "the 指标 sheet is sheet3");
                let reversed: String = rows.into_iter().rev().collect();
                xml = format!("{}{}{}", &xml[..start], reversed, &xml[end..]);
            }
            out.start_file(name, opts).unwrap();
            out.write_all(xml.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_streamed_workbook_reads_as_its_sheets_parse() {
        let sheets = sample::plan_sheets();
        let want = parse("评价方案.xlsx", &sheets).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = sample_workbook(dir.path(), &crate::plan::write::workbook(&sheets).unwrap());
        let got = read(&path).unwrap();
        assert_eq!(got, want);
    }

    /// A plan saved by another program reads the same: as .ods through calamine's ranges, as
    /// .xlsx streamed (LibreOffice writes its own XML, styles and shared strings).
    #[test]
    fn plans_saved_by_libreoffice_read_as_their_sheets_parse() {
        for name in ["评价方案.ods", "评价方案-libreoffice.xlsx"] {
            let want = parse(name, &sample::plan_sheets()).unwrap();
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/plan")
                .join(name);
            assert_eq!(read(&path).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn rows_stored_out_of_order_read_the_same() {
        let sheets = sample::plan_sheets();
        let want = parse("评价方案.xlsx", &sheets).unwrap();
        let bytes = with_rows_reversed(&crate::plan::write::workbook(&sheets).unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = sample_workbook(dir.path(), &bytes);
        let mut wb = calamine::open_workbook_auto(&path).unwrap();
        let Sheets::Xlsx(x) = &mut wb else {
            panic!("not xlsx")
        };
        let streamed = stream_xlsx_rows(x, "指标", |_| {}).unwrap();
        assert!(!streamed, "the fixture must be out of order");
        assert_eq!(read(&path).unwrap(), want);
    }

    #[test]
    fn errors_found_while_streaming_name_their_cells() {
        let mut sheets = sample::plan_sheets();
        let ind = sheets.iter_mut().find(|s| s.name == "指标").unwrap();
        let col = ind.rows[0].cells().position(|h| h == "权重").unwrap() as u32;
        ind.rows[3].set(col, "-1");
        let dir = tempfile::tempdir().unwrap();
        let path = sample_workbook(dir.path(), &crate::plan::write::workbook(&sheets).unwrap());
        let Err(PlanReadError::Invalid(errors)) = read(&path) else {
            panic!("the plan must be refused")
        };
        let first = errors.0[0].to_string();
        assert!(
            first.starts_with(&format!(
                "评价方案.xlsx!指标!{}",
                crate::domain::CellRef::new(ind_row(&sheets), col)
            )),
            "{first}"
        );
    }

    fn ind_row(sheets: &[RawSheet]) -> u32 {
        sheets.iter().find(|s| s.name == "指标").unwrap().rows[3].row
    }
}
