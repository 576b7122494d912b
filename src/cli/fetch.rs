//! `jixiao fetch --imap imaps://user@host/文件夹 [-o DIR] [--since DATE]`: the folder's new
//! messages that carry an attachment → `.eml` files in DIR (default 回收/), ready for
//! `collect`. Read-only on the server; a second run fetches only what is new.

use super::Outcome;
use crate::domain::Date;
use crate::transport::account::{self, Account};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Checked arguments of `fetch`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The server and folder.
    pub account: Account,
    /// Where the messages go.
    pub output: PathBuf,
    /// Only messages dated on or after this day.
    pub since: Option<Date>,
}

impl Config {
    /// Checks the address and the date.
    pub fn from_args(a: super::args::FetchArgs) -> Result<Self> {
        let account = account::imap(&a.imap).map_err(|e| super::UsageError(e.to_string()))?;
        if account.user.is_none() {
            return Err(super::UsageError(
                "IMAP 地址中没有用户名，应为 imaps://用户名@服务器/文件夹".into(),
            )
            .into());
        }
        let since = match a.since {
            Some(s) => Some(Date::parse(&s).ok_or_else(|| {
                super::UsageError(format!(
                    "日期「{s}」格式有误，应为 年-月-日，如 {}-05-01",
                    crate::domain::beijing_time(crate::domain::run_secs())
                        .get(..4)
                        .unwrap_or("2026")
                ))
            })?),
            None => None,
        };
        Ok(Self {
            account,
            output: a
                .output
                .unwrap_or_else(|| PathBuf::from(super::year::RETURNS_DIR)),
            since,
        })
    }
}

/// Fetches; exit 3 when a message was too big to fetch.
pub fn run(config: &Config) -> Result<Outcome> {
    let a = &config.account;
    let who = format!("{}@{}", a.user.as_deref().unwrap_or_default(), a.server());
    let password = super::secret::password(crate::transport::IMAP_PASSWORD_VAR, &who)?;
    println!(
        "收取 {who} 的文件夹「{}」{}→ {}",
        a.mailbox,
        config
            .since
            .map(|d| format!("中 {d} 及以后的邮件"))
            .unwrap_or_default(),
        config.output.display()
    );
    let progress: std::sync::OnceLock<crate::terminal::Progress> = std::sync::OnceLock::new();
    let result = crate::transport::fetch::fetch_folder(
        a,
        &password,
        &config.output,
        config.since,
        &|n| {
            let _ = progress.set(crate::terminal::Progress::new(n as u64, "收取邮件"));
        },
        &|| {
            if let Some(p) = progress.get() {
                p.tick();
            }
        },
    );
    if let Some(p) = progress.get() {
        p.finish();
    }
    let f = result.with_context(|| format!("收取 {who} 的邮件未完成"))?;
    for name in &f.saved {
        println!("  已保存  {name}");
    }
    for (uid, size) in &f.too_big {
        println!(
            "  未收取  UID {uid}：邮件有 {} MB，超过 {} MB 上限；请让该部门压缩附件后重新发送",
            size / 1_048_576,
            crate::collect::mail::MAX_MESSAGE_BYTES / 1_048_576
        );
    }
    for (uid, why) in &f.skipped {
        println!(
            "  未收取  UID {uid}：{why}；已跳过，以后不再收取。请让发件部门重新发送，或请邮件管理员检查这封邮件"
        );
    }
    println!(
        "文件夹中共 {} 封，之前已收取 {} 封；本次保存 {} 封带附件的邮件，{} 封无附件未保存{}",
        f.in_folder,
        f.known,
        f.saved.len(),
        f.without_attachment,
        if f.duplicates > 0 {
            format!("，{} 封此前已保存过", f.duplicates)
        } else {
            String::new()
        }
    );
    Ok(if f.too_big.is_empty() && f.skipped.is_empty() {
        Outcome::Done
    } else {
        Outcome::Blocked
    })
}
