//! 基本信息: the filler's details and 填报日期 (a date, and not before the evaluated year ends).

use super::*;

pub(super) fn read_info(ctx: &mut Ctx, settings: &Settings, sheet: Option<&RawSheet>) -> Info {
    let Some(sheet) = sheet else {
        missing_sheet(ctx, SHEET_INFO);
        return Info::default();
    };
    let get = |ctx: &mut Ctx, key: &str, required: bool| -> String {
        match lookup(sheet, key) {
            Some((v, cell)) => {
                if v.is_empty() && required {
                    ctx.push(
                        Code::InfoEmpty,
                        ctx.at(SHEET_INFO, cell),
                        format!("基本信息「{key}」未填写"),
                        format!("请在「基本信息」中填写{key}"),
                    );
                }
                v
            }
            None => String::new(),
        }
    };
    let filler = get(ctx, InfoItem::Filler.label(), true);
    let phone = get(ctx, InfoItem::Phone.label(), true);
    let filled_text = get(ctx, InfoItem::Filled.label(), true);
    let mut filled = None;
    if !filled_text.is_empty() {
        let cell = lookup(sheet, InfoItem::Filled.label())
            .map(|(_, c)| c)
            .unwrap_or_default();
        match normalize_date(&filled_text) {
            Some(d) => {
                filled = Some(d);
                let year_end = Date::new(settings.year, 12, 31);
                if year_end.is_some_and(|end| d < end) {
                    ctx.push(
                        Code::FilledBeforeYearEnd,
                        ctx.at(SHEET_INFO, cell),
                        format!(
                            "填报日期 {d} 早于评价年度 {} 年结束（{}-12-31），自评应在年度结束后进行",
                            settings.year, settings.year
                        ),
                        format!("请核对填报日期，如 {}", settings.example_date()),
                    );
                }
            }
            None => ctx.push(
                Code::InfoEmpty,
                ctx.at(SHEET_INFO, cell),
                format!("填报日期「{filled_text}」无法识别"),
                format!("请填写日期，如 {}", settings.example_date()),
            ),
        }
    }
    Info {
        filler,
        phone,
        filled,
        filled_text,
        staff_quota: get(ctx, InfoItem::StaffQuota.label(), false),
        staff_actual: get(ctx, InfoItem::StaffActual.label(), false),
        duties: get(ctx, InfoItem::Duties.label(), false),
    }
}
