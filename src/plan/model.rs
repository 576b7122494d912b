//! The typed plan: settings, departments, indicators and budget lines.
//!
//! A [`Plan`] is only ever built by [`crate::plan::parse`], so every value in it has been
//! checked: codes are unique, weights of every department total 100, targets and rules are
//! readable and compatible, budgets are non-negative.

use super::{Rule, Target};
use crate::domain::{Date, DeptCode, IndicatorCode, Money, Score};
use foldhash::HashMap;
use rust_decimal::Decimal;

/// Plan text shared between rows: a province's plan repeats its indicator names, criteria and
/// sources across thousands of departments, and each distinct text is stored once.
///
/// A thin pointer (8 bytes, where `Arc<str>` takes 16): an indicator holds nine of them, and a
/// province's plan half a million indicators.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text(std::sync::Arc<String>);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self(std::sync::Arc::new(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self(std::sync::Arc::new(s.to_string()))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The 指标组 that applies to every department.
pub const COMMON_GROUP: &str = "共性";

/// The whole plan workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// File name used in locations (`评价方案.xlsx`).
    pub file: String,
    /// The 方案 sheet.
    pub settings: Settings,
    /// Departments, sorted by code.
    pub departments: Vec<Department>,
    /// Indicators in plan order.
    pub indicators: Vec<Indicator>,
    /// Budget lines in plan order.
    pub budget: Vec<BudgetLine>,
    /// Indicator positions per 指标组, and budget line positions per department: built once
    /// so that per-department lookups do not scan the whole plan.
    index: Index,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Index {
    groups: HashMap<String, Vec<usize>>,
    budget: HashMap<DeptCode, Vec<usize>>,
}

/// The 方案 sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// 评价年度.
    pub year: i32,
    /// 评价名称.
    pub name: String,
    /// 组织单位.
    pub organiser: String,
    /// The place evaluated and its level (行政区划, or what 组织单位 names).
    pub region: Region,
    /// 报送截止日期, when the plan gives one.
    pub deadline: Option<Date>,
    /// 退回重报期限: days a department has to resubmit a return sent back, counted from the
    /// run's date (default 7).
    pub resubmit_days: u32,
    /// 等级划分.
    pub grades: GradeScale,
    /// 执行率预警线, in percent (90 for 90%).
    pub warn_rate: Decimal,
    /// 自评差异容差, in points.
    pub tolerance: Score,
    /// 说明: free text, e.g. that the plan is sample data.
    pub note: String,
    /// 发件人 (blank: 组织单位).
    pub sender: String,
    /// 发件邮箱 (blank: messages are written without a From address).
    pub sender_email: String,
}

/// The level of a government: what the whole of its departments is called (全县, 全市 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionLevel {
    /// 省 (and 自治区: 全区).
    Province,
    /// 自治区.
    AutonomousRegion,
    /// 市.
    City,
    /// 自治州.
    Prefecture,
    /// 县.
    County,
    /// 旗.
    Banner,
    /// 区 (a city's district).
    District,
}

impl RegionLevel {
    /// The level a place name ends with (`青山县` → 县), if any.
    pub fn of_name(name: &str) -> Option<Self> {
        let n = name.trim();
        Some(if n.ends_with("自治区") {
            RegionLevel::AutonomousRegion
        } else if n.ends_with('省') {
            RegionLevel::Province
        } else if n.ends_with('州') {
            RegionLevel::Prefecture
        } else if n.ends_with('市') {
            RegionLevel::City
        } else if n.ends_with('县') {
            RegionLevel::County
        } else if n.ends_with('旗') {
            RegionLevel::Banner
        } else if n.ends_with('区') {
            RegionLevel::District
        } else {
            return None;
        })
    }

    /// The one character a level is called by: 省, 区, 市, 州, 县, 旗.
    pub fn short(self) -> &'static str {
        match self {
            RegionLevel::Province => "省",
            RegionLevel::AutonomousRegion | RegionLevel::District => "区",
            RegionLevel::City => "市",
            RegionLevel::Prefecture => "州",
            RegionLevel::County => "县",
            RegionLevel::Banner => "旗",
        }
    }
}

/// The place evaluated: its name (empty when the plan names none) and level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// 青山县; empty when neither 行政区划 nor 组织单位 names a place.
    pub name: String,
    /// Its level.
    pub level: RegionLevel,
    /// Where the level came from, for the 说明 sheet.
    pub source: RegionSource,
}

/// Where a plan's [`Region`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionSource {
    /// 行政区划.
    Given,
    /// The start of 组织单位 (青山县财政局 → 青山县).
    Organiser,
    /// Neither says: a city, by default.
    Default,
}

impl Region {
    /// The region of a plan: 行政区划 when given, else the place 组织单位 starts with (the
    /// part before 财政, when it ends with a level: 青山县财政局 → 青山县, 市财政局 → 市), else
    /// a city.
    pub fn of(given: &str, organiser: &str) -> Self {
        let given = given.trim();
        if let Some(level) = RegionLevel::of_name(given) {
            return Region {
                name: given.to_string(),
                level,
                source: RegionSource::Given,
            };
        }
        let head = organiser.split("财政").next().unwrap_or("").trim();
        match RegionLevel::of_name(head).filter(|_| organiser.contains("财政")) {
            Some(level) => Region {
                name: if head.chars().count() > 1 {
                    head.to_string()
                } else {
                    String::new()
                },
                level,
                source: RegionSource::Organiser,
            },
            None => Region {
                name: String::new(),
                level: RegionLevel::City,
                source: RegionSource::Default,
            },
        }
    }

    /// 全县, 全区, 全市, 全省 …: every department of the place.
    pub fn whole(&self) -> String {
        format!("全{}", self.level.short())
    }

    /// Who runs the evaluation when the plan names nobody: 青山县财政局, or 市财政局.
    pub fn bureau(&self) -> String {
        if self.name.is_empty() {
            format!("{}财政局", self.level.short())
        } else {
            format!("{}财政局", self.name)
        }
    }
}

impl Settings {
    /// 组织单位 without the contact details it may carry (「预算股（联系电话 0731-…）」 →
    /// 「预算股」), for a sentence; the bureau of the region when the plan names nobody.
    pub fn organiser_name(&self) -> String {
        let full = self.organiser_or_bureau();
        let mut out = String::new();
        let mut depth = 0;
        let mut held = String::new();
        for c in full.chars() {
            match c {
                '（' | '(' => {
                    depth += 1;
                    held.push(c);
                }
                '）' | ')' if depth > 0 => {
                    depth -= 1;
                    held.push(c);
                    if depth == 0 {
                        if !(held.contains("电话")
                            || held.contains("联系")
                            || held.contains("邮箱"))
                        {
                            out.push_str(&held);
                        }
                        held.clear();
                    }
                }
                c if depth > 0 => held.push(c),
                c => out.push(c),
            }
        }
        out.push_str(&held);
        out.trim().to_string()
    }

    /// 组织单位, or the bureau of the region when the plan names nobody.
    pub fn organiser_or_bureau(&self) -> String {
        if self.organiser.trim().is_empty() {
            self.region.bureau()
        } else {
            self.organiser.clone()
        }
    }

    /// A date to show in examples (`如 2025-05-10`): ten days before the deadline, else
    /// 10 May of the year after the evaluated one.
    pub fn example_date(&self) -> Date {
        self.deadline
            .map(|d| d.add_days(-10))
            .or_else(|| Date::new(self.year + 1, 5, 10))
            .unwrap_or(Date {
                year: self.year + 1,
                month: 5,
                day: 10,
            })
    }

    /// The deadline as users read it, or `fallback` when the plan has none.
    pub fn deadline_text(&self, fallback: &str) -> String {
        self.deadline
            .map(|d| d.to_string())
            .unwrap_or_else(|| fallback.to_string())
    }
}

/// Grades with their lower bounds, best first (`优:90,良:80,中:60,差:0`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeScale(pub Vec<(String, Decimal)>);

impl GradeScale {
    /// The grade of a total: the first whose lower bound the total reaches.
    pub fn grade(&self, total: Score) -> &str {
        self.0
            .iter()
            .find(|(_, min)| total.value() >= *min)
            .or(self.0.last())
            .map(|(g, _)| g.as_str())
            .unwrap_or("")
    }
}

impl Default for GradeScale {
    fn default() -> Self {
        Self(
            [("优", 90), ("良", 80), ("中", 60), ("差", 0)]
                .into_iter()
                .map(|(g, v)| (g.to_string(), Decimal::from(v)))
                .collect(),
        )
    }
}

/// One row of the 部门 sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Department {
    /// 部门编码.
    pub code: DeptCode,
    /// 部门名称.
    pub name: String,
    /// 指标组.
    pub group: String,
    /// 联系人.
    pub contact: String,
    /// 联系电话.
    pub phone: String,
    /// 邮箱.
    pub email: String,
    /// 0-based sheet row.
    pub row: u32,
}

/// One row of the 指标 sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// 指标编码.
    pub code: IndicatorCode,
    /// 指标组.
    pub group: Text,
    /// 评价维度, or 一级指标 when the plan leaves it blank.
    pub dimension: Text,
    /// 一级指标.
    pub level1: Text,
    /// 二级指标.
    pub level2: Text,
    /// 三级指标.
    pub level3: Text,
    /// 目标值 as written.
    pub target_text: Text,
    /// 目标值, parsed.
    pub target: std::sync::Arc<Target>,
    /// 权重.
    pub weight: Score,
    /// 计分方式 as written (blank when inferred).
    pub rule_text: Text,
    /// 计分方式, parsed or inferred (shared by the indicators with the same rule).
    pub rule: std::sync::Arc<Rule>,
    /// 评分标准.
    pub criteria: Text,
    /// 目标值来源.
    pub target_source: Text,
    /// 基准值 (last year's figure for 趋势).
    pub baseline: Option<Decimal>,
    /// The year whose accepted return the 基准值 was taken from, when the plan left it blank
    /// and jixiao took the department's actual of last year; `None` for the plan's own.
    pub baseline_from: Option<i32>,
    /// 可不适用: the department may answer 不适用; the indicator then drops out and the total
    /// is rescaled.
    pub may_not_apply: bool,
    /// 实际值来源: the actual is computed from the return's 预算执行 rows, not typed.
    pub computed: Option<ActualSource>,
    /// 0-based sheet row.
    pub row: u32,
}

impl Indicator {
    /// The figure a 趋势 indicator is compared with, as the template and the 计分说明 show
    /// it: `基准值 50`, or `基准值取自 2025 年报送 55`. `None` for other rules and for a 趋势
    /// without one (the department then answers with a direction).
    pub fn baseline_shown(&self) -> Option<String> {
        if !matches!(*self.rule, Rule::Trend(_)) {
            return None;
        }
        let b = crate::domain::fmt_plain(self.baseline?);
        Some(match self.baseline_from {
            Some(year) => format!("基准值取自 {year} 年报送 {b}"),
            None => format!("基准值 {b}"),
        })
    }
}

/// Where a computed 实际完成值 comes from: an execution rate of the return's 预算执行 rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActualSource {
    /// 预算执行率: 执行数 / 调整后预算 over every line.
    Total,
    /// 基本支出执行率.
    Basic,
    /// 项目支出执行率.
    Project,
}

impl ActualSource {
    /// Every source, in the order the plan check lists them.
    pub const ALL: [ActualSource; 3] = [
        ActualSource::Total,
        ActualSource::Basic,
        ActualSource::Project,
    ];

    /// The plan's word.
    pub fn label(self) -> &'static str {
        match self {
            ActualSource::Total => "预算执行率",
            ActualSource::Basic => "基本支出执行率",
            ActualSource::Project => "项目支出执行率",
        }
    }

    /// Reads the plan's word.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.label() == s)
    }
}

/// 支出类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExpenseKind {
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
}

impl ExpenseKind {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            ExpenseKind::Basic => "基本支出",
            ExpenseKind::Project => "项目支出",
        }
    }

    /// Reads the Chinese name.
    pub fn parse(s: &str) -> Option<Self> {
        match crate::text::normalize_text(s).as_str() {
            "基本支出" | "基本" => Some(ExpenseKind::Basic),
            "项目支出" | "项目" => Some(ExpenseKind::Project),
            _ => None,
        }
    }
}

/// One row of the 预算 sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    /// 部门编码.
    pub dept: DeptCode,
    /// 项目名称.
    pub name: String,
    /// 项目性质 (经常性项目, 一次性项目 …).
    pub nature: String,
    /// 支出类型.
    pub kind: ExpenseKind,
    /// 年初预算.
    pub initial: Money,
    /// 调整后预算 (年初预算 when the plan leaves it blank).
    pub adjusted: Money,
    /// 0-based sheet row.
    pub row: u32,
}

impl Plan {
    /// Assembles a plan from checked parts (departments sorted by code) and indexes it.
    pub(crate) fn new(
        file: String,
        settings: Settings,
        departments: Vec<Department>,
        indicators: Vec<Indicator>,
        budget: Vec<BudgetLine>,
    ) -> Self {
        let mut index = Index::default();
        for (i, ind) in indicators.iter().enumerate() {
            index
                .groups
                .entry(ind.group.to_string())
                .or_default()
                .push(i);
        }
        for (i, b) in budget.iter().enumerate() {
            index.budget.entry(b.dept.clone()).or_default().push(i);
        }
        Self {
            file,
            settings,
            departments,
            indicators,
            budget,
            index,
        }
    }

    /// The department with this code.
    pub fn department(&self, code: &DeptCode) -> Option<&Department> {
        self.departments
            .binary_search_by(|d| d.code.cmp(code))
            .ok()
            .map(|i| &self.departments[i])
    }

    /// The indicators that apply to a department: 共性 first, then its own group, in plan order.
    pub fn indicators_for<'a>(&'a self, dept: &Department) -> Vec<&'a Indicator> {
        let positions = |g: &str| self.index.groups.get(g).into_iter().flatten();
        let common = positions(COMMON_GROUP);
        let own = positions(&dept.group).filter(|_| dept.group != COMMON_GROUP);
        common.chain(own).map(|&i| &self.indicators[i]).collect()
    }

    /// The budget lines of a department, in plan order.
    pub fn budget_for<'a>(
        &'a self,
        dept: &DeptCode,
    ) -> impl Iterator<Item = &'a BudgetLine> + use<'a> {
        let positions = self
            .index
            .budget
            .get(dept)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        positions.iter().map(|&i| &self.budget[i])
    }
}

#[cfg(test)]
mod size_tests {
    /// A province's plan holds half a million indicators: their size is the plan's memory.
    #[test]
    fn an_indicator_stays_small() {
        let size = size_of::<super::Indicator>();
        assert!(size <= 168, "Indicator is {size} bytes");
    }
}
