//! Text as jixiao writes it: any string (typed by a department, answered by a server, found
//! in a file name) → the same text made safe for where it goes.
//!
//! Guarantees: [`xml_safe`] leaves nothing XML 1.0 forbids (a vertical tab pasted from Word
//! becomes a space), so a .docx or a workbook part always parses; [`tsv_field`] is one field
//! of a tab-separated record that Excel opens as text, never as a formula, and
//! [`tsv_value`] reads it back as written; [`for_terminal`] shows control characters and
//! bidirectional overrides as visible escapes, so a name cannot move the cursor, recolour
//! the terminal or reverse what follows it.

use std::borrow::Cow;

/// Whether XML 1.0 allows `c` in a document (tab, line feed and carriage return are the
/// only control characters it allows; U+FFFE and U+FFFF are never characters).
fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// `s` with every character XML 1.0 forbids replaced: a vertical tab or form feed (a line or
/// page break pasted from Word) by a space, anything else dropped.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(xml_allows) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                c if xml_allows(c) => Some(c),
                '\u{0B}' | '\u{0C}' => Some(' '),
                _ => None,
            })
            .collect(),
    )
}

/// One field of a TSV record: [`xml_safe`], every control character (a tab or line break
/// included) a space, and a field that Excel would take for a formula (`=`, `+`, `-`, `@`
/// first, numbers aside) quoted with `'`.
pub fn tsv_field(s: &str) -> String {
    let flat: String = xml_safe(s)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let number = flat.parse::<f64>().is_ok();
    if !number && flat.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{flat}")
    } else {
        flat
    }
}

/// A field [`tsv_field`] wrote, as it was before quoting.
pub fn tsv_value(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest,
        _ => field,
    }
}

/// `s` fit for a terminal line: control characters (ESC among them), C1 controls and
/// bidirectional controls shown as `\u{1b}`-style escapes.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_forbidden_characters_are_replaced_or_dropped() {
        assert_eq!(xml_safe("甲\u{0B}乙\u{0}丙\u{FFFE}丁\t\n"), "甲 乙丙丁\t\n");
        assert!(matches!(xml_safe("正常文字"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tsv_field_is_never_a_formula_and_reads_back_as_written() {
        for s in [
            "=HYPERLINK(\"http://x\",\"x\")",
            "+cmd",
            "@SUM(A1)",
            "-cmd",
            "'=x",
            "普通",
        ] {
            let f = tsv_field(s);
            assert!(!f.starts_with(['=', '+', '-', '@']), "{f}");
            assert_eq!(tsv_value(&f), s);
        }
        assert_eq!(tsv_field("-1.5"), "-1.5");
        assert_eq!(tsv_field("+1"), "+1");
        assert_eq!(tsv_field("a\tb\r\nc\u{0B}"), "a b  c ");
    }

    #[test]
    fn terminal_text_shows_escapes() {
        assert_eq!(for_terminal("收件箱\u{1b}[2J"), "收件箱\\u{1b}[2J");
        assert_eq!(for_terminal("a\u{202E}b"), "a\\u{202e}b");
        assert!(matches!(for_terminal("普通"), Cow::Borrowed(_)));
    }
}
