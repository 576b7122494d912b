//! Plan sheets moved to another year: 评价年度, the years in 评价名称 (the evaluated year and
//! the one after it, when returns are due) and 报送截止日期 (a year on per year) follow it;
//! [`set_setting`] rewrites a setting (说明 of a plan rolled from last year's). Used by `jixiao new` for
//! the sample and for last year's plan.

use crate::layout::plan::{SHEET_SETTINGS, SettingKey};
use crate::sheet::RawSheet;

/// `text` with each four-digit year `from` or `from + 1` (not part of a longer number) moved
/// by `year - from`: 「2021年度……2022年5月前报送」 → 「2022年度……2023年5月前报送」.
fn shift_years(text: &str, from: i32, year: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        let starts = (k == 0 || !digit(k - 1)) && (k..k + 4).all(digit) && !digit(k + 4);
        if starts {
            let n: String = chars[k..k + 4].iter().collect();
            match n.parse::<i32>() {
                Ok(y) if y == from || y == from + 1 => out.push_str(&(y + year - from).to_string()),
                _ => out.push_str(&n),
            }
            k += 4;
        } else {
            out.push(chars[k]);
            k += 1;
        }
    }
    out
}

/// Sets a 方案 setting's 值 (a row is added when the sheet has none).
pub fn set_setting(sheets: &mut [RawSheet], key: SettingKey, value: &str) {
    let Some(settings) = sheets.iter_mut().find(|s| s.name == SHEET_SETTINGS) else {
        return;
    };
    match settings.rows.iter_mut().find(|r| r.get(0) == key.key()) {
        Some(row) => row.set(1, value),
        None => {
            let next = settings.rows.last().map_or(1, |r| r.row + 1);
            settings
                .rows
                .push(crate::sheet::RawRow::new(next, [key.key(), value]));
        }
    }
}

/// Moves plan sheets to `year`.
pub fn move_to_year(sheets: &mut [RawSheet], year: i32) {
    let Some(settings) = sheets.iter_mut().find(|s| s.name == SHEET_SETTINGS) else {
        return;
    };
    let mut from = year;
    for row in &settings.rows {
        if row.get(0) == SettingKey::Year.key() {
            from = row.get(1).trim().parse().unwrap_or(year);
        }
    }
    for row in &mut settings.rows {
        let value = row.get(1).to_string();
        let key = row.get(0).to_string();
        match key.as_str() {
            k if k == SettingKey::Year.key() => row.set(1, &year.to_string()),
            k if k == SettingKey::Name.key() => row.set(1, &shift_years(&value, from, year)),
            k if k == SettingKey::Deadline.key() => {
                if let Some(mut d) = crate::domain::Date::parse(&value) {
                    for _ in from..year {
                        d = d.next_year();
                    }
                    row.set(1, &d.to_string());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_in_free_text_move_with_the_plan() {
        assert_eq!(
            super::shift_years(
                "2021年度自评，2022年5月20日前报送；文号 20215 不变，2019 年也不变",
                2021,
                2024
            ),
            "2024年度自评，2025年5月20日前报送；文号 20215 不变，2019 年也不变"
        );
    }
}
