//! Identification: a return's sheets (and its file name) → which department sent it.
//!
//! Order of evidence: the very hidden `_meta` sheet written by `issue` (checked against the
//! plan's year and the department's fingerprint), else 基本信息's 部门编码/部门名称, else the
//! file name. Each fallback adds a 提示; a template of another year or plan is a 错误.

use super::sheets::ReturnSheets;
use crate::domain::{CellRef, Code, Date, DeptCode, Finding, Location};
use crate::layout::template::{InfoItem, MetaKey, SHEET_INFO, SHEET_META};
use crate::plan::{Department, Plan};
use crate::sheet::RawSheet;
use crate::template;
use crate::text::normalize_text;

/// What identification found.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    /// The department, when one could be determined and is in the plan.
    pub dept: Option<DeptCode>,
    /// 填报日期 from 基本信息, when readable.
    pub filled: Option<Date>,
    /// Findings about identification.
    pub findings: Vec<Finding>,
    /// The template was issued under an earlier version of this year's plan (its fingerprint
    /// differs): locked cells that differ are the bureau's change, not the department's.
    pub older_plan: bool,
    /// The template's identity and what the file says disagree: used for neither department.
    pub conflict: Option<Conflict>,
}

/// What kind of doubt holds a file for the bureau.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// 身份冲突: the template is one department's, the file (or its sender) names another.
    Borrowed,
    /// 身份存疑: the department's own template from an address it never used, which would
    /// replace its return from a known address.
    Doubtful,
}

impl ConflictKind {
    /// The Chinese words.
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Borrowed => "身份冲突",
            ConflictKind::Doubtful => "身份存疑",
        }
    }
}

/// A file whose template belongs to one department while the file itself (基本信息, the
/// sender, the file name) names another, or that comes from a stranger's address: the bureau
/// settles it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Which kind.
    pub kind: ConflictKind,
    /// The department of the template (`_meta`).
    pub template: DeptCode,
    /// The department the file names otherwise: probably the sender.
    pub claimed: DeptCode,
    /// What names it: cells, the sender, the file name.
    pub evidence: Vec<String>,
}

/// Looks up `key` in a two-column 项目 | 值 sheet; returns the value and its cell.
pub fn lookup(sheet: &RawSheet, key: &str) -> Option<(String, CellRef)> {
    sheet.rows.iter().find_map(|r| {
        let k = r.cells().position(|c| normalize_text(c) == key)?;
        let v = (k + 1 < r.len()).then(|| r.get(k as u32 + 1).trim().to_string())?;
        Some((v, CellRef::new(r.row, k as u32 + 1)))
    })
}

/// Who sent the message a return came in: its address and display name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sender<'a> {
    /// The address (`From`).
    pub address: &'a str,
    /// The display name (`张华`), possibly empty.
    pub name: &'a str,
}

/// The departments a sender points to other than `own`, with the evidence: another
/// department's registered 邮箱, or a display name that is another department's 联系人 (and
/// not `own`'s).
fn sender_claims<'p>(
    plan: &'p Plan,
    own: &DeptCode,
    sender: Sender<'_>,
) -> Vec<(&'p Department, String)> {
    let mut out = Vec::new();
    if let Some(d) = by_sender(plan, sender.address).filter(|d| d.code != *own) {
        out.push((
            d,
            format!("发件人 {}（{}的登记邮箱）", sender.address, d.name),
        ));
    }
    let name = sender.name.trim();
    let own_dept = plan.department(own);
    let own_contact = own_dept.is_some_and(|d| !name.is_empty() && d.contact.trim() == name);
    // The department's own registered address outweighs whatever name the sender shows.
    let own_address = own_dept.is_some_and(|d| {
        !d.email.trim().is_empty() && d.email.trim().eq_ignore_ascii_case(sender.address.trim())
    });
    if !name.is_empty() && !own_contact && !own_address {
        for d in plan
            .departments
            .iter()
            .filter(|d| d.code != *own && d.contact.trim() == name)
        {
            out.push((d, format!("发件人显示名「{name}」（{}的联系人）", d.name)));
        }
    }
    out
}

/// Identifies the department of a return read from `file` (the display name); `sender` is
/// who sent the message it was attached to, if it came by mail.
pub fn identify(
    plan: &Plan,
    file: &str,
    sheets: &ReturnSheets,
    sender: Option<Sender<'_>>,
) -> Identity {
    let mut id = Identity::default();
    let info = sheets.get(SHEET_INFO);
    let info_code = info.and_then(|s| lookup(s, InfoItem::DeptCode.label()));
    let info_name = info.and_then(|s| lookup(s, InfoItem::DeptName.label()));
    id.filled = info
        .and_then(|s| lookup(s, InfoItem::Filled.label()))
        .and_then(|(v, _)| normalize_date(&v));

    if let Some(meta) = sheets.get(SHEET_META) {
        let at = |cell: CellRef| Location::cell(file, SHEET_META, cell);
        let code = lookup(meta, MetaKey::DeptCode.key());
        let year = lookup(meta, MetaKey::Year.key());
        let fp = lookup(meta, MetaKey::Fingerprint.key());
        if let Some((code, cell)) = code.filter(|(c, _)| !c.is_empty()) {
            let code = DeptCode::new(&code);
            let Some(dept) = plan.department(&code) else {
                id.findings.push(Finding::new(
                    Code::DepartmentNotInPlan,
                    at(cell),
                    format!("模板中的部门编码「{code}」不在本年度评价方案中"),
                    "请确认使用的是财政局本年度下发的模板",
                ));
                return id;
            };
            if let Some((y, cell)) = year
                && y != plan.settings.year.to_string()
            {
                id.findings.push(Finding::new(
                    Code::WrongYear,
                    at(cell),
                    format!("模板年度为 {y}，本次评价年度为 {}", plan.settings.year),
                    format!("请使用 {} 年度的模板重新填报", plan.settings.year),
                ));
            } else if let Some((v, cell)) = lookup(meta, MetaKey::Version.key())
                .filter(|(v, _)| !v.is_empty() && v != template::TEMPLATE_VERSION)
            {
                id.findings.push(Finding::new(
                    Code::WrongPlan,
                    at(cell),
                    format!("模板版本「{v}」不是本程序下发的模板"),
                    "请使用财政局本年度下发的模板，把已填内容复制过去后重新报送",
                ));
            } else if let Some((f, _)) = fp
                && f != template::fingerprint(plan, dept)
            {
                // Reported once, with the differing cells, by validation.
                id.older_plan = true;
            }
            // Only real agreement identifies: whatever else the file says about who sent it
            // must not name another department.
            let mut others: Vec<(&Department, String)> = Vec::new();
            let mut claim = |d: Option<&'_ Department>, why: String| {
                if let Some(d) = d.filter(|d| d.code != dept.code)
                    && let Some(d) = plan.department(&d.code)
                {
                    others.push((d, why));
                }
            };
            if let Some((c, cell)) = info_code.as_ref().filter(|(c, _)| !c.is_empty()) {
                claim(
                    plan.department(&DeptCode::new(c)),
                    format!("{SHEET_INFO}!{cell} 部门编码「{c}」"),
                );
            }
            if let Some((n, cell)) = info_name.as_ref().filter(|(n, _)| !n.is_empty()) {
                // The usual case, the template's own name, costs no search of the plan.
                let key = normalize_text(n);
                if key != normalize_text(&dept.name) {
                    claim(
                        plan.departments
                            .iter()
                            .find(|d| normalize_text(&d.name) == key),
                        format!("{SHEET_INFO}!{cell} 部门名称「{n}」"),
                    );
                }
            }
            if let Some(s) = sender {
                for (d, why) in sender_claims(plan, &dept.code, s) {
                    claim(Some(d), why);
                }
            }
            if !names_department(file, dept) {
                claim(by_file_name(plan, file), format!("文件名「{file}」"));
            }
            if let Some((other, _)) = others.first() {
                let other = *other;
                let evidence: Vec<String> = others
                    .iter()
                    .filter(|(d, _)| d.code == other.code)
                    .map(|(_, why)| why.clone())
                    .collect();
                id.findings.push(Finding::new(
                    Code::IdentityConflict,
                    Location::file(file),
                    format!(
                        "身份冲突：模板标识为「{}」（{}），而{}指向「{}」（{}）；该文件两个部门都不采用，由财政局核实",
                        dept.name,
                        dept.code,
                        evidence.join("、"),
                        other.name,
                        other.code
                    ),
                    format!(
                        "可能是{}借用了{}的模板：请{}使用财政局下发给本部门的模板重新填报",
                        other.name, dept.name, other.name
                    ),
                ));
                id.conflict = Some(Conflict {
                    kind: ConflictKind::Borrowed,
                    template: dept.code.clone(),
                    claimed: other.code.clone(),
                    evidence,
                });
                return id;
            }
            if let Some((c, cell)) = &info_code
                && !c.is_empty()
                && DeptCode::new(c) != dept.code
            {
                id.findings.push(Finding::new(
                    Code::IdentityMismatch,
                    Location::cell(file, SHEET_INFO, *cell),
                    format!(
                        "基本信息中的部门编码「{c}」与模板标识「{}」（{}）不一致，按模板标识处理",
                        dept.code, dept.name
                    ),
                    "请不要修改基本信息中的锁定单元格",
                ));
            }
            id.dept = Some(dept.code.clone());
            return id;
        }
    }

    // No usable _meta: 基本信息, then the file name.
    let by_code = info_code.as_ref().and_then(|(c, cell)| {
        let code = DeptCode::new(c);
        plan.department(&code).map(|d| (d, *cell)).or_else(|| {
            // 1 for 001: the code lost its leading zeros in a number cell.
            let known =
                crate::plan::same_but_zeros(&code, plan.departments.iter().map(|d| &d.code))?;
            plan.department(known).map(|d| (d, *cell))
        })
    });
    let by_name = info_name.as_ref().and_then(|(n, cell)| {
        let n = normalize_text(n);
        plan.departments
            .iter()
            .find(|d| normalize_text(&d.name) == n)
            .map(|d| (d, *cell))
    });
    if let Some((dept, cell)) = by_code.or(by_name) {
        // Without a template's identity, a sender that is another department's is a conflict
        // too: the file names one department, the mail another.
        let claims = sender
            .map(|s| sender_claims(plan, &dept.code, s))
            .unwrap_or_default();
        if let Some((other, _)) = claims.first() {
            let other = *other;
            let evidence: Vec<String> = claims
                .iter()
                .filter(|(d, _)| d.code == other.code)
                .map(|(_, why)| why.clone())
                .collect();
            id.findings.push(Finding::new(
                Code::IdentityConflict,
                Location::file(file),
                format!(
                    "身份冲突：文件的基本信息为「{}」（{}），而{}指向「{}」（{}）；该文件两个部门都不采用，由财政局核实",
                    dept.name,
                    dept.code,
                    evidence.join("、"),
                    other.name,
                    other.code
                ),
                format!(
                    "请{}使用财政局下发给本部门的模板、从登记的邮箱重新报送",
                    dept.name
                ),
            ));
            id.conflict = Some(Conflict {
                kind: ConflictKind::Borrowed,
                template: dept.code.clone(),
                claimed: other.code.clone(),
                evidence,
            });
            return id;
        }
        let zeros = match &info_code {
            Some((c, _)) if DeptCode::new(c) != dept.code && !c.is_empty() => format!(
                "（部门编码「{c}」按「{}」识别：前导零可能因数字格式丢失）",
                dept.code
            ),
            _ => String::new(),
        };
        id.findings.push(Finding::new(
            Code::IdentifiedByInfo,
            Location::cell(file, SHEET_INFO, cell),
            format!(
                "文件中没有模板标识，按基本信息识别为「{}」（{}）{zeros}",
                dept.name, dept.code
            ),
            "请使用财政局下发的模板填报，不要另建工作簿",
        ));
        id.dept = Some(dept.code.clone());
        return id;
    }
    if let Some((c, cell)) = info_code.filter(|(c, _)| !c.is_empty()) {
        id.findings.push(Finding::new(
            Code::DepartmentNotInPlan,
            Location::cell(file, SHEET_INFO, cell),
            format!("部门编码「{c}」不在本年度评价方案中"),
            "请核对部门编码，或联系财政局确认",
        ));
        return id;
    }
    if let Some(sender) = sender.map(|s| s.address).filter(|s| !s.is_empty())
        && let Some(dept) = by_sender(plan, sender)
    {
        id.findings.push(Finding::new(
            Code::IdentifiedBySender,
            Location::file(file),
            format!(
                "文件中没有模板标识和部门编码，按发件人 {sender} 识别为「{}」（{}）",
                dept.name, dept.code
            ),
            "请使用财政局下发的模板填报，并不要修改基本信息",
        ));
        id.dept = Some(dept.code.clone());
        return id;
    }
    if let Some(dept) = by_file_name(plan, file) {
        id.findings.push(Finding::new(
            Code::IdentifiedByFileName,
            Location::file(file),
            format!(
                "文件中没有模板标识和部门编码，按文件名识别为「{}」（{}）",
                dept.name, dept.code
            ),
            "请使用财政局下发的模板填报，并不要修改基本信息",
        ));
        id.dept = Some(dept.code.clone());
        return id;
    }
    id.findings.push(Finding::new(
        Code::UnknownDepartment,
        Location::file(file),
        "无法识别报送部门：没有模板标识，基本信息和文件名中也没有可识别的部门编码或名称",
        "请使用财政局下发的模板填报，不要修改文件名",
    ));
    id
}

/// Whether the file name names this department (its code as a part, or its name): then it
/// names no other, and the plan need not be searched.
fn names_department(file: &str, dept: &Department) -> bool {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.split(['_', '-', ' ', '.'])
        .any(|p| p == dept.code.as_str())
        || (!dept.name.is_empty() && base.contains(dept.name.as_str()))
}

/// The department whose 邮箱 is the sender's address.
fn by_sender<'a>(plan: &'a Plan, sender: &str) -> Option<&'a Department> {
    plan.departments
        .iter()
        .find(|d| !d.email.is_empty() && d.email.eq_ignore_ascii_case(sender.trim()))
}

/// A department named by the file: `{年度}_{编码}_…` first, then the longest department name
/// the file name contains.
fn by_file_name<'a>(plan: &'a Plan, file: &str) -> Option<&'a Department> {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let parts: Vec<&str> = base.split(['_', '-', ' ', '.']).collect();
    if let Some(d) = plan
        .departments
        .iter()
        .find(|d| parts.contains(&d.code.as_str()))
    {
        return Some(d);
    }
    plan.departments
        .iter()
        .filter(|d| !d.name.is_empty() && base.contains(d.name.as_str()))
        .max_by_key(|d| d.name.chars().count())
}

/// `2022-05-10`, `2022/5/10`, `2022.5.10`, `2022年5月10日` (full-width digits too) → a date.
pub fn normalize_date(s: &str) -> Option<Date> {
    Date::parse(&normalize_text(s.split_whitespace().next()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_common_form() {
        assert_eq!(
            normalize_date("2022-05-10")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2022-05-10")
        );
        assert_eq!(
            normalize_date("2022/5/1").map(|d| d.to_string()).as_deref(),
            Some("2022-05-01")
        );
        assert_eq!(
            normalize_date("2022年5月10日")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2022-05-10")
        );
        assert_eq!(
            normalize_date("2022.05.10")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2022-05-10")
        );
        assert_eq!(
            normalize_date("2022-05-10 14:30:00")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2022-05-10")
        );
        assert_eq!(normalize_date("五月十日"), None);
        assert_eq!(normalize_date("2022-13-01"), None);
    }
}
