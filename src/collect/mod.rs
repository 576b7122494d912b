//! Collection: INPUT paths → identified returns, one per department.
//!
//! - [`discover`] walks the inputs (files and folders, recursively, in name order) into
//!   [`Source`]s; what cannot be a return is reported, not dropped.
//! - [`read_all`] reads every source in parallel (rayon). Each file's work is isolated: an
//!   unreadable file, or even a panic inside a library, becomes a [`Finding`] for that file
//!   and the batch goes on. Content decides the format ([`sniff`]), not the extension.
//! - [`newest_first`] orders the returns of one department (message Date, 填报日期, file
//!   time); [`crate::pipeline`] keeps the first and lists the others as superseded.
//!
//! Input files are only ever read.

mod discover;
pub mod guard;
pub mod identify;
mod isolate;
pub mod mail;
pub mod sheets;
pub mod sniff;

pub use discover::{Input, discover, show_os};
pub use isolate::{catch_quietly, identify_isolated, read_all, read_isolated, read_unidentified};

use crate::domain::{Code, DeptCode, Finding, Location, io_text};
use crate::plan::Plan;
use rayon::prelude::*;
pub use sheets::ReturnSheets;
use sniff::Kind;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::SystemTime;
/// What a password-protected file gets told (the wording the issue asked for).
const ENCRYPTED: &str = "文件已加密，请取消密码后重新报送";

const ENCRYPTED_HINT: &str = "在 Excel 中：文件 → 信息 → 保护工作簿 → 用密码进行加密 → 清空密码";

/// Files larger than this are not read (a return is a few dozen KB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions read as returns when found in a folder.
const SPREADSHEET_EXT: [&str; 7] = ["xlsx", "xlsm", "xls", "ods", "xlsb", "et", "ett"];

/// Whether a name is a WPS spreadsheet (.et, or its template .ett).
fn is_wps_name(display: &str) -> bool {
    let lower = display.to_lowercase();
    lower.ends_with(".et") || lower.ends_with(".ett")
}

/// What a WPS file that is not a workbook calamine knows gets told.
fn wps_finding(display: &str) -> Finding {
    Finding::new(
        Code::NotSpreadsheet,
        Location::file(display),
        "这是 WPS 表格自有格式（.et）的文件，无法读取",
        "请在 WPS 中打开，选择「文件 → 另存为」，文件类型选「Excel 工作簿（*.xlsx）」后重新报送",
    )
}

/// Extensions of supporting documents departments attach (佐证材料).
const ATTACHMENT_EXT: [&str; 12] = [
    "pdf", "doc", "docx", "wps", "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "ofd",
];

/// Where a return came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path on disk.
    pub path: PathBuf,
    /// The name users see in findings: the file name, or the path below the input folder.
    pub display: String,
    /// Modification time, for choosing between two returns of one department.
    pub modified: Option<SystemTime>,
    /// The message it was attached to, when it came by mail.
    pub mail: Option<mail::MailInfo>,
    /// Its content digest ([`crate::domain::content_digest`]): the same return whatever its
    /// name, in this run and the next.
    pub digest: String,
}

/// One file after reading and identification.
#[derive(Debug, Clone)]
pub struct ReadReturn {
    /// Where it came from.
    pub source: Source,
    /// The sheets, when the file is a readable workbook.
    pub sheets: Option<ReturnSheets>,
    /// The department, when identified.
    pub dept: Option<DeptCode>,
    /// 填报日期, when readable.
    pub filled: Option<crate::domain::Date>,
    /// Issued under an earlier version of this year's plan.
    pub older_plan: bool,
    /// The template's identity and the file disagree (a 身份冲突): used for no department.
    pub conflict: Option<identify::Conflict>,
    /// Findings so far (reading and identification).
    pub findings: Vec<Finding>,
}

impl ReadReturn {
    /// Identifies a return read as a workbook with a return's sheets against the plan:
    /// department, 填报日期, plan version, a 身份冲突, with their findings. A file that is not
    /// such a workbook has nothing to identify.
    pub fn identify(&mut self, plan: &Plan) {
        let Some(sheets) = &self.sheets else {
            return;
        };
        let sender = self.source.mail.as_ref().map(|m| identify::Sender {
            address: m.from.as_str(),
            name: m.from_name.as_str(),
        });
        let id = identify::identify(plan, &self.source.display, sheets, sender);
        self.dept = id.dept;
        self.filled = id.filled;
        self.older_plan = id.older_plan;
        self.conflict = id.conflict;
        self.findings.extend(id.findings);
    }

    /// Nothing read yet, from `display`.
    pub fn empty(display: &str) -> Self {
        Self {
            source: Source {
                path: PathBuf::from(display),
                display: display.to_string(),
                modified: None,
                mail: None,
                digest: String::new(),
            },
            sheets: None,
            dept: None,
            filled: None,
            older_plan: false,
            conflict: None,
            findings: Vec::new(),
        }
    }
}

/// What reading one return came to: a file that cannot be used, or a return identified as a
/// plan department's, with its sheets. The only way out of collection.
#[derive(Debug, Clone)]
pub enum Intake {
    /// Not a usable return (unreadable, not a return, unknown department, a 身份冲突 …).
    Unusable(Unusable),
    /// A return of a plan department.
    Identified(Identified),
}

/// A file that is not a usable return, and why.
#[derive(Debug, Clone)]
pub struct Unusable {
    /// Where it came from.
    pub source: Source,
    /// Why it cannot be used.
    pub findings: Vec<Finding>,
    /// The template's identity and the file disagree.
    pub conflict: Option<identify::Conflict>,
}

/// A return identified as a plan department's.
#[derive(Debug, Clone)]
pub struct Identified {
    /// The department (in the plan).
    pub dept: DeptCode,
    /// Where it came from.
    pub source: Source,
    /// The sheets read.
    pub sheets: ReturnSheets,
    /// 填报日期, when readable.
    pub filled: Option<crate::domain::Date>,
    /// Issued under an earlier version of this year's plan.
    pub older_plan: bool,
    /// Findings of reading and identification.
    pub findings: Vec<Finding>,
}

impl ReadReturn {
    /// What the reading came to: identified only with both a department and sheets.
    pub fn into_intake(self) -> Intake {
        match (self.dept, self.sheets) {
            (Some(dept), Some(sheets)) => Intake::Identified(Identified {
                dept,
                source: self.source,
                sheets,
                filled: self.filled,
                older_plan: self.older_plan,
                findings: self.findings,
            }),
            _ => Intake::Unusable(Unusable {
                source: self.source,
                findings: self.findings,
                conflict: self.conflict,
            }),
        }
    }
}

/// A name from inside an archive or a message, for display only: backslashes become `/`,
/// and empty, `.` and `..` parts are dropped (names are never used as paths).
pub fn clean_name(name: &str) -> String {
    name.replace('\\', "/")
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect::<Vec<_>>()
        .join("/")
}

/// A return replaced by a newer one of the same department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superseded {
    /// The older file.
    pub file: String,
    /// The department.
    pub dept: DeptCode,
    /// The file that replaced it.
    pub by: String,
}

fn problem(
    path: PathBuf,
    display: String,
    code: Code,
    msg: impl Into<String>,
    hint: &str,
) -> ReadReturn {
    let mut r = ReadReturn::empty(&display);
    r.findings.push(Finding::new(
        code,
        Location::file(display.clone()),
        msg,
        hint,
    ));
    r.source.path = path;
    r
}

/// The order in which returns of one department compete: a return on the right template
/// first, then the newest by the message's Date, then by 填报日期, then by file time, then by
/// name (for stability). The first wins.
pub fn newest_first(a: &Identified, b: &Identified) -> std::cmp::Ordering {
    let wrong_template = |r: &Identified| {
        r.findings
            .iter()
            .any(|f| matches!(f.code, Code::WrongYear | Code::WrongPlan))
    };
    let mail_date = |r: &Identified| r.source.mail.as_ref().and_then(|m| m.date);
    wrong_template(a)
        .cmp(&wrong_template(b))
        .then_with(|| mail_date(b).cmp(&mail_date(a)))
        .then_with(|| b.filled.cmp(&a.filled))
        .then_with(|| b.source.modified.cmp(&a.source.modified))
        .then_with(|| b.source.display.cmp(&a.source.display))
}

/// The 提示 a winning return gets for each return it replaced.
pub fn duplicate_finding(winner: &str, other: &str) -> Finding {
    Finding::new(
        Code::DuplicateReturn,
        Location::file(winner),
        format!("本部门还报送了 {other}，以本文件（较新）为准"),
        "如需以另一份为准，请删除本文件后重新汇总",
    )
}

/// Reads one file: size check, content sniffing, then a workbook, a message, a mailbox or an
/// archive. Every return in it is read, not yet identified ([`ReadReturn::identify`]): reading
/// needs no plan, so it can start while the plan is still being read.
pub fn read_one(input: &Input) -> Vec<ReadReturn> {
    let lower = input.display.to_lowercase();
    if lower.ends_with(".mbox") || lower.ends_with(".mbx") {
        let file = match fs::File::open(&input.path) {
            Ok(f) => f,
            Err(e) => {
                return vec![problem(
                    input.path.clone(),
                    input.display.clone(),
                    Code::Unreadable,
                    format!("无法读取：{}", io_text(&e)),
                    "请检查文件权限",
                )];
            }
        };
        let mut out = mail::read_mbox(&input.display, std::io::BufReader::new(file));
        if out.is_empty() {
            out.push(problem(
                input.path.clone(),
                input.display.clone(),
                Code::OtherAttachment,
                "邮箱文件中没有找到附件",
                "无需处理",
            ));
        }
        return out;
    }
    read_file(input)
}

fn read_file(input: &Input) -> Vec<ReadReturn> {
    let one = |r: ReadReturn| vec![r];
    let display = input.display.clone();
    let lower = display.to_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("").to_string();
    let base = lower.rsplit('/').next().unwrap_or(&lower).to_string();
    let fail = |code, msg: String, hint: &str| {
        problem(input.path.clone(), display.clone(), code, msg, hint)
    };

    if base.starts_with("~$") {
        return one(fail(
            Code::OfficeLockFile,
            "这是 Excel/WPS 打开文件时生成的临时文件".into(),
            "无需处理",
        ));
    }
    if input.walked && ATTACHMENT_EXT.contains(&ext.as_str()) {
        return one(fail(
            Code::OtherAttachment,
            format!("{} 文件不是自评表，未读取", ext.to_uppercase()),
            "佐证材料由部门留存备查，无需处理",
        ));
    }
    let meta = match fs::metadata(&input.path) {
        Ok(m) if m.is_file() => m,
        Ok(_) => {
            return one(fail(
                Code::NotRegularFile,
                "不是普通文件（设备、管道或套接字），已跳过".into(),
                "请只放入部门报送的文件",
            ));
        }
        Err(e) => {
            return one(fail(
                Code::Unreadable,
                format!("无法访问：{}", io_text(&e)),
                "请检查该文件",
            ));
        }
    };
    if meta.len() > MAX_FILE_BYTES {
        return one(fail(
            Code::TooLarge,
            format!(
                "文件有 {:.1} MB，超过 {} MB 上限",
                meta.len() as f64 / 1048576.0,
                MAX_FILE_BYTES / 1048576
            ),
            "自评表通常只有几十 KB，请删除多余的工作表、图片后重新保存",
        ));
    }
    let bytes = match fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => {
            return one(fail(
                Code::Unreadable,
                format!("无法读取：{}", io_text(&e)),
                "请检查文件权限，或文件是否正被其他程序占用",
            ));
        }
    };
    let modified = meta.modified().ok();
    let budget = guard::Budget::default();
    let spreadsheet_name = SPREADSHEET_EXT.contains(&ext.as_str());
    let mut out = if mail::is_mail_name(&lower)
        || mail::looks_like_mbox(&bytes)
        || (!spreadsheet_name && mail::looks_like_message(&bytes))
    {
        mail::read_eml(&display, &bytes, &budget)
    } else if matches!(sniff::sniff(&bytes), Kind::Zip | Kind::DamagedZip) && !spreadsheet_name {
        mail::read_zip(&display, &bytes, None, 1, &budget)
    } else {
        vec![read_bytes_in(
            &display,
            &bytes,
            input.walked && !spreadsheet_name,
            None,
            &budget,
        )]
    };
    for r in &mut out {
        r.source.path = input.path.clone();
        r.source.modified = modified;
    }
    out
}

/// Reads and identifies a return from bytes (a file's, or an attachment's); `display` names it
/// in findings. With `quiet_non_spreadsheet`, a file that is plainly not a spreadsheet is a
/// 提示 rather than an 错误 (an unrelated file lying in a returns folder).
pub fn read_bytes(
    plan: &Plan,
    display: &str,
    bytes: &[u8],
    quiet_non_spreadsheet: bool,
) -> ReadReturn {
    let mut read = read_bytes_from(display, bytes, quiet_non_spreadsheet, None);
    read.identify(plan);
    read
}

/// [`read_bytes`] before identification, for an attachment too: the message (kept in the
/// source) gives its sender, one more way to identify the department.
pub fn read_bytes_from(
    display: &str,
    bytes: &[u8],
    quiet_non_spreadsheet: bool,
    mail: Option<&mail::MailInfo>,
) -> ReadReturn {
    read_bytes_in(
        display,
        bytes,
        quiet_non_spreadsheet,
        mail,
        &guard::Budget::default(),
    )
}

/// [`read_bytes_from`] for bytes found inside an input, whose containers inflate within what
/// the input's `budget` has left.
fn read_bytes_in(
    display: &str,
    bytes: &[u8],
    quiet_non_spreadsheet: bool,
    mail: Option<&mail::MailInfo>,
    budget: &guard::Budget,
) -> ReadReturn {
    let mut out = ReadReturn::empty(display);
    out.source.mail = mail.cloned();
    out.source.digest = crate::domain::content_digest(bytes);
    let here = || Location::file(display);
    let mut fail = |code: Code, msg: &str, hint: &str| {
        out.findings.push(Finding::new(code, here(), msg, hint));
    };
    let resave = "请用 Excel 或 WPS 打开财政局下发的模板填写，并以 .xlsx 格式保存后重新报送";
    match sniff::sniff(bytes) {
        Kind::Rar | Kind::SevenZip => fail(
            Code::UnsupportedArchive,
            "这是 RAR/7z 压缩包，无法读取",
            "请改用 .zip 压缩，或直接把自评表作为邮件附件发送",
        ),
        Kind::Empty => fail(
            Code::FileEmpty,
            "文件是空的（0 字节），可能是保存或发送时出错",
            "请重新保存后报送",
        ),
        Kind::Html => fail(
            Code::HtmlAsSpreadsheet,
            "这是网页（HTML）文件，不是 Excel 工作簿，可能是「另存为网页」后改了扩展名",
            resave,
        ),
        Kind::Text => fail(
            Code::TextAsSpreadsheet,
            "这是文本（CSV/TXT）文件，不是 Excel 工作簿，格式和批注都已丢失",
            resave,
        ),
        Kind::EncryptedOoxml => fail(Code::Encrypted, ENCRYPTED, ENCRYPTED_HINT),
        Kind::Zip => fail(
            Code::NotSpreadsheet,
            "这是 ZIP 压缩包，不是 Excel 工作簿",
            "请直接报送自评表文件",
        ),
        Kind::DamagedZip => match guard::check_zip(bytes, budget) {
            Err(refusal) => out.findings.push(refusal.finding(display, false)),
            Ok(()) => fail(
                Code::NotSpreadsheet,
                "这是 ZIP 压缩包，不是 Excel 工作簿",
                "请直接报送自评表文件",
            ),
        },
        Kind::Binary if quiet_non_spreadsheet => out.findings.push(Finding::new(
            Code::OtherFile,
            here(),
            "不是电子表格文件，未读取",
            "如不是自评表，无需处理",
        )),
        Kind::Document if quiet_non_spreadsheet => out.findings.push(Finding::new(
            Code::OtherAttachment,
            here(),
            "这是 Word、PowerPoint 或 PDF 文档，不是自评表，未读取",
            "佐证材料由部门留存备查，无需处理",
        )),
        Kind::Document => fail(
            Code::NotSpreadsheet,
            "这是 Word、PowerPoint 或 PDF 文档，不是 Excel 工作簿",
            resave,
        ),
        Kind::Binary if is_wps_name(display) => out.findings.push(wps_finding(display)),
        Kind::Binary => fail(Code::NotSpreadsheet, "不是电子表格文件", resave),
        Kind::EncryptedOds => fail(
            Code::Encrypted,
            ENCRYPTED,
            "在 LibreOffice 中：文件 → 另存为，取消勾选「使用密码保存」；或用 WPS/Excel 打开后另存为 .xlsx",
        ),
        kind @ (Kind::Xlsx
        | Kind::Xlsb
        | Kind::Ods
        | Kind::Ole
        | Kind::BackslashXlsx
        | Kind::OddXlsx) => {
            use std::borrow::Cow;
            let checked = match kind {
                Kind::Ole => guard::sanitize_xls(bytes).map(Cow::Owned),
                Kind::Ods => guard::check_zip(bytes, budget)
                    .and_then(|()| guard::check_ods(bytes))
                    .map(|()| Cow::Borrowed(bytes)),
                // Part names written with backslashes, mended in memory.
                Kind::BackslashXlsx => guard::check_zip(bytes, budget)
                    .and_then(|()| guard::repack(bytes, |n| n.replace('\\', "/"), |_, _| None))
                    .map(Cow::Owned),
                _ => guard::check_zip(bytes, budget).map(|()| Cow::Borrowed(bytes)),
            };
            let kind = match kind {
                Kind::BackslashXlsx => Kind::Xlsx,
                k => k,
            };
            match checked {
                Err(guard::Refusal::Broken(why)) if is_wps_name(display) => {
                    out.findings.push(wps_finding(display).with_detail(why))
                }
                Err(refusal) => out.findings.push(refusal.finding(display, false)),
                Ok(checked) => read_workbook(display, &checked, kind, &mut out),
            }
        }
    }
    out
}

/// Reads a checked workbook into `out`: its sheets, or why it cannot be used.
fn read_workbook(display: &str, bytes: &[u8], kind: Kind, out: &mut ReadReturn) {
    let here = || Location::file(display);
    let mut fail = |code: Code, msg: &str, hint: &str| {
        out.findings.push(Finding::new(code, here(), msg, hint));
    };
    match sheets::read_sheets(bytes, kind) {
        Ok(sheets) => {
            use crate::layout::template::{SHEET_INDICATORS, SHEET_META};
            if sheets.get(SHEET_INDICATORS).is_none() && sheets.get(SHEET_META).is_none() {
                let names = sheets.names.join("、");
                fail(
                    Code::NotReturn,
                    &format!("这个工作簿不是部门整体绩效自评表（工作表：{names}）"),
                    "请使用财政局下发的自评表模板填写",
                );
            } else {
                for (name, canonical) in &sheets.renamed {
                    out.findings.push(Finding::new(
                        Code::SheetRenamed,
                        Location::sheet(display, name.as_str()),
                        format!("没有工作表「{canonical}」，按表头把工作表「{name}」作为「{canonical}」读取"),
                        "请不要修改工作表名称",
                    ));
                }
                if let Some(why) = &sheets.formats_unread {
                    out.findings.push(
                        Finding::new(
                            Code::FormatsUnread,
                            here(),
                            "无法读取单元格的数字格式：百分比格式单元格中的数按存储的小数读取（如 2.6% 读作 0.026）",
                            "请用 Excel 或 WPS 打开后另存为 .xlsx 重新报送",
                        )
                        .with_detail(why.clone()),
                    );
                }
                out.sheets = Some(sheets);
            }
        }
        Err(sheets::OpenError::Encrypted) => fail(Code::Encrypted, ENCRYPTED, ENCRYPTED_HINT),
        Err(sheets::OpenError::Corrupt(why)) if is_wps_name(display) => {
            out.findings.push(wps_finding(display).with_detail(why))
        }
        Err(sheets::OpenError::Corrupt(why)) if kind == Kind::OddXlsx => out.findings.push(
            Finding::new(
                Code::NotSpreadsheet,
                here(),
                "这是 Excel 工作簿，但内部结构不标准（工作簿不在 xl/workbook.xml），无法读取",
                "请用 Excel 或 WPS 打开后「另存为」Excel 工作簿（.xlsx）重新报送",
            )
            .with_detail(why),
        ),
        Err(sheets::OpenError::Corrupt(why)) => out
            .findings
            .push(guard::Refusal::Damaged("内容无法解析".into(), why).finding(display, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::isolate::{READING, isolate};
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn plan() -> &'static Plan {
        static PLAN: OnceLock<Plan> = OnceLock::new();
        PLAN.get_or_init(|| {
            crate::plan::parse("评价方案.xlsx", &crate::sample::plan_sheets()).unwrap()
        })
    }

    fn template() -> &'static [u8] {
        static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
        BYTES.get_or_init(|| crate::template::build(plan(), &plan().departments[0]).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Damaged templates (bytes flipped, cut short) never panic: they read or they are
        /// a finding.
        #[test]
        fn damaged_templates_are_findings_not_panics(
            flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut bytes = template().to_vec();
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            let keep = cut.index(bytes.len()).max(bytes.len() / 2);
            bytes.truncate(keep);
            // Either still the template of 001, or refused with an 错误 naming the file.
            match read_bytes(plan(), "damaged.xlsx", &bytes, false).into_intake() {
                Intake::Identified(id) => prop_assert_eq!(id.dept.as_str(), "001"),
                Intake::Unusable(u) => prop_assert!(
                    u.findings.iter().any(|f| f.level == crate::domain::Level::Error
                        && f.location.file == "damaged.xlsx"),
                    "{:?}", u.findings
                ),
            }
        }

        /// Arbitrary bytes never panic.
        #[test]
        fn arbitrary_bytes_are_findings(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
            // Random bytes are never a return: always refused with an 错误.
            match read_bytes(plan(), "random.xlsx", &bytes, false).into_intake() {
                Intake::Identified(id) => prop_assert!(false, "identified as {}", id.dept),
                Intake::Unusable(u) => prop_assert!(
                    u.findings.iter().any(|f| f.level == crate::domain::Level::Error),
                    "{:?}", u.findings
                ),
            }
        }
    }

    #[test]
    fn a_panic_while_reading_one_file_is_a_finding_for_that_file() {
        let input = Input {
            path: PathBuf::from("boom.xlsx"),
            display: "boom.xlsx".into(),
            walked: false,
        };
        let out = isolate(&input, || panic!("index out of bounds\nsecond line"));
        assert_eq!(out.len(), 1);
        let f = &out[0].findings[0];
        assert_eq!(f.code, Code::InternalError);
        assert_eq!(f.location.to_string(), "boom.xlsx");
        assert!(f.message.contains("index out of bounds"), "{}", f.message);
        assert!(!f.message.contains("second line"));
        // The thread is usable afterwards and panics elsewhere are not silenced.
        assert!(!READING.with(|r| r.get()));
    }

    #[test]
    fn the_intact_template_reads_and_identifies() {
        let read = read_bytes(plan(), "t.xlsx", template(), false);
        assert_eq!(read.dept.as_ref().map(|d| d.as_str()), Some("001"));
        assert!(read.findings.is_empty(), "{:?}", read.findings);
    }
}
