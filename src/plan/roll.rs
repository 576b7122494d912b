//! Plan sheets moved to another year: 评价年度, the year in 评价名称 and 报送截止日期 (a year on
//! per year) follow it. Used by `jixiao new` for the sample and for last year's plan.

use crate::layout::plan::{SHEET_SETTINGS, SettingKey};
use crate::sheet::RawSheet;

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
            k if k == SettingKey::Name.key() => {
                row.set(1, &value.replace(&from.to_string(), &year.to_string()))
            }
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
