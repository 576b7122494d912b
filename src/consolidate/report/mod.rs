//! Report drafts as Word documents: a [`Report`] → the bytes of each scored department's
//! 自评价报告（初稿） ([`department`]) and of the city's 汇总报告 ([`city`]).
//!
//! Both are built with docx-rs on the 公文 page (GB/T 9704: A4, margins 37/35/28/26 mm), titles
//! in 方正小标宋简体, body 仿宋_GB2312 三号 at a fixed 28-point line, headings 黑体 and
//! 楷体_GB2312, page numbers in the footer, tables whose header row repeats on every page.
//! Fonts are named, not embedded. Where only the department can write the prose, the draft
//! holds a yellow-highlighted 【请补充：…】 paragraph, never invented text.

pub mod city;
pub mod department;

use super::Report;
use crate::domain::{Money, Score, fmt_plain};
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Style, StyleType, Table, TableCell, TableOfContents, TableRow, VMergeType, WidthType,
};
use rust_decimal::Decimal;
use std::io::{Cursor, Read, Write};

const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const H1_FONT: &str = "黑体";
const H2_FONT: &str = "楷体_GB2312";
/// 三号 in half-points.
const BODY_SIZE: usize = 32;
/// 二号.
const TITLE_SIZE: usize = 44;
/// 五号, for tables.
const TABLE_SIZE: usize = 21;
/// 28 points, in twentieths of a point.
const LINE: i32 = 560;

/// Millimetres in twentieths of a point.
fn mm(v: f64) -> i32 {
    (v * 56.692).round() as i32
}

fn fonts(name: &str) -> RunFonts {
    RunFonts::new().east_asia(name).ascii(name).hi_ansi(name)
}

/// A document on the 公文 page with the styles the drafts use.
pub(super) fn document(title: &str, created: &str) -> Docx {
    let heading = |id: &str, name: &str, font: &str, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .fonts(fonts(font))
            .size(BODY_SIZE)
            .outline_lvl(level)
    };
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(mm(37.0))
                .bottom(mm(35.0))
                .left(mm(28.0))
                .right(mm(26.0))
                .header(mm(15.0))
                .footer(mm(28.0)),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .default_line_spacing(
            LineSpacing::new()
                .line(LINE)
                .line_rule(LineSpacingType::Exact),
        )
        .add_style(heading("Heading1", "heading 1", H1_FONT, 0))
        .add_style(heading("Heading2", "heading 2", H2_FONT, 1))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text("— ").size(28))
                    .add_page_num(PageNum::new())
                    .add_run(Run::new().add_text(" —").size(28)),
            ),
        )
        .created_at(created)
        .updated_at(created)
        .custom_property("title", title)
}

/// The document title, centred.
pub(super) fn title(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line(LINE + 160)
                .line_rule(LineSpacingType::Exact),
        )
        .add_run(
            Run::new()
                .add_text(text)
                .fonts(fonts(TITLE_FONT))
                .size(TITLE_SIZE),
        )
}

/// A centred line in the body font.
pub(super) fn centred(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(text))
}

/// A chapter heading (黑体, in the table of contents).
pub(super) fn h1(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading1")
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(640)),
            None,
            None,
        )
        .add_run(Run::new().add_text(text).fonts(fonts(H1_FONT)))
}

/// A section heading (楷体, in the table of contents).
pub(super) fn h2(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading2")
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(640)),
            None,
            None,
        )
        .add_run(Run::new().add_text(text).fonts(fonts(H2_FONT)))
}

/// A body paragraph, first line indented two characters.
pub(super) fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(640)),
            None,
            None,
        )
        .add_run(Run::new().add_text(text))
}

/// Prose only the department can write: yellow, 【请补充：…】.
pub(super) fn ask(what: &str) -> Paragraph {
    Paragraph::new()
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(640)),
            None,
            None,
        )
        .add_run(
            Run::new()
                .add_text(format!("{PLACEHOLDER_OPEN}{what}】"))
                .highlight("yellow"),
        )
}

/// How a marked paragraph starts; a test checks no other placeholder is left.
pub const PLACEHOLDER_OPEN: &str = "【请补充：";

/// The table of contents: the chapters written in (docx-rs lists the headings), as a field
/// marked for Word to update with page numbers when the document is opened.
pub(super) fn contents() -> TableOfContents {
    TableOfContents::new()
        .heading_styles_range(1, 2)
        .alias("目录")
        .auto()
}

/// A cell of a table, in 五号, centred or not.
fn cell(text: &str, centre: bool, bold: bool) -> TableCell {
    let mut run = Run::new().add_text(text).size(TABLE_SIZE);
    if bold {
        run = run.bold();
    }
    let p = Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .line(300)
                .line_rule(LineSpacingType::AtLeast),
        )
        .align(if centre {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        })
        .add_run(run);
    TableCell::new().add_paragraph(p)
}

/// A table: a header row that repeats on every page, then the rows; `centre[c]` centres a
/// column; `merge[c]` merges equal consecutive cells of a column (一级/二级 as in the
/// reference's appendix).
pub(super) fn table(
    header: &[&str],
    rows: &[Vec<String>],
    widths: &[usize],
    centre: &[bool],
    merge: &[bool],
) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| cell(h, true, true).width(*w, WidthType::Dxa))
            .collect(),
    )
    .cant_split();
    let mut out = vec![head];
    for (k, r) in rows.iter().enumerate() {
        let cells = r
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let same_as_above = k > 0 && rows[k - 1].get(c) == Some(text);
                let merged = merge.get(c).copied().unwrap_or(false);
                let base = if merged && same_as_above {
                    cell("", true, false).vertical_merge(VMergeType::Continue)
                } else if merged {
                    cell(text, true, false).vertical_merge(VMergeType::Restart)
                } else {
                    cell(text, centre.get(c).copied().unwrap_or(false), false)
                };
                base.width(widths.get(c).copied().unwrap_or(1000), WidthType::Dxa)
            })
            .collect();
        out.push(TableRow::new(cells));
    }
    Table::new(out).set_grid(widths.to_vec())
}

/// Money as the workbooks show it: `3,762.89`.
pub(super) fn money(m: Money) -> String {
    let s = format!("{:.2}", m.value());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{frac}")
}

/// A rate in percent with two decimals: `94.54%`.
pub(super) fn rate(r: Option<Decimal>) -> String {
    r.map(|v| format!("{}%", crate::domain::fmt2(v)))
        .unwrap_or_else(|| "—".into())
}

/// A score as the workbooks show it: `36.70`.
pub(super) fn score(s: Score) -> String {
    s.to_string()
}

/// A weight: `40`.
pub(super) fn weight(s: Score) -> String {
    fmt_plain(s.value())
}

/// The packed document, with every table's first row marked as a header row that repeats on
/// each page (docx-rs has no setting for `w:tblHeader`; the first rows carry `w:cantSplit`
/// alone, which marks them).
pub(super) fn pack(doc: Docx) -> Result<Vec<u8>, String> {
    let mut raw = Cursor::new(Vec::new());
    doc.build().pack(&mut raw).map_err(|e| e.to_string())?;
    let bytes = raw.into_inner();
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut parts = 0u32;
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().to_string();
        if name == "word/document.xml" {
            let mut xml = String::new();
            file.read_to_string(&mut xml).map_err(|e| e.to_string())?;
            let xml = xml.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />");
            let xml = stable_ids(&toc_field_apart(&xml));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .last_modified_time(zip::DateTime::default());
            out.start_file(name, options).map_err(|e| e.to_string())?;
            out.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
        } else if (name.starts_with("word/footer") || name.starts_with("word/header"))
            && name.ends_with(".xml")
        {
            // Their paragraph ids are numbered apart from the body's, and stay unique.
            parts += 1;
            let mut xml = String::new();
            file.read_to_string(&mut xml).map_err(|e| e.to_string())?;
            let xml = stable_ids_from(&xml, 0x4000_0000 + parts * 0x0010_0000);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .last_modified_time(zip::DateTime::default());
            out.start_file(name, options).map_err(|e| e.to_string())?;
            out.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
        } else {
            out.raw_copy_file(file).map_err(|e| e.to_string())?;
        }
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

/// docx-rs writes a field's begin, instruction, separator, result and end in one run; Word
/// writes one run each, and LibreOffice shows the field code of anything else. Every run that
/// holds a field character is split so. The TOC is marked dirty so that Word fills in its page
/// numbers on opening, and the entries' right tab stop moves to the text's right edge.
fn toc_field_apart(xml: &str) -> String {
    let xml = xml.replace("w:pos=\"80000\"", "w:pos=\"8840\"");
    let xml = xml.replacen(
        "<w:fldChar w:fldCharType=\"begin\" w:dirty=\"false\" /><w:instrText>TOC ",
        "<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\" /><w:instrText>TOC ",
        1,
    );
    let mut out = String::with_capacity(xml.len() + 4096);
    let mut rest = xml.as_str();
    const OPEN: &str = "<w:r><w:rPr />";
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let body_start = at + OPEN.len();
        let Some(len) = rest[body_start..].find("</w:r>") else {
            out.push_str(&rest[at..]);
            return out;
        };
        let body = &rest[body_start..body_start + len];
        if body.contains("<w:fldChar") {
            for child in run_children(body) {
                out.push_str(OPEN);
                out.push_str(child);
                out.push_str("</w:r>");
            }
        } else {
            out.push_str(&rest[at..body_start + len + "</w:r>".len()]);
        }
        rest = &rest[body_start + len + "</w:r>".len()..];
    }
    out.push_str(rest);
    // docx-rs writes page 1 as every entry's cached page; until Word updates the field, no
    // page is better than a wrong one.
    let out = out.replace(
        "<w:fldChar w:fldCharType=\"separate\" w:dirty=\"false\" /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">1</w:t></w:r>",
        "<w:fldChar w:fldCharType=\"separate\" w:dirty=\"false\" /></w:r>",
    );
    // Marked as the document's table of contents, LibreOffice shows it as one too.
    out.replacen(
        "<w:sdtPr><w:rPr /><w:alias w:val=\"目录\" /></w:sdtPr>",
        "<w:sdtPr><w:rPr /><w:alias w:val=\"目录\" /><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\" /><w:docPartUnique /></w:docPartObj></w:sdtPr>",
        1,
    )
}

/// The document with its generated identifiers numbered in order of appearance, so that the
/// same report is always the same bytes. docx-rs takes paragraph ids, bookmark ids and TOC
/// bookmark names from counters that live as long as the process (one per thread, or one for
/// all threads), so they depended on which reports had been built before, and on which thread.
/// Each `w14:paraId` becomes the next number (they are unique afterwards, as Word wants); each
/// distinct bookmark id and `_Toc` name is renumbered consistently wherever it appears.
fn stable_ids(xml: &str) -> String {
    stable_ids_from(xml, 1)
}

/// [`stable_ids`] with paragraph ids counted from `first`.
fn stable_ids_from(xml: &str, first: u32) -> String {
    const PARA: &str = "w14:paraId=\"";
    const TOC: &str = "_Toc";
    const BOOKMARK: [&str; 2] = ["<w:bookmarkStart w:id=\"", "<w:bookmarkEnd w:id=\""];
    let mut out = String::with_capacity(xml.len());
    let mut next_para = first;
    let mut tocs: Vec<&str> = Vec::new();
    let mut marks: Vec<&str> = Vec::new();
    let mut rest = xml;
    loop {
        // The nearest of the three kinds of identifier.
        let next = [
            rest.find(PARA).map(|i| (i, 0)),
            rest.find(TOC).map(|i| (i, 1)),
            BOOKMARK
                .iter()
                .filter_map(|b| rest.find(b).map(|i| (i + b.len() - 1, 2)))
                .min(),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some((at, kind)) = next else {
            out.push_str(rest);
            return out;
        };
        match kind {
            0 => {
                let start = at + PARA.len();
                let Some(len) = rest[start..].find('"') else {
                    out.push_str(rest);
                    return out;
                };
                out.push_str(&rest[..start]);
                out.push_str(&format!("{next_para:08x}"));
                next_para += 1;
                rest = &rest[start + len..];
            }
            1 => {
                let start = at + TOC.len();
                let digits = rest[start..].bytes().take_while(u8::is_ascii_digit).count();
                let key = &rest[start..start + digits];
                out.push_str(&rest[..start]);
                if digits != 8 {
                    rest = &rest[start..];
                    continue;
                }
                let n = tocs.iter().position(|k| *k == key).unwrap_or_else(|| {
                    tocs.push(key);
                    tocs.len() - 1
                });
                out.push_str(&format!("{n:08}"));
                rest = &rest[start + digits..];
            }
            _ => {
                // `at` is the opening quote of the id.
                let start = at + 1;
                let Some(len) = rest[start..].find('"') else {
                    out.push_str(rest);
                    return out;
                };
                let key = &rest[start..start + len];
                let n = marks.iter().position(|k| *k == key).unwrap_or_else(|| {
                    marks.push(key);
                    marks.len() - 1
                });
                out.push_str(&rest[..start]);
                out.push_str(&(n + 1).to_string());
                rest = &rest[start + len..];
            }
        }
    }
}

/// The child elements of a run's body: `<w:x … />` or `<w:x …>…</w:x>`, in order.
fn run_children(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = body[i..].find('<').map(|s| s + i) {
        let Some(close) = body[start..].find('>').map(|c| c + start) else {
            break;
        };
        let tag = &body[start..=close];
        if tag.ends_with("/>") {
            out.push(tag);
            i = close + 1;
            continue;
        }
        let name: String = tag[1..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>')
            .collect();
        let end_tag = format!("</{name}>");
        let Some(end) = body[close..]
            .find(&end_tag)
            .map(|e| e + close + end_tag.len())
        else {
            break;
        };
        out.push(&body[start..end]);
        i = end;
    }
    out
}

/// The report's date as 公文 write it: `2022年5月13日`.
pub(super) fn date_text(report: &Report) -> String {
    let d = report.run.date;
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidate::RunInfo;
    use std::io::Read;

    fn document_xml(docx: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    /// A report built again, after other reports and on another thread, is the same bytes:
    /// docx-rs's counters (paragraph ids, bookmark ids, `_Toc` names) no longer leak from one
    /// document into the next. Every paragraph id is unique.
    #[test]
    fn the_same_report_is_the_same_bytes_whatever_was_built_before() {
        let dir = tempfile::tempdir().unwrap();
        let cli = crate::cli::args::parse(
            ["jixiao", "demo", "-o", dir.path().to_str().unwrap()].map(std::ffi::OsString::from),
        )
        .map_err(|_| "args")
        .unwrap();
        crate::cli::run(cli).unwrap();
        let plan = crate::plan::read(&dir.path().join("评价方案.xlsx")).unwrap();
        let inputs = [dir.path().join("回收")];
        let a = crate::pipeline::assess(&plan, &inputs, &[], None, &|_| {}, &|| {});
        let report = Report::new(&plan, &a, RunInfo::new("p", &inputs));
        let e = report.evaluations().next().unwrap();
        let first = department::build(&report, e).unwrap();
        let _city = city::build(&report).unwrap();
        let again = department::build(&report, e).unwrap();
        let elsewhere = std::thread::scope(|s| {
            s.spawn(|| {
                for other in report.evaluations() {
                    department::build(&report, other).unwrap();
                }
                department::build(&report, e).unwrap()
            })
            .join()
            .unwrap()
        });
        assert!(first == again, "built again on the same thread");
        assert!(first == elsewhere, "built on another thread");
        let xml = document_xml(&first);
        let ids: Vec<&str> = xml
            .split("w14:paraId=\"")
            .skip(1)
            .map(|s| &s[..8])
            .collect();
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "paragraph ids are unique");
        assert!(xml.contains("PAGEREF _Toc00000000 "), "TOC names from 0");
        assert!(
            xml.contains("w:name=\"_Toc00000000\""),
            "the bookmark it points to"
        );
    }

    #[test]
    fn ids_are_renumbered_in_order_and_text_is_left_alone() {
        let xml = "<w:p w14:paraId=\"0000002a\"><w:bookmarkStart w:id=\"14\" w:name=\"_Toc00000013\" /><w:t>_Toc123 x</w:t><w:bookmarkEnd w:id=\"14\" /></w:p><w:p w14:paraId=\"0000002a\"><w:instrText>PAGEREF _Toc00000013 \\h</w:instrText></w:p>";
        assert_eq!(
            stable_ids(xml),
            "<w:p w14:paraId=\"00000001\"><w:bookmarkStart w:id=\"1\" w:name=\"_Toc00000000\" /><w:t>_Toc123 x</w:t><w:bookmarkEnd w:id=\"1\" /></w:p><w:p w14:paraId=\"00000002\"><w:instrText>PAGEREF _Toc00000000 \\h</w:instrText></w:p>"
        );
    }
}
