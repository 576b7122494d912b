//! The department template (`{年度}_{编码}_{名称}_部门整体绩效自评表.xlsx`) and the returns read
//! back from it: sheets, columns, 基本信息 items, `_meta` keys.

use super::columns;

/// 绩效指标: the locked column after the others holding last year's actual, when known.
pub const PREVIOUS_ACTUAL: &str = "上年实际完成值";
/// 上年实际完成值 of an indicator without one (new this year, or not reported).
pub const NO_PREVIOUS: &str = "—";

/// Version written into `_meta`; the reader accepts templates of this version.
pub const TEMPLATE_VERSION: &str = "jixiao-template-1";

/// 填报说明 sheet.
pub const SHEET_GUIDE: &str = "填报说明";
/// 基本信息 sheet.
pub const SHEET_INFO: &str = "基本信息";
/// 预算执行 sheet.
pub const SHEET_BUDGET: &str = "预算执行";
/// 绩效指标 sheet.
pub const SHEET_INDICATORS: &str = "绩效指标";
/// Very hidden identity sheet.
pub const SHEET_META: &str = "_meta";
/// The sheets a return is read from.
pub const READ_SHEETS: [&str; 4] = [SHEET_INFO, SHEET_BUDGET, SHEET_INDICATORS, SHEET_META];

columns!(
    /// Columns of 绩效指标.
    IndicatorCol {
        /// 指标编码.
        Code = "指标编码",
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
        /// 评分标准.
        Criteria = "评分标准",
        /// 实际完成值 (input).
        Actual = "实际完成值",
        /// 自评得分 (input).
        SelfScore = "自评得分",
        /// 偏差原因及改进措施 (input).
        Reason = "偏差原因及改进措施",
        /// 佐证材料 (input).
        Evidence = "佐证材料",
    }
);

columns!(
    /// Columns of 预算执行.
    BudgetCol {
        /// 序号.
        No = "序号",
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
        /// 执行数 (input).
        Spent = "执行数",
        /// 执行率 (formula).
        Rate = "执行率",
        /// 备注 (input).
        Note = "备注",
    }
);

columns!(
    /// Columns of 基本信息 (项目 | 内容 | 填写说明).
    InfoCol {
        /// 项目.
        Item = "项目",
        /// 内容.
        Value = "内容",
        /// 填写说明.
        Help = "填写说明",
    }
);

/// Rows of 基本信息 (项目 | 内容 | 填写说明); the first three are locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoItem {
    /// 部门编码 (locked).
    DeptCode,
    /// 部门名称 (locked).
    DeptName,
    /// 评价年度 (locked).
    Year,
    /// 填报人.
    Filler,
    /// 联系电话.
    Phone,
    /// 填报日期.
    Filled,
    /// 编制人数.
    StaffQuota,
    /// 实有人数.
    StaffActual,
    /// 主要职责 (long text, for the report draft).
    Duties,
}

impl InfoItem {
    /// Every item, in sheet order.
    pub const ALL: [InfoItem; 9] = [
        InfoItem::DeptCode,
        InfoItem::DeptName,
        InfoItem::Year,
        InfoItem::Filler,
        InfoItem::Phone,
        InfoItem::Filled,
        InfoItem::StaffQuota,
        InfoItem::StaffActual,
        InfoItem::Duties,
    ];

    /// The 项目 text.
    pub const fn label(self) -> &'static str {
        match self {
            InfoItem::DeptCode => "部门编码",
            InfoItem::DeptName => "部门名称",
            InfoItem::Year => "评价年度",
            InfoItem::Filler => "填报人",
            InfoItem::Phone => "联系电话",
            InfoItem::Filled => "填报日期",
            InfoItem::StaffQuota => "编制人数",
            InfoItem::StaffActual => "实有人数",
            InfoItem::Duties => "主要职责",
        }
    }

    /// The 填写说明 text.
    pub const fn help(self) -> &'static str {
        match self {
            InfoItem::DeptCode | InfoItem::DeptName | InfoItem::Year => "由财政局填写，不可修改",
            InfoItem::Filler => "填写本表的经办人姓名",
            InfoItem::Phone => "经办人手机或座机，便于财政局联系",
            InfoItem::Filled => "填写报送当天的日期",
            InfoItem::StaffQuota => "年末编制人数（整数）",
            InfoItem::StaffActual => "年末实有在编人数（整数）",
            InfoItem::Duties => {
                "部门主要职责和内设机构概况（可分条填写，用于生成自评价报告初稿，可不填）"
            }
        }
    }
}

/// Keys of the `_meta` sheet (项目 | 值).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaKey {
    /// 模板版本.
    Version,
    /// 部门编码.
    DeptCode,
    /// 部门名称.
    DeptName,
    /// 评价年度.
    Year,
    /// 方案指纹.
    Fingerprint,
    /// 生成工具.
    Tool,
}

impl MetaKey {
    /// The key text.
    pub const fn key(self) -> &'static str {
        match self {
            MetaKey::Version => "模板版本",
            MetaKey::DeptCode => "部门编码",
            MetaKey::DeptName => "部门名称",
            MetaKey::Year => "评价年度",
            MetaKey::Fingerprint => "方案指纹",
            MetaKey::Tool => "生成工具",
        }
    }
}

/// Header row of `_meta`.
pub const META_HEADERS: [&str; 2] = ["项目", "值"];
/// `_meta` row key prefix of an indicator's locked values as issued.
pub const ISSUED_INDICATOR: &str = "指标:";
/// `_meta` row key prefix of a budget line's locked values as issued.
pub const ISSUED_BUDGET: &str = "预算:";

/// Labels of the subtotal and total rows of 预算执行; the reader stops at them.
pub const BUDGET_TOTAL_LABELS: [&str; 3] = ["基本支出小计", "项目支出小计", TOTAL_LABEL];
/// The label of a total row (预算执行, 绩效指标).
pub const TOTAL_LABEL: &str = "合计";
/// Spare unlocked rows on 预算执行 for projects added during the year.
pub const SPARE_BUDGET_ROWS: u32 = 12;
