//! Template writer: the plan + one department → the bytes of that department's protected
//! self-evaluation workbook (部门整体绩效自评表).
//!
//! Guarantees: everything the department must not change is locked, the inputs are unlocked,
//! shaded and validated (a dropdown for label answers, a number range for numbers, 0..权重 for
//! 自评得分) with an input message saying what to type; sheets are protected without a
//! password; identity lives in a very hidden `_meta` sheet and in the custom document
//! properties, with a [`fingerprint`] of this department's part of the plan. Plan text is
//! always written as text, never as a formula. Formulas carry their results so that programs
//! that do not calculate still read numbers. Nothing here touches disk.
//!
//! The layout constants (sheet names, headers) are shared with the return reader.

use crate::domain::{Money, fmt_plain};
use crate::plan::{BudgetLine, Department, ExpenseKind, Indicator, Plan};
use crate::sample::Answers;
use crate::score::AnswerKind;
use crate::xlsx;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format,
    FormatAlign, Formula, ProtectionOptions, Worksheet, XlsxError,
};

pub use crate::layout::files::safe_file_name;
pub use crate::layout::template::{
    BUDGET_TOTAL_LABELS, BudgetCol, ISSUED_BUDGET, ISSUED_INDICATOR, IndicatorCol, InfoCol,
    InfoItem, MetaKey, SHEET_BUDGET, SHEET_GUIDE, SHEET_INDICATORS, SHEET_INFO, SHEET_META,
    SPARE_BUDGET_ROWS, TEMPLATE_VERSION,
};

/// The file name of a department's template: `{年度}_{部门编码}_{部门名称}_部门整体绩效自评表.xlsx`,
/// with characters Windows forbids in names replaced.
pub fn file_name(plan: &Plan, dept: &Department) -> String {
    crate::layout::files::template(plan.settings.year, dept.code.as_str(), &dept.name)
}

/// A stable fingerprint of this department's part of the plan: year, identity, every
/// indicator's text, target, weight and rule, every budget line. 16 hex digits (FNV-1a 64);
/// it detects a template issued from another version of the plan, not tampering.
pub fn fingerprint(plan: &Plan, dept: &Department) -> String {
    let mut h = Fnv::new();
    h.field(&plan.settings.year.to_string());
    h.field(dept.code.as_str());
    h.field(&dept.name);
    for i in plan.indicators_for(dept) {
        for f in [
            i.code.as_str(),
            &i.level1,
            &i.level2,
            &i.level3,
            &i.target_text,
            &fmt_plain(i.weight.value()),
            &i.rule_text,
            &i.dimension,
        ] {
            h.field(f);
        }
        h.field(&i.baseline.map(fmt_plain).unwrap_or_default());
    }
    for b in plan.budget_for(&dept.code) {
        for f in [
            b.name.as_str(),
            b.kind.label(),
            &fmt_plain(b.initial.value()),
            &fmt_plain(b.adjusted.value()),
        ] {
            h.field(f);
        }
    }
    format!("{:016x}", h.0)
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
    fn field(&mut self, s: &str) {
        for b in s.bytes().chain(std::iter::once(0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The formats of a template, built once per workbook.
struct Formats {
    header: Format,
    locked: Format,
    locked_wrap: Format,
    locked_center: Format,
    locked_money: Format,
    locked_rate: Format,
    input: Format,
    input_wrap: Format,
    input_money: Format,
    input_percent: Format,
    input_date: Format,
    total_label: Format,
    total_money: Format,
    total_rate: Format,
    title: Format,
    text: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Self {
        let input = xlsx::base()
            .set_unlocked()
            .set_background_color(xlsx::INPUT_FILL);
        let total = xlsx::base().set_bold().set_background_color(0xF2F2F2);
        Self {
            header: xlsx::header(),
            locked: xlsx::base(),
            locked_wrap: xlsx::wrap(),
            locked_center: xlsx::wrap().set_align(FormatAlign::Center),
            locked_money: xlsx::money(),
            locked_rate: xlsx::percent(),
            input_wrap: input.clone().set_text_wrap(),
            input_money: input.clone().set_num_format(xlsx::MONEY_FORMAT),
            input_percent: input.clone().set_num_format("0.00%"),
            input_date: input.clone().set_num_format("yyyy-mm-dd"),
            input,
            total_label: total.clone(),
            total_money: total.clone().set_num_format(xlsx::MONEY_FORMAT),
            total_rate: total.set_num_format("0.00%"),
            title: xlsx::title(),
            text: Format::new().set_font_name(xlsx::FONT).set_text_wrap(),
            bold: Format::new().set_font_name(xlsx::FONT).set_bold(),
        }
    }
}

/// Builds one department's template.
pub fn build(plan: &Plan, dept: &Department) -> Result<Vec<u8>, XlsxError> {
    build_filled(plan, dept, None)
}

/// Builds a template with the department's answers already entered, as Excel would store
/// them (`80%` as 0.8 in a percent cell). Used for synthetic returns in benchmarks; tests and
/// the demo fill templates through a different writer instead.
pub fn build_filled(
    plan: &Plan,
    dept: &Department,
    answers: Option<&Answers>,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let fp = fingerprint(plan, dept);
    let mut wb = crate::xlsx::workbook(&properties(plan, dept, &fp));

    let indicators = plan.indicators_for(dept);
    let budget: Vec<&BudgetLine> = ordered_budget(plan, dept);

    write_guide(wb.add_worksheet(), plan, dept, &f)?;
    write_info(wb.add_worksheet(), plan, dept, &f, answers)?;
    write_budget(wb.add_worksheet(), plan, dept, &budget, &f, answers)?;
    write_indicators(wb.add_worksheet(), plan, dept, &indicators, &f, answers)?;
    write_meta(wb.add_worksheet(), plan, dept, &fp)?;
    wb.save_to_buffer()
}

/// Budget lines in template order: 基本支出 first, then 项目支出, each in plan order.
pub fn ordered_budget<'a>(plan: &'a Plan, dept: &'a Department) -> Vec<&'a BudgetLine> {
    let mut lines: Vec<&BudgetLine> = plan.budget_for(&dept.code).collect();
    lines.sort_by_key(|b| b.kind);
    lines
}

fn properties(plan: &Plan, dept: &Department, fp: &str) -> DocProperties {
    xlsx::properties(&format!("{} {}", dept.name, plan.settings.name))
        .set_subject("部门整体绩效自评表")
        .set_custom_property("jixiao_template_version", TEMPLATE_VERSION)
        .set_custom_property("jixiao_dept_code", dept.code.as_str())
        .set_custom_property("jixiao_dept_name", dept.name.as_str())
        .set_custom_property("jixiao_year", plan.settings.year)
        .set_custom_property("jixiao_fingerprint", fp)
}

/// Print setup shared by every visible sheet: A4 landscape, one page wide, repeated header,
/// footer with the department and page number.
fn print_setup(
    ws: &mut Worksheet,
    dept: &Department,
    header_row: Option<u32>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer(format!(
        "&L{}（{}）&R第 &P 页，共 &N 页",
        footer_text(&dept.name),
        footer_text(dept.code.as_str())
    ));
    if let Some(r) = header_row {
        ws.set_repeat_rows(r, r)?;
    }
    Ok(())
}

/// Writes an answer the way Excel stores what a user types: `80%` as 0.8, plain numbers as
/// numbers, anything else as text (never as a formula). Empty answers leave the cell blank.
fn put(ws: &mut Worksheet, r: u32, c: u16, text: &str, fmt: &Format) -> Result<(), XlsxError> {
    let t = text.trim();
    if t.is_empty() {
        ws.write_blank(r, c, fmt)?;
        return Ok(());
    }
    match crate::sample::excel_number(t) {
        Some(n) => ws.write_number_with_format(r, c, n, fmt)?,
        None => ws.write_string_with_format(r, c, t, fmt)?,
    };
    Ok(())
}

/// Writes an answer like [`put`], unformatted: the block's format is applied afterwards by
/// [`format_columns`]. Empty answers write nothing.
fn put_value(ws: &mut Worksheet, r: u32, c: u16, text: &str) -> Result<(), XlsxError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(());
    }
    match crate::sample::excel_number(t) {
        Some(n) => ws.write_number(r, c, n)?,
        None => ws.write_string(r, c, t)?,
    };
    Ok(())
}

/// Formats rows `first..=last` column by column, blank cells included. rust_xlsxwriter hashes
/// the whole `Format` on every formatted write; a range costs one lookup for all its cells.
fn format_columns(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    cols: &[(u16, &Format)],
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    for (c, fmt) in cols {
        ws.set_range_format(first, *c, last, *c, fmt)?;
    }
    Ok(())
}

/// Escapes `&` in user text for header/footer codes.
fn footer_text(s: &str) -> String {
    s.replace('&', "&&")
}

fn protect(ws: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
}

fn write_guide(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_GUIDE)?;
    let s = &plan.settings;
    // Narrow enough for A4 portrait at 100%, so every program prints it the same way.
    ws.set_column_width(0, 84)?;
    ws.write_string_with_format(0, 0, format!("{} 填报说明", s.name), &f.title)?;
    ws.set_row_height(0, 28)?;
    let deadline = s.deadline_text("见财政局通知");
    let organiser = if s.organiser.is_empty() {
        "市财政局".to_string()
    } else {
        s.organiser.clone()
    };
    let lines: Vec<(bool, String)> = vec![
        (true, format!("填报部门：{}（部门编码 {}）", dept.name, dept.code)),
        (true, format!("评价年度：{} 年度", s.year)),
        (true, format!("报送截止日期：{deadline}")),
        (true, format!("组织单位（有疑问请联系）：{organiser}")),
        (false, String::new()),
        (true, "一、需要填写的内容（黄色单元格为填写项，其他单元格已锁定）".into()),
        (false, "1. 「基本信息」：填报人、联系电话、填报日期、编制人数、实有人数。".into()),
        (false, "2. 「预算执行」：逐项填写「执行数」（全年实际支出，单位万元，保留两位小数），需要说明的在「备注」中说明。年中追加、方案中没有的项目，在下方空白行填写项目名称、项目性质、支出类型、调整后预算和执行数。小计、合计和执行率自动计算。".into()),
        (false, "3. 「绩效指标」：逐项填写「实际完成值」「自评得分」「偏差原因及改进措施」「佐证材料」。".into()),
        (false, "   · 实际完成值：选中单元格会提示应填写的形式。有下拉箭头的从列表中选择；数值请填阿拉伯数字（如 12，不要写「十二」）；百分比请输入带 % 号的数，如 95% 或 0.4%（只填 0.4 时既可能是 40% 也可能是 0.4%，将按更接近目标的读法计分并给出警告）；次数类没有发生请填 0。".into()),
        (false, "   · 自评得分：按「评分标准」自行打分，在 0 与该指标权重之间。".into()),
        (false, "   · 偏差原因及改进措施：未得满分的指标必须填写。".into()),
        (false, "   · 佐证材料：列出可供核查的材料名称，如 年度工作总结、会议纪要、验收报告。".into()),
        (false, String::new()),
        (true, "二、注意事项".into()),
        (false, "· 不要修改、插入或删除锁定的行、列，不要修改工作表名称，不要修改文件名。".into()),
        (false, "· 请保存为 Excel 工作簿（.xlsx）格式后报送；用 WPS 填写时同样选择 .xlsx 格式。不要给文件设置打开密码。".into()),
        (false, "· 权重、目标值以财政局评价方案为准，修改锁定单元格不会改变计分。".into()),
        (false, String::new()),
        (true, "三、报送与审核".into()),
        (false, format!("· 请在 {deadline} 前将本文件作为邮件附件发送给组织单位。")),
        (false, "· 财政局收到后自动审核、计分。有「错误」的自评表将被退回，并附审核意见（指明工作表和单元格，如「绩效指标!H12」及修改方法）；请修改后重新报送，以最后一次报送为准。".into()),
        (false, "· 「警告」和「提示」不影响受理，但请核实。".into()),
    ];
    for (i, (bold, text)) in lines.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_string_with_format(r, 0, text, if *bold { &f.bold } else { &f.text })?;
        let h = (xlsx::display_width(text) / 80.0).ceil().max(1.0) * 16.0;
        ws.set_row_height(r, h)?;
    }
    ws.set_screen_gridlines(false);
    print_setup(ws, dept, None)?;
    ws.set_print_fit_to_pages(1, 1);
    ws.set_portrait();
    protect(ws);
    Ok(())
}

fn write_info(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    f: &Formats,
    answers: Option<&Answers>,
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
                put(ws, r, value, &answer(answers, name), &f.input_date)?;
            }
            InfoItem::StaffQuota | InfoItem::StaffActual => {
                let dv = DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(0, 100_000))
                    .set_input_title(name)?
                    .set_input_message("填写整数，如 80")?
                    .set_error_message("请填写 0 或正整数")?;
                ws.add_data_validation(r, value, r, value, &dv)?;
                put(ws, r, value, &answer(answers, name), &f.input)?;
            }
            _ => {
                let dv = DataValidation::new()
                    .allow_any_value()
                    .set_input_title(name)?
                    .set_input_message(text)?;
                ws.add_data_validation(r, value, r, value, &dv)?;
                put(ws, r, value, &answer(answers, name), &f.input)?;
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

/// A 基本信息 answer.
fn answer(answers: Option<&Answers>, key: &str) -> String {
    answers
        .and_then(|a| a.info.iter().find(|(k, _)| k == key))
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn money_f64(m: Money) -> f64 {
    xlsx::decimal_f64(m.value())
}

fn write_budget(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    lines: &[&BudgetLine],
    f: &Formats,
    answers: Option<&Answers>,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_BUDGET)?;
    let spending = answers.map(|a| a.spending.as_slice()).unwrap_or(&[]);
    let last_col = (BudgetCol::HEADERS.len() - 1) as u16;
    ws.merge_range(
        0,
        0,
        0,
        last_col,
        &format!(
            "{} {} 年度预算执行情况（单位：万元）",
            dept.name, plan.settings.year
        ),
        &f.title,
    )?;
    ws.set_row_height(0, 28)?;
    let header_row = 1;
    for (c, h) in BudgetCol::HEADERS.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &f.header)?;
    }
    let first = header_row + 1;
    let spent_dv = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_title("执行数（万元）")?
        .set_input_message("填写本项目全年实际支出，单位万元，保留两位小数；未支出填 0")?
        .set_error_message("执行数应为不小于 0 的数字（单位：万元）")?;
    for (i, b) in lines.iter().enumerate() {
        let r = first + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &b.name)?;
        ws.write_string(r, 2, &b.nature)?;
        ws.write_string(r, 3, b.kind.label())?;
        ws.write_number(r, 4, money_f64(b.initial))?;
        ws.write_number(r, 5, money_f64(b.adjusted))?;
        let given = spending.iter().find(|s| s.name == b.name);
        put_value(ws, r, 6, given.map(|s| s.spent.as_str()).unwrap_or(""))?;
        rate_formula(ws, r)?;
        put_value(ws, r, 8, given.map(|s| s.note.as_str()).unwrap_or(""))?;
    }
    let spare_first = first + lines.len() as u32;
    format_columns(
        ws,
        first,
        spare_first.saturating_sub(1),
        &[
            (0, &f.locked_center),
            (1, &f.locked_wrap),
            (2, &f.locked),
            (3, &f.locked),
            (4, &f.locked_money),
            (5, &f.locked_money),
            (6, &f.input_money),
            (7, &f.locked_rate),
            (8, &f.input_wrap),
        ],
    )?;
    let added: Vec<&crate::sample::Spending> = spending
        .iter()
        .filter(|s| !lines.iter().any(|b| b.name == s.name))
        .collect();
    let spare_last = spare_first + SPARE_BUDGET_ROWS - 1;
    for r in spare_first..=spare_last {
        let a = added.get((r - spare_first) as usize);
        let v = |pick: fn(&crate::sample::Spending) -> &str| a.map(|s| pick(s)).unwrap_or("");
        put_value(ws, r, 1, v(|s| &s.name))?;
        put_value(ws, r, 2, v(|s| &s.nature))?;
        put_value(ws, r, 3, v(|s| &s.kind))?;
        put_value(ws, r, 5, v(|s| &s.adjusted))?;
        put_value(ws, r, 6, v(|s| &s.spent))?;
        rate_formula(ws, r)?;
        put_value(ws, r, 8, v(|s| &s.note))?;
    }
    format_columns(
        ws,
        spare_first,
        spare_last,
        &[
            (0, &f.locked_center),
            (1, &f.input_wrap),
            (2, &f.input),
            (3, &f.input),
            (4, &f.locked_money),
            (5, &f.input_money),
            (6, &f.input_money),
            (7, &f.locked_rate),
            (8, &f.input_wrap),
        ],
    )?;
    if lines.is_empty() && SPARE_BUDGET_ROWS == 0 {
        return Ok(());
    }
    ws.add_data_validation(first, 6, spare_last, 6, &spent_dv)?;
    let name_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title("年中追加项目")?
        .set_input_message(
            "方案中没有的项目在此填写项目名称，并填写支出类型、调整后预算和执行数",
        )?;
    ws.add_data_validation(spare_first, 1, spare_last, 1, &name_dv)?;
    let kind_dv = DataValidation::new()
        .allow_list_strings(&["基本支出", "项目支出"])?
        .set_input_title(BudgetCol::Kind.header())?
        .set_input_message("从下拉列表选择")?
        .set_error_message("支出类型只能是「基本支出」或「项目支出」")?;
    ws.add_data_validation(spare_first, 3, spare_last, 3, &kind_dv)?;
    let nature_dv = DataValidation::new()
        .allow_list_strings(&["经常性项目", "一次性项目"])?
        .set_error_style(DataValidationErrorStyle::Information)
        .set_input_title(BudgetCol::Nature.header())?
        .set_input_message("可从下拉列表选择")?;
    ws.add_data_validation(spare_first, 2, spare_last, 2, &nature_dv)?;
    let adjusted_dv = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_title("调整后预算（万元）")?
        .set_input_message("年中追加项目的预算金额，单位万元")?
        .set_error_message("调整后预算应为不小于 0 的数字（单位：万元）")?;
    ws.add_data_validation(spare_first, 5, spare_last, 5, &adjusted_dv)?;

    // Subtotals and total, with results stored for programs that do not calculate.
    let (a, z) = (first + 1, spare_last + 1); // 1-based rows for formulas
    let sum_kind = |kind: ExpenseKind, pick: fn(&BudgetLine) -> Money| -> Money {
        lines
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| pick(b))
            .sum()
    };
    let totals_row = spare_last + 1;
    for (k, label) in BUDGET_TOTAL_LABELS.iter().enumerate() {
        let r = totals_row + k as u32;
        ws.write_string_with_format(r, 0, "", &f.total_label)?;
        ws.write_string_with_format(r, 1, *label, &f.total_label)?;
        ws.write_blank(r, 2, &f.total_label)?;
        ws.write_blank(r, 3, &f.total_label)?;
        for (c, col, pick) in [
            (
                4u16,
                'E',
                (|b: &BudgetLine| b.initial) as fn(&BudgetLine) -> Money,
            ),
            (5, 'F', |b: &BudgetLine| b.adjusted),
            (6, 'G', |_: &BudgetLine| Money::ZERO),
        ] {
            let (formula, result) = match k {
                0 => (
                    format!("=SUMIF($D${a}:$D${z},\"基本支出\",{col}{a}:{col}{z})"),
                    sum_kind(ExpenseKind::Basic, pick),
                ),
                1 => (
                    format!("=SUMIF($D${a}:$D${z},\"项目支出\",{col}{a}:{col}{z})"),
                    sum_kind(ExpenseKind::Project, pick),
                ),
                _ => (
                    format!("={col}{}+{col}{}", totals_row + 1, totals_row + 2),
                    sum_kind(ExpenseKind::Basic, pick) + sum_kind(ExpenseKind::Project, pick),
                ),
            };
            ws.write_formula_with_format(
                r,
                c,
                Formula::new(formula).set_result(fmt_plain(result.value())),
                &f.total_money,
            )?;
        }
        rate_formula(ws, r)?;
        ws.set_range_format(r, 7, r, 7, &f.total_rate)?;
        ws.write_blank(r, 8, &f.total_label)?;
    }

    let widths: [f64; 9] = [
        6.0,
        xlsx::fit_width(
            lines
                .iter()
                .map(|b| b.name.as_str())
                .chain(["省市级专项经费（追加）"]),
            16.0,
            30.0,
        ),
        12.0,
        11.0,
        12.0,
        12.0,
        12.0,
        10.0,
        24.0,
    ];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_row_height(header_row, 24)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    print_setup(ws, dept, Some(header_row))?;
    protect(ws);
    Ok(())
}

/// 执行率 = 执行数 / 调整后预算, blank until 执行数 is filled; the stored result is blank.
/// Written unformatted: the caller formats column H.
fn rate_formula(ws: &mut Worksheet, r: u32) -> Result<(), XlsxError> {
    let n = r + 1;
    ws.write_formula(
        r,
        7,
        Formula::new(format!("=IF(AND(ISNUMBER(G{n}),N(F{n})>0),G{n}/F{n},\"\")")).set_result(""),
    )?;
    Ok(())
}

fn write_indicators(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    indicators: &[&Indicator],
    f: &Formats,
    answers: Option<&Answers>,
) -> Result<(), XlsxError> {
    use IndicatorCol as C;
    ws.set_name(SHEET_INDICATORS)?;
    let outcomes = answers.map(|a| a.outcomes.as_slice()).unwrap_or(&[]);
    let last_col = (IndicatorCol::HEADERS.len() - 1) as u16;
    ws.merge_range(
        0,
        0,
        0,
        last_col,
        &format!(
            "{} {} 年度部门整体绩效自评表",
            dept.name, plan.settings.year
        ),
        &f.title,
    )?;
    ws.set_row_height(0, 28)?;
    let header_row = 1;
    for (c, h) in IndicatorCol::HEADERS.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &f.header)?;
    }
    let first = header_row + 1;
    let widths = indicator_widths(indicators);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }

    let reason_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title(IndicatorCol::Reason.header())?
        .set_input_message("未得满分的指标必须填写：未完成的原因和下一步改进措施")?;
    let evidence_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title(IndicatorCol::Evidence.header())?
        .set_input_message("列出可供核查的材料名称，如 年度工作总结、会议纪要、验收报告")?;
    let n = indicators.len() as u32;
    if n > 0 {
        ws.add_data_validation(
            first,
            C::Reason.col(),
            first + n - 1,
            C::Reason.col(),
            &reason_dv,
        )?;
        ws.add_data_validation(
            first,
            C::Evidence.col(),
            first + n - 1,
            C::Evidence.col(),
            &evidence_dv,
        )?;
    }

    // Validations are grouped: one per distinct answer form, spread over its rows, so a
    // template carries a handful of rules rather than one per cell.
    let mut actual_groups: Vec<(AnswerKind, Vec<u32>)> = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        let r = first + i as u32;
        ws.write_string(r, C::Code.col(), ind.code.as_str())?;
        ws.write_string(r, C::Level3.col(), &*ind.level3)?;
        ws.write_string(r, C::Target.col(), &*ind.target_text)?;
        ws.write_number(r, C::Weight.col(), xlsx::decimal_f64(ind.weight.value()))?;
        ws.write_string(r, C::Criteria.col(), &*ind.criteria)?;
        let kind = AnswerKind::of(ind);
        let o = outcomes.iter().find(|o| o.code == ind.code.as_str());
        let v = |pick: fn(&crate::sample::Outcome) -> &str| o.map(pick).unwrap_or("");
        put_value(ws, r, C::Actual.col(), v(|o| &o.actual))?;
        put_value(ws, r, C::SelfScore.col(), v(|o| &o.self_score))?;
        put_value(ws, r, C::Reason.col(), v(|o| &o.reason))?;
        put_value(ws, r, C::Evidence.col(), v(|o| &o.evidence))?;
        match actual_groups.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, rows)) => rows.push(r),
            None => actual_groups.push((kind, vec![r])),
        }
        ws.set_row_height(r, row_height(ind, &widths))?;
    }
    format_columns(
        ws,
        first,
        (first + n).saturating_sub(1),
        &[
            (C::Code.col(), &f.locked_center),
            (C::Level3.col(), &f.locked_wrap),
            (C::Target.col(), &f.locked_center),
            (C::Weight.col(), &f.locked_center),
            (C::Criteria.col(), &f.locked_wrap),
            (C::SelfScore.col(), &f.input),
            (C::Reason.col(), &f.input_wrap),
            (C::Evidence.col(), &f.input_wrap),
        ],
    )?;
    // 实际完成值: a percent cell where the answer is a percentage, in runs of equal form.
    let mut i = 0;
    while i < indicators.len() {
        let percent = AnswerKind::of(indicators[i]) == AnswerKind::Percent;
        let mut j = i + 1;
        while j < indicators.len()
            && (AnswerKind::of(indicators[j]) == AnswerKind::Percent) == percent
        {
            j += 1;
        }
        let fmt = if percent { &f.input_percent } else { &f.input };
        format_columns(
            ws,
            first + i as u32,
            first + j as u32 - 1,
            &[(C::Actual.col(), fmt)],
        )?;
        i = j;
    }
    for (kind, rows) in &actual_groups {
        let dv = actual_validation(kind)?.set_multi_range(ranges(C::Actual.col().into(), rows));
        ws.add_data_validation(rows[0], C::Actual.col(), rows[0], C::Actual.col(), &dv)?;
    }
    if n > 0 {
        ws.add_data_validation(
            first,
            C::SelfScore.col(),
            first + n - 1,
            C::SelfScore.col(),
            &self_score_validation(first)?,
        )?;
    }
    merge_levels(ws, indicators, first, f)?;

    // Total row: weights and self-scores, results stored.
    let total = first + n;
    let weight_sum: Decimal = indicators.iter().map(|i| i.weight.value()).sum();
    ws.write_string_with_format(total, 0, "", &f.total_label)?;
    ws.merge_range(
        total,
        C::Level1.col(),
        total,
        C::Target.col(),
        crate::layout::template::TOTAL_LABEL,
        &f.total_label,
    )?;
    let (a, z) = (first + 1, first + n.max(1));
    ws.write_formula_with_format(
        total,
        5,
        Formula::new(format!("=SUM(F{a}:F{z})")).set_result(fmt_plain(weight_sum)),
        &f.total_money,
    )?;
    ws.write_blank(total, 6, &f.total_label)?;
    ws.write_blank(total, 7, &f.total_label)?;
    ws.write_formula_with_format(
        total,
        8,
        Formula::new(format!("=SUM(I{a}:I{z})")).set_result("0"),
        &f.total_money,
    )?;
    ws.write_blank(total, 9, &f.total_label)?;
    ws.write_blank(total, 10, &f.total_label)?;

    ws.set_row_height(header_row, 30)?;
    ws.set_freeze_panes(header_row + 1, 5)?;
    print_setup(ws, dept, Some(header_row))?;
    protect(ws);
    Ok(())
}

/// Merges 一级指标 runs and, inside them, 二级指标 runs, as in the reference appendix.
fn merge_levels(
    ws: &mut Worksheet,
    inds: &[&Indicator],
    first: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut put = |col: u16, start: usize, end: usize, text: &str| -> Result<(), XlsxError> {
        let (r0, r1) = (first + start as u32, first + end as u32);
        if r0 == r1 {
            ws.write_string_with_format(r0, col, text, &f.locked_center)?;
        } else {
            ws.merge_range(r0, col, r1, col, text, &f.locked_center)?;
        }
        Ok(())
    };
    let runs = |same: &dyn Fn(&Indicator, &Indicator) -> bool| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=inds.len() {
            if i == inds.len() || !same(inds[i], inds[start]) {
                out.push((start, i - 1));
                start = i;
            }
        }
        out
    };
    if inds.is_empty() {
        return Ok(());
    }
    for (s, e) in runs(&|a, b| a.level1 == b.level1) {
        put(1, s, e, &inds[s].level1)?;
    }
    for (s, e) in runs(&|a, b| a.level1 == b.level1 && a.level2 == b.level2) {
        put(2, s, e, &inds[s].level2)?;
    }
    Ok(())
}

fn indicator_widths(inds: &[&Indicator]) -> [f64; 11] {
    let col = |get: fn(&Indicator) -> &str, min: f64, max: f64| {
        xlsx::fit_width(inds.iter().map(|i| get(i)), min, max)
    };
    [
        8.0,
        col(|i| &i.level1, 8.0, 12.0),
        col(|i| &i.level2, 10.0, 16.0),
        col(|i| &i.level3, 16.0, 28.0),
        col(|i| &i.target_text, 9.0, 14.0),
        6.0,
        col(|i| &i.criteria, 16.0, 28.0),
        14.0,
        9.0,
        28.0,
        18.0,
    ]
}

/// A row tall enough for its wrapped texts (Excel does not grow rows of generated files).
fn row_height(ind: &Indicator, widths: &[f64; 11]) -> f64 {
    let lines =
        |text: &str, width: f64| (xlsx::display_width(text) / (width - 1.5)).ceil().max(1.0);
    let n = [
        lines(&ind.level3, widths[3]),
        lines(&ind.criteria, widths[6]),
        lines(&ind.target_text, widths[4]),
    ]
    .into_iter()
    .fold(1.0, f64::max);
    (n * 14.0 + 6.0).max(20.0)
}

fn actual_validation(kind: &AnswerKind) -> Result<DataValidation, XlsxError> {
    let dv = match kind {
        AnswerKind::Labels(labels) if labels.iter().map(|l| l.len() + 1).sum::<usize>() < 250 => {
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            DataValidation::new()
                .allow_list_strings(&refs)?
                .set_error_message(truncate(
                    &format!("请从下拉列表中选择：{}", labels.join("、")),
                    250,
                ))?
        }
        AnswerKind::Labels(_) | AnswerKind::SelfScore => DataValidation::new().allow_any_value(),
        AnswerKind::Percent => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, 10.0))
            .set_error_message("请输入带 % 号的百分数，如 95% 或 0.4%")?,
        AnswerKind::Number { unit } => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_error_message(if unit.is_empty() {
                "请填写不小于 0 的阿拉伯数字".to_string()
            } else {
                format!("请填写不小于 0 的阿拉伯数字（单位：{unit}，不必填写单位）")
            })?,
        AnswerKind::Count => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_message("请填写发生次数：0 或正整数")?,
        AnswerKind::Level => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 20))
            .set_error_message("请填写等级数字，如 4")?,
    };
    let message = match kind {
        AnswerKind::Number { unit } if !unit.is_empty() => {
            format!("对照左侧目标值，填写阿拉伯数字，单位为「{unit}」（不必填写单位），如 12")
        }
        AnswerKind::Percent => AnswerKind::Percent.describe(),
        AnswerKind::Level => "对照左侧目标值，填写等级数字，如 4".to_string(),
        other => other.describe(),
    };
    dv.set_input_title(IndicatorCol::Actual.header())?
        .set_input_message(truncate(&message, 250))
}

/// 自评得分 between 0 and the weight in column F of the same row (one rule for the column).
fn self_score_validation(first: u32) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_decimal_number_formula(DataValidationRule::Between(
            Formula::new("0"),
            Formula::new(format!("$F{}", first + 1)),
        ))
        .set_input_title(IndicatorCol::SelfScore.header())?
        .set_input_message("按评分标准自评，填写 0 到本行「权重」之间的分数")?
        .set_error_message("自评得分应在 0 与本行「权重」之间")
}

/// Rows of one column as an Excel multi-range: consecutive rows become `H3:H7`.
fn ranges(col: u32, rows: &[u32]) -> String {
    let name = crate::domain::CellRef::col_name(col);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start;
        while i + 1 < rows.len() && rows[i + 1] == end + 1 {
            i += 1;
            end = rows[i];
        }
        out.push(if start == end {
            format!("{name}{}", start + 1)
        } else {
            format!("{name}{}:{name}{}", start + 1, end + 1)
        });
        i += 1;
    }
    out.join(" ")
}

/// Cuts text to at most `max` characters (Excel's limit on validation messages is 255).
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars()
            .take(max - 1)
            .chain(std::iter::once('…'))
            .collect()
    }
}

fn write_meta(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    fp: &str,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_META)?;
    let rows: [(MetaKey, String); 6] = [
        (MetaKey::Version, TEMPLATE_VERSION.to_string()),
        (MetaKey::DeptCode, dept.code.to_string()),
        (MetaKey::DeptName, dept.name.clone()),
        (MetaKey::Year, plan.settings.year.to_string()),
        (MetaKey::Fingerprint, fp.to_string()),
        (
            MetaKey::Tool,
            format!("jixiao {}", env!("CARGO_PKG_VERSION")),
        ),
    ];
    for (c, h) in crate::layout::template::META_HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, k.key())?;
        ws.write_string(i as u32 + 1, 1, v)?;
    }
    // The locked values as issued, so that a later plan change is told apart from a
    // department's edit: `指标:GX01 | 三级指标 | 目标值 | 权重`, `预算:名称 | 年初预算 | 调整后预算`.
    let mut r = rows.len() as u32 + 2;
    for i in plan.indicators_for(dept) {
        ws.write_string(r, 0, format!("{ISSUED_INDICATOR}{}", i.code))?;
        ws.write_string(r, 1, &*i.level3)?;
        ws.write_string(r, 2, &*i.target_text)?;
        ws.write_string(r, 3, fmt_plain(i.weight.value()))?;
        r += 1;
    }
    for b in plan.budget_for(&dept.code) {
        ws.write_string(r, 0, format!("{ISSUED_BUDGET}{}", b.name))?;
        ws.write_string(r, 1, fmt_plain(b.initial.value()))?;
        ws.write_string(r, 2, fmt_plain(b.adjusted.value()))?;
        r += 1;
    }
    ws.set_very_hidden(true);
    protect(ws);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan, sample};

    fn sample_plan() -> Plan {
        plan::parse(sample::PLAN_FILE, &sample::plan_sheets()).unwrap()
    }

    #[test]
    fn file_names_are_valid_on_windows() {
        assert_eq!(
            safe_file_name("2021_009_a/b:c*?.xlsx"),
            "2021_009_a_b_c__.xlsx"
        );
        assert_eq!(safe_file_name("名称. "), "名称");
        let p = sample_plan();
        assert_eq!(
            file_name(&p, &p.departments[0]),
            "2021_001_市应急管理局_部门整体绩效自评表.xlsx"
        );
    }

    #[test]
    fn fingerprint_changes_with_the_department_part_of_the_plan_only() {
        let p = sample_plan();
        let d = &p.departments[0];
        let fp = fingerprint(&p, d);
        assert_eq!(fp.len(), 16);
        assert_eq!(fp, fingerprint(&p.clone(), d));
        let mut changed = p.clone();
        let idx = changed
            .indicators
            .iter()
            .position(|i| &*i.group == "应急管理")
            .unwrap();
        changed.indicators[idx].target_text = "≥3次".into();
        assert_ne!(fingerprint(&changed, d), fp);
        // Another department's change leaves 001's fingerprint alone.
        let mut other = p.clone();
        let idx = other
            .indicators
            .iter()
            .position(|i| &*i.group == "教育")
            .unwrap();
        other.indicators[idx].target_text = "≥1所".into();
        assert_eq!(fingerprint(&other, d), fp);
        assert_ne!(fingerprint(&p, &p.departments[1]), fp);
    }

    #[test]
    fn rows_become_excel_ranges() {
        assert_eq!(ranges(7, &[2, 3, 4, 6, 9, 10]), "H3:H5 H7 H10:H11");
        assert_eq!(ranges(7, &[5]), "H6");
    }

    #[test]
    fn a_prefilled_reference_template_scores_95_3() {
        let p = sample_plan();
        let d = &p.departments[0];
        let answers = Answers {
            info: vec![(InfoItem::Filled.label().into(), "2022-05-10".into())],
            outcomes: sample::reference_outcomes(),
            spending: sample::reference_spending(),
        };
        let bytes = build_filled(&p, d, Some(&answers)).unwrap();
        let read = crate::collect::read_bytes(&p, "r.xlsx", &bytes, false);
        let inputs = crate::validate::validate(&p, d, &read);
        let typed = |i: &crate::validate::IndicatorInput| !i.reason.is_empty();
        assert!(
            inputs.indicators.iter().any(typed),
            "the reference gives reasons"
        );
        let e = crate::evaluate::evaluate(&p, inputs);
        assert_eq!(e.totals.total.to_string(), "95.30");
        assert_eq!(e.inputs.budget_summary.spent.to_string(), "3762.89");
        // Checked while scoring and shown nowhere: the free texts are not held.
        assert!(
            e.indicators
                .iter()
                .all(|r| !typed(&r.input) && r.input.evidence.is_empty())
        );
    }

    #[test]
    fn every_sample_template_builds() {
        let p = sample_plan();
        for d in &p.departments {
            let bytes = build(&p, d).unwrap();
            assert!(bytes.len() > 10_000, "{}", d.name);
        }
    }
}
