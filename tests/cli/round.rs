//! Issue 31: returns as the bureau counts them — when a return counts as received, who was on
//! time over a round of 退回 and resubmissions (the 报送记录 carried from run to run), a
//! stranger's file held as 身份存疑 and accepted, office documents inside mail, a peer's
//! resubmission named in another department's letter, and the 抽查 draw.

use super::*;
use mail_parser::MessageParser;

/// The demo's folder: its plan (deadline 2022-05-20) and its returns, for reuse.
struct Demo {
    dir: tempfile::TempDir,
}

impl Demo {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        demo_in(dir.path());
        Demo { dir }
    }

    fn plan(&self) -> std::path::PathBuf {
        self.dir.path().join("评价方案.xlsx")
    }

    /// A demo return's bytes by a part of its file name.
    fn return_bytes(&self, part: &str) -> Vec<u8> {
        let p = std::fs::read_dir(self.dir.path().join("回收"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().contains(part))
            .unwrap_or_else(|| panic!("no demo return {part}"));
        std::fs::read(p).unwrap()
    }

    /// A folder of its own for one scenario's mail.
    fn inbox(&self, name: &str) -> std::path::PathBuf {
        let p = self.dir.path().join(name);
        std::fs::create_dir_all(&p).unwrap();
        p
    }

    /// `collect` of `inbox` into `out` at `epoch`, with more arguments; what it printed.
    fn collect(&self, inbox: &Path, out: &Path, epoch: i64, more: &[&str]) -> String {
        let done = collect_cmd(self.plan(), out)
            .env("SOURCE_DATE_EPOCH", epoch.to_string())
            .args(more)
            .arg(inbox)
            .output()
            .unwrap();
        assert!(matches!(done.status.code(), Some(0 | 3)), "{}", text(&done));
        text(&done)
    }
}

/// Unix seconds of a Beijing date at noon.
fn noon(date: &str) -> i64 {
    jixiao::domain::Date::parse(date).unwrap().days() * 86_400 + 4 * 3600
}

/// A message from `from` at `date` (Unix seconds) carrying `files`.
fn mail(from: (&str, &str), date: i64, subject: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut m = mail_builder::MessageBuilder::new()
        .from(from)
        .to("jxc@czj.example.com")
        .subject(subject)
        .date(date)
        .message_id(format!("{}.{date}@example.com", from.1))
        .text_body("附件是本单位的自评表。");
    for (name, bytes) in files {
        m = m.attachment("application/octet-stream", *name, bytes.to_vec());
    }
    m.write_to_vec().unwrap()
}

fn dept_of<'a>(json: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    util::dept(json, code)
}

fn codes(d: &serde_json::Value) -> Vec<String> {
    d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// The 汇总排名 row of a department, by header.
fn ranking_cell(out: &Path, code: &str, header: &str) -> String {
    let rows = sheet_rows(&out.join("2021年度部门整体绩效评价汇总.xlsx"), "汇总排名");
    let col = rows[1].iter().position(|h| h == header).unwrap();
    rows.iter()
        .find(|r| r.get(1).map(String::as_str) == Some(code))
        .map(|r| r[col].clone())
        .unwrap()
}

#[test]
fn a_correction_of_an_on_time_return_keeps_it_on_time() {
    let d = Demo::new();
    let inbox = d.inbox("收件-更正");
    let r001 = d.return_bytes("_001_");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("应急局自评表.xlsx", &r001)],
        ),
    )
    .unwrap();
    // The correction: the 003 correction is another department's; here 001 sends its own
    // again with a change (the 初稿-style copy from the demo is 003's, so 001's own file,
    // touched: a different 佐证材料 text makes it another return).
    let corrected = {
        let mut b =
            umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(&r001), true).unwrap();
        let ws = b.sheet_by_name_mut("绩效指标").unwrap();
        let r = jixiao::demo::fill::find_row(ws, "A", "GX01").unwrap();
        ws.cell_mut(format!("K{r}").as_str())
            .set_value_string("更正后的佐证材料");
        let mut out = Vec::new();
        umya_spreadsheet::writer::xlsx::write_writer(&b, &mut out).unwrap();
        out
    };
    std::fs::write(
        inbox.join("2.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-06-15"),
            "自评表（更正）",
            &[("应急局自评表.xlsx", &corrected)],
        ),
    )
    .unwrap();
    let out = d.dir.path().join("汇总-更正");
    d.collect(&inbox, &out, noon("2022-06-20"), &[]);
    let json = summary(&out);
    let d001 = dept_of(&json, "001");
    assert_eq!(d001["timeliness"]["state"], "corrected", "{d001}");
    assert_eq!(d001["timeliness"]["corrected_at"], "2022-06-15");
    assert!(d001["late_days"].is_null(), "{d001}");
    assert!(!codes(d001).contains(&"D02".into()), "{:?}", codes(d001));
    assert_eq!(
        ranking_cell(&out, "001", "报送情况"),
        "按时（更正于 2022-06-15）"
    );
    assert_eq!(ranking_cell(&out, "001", "逾期天数"), "");
    // 报送时间 is when the first return came.
    assert_eq!(ranking_cell(&out, "001", "报送时间"), "2022-05-18 12:00");
    let letter = std::fs::read_to_string(out.join("审核意见/001_市应急管理局.txt")).unwrap();
    assert!(
        letter.contains("按时报送，于 2022-06-15 报送了更正稿"),
        "{letter}"
    );
}

#[test]
fn a_resubmission_counts_by_the_deadline_its_letter_named() {
    let d = Demo::new();
    let draft = d.return_bytes("（初稿）");
    let fixed = d.return_bytes("（更正）");
    let inbox = d.inbox("收件-退回");
    let out = d.dir.path().join("汇总-退回");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("王芳", "wjw@example.com"),
            noon("2022-05-19"),
            "卫健委自评表",
            &[("卫健委自评表.xlsx", &draft)],
        ),
    )
    .unwrap();
    // Run 1 on 05-21: sent back, the letter names 05-28 (7 days); the record keeps it.
    d.collect(&inbox, &out, noon("2022-05-21"), &[]);
    let letter = std::fs::read_to_string(out.join("审核意见/003_市卫生健康委员会.txt")).unwrap();
    assert!(letter.contains("于 2022-05-28 前重新报送"), "{letter}");
    let ledger = std::fs::read_to_string(out.join("报送记录.tsv")).unwrap();
    assert!(ledger.contains("\t退回\t2022-05-28\t"), "{ledger}");
    // A later run a day after still names 05-28 (the same letter).
    d.collect(&inbox, &out, noon("2022-05-22"), &[]);
    let again = std::fs::read_to_string(out.join("审核意见/003_市卫生健康委员会.txt")).unwrap();
    assert!(again.contains("于 2022-05-28 前重新报送"), "{again}");

    // Resubmitted on 05-27, inside the letter's deadline: on time.
    let on_time = inbox.join("2.eml");
    std::fs::write(
        &on_time,
        mail(
            ("王芳", "wjw@example.com"),
            noon("2022-05-27"),
            "回复：审核意见",
            &[("卫健委自评表.xlsx", &fixed)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-29"), &[]);
    let d003 = dept_of(&summary(&out), "003").clone();
    assert_eq!(d003["timeliness"]["state"], "resubmitted", "{d003}");
    assert_eq!(d003["timeliness"]["deadline"], "2022-05-28");
    assert!(!codes(&d003).contains(&"D02".into()), "{:?}", codes(&d003));

    // Resubmitted on 05-31 instead: 3 days late by the letter.
    std::fs::remove_file(&on_time).unwrap();
    std::fs::write(
        inbox.join("3.eml"),
        mail(
            ("王芳", "wjw@example.com"),
            noon("2022-05-31"),
            "回复：审核意见",
            &[("卫健委自评表.xlsx", &fixed)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-06-01"), &[]);
    let json = summary(&out);
    let d003 = dept_of(&json, "003");
    assert_eq!(d003["late_days"], 3, "{d003}");
    let late = d003["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "D02")
        .unwrap();
    assert!(
        late["message"]
            .as_str()
            .unwrap()
            .contains("晚于退回通知的重报期限 2022-05-28，逾期 3 天"),
        "{late}"
    );
    assert!(!late["hint"].as_str().unwrap().contains("按时"), "{late}");
    assert_eq!(ranking_cell(&out, "003", "报送情况"), "退回后逾期重报 3 天");
}

#[test]
fn a_late_first_return_is_late_whatever_follows() {
    let d = Demo::new();
    let inbox = d.inbox("收件-逾期");
    let out = d.dir.path().join("汇总-逾期");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-25"),
            "自评表",
            &[("应急局自评表.xlsx", &d.return_bytes("_001_"))],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-26"), &["--report"]);
    let json = summary(&out);
    let d001 = dept_of(&json, "001");
    assert_eq!(d001["late_days"], 5);
    assert_eq!(d001["timeliness"]["first_received_source"], "邮件发送时间");
    let late = d001["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "D02")
        .unwrap();
    assert_eq!(
        late["message"],
        "逾期报送：首次报送的日期为 2022-05-25（邮件发送时间），晚于报送截止日期 2022-05-20，逾期 5 天"
    );
    assert!(!late["hint"].as_str().unwrap().contains("按时"), "{late}");
    assert_eq!(ranking_cell(&out, "001", "逾期天数"), "5");
    assert_eq!(ranking_cell(&out, "001", "报送情况"), "逾期 5 天");
}

#[test]
fn a_stranger_s_file_is_held_until_the_bureau_accepts_it() {
    let d = Demo::new();
    let inbox = d.inbox("收件-陌生");
    let out = d.dir.path().join("汇总-陌生");
    let own = d.return_bytes("_001_");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("应急局自评表.xlsx", &own)],
        ),
    )
    .unwrap();
    // 001's template filled by someone else, sent later from a personal address.
    let other = {
        let mut b =
            umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(&own), true).unwrap();
        let ws = b.sheet_by_name_mut("绩效指标").unwrap();
        let r = jixiao::demo::fill::find_row(ws, "A", "GX03").unwrap();
        ws.cell_mut(format!("H{r}").as_str()).set_value_string("高");
        let mut out = Vec::new();
        umya_spreadsheet::writer::xlsx::write_writer(&b, &mut out).unwrap();
        out
    };
    std::fs::write(
        inbox.join("2.eml"),
        mail(
            ("小王", "xiaowang@personal.example"),
            noon("2022-05-19"),
            "自评表",
            &[("自评表.xlsx", &other)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-21"), &[]);
    let json = summary(&out);
    assert_eq!(
        dept_of(&json, "001")["total"],
        "95.30",
        "the known return stands"
    );
    assert_eq!(dept_of(&json, "001")["file"], "1.eml ▸ 应急局自评表.xlsx");
    let held = json["conflicts"].as_array().unwrap();
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0]["kind"], "身份存疑");
    assert_eq!(held[0]["file"], "2.eml ▸ 自评表.xlsx");
    let unmatched = json["unmatched"].as_array().unwrap();
    let finding = unmatched
        .iter()
        .find(|u| u["file"] == "2.eml ▸ 自评表.xlsx")
        .unwrap();
    assert!(
        finding["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "I12"),
        "{finding}"
    );
    // The letter goes to the registered address and says what was held.
    let eml = std::fs::read(out.join("审核意见/001_市应急管理局.eml")).unwrap();
    let msg = MessageParser::default().parse(&eml).unwrap();
    assert_eq!(
        msg.to().unwrap().first().unwrap().address(),
        Some("yjglj@example.com")
    );
    let body = msg.body_text(0).unwrap();
    assert!(
        body.contains("2.eml ▸ 自评表.xlsx") && body.contains("暂未采用"),
        "{body}"
    );

    // The bureau accepts it: it is used, recorded, and stays accepted.
    let said = d.collect(&inbox, &out, noon("2022-05-22"), &["--accept", "2.eml"]);
    assert!(
        said.contains("采用身份存疑的报送 2.eml ▸ 自评表.xlsx"),
        "{said}"
    );
    let json = summary(&out);
    assert_eq!(dept_of(&json, "001")["file"], "2.eml ▸ 自评表.xlsx");
    assert_eq!(json["accepted"][0], "2.eml ▸ 自评表.xlsx");
    let ledger = std::fs::read_to_string(out.join("报送记录.tsv")).unwrap();
    assert!(
        ledger.contains("xiaowang@personal.example\t确认采用"),
        "{ledger}"
    );
    d.collect(&inbox, &out, noon("2022-05-23"), &[]);
    assert_eq!(
        dept_of(&summary(&out), "001")["file"],
        "2.eml ▸ 自评表.xlsx"
    );
}

#[test]
fn another_department_s_contact_or_address_is_a_conflict_and_a_future_date_is_not_believed() {
    let d = Demo::new();
    let inbox = d.inbox("收件-冲突");
    let out = d.dir.path().join("汇总-冲突");
    let own = d.return_bytes("_001_");
    // 李明 is 002's 联系人.
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("李明", "liming@personal.example"),
            noon("2022-05-18"),
            "自评表",
            &[("自评表.xlsx", &own)],
        ),
    )
    .unwrap();
    // 005's return without its _meta sheet, sent from 002's registered address.
    let no_meta = {
        let r005 = d.return_bytes("_005_");
        let mut b =
            umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(&r005), true).unwrap();
        b.remove_sheet_by_name("_meta").unwrap();
        let mut out = Vec::new();
        umya_spreadsheet::writer::xlsx::write_writer(&b, &mut out).unwrap();
        out
    };
    std::fs::write(
        inbox.join("2.eml"),
        mail(
            ("教育局", "jyj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("生态环境局.xlsx", &no_meta)],
        ),
    )
    .unwrap();
    // 004 twice: on time, then a copy dated 2099.
    let r004 = d.return_bytes("_004_市交通运输局_部门整体");
    std::fs::write(
        inbox.join("3.eml"),
        mail(
            ("赵强", "jtysj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("交通局.xlsx", &r004)],
        ),
    )
    .unwrap();
    std::fs::write(
        inbox.join("4.eml"),
        mail(
            ("赵强", "jtysj@example.com"),
            noon("2099-01-01"),
            "自评表",
            &[("交通局（未来）.xlsx", &r004[..])],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-21"), &[]);
    let json = summary(&out);
    let conflicts = json["conflicts"].as_array().unwrap();
    let by_file = |f: &str| {
        conflicts
            .iter()
            .find(|c| c["file"] == f)
            .unwrap_or_else(|| panic!("{f}: {conflicts:?}"))
    };
    let c1 = by_file("1.eml ▸ 自评表.xlsx");
    assert_eq!(c1["kind"], "身份冲突");
    assert_eq!(c1["claimed_department"], "002");
    assert!(
        c1["evidence"][0]
            .as_str()
            .unwrap()
            .contains("发件人显示名「李明」"),
        "{c1}"
    );
    let c2 = by_file("2.eml ▸ 生态环境局.xlsx");
    assert_eq!(c2["claimed_department"], "002");
    assert_eq!(
        json["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == "001")
            .unwrap()["status"],
        "未报送"
    );
    // The 2099 copy does not win, and its date is flagged.
    let d004 = dept_of(&json, "004");
    assert_eq!(d004["file"], "3.eml ▸ 交通局.xlsx", "{d004}");
    let superseded = json["superseded"].as_array().unwrap();
    assert!(
        superseded
            .iter()
            .any(|s| s["file"] == "4.eml ▸ 交通局（未来）.xlsx"),
        "{superseded:?}"
    );
    let flagged = d004["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "D03")
        .unwrap_or_else(|| panic!("{d004}"));
    assert_eq!(flagged["location"], "4.eml ▸ 交通局（未来）.xlsx");
    assert!(
        flagged["message"].as_str().unwrap().contains("2099-01-01"),
        "{flagged}"
    );
}

#[test]
fn office_documents_and_pdfs_in_mail_and_archives_are_one_file_each() {
    let d = Demo::new();
    let inbox = d.inbox("收件-文档");
    let out = d.dir.path().join("汇总-文档");
    let docx = {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        for part in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "docProps/core.xml",
        ] {
            z.start_file(part, o).unwrap();
            std::io::Write::write_all(&mut z, b"<x/>").unwrap();
        }
        z.finish().unwrap();
        buf.into_inner()
    };
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let archive = {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        for (name, bytes) in [("材料/说明.docx", &docx), ("材料/佐证.pdf", &pdf)] {
            z.start_file(name, o).unwrap();
            std::io::Write::write_all(&mut z, bytes).unwrap();
        }
        z.finish().unwrap();
        buf.into_inner()
    };
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[
                ("应急局自评表.xlsx", &d.return_bytes("_001_")),
                ("说明.docx", &docx),
                ("佐证.pdf", &pdf),
                ("材料.zip", &archive),
            ],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-21"), &[]);
    let json = summary(&out);
    let unmatched: Vec<(String, String)> = json["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["file"].as_str().unwrap().to_string(),
                u["findings"][0]["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        unmatched,
        [
            ("1.eml ▸ 佐证.pdf".to_string(), "F12".to_string()),
            ("1.eml ▸ 材料.zip/材料/佐证.pdf".into(), "F12".into()),
            ("1.eml ▸ 材料.zip/材料/说明.docx".into(), "F12".into()),
            ("1.eml ▸ 说明.docx".into(), "F12".into()),
        ]
    );
    assert_eq!(dept_of(&json, "001")["total"], "95.30");
}

#[test]
fn a_peer_s_resubmission_is_named_in_the_other_department_s_letter() {
    let c = super::matrix::county();
    let returns = c.dir.path().join("回收");
    super::matrix::umya_returns(&c, &returns);
    let out = c.dir.path().join("汇总");
    stdout_of(
        collect_cmd(&c.plan, &out)
            .env("SOURCE_DATE_EPOCH", "1774000000")
            .arg(&returns),
    );
    // 201 resubmits: its 相对:最高值 R15 is 99% now, no longer 102.5%.
    let r = super::matrix::RETURNS
        .iter()
        .find(|r| r.code == "201")
        .unwrap();
    let answers: Vec<_> = r
        .answers
        .iter()
        .map(|(i, t, o)| match *i {
            "R15" => (*i, super::matrix::Typed::Pct("99"), *o),
            _ => (*i, *t, *o),
        })
        .collect();
    let changed = super::matrix::Return {
        code: "201",
        answers: Box::leak(answers.into_boxed_slice()),
        spent: r.spent,
    };
    let t = c.template("201");
    super::matrix::fill_umya(&t, &changed, &returns.join(t.file_name().unwrap()));
    stdout_of(
        collect_cmd(&c.plan, &out)
            .env("SOURCE_DATE_EPOCH", "1774003600")
            .arg(&returns),
    );
    let letter = std::fs::read_to_string(out.join("审核意见/202_青山县教育局.txt")).unwrap();
    assert!(letter.contains("贵单位的报送没有变化"), "{letter}");
    assert!(
        letter.contains("指标「R15」（绩效目标完成率）：5.62 分 → 5.82 分（按其他部门的数值计分）。实际 96%，参评部门最高 99%（青山县水利局）"),
        "{letter}"
    );
    // 201's own letter says nothing of the kind: it changed its return itself.
    let own = std::fs::read_to_string(out.join("审核意见/201_青山县水利局.txt")).unwrap();
    assert!(!own.contains("贵单位的报送没有变化"), "{own}");
    // The department's sheet says it too.
    let rows = sheet_rows(
        &out.join("2025年度部门整体绩效评价汇总.xlsx"),
        "202 青山县教育局",
    );
    assert!(
        rows.iter()
            .flatten()
            .any(|c| c.contains("（上次审核得分 5.62，报送未变，按其他部门的数值计分）")),
        "{rows:?}"
    );
}

#[test]
fn the_same_seed_keeps_its_draw_when_the_set_changes() {
    let d = Demo::new();
    let returns = d.dir.path().join("回收");
    let run = |out: &str| {
        let o = d.dir.path().join(out);
        stdout_of(
            collect_cmd(d.plan(), &o)
                .args(["--sample", "2", "--seed", "2025"])
                .arg(&returns),
        );
        summary(&o)["sample"]["departments"].clone()
    };
    let drawn = run("抽查-1");
    assert_eq!(drawn.as_array().unwrap().len(), 2);
    // A department not drawn leaves the set (its return removed): a new output, the same
    // seed, the same two.
    let gone = ["001", "003", "004", "005"]
        .into_iter()
        .find(|c| !drawn.as_array().unwrap().iter().any(|x| x == c))
        .unwrap();
    for p in std::fs::read_dir(&returns)
        .unwrap()
        .map(|e| e.unwrap().path())
    {
        if p.to_string_lossy().contains(&format!("_{gone}_")) {
            std::fs::remove_file(p).unwrap();
        }
    }
    assert_eq!(run("抽查-2"), drawn);
}

/// A message with hand-written headers above a body and one attachment (for Received lines).
fn raw_mail(headers: &str, attachment: (&str, &[u8])) -> Vec<u8> {
    let built = mail(
        ("张华", "yjglj@example.com"),
        noon("2022-05-18"),
        "自评表",
        &[attachment],
    );
    let mut out = headers.replace('\n', "\r\n").into_bytes();
    out.extend(built);
    out
}

#[test]
fn the_top_received_line_counts_not_one_the_sender_wrote_below() {
    let d = Demo::new();
    let inbox = d.inbox("收件-伪造");
    let out = d.dir.path().join("汇总-伪造");
    // The bureau's server (top) received it on 05-25; a line below claims 05-18.
    std::fs::write(
        inbox.join("1.eml"),
        raw_mail(
            "Received: from mx by czj.example.com; Wed, 25 May 2022 10:00:00 +0800\nReceived: from fake by fake.example; Wed, 18 May 2022 10:00:00 +0800\n",
            ("应急局自评表.xlsx", &d.return_bytes("_001_")),
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-26"), &[]);
    let d001 = dept_of(&summary(&out), "001").clone();
    assert_eq!(d001["late_days"], 5, "{d001}");
    assert_eq!(d001["timeliness"]["first_received_source"], "邮件收到时间");
}

#[test]
fn a_held_file_stays_held_and_a_replaced_stranger_stays_a_stranger() {
    let d = Demo::new();
    let own = d.return_bytes("_001_");
    let other = {
        let mut b =
            umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(&own), true).unwrap();
        let ws = b.sheet_by_name_mut("绩效指标").unwrap();
        let r = jixiao::demo::fill::find_row(ws, "A", "GX03").unwrap();
        ws.cell_mut(format!("H{r}").as_str()).set_value_string("高");
        let mut out = Vec::new();
        umya_spreadsheet::writer::xlsx::write_writer(&b, &mut out).unwrap();
        out
    };
    // The known return, then a stranger's: held. The known file is deleted: still held.
    let inbox = d.inbox("收件-仍存疑");
    let out = d.dir.path().join("汇总-仍存疑");
    let known = inbox.join("1.eml");
    std::fs::write(
        &known,
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("a.xlsx", &own)],
        ),
    )
    .unwrap();
    std::fs::write(
        inbox.join("2.eml"),
        mail(
            ("某人", "someone@personal.example"),
            noon("2022-05-19"),
            "自评表",
            &[("b.xlsx", &other)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-20"), &[]);
    std::fs::remove_file(&known).unwrap();
    d.collect(&inbox, &out, noon("2022-05-21"), &[]);
    let json = summary(&out);
    assert_eq!(
        dept_of(&json, "001")["status"],
        "未报送",
        "{}",
        dept_of(&json, "001")
    );
    assert_eq!(json["conflicts"][0]["kind"], "身份存疑");

    // A stranger's return replaced in its own run by the registered one makes nobody known:
    // the stranger's next return is held.
    let inbox = d.inbox("收件-替代");
    let out = d.dir.path().join("汇总-替代");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("黑客", "hacker@evil.example"),
            noon("2022-05-17"),
            "自评表",
            &[("b.xlsx", &other)],
        ),
    )
    .unwrap();
    std::fs::write(
        inbox.join("2.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("a.xlsx", &own)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-18") + 3600, &[]);
    let again = {
        let mut b = umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(&other), true)
            .unwrap();
        let ws = b.sheet_by_name_mut("绩效指标").unwrap();
        let r = jixiao::demo::fill::find_row(ws, "A", "GX04").unwrap();
        ws.cell_mut(format!("H{r}").as_str()).set_value_string("高");
        let mut out = Vec::new();
        umya_spreadsheet::writer::xlsx::write_writer(&b, &mut out).unwrap();
        out
    };
    std::fs::write(
        inbox.join("3.eml"),
        mail(
            ("黑客", "hacker@evil.example"),
            noon("2022-05-19"),
            "自评表",
            &[("c.xlsx", &again)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-20"), &[]);
    let json = summary(&out);
    assert_eq!(dept_of(&json, "001")["file"], "2.eml ▸ a.xlsx");
    assert!(
        json["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["file"] == "3.eml ▸ c.xlsx")
    );
}

#[test]
fn a_copy_in_the_folder_keeps_the_mail_s_receipt() {
    let d = Demo::new();
    let inbox = d.inbox("收件-副本");
    let out = d.dir.path().join("汇总-副本");
    let r005 = d.return_bytes("_005_");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("陈静", "sthjj@example.com"),
            noon("2022-05-25"),
            "自评表",
            &[("生态环境局.xlsx", &r005)],
        ),
    )
    .unwrap();
    // The officer also saved the attachment into the folder (its 填报日期 is earlier).
    std::fs::write(inbox.join("生态环境局.xlsx"), &r005).unwrap();
    d.collect(&inbox, &out, noon("2022-05-26"), &[]);
    let d005 = dept_of(&summary(&out), "005").clone();
    assert_eq!(d005["late_days"], 5, "{d005}");
    assert_eq!(d005["timeliness"]["state"], "late");
}

#[test]
fn a_letter_s_deadline_holds_for_an_accepted_return_and_a_later_plan_deadline_extends_it() {
    let d = Demo::new();
    let draft = d.return_bytes("（初稿）");
    let fixed = d.return_bytes("（更正）");
    // 003's draft from a personal address, accepted, and sent back (deadline 05-28).
    let inbox = d.inbox("收件-采用退回");
    let out = d.dir.path().join("汇总-采用退回");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("王芳", "wangfang@personal.example"),
            noon("2022-05-19"),
            "自评表",
            &[("草稿.xlsx", &draft)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-05-21"), &["--accept", "1.eml"]);
    std::fs::write(
        inbox.join("2.eml"),
        mail(
            ("王芳", "wangfang@personal.example"),
            noon("2022-06-05"),
            "自评表",
            &[("更正.xlsx", &fixed)],
        ),
    )
    .unwrap();
    d.collect(&inbox, &out, noon("2022-06-06"), &[]);
    let d003 = dept_of(&summary(&out), "003").clone();
    assert_eq!(d003["late_days"], 8, "{d003}");
    assert_eq!(d003["timeliness"]["deadline"], "2022-05-28");
    assert!(
        d003["timeliness"]["label"]
            .as_str()
            .unwrap()
            .contains("退回后逾期重报")
    );
}

#[test]
fn a_reminder_asks_the_same_on_another_day_and_is_the_same_message() {
    let d = Demo::new();
    let inbox = d.inbox("收件-催报");
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("张华", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("a.xlsx", &d.return_bytes("_001_"))],
        ),
    )
    .unwrap();
    let id = |out: &Path| {
        let eml = std::fs::read(out.join("审核意见/006_市民政局.eml")).unwrap();
        MessageParser::default()
            .parse(&eml)
            .unwrap()
            .message_id()
            .unwrap()
            .to_string()
    };
    let out = d.dir.path().join("汇总-催报");
    d.collect(&inbox, &out, noon("2022-05-19"), &[]);
    let first = id(&out);
    // Two days later the plan's deadline (05-20) has passed, but the reminder's 05-26 stands.
    d.collect(&inbox, &out, noon("2022-05-21"), &[]);
    assert_eq!(id(&out), first);
    let text = std::fs::read_to_string(out.join("审核意见/006_市民政局.txt")).unwrap();
    assert!(
        text.contains("于 2022-05-26 前报送") && text.contains("已过"),
        "{text}"
    );
    // The accepted 001's letter too, though its receipt date was the run's date once.
    let eml = |out: &Path| std::fs::read(out.join("审核意见/001_市应急管理局.eml")).unwrap();
    let a = MessageParser::default()
        .parse(&eml(&out))
        .unwrap()
        .message_id()
        .unwrap()
        .to_string();
    d.collect(&inbox, &out, noon("2022-05-22"), &[]);
    let b = MessageParser::default()
        .parse(&eml(&out))
        .unwrap()
        .message_id()
        .unwrap()
        .to_string();
    assert_eq!(a, b);
}

#[test]
fn the_own_address_outweighs_a_colleague_s_name_and_an_ambiguous_accept_names_nothing() {
    let d = Demo::new();
    let inbox = d.inbox("收件-同事");
    let out = d.dir.path().join("汇总-同事");
    // 王芳 is 003's contact, but the mail comes from 001's registered address.
    std::fs::write(
        inbox.join("1.eml"),
        mail(
            ("王芳", "yjglj@example.com"),
            noon("2022-05-18"),
            "自评表",
            &[("自评表.xlsx", &d.return_bytes("_001_"))],
        ),
    )
    .unwrap();
    let said = d.collect(
        &inbox,
        &out,
        noon("2022-05-19"),
        &["--accept", "自评表.xlsx"],
    );
    let json = summary(&out);
    assert_eq!(dept_of(&json, "001")["total"], "95.30");
    assert!(
        json["conflicts"].as_array().unwrap().is_empty(),
        "{}",
        json["conflicts"]
    );
    // An attachment's name alone names no file (every department's may be 自评表.xlsx).
    assert!(
        said.contains("--accept 给出的「自评表.xlsx」不是本次读取的任何报送"),
        "{said}"
    );
}
