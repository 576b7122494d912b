//! 方案: each 项目 with its 值; the settings, when every value reads.

use super::*;

/// 方案: each 项目 with its 值 and cell; the first row of a repeated 项目 wins.
#[derive(Default)]
pub(super) struct SettingsRows {
    pub(super) values: HashMap<String, (String, CellRef)>,
}

impl SheetRows for SettingsRows {
    const SHEET: &'static str = SHEET_SETTINGS;
    const REQUIRED: &'static [&'static str] =
        &[SettingsCol::Item.header(), SettingsCol::Value.header()];
    const OPTIONAL: &'static [&'static str] = &[];

    fn row(&mut self, t: &Table, row: &RawRow, _: &mut Errors) {
        let key = normalize_text(&t.text(row, SettingsCol::Item.header()));
        self.values.entry(key).or_insert_with(|| {
            (
                t.text(row, SettingsCol::Value.header()),
                t.cell(row, SettingsCol::Value.header()),
            )
        });
    }
}

impl SettingsRows {
    /// The settings, when every value read.
    pub(super) fn finish(self, errors: &mut Errors) -> Option<Settings> {
        let values = self.values;
        let before = errors.list.len();
        let get = |k: &str| values.get(k).map(|(v, c)| (v.as_str(), *c));

        let year = match get(SettingKey::Year.key()) {
            Some((v, cell)) => match parse_plain_number(v).filter(|y| y.fract().is_zero()) {
                Some(y) if (Decimal::from(2000)..=Decimal::from(2100)).contains(&y) => {
                    y.to_string().parse::<i32>().ok()
                }
                _ => {
                    errors.at(
                        SHEET_SETTINGS,
                        cell,
                        format!("评价年度「{v}」无法识别，应为四位年份，如 2021"),
                    );
                    None
                }
            },
            None => {
                errors.sheet(SHEET_SETTINGS, "缺少「评价年度」一项".into());
                None
            }
        };
        let grades = match get(SettingKey::Grades.key()) {
            Some((v, cell)) if !v.is_empty() => parse_grades(v).unwrap_or_else(|why| {
                errors.at(
                    SHEET_SETTINGS,
                    cell,
                    format!("等级划分「{v}」有误：{why}，应如「优:90,良:80,中:60,差:0」"),
                );
                GradeScale::default()
            }),
            _ => GradeScale::default(),
        };
        let warn_rate = match get(SettingKey::WarnRate.key()) {
            Some((v, cell)) if !v.is_empty() => parse_percent(v).unwrap_or_else(|| {
                errors.at(
                    SHEET_SETTINGS,
                    cell,
                    format!("执行率预警线「{v}」无法识别，应为百分数，如 90%"),
                );
                Decimal::from(90)
            }),
            _ => Decimal::from(90),
        };
        let tolerance = match get(SettingKey::Tolerance.key()) {
            Some((v, cell)) if !v.is_empty() => {
                let n = normalize_text(v);
                let n = n.strip_suffix('分').unwrap_or(&n);
                match parse_plain_number(n).filter(|d| *d >= Decimal::ZERO) {
                    Some(d) => Score(d),
                    None => {
                        errors.at(
                            SHEET_SETTINGS,
                            cell,
                            format!("自评差异容差「{v}」无法识别，应为非负数，如 0.5"),
                        );
                        Score(Decimal::new(5, 1))
                    }
                }
            }
            _ => Score(Decimal::new(5, 1)),
        };
        let deadline = match get(SettingKey::Deadline.key()) {
            Some((v, cell)) if !v.trim().is_empty() => {
                match crate::domain::Date::parse(&normalize_text(v)) {
                    Some(d) => Some(d),
                    None => {
                        errors.at(
                            SHEET_SETTINGS,
                            cell,
                            format!(
                                "报送截止日期「{v}」不是日期，应如 {}-05-20",
                                year.as_ref().map_or(2025, |y| y + 1)
                            ),
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        let resubmit_days = match get(SettingKey::ResubmitDays.key()) {
            Some((v, cell)) if !v.is_empty() => {
                let n = normalize_text(v);
                let n = n.strip_suffix('天').unwrap_or(&n);
                match parse_plain_number(n)
                    .filter(|d| {
                        d.fract().is_zero() && *d >= Decimal::ONE && *d <= Decimal::from(365)
                    })
                    .and_then(|d| d.to_string().parse::<u32>().ok())
                {
                    Some(days) => days,
                    None => {
                        errors.at(
                            SHEET_SETTINGS,
                            cell,
                            format!("退回重报期限「{v}」无法识别，应为 1～365 的天数，如 7"),
                        );
                        7
                    }
                }
            }
            _ => 7,
        };
        let text = |k: &str| get(k).map(|(v, _)| v.to_string()).unwrap_or_default();
        let year = year?;
        let name = match text(SettingKey::Name.key()) {
            n if n.is_empty() => format!("{year}年度部门整体支出绩效自评价"),
            n => n,
        };
        let organiser = text(SettingKey::Organiser.key());
        let region_text = text(SettingKey::Region.key());
        if !region_text.trim().is_empty()
            && crate::plan::RegionLevel::of_name(&region_text).is_none()
            && let Some((_, cell)) = get(SettingKey::Region.key())
        {
            errors.at(
                SHEET_SETTINGS,
                cell,
                format!(
                    "行政区划「{region_text}」应以 省、自治区、市、州、县、旗 或 区 结尾，如 青山县"
                ),
            );
        }
        let region = crate::plan::Region::of(&region_text, &organiser);
        (errors.list.len() == before).then(|| Settings {
            year,
            name,
            organiser,
            region,
            deadline,
            resubmit_days,
            grades,
            warn_rate,
            tolerance,
            note: text(SettingKey::Note.key()),
            sender: text(SettingKey::Sender.key()),
            sender_email: text(SettingKey::SenderEmail.key()),
        })
    }
}

/// Parses `优:90,良:80,中:60,差:0`.
pub(super) fn parse_grades(v: &str) -> Result<GradeScale, &'static str> {
    let s = normalize_text(v).replace(['，', '、', ';'], ",");
    let mut out: Vec<(String, Decimal)> = Vec::new();
    for item in s.split(',').filter(|x| !x.is_empty()) {
        let (name, min) = item.split_once(':').ok_or("每一档应写成「等级:分数」")?;
        let min = parse_plain_number(min).ok_or("分数不是数值")?;
        if name.is_empty() {
            return Err("等级名称为空");
        }
        if out.last().is_some_and(|(_, prev)| *prev <= min) {
            return Err("分数应从高到低排列");
        }
        out.push((name.to_string(), min));
    }
    match out.last() {
        None => Err("没有任何等级"),
        Some((_, min)) if !min.is_zero() => Err("最低一档应从 0 分起"),
        _ => Ok(GradeScale(out)),
    }
}

/// Reads a percentage in percent units: `90%` → 90, `0.9` → 90, `90` → 90.
pub fn parse_percent(v: &str) -> Option<Decimal> {
    let s = normalize_text(v);
    let (value, rest) = split_number(&s)?;
    let pct = match rest {
        "%" => value,
        "" if value <= Decimal::ONE => value * Decimal::ONE_HUNDRED,
        "" => value,
        _ => return None,
    };
    (pct >= Decimal::ZERO && pct <= Decimal::ONE_HUNDRED).then_some(pct)
}
