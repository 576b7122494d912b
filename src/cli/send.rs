//! `jixiao send FOLDER --smtp smtps://user@host`: a folder of ready messages (`发件箱/`,
//! `汇总/审核意见/`) → sent one by one, each recorded in the folder's 发送记录.tsv, so that a
//! second run sends only what has not gone yet. `--dry-run` lists and connects to nothing.

use super::Outcome;
use crate::transport::account::{self, Account};
use crate::transport::send::{self, Outcome as Sent};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Checked arguments of `send`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder of `.eml` files.
    pub folder: PathBuf,
    /// The server.
    pub account: Account,
    /// List only.
    pub dry_run: bool,
}

impl Config {
    /// Checks the folder and the server address.
    pub fn from_args(a: super::args::SendArgs) -> Result<Self> {
        if !a.folder.is_dir() {
            return Err(super::UsageError(format!(
                "找不到邮件文件夹 {}（应为 issue --mail 写出的 发件箱，或汇总结果中的 审核意见）",
                a.folder.display()
            ))
            .into());
        }
        let account = account::smtp(&a.smtp).map_err(|e| super::UsageError(e.to_string()))?;
        Ok(Self {
            folder: a.folder,
            account,
            dry_run: a.dry_run,
        })
    }
}

/// Sends the folder; exit 3 when a message was refused or could not be read.
pub fn run(config: &Config) -> Result<Outcome> {
    let a = &config.account;
    let password = match (&a.user, config.dry_run) {
        (Some(user), false) => Some(super::secret::password(
            crate::transport::SMTP_PASSWORD_VAR,
            &format!("{user}@{}", a.server()),
        )?),
        _ => None,
    };
    let folder = config.folder.display().to_string();
    if config.dry_run {
        println!("试运行：列出 {folder} 中待发送的邮件，不连接服务器");
    } else {
        println!("发送 {folder} 中的邮件（SMTP 服务器 {}）", a.server());
    }
    let progress: std::sync::OnceLock<crate::terminal::Progress> = std::sync::OnceLock::new();
    let result = send::send_folder(
        a,
        password.as_deref(),
        &config.folder,
        config.dry_run,
        &|n| {
            let _ = progress.set(crate::terminal::Progress::new(n as u64, "发送邮件"));
        },
        &|m, when| {
            let ask = || {
                crate::terminal::confirm(&format!(
                    "{} 上次（{when}）交给服务器后连接中断，没有收到答复，对方可能已经收到。确认对方没有收到、要再发一次吗？",
                    m.file
                ))
            };
            match progress.get() {
                Some(p) => p.suspend(ask),
                None => ask(),
            }
        },
        &|m, o| {
            let to = m.to.join("、");
            let line = match o {
                Sent::Sent(_) => format!("  已发送    {} → {to}", m.file),
                Sent::AlreadySent(when) => format!("  已发送过  {}（{when}），不再发送", m.file),
                Sent::WouldSend => format!("  将发送    {} → {to}：{}", m.file, m.subject),
                Sent::Refused(why) => format!("  未发送    {} → {to}：{why}", m.file),
                Sent::MaybeSent(when) => format!(
                    "  可能已送达 {}：上次（{when}）交给服务器后连接中断，没有收到答复，本次未重发；请向收件人确认，确认没有收到时在命令行窗口中运行 jixiao send，按提示确认重发",
                    m.file
                ),
                Sent::Duplicate(first) => format!(
                    "  未发送    {}：与 {first} 的 Message-ID 相同（同一封信的副本？），为免重复只发一封；如确是另一封信，请删除副本",
                    m.file
                ),
            };
            match progress.get() {
                Some(p) => p.line(&line),
                None => println!("{line}"),
            }
        },
    );
    if let Some(p) = progress.get() {
        p.finish();
    }
    let result = result.with_context(|| format!("发送 {folder} 中断"))?;
    for (file, why) in &result.unreadable {
        println!("  无法读取  {file}：{why}");
    }
    let n = |f: fn(&Sent) -> bool| result.count(f);
    let refused = n(|o| {
        matches!(
            o,
            Sent::Refused(_) | Sent::MaybeSent(_) | Sent::Duplicate(_)
        )
    });
    if config.dry_run {
        println!(
            "共 {} 封待发送，{} 封已发送过",
            n(|o| matches!(o, Sent::WouldSend)),
            n(|o| matches!(o, Sent::AlreadySent(_)))
        );
    } else {
        println!(
            "本次发送 {} 封，之前已发送 {} 封，未发送 {refused} 封；发送记录：{}",
            n(|o| matches!(o, Sent::Sent(_))),
            n(|o| matches!(o, Sent::AlreadySent(_))),
            config
                .folder
                .join(crate::layout::mail::SEND_JOURNAL)
                .display()
        );
    }
    Ok(if refused > 0 || !result.unreadable.is_empty() {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}
