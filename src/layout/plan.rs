//! 评价方案.xlsx: its sheets and columns.

use super::columns;

/// 方案 sheet.
pub const SHEET_SETTINGS: &str = "方案";
/// 部门 sheet.
pub const SHEET_DEPARTMENTS: &str = "部门";
/// 指标 sheet.
pub const SHEET_INDICATORS: &str = "指标";
/// 预算 sheet.
pub const SHEET_BUDGET: &str = "预算";
/// 计分方式说明 sheet (written by `init`, not read).
pub const SHEET_RULES: &str = "计分方式说明";

columns!(
    /// Columns of 方案.
    SettingsCol {
        /// 项目.
        Item = "项目",
        /// 值.
        Value = "值",
    }
);

columns!(
    /// Columns of 部门.
    DepartmentCol {
        /// 部门编码.
        Code = "部门编码",
        /// 部门名称.
        Name = "部门名称",
        /// 指标组.
        Group = "指标组",
        /// 联系人.
        Contact = "联系人",
        /// 联系电话.
        Phone = "联系电话",
        /// 邮箱.
        Email = "邮箱",
    }
);

columns!(
    /// Columns of 指标.
    IndicatorCol {
        /// 指标编码.
        Code = "指标编码",
        /// 指标组.
        Group = "指标组",
        /// 评价维度.
        Dimension = "评价维度",
        /// 一级指标.
        Level1 = "一级指标",
        /// 二级指标.
        Level2 = "二级指标",
        /// 三级指标.
        Level3 = "三级指标",
        /// 目标值.
        Target = "目标值",
        /// 权重.
        Weight = "权重",
        /// 计分方式.
        Rule = "计分方式",
        /// 评分标准.
        Criteria = "评分标准",
        /// 目标值来源.
        Source = "目标值来源",
        /// 基准值.
        Baseline = "基准值",
        /// 可不适用: 是 when a department may answer 不适用.
        MayNotApply = "可不适用",
        /// 实际值来源: the actual is computed from the return's 预算执行 rows.
        ActualSource = "实际值来源",
    }
);

columns!(
    /// Columns of 预算.
    BudgetCol {
        /// 部门编码.
        Dept = "部门编码",
        /// 项目名称.
        Name = "项目名称",
        /// 项目性质.
        Nature = "项目性质",
        /// 支出类型.
        Kind = "支出类型",
        /// 年初预算.
        Initial = "年初预算",
        /// 调整后预算.
        Adjusted = "调整后预算",
    }
);

/// The 项目 of the 方案 sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKey {
    /// 评价年度.
    Year,
    /// 评价名称.
    Name,
    /// 组织单位.
    Organiser,
    /// 行政区划: the place whose departments are evaluated (青山县, 某某区, 连云港市).
    Region,
    /// 报送截止日期.
    Deadline,
    /// 退回重报期限.
    ResubmitDays,
    /// 等级划分.
    Grades,
    /// 执行率预警线.
    WarnRate,
    /// 自评差异容差.
    Tolerance,
    /// 说明.
    Note,
    /// 发件人: the name on messages jixiao writes.
    Sender,
    /// 发件邮箱: the address messages come from and returns go to.
    SenderEmail,
}

impl SettingKey {
    /// The 项目 text.
    pub const fn key(self) -> &'static str {
        match self {
            SettingKey::Year => "评价年度",
            SettingKey::Name => "评价名称",
            SettingKey::Organiser => "组织单位",
            SettingKey::Region => "行政区划",
            SettingKey::Deadline => "报送截止日期",
            SettingKey::ResubmitDays => "退回重报期限",
            SettingKey::Grades => "等级划分",
            SettingKey::WarnRate => "执行率预警线",
            SettingKey::Tolerance => "自评差异容差",
            SettingKey::Note => "说明",
            SettingKey::Sender => "发件人",
            SettingKey::SenderEmail => "发件邮箱",
        }
    }
}
