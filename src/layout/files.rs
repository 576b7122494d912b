//! Output file and folder names: valid on Windows, the same for writer and reader.

/// The most bytes a file name jixiao writes may have: 255 is the limit of every file system
/// users have; the rest is room for the temporary name it is written under first.
pub const MAX_NAME_BYTES: usize = 240;

/// Replaces characters that Windows does not allow in file names (`<>:"/\|?*`, control
/// characters) with `_`, trims trailing dots and spaces, and cuts a name longer than
/// [`MAX_NAME_BYTES`] in its stem (at a character, keeping the extension), so that a
/// department's long name never makes a file impossible to write.
pub fn safe_file_name(name: &str) -> String {
    let s = windows_safe(name);
    if s.len() <= MAX_NAME_BYTES {
        return s;
    }
    let (stem, ext) = match s.rsplit_once('.') {
        Some((stem, ext)) if ext.len() <= 8 && !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (s.as_str(), String::new()),
    };
    let mut cut = MAX_NAME_BYTES - ext.len() - "…".len();
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…{ext}", &stem[..cut])
}

fn windows_safe(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            // Bidirectional controls (U+202E shows `xlsx.exe` as `exe.xslx`), and the mark
            // between a message and its attachment in names shown.
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '_',
            '▸' => '_',
            c => c,
        })
        .collect();
    s.trim_end_matches(['.', ' ']).to_string()
}

/// A department's template: `{年度}_{部门编码}_{部门名称}_部门整体绩效自评表.xlsx`.
pub fn template(year: i32, code: &str, name: &str) -> String {
    safe_file_name(&format!("{year}_{code}_{name}_部门整体绩效自评表.xlsx"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_cut_in_its_stem_and_keeps_its_extension() {
        let name = format!(
            "2021年度{}部门整体支出绩效自评价报告（初稿）.docx",
            "很长".repeat(40)
        );
        let safe = safe_file_name(&name);
        assert!(safe.len() <= MAX_NAME_BYTES, "{}", safe.len());
        assert!(safe.ends_with("….docx"), "{safe}");
        assert_eq!(safe_file_name("短.xlsx"), "短.xlsx");
    }
}
