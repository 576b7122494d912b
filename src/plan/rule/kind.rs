//! The catalogue of rule kinds: every [`Kind`] of 计分方式 → its Chinese name and the forms a
//! plan may write, each with what it means and a worked example.
//!
//! This is the one list a new kind is added to. The `计分方式说明` sheet of every plan is
//! written from it, a test parses every form and scores every example through the scorer
//! (`score::tests::kinds`), and another checks that the README's rule table lists each form.
//! [`Rule::kind`] maps a parsed rule to its kind without a catch-all, so the compiler names
//! this file when a variant is added to [`Rule`].

use super::Rule;

/// A family of 计分方式, as the plan names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 达标.
    Pass,
    /// 比例.
    Proportional,
    /// 反向比例.
    Inverse,
    /// 档次, by share or by step.
    Tiers,
    /// 扣分.
    Deduct,
    /// 趋势.
    Trend,
    /// 等级.
    Level,
    /// 评议.
    Review,
    /// 分段.
    Segments,
    /// 差额扣分.
    GapDeduct,
    /// 清单.
    Checklist,
    /// 定性.
    Qualitative,
    /// 反向比例:目标/实际.
    InverseRatio,
    /// 相对.
    Relative,
    /// 排名.
    Ranked,
    /// 区间.
    Range,
}

/// A worked example of a form: an indicator, a department's answer and the score it gets.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// 目标值.
    pub target: &'static str,
    /// 权重.
    pub weight: &'static str,
    /// 基准值 (趋势), `""` for none.
    pub baseline: &'static str,
    /// 实际完成值 as typed.
    pub answer: &'static str,
    /// 自评得分, `""` for none.
    pub self_score: &'static str,
    /// Other departments' values (相对, 排名).
    pub others: &'static [&'static str],
    /// The score, two decimals.
    pub score: &'static str,
}

/// One way of writing a kind in the plan.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// The 计分方式 text, as the dropdown offers it.
    pub rule: &'static str,
    /// What it means, in Chinese.
    pub meaning: &'static str,
    /// The example as the explanation sheet shows it.
    pub shown: &'static str,
    /// The same example, scored by the tests.
    pub examples: &'static [Example],
}

/// A kind's row of the catalogue: its name, what it depends on, and its forms.
struct Spec {
    label: &'static str,
    /// Scored against other departments' values (相对, 排名).
    peers: bool,
    /// The department's own score, for the bureau to review (评议, 定性).
    reviewed: bool,
    forms: &'static [Form],
}

/// An example with no baseline, no self-score and no other departments.
const fn plain(
    target: &'static str,
    weight: &'static str,
    answer: &'static str,
    score: &'static str,
) -> Example {
    Example {
        target,
        weight,
        baseline: "",
        answer,
        self_score: "",
        others: &[],
        score,
    }
}

impl Kind {
    /// Every kind, in the order the explanation sheet lists them.
    pub const ALL: [Kind; 16] = [
        Kind::Pass,
        Kind::Proportional,
        Kind::Inverse,
        Kind::Tiers,
        Kind::Deduct,
        Kind::Trend,
        Kind::Level,
        Kind::Review,
        Kind::Segments,
        Kind::GapDeduct,
        Kind::Checklist,
        Kind::Qualitative,
        Kind::InverseRatio,
        Kind::Relative,
        Kind::Ranked,
        Kind::Range,
    ];

    /// The kind's short Chinese name.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// Whether the score depends on other departments' values (相对, 排名).
    pub fn needs_peers(self) -> bool {
        self.spec().peers
    }

    /// Whether the score is the department's own, for the bureau to review (评议, 定性).
    pub fn is_reviewed(self) -> bool {
        self.spec().reviewed
    }

    /// The forms a plan may write for this kind, with their meaning and examples.
    pub fn forms(self) -> &'static [Form] {
        self.spec().forms
    }

    /// The kind's row of the catalogue.
    fn spec(self) -> Spec {
        match self {
            Kind::Pass => Spec {
                label: "达标",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "达标",
                        meaning: "达到目标得满分，否则 0 分",
                        shown: "目标「完成」，实际「完成」得满分",
                        examples: &[plain("完成", "2", "完成", "2.00")],
                    }]
                },
            },
            Kind::Proportional => Spec {
                label: "比例",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "比例",
                        meaning: "达到目标得满分，否则 权重×实际/目标",
                        shown: "目标 ≥2次，实际 1次，权重 1 → 0.50",
                        examples: &[plain("≥2次", "1", "1次", "0.50")],
                    }]
                },
            },
            Kind::Inverse => Spec {
                label: "反向比例",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "反向比例",
                        meaning: "不超过目标得满分，否则 权重×(1−(实际−目标)/目标)，两倍目标及以上 0 分",
                        shown: "目标 ≤20起，实际 25起，权重 5 → 3.75",
                        examples: &[plain("≤20起", "5", "25起", "3.75")],
                    }]
                },
            },
            Kind::Tiers => Spec {
                label: "档次",
                peers: false,
                reviewed: false,
                forms: const {
                    &[
                        Form {
                            rule: "档次:高=100%,中=90%,低=80%",
                            meaning: "按所选档次取权重的相应比例",
                            shown: "实际「中」，权重 2 → 1.80",
                            examples: &[plain("高", "2", "中", "1.80")],
                        },
                        Form {
                            rule: "档次:高,中,低;每档0.2",
                            meaning: "第一档满分，每低一档扣固定分值",
                            shown: "实际「中」，权重 2 → 1.80",
                            examples: &[plain("高", "2", "中", "1.80")],
                        },
                    ]
                },
            },
            Kind::Deduct => Spec {
                label: "扣分",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "扣分:每次0.5",
                        meaning: "每发生一次扣固定分值，扣完为止",
                        shown: "发生 1 次，权重 2 → 1.50",
                        examples: &[plain("合规", "2", "1", "1.50")],
                    }]
                },
            },
            Kind::Trend => Spec {
                label: "趋势",
                peers: false,
                reviewed: false,
                forms: const {
                    &[
                        Form {
                            rule: "趋势:下降",
                            meaning: "与基准值（上年数）比较，下降得满分；无基准值时部门选择 下降/持平/上升",
                            shown: "基准值 210，实际 61 → 满分",
                            examples: &[Example {
                                baseline: "210",
                                ..plain("下降", "1", "61", "1.00")
                            }],
                        },
                        Form {
                            rule: "趋势:上升",
                            meaning: "与基准值比较，上升得满分",
                            shown: "基准值 79.6，实际 79.9 → 满分",
                            examples: &[Example {
                                baseline: "79.6",
                                ..plain("上升", "3", "79.9", "3.00")
                            }],
                        },
                    ]
                },
            },
            Kind::Level => Spec {
                label: "等级",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "等级",
                        meaning: "达到目标等级得满分，否则 权重×实际等级/目标等级",
                        shown: "目标 4级，实际 3级，权重 2 → 1.50",
                        examples: &[plain("4级", "2", "3级", "1.50")],
                    }]
                },
            },
            Kind::Review => Spec {
                label: "评议",
                peers: false,
                reviewed: true,
                forms: const {
                    &[Form {
                        rule: "评议",
                        meaning: "采用部门自评得分，汇总时标记待复核",
                        shown: "无法量化的定性指标",
                        examples: &[Example {
                            self_score: "3",
                            ..plain("良好", "3", "工作成效得到社会各界普遍认可", "3.00")
                        }],
                    }]
                },
            },
            Kind::Segments => Spec {
                label: "分段",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "分段:≥90%得5;≥80%得4;≥70%得3;≥60%得2;其他得0",
                        meaning: "自上而下取第一个成立的条件；得N 为分值，得N% 为权重的百分比；其他 匹配任何值；都不成立得 0",
                        shown: "实际 85% → 4 分",
                        examples: &[plain("≥90%", "5", "85%", "4.00")],
                    }]
                },
            },
            Kind::GapDeduct => Spec {
                label: "差额扣分",
                peers: false,
                reviewed: false,
                forms: const {
                    &[
                        Form {
                            rule: "差额扣分:每1%扣0.5",
                            meaning: "按目标不允许的方向算差额（≤：超出；≥：不足；=：偏离），每个单位扣固定分值，按比例计，扣完为止",
                            shown: "目标 ≤100%，实际 102.5%，权重 5 → 5−2.5×0.5 = 3.75",
                            examples: &[plain("≤100%", "5", "102.5%", "3.75")],
                        },
                        Form {
                            rule: "差额扣分:每满1%扣0.5",
                            meaning: "同上，只计整数个单位",
                            shown: "目标 ≤100%，实际 102.5%，权重 5 → 5−2×0.5 = 4.00",
                            examples: &[plain("≤100%", "5", "102.5%", "4.00")],
                        },
                    ]
                },
            },
            Kind::Checklist => Spec {
                label: "清单",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "清单:3项,每项1",
                        meaning: "部门填达到的项数或序号（①③、1、3）；不重复的项数×每项分值；项数×每项分值须等于权重",
                        shown: "填「1、3」，权重 3 → 2.00",
                        examples: &[plain("健全", "3", "1、3", "2.00")],
                    }]
                },
            },
            Kind::Qualitative => Spec {
                label: "定性",
                peers: false,
                reviewed: true,
                forms: const {
                    &[
                        Form {
                            rule: "定性",
                            meaning: "部门选 达成/部分达成/未达成 并填自评得分，须在该档（80%～100%、60%～80%、0～60% 的权重）内，否则按最近边界计分；待复核",
                            shown: "权重 5，选「部分达成」，自评 3.5 → 3.50",
                            examples: &[Example {
                                self_score: "3.5",
                                ..plain("达成", "5", "部分达成", "3.50")
                            }],
                        },
                        Form {
                            rule: "定性:达成=80%~100%;部分达成=60%~80%;未达成=0~60%",
                            meaning: "自定义档次及其分数范围（权重的百分比），须不重叠地覆盖 0～100%",
                            shown: "权重 5，选「达成」，自评 4.5 → 4.50",
                            examples: &[Example {
                                self_score: "4.5",
                                ..plain("达成", "5", "达成", "4.50")
                            }],
                        },
                    ]
                },
            },
            Kind::InverseRatio => Spec {
                label: "反向比例",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "反向比例:目标/实际",
                        meaning: "不超过目标得满分，否则 权重×目标/实际",
                        shown: "目标 ≤100%，实际 120%，权重 5 → 4.17",
                        examples: &[plain("≤100%", "5", "120%", "4.17")],
                    }]
                },
            },
            Kind::Relative => Spec {
                label: "相对",
                peers: true,
                reviewed: false,
                forms: const {
                    &[
                        Form {
                            rule: "相对:最高值",
                            meaning: "权重×实际/参评部门最高值（有该指标且未被退回的部门）；只有本部门时满分；最高值不大于 0 时按极差计分：权重×(实际−最低值)/(最高值−最低值)",
                            shown: "参评部门最高 98%，实际 95%，权重 5 → 4.85",
                            examples: &[Example {
                                others: &["98%"],
                                ..plain("≥90%", "5", "95%", "4.85")
                            }],
                        },
                        Form {
                            rule: "相对:最低值",
                            meaning: "权重×参评部门最低值/实际；最低值为 0（或负数）时不能按比例，按极差计分：权重×(最高值−实际)/(最高值−最低值)，最低值得满分、最高值得 0",
                            shown: "参评部门最低 1 次，实际 2 次，权重 4 → 2.00；最低 0%、最高 10%，实际 2%，权重 4 → 3.20",
                            examples: &[
                                Example {
                                    others: &["1次"],
                                    ..plain("≤3次", "4", "2次", "2.00")
                                },
                                Example {
                                    others: &["0%", "10%"],
                                    ..plain("≤5%", "4", "2%", "3.20")
                                },
                            ],
                        },
                    ]
                },
            },
            Kind::Ranked => Spec {
                label: "排名",
                peers: true,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "排名:第1名得5;第2-3名得4;其他得3",
                        meaning: "按实际值从高到低在参评部门中排名，同值同名次，按名次段得分",
                        shown: "排第 2 名 → 4 分",
                        examples: &[Example {
                            others: &["98%", "90%"],
                            ..plain("≥90%", "5", "95%", "4.00")
                        }],
                    }]
                },
            },
            Kind::Range => Spec {
                label: "区间",
                peers: false,
                reviewed: false,
                forms: const {
                    &[Form {
                        rule: "区间:80%~90%",
                        meaning: "实际值在下限和上限之间（含两端）得满分，否则 0 分；用于过高过低都不好的指标（如结余率、预算调整率）",
                        shown: "区间 80%～90%，权重 2：实际 85% → 2.00；实际 95% → 0.00",
                        examples: &[
                            plain("≥80%", "2", "85%", "2.00"),
                            plain("≥80%", "2", "95%", "0.00"),
                        ],
                    }]
                },
            },
        }
    }

    /// Every form of every kind, in the explanation sheet's order.
    pub fn all_forms() -> impl Iterator<Item = (Kind, &'static Form)> {
        Kind::ALL
            .into_iter()
            .flat_map(|k| k.forms().iter().map(move |f| (k, f)))
    }
}

impl Rule {
    /// The kind this rule is written as.
    pub fn kind(&self) -> Kind {
        match self {
            Rule::Pass => Kind::Pass,
            Rule::Proportional => Kind::Proportional,
            Rule::Inverse => Kind::Inverse,
            Rule::TierShares(_) | Rule::TierSteps { .. } => Kind::Tiers,
            Rule::Deduct { .. } => Kind::Deduct,
            Rule::Trend(_) => Kind::Trend,
            Rule::Level => Kind::Level,
            Rule::Review => Kind::Review,
            Rule::Segments(_) => Kind::Segments,
            Rule::GapDeduct { .. } => Kind::GapDeduct,
            Rule::Checklist { .. } => Kind::Checklist,
            Rule::Qualitative(_) => Kind::Qualitative,
            Rule::InverseRatio => Kind::InverseRatio,
            Rule::Relative(_) => Kind::Relative,
            Rule::Ranked(_) => Kind::Ranked,
            Rule::Range { .. } => Kind::Range,
        }
    }

    /// The rule's short Chinese name.
    pub fn kind_label(&self) -> &'static str {
        self.kind().label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse_rule;

    #[test]
    fn every_form_parses_as_its_kind_and_every_kind_has_a_form_with_an_example() {
        for kind in Kind::ALL {
            assert!(!kind.forms().is_empty(), "{kind:?}");
            for form in kind.forms() {
                let rule = parse_rule(form.rule).unwrap_or_else(|e| panic!("{}: {e}", form.rule));
                assert_eq!(rule.kind(), kind, "{}", form.rule);
                assert!(!form.examples.is_empty(), "{}", form.rule);
            }
        }
    }

    /// The README's rule table lists each form, and nothing the catalogue does not know.
    #[test]
    fn the_readme_rule_table_is_the_catalogue() {
        let readme = include_str!("../../../README.md");
        let section = readme
            .split("## 计分规则")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("README has a 计分规则 section");
        let mut listed = Vec::new();
        for line in section.lines().filter(|l| l.starts_with("| ")) {
            let first = line
                .trim_start_matches("| ")
                .split(" | ")
                .next()
                .unwrap_or("");
            if first == "计分方式" {
                continue;
            }
            listed.extend(first.split(" / ").map(str::to_string));
        }
        let forms: Vec<&str> = Kind::all_forms().map(|(_, f)| f.rule).collect();
        for rule in &forms {
            assert!(
                listed.iter().any(|l| l == rule),
                "README 计分规则 lacks {rule}"
            );
        }
        for l in &listed {
            assert!(
                forms.contains(&l.as_str()),
                "README lists {l}, not in the catalogue"
            );
        }
    }
}
