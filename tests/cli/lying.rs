//! Archives and mail that lie (issue 33): a size that lies is stopped at the lie, mail is
//! known by its content at every level, an entry that cannot be opened says why, and a file
//! cut short says so — each beside a real return that is still read.

use super::mail::{Name, collect, demo_return, env, message, raw_zip_with};
use super::*;
use std::io::Write;

/// A ZIP of deflated entries.
pub(super) fn deflated(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
    buf.into_inner()
}

/// `zip` with every entry's uncompressed size rewritten to `declared`, in the local headers
/// and the central directory alike: the directory looks honest, the data is not.
pub(super) fn lying(mut zip: Vec<u8>, declared: u32) -> Vec<u8> {
    let u16_at = |z: &[u8], at: usize| usize::from(u16::from_le_bytes([z[at], z[at + 1]]));
    let u32_at =
        |z: &[u8], at: usize| u32::from_le_bytes([z[at], z[at + 1], z[at + 2], z[at + 3]]) as usize;
    let mut at = 0;
    while zip[at..].starts_with(b"PK\x03\x04") {
        zip[at + 22..at + 26].copy_from_slice(&declared.to_le_bytes());
        at += 30 + u16_at(&zip, at + 26) + u16_at(&zip, at + 28) + u32_at(&zip, at + 18);
    }
    while zip[at..].starts_with(b"PK\x01\x02") {
        zip[at + 24..at + 28].copy_from_slice(&declared.to_le_bytes());
        at += 46 + u16_at(&zip, at + 28) + u16_at(&zip, at + 30) + u16_at(&zip, at + 32);
    }
    zip
}

/// Each finding of the unmatched file `file`: (code, message).
fn findings_of(json: &serde_json::Value, file: &str) -> Vec<(String, String)> {
    json["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["file"] == file)
        .flat_map(|u| u["findings"].as_array().unwrap().clone())
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn sizes_that_lie_are_stopped_at_the_lie_at_any_depth() {
    let env = env();
    let reference = demo_return(&env, "_001_");
    // 8 MB of zeros declared as 1,000 bytes; once alone, once three archives down.
    let bomb = lying(
        deflated(&[("应急局自评表.xlsx", &vec![0u8; 8 << 20])]),
        1000,
    );
    let three = deflated(&[("二.zip", &deflated(&[("一.zip", &bomb)]))]);
    let outer = deflated(&[
        ("炸弹.zip", &bomb),
        ("三层.zip", &three),
        ("自评表/应急管理局.xlsx", &reference),
    ]);
    let path = env.dir.path().join("报送.zip");
    std::fs::write(&path, outer).unwrap();
    let json = collect(&env, &[&path]);
    let d = dept(&json, "001");
    assert_eq!(d["file"], "报送.zip/自评表/应急管理局.xlsx");
    assert_eq!(d["total"], "95.30");
    for file in [
        "报送.zip/炸弹.zip/应急局自评表.xlsx",
        "报送.zip/三层.zip/二.zip/一.zip/应急局自评表.xlsx",
    ] {
        let found = findings_of(&json, file);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert_eq!(found[0].0, "F14", "{file}: {found:?}");
        assert!(
            found[0].1.contains("解压后超过其声明的大小 1000 字节"),
            "{file}: {found:?}"
        );
    }
}

#[test]
fn mail_is_known_by_its_content_inside_mail_and_inside_a_zip() {
    let env = env();
    let first = demo_return(&env, "_001_");
    let second = demo_return(&env, "_002_");
    let inner = |from: &str, data: &[u8]| {
        message(
            from,
            "Tue, 10 May 2022 09:30:00 +0800",
            "自评表",
            &[(Name::B("UTF-8", "自评表.xlsx"), data)],
        )
    };
    // Forwarded as an attachment of type application/octet-stream with a name that says
    // nothing, as many clients do.
    let forwarded = message(
        "办公室 <bgs@example.com>",
        "Tue, 10 May 2022 10:00:00 +0800",
        "转发：自评表",
        &[(
            Name::B("UTF-8", "ATT00001.dat"),
            &inner("张华 <yjglj@example.com>", &first),
        )],
    );
    let eml = env.dir.path().join("转发.eml");
    std::fs::write(&eml, forwarded).unwrap();
    // A saved message packed in a ZIP.
    let zip = env.dir.path().join("材料.zip");
    std::fs::write(
        &zip,
        deflated(&[(
            "邮件/自评表.eml",
            &inner("教育局 <jyj@example.com>", &second),
        )]),
    )
    .unwrap();

    let json = collect(&env, &[&eml, &zip]);
    let d = dept(&json, "001");
    assert_eq!(d["file"], "转发.eml ▸ ATT00001.dat ▸ 自评表.xlsx", "{d}");
    assert_eq!(d["total"], "95.30");
    let d = dept(&json, "002");
    assert_eq!(d["file"], "材料.zip/邮件/自评表.eml ▸ 自评表.xlsx", "{d}");
    assert_eq!(d["status"], "退回", "the demo's 002 return has errors: {d}");
    assert_eq!(
        json["unmatched"].as_array().unwrap().len(),
        0,
        "{}",
        json["unmatched"]
    );
}

#[test]
fn an_entry_that_cannot_be_opened_says_why_and_the_rest_is_read() {
    let env = env();
    let reference = demo_return(&env, "_001_");
    let junk: &[u8] = b"not really compressed";
    let zip = raw_zip_with(&[
        (b"encrypted.xlsx".to_vec(), junk, 1, 0),
        (b"bzip2.xlsx".to_vec(), junk, 0, 12),
        (b"lzma.xlsx".to_vec(), junk, 0, 14),
        (b"good.xlsx".to_vec(), &reference, 0, 0),
    ]);
    let path = env.dir.path().join("报送.zip");
    std::fs::write(&path, zip).unwrap();
    let json = collect(&env, &[&path]);
    assert_eq!(dept(&json, "001")["total"], "95.30");
    for (file, why) in [
        ("报送.zip/encrypted.xlsx", "设有密码"),
        ("报送.zip/bzip2.xlsx", "BZIP2"),
        ("报送.zip/lzma.xlsx", "LZMA"),
    ] {
        let found = findings_of(&json, file);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert!(
            found[0].1.contains("无法解压") && found[0].1.contains(why),
            "{file}: {found:?}"
        );
    }
}

#[test]
fn a_file_cut_short_is_called_incomplete_not_an_archive() {
    let env = env();
    let reference = demo_return(&env, "_001_");
    let inbox = env.dir.path().join("截断");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join("自评表.xlsx"), &reference[..reference.len() / 2]).unwrap();
    let zip = deflated(&[("自评表.xlsx", &reference)]);
    std::fs::write(inbox.join("报送.zip"), &zip[..zip.len() / 2]).unwrap();
    let json = collect(&env, &[&inbox]);
    for file in ["自评表.xlsx", "报送.zip"] {
        let found = findings_of(&json, file);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert!(found[0].1.contains("文件不完整"), "{file}: {found:?}");
        assert!(!found[0].1.contains("这是 ZIP"), "{file}: {found:?}");
    }
}
