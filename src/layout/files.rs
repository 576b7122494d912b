//! Output file and folder names: valid on Windows, the same for writer and reader.

/// Replaces characters that Windows does not allow in file names (`<>:"/\|?*`, control
/// characters) with `_`, and trims trailing dots and spaces.
pub fn safe_file_name(name: &str) -> String {
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
