//! The Word report drafts' tables: their header rows, for the writer and the tests alike.

/// 表1 支出预算总表.
pub const BUDGET: [&str; 5] = ["支出类型", "年初预算", "调整后预算", "执行数", "执行率"];
/// 表2 项目支出执行情况.
pub const PROJECTS: [&str; 4] = ["项目名称", "调整后预算", "执行数", "执行率"];
/// 5.1 评价得分, as the reference lays it out.
pub const SCORES: [&str; 3] = ["评价维度", "分值", "得分"];
/// 附件: every indicator.
pub const APPENDIX: [&str; 7] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "目标值",
    "实际完成值",
    "权重",
    "得分",
];
/// The city report's ranking.
pub const RANKING: [&str; 5] = ["排名", "部门", "总分", "等级", "审核状态"];
/// The grade distribution.
pub const GRADES: [&str; 3] = ["等级", "部门数", "部门"];
/// Budget execution by department.
pub const BUDGET_BY_DEPT: [&str; 5] = ["部门", "调整后预算", "执行数", "执行率", "说明"];
/// The indicators on which most points were lost.
pub const LOST: [&str; 5] = ["指标编码", "三级指标", "失分部门数", "失分合计", "失分部门"];
/// This year beside last year.
pub const YEARS: [&str; 3] = ["项目", "上年", "本年"];
/// Findings by kind.
pub const FINDINGS: [&str; 4] = ["级别", "代码", "问题", "次数"];
