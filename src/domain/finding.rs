//! Findings: one problem in a user's file, never a crash — a stable [`Code`] with its
//! [`Level`], where, what and what to do.

use super::*;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 错误: the return is sent back (退回).
    Error,
    /// 警告: the return is accepted but the department should look.
    Warning,
    /// 提示: for information.
    Info,
}

impl Level {
    /// The Chinese word users see.
    pub fn label(self) -> &'static str {
        match self {
            Level::Error => "错误",
            Level::Warning => "警告",
            Level::Info => "提示",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $level:ident, $title:literal;)*) => {
        /// Stable finding codes: the table users and other programs can rely on
        /// (`docs/findings.md` lists them with what to do).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $title]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable code text, e.g. `V02`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            /// The level a finding of this code has.
            pub fn level(self) -> Level {
                match self { $(Code::$variant => Level::$level),* }
            }

            /// A short Chinese title.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title),* }
            }
        }
    };
}

codes! {
    FileEmpty = "F01", Error, "文件为空";
    NotSpreadsheet = "F02", Error, "不是电子表格文件";
    HtmlAsSpreadsheet = "F03", Error, "网页文件改了扩展名";
    TextAsSpreadsheet = "F04", Error, "文本/CSV 文件改了扩展名";
    Encrypted = "F05", Error, "文件已加密";
    Unreadable = "F06", Error, "文件损坏，无法读取";
    NotReturn = "F07", Error, "不是部门整体绩效自评表";
    NotRegularFile = "F08", Error, "不是普通文件";
    TooLarge = "F09", Error, "文件过大";
    InternalError = "F10", Error, "读取时发生内部错误";
    OfficeLockFile = "F11", Info, "Office 临时文件，已忽略";
    OtherAttachment = "F12", Info, "非自评表附件（佐证材料等）";
    UnsupportedArchive = "F13", Error, "不支持的压缩格式";
    Oversized = "F14", Error, "文件结构超出安全范围";
    OwnOutput = "F15", Info, "本程序写出的汇总结果，已跳过";
    LinkSkipped = "F16", Info, "链接或重复路径，已跳过";
    OtherFile = "F17", Info, "不是电子表格的其他文件，未读取";
    IdentifiedByInfo = "I01", Info, "按基本信息识别部门";
    IdentifiedByFileName = "I02", Info, "按文件名识别部门";
    IdentifiedBySender = "I03", Info, "按发件人识别部门";
    UnknownDepartment = "I04", Error, "无法识别报送部门";
    DepartmentNotInPlan = "I05", Error, "部门不在评价方案中";
    WrongYear = "I06", Error, "模板年度不符";
    WrongPlan = "I07", Error, "模板与评价方案不符";
    Superseded = "I08", Info, "已被替代";
    IdentityMismatch = "I09", Warning, "基本信息与模板标识不一致";
    PlanChangedAfterIssue = "I10", Info, "模板下发后方案有修改";
    IdentityConflict = "I11", Error, "身份冲突";
    IdentityDoubtful = "I12", Error, "身份存疑";
    MissingSheet = "S01", Error, "缺少工作表";
    MissingColumn = "S02", Error, "缺少列";
    MissingIndicator = "S03", Error, "指标行缺失";
    ExtraIndicator = "S04", Warning, "方案中没有的指标";
    DuplicateIndicator = "S05", Warning, "指标重复填报";
    SheetRenamed = "S07", Info, "工作表按表头识别";
    FormatsUnread = "S08", Warning, "单元格格式无法读取";
    MissingBudgetLine = "S06", Error, "预算项目行缺失";
    LockedCellChanged = "L01", Warning, "锁定单元格被修改";
    RequiredEmpty = "V01", Error, "必填项为空";
    ValueUnreadable = "V02", Error, "值无法识别";
    ValueOutOfRange = "V03", Error, "值超出范围";
    SelfScoreAboveWeight = "V04", Error, "自评得分超过权重";
    SelfScoreDiffers = "V05", Warning, "自评得分与计算得分不一致";
    SelfScoreEmpty = "V06", Warning, "自评得分为空";
    SelfScoreUnreadable = "V07", Error, "自评得分无法识别";
    ReasonMissing = "V08", Warning, "缺少偏差原因";
    InfoEmpty = "V09", Warning, "基本信息未填写";
    FilledBeforeYearEnd = "V12", Warning, "填报日期早于评价年度结束";
    NeedsReview = "V10", Info, "评议类指标待复核";
    PercentAmbiguous = "V11", Warning, "百分数有两种读法";
    RateAbove100 = "V13", Info, "率超过 100%";
    OutsideBand = "V14", Warning, "自评得分不在所选档次内";
    NotApplicableRefused = "V15", Error, "不可填不适用";
    ComparedAlone = "V16", Info, "无可比较的部门";
    ActualComputed = "V17", Info, "实际值按预算执行计算";
    PreviousDiffers = "V18", Warning, "上年数值与上年报送不一致";
    SpentMissing = "B01", Error, "执行数为空";
    SpentNegative = "B02", Error, "执行数为负数";
    SpentUnreadable = "B03", Error, "执行数无法识别";
    OverBudget = "B04", Warning, "执行数超过调整后预算";
    LowExecution = "B05", Warning, "预算执行率低于预警线";
    AddedProjectUnnamed = "B06", Error, "追加项目缺少名称";
    RateMismatch = "B07", Warning, "预算执行率与指标填报不一致";
    AddedProjectNoBudget = "B08", Warning, "追加项目缺少调整后预算";
    DuplicateReturn = "D01", Info, "同一部门多次报送";
    Late = "D02", Warning, "逾期报送";
    MailDateDoubtful = "D03", Warning, "邮件日期不可信";
    NotReturned = "N01", Error, "未报送";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem found in a user's file: stable code, level, where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `V02`.
    pub code: Code,
    /// Severity.
    pub level: Level,
    /// The file, sheet and cell.
    pub location: Location,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What to do about it, in Chinese.
    pub hint: String,
    /// A library's own words about the problem (often English): shown only by `check
    /// --verbose`, never in a workbook, letter or summary.json.
    #[serde(skip)]
    pub detail: Option<String>,
}

impl Finding {
    /// A finding whose level is the code's.
    pub fn new(
        code: Code,
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self {
            code,
            level: code.level(),
            location,
            message: message.into(),
            hint: hint.into(),
            detail: None,
        }
    }

    /// The same finding with a library's own words kept for `--verbose`.
    pub fn with_detail(self, detail: impl Into<String>) -> Self {
        Self {
            detail: Some(detail.into()),
            ..self
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: [{} {}] {}",
            self.location, self.level, self.code, self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "（{}）", self.hint)?;
        }
        Ok(())
    }
}
