//! Every finding code, each provoked by a return broken the way departments break them, with
//! the cell it names. Returns are filled and broken through umya-spreadsheet.

use super::fill::{Typing, fill_book, find_row, full_marks};
use super::*;
use jixiao::domain::Finding;
use jixiao::sample;
use umya_spreadsheet::Workbook;

struct Env {
    dir: tempfile::TempDir,
    plan: jixiao::plan::Plan,
    templates: std::path::PathBuf,
}

fn env() -> Env {
    let e = issued_env();
    Env {
        plan: e.plan,
        dir: e.dir,
        templates: e.templates,
    }
}

fn template(env: &Env, code: &str) -> std::path::PathBuf {
    let d = env
        .plan
        .department(&jixiao::domain::DeptCode::new(code))
        .unwrap();
    env.templates
        .join(jixiao::template::file_name(&env.plan, d))
}

/// The reference return of 001, in memory.
fn reference(env: &Env) -> Workbook {
    fill_book(
        &template(env, "001"),
        &sample::reference_outcomes(),
        &sample::reference_spending(),
        "2022-05-10",
        Typing::AsExcel,
    )
}

/// A full-marks return of another department, in memory.
fn full(env: &Env, code: &str) -> Workbook {
    let (o, s) = full_marks(&env.plan, code);
    fill_book(&template(env, code), &o, &s, "2022-05-10", Typing::AsExcel)
}

fn set(book: &mut Workbook, sheet: &str, cell: &str, text: &str) {
    let ws = book.sheet_by_name_mut(sheet).unwrap();
    // Codes such as 099 stay text, as Excel keeps them in a text cell.
    let number = text
        .parse::<f64>()
        .ok()
        .filter(|_| !text.starts_with('0') || text == "0");
    match number.ok_or(()) {
        Ok(n) => {
            ws.cell_mut(cell).set_value_number(n);
        }
        Err(_) => {
            ws.cell_mut(cell).set_value_string(text);
        }
    }
}

fn row_of(book: &Workbook, sheet: &str, col: &str, text: &str) -> u32 {
    find_row(book.sheet_by_name(sheet).unwrap(), col, text)
        .unwrap_or_else(|| panic!("{text} not in {sheet}!{col}"))
}

fn save(env: &Env, book: &Workbook, name: &str) -> std::path::PathBuf {
    let p = env.dir.path().join(name);
    umya_spreadsheet::writer::xlsx::write(book, &p).unwrap();
    p
}

/// Every finding of a run over `inputs`, as `level code location: message`.
fn run(env: &Env, inputs: &[std::path::PathBuf]) -> (Vec<String>, jixiao::domain::Score) {
    let a = jixiao::pipeline::assess(
        &env.plan,
        inputs,
        &[],
        None,
        &jixiao::round::Context::first_run(),
        &|_| {},
        &|| {},
    )
    .unwrap();
    let all: Vec<&Finding> = a
        .evaluations
        .iter()
        .flat_map(|e| e.findings.iter())
        .chain(a.unmatched.iter().flat_map(|u| u.findings.iter()))
        .collect();
    let total = a
        .evaluations
        .first()
        .map(|e| e.totals.total)
        .unwrap_or_default();
    (
        all.iter()
            .map(|f| format!("{} {} {}: {}", f.level, f.code, f.location, f.message))
            .collect(),
        total,
    )
}

#[track_caller]
fn expect(found: &[String], want: &str) {
    assert!(
        found.iter().any(|f| f.starts_with(want)),
        "expected a finding starting «{want}» among:\n{}",
        found.join("\n")
    );
}

#[test]
fn file_level_findings() {
    let env = env();
    let dir = env.dir.path().join("收件");
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read(template(&env, "001")).unwrap();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("空文件.xlsx", vec![]),
        ("乱码.xlsx", (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect()),
        ("网页.xls", b"<html><head><meta charset=utf-8></head><body><table><tr><td>1</td></tr></table></body></html>".to_vec()),
        // GBK text: 部门编码,实际完成值
        ("表格.xls", vec![0xB2, 0xBF, 0xC3, 0xC5, 0xB1, 0xE0, 0xC2, 0xEB, b',', b'1', b'\r', b'\n']),
        ("截断.xlsx", good[..good.len() * 2 / 3].to_vec()),
        ("~$正在编辑.xlsx", vec![1, 2, 3]),
        ("佐证材料.pdf", b"%PDF-1.4".to_vec()),
        ("压缩包.rar", b"Rar!\x1a\x07\x00".to_vec()),
        ("导出.dat", vec![0x00, 0x13, 0xFE, 0x42, 0x07, 0x00, 0x99]),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend(vec![0; 512]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("加密.xlsx"), encrypted).unwrap();
    let mut other = rust_xlsxwriter::Workbook::new();
    other.add_worksheet().write_string(0, 0, "工资表").unwrap();
    other.save(dir.join("无关.xlsx")).unwrap();
    let big = std::fs::File::create(dir.join("巨大.xlsx")).unwrap();
    big.set_len(jixiao::collect::MAX_FILE_BYTES + 1).unwrap();
    drop(big);

    let (found, _) = run(&env, &[dir.clone(), env.dir.path().join("不存在.xlsx")]);
    expect(&found, "错误 F01 空文件.xlsx: ");
    expect(&found, "错误 F02 乱码.xlsx: ");
    expect(&found, "错误 F03 网页.xls: ");
    expect(&found, "错误 F04 表格.xls: ");
    expect(
        &found,
        "错误 F05 加密.xlsx: 文件已加密，请取消密码后重新报送",
    );
    expect(&found, "错误 F06 截断.xlsx: ");
    expect(
        &found,
        "错误 F07 无关.xlsx: 这个工作簿不是部门整体绩效自评表（工作表：Sheet1）",
    );
    expect(&found, "错误 F09 巨大.xlsx: ");
    expect(&found, "提示 F11 ~$正在编辑.xlsx: ");
    expect(&found, "提示 F12 佐证材料.pdf: ");
    expect(&found, "错误 F13 压缩包.rar: ");
    // Emitted at its code's level: a stray file in a folder is 提示, never an 错误 F02 shown
    // as 提示 (issue 35).
    expect(&found, "提示 F17 导出.dat: ");
    expect(&found, "错误 F06 不存在.xlsx: 找不到或无法访问");
}

#[cfg(unix)]
#[test]
fn special_files_are_skipped_with_a_finding() {
    let env = env();
    let dir = env.dir.path().join("收件");
    std::fs::create_dir_all(&dir).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.join("管道.xlsx"))
        .status()
        .unwrap();
    assert!(status.success());
    let (found, _) = run(&env, &[dir]);
    expect(&found, "错误 F08 管道.xlsx: ");
}

#[test]
fn identification_findings() {
    let env = env();
    let mut cases = Vec::new();

    let mut b = reference(&env);
    b.remove_sheet_by_name("_meta").unwrap();
    cases.push((save(&env, &b, "无标识.xlsx"), "提示 I01 无标识.xlsx!基本信息!B2: 文件中没有模板标识，按基本信息识别为「市应急管理局」（001）"));

    let mut b = full(&env, "003");
    b.remove_sheet_by_name("_meta").unwrap();
    set(&mut b, "基本信息", "B2", "");
    set(&mut b, "基本信息", "B3", "");
    cases.push((save(&env, &b, "2021_003_自评表.xlsx"), "提示 I02 2021_003_自评表.xlsx: 文件中没有模板标识和部门编码，按文件名识别为「市卫生健康委员会」（003）"));

    let mut b = full(&env, "003");
    b.remove_sheet_by_name("_meta").unwrap();
    set(&mut b, "基本信息", "B2", "");
    set(&mut b, "基本信息", "B3", "");
    cases.push((
        save(&env, &b, "自评表.xlsx"),
        "错误 I04 自评表.xlsx: 无法识别报送部门",
    ));

    let mut b = reference(&env);
    set(&mut b, "_meta", "B3", "099");
    cases.push((
        save(&env, &b, "编码不符.xlsx"),
        "错误 I05 编码不符.xlsx!_meta!B3: 模板中的部门编码「099」不在本年度评价方案中",
    ));

    let mut b = reference(&env);
    set(&mut b, "_meta", "B5", "2020");
    cases.push((
        save(&env, &b, "去年.xlsx"),
        "错误 I06 去年.xlsx!_meta!B5: 模板年度为 2020，本次评价年度为 2021",
    ));

    let mut b = reference(&env);
    set(&mut b, "_meta", "B6", "0000000000000000");
    cases.push((
        save(&env, &b, "旧方案.xlsx"),
        "提示 I10 旧方案.xlsx!_meta: （供财政局核对）本模板下发后评价方案有修改",
    ));

    let mut b = reference(&env);
    set(&mut b, "_meta", "B2", "other-template-3");
    cases.push((
        save(&env, &b, "他处模板.xlsx"),
        "错误 I07 他处模板.xlsx!_meta!B2: 模板版本「other-template-3」",
    ));

    let mut b = reference(&env);
    set(&mut b, "基本信息", "B2", "099");
    cases.push((
        save(&env, &b, "改了编码.xlsx"),
        "警告 I09 改了编码.xlsx!基本信息!B2: ",
    ));

    let mut b = reference(&env);
    set(&mut b, "基本信息", "B2", "002");
    cases.push((
        save(&env, &b, "借用模板.xlsx"),
        "错误 I11 借用模板.xlsx: 身份冲突：模板标识为「市应急管理局」（001），而基本信息!B2 部门编码「002」指向「市教育局」（002）",
    ));

    for (path, want) in cases {
        let (found, _) = run(&env, &[path]);
        expect(&found, want);
    }
}

#[test]
fn a_resubmission_supersedes_the_earlier_return() {
    let env = env();
    let dir = env.dir.path().join("收件");
    std::fs::create_dir_all(&dir).unwrap();
    let mut first = full(&env, "002");
    let r = row_of(&first, "绩效指标", "A", "JY01");
    set(&mut first, "绩效指标", &format!("H{r}"), "九十五");
    set(&mut first, "基本信息", "B7", "2022-05-01");
    umya_spreadsheet::writer::xlsx::write(&first, dir.join("教育局-第一次.xlsx")).unwrap();
    let mut second = full(&env, "002");
    set(&mut second, "基本信息", "B7", "2022-05-09");
    umya_spreadsheet::writer::xlsx::write(&second, dir.join("教育局-更正.xlsx")).unwrap();

    let a = jixiao::pipeline::assess(
        &env.plan,
        &[dir],
        &[],
        None,
        &jixiao::round::Context::first_run(),
        &|_| {},
        &|| {},
    )
    .unwrap();
    assert_eq!(a.evaluations.len(), 1);
    assert_eq!(a.evaluations[0].inputs.file, "教育局-更正.xlsx");
    assert_eq!(a.evaluations[0].totals.total.to_string(), "100.00");
    assert_eq!(
        a.superseded,
        vec![jixiao::collect::Superseded {
            file: "教育局-第一次.xlsx".into(),
            dept: jixiao::domain::DeptCode::new("002"),
            by: "教育局-更正.xlsx".into(),
        }]
    );
    let found: Vec<String> = a.evaluations[0]
        .findings
        .iter()
        .map(|f| format!("{} {} {}: {}", f.level, f.code, f.location, f.message))
        .collect();
    expect(
        &found,
        "提示 D01 教育局-更正.xlsx: 本部门还报送了 教育局-第一次.xlsx",
    );
}

#[test]
fn structure_and_value_findings_name_their_cells() {
    let env = env();
    let mut b = reference(&env);
    let r = |b: &Workbook, code: &str| row_of(b, "绩效指标", "A", code);
    // L01: a locked target changed.
    let gx01 = r(&b, "GX01");
    set(&mut b, "绩效指标", &format!("E{gx01}"), "基本明确");
    // V01: an empty input.
    let yj05 = r(&b, "YJ05");
    b.sheet_by_name_mut("绩效指标")
        .unwrap()
        .cell_mut(format!("H{yj05}").as_str())
        .set_value_string("");
    // V02: 九十五 in a number cell.
    let gx14 = r(&b, "GX14");
    set(&mut b, "绩效指标", &format!("H{gx14}"), "九十五");
    // V04: self-score above the weight; V03: negative; V07: unreadable; V06: empty.
    let gx02 = r(&b, "GX02");
    set(&mut b, "绩效指标", &format!("I{gx02}"), "5");
    let gx07 = r(&b, "GX07");
    set(&mut b, "绩效指标", &format!("I{gx07}"), "-1");
    let gx08 = r(&b, "GX08");
    set(&mut b, "绩效指标", &format!("I{gx08}"), "满分");
    let gx09 = r(&b, "GX09");
    b.sheet_by_name_mut("绩效指标")
        .unwrap()
        .cell_mut(format!("I{gx09}").as_str())
        .set_value_string("");
    // V05: self-score far from the computed one.
    let gx11 = r(&b, "GX11");
    set(&mut b, "绩效指标", &format!("H{gx11}"), "50%");
    // V08: below full marks without a reason.
    let gx13 = r(&b, "GX13");
    b.sheet_by_name_mut("绩效指标")
        .unwrap()
        .cell_mut(format!("J{gx13}").as_str())
        .set_value_string("");
    // S04 + S03: a code changed; S05 + S03: a duplicated code.
    let gx20 = r(&b, "GX20");
    set(&mut b, "绩效指标", &format!("A{gx20}"), "XX99");
    let gx22 = r(&b, "GX22");
    set(&mut b, "绩效指标", &format!("A{gx22}"), "GX21");
    // V09: 填报人 empty.
    b.sheet_by_name_mut("基本信息")
        .unwrap()
        .cell_mut("B5")
        .set_value_string("");
    // Budget: B01 empty, B02 negative, B03 unreadable, B04 over budget, L01 budget changed,
    // B06 a spare row without a name, B08 an added project without budget.
    let rows = |b: &Workbook, name: &str| row_of(b, "预算执行", "B", name);
    let p1 = rows(&b, "宣教中心（警示馆经费）");
    b.sheet_by_name_mut("预算执行")
        .unwrap()
        .cell_mut(format!("G{p1}").as_str())
        .set_value_string("");
    let p2 = rows(&b, "长期聘用人员工作");
    set(&mut b, "预算执行", &format!("G{p2}"), "-5");
    let p3 = rows(&b, "政府采购");
    set(&mut b, "预算执行", &format!("G{p3}"), "六十二万");
    let p4 = rows(&b, "督导经费");
    set(&mut b, "预算执行", &format!("G{p4}"), "95");
    set(&mut b, "预算执行", &format!("E{p4}"), "85");
    let added = rows(&b, "省市级专项经费");
    set(&mut b, "预算执行", &format!("F{}", added + 1), "10");
    set(
        &mut b,
        "预算执行",
        &format!("B{}", added + 2),
        "追加培训经费",
    );
    set(&mut b, "预算执行", &format!("G{}", added + 2), "3");
    let path = save(&env, &b, "问题.xlsx");
    let (found, _) = run(&env, &[path]);

    let f = "问题.xlsx";
    expect(
        &found,
        &format!(
            "警告 L01 {f}!绩效指标!E{gx01}: 指标「GX01」的目标值被修改：方案为「明确」，报送为「基本明确」"
        ),
    );
    expect(
        &found,
        &format!("错误 V01 {f}!绩效指标!H{yj05}: 指标「YJ05」（应急演练）未填写实际完成值"),
    );
    expect(
        &found,
        &format!(
            "错误 V02 {f}!绩效指标!H{gx14}: 指标「GX14」（固定资产利用率）：「九十五」不是数值"
        ),
    );
    expect(
        &found,
        &format!(
            "错误 V04 {f}!绩效指标!I{gx02}: 指标「GX02」（年度工作计划）的自评得分 5 超过权重 2"
        ),
    );
    expect(&found, &format!("错误 V03 {f}!绩效指标!I{gx07}: "));
    expect(
        &found,
        &format!("错误 V07 {f}!绩效指标!I{gx08}: 指标「GX08」的自评得分「满分」不是数值"),
    );
    expect(&found, &format!("警告 V06 {f}!绩效指标!I{gx09}: "));
    expect(
        &found,
        &format!(
            "警告 V05 {f}!绩效指标!I{gx11}: 指标「GX11」（专款专用率）自评得分 2，按评分规则计算为 1.00"
        ),
    );
    expect(&found, &format!("警告 V08 {f}!绩效指标!J{gx13}: "));
    expect(
        &found,
        &format!("警告 S04 {f}!绩效指标!A{gx20}: 指标编码「XX99」不在本部门的评价方案中"),
    );
    expect(&found, &format!("错误 S03 {f}!绩效指标: 缺少指标「GX20」"));
    expect(
        &found,
        &format!("警告 S05 {f}!绩效指标!A{gx22}: 指标「GX21」重复出现"),
    );
    expect(&found, &format!("错误 S03 {f}!绩效指标: 缺少指标「GX22」"));
    expect(
        &found,
        &format!("警告 V09 {f}!基本信息!B5: 基本信息「填报人」未填写"),
    );
    expect(
        &found,
        &format!("错误 B01 {f}!预算执行!G{p1}: 项目「宣教中心（警示馆经费）」未填写执行数"),
    );
    expect(&found, &format!("错误 B02 {f}!预算执行!G{p2}: "));
    expect(
        &found,
        &format!("错误 B03 {f}!预算执行!G{p3}: 项目「政府采购」的执行数「六十二万」不是有效金额"),
    );
    expect(
        &found,
        &format!(
            "警告 B04 {f}!预算执行!G{p4}: 项目「督导经费」执行数 95.00 万元超过调整后预算 80.00 万元"
        ),
    );
    expect(
        &found,
        &format!(
            "警告 L01 {f}!预算执行!E{p4}: 项目「督导经费」的年初预算被修改：方案为 80.00，报送为「85」"
        ),
    );
    expect(&found, &format!("错误 B06 {f}!预算执行!B{}: ", added + 1));
    expect(
        &found,
        &format!(
            "警告 B08 {f}!预算执行!F{}: 年中追加项目「追加培训经费」未填写调整后预算",
            added + 2
        ),
    );
    // 执行数 that could not be read (B01, B03) give no rate finding computed from a 0.
    for derived in ["B05", "B07"] {
        assert!(
            !found.iter().any(|x| x.contains(&format!(" {derived} "))),
            "{derived} derived from unread 执行数:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn missing_sheets_columns_and_budget_rows() {
    let env = env();
    let mut b = reference(&env);
    b.remove_sheet_by_name("预算执行").unwrap();
    let (found, _) = run(&env, &[save(&env, &b, "缺表.xlsx")]);
    expect(
        &found,
        "错误 S01 缺表.xlsx!预算执行: 缺少工作表「预算执行」",
    );

    let mut b = reference(&env);
    set(&mut b, "绩效指标", "H2", "完成情况");
    let (found, _) = run(&env, &[save(&env, &b, "缺列.xlsx")]);
    expect(
        &found,
        "错误 S02 缺列.xlsx!绩效指标!A2: 工作表「绩效指标」缺少列：实际完成值",
    );

    let mut b = reference(&env);
    let r = row_of(&b, "预算执行", "B", "督导经费");
    set(&mut b, "预算执行", &format!("B{r}"), "督导费");
    let (found, _) = run(&env, &[save(&env, &b, "改名.xlsx")]);
    expect(
        &found,
        "错误 S06 改名.xlsx!预算执行: 缺少预算项目「督导经费」所在行",
    );
}

#[test]
fn review_and_low_execution_findings() {
    let env = env();
    let mut b = full(&env, "002");
    // Spend a tenth of every line: far below the 90% warning line.
    for name in [
        "基本支出",
        "义务教育薄弱环节改善",
        "学生资助经费",
        "教师培训经费",
        "教育信息化建设",
    ] {
        let r = row_of(&b, "预算执行", "B", name);
        set(&mut b, "预算执行", &format!("G{r}"), "1");
    }
    let (found, total) = run(&env, &[save(&env, &b, "教育局.xlsx")]);
    let jy13 = row_of(&b, "绩效指标", "A", "JY13");
    expect(
        &found,
        &format!(
            "提示 V10 教育局.xlsx!绩效指标!I{jy13}: 指标「JY13」（社会评价）为评议类指标，采用自评得分 3.00"
        ),
    );
    expect(&found, "警告 B05 教育局.xlsx!预算执行!H");
    assert_eq!(total.to_string(), "100.00");
}
