//! 指标: every indicator with its target, weight and rule checked; texts interned; weights
//! summed per 指标组 as rows arrive.

use super::*;
use crate::plan::{Rule, RuleError, TargetError};
use std::sync::Arc;

/// A list that grows in fixed blocks and is joined once into an exactly sized `Vec`: a
/// doubling `Vec` of a province's half a million indicators (~300 bytes each) would hold the
/// old and the new buffer together while it grows, twice the plan itself.
pub(super) struct Blocks<T> {
    pub(super) full: Vec<Vec<T>>,
    pub(super) current: Vec<T>,
}

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Self {
            full: Vec::new(),
            current: Vec::new(),
        }
    }
}

impl<T> Blocks<T> {
    const BLOCK: usize = 4096;

    pub(super) fn push(&mut self, item: T) {
        if self.current.len() == Self::BLOCK {
            let full = std::mem::replace(&mut self.current, Vec::with_capacity(Self::BLOCK));
            self.full.push(full);
        } else if self.current.capacity() == 0 {
            self.current.reserve_exact(Self::BLOCK);
        }
        self.current.push(item);
    }

    /// Every item in order; each block is freed as soon as it is moved.
    pub(super) fn into_vec(self) -> Vec<T> {
        let len = self.full.len() * Self::BLOCK + self.current.len();
        let mut all = Vec::with_capacity(len);
        for block in self.full {
            all.extend(block);
        }
        all.extend(self.current);
        all
    }
}

/// Each distinct text once: rows that repeat a name share it.
#[derive(Default)]
pub(super) struct Interner(HashSet<Text>);

impl Interner {
    pub(super) fn get(&mut self, s: String) -> Text {
        if let Some(t) = self.0.get(s.as_str()) {
            return t.clone();
        }
        let t: Text = s.into();
        self.0.insert(t.clone());
        t
    }
}

/// Each distinct 计分方式 once: a province's plan repeats a handful of rules across half a
/// million rows, so each rule text is parsed once and indicators share the result.
#[derive(Default)]
pub(super) struct Rules {
    /// Rules written in the plan, by their text.
    written: HashMap<String, Result<Arc<Rule>, RuleError>>,
    /// Rules inferred from a target (a few small ones).
    inferred: Vec<Arc<Rule>>,
}

impl Rules {
    /// The rule of this text, parsed the first time it is seen.
    fn written(&mut self, text: &str) -> Result<Arc<Rule>, RuleError> {
        if let Some(known) = self.written.get(text) {
            return known.clone();
        }
        let parsed = parse_rule(text).map(Arc::new);
        self.written.insert(text.to_string(), parsed.clone());
        parsed
    }

    /// The rule a blank 计分方式 takes from this target.
    fn inferred(&mut self, target: &Target) -> Arc<Rule> {
        let rule = infer_rule(target);
        if let Some(known) = self.inferred.iter().find(|r| ***r == rule) {
            return known.clone();
        }
        let rule = Arc::new(rule);
        self.inferred.push(rule.clone());
        rule
    }
}

/// Each distinct 目标值 once, parsed the first time it is seen: a province's plan repeats a few
/// hundred targets (完成, ≥90% …) across half a million rows.
#[derive(Default)]
pub(super) struct Targets(HashMap<Text, Result<Arc<Target>, TargetError>>);

impl Targets {
    /// The target of this text.
    fn get(&mut self, text: &Text) -> Result<Arc<Target>, TargetError> {
        if let Some(known) = self.0.get(text.as_str()) {
            return known.clone();
        }
        let parsed = parse_target(text).map(Arc::new);
        self.0.insert(text.clone(), parsed.clone());
        parsed
    }
}

/// The weight total of each 指标组 over every indicator row whose weight could be read, so
/// that one bad target does not also make every department's weights look wrong.
pub(super) type GroupWeights = HashMap<Text, Decimal>;

/// 指标: the valid indicators and the weights of every group.
#[derive(Default)]
pub(super) struct IndicatorRows {
    pub(super) seen: HashMap<IndicatorCode, u32>,
    pub(super) texts: Interner,
    pub(super) rules: Rules,
    pub(super) targets: Targets,
    pub(super) out: Blocks<Indicator>,
    pub(super) weights: GroupWeights,
}

impl SheetRows for IndicatorRows {
    const SHEET: &'static str = SHEET_INDICATORS;
    const REQUIRED: &'static [&'static str] = &[
        IndicatorCol::Code.header(),
        IndicatorCol::Group.header(),
        IndicatorCol::Level1.header(),
        IndicatorCol::Level2.header(),
        IndicatorCol::Level3.header(),
        IndicatorCol::Target.header(),
        IndicatorCol::Weight.header(),
    ];
    const OPTIONAL: &'static [&'static str] = &[
        IndicatorCol::Dimension.header(),
        IndicatorCol::Rule.header(),
        IndicatorCol::Criteria.header(),
        IndicatorCol::Source.header(),
        IndicatorCol::Baseline.header(),
        IndicatorCol::MayNotApply.header(),
        IndicatorCol::ActualSource.header(),
    ];

    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors) {
        const S: &str = SHEET_INDICATORS;
        let code = IndicatorCode::new(t.text(row, IndicatorCol::Code.header()));
        if code.as_str().is_empty() {
            errors.at(
                S,
                t.cell(row, IndicatorCol::Code.header()),
                "指标编码为空".into(),
            );
            return;
        }
        if let Some(first) = self.seen.get(&code) {
            errors.at(
                S,
                t.cell(row, IndicatorCol::Code.header()),
                format!("指标编码「{code}」重复（第 {} 行已使用）", first + 1),
            );
            return;
        }
        self.seen.insert(code.clone(), row.row);
        let mut ok = true;
        let mut need = |col: &str, errors: &mut Errors| {
            let v = t.text(row, col);
            if v.is_empty() {
                errors.at(S, t.cell(row, col), format!("指标「{code}」的{col}为空"));
                ok = false;
            }
            v
        };
        let group = need(IndicatorCol::Group.header(), errors);
        let level1 = need(IndicatorCol::Level1.header(), errors);
        let level2 = need(IndicatorCol::Level2.header(), errors);
        let level3 = need(IndicatorCol::Level3.header(), errors);
        let target_text = self.texts.get(t.text(row, IndicatorCol::Target.header()));
        let target = match self.targets.get(&target_text) {
            Ok(target) => Some(target),
            Err(e) => {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::Target.header()),
                    format!("指标「{code}」{e}"),
                );
                None
            }
        };
        let weight_text = t.text(row, IndicatorCol::Weight.header());
        let weight = match parse_plain_number(&weight_text) {
            Some(w) if w > Decimal::ZERO => Some(Score(w)),
            _ => {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::Weight.header()),
                    format!("指标「{code}」的权重「{weight_text}」无效，应为大于 0 的数值"),
                );
                None
            }
        };
        let group = self.texts.get(group);
        if let Some(w) = weight
            && !group.is_empty()
        {
            *self.weights.entry(group.clone()).or_default() += w.value();
        }
        let rule_text = t.text(row, IndicatorCol::Rule.header());
        let rule = match (&target, rule_text.is_empty()) {
            (Some(target), true) => Some(self.rules.inferred(target)),
            (_, false) => match self.rules.written(&rule_text) {
                Ok(rule) => Some(rule),
                Err(e) => {
                    errors.at(
                        S,
                        t.cell(row, IndicatorCol::Rule.header()),
                        format!("指标「{code}」{e}"),
                    );
                    None
                }
            },
            (None, true) => None,
        };
        // A target of 0 without a unit takes its rule's (`≤0` with `每满1%扣0.5` is `≤0%`).
        let target = match (&rule, target) {
            (Some(rule), Some(parsed)) => match unit_for_zero(rule, &parsed, &target_text) {
                Ok(Some(with_unit)) => Some(Arc::new(with_unit)),
                Ok(None) => Some(parsed),
                Err(e) => {
                    errors.at(
                        S,
                        t.cell(row, IndicatorCol::Target.header()),
                        format!("指标「{code}」{e}"),
                    );
                    Some(parsed)
                }
            },
            (_, parsed) => parsed,
        };
        if let (Some(rule), Some(target), Some(weight)) = (&rule, &target, &weight)
            && let Err(e) = check_rule(rule, target, &target_text, weight.value())
        {
            errors.at(
                S,
                t.cell(row, IndicatorCol::Rule.header()),
                format!("指标「{code}」{e}"),
            );
        }
        let baseline_text = t.text(row, IndicatorCol::Baseline.header());
        let baseline = if baseline_text.is_empty() {
            None
        } else {
            let b = parse_plain_number(&baseline_text);
            if b.is_none() {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::Baseline.header()),
                    format!("指标「{code}」的基准值「{baseline_text}」不是数值"),
                );
            }
            b
        };
        let may_text = t.text(row, IndicatorCol::MayNotApply.header());
        let may_not_apply = match may_text.as_str() {
            "" | "否" => false,
            "是" => true,
            other => {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::MayNotApply.header()),
                    format!("指标「{code}」的可不适用「{other}」无效，应填「是」或留空"),
                );
                false
            }
        };
        let source_text = t.text(row, IndicatorCol::ActualSource.header());
        let computed = if source_text.is_empty() {
            None
        } else {
            let s = ActualSource::parse(&source_text);
            if s.is_none() {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::ActualSource.header()),
                    format!(
                        "指标「{code}」的实际值来源「{source_text}」无法识别，应为{}之一，或留空由部门填写",
                        ActualSource::ALL.map(|a| format!("「{}」", a.label())).join("")
                    ),
                );
            } else if !target.as_deref().is_some_and(Target::is_percent) {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::ActualSource.header()),
                    format!("指标「{code}」的实际值来源是执行率，目标值应为百分数，如「≥90%」"),
                );
            }
            s
        };
        let (Some(target), Some(weight), Some(rule), true) = (target, weight, rule, ok) else {
            return;
        };
        let dimension = match t.text(row, IndicatorCol::Dimension.header()) {
            d if d.is_empty() => level1.clone(),
            d => d,
        };
        let texts = &mut self.texts;
        self.out.push(Indicator {
            code,
            group,
            dimension: texts.get(dimension),
            level1: texts.get(level1),
            level2: texts.get(level2),
            level3: texts.get(level3),
            target_text,
            target,
            weight,
            rule_text: texts.get(rule_text),
            rule,
            criteria: texts.get(t.text(row, IndicatorCol::Criteria.header())),
            target_source: texts.get(t.text(row, IndicatorCol::Source.header())),
            baseline,
            baseline_from: None,
            may_not_apply,
            computed,
            row: row.row,
        });
    }
}
