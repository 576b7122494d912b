//! Content sniffing: the first bytes of a file → what it really is, whatever its extension.
//!
//! An .xlsx renamed .xls, an HTML page or a CSV saved as .xls, an encrypted workbook: each is
//! recognised here so that the finding can say what the file is and what to do.

/// What a file's bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Zero bytes.
    Empty,
    /// A ZIP container holding `xl/workbook.xml` (xlsx, xlsm).
    Xlsx,
    /// A ZIP container holding `xl/workbook.bin`: Excel's binary workbook (.xlsb).
    Xlsb,
    /// A ZIP container holding an OpenDocument spreadsheet.
    Ods,
    /// An OpenDocument spreadsheet whose content is encrypted (a password was set).
    EncryptedOds,
    /// An Excel package whose part names use backslashes (`xl\workbook.xml`), as some
    /// programs write them: readable once the names are mended.
    BackslashXlsx,
    /// A ZIP whose `[Content_Types].xml` declares an Excel workbook kept somewhere other than
    /// `xl/workbook.xml`.
    OddXlsx,
    /// An office document that is not a spreadsheet: Word, PowerPoint (OOXML or 97–2003),
    /// OpenDocument text or presentation, or a PDF. One file, never opened as an archive.
    Document,
    /// Some other ZIP archive.
    Zip,
    /// A ZIP whose directory cannot be read (cut short while saving, downloading or
    /// sending) and whose first parts name no workbook.
    DamagedZip,
    /// A RAR archive.
    Rar,
    /// A 7z archive.
    SevenZip,
    /// An OLE2 compound file with an `EncryptedPackage` stream: a password-protected xlsx.
    EncryptedOoxml,
    /// An OLE2 compound file: a BIFF .xls (or a Word/other OLE document; calamine decides).
    Ole,
    /// HTML (Excel's and WPS's "save as web page", often renamed .xls).
    Html,
    /// Plain text: CSV or TSV.
    Text,
    /// Anything else.
    Binary,
}

const ZIP: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Looks at the bytes.
pub fn sniff(bytes: &[u8]) -> Kind {
    if bytes.is_empty() {
        return Kind::Empty;
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(ZIP_EMPTY) {
        return zip_kind(bytes);
    }
    if bytes.starts_with(b"Rar!\x1a\x07") {
        return Kind::Rar;
    }
    if bytes.starts_with(b"7z\xBC\xAF\x27\x1C") {
        return Kind::SevenZip;
    }
    if bytes.starts_with(OLE) {
        return if contains_utf16(bytes, "EncryptedPackage") {
            Kind::EncryptedOoxml
        } else if !contains_utf16(bytes, "Workbook")
            && !contains_utf16(bytes, "Book")
            && (contains_utf16(bytes, "WordDocument")
                || contains_utf16(bytes, "PowerPoint Document"))
        {
            Kind::Document
        } else {
            Kind::Ole
        };
    }
    if bytes.starts_with(b"%PDF-") {
        return Kind::Document;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head));
    let lower = text.trim_start().to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<table")
        || (lower.starts_with("<?xml") && lower.contains("<html"))
        || lower.contains("urn:schemas-microsoft-com:office:excel")
    {
        return Kind::Html;
    }
    if looks_like_text(head) {
        return Kind::Text;
    }
    Kind::Binary
}

fn zip_kind(bytes: &[u8]) -> Kind {
    // The central directory names the parts; a stored workbook inside an archive must not make
    // the archive look like a workbook, so the directory is read when it can be.
    if let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        let names: Vec<String> = archive.file_names().map(String::from).collect();
        let has = |n: &str| names.iter().any(|x| x == n);
        let kind = if has("xl/workbook.xml") {
            Kind::Xlsx
        } else if has("xl/workbook.bin") {
            Kind::Xlsb
        } else if has("word/document.xml")
            || has("ppt/presentation.xml")
            || part_contains(&mut archive, "mimetype", "opendocument.text")
            || part_contains(&mut archive, "mimetype", "opendocument.presentation")
        {
            Kind::Document
        } else if has("content.xml") && has("mimetype") {
            if part_contains(&mut archive, "META-INF/manifest.xml", "encryption-data") {
                Kind::EncryptedOds
            } else {
                Kind::Ods
            }
        } else if names
            .iter()
            .any(|n| n.contains('\\') && n.replace('\\', "/").ends_with("xl/workbook.xml"))
        {
            Kind::BackslashXlsx
        } else if part_contains(
            &mut archive,
            "[Content_Types].xml",
            "spreadsheetml.sheet.main",
        ) {
            Kind::OddXlsx
        } else {
            Kind::Zip
        };
        return kind;
    }
    // A damaged container: judge by the local headers near the start.
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if has(b"xl/workbook.xml") || has(b"xl/workbook.bin") {
        Kind::Xlsx
    } else if has(b"application/vnd.oasis.opendocument.spreadsheet") {
        Kind::Ods
    } else if has(b"[Content_Types].xml") || has(b"docProps/") {
        // An Office package cut short before its workbook part.
        Kind::Xlsx
    } else {
        Kind::DamagedZip
    }
}

/// Whether a (small) part of the archive holds `needle`; parts over 1 MB are not looked at.
fn part_contains(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    needle: &str,
) -> bool {
    use std::io::Read;
    let Ok(part) = archive.by_name(name) else {
        return false;
    };
    if part.size() > 1 << 20 {
        return false;
    }
    let mut text = String::new();
    part.take(1 << 20).read_to_string(&mut text).is_ok() && text.contains(needle)
}

fn contains_utf16(bytes: &[u8], s: &str) -> bool {
    let needle: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Text if there are no NUL bytes and almost everything is printable (any encoding: GBK CSV
/// is text too).
fn looks_like_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    control * 100 <= head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_kinds_apart() {
        assert_eq!(sniff(b""), Kind::Empty);
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.xml...."), Kind::Xlsx);
        assert_eq!(
            sniff(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Kind::Ods
        );
        assert_eq!(sniff(b"PK\x03\x04word/document.xml"), Kind::DamagedZip);
        assert_eq!(sniff(b"%PDF-1.7\n%..."), Kind::Document);
        let docx = {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default();
            for part in [
                "[Content_Types].xml",
                "word/document.xml",
                "docProps/app.xml",
            ] {
                z.start_file(part, o).unwrap();
                std::io::Write::write_all(&mut z, b"<x/>").unwrap();
            }
            z.finish().unwrap();
            buf.into_inner()
        };
        assert_eq!(sniff(&docx), Kind::Document);
        let mut doc = OLE.to_vec();
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&doc), Kind::Document);
        assert_eq!(sniff(b"\xEF\xBB\xBF<html><body>"), Kind::Html);
        assert_eq!(sniff(b"  <!DOCTYPE html>"), Kind::Html);
        assert_eq!(
            sniff("部门编码,实际完成值\n001,95%\n".as_bytes()),
            Kind::Text
        );
        assert_eq!(
            sniff(&[0xB2, 0xBF, 0xC3, 0xC5, b',', b'1', b'\n']),
            Kind::Text
        );
        assert_eq!(sniff(&[0, 1, 2, 3, 200, 7]), Kind::Binary);
        assert_eq!(sniff(b"Rar!\x1a\x07\x01\x00"), Kind::Rar);
        assert_eq!(sniff(b"7z\xBC\xAF\x27\x1C\x00\x04"), Kind::SevenZip);
        let mut ole = OLE.to_vec();
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&ole), Kind::EncryptedOoxml);
        assert_eq!(sniff(OLE), Kind::Ole);
    }
}
