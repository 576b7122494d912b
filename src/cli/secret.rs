//! Passwords for mail servers: the environment variable, else a prompt on a terminal (typed
//! without echo). Never a flag, never written anywhere, never printed.

use anyhow::{Result, bail};
use std::io::IsTerminal;

/// The password for `account_text` (as shown to the user): `var` when set, else asked for.
pub fn password(var: &str, account_text: &str) -> Result<String> {
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        bail!("没有提供 {account_text} 的密码：请设置环境变量 {var}，或在命令行窗口中运行以便输入");
    }
    let p = rpassword::prompt_password(format!("请输入 {account_text} 的密码（输入时不显示）："))
        .map_err(|e| anyhow::anyhow!("无法读取输入的密码：{}", crate::domain::io_text(&e)))?;
    Ok(p)
}
