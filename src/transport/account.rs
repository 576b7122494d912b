//! A mail server account as the command line gives it: `smtps://user@host[:port]`,
//! `imaps://user@host[:port]/MAILBOX` → an [`Account`].
//!
//! Guarantees: a password in the address is refused (secrets come from the environment or a
//! prompt); a plaintext scheme (`smtp://`, `imap://`) is accepted only for a loopback host;
//! every refusal is an [`AccountError`] in Chinese that gives the right form.

use percent_encoding::percent_decode_str;
use std::net::IpAddr;
use thiserror::Error;

/// Which protocol, and whether over TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// SMTP over TLS from the first byte (port 465).
    Smtps,
    /// Plain SMTP (loopback only, port 25).
    Smtp,
    /// IMAP over TLS (port 993).
    Imaps,
    /// Plain IMAP (loopback only, port 143).
    Imap,
}

impl Scheme {
    /// Whether the connection is encrypted.
    pub fn tls(self) -> bool {
        matches!(self, Scheme::Smtps | Scheme::Imaps)
    }

    fn default_port(self) -> u16 {
        match self {
            Scheme::Smtps => 465,
            Scheme::Smtp => 25,
            Scheme::Imaps => 993,
            Scheme::Imap => 143,
        }
    }
}

/// A checked server address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Protocol and TLS.
    pub scheme: Scheme,
    /// The login name (percent-decoded: `jxk%40czj.gov.cn` is `jxk@czj.gov.cn`).
    pub user: Option<String>,
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: u16,
    /// IMAP only: the folder (`INBOX` when not given).
    pub mailbox: String,
}

impl Account {
    /// `host:port` for messages.
    pub fn server(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// Why an address cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccountError {
    /// Not a URL at all.
    #[error("服务器地址「{0}」格式有误，应为 {1}")]
    Malformed(String, &'static str),
    /// A scheme other than the two allowed.
    #[error("服务器地址「{0}」应以 {1} 开头")]
    Scheme(String, &'static str),
    /// A password written into the address.
    #[error("服务器地址中不能写密码：请去掉「:密码」，改用环境变量 {0} 或在提示时输入")]
    PasswordInAddress(&'static str),
    /// Plaintext to a host that is not this machine.
    #[error("「{0}」不加密，只能连接本机（127.0.0.1）；连接 {1} 请使用 {2}")]
    Plaintext(String, String, &'static str),
}

/// Parses an SMTP address: `smtps://user@host[:port]`, or `smtp://host[:port]` to a loopback
/// host.
pub fn smtp(address: &str) -> Result<Account, AccountError> {
    parse(address, Protocol::Smtp)
}

/// Parses an IMAP address: `imaps://user@host[:port][/MAILBOX]`, or `imap://…` to a loopback
/// host.
pub fn imap(address: &str) -> Result<Account, AccountError> {
    parse(address, Protocol::Imap)
}

#[derive(Clone, Copy)]
enum Protocol {
    Smtp,
    Imap,
}

impl Protocol {
    fn form(self) -> &'static str {
        match self {
            Protocol::Smtp => "smtps://用户名@服务器[:端口]",
            Protocol::Imap => "imaps://用户名@服务器[:端口]/文件夹",
        }
    }

    fn schemes(self) -> &'static str {
        match self {
            Protocol::Smtp => "smtps://（或连接本机时 smtp://）",
            Protocol::Imap => "imaps://（或连接本机时 imap://）",
        }
    }

    fn secure(self) -> &'static str {
        match self {
            Protocol::Smtp => "smtps://",
            Protocol::Imap => "imaps://",
        }
    }

    fn password_var(self) -> &'static str {
        match self {
            Protocol::Smtp => super::SMTP_PASSWORD_VAR,
            Protocol::Imap => super::IMAP_PASSWORD_VAR,
        }
    }
}

fn parse(address: &str, protocol: Protocol) -> Result<Account, AccountError> {
    let malformed = || AccountError::Malformed(address.to_string(), protocol.form());
    let url = url::Url::parse(address.trim()).map_err(|_| malformed())?;
    let scheme = match (protocol, url.scheme()) {
        (Protocol::Smtp, "smtps") => Scheme::Smtps,
        (Protocol::Smtp, "smtp") => Scheme::Smtp,
        (Protocol::Imap, "imaps") => Scheme::Imaps,
        (Protocol::Imap, "imap") => Scheme::Imap,
        _ => {
            return Err(AccountError::Scheme(
                address.to_string(),
                protocol.schemes(),
            ));
        }
    };
    if url.password().is_some() {
        return Err(AccountError::PasswordInAddress(protocol.password_var()));
    }
    let host = match url.host() {
        Some(url::Host::Domain(d)) => d.to_string(),
        Some(url::Host::Ipv4(a)) => a.to_string(),
        Some(url::Host::Ipv6(a)) => a.to_string(),
        None => return Err(malformed()),
    };
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    let user = (!url.username().is_empty()).then(|| decode(url.username()));
    let mailbox = match protocol {
        Protocol::Imap => match decode(url.path().trim_matches('/')) {
            m if m.is_empty() => "INBOX".to_string(),
            m => m,
        },
        Protocol::Smtp => String::new(),
    };
    let account = Account {
        scheme,
        user,
        port: url.port().unwrap_or(scheme.default_port()),
        host,
        mailbox,
    };
    if !scheme.tls() && !is_loopback(&account.host) {
        return Err(AccountError::Plaintext(
            address.to_string(),
            account.host.clone(),
            protocol.secure(),
        ));
    }
    Ok(account)
}

/// Whether `host` is this machine: `localhost` or a loopback address.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|a| a.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_with_their_defaults() {
        let a = smtp("smtps://jxk%40czj.gov.cn@smtp.example.cn").unwrap();
        assert_eq!(a.scheme, Scheme::Smtps);
        assert_eq!(a.user.as_deref(), Some("jxk@czj.gov.cn"));
        assert_eq!((a.host.as_str(), a.port), ("smtp.example.cn", 465));
        let i =
            imap("imaps://jxk@mail.example.cn:9993/%E7%BB%A9%E6%95%88%E5%9B%9E%E6%94%B6").unwrap();
        assert_eq!((i.port, i.mailbox.as_str()), (9993, "绩效回收"));
        assert_eq!(
            imap("imaps://jxk@mail.example.cn").unwrap().mailbox,
            "INBOX"
        );
        let local = imap("imap://u@127.0.0.1:1143/INBOX").unwrap();
        assert_eq!((local.scheme, local.port), (Scheme::Imap, 1143));
        assert!(smtp("smtp://localhost:2525").unwrap().user.is_none());
    }

    #[test]
    fn plaintext_passwords_and_strangers_are_refused() {
        assert!(matches!(
            smtp("smtp://u@smtp.example.cn"),
            Err(AccountError::Plaintext(..))
        ));
        assert!(matches!(
            imap("imap://u@10.0.0.2/INBOX"),
            Err(AccountError::Plaintext(..))
        ));
        assert!(matches!(
            smtp("smtps://u:secret@smtp.example.cn"),
            Err(AccountError::PasswordInAddress(_))
        ));
        assert!(matches!(
            smtp("imaps://u@smtp.example.cn"),
            Err(AccountError::Scheme(..))
        ));
        assert!(smtp("smtp.example.cn").is_err());
        assert!(is_loopback("::1") && is_loopback("127.0.0.2") && !is_loopback("example.cn"));
    }
}
