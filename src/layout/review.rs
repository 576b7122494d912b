//! 复核表.xlsx, the bureau's review workbook that `collect` writes and reads back: its sheet,
//! columns, the hidden sheet's keys; and the 复核记录 sheet of the consolidated workbook.

use super::columns;

/// The review workbook's file name in the output folder.
pub const REVIEW_FILE: &str = "复核表.xlsx";
/// The year folder's folder for filled review workbooks.
pub const REVIEW_DIR: &str = "复核";
/// Review workbooks that lay in the output folder, kept in the new output when used.
pub const USED_REVIEW_DIR: &str = "已用复核表";
/// The sheet the reviewer fills.
pub const SHEET_REVIEW: &str = "复核表";
/// The very hidden sheet: plan fingerprint, per-department return fingerprints, the draw.
pub const SHEET_REVIEW_META: &str = "_review";
/// `_review` columns.
pub const REVIEW_META_HEADERS: [&str; 2] = ["项目", "值"];
/// Marks a review workbook (`_review`: 文件类型).
pub const REVIEW_KIND: &str = "jixiao-review-1";

columns!(
    /// Columns of 复核表.
    ReviewCol {
        /// 部门编码.
        Dept = "部门编码",
        /// 部门名称.
        Name = "部门名称",
        /// 指标编码.
        Indicator = "指标编码",
        /// 三级指标.
        Level3 = "三级指标",
        /// 权重.
        Weight = "权重",
        /// 实际完成值.
        Actual = "实际完成值",
        /// 自评得分.
        SelfScore = "自评得分",
        /// 系统得分.
        Computed = "系统得分",
        /// 计分说明.
        Explanation = "计分说明",
        /// 复核原因.
        Why = "复核原因",
        /// 复核状态: 待复核, 已复核, 需重新复核.
        State = "复核状态",
        /// 复核得分 (input).
        Reviewed = "复核得分",
        /// 复核意见 (input).
        Opinion = "复核意见",
        /// 复核人 (input).
        Reviewer = "复核人",
        /// 复核日期 (input).
        Date = "复核日期",
    }
);

/// Keys of `_review`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewMeta {
    /// 文件类型 = [`REVIEW_KIND`].
    Kind,
    /// 评价年度.
    Year,
    /// 方案指纹.
    Plan,
    /// 抽查种子.
    Seed,
    /// 抽查部门 (codes joined by `,`).
    Drawn,
    /// 抽查范围: the departments drawn from (codes joined by `,`).
    DrawnFrom,
}

impl ReviewMeta {
    /// The key text.
    pub const fn key(self) -> &'static str {
        match self {
            ReviewMeta::Kind => "文件类型",
            ReviewMeta::Year => "评价年度",
            ReviewMeta::Plan => "方案指纹",
            ReviewMeta::Seed => "抽查种子",
            ReviewMeta::Drawn => "抽查部门",
            ReviewMeta::DrawnFrom => "抽查范围",
        }
    }
}

/// `_review` key prefix of a department's return fingerprint: `报送:001`.
pub const RETURN_PREFIX: &str = "报送:";

/// 复核状态 words.
pub const STATE_PENDING: &str = "待复核";
/// A review still valid, prefilled.
pub const STATE_DONE: &str = "已复核";
/// A review whose return changed since.
pub const STATE_AGAIN: &str = "需重新复核";

/// The consolidated workbook's 复核记录 sheet.
pub const SHEET_REVIEWS: &str = "复核记录";
/// Columns of 复核记录.
pub const REVIEWS_HEADERS: [&str; 13] = [
    "部门编码",
    "部门名称",
    "指标编码",
    "三级指标",
    "系统得分",
    "自评得分",
    "复核得分",
    "调整",
    "复核意见",
    "复核人",
    "复核日期",
    "复核表及单元格",
    "结果",
];
/// 汇总排名's column for the change reviews made to a total.
pub const RANKING_REVIEW: &str = "复核调整";
