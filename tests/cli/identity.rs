//! Issue 23: whose return is it. A file on one department's template that names another is
//! a 身份冲突, used for neither and never superseding a real return.

use super::mail::{Name, message};
use super::*;
use jixiao::demo::fill::{Typing, fill, find_row, info};
use jixiao::domain::DeptCode;

/// 001's reference return, as umya-spreadsheet writes it.
fn reference(e: &IssuedEnv) -> umya_spreadsheet::Workbook {
    let d = e.plan.department(&DeptCode::new("001")).unwrap();
    let answers = jixiao::demo::fill::Answers {
        info: info("张华", "0518-85810001", "2022-05-10"),
        outcomes: jixiao::sample::reference_outcomes(),
        spending: jixiao::sample::reference_spending(),
    };
    let t = std::fs::read(e.templates.join(jixiao::template::file_name(&e.plan, d))).unwrap();
    fill(&t, &answers, Typing::AsExcel).unwrap()
}

fn set(book: &mut umya_spreadsheet::Workbook, sheet: &str, cell: &str, text: &str) {
    book.sheet_by_name_mut(sheet)
        .unwrap()
        .cell_mut(cell)
        .set_value_string(text);
}

#[test]
fn a_borrowed_template_is_held_for_the_bureau_and_never_replaces_the_real_return() {
    let e = issued_env();
    let returns = e.dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    let real = reference(&e);
    umya_spreadsheet::writer::xlsx::write(&real, returns.join("2021_001_市应急管理局.xlsx"))
        .unwrap();
    // A week later 003 sends 001's filled template with its own identity typed in and one
    // indicator answered worse.
    let mut borrowed = reference(&e);
    set(&mut borrowed, "基本信息", "B2", "003");
    set(&mut borrowed, "基本信息", "B3", "市卫生健康委员会");
    set(&mut borrowed, "基本信息", "B7", "2022-05-17");
    let ws = borrowed.sheet_by_name_mut("绩效指标").unwrap();
    let r = find_row(ws, "A", "YJ01").unwrap();
    ws.cell_mut(format!("H{r}").as_str())
        .set_value_string("未完成");
    umya_spreadsheet::writer::xlsx::write(&borrowed, returns.join("卫健委自评表.xlsx")).unwrap();

    let out = e.dir.path().join("汇总");
    stdout_of(collect_cmd(&e.plan_path, &out).arg(&returns));
    let json = summary(&out);
    assert_eq!(
        dept(&json, "001")["total"],
        "95.30",
        "the real return still wins"
    );
    assert_eq!(dept(&json, "003")["status"], "未报送");
    assert!(
        json["superseded"].as_array().unwrap().is_empty(),
        "{json:#}"
    );
    let conflicts = json["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["file"], "卫健委自评表.xlsx");
    assert_eq!(conflicts[0]["template_department"], "001");
    assert_eq!(conflicts[0]["claimed_department"], "003");
    let held = json["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["file"] == "卫健委自评表.xlsx")
        .unwrap();
    assert_eq!(held["findings"][0]["code"], "I11");
    assert_eq!(held["findings"][0]["level"], "错误");

    let wb = out.join("2021年度部门整体绩效评价汇总.xlsx");
    let mut book = open_workbook_auto(&wb).unwrap();
    let sheet = book.worksheet_range("身份冲突").unwrap();
    let row: Vec<String> = sheet
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(jixiao::sheet::cell_text)
        .collect();
    assert_eq!(
        &row[..6],
        [
            "卫健委自评表.xlsx",
            "身份冲突",
            "001",
            "市应急管理局",
            "003",
            "市卫生健康委员会"
        ]
    );

    let letter = |n: &str| std::fs::read_to_string(out.join("审核意见").join(n)).unwrap();
    let l003 = letter("003_市卫生健康委员会.txt");
    assert!(
        l003.contains("卫健委自评表.xlsx")
            && l003.contains("使用的是市应急管理局的模板")
            && l003.contains("2021_003_市卫生健康委员会_部门整体绩效自评表.xlsx"),
        "{l003}"
    );
    let l001 = letter("001_市应急管理局.txt");
    assert!(
        !l001.contains("卫健委自评表"),
        "the template's owner is not told: {l001}"
    );
}

#[test]
fn a_borrowed_template_mailed_from_the_other_departments_address_is_a_conflict() {
    let e = issued_env();
    let inbox = e.dir.path().join("邮件");
    std::fs::create_dir_all(&inbox).unwrap();
    let p = e.dir.path().join("x.xlsx");
    umya_spreadsheet::writer::xlsx::write(&reference(&e), &p).unwrap();
    let bytes = std::fs::read(&p).unwrap();
    // 基本信息 untouched; only the sender (003's 邮箱 in the plan) says otherwise.
    let eml = message(
        "王芳 <wjw@example.com>",
        "Tue, 17 May 2022 09:30:00 +0800",
        "自评表",
        &[(Name::B("UTF-8", "自评表.xlsx"), &bytes)],
    );
    std::fs::write(inbox.join("来信.eml"), eml).unwrap();
    let out = e.dir.path().join("汇总");
    stdout_of(collect_cmd(&e.plan_path, &out).arg(&inbox));
    let json = summary(&out);
    assert_eq!(
        dept(&json, "001")["status"],
        "未报送",
        "not used for 001 either"
    );
    let c = &json["conflicts"][0];
    assert_eq!(c["claimed_department"], "003");
    assert!(
        c["evidence"][0]
            .as_str()
            .unwrap()
            .contains("wjw@example.com"),
        "{c}"
    );
}
