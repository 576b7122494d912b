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
                Some(other) => ConnectError::Tls(server, other.to_string()),
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
        other => format!("证书不被接受：{other:?}"),
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
