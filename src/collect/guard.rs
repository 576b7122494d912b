//! Guards: cheap looks at a file's structure before any parser sees it, so that no single
//! file can exhaust memory or time.
//!
//! - ZIP containers (xlsx, ods): the central directory is read first; too many entries, an
//!   entry or a total that would decompress past the limits, or a compression ratio no
//!   spreadsheet has, and the file is refused. Names are never used as paths.
//! - BIFF .xls: calamine expands each sheet into a dense range spanning its first to its last
//!   cell; the cell records are scanned first and a sheet whose span is absurd (A1 and
//!   IV65536 is 16 million cells) is refused.
//! - ODS: calamine copies a cell with content once per `table:number-columns-repeated` and a
//!   row with content once per `table:number-rows-repeated`, so a 1 KB file can ask for
//!   billions of cells; content.xml is scanned (streamed) first and a table whose content
//!   would span or hold more than [`MAX_SPAN_CELLS`] is refused.

use std::io::{Cursor, Read};

/// Entries a spreadsheet container may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// Uncompressed size of one entry.
pub const MAX_ENTRY_BYTES: u64 = 128 * 1024 * 1024;
/// Uncompressed size of all entries.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Compression ratio above which a large entry is taken for a bomb.
pub const MAX_RATIO: u64 = 200;
/// Cells a sheet's dense span may cover.
pub const MAX_SPAN_CELLS: u64 = 2_000_000;

impl Refusal {
    /// The finding for a refused file (`archive`: a plain ZIP rather than a workbook).
    pub fn finding(self, display: &str, archive: bool) -> crate::domain::Finding {
        use crate::domain::{Code, Finding, Location};
        let (refusal, detail) = match self {
            Refusal::Damaged(what, detail) => (Refusal::Broken(what), Some(detail)),
            other => (other, None),
        };
        let (code, message, hint) = match (refusal, archive) {
            (Refusal::Broken(why), false) => (
                Code::Unreadable,
                format!("文件已损坏或格式不正确，无法读取（{why}）"),
                "请用 Excel 或 WPS 打开确认能正常显示，另存为 .xlsx 后重新报送",
            ),
            (Refusal::Broken(why), true) => (
                Code::Unreadable,
                format!("压缩包已损坏，无法读取（{why}）"),
                "请重新压缩后发送",
            ),
            (Refusal::Oversized(why), false) => (
                Code::Oversized,
                format!("文件结构超出安全范围，未读取：{why}"),
                "请用 Excel 或 WPS 打开，删除多余内容后另存为 .xlsx 重新报送",
            ),
            (Refusal::Oversized(why), true) => (
                Code::Oversized,
                format!("压缩包超出安全范围，未读取：{why}"),
                "请直接发送自评表，或重新压缩",
            ),
            (Refusal::Unopenable(why), false) => (
                Code::Unreadable,
                format!("工作簿内部无法解压：{why}"),
                "请用 Excel 或 WPS 打开，另存为 .xlsx（不设密码）后重新报送",
            ),
            (Refusal::Unopenable(why), true) => (
                Code::Unreadable,
                format!("压缩包中的这个文件无法解压：{why}"),
                "请用系统自带的「压缩（zipped）文件夹」或 WinRAR/7-Zip 的 ZIP 格式、不设密码重新压缩后发送，或直接把自评表作为附件发送",
            ),
            (Refusal::Damaged(..), _) => unreachable!("turned into Broken above"),
        };
        let f = Finding::new(code, Location::file(display), message, hint);
        match detail {
            Some(d) => f.with_detail(d),
            None => f,
        }
    }
}

/// What one input file may inflate to, over everything inside it (each workbook's parts,
/// every entry of every archive, at any depth), counted as the bytes come out of the
/// decompressor: a directory that lies about sizes cannot make a small file expensive.
pub const MAX_INFLATED_BYTES: u64 = MAX_TOTAL_BYTES;

/// The bytes one input may still inflate, shared by every container found in it.
#[derive(Debug)]
pub struct Budget {
    left: std::cell::Cell<u64>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            left: std::cell::Cell::new(MAX_INFLATED_BYTES),
        }
    }
}

impl Budget {
    /// Takes `n` bytes; false when the budget is spent.
    fn take(&self, n: u64) -> bool {
        match self.left.get().checked_sub(n) {
            Some(left) => {
                self.left.set(left);
                true
            }
            None => {
                self.left.set(0);
                false
            }
        }
    }
}

/// Opens a ZIP container and checks its directory (entry count, declared sizes, ratios)
/// before anything is inflated.
pub fn open_zip(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Refusal::Damaged(
            "文件不完整：压缩结构的目录缺失或损坏，可能是保存、下载或发送时中断".into(),
            e.to_string(),
        )
    })?;
    sizes(&mut archive)?;
    Ok(archive)
}

/// Checks a ZIP container: its directory ([`open_zip`]), then every entry inflated and
/// counted against what it declared and what `budget` has left. Reading stops at the first
/// byte past either, so a lying entry costs no more than an honest one.
pub fn check_zip(bytes: &[u8], budget: &Budget) -> Result<(), Refusal> {
    let mut archive = open_zip(bytes)?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| entry_refusal(&e))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_string();
        let declared = entry.size();
        inflate_counted(&mut entry, &name, declared, budget, &mut std::io::sink())?;
    }
    Ok(())
}

/// Copies an entry's inflated bytes into `out`, counting: refused as soon as it yields more
/// than `declared` or than `budget` has left.
pub fn inflate_counted(
    entry: &mut impl Read,
    name: &str,
    declared: u64,
    budget: &Budget,
    out: &mut impl std::io::Write,
) -> Result<u64, Refusal> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut total: u64 = 0;
    loop {
        let n = match entry.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(Refusal::Damaged(
                    "内部文件解压失败（数据损坏）".into(),
                    format!("{name}: {e}"),
                ));
            }
        };
        total += n as u64;
        if total > declared {
            return Err(Refusal::Oversized(format!(
                "内部文件 {name} 解压后超过其声明的大小 {declared} 字节（大小不实，疑似压缩炸弹）"
            )));
        }
        if !budget.take(n as u64) {
            return Err(Refusal::Oversized(format!(
                "解压后的内容合计超过 {} MB 上限（含其中的压缩包）",
                MAX_INFLATED_BYTES / 1_048_576
            )));
        }
        out.write_all(&buf[..n])
            .map_err(|e| Refusal::Damaged("内部文件解压失败".into(), e.to_string()))?;
    }
}

/// Why an archive entry cannot be opened, in Chinese: a password or a compression method
/// this program does not read ([`Refusal::Unopenable`]), or damage.
pub fn entry_refusal(e: &zip::result::ZipError) -> Refusal {
    use zip::result::ZipError;
    match e {
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => {
            Refusal::Unopenable("设有密码（已加密）".into())
        }
        ZipError::InvalidPassword => Refusal::Unopenable("设有密码（已加密）".into()),
        ZipError::CompressionMethodNotSupported(m) => Refusal::Unopenable(format!(
            "使用了{}压缩方式，本程序只读取常见的 Deflate（标准）压缩",
            match m {
                9 => " Deflate64 ".to_string(),
                12 => " BZIP2 ".to_string(),
                14 => " LZMA ".to_string(),
                93 => " Zstandard ".to_string(),
                95 => " XZ ".to_string(),
                98 => " PPMd ".to_string(),
                99 => " AES 加密".to_string(),
                other => format!("编号为 {other} 的"),
            }
        )),
        ZipError::UnsupportedArchive(_) => Refusal::Unopenable("结构不受支持".into()),
        other => Refusal::Damaged("内部文件数据损坏".into(), other.to_string()),
    }
}

/// A ZIP container rebuilt in memory: every entry copied as it is (not recompressed) under
/// `rename(name)`, except `replace`d entries, whose new text is deflated. Used to mend a
/// container calamine cannot read as written (backslash part names, Gnumeric's white space
/// in content.xml). Call only on a container [`check_zip`] accepted.
pub fn repack(
    bytes: &[u8],
    rename: impl Fn(&str) -> String,
    replace: impl Fn(&str, &[u8]) -> Option<Vec<u8>>,
) -> Result<Vec<u8>, Refusal> {
    use std::io::{Read, Write};
    let damaged =
        |e: zip::result::ZipError| Refusal::Damaged("压缩包结构损坏".into(), e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    for i in 0..archive.len() {
        let name = archive.name_for_index(i).unwrap_or_default().to_string();
        let new_name = rename(&name);
        let mut content = Vec::new();
        let changed = {
            let mut entry = archive.by_index(i).map_err(damaged)?;
            entry
                .by_ref()
                .take(MAX_ENTRY_BYTES)
                .read_to_end(&mut content)
                .map_err(|e| Refusal::Damaged("压缩包结构损坏".into(), e.to_string()))?;
            replace(&name, &content)
        };
        match changed {
            Some(text) => {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated);
                out.start_file(new_name, options).map_err(damaged)?;
                out.write_all(&text)
                    .map_err(|e| Refusal::Damaged("压缩包结构损坏".into(), e.to_string()))?;
            }
            None => {
                let entry = archive.by_index_raw(i).map_err(damaged)?;
                out.raw_copy_file_rename(entry, new_name).map_err(damaged)?;
            }
        }
    }
    Ok(out.finish().map_err(damaged)?.into_inner())
}

/// content.xml without the white space some programs (Gnumeric) write between elements,
/// which calamine's ODS reader does not expect. Text inside elements is kept.
pub fn tighten_xml(xml: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len());
    let mut i = 0;
    while i < xml.len() {
        let b = xml[i];
        if b == b'>' {
            out.push(b);
            let mut j = i + 1;
            while j < xml.len() && matches!(xml[j], b' ' | b'\t' | b'\r' | b'\n') {
                j += 1;
            }
            if j < xml.len() && xml[j] == b'<' {
                i = j;
                continue;
            }
            i += 1;
            continue;
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The structure is damaged (truncated, not a real archive): why, in Chinese.
    Broken(String),
    /// Damaged, as a library found: why in Chinese, and the library's own words (kept only
    /// for `--verbose`).
    Damaged(String, String),
    /// The structure is sound but would cost too much to read.
    Oversized(String),
    /// An archive entry locked by a password or packed by a method this program does not
    /// read: why, in Chinese.
    Unopenable(String),
}

impl std::fmt::Display for Refusal {
    /// Why, in Chinese (with the library's words after it, for a damaged container).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Broken(why) | Refusal::Oversized(why) | Refusal::Unopenable(why) => {
                f.write_str(why)
            }
            Refusal::Damaged(why, detail) => write!(f, "{why}（{detail}）"),
        }
    }
}

fn sizes(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), Refusal> {
    if archive.len() > MAX_ENTRIES {
        return Err(Refusal::Oversized(format!(
            "包含 {} 个内部文件，超过上限 {MAX_ENTRIES}",
            archive.len()
        )));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| Refusal::Damaged("压缩包结构损坏".into(), e.to_string()))?;
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > MAX_ENTRY_BYTES {
            return Err(Refusal::Oversized(format!(
                "内部文件 {} 解压后有 {} MB，超过上限",
                entry.name(),
                size / 1_048_576
            )));
        }
        if size > 1_048_576 && size / packed > MAX_RATIO {
            return Err(Refusal::Oversized(format!(
                "内部文件 {} 压缩比为 {}:1，疑似压缩炸弹",
                entry.name(),
                size / packed
            )));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(Refusal::Oversized(format!(
                "解压后总大小超过 {} MB 上限",
                MAX_TOTAL_BYTES / 1_048_576
            )));
        }
    }
    Ok(())
}

/// Columns and rows calamine reads in an ODS table, at most.
const ODS_MAX_COLS: u64 = 16_384;
/// See [`ODS_MAX_COLS`].
const ODS_MAX_ROWS: u64 = 1_048_576;

/// Checks the tables of an ODS file (whose ZIP directory [`check_zip`] has passed).
pub fn check_ods(bytes: &[u8]) -> Result<(), Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Refusal::Damaged("压缩包结构损坏".into(), e.to_string()))?;
    let content = archive
        .by_name("content.xml")
        .map_err(|_| Refusal::Broken("缺少 content.xml，不是 OpenDocument 表格".into()))?;
    ods_tables(std::io::BufReader::new(content.take(MAX_ENTRY_BYTES)))
}

/// What one ODS table would cost calamine: the cells its rows hold before rows are repeated,
/// and the dense span its content covers once they are.
#[derive(Default)]
struct OdsTable {
    name: String,
    /// Next row, counting repeats.
    row: u64,
    /// Cells held before row repetition.
    held: u64,
    /// First row, last row, first column, last column with content.
    span: Option<(u64, u64, u64, u64)>,
}

impl OdsTable {
    fn check(&self) -> Result<(), Refusal> {
        let spanned = self
            .span
            .map(|(r0, r1, c0, c1)| (r1 - r0 + 1).saturating_mul(c1 - c0 + 1))
            .unwrap_or(0);
        let cells = spanned.max(self.held);
        if cells > MAX_SPAN_CELLS {
            return Err(Refusal::Oversized(format!(
                "工作表「{}」的重复单元格展开后有 {cells} 个单元格，超过上限 {MAX_SPAN_CELLS}",
                self.name
            )));
        }
        Ok(())
    }
}

fn ods_tables(source: impl std::io::BufRead) -> Result<(), Refusal> {
    use quick_xml::events::{BytesStart, Event};
    let attr = |e: &BytesStart, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .map(|a| a.value.to_string())
    };
    let repeats = |e: &BytesStart, name: &str, max: u64| -> u64 {
        attr(e, name)
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(1)
            .clamp(1, max)
    };
    let broken =
        |e: quick_xml::Error| Refusal::Damaged("content.xml 无法解析".into(), e.to_string());
    let mut reader = quick_xml::Reader::from_reader(source);
    let mut buf = Vec::new();
    let mut table = OdsTable::default();
    let mut row: Option<OdsRow> = None;
    // The cell being read: its repeat count and whether it has content.
    let mut cell: Option<(u64, bool)> = None;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(broken)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Eof => return Ok(()),
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    table = OdsTable {
                        name: attr(&e, "table:name").unwrap_or_default(),
                        ..OdsTable::default()
                    }
                }
                "table:table-row" => {
                    let n = repeats(&e, "table:number-rows-repeated", ODS_MAX_ROWS);
                    if empty {
                        table.row = (table.row + n).min(ODS_MAX_ROWS);
                    } else {
                        row = Some(OdsRow {
                            repeats: n,
                            ..OdsRow::default()
                        });
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = repeats(&e, "table:number-columns-repeated", ODS_MAX_COLS);
                    let valued = attr(&e, "office:value-type").is_some()
                        || attr(&e, "table:formula").is_some();
                    cell = Some((n, valued));
                    if empty {
                        end_cell(&mut row, &mut cell);
                    }
                }
                _ => {}
            },
            Event::Text(t) if !t.trim().is_empty() => mark_valued(&mut cell),
            Event::GeneralRef(_) | Event::CData(_) => mark_valued(&mut cell),
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => end_cell(&mut row, &mut cell),
                "table:table-row" => {
                    if let Some(OdsRow {
                        repeats: n,
                        content,
                        ..
                    }) = row.take()
                    {
                        if let Some((c0, c1)) = content {
                            // calamine keeps a row's cells up to its last one with content.
                            table.held = table.held.saturating_add(c1 + 1);
                            let (r0, r1) = (table.row, table.row + n - 1);
                            table.span = Some(match table.span {
                                None => (r0, r1, c0, c1),
                                Some((a, b, c, d)) => (a.min(r0), b.max(r1), c.min(c0), d.max(c1)),
                            });
                        }
                        table.row = (table.row + n).min(ODS_MAX_ROWS);
                    }
                    table.check()?;
                }
                "table:table" => table.check()?,
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
}

/// Text inside the cell being read gives it content.
fn mark_valued(cell: &mut Option<(u64, bool)>) {
    if let Some((_, valued)) = cell.as_mut() {
        *valued = true;
    }
}

/// The ODS row being read.
#[derive(Default)]
struct OdsRow {
    /// `table:number-rows-repeated`.
    repeats: u64,
    /// Next column, counting repeats.
    col: u64,
    /// First and last column with content.
    content: Option<(u64, u64)>,
}

/// Ends the cell being read: a cell with content widens its row.
fn end_cell(row: &mut Option<OdsRow>, cell: &mut Option<(u64, bool)>) {
    let (Some(row), Some((n, valued))) = (row.as_mut(), cell.take()) else {
        return;
    };
    if valued {
        let last = (row.col + n - 1).min(ODS_MAX_COLS - 1);
        row.content = Some(match row.content {
            None => (row.col, last),
            Some((first, _)) => (first, last),
        });
    }
    row.col = (row.col + n).min(ODS_MAX_COLS);
}

/// Checks a BIFF .xls and returns the bytes calamine should read: the compound file must be
/// sound (the `cfb` crate opens it), and every sheet, walked from the stream offset its
/// BOUNDSHEET record gives exactly as calamine walks it, must neither declare (DIMENSIONS,
/// which calamine reserves memory for) nor span (first to last cell, which calamine expands
/// into a dense range) more than [`MAX_SPAN_CELLS`]. The workbook stream is then put into a
/// fresh compound file, so calamine reads exactly the bytes that were checked.
pub fn sanitize_xls(bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let broken = || Refusal::Broken("OLE 复合文档结构损坏".into());
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| broken())?;
    let mut stream = ["/Workbook", "/Book"]
        .iter()
        .find_map(|name| cfb.open_stream(name).ok())
        .ok_or_else(|| {
            Refusal::Broken("不是 Excel 97-2003 工作簿（没有 Workbook 数据流）".into())
        })?;
    let mut data = Vec::new();
    stream
        .by_ref()
        .take(crate::collect::MAX_FILE_BYTES)
        .read_to_end(&mut data)
        .map_err(|_| broken())?;
    check_biff(&data).map_err(Refusal::Oversized)?;
    // Version 3 (512-byte sectors), as Excel writes: calamine refuses a version 4 file whose
    // root has no mini stream.
    let mut out = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
        .map_err(|_| broken())?;
    {
        let mut w = out.create_stream("/Workbook").map_err(|_| broken())?;
        std::io::Write::write_all(&mut w, &data).map_err(|_| broken())?;
    }
    out.flush().map_err(|_| broken())?;
    Ok(out.into_inner().into_inner())
}

use crate::sheet::shown::biff_records as records;

fn check_biff(data: &[u8]) -> Result<(), String> {
    // BOUNDSHEET (0x0085) records in the globals give each sheet's stream offset.
    let mut offsets = Vec::new();
    for (kind, body) in records(data, 0) {
        match kind {
            0x0085 if body.len() >= 4 => {
                offsets.push(u32::from_le_bytes([body[0], body[1], body[2], body[3]]) as usize)
            }
            0x000A => break,
            _ => {}
        }
    }
    for (n, &pos) in offsets.iter().enumerate() {
        check_sheet(data, pos, n + 1)?;
    }
    Ok(())
}

fn check_sheet(data: &[u8], pos: usize, sheet: usize) -> Result<(), String> {
    let mut span: Option<(u32, u32, u32, u32)> = None; // min row, max row, min col, max col
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (kind, body) in records(data, pos) {
        if depth > 0 {
            match kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => {
                let declared = declared_cells(body)
                    .ok_or_else(|| format!("第 {sheet} 个工作表声明的单元格范围无效"))?;
                if declared > MAX_SPAN_CELLS {
                    return Err(format!(
                        "第 {sheet} 个工作表声明的范围有 {declared} 个单元格，超出上限"
                    ));
                }
            }
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if body.len() >= 4 => {
                let r = u32::from(u16::from_le_bytes([body[0], body[1]]));
                let c = u32::from(u16::from_le_bytes([body[2], body[3]]));
                widen(&mut span, r, c, c);
            }
            // MulRk: row, first column, …, last column.
            0x00BD if body.len() >= 6 => {
                let r = u32::from(u16::from_le_bytes([body[0], body[1]]));
                let c0 = u32::from(u16::from_le_bytes([body[2], body[3]]));
                let n = body.len();
                let c1 = u32::from(u16::from_le_bytes([body[n - 2], body[n - 1]]));
                widen(&mut span, r, c0.min(c1), c0.max(c1));
            }
            _ => {}
        }
    }
    if let Some((r0, r1, c0, c1)) = span {
        let cells = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
        if cells > MAX_SPAN_CELLS {
            return Err(format!(
                "第 {sheet} 个工作表的单元格范围异常（{} 行 × {} 列），可能在很远的位置有零散内容",
                r1 - r0 + 1,
                c1 - c0 + 1
            ));
        }
    }
    Ok(())
}

/// Cells a DIMENSIONS record declares, computed as calamine does (BIFF5 and BIFF8 layouts,
/// its column fix-up); `None` for a record calamine would mis-handle.
fn declared_cells(r: &[u8]) -> Option<u64> {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([r[i], r[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return Some(0),
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (end_r, end_c) = if rl >= 1 && cl >= 1 {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    if end_r < rf || end_c < cf {
        return None;
    }
    Some(u64::from(end_r - rf + 1) * u64::from(end_c - cf + 1))
}

fn widen(span: &mut Option<(u32, u32, u32, u32)>, r: u32, c0: u32, c1: u32) {
    *span = Some(match *span {
        None => (r, r, c0, c1),
        Some((a, b, c, d)) => (a.min(r), b.max(r), c.min(c0), d.max(c1)),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            w.start_file(name, opts).unwrap();
            w.write_all(content).unwrap();
            w.finish().unwrap();
        }
        buf.into_inner()
    }

    /// `zip` with every entry's uncompressed size rewritten to `declared`, in the local
    /// headers and the central directory alike.
    fn lying(mut zip: Vec<u8>, declared: u32) -> Vec<u8> {
        let u16_at = |z: &[u8], at: usize| usize::from(u16::from_le_bytes([z[at], z[at + 1]]));
        let u32_at = |z: &[u8], at: usize| {
            u32::from_le_bytes([z[at], z[at + 1], z[at + 2], z[at + 3]]) as usize
        };
        let mut at = 0;
        while zip[at..].starts_with(b"PK\x03\x04") {
            zip[at + 22..at + 26].copy_from_slice(&declared.to_le_bytes());
            at += 30 + u16_at(&zip, at + 26) + u16_at(&zip, at + 28) + u32_at(&zip, at + 18);
        }
        while zip[at..].starts_with(b"PK\x01\x02") {
            zip[at + 24..at + 28].copy_from_slice(&declared.to_le_bytes());
            at += 46 + u16_at(&zip, at + 28) + u16_at(&zip, at + 30) + u16_at(&zip, at + 32);
        }
        zip
    }

    #[test]
    fn an_entry_that_inflates_past_its_declared_size_stops_there() {
        // 64 MB of zeros declared as 1,000 bytes: the directory's ratio looks honest.
        let zip = lying(
            zip_with("xl/worksheets/sheet1.xml", &vec![0u8; 16 << 20]),
            1000,
        );
        let e = check_zip(&zip, &Budget::default()).unwrap_err();
        assert!(
            matches!(&e, Refusal::Oversized(m) if m.contains("超过其声明的大小 1000 字节")),
            "{e:?}"
        );
        // The reader stopped within a buffer of the declared size.
        let budget = Budget::default();
        let mut archive = open_zip(&zip).unwrap();
        let mut entry = archive.by_index(0).unwrap();
        let mut out = Vec::new();
        assert!(inflate_counted(&mut entry, "s", 1000, &budget, &mut out).is_err());
        assert!(out.is_empty(), "nothing past the declared size is kept");
        assert!(MAX_INFLATED_BYTES - budget.left.get() <= 64 * 1024);
    }

    #[test]
    fn the_budget_is_shared_by_every_container_of_one_input() {
        let zip = zip_with("a.xml", &vec![b'a'; 600]);
        let budget = Budget {
            left: std::cell::Cell::new(1000),
        };
        assert!(check_zip(&zip, &budget).is_ok());
        let e = check_zip(&zip, &budget).unwrap_err();
        assert!(
            matches!(&e, Refusal::Oversized(m) if m.contains("合计超过")),
            "{e:?}"
        );
    }

    #[test]
    fn a_password_or_an_unread_method_is_named() {
        use zip::result::ZipError;
        let said = |e: ZipError| entry_refusal(&e).to_string();
        assert!(said(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)).contains("密码"));
        assert!(said(ZipError::CompressionMethodNotSupported(12)).contains("BZIP2"));
        assert!(said(ZipError::CompressionMethodNotSupported(14)).contains("LZMA"));
        assert!(said(ZipError::CompressionMethodNotSupported(99)).contains("AES"));
    }

    #[test]
    fn ordinary_containers_pass() {
        assert!(
            check_zip(
                &zip_with("xl/workbook.xml", b"<workbook/>"),
                &Budget::default()
            )
            .is_ok()
        );
    }

    #[test]
    fn a_bomb_is_refused_from_its_directory() {
        let bomb = zip_with("xl/worksheets/sheet1.xml", &vec![b'a'; 4 * 1024 * 1024]);
        assert!(bomb.len() < 20_000);
        let e = check_zip(&bomb, &Budget::default()).unwrap_err();
        assert!(
            matches!(&e, Refusal::Oversized(m) if m.contains("压缩炸弹")),
            "{e:?}"
        );
    }

    #[test]
    fn broken_containers_are_reported() {
        assert!(matches!(
            check_zip(b"PK\x03\x04garbage", &Budget::default()),
            Err(Refusal::Broken(_) | Refusal::Damaged(..))
        ));
    }

    #[test]
    fn gnumeric_white_space_between_elements_is_tightened_and_text_kept() {
        let xml = b"<table:table-row>\n  <table:table-cell>\n    <text:p>a b</text:p>\n  </table:table-cell>\n</table:table-row>";
        assert_eq!(
            String::from_utf8(tighten_xml(xml)).unwrap(),
            "<table:table-row><table:table-cell><text:p>a b</text:p></table:table-cell></table:table-row>"
        );
    }

    #[test]
    fn repack_mends_part_names_and_keeps_content() {
        let zipped = zip_with("xl\\workbook.xml", b"<workbook/>");
        let mended = repack(&zipped, |n| n.replace('\\', "/"), |_, _| None).unwrap();
        let mut z = zip::ZipArchive::new(Cursor::new(mended.as_slice())).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("xl/workbook.xml").unwrap(), &mut s).unwrap();
        assert_eq!(s, "<workbook/>");
    }

    fn ods(table: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="绩效指标">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        zip_with("content.xml", content.as_bytes())
    }

    #[test]
    fn ods_repeats_with_content_are_refused_before_calamine_expands_them() {
        let cell = |n: u32| {
            format!(
                r#"<table:table-cell office:value-type="string" table:number-columns-repeated="{n}"><text:p>x</text:p></table:table-cell>"#
            )
        };
        // 6,000 rows × 16,000 columns of "x": 96 million cells asked for by a tiny file.
        let bomb = ods(&format!(
            r#"<table:table-row table:number-rows-repeated="6000">{}</table:table-row>"#,
            cell(16_000)
        ));
        let e = check_ods(&bomb).unwrap_err();
        assert!(
            matches!(&e, Refusal::Oversized(m) if m.contains("绩效指标")),
            "{e:?}"
        );

        // A1 and a far corner with content: the dense span between them.
        let corners = ods(&format!(
            r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="200000"><table:table-cell table:number-columns-repeated="20"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="99"/>{}</table:table-row>"#,
            cell(1),
            cell(1)
        ));
        assert!(matches!(check_ods(&corners), Err(Refusal::Oversized(_))));

        // What LibreOffice writes: repeated empty cells and rows (styled or not) cost nothing.
        let ordinary = ods(&format!(
            r#"<table:table-row>{}{}<table:table-cell table:style-name="ce1" table:number-columns-repeated="16382"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
            cell(1),
            cell(1)
        ));
        assert_eq!(check_ods(&ordinary), Ok(()));
        assert!(matches!(
            check_ods(&zip_with("x.xml", b"<a/>")),
            Err(Refusal::Broken(_) | Refusal::Damaged(..))
        ));
    }

    #[test]
    fn the_libreoffice_fixture_passes_the_ods_check() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/returns/reference.ods"
        );
        assert_eq!(check_ods(&std::fs::read(path).unwrap()), Ok(()));
    }

    #[test]
    fn non_ole_is_refused_as_broken() {
        assert!(matches!(
            sanitize_xls(b"not an ole file"),
            Err(Refusal::Broken(_) | Refusal::Damaged(..))
        ));
    }
}
