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
pub mod figures;

use super::Report;
use crate::domain::{Money, Score, fmt_plain};
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Style, StyleType, Table, TableCell, TableOfContents, TableRow, VMergeType, WidthType,
};
use rust_decimal::Decimal;
use std::io::Cursor;

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

/// Figure `n` of a document, centred at the text's width, its caption under it (kept
/// together). Its id is `n`'s, not docx-rs's process-wide counter, so that the same report is
/// the same bytes.
pub(super) fn figure(doc: Docx, n: usize, fig: figures::Figure, caption: &str) -> Docx {
    // 15 cm wide; 1 cm = 360,000 EMU.
    let w_emu: u32 = 5_400_000;
    let h_emu = (u64::from(w_emu) * u64::from(fig.height) / u64::from(fig.width.max(1))) as u32;
    let pic = docx_rs::Pic::new_with_dimensions(fig.png, fig.width, fig.height)
        .id(format!("rIdJixiaoFigure{n}"))
        .size(w_emu, h_emu);
    doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            // The body's exact line height would clip the picture to one line.
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(240),
            )
            .add_run(Run::new().add_image(pic)),
    )
    .add_paragraph(centred(caption))
}

/// A table's caption, kept on the page of the table it names.
pub(super) fn caption(text: &str) -> Paragraph {
    centred(text).keep_next(true)
}

/// A chapter heading (黑体, in the table of contents), kept with what follows.
pub(super) fn h1(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading1")
        .keep_next(true)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(640)),
            None,
            None,
        )
        .add_run(Run::new().add_text(text).fonts(fonts(H1_FONT)))
}

/// A section heading (楷体, in the table of contents), kept with what follows.
pub(super) fn h2(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading2")
        .keep_next(true)
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
    // Footers and headers: their paragraph ids are numbered apart from the body's, and stay
    // unique.
    let parts = std::cell::Cell::new(0u32);
    crate::collect::guard::repack(&bytes, str::to_string, |name, data| {
        let xml = std::str::from_utf8(data).ok()?;
        // docx-rs writes text as given: a vertical tab pasted from Word would make the part
        // malformed XML that Word and LibreOffice refuse.
        let xml = crate::domain::xml_safe(xml);
        if name == "word/document.xml" {
            let xml = xml.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />");
            Some(stable_ids(&toc_field_apart(&xml)).into_bytes())
        } else if (name.starts_with("word/footer") || name.starts_with("word/header"))
            && name.ends_with(".xml")
        {
            parts.set(parts.get() + 1);
            Some(stable_ids_from(&xml, 0x4000_0000 + parts.get() * 0x0010_0000).into_bytes())
        } else if let std::borrow::Cow::Owned(safe) = xml {
            Some(safe.into_bytes())
        } else {
            None
        }
    })
    .map_err(|e| e.to_string())
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
    /// What precedes each kind of identifier: a paragraph id, a `_Toc` name, a bookmark id.
    const MARKERS: [&str; 4] = [
        "w14:paraId=\"",
        "_Toc",
        "<w:bookmarkStart w:id=\"",
        "<w:bookmarkEnd w:id=\"",
    ];
    let mut out = String::with_capacity(xml.len());
    let mut next_para = first;
    let mut tocs: Vec<&str> = Vec::new();
    let mut marks: Vec<&str> = Vec::new();
    // Where each marker next occurs at or after `done` (searched again only once passed, so
    // the text is scanned once per marker).
    let find = |m: usize, from: usize| xml[from..].find(MARKERS[m]).map(|i| from + i);
    let mut next: Vec<Option<usize>> = (0..MARKERS.len()).map(|m| find(m, 0)).collect();
    let mut done = 0;
    loop {
        let Some((m, at)) = next
            .iter()
            .enumerate()
            .filter_map(|(m, at)| at.map(|at| (m, at)))
            .min_by_key(|&(_, at)| at)
        else {
            out.push_str(&xml[done..]);
            return out;
        };
        let start = at + MARKERS[m].len();
        let value_len = match m {
            1 => xml[start..].bytes().take_while(u8::is_ascii_digit).count(),
            _ => match xml[start..].find('"') {
                Some(len) => len,
                None => {
                    out.push_str(&xml[done..]);
                    return out;
                }
            },
        };
        let value = &xml[start..start + value_len];
        let replacement = match m {
            0 => {
                next_para += 1;
                Some(format!("{:08x}", next_para - 1))
            }
            // docx-rs writes `_Toc` and eight digits; other text is left as it is.
            1 if value_len == 8 => Some(format!("{:08}", position(&mut tocs, value))),
            1 => None,
            _ => Some((position(&mut marks, value) + 1).to_string()),
        };
        out.push_str(&xml[done..start]);
        out.push_str(replacement.as_deref().unwrap_or(value));
        done = start + value_len;
        for (k, at) in next.iter_mut().enumerate() {
            if at.is_some_and(|a| a < done) {
                *at = find(k, done);
            }
        }
    }
}

/// The index of `key` among those seen, adding it when new.
fn position<'a>(seen: &mut Vec<&'a str>, key: &'a str) -> usize {
    seen.iter().position(|k| *k == key).unwrap_or_else(|| {
        seen.push(key);
        seen.len() - 1
    })
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
        crate::cli::with_demo_assessment(|plan, a, inputs| {
            let report = Report::new(plan, a, RunInfo::new("p", inputs));
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
        });
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
