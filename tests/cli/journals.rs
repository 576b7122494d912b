//! Journals that were edited, letters that lie (issue 33): `send` over the scripted SMTP
//! server of `scripted.rs` never sends a letter twice because a journal was edited, a file
//! copied or a connection cut, and never passes a Bcc on.

use super::scripted::{Script, Scripted, outbox, send};
use super::*;

fn letter(id: Option<&str>, bcc: Option<&str>) -> Vec<u8> {
    let mut b = mail_builder::MessageBuilder::new()
        .from(("财政局", "jxc@czj.example.com"))
        .to(("张华", "yjglj@example.com"))
        .subject("审核意见")
        .text_body("审核意见。");
    if let Some(id) = id {
        b = b.message_id(id);
    }
    if let Some(bcc) = bcc {
        b = b.bcc(("存档", bcc));
    }
    b.write_to_vec().unwrap()
}

fn handed_over(server: &Scripted) -> usize {
    server
        .commands()
        .iter()
        .filter(|c| *c == "<message>")
        .count()
}

#[test]
fn a_copy_with_the_same_message_id_is_not_sent_and_says_why() {
    let server = Scripted::start(Script::default());
    let dir = outbox();
    std::fs::copy(
        dir.path().join("001_市应急管理局.eml"),
        dir.path().join("001_市应急管理局 - 副本.eml"),
    )
    .unwrap();
    let out = send(dir.path(), &server.url(None));
    let said = text(&out);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert_eq!(handed_over(&server), 1, "{said}");
    // Name order sends the copy first; the original is the second with that Message-ID.
    assert!(
        said.contains("001_市应急管理局.eml：与 001_市应急管理局 - 副本.eml 的 Message-ID 相同"),
        "{said}"
    );
    assert!(!said.contains("已发送过"), "{said}");
    // The next run says the same, and still sends nothing.
    let again = send(dir.path(), &server.url(None));
    assert!(text(&again).contains("Message-ID 相同"), "{}", text(&again));
    assert_eq!(handed_over(&server), 1);
}

#[cfg(unix)]
#[test]
fn a_file_name_with_a_tab_is_sent_once() {
    let server = Scripted::start(Script::default());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("审核\t意见.eml"), letter(None, None)).unwrap();
    let first = send(dir.path(), &server.url(None));
    assert!(first.status.success(), "{}", text(&first));
    let again = send(dir.path(), &server.url(None));
    assert!(text(&again).contains("已发送过"), "{}", text(&again));
    assert_eq!(handed_over(&server), 1);
}

#[test]
fn a_journal_that_was_edited_stops_the_send_before_anything_goes() {
    let server = Scripted::start(Script::default());
    let dir = outbox();
    assert!(send(dir.path(), &server.url(None)).status.success());
    let journal = dir.path().join("发送记录.tsv");
    let good = std::fs::read_to_string(&journal).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(good.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let column_deleted: String = good
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            [&f[..2], &f[3..]].concat().join("\t") + "\r\n"
        })
        .collect();
    for (what, bytes) in [
        ("CSV", good.replace('\t', ",").into_bytes()),
        ("UTF-16", utf16),
        (
            "header deleted",
            good.lines().skip(1).collect::<String>().into_bytes(),
        ),
        ("column deleted", column_deleted.into_bytes()),
    ] {
        std::fs::write(&journal, &bytes).unwrap();
        let out = send(dir.path(), &server.url(None));
        let said = text(&out);
        assert_eq!(out.status.code(), Some(1), "{what}: {said}");
        assert!(said.contains("发送记录"), "{what}: {said}");
        assert!(said.contains("无法按原样读取"), "{what}: {said}");
        assert!(said.contains("本次没有发送任何邮件"), "{what}: {said}");
        assert_eq!(
            said.lines().count(),
            2,
            "{what}: one line and the header: {said}"
        );
        assert_eq!(handed_over(&server), 1, "{what}");
        assert_eq!(
            std::fs::read(&journal).unwrap(),
            bytes,
            "{what}: left as it was"
        );
    }
}

#[test]
fn a_connection_cut_after_the_message_asks_before_sending_again() {
    let server = Scripted::start(Script {
        drop_after_data: true,
        ..Script::default()
    });
    let dir = outbox();
    let first = send(dir.path(), &server.url(None));
    assert_eq!(first.status.code(), Some(1), "{}", text(&first));
    assert_eq!(handed_over(&server), 1);
    // Not a terminal: nobody to ask, so it is not sent again, and says so.
    let again = send(dir.path(), &server.url(None));
    let said = text(&again);
    assert_eq!(again.status.code(), Some(3), "{said}");
    assert!(said.contains("可能已送达"), "{said}");
    assert!(said.contains("请向收件人确认"), "{said}");
    assert_eq!(handed_over(&server), 1, "not sent twice");
}

#[test]
fn bcc_goes_in_the_envelope_only() {
    let server = Scripted::start(Script::default());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("外来.eml"),
        letter(
            Some("foreign-1@example.com"),
            Some("archive@czj.example.com"),
        ),
    )
    .unwrap();
    let out = send(dir.path(), &server.url(None));
    assert!(out.status.success(), "{}", text(&out));
    let commands = server.commands();
    assert!(
        commands
            .iter()
            .any(|c| c.contains("RCPT TO:<archive@czj.example.com>")),
        "{commands:?}"
    );
    let messages = server.messages.lock().unwrap().clone();
    assert_eq!(messages.len(), 1);
    assert!(
        !messages[0].to_ascii_lowercase().contains("bcc:"),
        "{}",
        messages[0]
    );
    assert!(!messages[0].contains("archive@czj.example.com"));
    assert!(messages[0].contains("Subject:"), "the rest is kept");
}

#[test]
fn a_server_answer_that_looks_like_a_formula_is_text_in_the_journal() {
    let server = Scripted::start(Script {
        data: "250 =HYPERLINK(\"http://evil.example\",\"ok\")",
        ..Script::default()
    });
    let dir = outbox();
    assert!(send(dir.path(), &server.url(None)).status.success());
    let journal = std::fs::read_to_string(dir.path().join("发送记录.tsv")).unwrap();
    for line in journal.lines() {
        for field in line.split('\t') {
            assert!(
                !field.starts_with(['=', '+', '-', '@']),
                "{field:?} in {journal}"
            );
        }
    }
    assert!(journal.contains("'=HYPERLINK"), "{journal}");
    // Read back as written: the letter counts as sent.
    let again = send(dir.path(), &server.url(None));
    assert!(text(&again).contains("已发送过"), "{}", text(&again));
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_a_letter_is_with_the_server_says_what_was_kept() {
    let server = Scripted::start(Script {
        hang_after_data: true,
        ..Script::default()
    });
    let dir = outbox();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"))
        .arg("send")
        .arg(dir.path())
        .arg("--smtp")
        .arg(server.url(None))
        .env("JIXIAO_MAIL_TIMEOUT", "60")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    assert!(server.wait_for_messages(1), "the letter reached the server");
    let sent = std::process::Command::new("kill")
        .arg("-INT")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("已发送的邮件都已记入发送记录"), "{err}");
    assert!(!err.contains("没有写出任何结果"), "{err}");
    // The letter may have arrived: the next run does not send it without asking.
    let again = send(dir.path(), &Scripted::start(Script::default()).url(None));
    assert!(text(&again).contains("可能已送达"), "{}", text(&again));
}
