//! `_meta` (very hidden): template version, identity, the plan's fingerprint, and the locked
//! values as issued (to tell a later plan change from a department's edit).

use super::*;

pub(super) fn write_meta(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    fp: &str,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_META)?;
    let rows: [(MetaKey, String); 6] = [
        (MetaKey::Version, TEMPLATE_VERSION.to_string()),
        (MetaKey::DeptCode, dept.code.to_string()),
        (MetaKey::DeptName, dept.name.clone()),
        (MetaKey::Year, plan.settings.year.to_string()),
        (MetaKey::Fingerprint, fp.to_string()),
        (
            MetaKey::Tool,
            format!("jixiao {}", env!("CARGO_PKG_VERSION")),
        ),
    ];
    for (c, h) in crate::layout::template::META_HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, k.key())?;
        ws.write_string(i as u32 + 1, 1, v)?;
    }
    // The locked values as issued, so that a later plan change is told apart from a
    // department's edit: `指标:GX01 | 三级指标 | 目标值 | 权重`, `预算:名称 | 年初预算 | 调整后预算`.
    let mut r = rows.len() as u32 + 2;
    for i in plan.indicators_for(dept) {
        ws.write_string(r, 0, format!("{ISSUED_INDICATOR}{}", i.code))?;
        ws.write_string(r, 1, &*i.level3)?;
        ws.write_string(r, 2, &*i.target_text)?;
        ws.write_string(r, 3, fmt_plain(i.weight.value()))?;
        r += 1;
    }
    for b in plan.budget_for(&dept.code) {
        ws.write_string(r, 0, format!("{ISSUED_BUDGET}{}", b.name))?;
        ws.write_string(r, 1, fmt_plain(b.initial.value()))?;
        ws.write_string(r, 2, fmt_plain(b.adjusted.value()))?;
        r += 1;
    }
    ws.set_very_hidden(true);
    protect(ws);
    Ok(())
}
