//! Connections to mail servers: host and port → a TCP stream, encrypted with rustls against
//! the system's certificates when the scheme says so.
//!
//! Guarantees: connecting, reading and writing each give up after [`super::timeout()`]; the
//! TLS handshake is completed here, so a certificate that does not verify is a
//! [`ConnectError::Certificate`] before any password is sent.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use thiserror::Error;

/// A connection, plain (loopback only) or encrypted.
#[derive(Debug)]
pub enum Stream {
    /// Plain TCP.
    Plain(TcpStream),
    /// TLS over TCP.
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

/// Why a connection could not be made.
#[derive(Debug, Error)]
pub enum ConnectError {
    /// The host name does not resolve.
    #[error("找不到服务器 {0}（域名无法解析）")]
    Unknown(String),
    /// Nobody answers.
    #[error("无法连接服务器 {0}：{1}")]
    Refused(String, String),
    /// The certificate does not verify.
    #[error("服务器 {0} 的证书无法验证（{1}）；请核对服务器地址，或请信息中心确认证书")]
    Certificate(String, String),
    /// Another TLS failure.
    #[error("与服务器 {0} 建立加密连接失败：{1}")]
    Tls(String, String),
}

/// Connects to `host:port`, with TLS when `tls`.
pub fn connect(host: &str, port: u16, tls: bool) -> Result<Stream, ConnectError> {
    let server = format!("{host}:{port}");
    let addrs: Vec<_> = (host, port)
        .to_socket_addrs()
        .map_err(|_| ConnectError::Unknown(host.to_string()))?
        .collect();
    let mut last = None;
    let mut tcp = None;
    for a in &addrs {
        match TcpStream::connect_timeout(a, super::timeout()) {
            Ok(s) => {
                tcp = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let Some(tcp) = tcp else {
        let why = match last {
            Some(e) if e.kind() == std::io::ErrorKind::TimedOut => silent(),
            Some(e) => crate::domain::io_text(&e),
            None => "没有可用的地址".into(),
        };
        return Err(ConnectError::Refused(server, why));
    };
    let io = |e: std::io::Error| ConnectError::Refused(server.clone(), crate::domain::io_text(&e));
    tcp.set_read_timeout(Some(super::timeout())).map_err(io)?;
    tcp.set_write_timeout(Some(super::timeout())).map_err(io)?;
    if !tls {
        return Ok(Stream::Plain(tcp));
    }
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| ConnectError::Tls(server.clone(), e.to_string()))?;
    let mut conn = rustls::ClientConnection::new(client_config(&server)?, name)
        .map_err(|e| ConnectError::Tls(server.clone(), e.to_string()))?;
    let mut tcp = tcp;
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut tcp) {
            let inner = e
                .get_ref()
                .and_then(|i| i.downcast_ref::<rustls::Error>())
                .cloned();
            return Err(match inner {
                Some(rustls::Error::InvalidCertificate(c)) => {
                    ConnectError::Certificate(server, certificate_text(&c))
                }
                Some(other) => ConnectError::Tls(server, tls_text(&other)),
                None if matches!(
                    e.kind(),
                    std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                ) =>
                {
                    ConnectError::Refused(server, silent())
                }
                None => ConnectError::Tls(server, crate::domain::io_text(&e)),
            });
        }
    }
    Ok(Stream::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))))
}

/// What a server that never answers is told as.
pub fn silent() -> String {
    format!("{} 秒内没有应答", super::timeout().as_secs())
}

/// A TLS failure in Chinese: what happened and what to check.
pub fn tls_text(e: &rustls::Error) -> String {
    use rustls::Error as E;
    match e {
        E::InvalidCertificate(c) => certificate_text(c),
        E::InvalidMessage(_) | E::InappropriateMessage { .. } | E::InappropriateHandshakeMessage { .. } => {
            "对方返回的不是加密（SSL/TLS）数据，该端口可能不使用 SSL/TLS：请核对端口（SMTP 加密端口通常为 465，IMAP 为 993）".into()
        }
        E::AlertReceived(a) => match a {
            rustls::AlertDescription::HandshakeFailure | rustls::AlertDescription::InsufficientSecurity => {
                "服务器拒绝了加密连接：双方没有共同支持的加密方式（服务器可能只支持过时的 TLS 版本）".into()
            }
            rustls::AlertDescription::ProtocolVersion => {
                "服务器拒绝了加密连接：TLS 版本不兼容（服务器可能只支持过时的 TLS 1.0/1.1）".into()
            }
            _ => "服务器中止了加密连接的握手".into(),
        },
        E::PeerIncompatible(_) => {
            "服务器的加密方式与本程序不兼容（可能只支持过时的 TLS 版本或算法）".into()
        }
        E::NoCertificatesPresented => "服务器没有提供证书".into(),
        _ => "加密连接失败，请核对服务器地址和端口，或请信息中心检查服务器的 SSL/TLS 设置".into(),
    }
}

/// The first TLS failure in an error's source chain, in Chinese ([`tls_text`]).
pub fn tls_reason(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(t) = err.downcast_ref::<rustls::Error>() {
            return Some(tls_text(t));
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && let Some(t) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>())
        {
            return Some(tls_text(t));
        }
        cur = err.source();
    }
    None
}

fn certificate_text(e: &rustls::CertificateError) -> String {
    use rustls::CertificateError as C;
    match e {
        C::UnknownIssuer => "证书不是受信任的机构签发的，可能是自签名证书".into(),
        C::Expired | C::ExpiredContext { .. } => "证书已过期".into(),
        C::NotValidForName | C::NotValidForNameContext { .. } => {
            "证书上的服务器名称与地址不符".into()
        }
        C::Revoked => "证书已被吊销".into(),
        C::BadSignature => "证书签名无法验证，可能是自签名证书".into(),
        C::NotValidYet | C::NotValidYetContext { .. } => "证书尚未生效（或本机时间有误）".into(),
        C::InvalidPurpose | C::InvalidPurposeContext { .. } => "证书的用途不是服务器证书".into(),
        C::Other(o) if format!("{o:?}").contains("CaUsedAsEndEntity") => {
            "服务器把 CA 证书当作服务器证书使用（服务器的证书配置有误）".into()
        }
        _ => "证书不被接受（服务器的证书配置有误，请信息中心检查）".into(),
    }
}

/// One client configuration: ring, the system's root certificates.
fn client_config(server: &str) -> Result<Arc<rustls::ClientConfig>, ConnectError> {
    static CONFIG: std::sync::OnceLock<Option<Arc<rustls::ClientConfig>>> =
        std::sync::OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let mut roots = rustls::RootCertStore::empty();
            let found = rustls_native_certs::load_native_certs();
            roots.add_parsable_certificates(found.certs);
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map(|b| Arc::new(b.with_root_certificates(roots).with_no_client_auth()))
                .ok()
        })
        .clone()
        .ok_or_else(|| ConnectError::Tls(server.to_string(), "无法建立 TLS 配置".into()))
}
