//! Messages ready to send, as `.eml` bytes (RFC 5322, built with mail-builder): the notice
//! that carries a department's template, and each letter as a reply to the message its return
//! came in (or, for a return from a folder, to the department's 邮箱).
//!
//! Attachment names are written both ways clients read them: RFC 2231 (`filename*=`) in
//! Content-Disposition and RFC 2047 (`=?UTF-8?B?…?=`) in Content-Type's `name`. Date and
//! Message-ID come from the run's clock and the plan (a letter's Message-ID from what it says),
//! so the same run writes the same bytes.

use super::Report;
use crate::plan::{Department, Plan};
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::{BodyPart, MimePart};

/// The MIME type of an .xlsx template.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The From address: 发件人 <发件邮箱>, or 组织单位 (without its phone number) alone.
fn from(plan: &Plan) -> Option<Address<'static>> {
    let s = &plan.settings;
    if s.sender_email.trim().is_empty() {
        return None;
    }
    let name = if s.sender.trim().is_empty() {
        s.organiser_name()
    } else {
        s.sender.trim().to_string()
    };
    Some(Address::new_address(
        Some(name),
        s.sender_email.trim().to_string(),
    ))
}

/// The domain Message-IDs are made in: the sender's, or `jixiao.invalid`.
fn domain(plan: &Plan) -> String {
    plan.settings
        .sender_email
        .rsplit_once('@')
        .map(|(_, d)| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "jixiao.invalid".into())
}

/// RFC 2047 base64 encoded words for `s`, each under 75 characters (split on character
/// boundaries), for a header that a client joins back.
fn encoded_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chunk = String::new();
    for c in s.chars() {
        if chunk.len() + c.len_utf8() > 42 {
            out.push(encoded_word(&chunk));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() || out.is_empty() {
        out.push(encoded_word(&chunk));
    }
    out
}

/// RFC 2047 base64 form of a header word.
fn encoded_word(s: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(T[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    format!("=?UTF-8?B?{out}?=")
}

/// The notice carrying a department's template. `None` when the department has no 邮箱.
pub fn notice(
    plan: &Plan,
    dept: &Department,
    template_name: &str,
    template: &[u8],
    unix_secs: i64,
) -> Option<Vec<u8>> {
    let to = dept.email.trim();
    if to.is_empty() {
        return None;
    }
    let s = &plan.settings;
    let deadline = s.deadline_text("见财政局通知");
    let organiser = s.organiser_or_bureau();
    let signature = s.organiser_name();
    let contact = if dept.contact.trim().is_empty() {
        dept.name.as_str()
    } else {
        dept.contact.trim()
    };
    let body = format!(
        "{}：\r\n\r\n\
         现将{}自评表模板发给贵单位（见附件「{template_name}」），请于 {deadline} 前填写后回复本邮件报送。\r\n\r\n\
         需要填写的内容：\r\n\
         1. 「基本信息」：填报人、联系电话、填报日期、编制人数、实有人数；\r\n\
         2. 「预算执行」：每个项目的执行数（万元），年中追加的项目填在空白行；\r\n\
         3. 「绩效指标」：实际完成值、自评得分、偏差原因及改进措施、佐证材料。\r\n\
         黄色单元格为填写项，选中单元格会提示应填什么；请不要修改锁定的单元格、工作表名称和文件名，保存为 .xlsx 格式。\r\n\r\n\
         如有疑问，请联系{organiser}。\r\n\r\n{signature}\r\n",
        dept.name, s.name
    );
    let mut m = MessageBuilder::new()
        .to(Address::new_address(Some(contact), to))
        .subject(format!(
            "关于报送{}年度部门整体支出绩效自评表的通知",
            s.year
        ))
        .date(unix_secs)
        .message_id(format!(
            "jixiao.{}.{}.notice@{}",
            s.year,
            dept.code,
            domain(plan)
        ))
        .body(MimePart::new(
            // A fixed boundary: the same run writes the same bytes.
            mail_builder::headers::content_type::ContentType::new("multipart/mixed")
                .attribute("boundary", format!("jixiao-{}-{}", s.year, dept.code)),
            vec![
                MimePart::new("text/plain", body),
                // The name in Content-Type as RFC 2047 words, which older clients read; the
                // builder writes Content-Disposition's filename in RFC 2231.
                MimePart::raw(BodyPart::Binary(template.to_vec().into()))
                    .header(
                        "Content-Type",
                        Raw::new(format!(
                            "{XLSX};\r\n name=\"{}\"",
                            encoded_words(template_name).join("\r\n ")
                        )),
                    )
                    .attachment(template_name.to_string()),
            ],
        ));
    if let Some(f) = from(plan) {
        m = m.from(f);
    }
    m.write_to_vec().ok()
}

/// A subject without the reply and forward prefixes clients stack (`回复：回复：Re: …`).
fn bare_subject(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        for p in [
            "回复：",
            "回复:",
            "答复：",
            "答复:",
            "Re:",
            "RE:",
            "re:",
            "Re：",
            "RE：",
            "转发：",
            "转发:",
            "Fw:",
            "FW:",
            "Fwd:",
            "FWD:",
            "Fw：",
            "Fwd：",
        ] {
            if let Some(rest) = t.strip_prefix(p) {
                t = rest.trim_start();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// A department's letter: to the department's registered 邮箱 (a reply, with In-Reply-To and
/// References, when its return came by mail); only a department without one gets it at the
/// address its return came from. A reminder (催报) carries the department's template. `None`
/// when there is nobody to send it to.
pub fn letter(
    report: &Report,
    dept: &Department,
    letter: &super::feedback::Letter,
    unix_secs: i64,
) -> Option<Vec<u8>> {
    let text = &letter.text;
    let plan = report.plan;
    let s = &plan.settings;
    let eval = report.evaluations().find(|e| e.dept().code == dept.code);
    let mail = eval.and_then(|e| e.inputs.mail.as_ref());
    let registered = dept.email.trim();
    let to = if !registered.is_empty() {
        registered.to_string()
    } else {
        mail.map(|m| m.from.trim().to_string())
            .filter(|f| address_ok(f))?
    };
    let (subject, original) = match mail {
        Some(m) if !m.subject.trim().is_empty() => (
            format!("回复：{}", header_text(bare_subject(&m.subject))),
            m.message_id
                .as_deref()
                .and_then(message_id_ok)
                .map(str::to_string),
        ),
        _ => (
            format!("关于{}年度部门整体支出绩效自评表的审核意见", s.year),
            None,
        ),
    };
    let contact = if dept.contact.trim().is_empty() {
        dept.name.as_str()
    } else {
        dept.contact.trim()
    };
    let contact = header_text(contact);
    // The letter's text without Notepad's byte-order mark, with the line ends mail uses.
    let body = crate::domain::xml_safe(text)
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\n', "\r\n");
    // The Message-ID follows what the letter asks and to whom, not the clock (the letter's
    // ask leaves out 「截至 …」 and the date under the signature): a later run that writes the
    // same letter gives the same ID, so `send` does not send it again; a changed one goes.
    let mut h = crate::domain::Fnv::new();
    h.field(&to);
    h.field(bare_subject(&subject));
    h.field(&letter.ask);
    let id = format!(
        "jixiao.{}.{}.letter.{}@{}",
        s.year,
        dept.code,
        &h.hex()[..12],
        domain(plan)
    );
    let mut m = MessageBuilder::new()
        .to(Address::new_address(Some(contact), to.clone()))
        .subject(subject)
        .date(unix_secs)
        .message_id(id.clone());
    m = match reminder_template(report, dept) {
        // A reminder carries the template to fill.
        Some((name, bytes)) => m.body(MimePart::new(
            mail_builder::headers::content_type::ContentType::new("multipart/mixed").attribute(
                "boundary",
                format!("jixiao-{}-{}-reminder", s.year, dept.code),
            ),
            vec![
                MimePart::new("text/plain", body),
                MimePart::raw(BodyPart::Binary(bytes.into()))
                    .header(
                        "Content-Type",
                        Raw::new(format!(
                            "{XLSX};\r\n name=\"{}\"",
                            encoded_words(&name).join("\r\n ")
                        )),
                    )
                    .attachment(name),
            ],
        )),
        None => m.text_body(body),
    };
    if let Some(id) = original {
        m = m.in_reply_to(id.clone()).references(id);
    }
    if let Some(f) = from(plan) {
        m = m.from(f);
    }
    m.write_to_vec().ok()
}

/// Text for a header: every control character (a bare CR or LF among them) a space, so that
/// nothing a department wrote can start a header of its own.
fn header_text(s: &str) -> String {
    crate::domain::xml_safe(s)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A Message-ID fit to be copied into In-Reply-To and References: printable ASCII without
/// spaces or angle brackets, at most 250 characters. Anything else is not copied (the letter
/// is then no reply, but is still sent).
fn message_id_ok(id: &str) -> Option<&str> {
    let id = id.trim_matches(['<', '>']);
    (!id.is_empty()
        && id.len() <= 250
        && id
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>'))
    .then_some(id)
}

/// An address fit for To: `local@domain`, printable ASCII (or any non-ASCII letter) with no
/// space, control character, bracket, comma or quote.
fn address_ok(a: &str) -> bool {
    a.matches('@').count() == 1
        && !a.starts_with('@')
        && !a.ends_with('@')
        && a.chars().all(|c| {
            !c.is_control()
                && !c.is_whitespace()
                && !matches!(c, '<' | '>' | ',' | ';' | '"' | '(' | ')')
        })
}

/// The template a reminder carries: for a department that has not returned, its template
/// (with last year's figures when known), as `issue` writes it.
fn reminder_template(report: &Report, dept: &Department) -> Option<(String, Vec<u8>)> {
    if report.evaluations().any(|e| e.dept().code == dept.code) {
        return None;
    }
    let last = report
        .last_year()
        .map(|p| crate::template::LastYear::of(p, &dept.code));
    let bytes = crate::template::build_with(report.plan, dept, last).ok()?;
    Some((crate::template::file_name(report.plan, dept), bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_validated_text_reaches_a_header() {
        assert_eq!(super::message_id_ok("<a@b>"), Some("a@b"));
        assert_eq!(super::message_id_ok("a\rBcc: x@y"), None);
        assert_eq!(super::message_id_ok("a b@c"), None);
        assert!(super::address_ok("zhang@example.com"));
        assert!(!super::address_ok("zhang@example.com\rBcc: x@y"));
        assert!(!super::address_ok("a@b, c@d"));
        assert_eq!(super::header_text("回复：\r\nBcc: x@y"), "回复：  Bcc: x@y");
    }

    #[test]
    fn reply_prefixes_never_stack() {
        assert_eq!(
            super::bare_subject("回复：转发: 回复：Re: 关于报送2025年度自评表的通知"),
            "关于报送2025年度自评表的通知"
        );
        assert_eq!(super::bare_subject("自评表"), "自评表");
    }

    #[test]
    fn encoded_words_are_base64_of_utf8() {
        assert_eq!(
            super::encoded_word("模板.xlsx"),
            "=?UTF-8?B?5qih5p2/Lnhsc3g=?="
        );
        assert_eq!(super::encoded_word("ab"), "=?UTF-8?B?YWI=?=");
    }
}
