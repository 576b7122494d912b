//! Mail through real servers: `send` hands a folder of messages to an SMTP server (aiosmtpd)
//! once and only once; `fetch` takes the returns out of an IMAP mailbox (dovecot) without
//! touching it, and only what is new. What the servers received is read back with
//! mail-parser and the IMAP client, not with jixiao.

use super::mail::{Name, message};
use super::servers::{IMAP_PASSWORD, Imap, SmtpSink};
use super::*;
use mail_parser::{MessageParser, MimeHeaders};

fn send(folder: &Path, url: &str, extra: &[&str]) -> std::process::Output {
    jixiao()
        .arg("send")
        .arg(folder)
        .arg("--smtp")
        .arg(url)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn templates_go_out_through_a_real_smtp_server_once() {
    let Some(sink) = SmtpSink::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    stdout_of(jixiao().arg("new").arg("2024").arg("--in").arg(dir.path()));
    let root = dir.path().join("2024");
    stdout_of(
        jixiao()
            .current_dir(&root)
            .env("SOURCE_DATE_EPOCH", "1714000000")
            .arg("issue")
            .arg("--mail"),
    );
    let outbox = root.join("发件箱");

    // A dry run lists and sends nothing.
    let dry = send(&outbox, &sink.url(), &["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    assert_eq!(text(&dry).matches("将发送").count(), 6, "{}", text(&dry));
    assert!(sink.received().is_empty());
    assert!(!outbox.join("发送记录.tsv").exists());

    let first = send(&outbox, &sink.url(), &[]);
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains("本次发送 6 封，之前已发送 0 封"),
        "{}",
        text(&first)
    );
    let received = sink.received();
    assert_eq!(received.len(), 6);

    // The notice to 市应急管理局, opened back: its recipient, and the template under its
    // Chinese name, byte for byte.
    let name = "2024_001_市应急管理局_部门整体绩效自评表.xlsx";
    let raw = received
        .iter()
        .find(|m| String::from_utf8_lossy(m).contains("X-RcptTo: yjglj@example.com"))
        .unwrap();
    let msg = MessageParser::default().parse(raw).unwrap();
    assert_eq!(
        msg.subject(),
        Some("关于报送2024年度部门整体支出绩效自评表的通知")
    );
    let att = msg.attachment(0).unwrap();
    assert_eq!(att.attachment_name(), Some(name));
    assert_eq!(
        att.contents(),
        std::fs::read(root.join("模板").join(name)).unwrap()
    );
    assert!(String::from_utf8_lossy(raw).contains("X-MailFrom: jxc@czj.example.com"));

    // A second run sends nothing again.
    let again = send(&outbox, &sink.url(), &[]);
    assert!(again.status.success(), "{}", text(&again));
    assert!(
        text(&again).contains("本次发送 0 封，之前已发送 6 封"),
        "{}",
        text(&again)
    );
    assert_eq!(sink.received().len(), 6);
    let journal = std::fs::read(outbox.join("发送记录.tsv")).unwrap();
    assert!(journal.starts_with("\u{feff}文件\t".as_bytes()));
    // A line as each letter was handed over, and one with the server's answer.
    let journal = String::from_utf8_lossy(&journal);
    assert_eq!(journal.lines().count(), 13, "{journal}");
    assert_eq!(journal.matches("（已交给服务器，尚未收到答复）").count(), 6);
}

#[test]
fn letters_sent_once_are_not_sent_again_after_another_collect() {
    let Some(sink) = SmtpSink::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let letters = dir.path().join("汇总/审核意见");
    let first = send(&letters, &sink.url(), &[]);
    assert!(text(&first).contains("本次发送 6 封"), "{}", text(&first));
    // The bureau collects again an hour later, into a new output folder: the same letters.
    // The reminder to 006 now says 截至 09:00, but it asks the same (the same template by
    // the same date, kept in 报送记录): nothing goes again.
    stdout_of(
        jixiao()
            .env("SOURCE_DATE_EPOCH", "1652403600")
            .arg("collect")
            .arg("--plan")
            .arg(dir.path().join("评价方案.xlsx"))
            .arg("-o")
            .arg(dir.path().join("汇总"))
            .arg(dir.path().join("回收")),
    );
    let again = send(&letters, &sink.url(), &[]);
    assert!(again.status.success(), "{}", text(&again));
    assert!(
        text(&again).contains("本次发送 0 封，之前已发送 6 封"),
        "{}",
        text(&again)
    );
    assert_eq!(sink.received().len(), 6);
    // The reminder carried 006's template.
    let received = sink.received();
    let reminder = received
        .iter()
        .find(|m| String::from_utf8_lossy(m).contains("X-RcptTo: mzj@example.com"))
        .unwrap();
    let msg = MessageParser::default().parse(reminder).unwrap();
    assert_eq!(
        msg.attachment(0).and_then(|a| a.attachment_name()),
        Some("2021_006_市民政局_部门整体绩效自评表.xlsx")
    );
}

#[test]
fn a_login_is_given_the_password_from_the_environment_and_a_wrong_one_sends_nothing() {
    let Some(sink) = SmtpSink::start_with_login("jxk@czj.gov.cn", "s3cret-smtp") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("审核意见");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("001_市应急管理局.eml"),
        "From: jxc@czj.example.com\r\nTo: yjglj@example.com\r\nSubject: =?UTF-8?B?5a6h5qC45oSP6KeB?=\r\nMessage-ID: <letter-001@jixiao>\r\n\r\nok\r\n",
    )
    .unwrap();
    let url = format!("smtp://jxk%40czj.gov.cn@127.0.0.1:{}", sink.port);
    let with = |password: &str| {
        jixiao()
            .arg("send")
            .arg(&folder)
            .arg("--smtp")
            .arg(&url)
            .env("JIXIAO_SMTP_PASSWORD", password)
            .output()
            .unwrap()
    };
    let wrong = with("wrong");
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong));
    assert!(text(&wrong).contains("拒绝登录"), "{}", text(&wrong));
    assert!(sink.received().is_empty());
    assert!(
        !text(&wrong).contains("wrong"),
        "the password is never printed"
    );
    let right = with("s3cret-smtp");
    assert!(right.status.success(), "{}", text(&right));
    assert_eq!(sink.received().len(), 1);
    let journal = std::fs::read_to_string(folder.join("发送记录.tsv")).unwrap();
    assert!(journal.contains("<letter-001@jixiao>") && !journal.contains("s3cret"));
}

#[test]
fn unsafe_or_impossible_addresses_are_refused_before_anything_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("发件箱");
    std::fs::create_dir(&folder).unwrap();
    let refused = |url: &str, code: i32, says: &str| {
        let out = send(&folder, url, &[]);
        assert_eq!(out.status.code(), Some(code), "{}", text(&out));
        assert!(text(&out).contains(says), "{}", text(&out));
    };
    refused("smtp://jxk@smtp.example.cn", 2, "只能连接本机");
    refused("smtps://jxk:pw@smtp.example.cn", 2, "不能写密码");
    refused("imaps://jxk@smtp.example.cn", 2, "应以 smtps://");
    // A user and no password: asked for on a terminal, else this.
    std::fs::write(
        folder.join("a.eml"),
        b"From: a@b.cn\r\nTo: c@d.cn\r\n\r\nx\r\n",
    )
    .unwrap();
    let out = jixiao()
        .arg("send")
        .arg(&folder)
        .arg("--smtp")
        .arg("smtps://jxk@127.0.0.1:1")
        .env_remove("JIXIAO_SMTP_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("请设置环境变量 JIXIAO_SMTP_PASSWORD"),
        "{}",
        text(&out)
    );
    // Nobody listens: said in Chinese, nothing recorded as sent.
    let port = super::servers::free_port();
    let out = send(&folder, &format!("smtp://127.0.0.1:{port}"), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("无法连接服务器 127.0.0.1:{port}")),
        "{}",
        text(&out)
    );
    let journal = std::fs::read_to_string(folder.join("发送记录.tsv")).unwrap_or_default();
    assert!(!journal.contains("a.eml"));
    let fetch = jixiao()
        .args(["fetch", "--imap", "imap://192.0.2.1/INBOX"])
        .output()
        .unwrap();
    assert_eq!(fetch.status.code(), Some(2));
    assert!(text(&fetch).contains("只能连接本机"), "{}", text(&fetch));
}

fn fetch(server_url: &str, into: &Path, password: &str) -> std::process::Output {
    fetch_within(server_url, into, password, "20")
}

fn fetch_within(server_url: &str, into: &Path, password: &str, secs: &str) -> std::process::Output {
    jixiao()
        .args(["fetch", "--imap", server_url, "-o"])
        .arg(into)
        .env("JIXIAO_IMAP_PASSWORD", password)
        .env("JIXIAO_MAIL_TIMEOUT", secs)
        .output()
        .unwrap()
}

fn emls(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".eml"))
        .collect();
    v.sort();
    v
}

#[test]
fn returns_come_in_from_a_real_imap_mailbox_once_and_untouched() {
    let Some(server) = Imap::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    stdout_of(jixiao().arg("demo").arg("-o").arg(dir.path()));
    let demo_return = |code: &str| {
        let returns = dir.path().join("回收");
        let p = std::fs::read_dir(&returns)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().contains(code))
            .unwrap();
        std::fs::read(p).unwrap()
    };
    let (r001, r004, r005) = (
        demo_return("_001_"),
        demo_return("_004_"),
        demo_return("_005_"),
    );
    server.deliver(&message(
        "张华 <yjglj@example.com>",
        "Tue, 10 May 2022 09:00:00 +0800",
        "应急管理局2021年度自评表",
        &[(Name::B("GBK", "应急局自评表.xlsx"), &r001)],
    ));
    server.deliver(&message(
        "赵强 <jtysj@example.com>",
        "Wed, 11 May 2022 10:00:00 +0800",
        "交通运输局自评表",
        &[(Name::Rfc2231("UTF-8", "市交通运输局自评表.xlsx"), &r004)],
    ));
    server.deliver(
        "From: someone@example.com\r\nTo: jxk@czj.gov.cn\r\nSubject: 会议通知\r\nDate: Wed, 11 May 2022 11:00:00 +0800\r\n\r\n明天开会。\r\n"
            .as_bytes(),
    );
    let inbox = dir.path().join("收件");
    let out = fetch(&server.url("INBOX"), &inbox, IMAP_PASSWORD);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(
            "文件夹中共 3 封，之前已收取 0 封；本次保存 2 封带附件的邮件，1 封无附件未保存"
        ),
        "{}",
        text(&out)
    );
    // Named by sender and attachment, so they can be told apart (the subject is often every
    // department's 「回复：关于报送…的通知」).
    assert_eq!(
        emls(&inbox),
        [
            "1_张华_应急局自评表.xlsx.eml",
            "2_赵强_市交通运输局自评表.xlsx.eml"
        ]
    );
    // Each carries the server's receipt time in front.
    let saved = std::fs::read_to_string(inbox.join("1_张华_应急局自评表.xlsx.eml")).unwrap();
    assert!(
        saved.starts_with("Received: from 127.0.0.1:"),
        "{}",
        &saved[..200]
    );
    // Read-only: nothing was marked read, moved or deleted.
    assert_eq!(server.count(), 3);
    for flags in server.flags() {
        assert!(!flags.iter().any(|f| f.contains("Seen")), "{flags:?}");
    }

    // collect reads the saved messages as it reads any: the sender and subject kept.
    let out_dir = dir.path().join("邮件汇总");
    stdout_of(
        jixiao()
            .arg("collect")
            .arg("--plan")
            .arg(dir.path().join("评价方案.xlsx"))
            .arg("-o")
            .arg(&out_dir)
            .arg(&inbox),
    );
    let json = summary(&out_dir);
    assert_eq!(util::dept(&json, "001")["total"], "95.30");
    assert_eq!(util::dept(&json, "001")["from"], "yjglj@example.com");
    assert_eq!(util::dept(&json, "004")["subject"], "交通运输局自评表");
    assert_eq!(
        util::dept(&json, "001")["file"],
        "1_张华_应急局自评表.xlsx.eml ▸ 应急局自评表.xlsx"
    );
    // Counted as received when the server received it.
    assert_eq!(
        util::dept(&json, "001")["submitted_at_source"],
        "邮件收到时间"
    );
    assert!(
        json["unmatched"].as_array().is_none_or(|u| u.is_empty()),
        "{json}"
    );

    // Again: nothing new, nothing duplicated.
    let again = fetch(&server.url("INBOX"), &inbox, IMAP_PASSWORD);
    assert!(
        text(&again).contains("之前已收取 3 封；本次保存 0 封"),
        "{}",
        text(&again)
    );
    assert_eq!(emls(&inbox).len(), 2);
    // A late return arrives with a GBK name: only it is fetched.
    server.deliver(&message(
        "王芳 <sthjj@example.com>",
        "Fri, 13 May 2022 16:00:00 +0800",
        "生态环境局自评表",
        &[(Name::Rfc2231("GBK", "生态环境局自评表.xlsx"), &r005)],
    ));
    let late = fetch(&server.url("INBOX"), &inbox, IMAP_PASSWORD);
    assert!(
        text(&late).contains("之前已收取 3 封；本次保存 1 封"),
        "{}",
        text(&late)
    );
    assert_eq!(emls(&inbox).len(), 3);
    // A message over the size limit for files is not downloaded, and is said.
    let line = format!("{}\r\n", "Q".repeat(76));
    let big = format!(
        "From: a@example.com\r\nTo: jxk@czj.gov.cn\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: application/octet-stream; name=\"big.xlsx\"\r\nContent-Disposition: attachment; filename=\"big.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}--B--\r\n",
        line.repeat(870_000)
    );
    server.deliver(big.as_bytes());
    drop(big);
    let too_big = fetch(&server.url("INBOX"), &inbox, IMAP_PASSWORD);
    assert_eq!(too_big.status.code(), Some(3), "{}", text(&too_big));
    assert!(
        text(&too_big).contains("MB，超过 64 MB 上限"),
        "{}",
        text(&too_big)
    );
    assert_eq!(emls(&inbox).len(), 3);

    // Failures say what is wrong, and what was saved stays.
    // Only the silent server waits out the short limit; the others answer, however slowly.
    let failed = |url: String, password: &str, secs: &str, says: &str| {
        let out = fetch_within(&url, &inbox, password, secs);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(text(&out).contains(says), "{}", text(&out));
        assert_eq!(emls(&inbox).len(), 3);
    };
    failed(
        server.url("%E4%B8%8D%E5%AD%98%E5%9C%A8"),
        IMAP_PASSWORD,
        "120",
        "没有文件夹「不存在」；现有文件夹：INBOX",
    );
    let nobody = super::servers::free_port();
    failed(
        format!("imap://u@127.0.0.1:{nobody}/INBOX"),
        IMAP_PASSWORD,
        "120",
        "无法连接服务器",
    );
    // A server that accepts the connection and never speaks.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    failed(
        format!("imap://u@127.0.0.1:{port}/INBOX"),
        IMAP_PASSWORD,
        "2",
        "2 秒内没有应答",
    );
    // Last: dovecot slows down logins from an address after a wrong password.
    failed(server.url("INBOX"), "wrong", "120", "拒绝登录");
}

#[test]
fn a_certificate_that_does_not_verify_stops_the_fetch_before_the_password_is_sent() {
    let Some(server) = Imap::start_tls() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "imaps://jxk%40czj.gov.cn@localhost:{}/INBOX",
        server.tls_port
    );
    let out = fetch(&url, &dir.path().join("收件"), IMAP_PASSWORD);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains(&format!(
            "服务器 localhost:{} 的证书无法验证（",
            server.tls_port
        )) && text(&out).contains("自签名证书"),
        "{}",
        text(&out)
    );
    // The same server over plain IMAP on loopback works: it is the certificate that was refused.
    let plain = fetch(
        &server.url("INBOX"),
        &dir.path().join("收件"),
        IMAP_PASSWORD,
    );
    assert!(plain.status.success(), "{}", text(&plain));
}

#[test]
fn a_certificate_that_does_not_verify_stops_the_send_in_chinese() {
    let Some(sink) = SmtpSink::start_tls() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.eml"),
        "From: jxc@czj.example.com\r\nTo: yjglj@example.com\r\nSubject: x\r\nMessage-ID: <tls-1@czj.example.com>\r\n\r\n审核意见\r\n",
    )
    .unwrap();
    let out = jixiao()
        .arg("send")
        .arg(dir.path())
        .arg("--smtp")
        .arg(format!("smtps://localhost:{}", sink.port))
        .env("JIXIAO_MAIL_TIMEOUT", "10")
        .output()
        .unwrap();
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("自签名证书"), "{said}");
    assert!(!said.contains("文件内容无效"), "{said}");
    assert!(sink.received().is_empty());
}
