//! 基本信息: identity (locked) and the filler's details (validated inputs).

use super::*;

pub(super) fn write_info(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_INFO)?;
    let example = plan.settings.example_date().to_string();
    for (c, h) in InfoCol::HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
    }
    let (label, value, help) = (
        InfoCol::Item.col(),
        InfoCol::Value.col(),
        InfoCol::Help.col(),
    );
    for (i, item) in InfoItem::ALL.iter().copied().enumerate() {
        let r = i as u32 + 1;
        let (name, text) = (item.label(), item.help());
        ws.write_string_with_format(r, label, name, &f.locked)?;
        ws.write_string_with_format(r, help, text, &f.locked_wrap)?;
        match item {
            InfoItem::DeptCode => {
                ws.write_string_with_format(r, value, dept.code.as_str(), &f.locked)?;
            }
            InfoItem::DeptName => {
                ws.write_string_with_format(r, value, &dept.name, &f.locked)?;
            }
            InfoItem::Year => {
                ws.write_number_with_format(r, value, plan.settings.year, &f.locked)?;
            }
            InfoItem::Filled => {
                let dv = DataValidation::new()
                    .allow_date(DataValidationRule::Between(
                        rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?,
                        rust_xlsxwriter::ExcelDateTime::from_ymd(2100, 12, 31)?,
                    ))
                    .set_input_title(name)?
                    .set_input_message(format!("填写日期，如 {example}"))?
                    .set_error_message(format!("请填写有效日期，如 {example}"))?;
                ws.add_data_validation(r, value, r, value, &dv)?;
                ws.write_blank(r, value, &f.input_date)?;
            }
            InfoItem::StaffQuota | InfoItem::StaffActual => {
                let dv = DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(0, 100_000))
                    .set_input_title(name)?
                    .set_input_message("填写整数，如 80")?
                    .set_error_message("请填写 0 或正整数")?;
                ws.add_data_validation(r, value, r, value, &dv)?;
                ws.write_blank(r, value, &f.input)?;
            }
            InfoItem::Duties => {
                let dv = DataValidation::new()
                    .allow_any_value()
                    .set_input_title(name)?
                    .set_input_message(text)?;
                ws.add_data_validation(r, value, r, value, &dv)?;
                ws.write_blank(r, value, &f.input_long)?;
                ws.set_row_height(r, 90)?;
                continue;
            }
            _ => {
                let dv = DataValidation::new()
                    .allow_any_value()
                    .set_input_title(name)?
                    .set_input_message(text)?;
                ws.add_data_validation(r, value, r, value, &dv)?;
                ws.write_blank(r, value, &f.input)?;
            }
        }
        ws.set_row_height(r, 20)?;
    }
    ws.set_column_width(0, 12)?;
    ws.set_column_width(
        1,
        xlsx::fit_width([dept.name.as_str(), example.as_str()], 24.0, 40.0),
    )?;
    ws.set_column_width(2, 36)?;
    ws.set_freeze_panes(1, 0)?;
    print_setup(ws, dept, Some(0))?;
    protect(ws);
    Ok(())
}
