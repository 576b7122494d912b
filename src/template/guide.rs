//! 填报说明: what to fill, by when, whom to ask; one A4 portrait page.

use super::*;

pub(super) fn write_guide(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    last_year: Option<i32>,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_GUIDE)?;
    let s = &plan.settings;
    // Narrow enough for A4 portrait at 100%, so every program prints it the same way.
    ws.set_column_width(0, 84)?;
    ws.write_string_with_format(0, 0, format!("{} 填报说明", s.name), &f.title)?;
    ws.set_row_height(0, 28)?;
    let deadline = s.deadline_text("见财政局通知");
    let organiser = s.organiser_or_bureau();
    let lines: Vec<(bool, String)> = vec![
        (true, format!("填报部门：{}（部门编码 {}）", dept.name, dept.code)),
        (true, format!("评价年度：{} 年度", s.year)),
        (true, format!("报送截止日期：{deadline}")),
        (true, format!("组织单位（有疑问请联系）：{organiser}")),
        (false, String::new()),
        (true, "一、需要填写的内容（黄色单元格为填写项，其他单元格已锁定）".into()),
        (false, "1. 「基本信息」：填报人、联系电话、填报日期、编制人数、实有人数；「主要职责」可不填，填写后用于生成自评价报告初稿。".into()),
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
    let mut lines = lines;
    if let Some(y) = last_year {
        let at = lines
            .iter()
            .position(|(_, t)| t.starts_with("   · 佐证材料"))
            .map_or(lines.len(), |i| i + 1);
        lines.insert(
            at,
            (
                false,
                format!("   · 最右侧的「上年实际完成值」是贵单位 {y} 年度报送的数值，供对照填写，不可修改。"),
            ),
        );
    }
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
