//! 部门: codes unique and present, names and groups given.

use super::*;

/// 部门: the departments, and every code the sheet lists (duplicates included), so that
/// budget lines of a department whose row has an error do not cascade into more errors.
#[derive(Default)]
pub(super) struct DepartmentRows {
    pub(super) seen: HashMap<DeptCode, u32>,
    pub(super) out: Vec<Department>,
}

impl SheetRows for DepartmentRows {
    const SHEET: &'static str = SHEET_DEPARTMENTS;
    const REQUIRED: &'static [&'static str] = &[
        DepartmentCol::Code.header(),
        DepartmentCol::Name.header(),
        DepartmentCol::Group.header(),
    ];
    const OPTIONAL: &'static [&'static str] = &[
        DepartmentCol::Contact.header(),
        DepartmentCol::Phone.header(),
        DepartmentCol::Email.header(),
    ];

    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors) {
        const S: &str = SHEET_DEPARTMENTS;
        let code = DeptCode::new(t.text(row, DepartmentCol::Code.header()));
        let name = t.text(row, DepartmentCol::Name.header());
        let group = t.text(row, DepartmentCol::Group.header());
        if code.as_str().is_empty() {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Code.header()),
                "部门编码为空".into(),
            );
            return;
        }
        if let Some(first) = self.seen.get(&code) {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Code.header()),
                format!("部门编码「{code}」重复（第 {} 行已使用）", first + 1),
            );
            return;
        }
        self.seen.insert(code.clone(), row.row);
        if name.is_empty() {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Name.header()),
                format!("部门「{code}」的部门名称为空"),
            );
        }
        if group.is_empty() {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Group.header()),
                format!("部门「{code}」的指标组为空"),
            );
        }
        self.out.push(Department {
            code,
            name,
            group,
            contact: t.text(row, DepartmentCol::Contact.header()),
            phone: t.text(row, DepartmentCol::Phone.header()),
            email: t.text(row, DepartmentCol::Email.header()),
            row: row.row,
        });
    }
}

impl DepartmentRows {
    /// Reports a sheet without departments; gives every code listed.
    pub(super) fn finish(&mut self, errors: &mut Errors) -> HashSet<DeptCode> {
        if self.out.is_empty() && self.seen.is_empty() {
            errors.sheet(SHEET_DEPARTMENTS, "工作表「部门」没有任何部门".into());
        }
        std::mem::take(&mut self.seen).into_keys().collect()
    }
}

/// A code among `known` that equals `code` once leading zeros are ignored (`1` and `001`):
/// Excel drops leading zeros from a code typed into a number cell.
pub fn same_but_zeros<'a>(
    code: &DeptCode,
    known: impl IntoIterator<Item = &'a DeptCode>,
) -> Option<&'a DeptCode> {
    fn bare(c: &str) -> Option<&str> {
        c.chars()
            .all(|ch| ch.is_ascii_digit())
            .then(|| c.trim_start_matches('0'))
            .filter(|s| !s.is_empty())
    }
    let mine = bare(code.as_str())?;
    known
        .into_iter()
        .find(|k| k.as_str() != code.as_str() && bare(k.as_str()) == Some(mine))
}
