//! What `collect` writes: the consolidated workbook's sheets, the folders and files beside it.

use super::files::safe_file_name;

/// 汇总排名.
pub const SHEET_RANKING: &str = "汇总排名";
/// 预算执行汇总.
pub const SHEET_BUDGET: &str = "预算执行汇总";
/// 项目明细.
pub const SHEET_PROJECTS: &str = "项目明细";
/// 指标得分明细.
pub const SHEET_DETAILS: &str = "指标得分明细";

/// Rows an Excel worksheet can hold (1,048,576, the header included).
pub const SHEET_MAX_ROWS: u32 = 1_048_576;

/// The `k`-th sheet (0-based) of 指标得分明细: past Excel's row limit (some 13,000 departments)
/// it goes on in 指标得分明细（2）, （3）….
pub fn details_sheet(k: usize) -> String {
    if k == 0 {
        SHEET_DETAILS.to_string()
    } else {
        format!("{SHEET_DETAILS}（{}）", k + 1)
    }
}
/// 审核问题.
pub const SHEET_FINDINGS: &str = "审核问题";
/// 身份冲突.
pub const SHEET_CONFLICTS: &str = "身份冲突";
/// 未报送.
pub const SHEET_MISSING: &str = "未报送";
/// 说明.
pub const SHEET_ABOUT: &str = "说明";

/// Sheet names of the consolidated workbook, in order (per-department sheets come between
/// 指标得分明细 and 审核问题).
pub const SHEETS: [&str; 8] = [
    SHEET_RANKING,
    SHEET_BUDGET,
    SHEET_PROJECTS,
    SHEET_DETAILS,
    SHEET_FINDINGS,
    SHEET_CONFLICTS,
    SHEET_MISSING,
    SHEET_ABOUT,
];

/// Folder for per-department score files past the sheet limit.
pub const DEPARTMENT_DIR: &str = "部门评分表";
/// Folder for the letters to departments.
pub const FEEDBACK_DIR: &str = "审核意见";
/// The results for other programs; its presence (written by jixiao) marks a results folder.
pub const SUMMARY_FILE: &str = "summary.json";
/// The round's record (报送记录): every return received and every deadline a letter named,
/// carried from each run's output into the next.
pub const LEDGER_FILE: &str = "报送记录.tsv";
/// Its columns.
pub const LEDGER_HEADER: [&str; 11] = [
    "部门编码",
    "部门名称",
    "记录",
    "报送文件",
    "内容指纹",
    "收到时间",
    "时间依据",
    "发件人",
    "审核结论",
    "期限",
    "记录于",
];

/// The consolidated workbook's file name.
pub fn workbook(year: i32) -> String {
    format!("{year}年度部门整体绩效评价汇总.xlsx")
}

/// A department's score file (past the sheet limit).
pub fn department_file(code: &str, name: &str) -> String {
    safe_file_name(&format!("{code}_{name}_部门整体绩效评价指标评分表.xlsx"))
}

/// The folder of report drafts in the output.
pub const REPORT_DIR: &str = "报告";
/// [`REPORT_DIR`] as a manifest path prefix.
pub const REPORT_DIR_PREFIX: &str = "报告/";

/// A department's report draft.
pub fn department_report(year: i32, name: &str) -> String {
    safe_file_name(&format!(
        "{year}年度{name}部门整体支出绩效自评价报告（初稿）.docx"
    ))
}

/// The bureau's 汇总报告 draft, its title first: `青山县2025年度…汇总报告.docx` (the place
/// left out when the plan names none).
pub fn city_report(place: &str, year: i32) -> String {
    safe_file_name(&format!(
        "{place}{year}年度部门整体支出绩效自评价汇总报告.docx"
    ))
}

/// The folder of ready-to-send notices beside the templates.
pub const OUTBOX_DIR: &str = "发件箱";

/// A department's message (a notice in 发件箱/, a letter in 审核意见/).
pub fn message_file(code: &str, name: &str) -> String {
    safe_file_name(&format!("{code}_{name}.eml"))
}

/// A department's letter.
pub fn letter(code: &str, name: &str) -> String {
    safe_file_name(&format!("{code}_{name}.txt"))
}

/// 汇总排名: the columns before the one-per-评价维度 columns.
pub const RANKING_LEAD: [&str; 3] = ["排名", "部门编码", "部门名称"];
/// 汇总排名: the columns after the 评价维度 columns.
pub const RANKING_TAIL: [&str; 11] = [
    "总分",
    "等级",
    "自评总分",
    "差异",
    "预算执行率",
    "审核状态",
    "逾期天数",
    "报送情况",
    "报送文件",
    "报送时间",
    "时间来源",
];
/// 汇总排名: the columns comparing with last year, after the others.
pub const RANKING_PREVIOUS: [&str; 4] = ["上年总分", "变化", "上年排名", "名次变化"];
/// 预算执行汇总: last year's execution rate, after the others.
pub const BUDGET_PREVIOUS: &str = "上年执行率";
/// 指标得分明细: the columns comparing with last year.
pub const DETAIL_PREVIOUS: [&str; 2] = ["上年实际完成值", "上年得分"];
/// The sheet of totals over the years.
pub const SHEET_HISTORY: &str = "历年得分";
/// 说明: 项目 | 内容.
pub const ABOUT_HEADERS: [&str; 2] = ["项目", "内容"];
/// Columns of 预算执行汇总.
pub const BUDGET_HEADERS: [&str; 15] = [
    "部门编码",
    "部门名称",
    "年初预算",
    "调整后预算",
    "执行数",
    "执行率",
    "基本支出年初预算",
    "基本支出调整后预算",
    "基本支出执行数",
    "基本支出执行率",
    "项目支出年初预算",
    "项目支出调整后预算",
    "项目支出执行数",
    "项目支出执行率",
    "审核状态",
];
/// Columns of 项目明细.
pub const PROJECT_HEADERS: [&str; 11] = [
    "部门编码",
    "部门名称",
    "项目名称",
    "项目性质",
    "支出类型",
    "年初预算",
    "调整后预算",
    "执行数",
    "执行率",
    "状态",
    "备注",
];
/// Columns of 指标得分明细.
pub const DETAIL_HEADERS: [&str; 15] = [
    "部门编码",
    "部门名称",
    "指标编码",
    "评价维度",
    "一级指标",
    "二级指标",
    "三级指标",
    "目标值",
    "实际完成值",
    "权重",
    "得分",
    "得分率",
    "自评得分",
    "待复核",
    "计分说明",
];
/// Columns of 审核问题.
pub const FINDING_HEADERS: [&str; 9] = [
    "部门编码",
    "部门名称",
    "文件",
    "工作表",
    "单元格",
    "级别",
    "代码",
    "问题",
    "处理建议",
];
/// Columns of 身份冲突.
pub const CONFLICT_HEADERS: [&str; 8] = [
    "文件",
    "类别",
    "模板部门编码",
    "模板部门名称",
    "文件所示部门编码",
    "文件所示部门名称",
    "依据",
    "处理",
];
/// Columns of each department's score sheet (the reference appendix's layout).
pub const DEPARTMENT_HEADERS: [&str; 9] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "目标值",
    "实际完成值",
    "权重",
    "得分",
    "得分率",
    "计分说明",
];
/// Columns of 未报送.
pub const MISSING_HEADERS: [&str; 5] = ["部门编码", "部门名称", "联系人", "联系电话", "邮箱"];
