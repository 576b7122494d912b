//! Messages out: `issue --mail` writes a notice per department with its template attached
//! under its Chinese name; `collect` writes each letter also as a reply. Both read back with
//! mail-parser, a different program than the one that wrote them.

use super::*;
use mail_parser::{MessageParser, MimeHeaders};

#[test]
fn notices_carry_the_template_under_its_chinese_name() {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(jixiao().arg("new").arg("2024").arg("--in").arg(dir.path()));
    let root = dir.path().join("2024");
    let out = jixiao()
        .current_dir(&root)
        .env("SOURCE_DATE_EPOCH", "1714000000")
        .arg("issue")
        .arg("--mail")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The last line names the folder the notices went to.
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.lines()
            .last()
            .unwrap_or_default()
            .starts_with("通知邮件：")
            && said.contains("发件箱（6 封，用 jixiao send"),
        "{said}"
    );
    let eml = std::fs::read(root.join("发件箱/001_市应急管理局.eml")).unwrap();
    let msg = MessageParser::default().parse(&eml).unwrap();
    assert_eq!(
        msg.subject(),
        Some("关于报送2024年度部门整体支出绩效自评表的通知")
    );
    let to = msg.to().unwrap().first().unwrap();
    assert_eq!(to.name(), Some("张华"));
    assert_eq!(to.address(), Some("yjglj@example.com"));
    let from = msg.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("jxc@czj.example.com"));
    assert_eq!(from.name(), Some("市财政局预算绩效管理处"));
    assert!(
        msg.body_text(0)
            .unwrap()
            .contains("2025-05-20 前填写后回复本邮件报送")
    );
    let att = msg.attachment(0).unwrap();
    let name = "2024_001_市应急管理局_部门整体绩效自评表.xlsx";
    assert_eq!(att.attachment_name(), Some(name));
    // The attachment is the template itself, byte for byte.
    assert_eq!(
        att.contents(),
        std::fs::read(root.join("模板").join(name)).unwrap()
    );
    // Both forms of the name are in the headers, for old and new clients.
    let raw = String::from_utf8_lossy(&eml);
    assert!(raw.contains("filename*0*=UTF-8''2024_001_"), "{raw}");
    assert!(raw.contains(" name=\"=?UTF-8?B?MjAyNF8wMDFf"), "{raw}");
    // Every department of the sample has a 邮箱: one notice each.
    let notices = std::fs::read_dir(root.join("发件箱"))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(notices, 6);
}

#[test]
fn letters_reply_to_the_message_the_return_came_in() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let file = std::fs::read_dir(dir.path().join("回收"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("001_市应急管理局_部门整体"))
        .unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    let eml = mail_builder::MessageBuilder::new()
        .from(("张华", "zhanghua@yjglj.example.com"))
        .to("jxc@czj.example.com")
        // A reply of a reply: the letter's subject does not stack them.
        .subject("回复：Re: 市应急管理局报送自评表")
        .date(1652400000i64)
        .message_id("return-001@yjglj.example.com")
        .text_body("附件是本单位的自评表。")
        .attachment("application/octet-stream", name, bytes)
        .write_to_vec()
        .unwrap();
    let inbox = dir.path().join("收件");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("001.eml"), eml).unwrap();
    let out = dir.path().join("邮件汇总");
    stdout_of(collect_cmd(dir.path().join("评价方案.xlsx"), &out).arg(&inbox));
    let reply = std::fs::read(out.join("审核意见/001_市应急管理局.eml")).unwrap();
    let msg = MessageParser::default().parse(&reply).unwrap();
    assert_eq!(msg.subject(), Some("回复：市应急管理局报送自评表"));
    assert_eq!(
        msg.in_reply_to().as_text(),
        Some("return-001@yjglj.example.com")
    );
    // To the registered 邮箱, never to whoever sent the return (a reply all the same).
    assert_eq!(
        msg.to().unwrap().first().unwrap().address(),
        Some("yjglj@example.com")
    );
    let body = msg.body_text(0).unwrap();
    assert!(body.contains("市应急管理局："), "{body}");
    // A department whose return came from a folder is written to at its 邮箱.
    let other = std::fs::read(out.join("审核意见/006_市民政局.eml")).unwrap();
    let msg = MessageParser::default().parse(&other).unwrap();
    assert_eq!(
        msg.subject(),
        Some("关于2021年度部门整体支出绩效自评表的审核意见")
    );
    assert!(msg.in_reply_to().is_empty());
}

#[test]
fn a_bare_cr_in_a_return_s_headers_never_reaches_the_reply() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let file = std::fs::read_dir(dir.path().join("回收"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("001_市应急管理局_部门整体"))
        .unwrap();
    let eml = mail_builder::MessageBuilder::new()
        .from(("张华", "zhanghua@yjglj.example.com"))
        .to("jxc@czj.example.com")
        .subject("报送自评表 MARK-SUBJECT")
        .date(1652400000i64)
        .message_id("return-001@yjglj.example.com")
        .text_body("附件是本单位的自评表。")
        .attachment(
            "application/octet-stream",
            "自评表.xlsx",
            std::fs::read(&file).unwrap(),
        )
        .write_to_vec()
        .unwrap();
    let eml = String::from_utf8(eml)
        .unwrap()
        .replace(
            "return-001@yjglj.example.com",
            "return-001\rX-Injected: yes@yjglj.example.com",
        )
        .replace("MARK-SUBJECT", "\rX-Subject-Injected: yes");
    let inbox = dir.path().join("收件");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("001.eml"), eml).unwrap();
    let out = dir.path().join("邮件汇总");
    stdout_of(collect_cmd(dir.path().join("评价方案.xlsx"), &out).arg(&inbox));
    let reply = std::fs::read(out.join("审核意见/001_市应急管理局.eml")).unwrap();
    for (k, b) in reply.iter().enumerate() {
        if *b == b'\r' {
            assert_eq!(reply.get(k + 1), Some(&b'\n'), "a bare CR at byte {k}");
        }
    }
    let msg = MessageParser::default().parse(&reply).unwrap();
    for h in msg.headers() {
        assert!(
            !h.name().to_ascii_lowercase().contains("injected"),
            "{}",
            String::from_utf8_lossy(&reply)
        );
    }
}
