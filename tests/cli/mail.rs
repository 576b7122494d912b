//! Email intake: returns straight from saved messages, mailboxes and archives.

use super::*;

fn base64(data: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn wrap76(s: &str) -> String {
    s.as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

pub(super) fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

/// How the attachment's name is written in the headers.
pub(super) enum Name<'a> {
    /// RFC 2047 B-encoding in a charset.
    B(&'a str, &'a str),
    /// RFC 2047 Q-encoding in GB2312.
    QGb2312(&'a str),
    /// RFC 2231 `filename*=` in a charset.
    Rfc2231(&'a str, &'a str),
}

fn encoded(name: &Name) -> (String, String) {
    match name {
        Name::B(charset, n) => {
            let bytes = if *charset == "UTF-8" {
                n.as_bytes().to_vec()
            } else {
                gbk(n)
            };
            let w = format!("=?{charset}?B?{}?=", base64(&bytes));
            (format!("name=\"{w}\""), format!("filename=\"{w}\""))
        }
        Name::QGb2312(n) => {
            let q: String = gbk(n)
                .iter()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || *b == b'.' {
                        (*b as char).to_string()
                    } else {
                        format!("={b:02X}")
                    }
                })
                .collect();
            let w = format!("=?GB2312?Q?{q}?=");
            (format!("name=\"{w}\""), format!("filename=\"{w}\""))
        }
        Name::Rfc2231(charset, n) => {
            let bytes = if *charset == "UTF-8" {
                n.as_bytes().to_vec()
            } else {
                gbk(n)
            };
            let pct: String = bytes
                .iter()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || *b == b'.' {
                        (*b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            (
                format!("name*={charset}''{pct}"),
                format!("filename*={charset}''{pct}"),
            )
        }
    }
}

pub(super) fn message(
    from: &str,
    date: &str,
    subject: &str,
    attachments: &[(Name, &[u8])],
) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: jixiao@czj.example.com\r\nSubject: =?UTF-8?B?{}?=\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n附件是本单位的自评表，请查收。\r\n",
        base64(subject.as_bytes())
    );
    for (name, data) in attachments {
        let (n, f) = encoded(name);
        m.push_str(&format!(
            "--BOUNDARY\r\nContent-Type: application/octet-stream; {n}\r\nContent-Disposition: attachment; {f}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            wrap76(&base64(data))
        ));
    }
    m.push_str("--BOUNDARY--\r\n");
    m.into_bytes()
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A stored ZIP whose entry names are raw bytes with the UTF-8 flag off, as Windows'
/// "send to compressed folder" writes Chinese names (GBK).
fn raw_zip(entries: &[(Vec<u8>, &[u8])]) -> Vec<u8> {
    let entries: Vec<(Vec<u8>, &[u8], u16, u16)> =
        entries.iter().map(|(n, d)| (n.clone(), *d, 0, 0)).collect();
    raw_zip_with(&entries)
}

/// [`raw_zip`] with each entry's general-purpose flags and compression method as given
/// (bit 0 of the flags: encrypted; method 12: BZIP2, 14: LZMA), the data stored as it is.
pub(super) fn raw_zip_with(entries: &[(Vec<u8>, &[u8], u16, u16)]) -> Vec<u8> {
    let (mut out, mut cd) = (Vec::new(), Vec::new());
    for (name, data, flags, method) in entries {
        let off = out.len() as u32;
        let crc = crc32(data);
        let common = |v: &mut Vec<u8>| {
            v.extend(flags.to_le_bytes()); // UTF-8 off
            v.extend(method.to_le_bytes());
            v.extend(0u32.to_le_bytes()); // time, date
            v.extend(crc.to_le_bytes());
            v.extend((data.len() as u32).to_le_bytes());
            v.extend((data.len() as u32).to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(b"PK\x03\x04");
        out.extend(20u16.to_le_bytes());
        common(&mut out);
        out.extend(name);
        out.extend(*data);
        cd.extend(b"PK\x01\x02");
        cd.extend(20u16.to_le_bytes());
        cd.extend(20u16.to_le_bytes());
        common(&mut cd);
        cd.extend([0u8; 6]);
        cd.extend(0u32.to_le_bytes());
        cd.extend(off.to_le_bytes());
        cd.extend(name);
    }
    let cd_off = out.len() as u32;
    let cd_len = cd.len() as u32;
    out.extend(cd);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_off.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

pub(super) struct Env {
    pub(super) dir: tempfile::TempDir,
    pub(super) returns: std::path::PathBuf,
}

pub(super) fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(jixiao().arg("demo").arg("-o").arg(dir.path()));
    Env {
        returns: dir.path().join("回收"),
        dir,
    }
}

pub(super) fn demo_return(env: &Env, contains: &str) -> Vec<u8> {
    let entry = std::fs::read_dir(&env.returns)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().contains(contains))
        .unwrap();
    std::fs::read(entry).unwrap()
}

pub(super) fn collect(env: &Env, inputs: &[&Path]) -> serde_json::Value {
    let out = env.dir.path().join("邮件汇总");
    let mut cmd = jixiao();
    cmd.arg("collect")
        .arg("--plan")
        .arg(env.dir.path().join("评价方案.xlsx"))
        .arg("-o")
        .arg(&out);
    for i in inputs {
        cmd.arg(i);
    }
    stdout_of(&mut cmd);
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

#[test]
fn an_eml_scores_like_the_plain_file_whatever_the_name_encoding() {
    let env = env();
    let reference = demo_return(&env, "_001_");
    let inbox = env.dir.path().join("邮件");
    std::fs::create_dir_all(&inbox).unwrap();
    let names = [
        Name::B("GBK", "应急局自评表.xlsx"),
        Name::QGb2312("应急局自评表.xlsx"),
        Name::Rfc2231("GB18030", "应急局自评表.xlsx"),
        Name::B("UTF-8", "应急局自评表.xlsx"),
    ];
    for (k, name) in names.into_iter().enumerate() {
        let eml = message(
            "张华 <yjglj@example.com>",
            &format!("Tue, 10 May 2022 0{k}:30:00 +0800"),
            "应急管理局2021年度自评表",
            &[(name, &reference)],
        );
        std::fs::write(inbox.join(format!("{k}.eml")), eml).unwrap();
        let json = collect(&env, &[&inbox.join(format!("{k}.eml"))]);
        let d = dept(&json, "001");
        assert_eq!(d["total"], "95.30", "encoding {k}");
        assert_eq!(
            d["file"],
            format!("{k}.eml ▸ 应急局自评表.xlsx"),
            "encoding {k}"
        );
        assert_eq!(
            d["submitted_at"],
            format!("2022-05-10 0{k}:30"),
            "the message Date"
        );
        assert_eq!(d["from"], "yjglj@example.com");
        assert_eq!(d["subject"], "应急管理局2021年度自评表");
        let loc = d["findings"][0]["location"].as_str().unwrap();
        assert!(
            loc.starts_with(&format!("{k}.eml ▸ 应急局自评表.xlsx!绩效指标!H")),
            "{loc}"
        );
    }
}

#[test]
fn a_mailbox_with_a_broken_then_fixed_return_and_a_zip_inside_a_message() {
    let env = env();
    let broken = demo_return(&env, "初稿");
    let fixed = demo_return(&env, "更正");
    let r005 = demo_return(&env, "_005_");
    let zip = raw_zip(&[
        (gbk("生态环境局/2021年自评表.xlsx"), &r005),
        (gbk("生态环境局/佐证材料.pdf"), b"%PDF-1.4"),
    ]);
    // The fixed return carries the *older* 填报日期 of the two messages' Dates? No: the
    // message Date decides, so send the corrected one later.
    let mbox = [
        (
            "Sun, 8 May 2022 09:00:00 +0800",
            message(
                "王芳 <wjw@example.com>",
                "Sun, 8 May 2022 09:00:00 +0800",
                "卫健委自评表",
                &[(Name::B("GBK", "卫健委自评表.xlsx"), &broken)],
            ),
        ),
        (
            "Sun, 15 May 2022 16:20:00 +0800",
            message(
                "王芳 <wjw@example.com>",
                "Sun, 15 May 2022 16:20:00 +0800",
                "卫健委自评表（更正）",
                &[(Name::B("GBK", "卫健委自评表.xlsx"), &fixed)],
            ),
        ),
        (
            "Wed, 11 May 2022 08:00:00 +0800",
            message(
                "陈静 <sthjj@example.com>",
                "Wed, 11 May 2022 08:00:00 +0800",
                "生态环境局材料",
                &[
                    (Name::Rfc2231("GBK", "材料.zip"), &zip),
                    (Name::B("UTF-8", "附件.rar"), b"Rar!\x1a\x07\x00"),
                ],
            ),
        ),
    ];
    let mut text = Vec::new();
    for (date, msg) in &mbox {
        text.extend(format!("From jixiao@example.com {date}\n").as_bytes());
        text.extend(msg);
        text.extend(b"\n");
    }
    let path = env.dir.path().join("收件箱.mbox");
    std::fs::write(&path, text).unwrap();
    let json = collect(&env, &[&path]);
    let d003 = dept(&json, "003");
    assert_eq!(d003["file"], "收件箱.mbox#2 ▸ 卫健委自评表.xlsx");
    assert_eq!(d003["total"], "98.50");
    assert_eq!(
        json["superseded"][0]["file"],
        "收件箱.mbox#1 ▸ 卫健委自评表.xlsx"
    );
    assert_eq!(
        json["superseded"][0]["by"],
        "收件箱.mbox#2 ▸ 卫健委自评表.xlsx"
    );
    let d005 = dept(&json, "005");
    assert_eq!(
        d005["file"],
        "收件箱.mbox#3 ▸ 材料.zip/生态环境局/2021年自评表.xlsx"
    );
    assert_eq!(d005["total"], "97.00");
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
    assert!(
        unmatched.contains(&(
            "收件箱.mbox#3 ▸ 材料.zip/生态环境局/佐证材料.pdf".into(),
            "F12".into()
        )),
        "{unmatched:?}"
    );
    assert!(
        unmatched.contains(&("收件箱.mbox#3 ▸ 附件.rar".into(), "F13".into())),
        "{unmatched:?}"
    );
}

#[test]
fn a_zip_on_disk_with_gbk_names_and_the_sender_as_identity() {
    let env = env();
    let reference = demo_return(&env, "_001_");
    let zip = raw_zip(&[(gbk("自评表/应急管理局.xlsx"), &reference)]);
    let zpath = env.dir.path().join("报送.zip");
    std::fs::write(&zpath, &zip).unwrap();
    let json = collect(&env, &[&zpath]);
    assert_eq!(
        dept(&json, "001")["file"],
        "报送.zip/自评表/应急管理局.xlsx"
    );
    assert_eq!(dept(&json, "001")["total"], "95.30");

    // A return that lost its identity: the sender's address names the department.
    let mut book =
        umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(reference), true).unwrap();
    book.remove_sheet_by_name("_meta").unwrap();
    {
        let info = book.sheet_by_name_mut("基本信息").unwrap();
        info.cell_mut("B2").set_value_string("");
        info.cell_mut("B3").set_value_string("");
    }
    let bytes = jixiao::demo::fill::to_bytes(&book).unwrap();
    let eml = message(
        "张华 <YJGLJ@example.com>",
        "Tue, 10 May 2022 10:00:00 +0800",
        "自评表",
        &[(Name::B("UTF-8", "表.xlsx"), &bytes)],
    );
    let epath = env.dir.path().join("无标识.eml");
    std::fs::write(&epath, eml).unwrap();
    let json = collect(&env, &[&epath]);
    let d = dept(&json, "001");
    assert_eq!(d["total"], "95.30");
    assert!(
        d["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "I03"),
        "{d}"
    );
}
