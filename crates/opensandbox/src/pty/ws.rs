//! WebSocket connections to execd (PTY sessions, ports): the SDK's own TLS policy,
//! headers and base URL, with `tokio-tungstenite` for the WebSocket protocol only.
//!
//! TLS is [`tokio_rustls`] over the same rustls configuration every HTTP call uses
//! ([`crate::transport::tls`]), so the key-strength verifier, the roots and any client
//! identity apply unchanged. Proxies from the environment are used as for HTTP calls
//! (unless [`TransportConfig::use_env_proxy`](crate::TransportConfig::use_env_proxy) is
//! off): an HTTP `CONNECT` tunnel ([`super::proxy`]).

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use reqwest::header::HeaderMap;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::config::ClientOptions;
use crate::error::{ApiError, Error, Result};

/// The byte stream under a WebSocket: plain TCP or TLS over TCP.
#[derive(Debug)]
#[non_exhaustive]
pub enum WsStream {
    /// `ws://`.
    Plain(TcpStream),
    /// `wss://`, with the SDK's TLS policy.
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

impl AsyncRead for WsStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            WsStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            WsStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for WsStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            WsStream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            WsStream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            WsStream::Plain(s) => Pin::new(s).poll_flush(cx),
            WsStream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            WsStream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            WsStream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

/// A WebSocket connection made by the SDK.
pub type WebSocket = WebSocketStream<WsStream>;

/// The `ws://` or `wss://` form of an `http://` or `https://` URL.
pub(crate) fn ws_url(http_url: &str) -> Result<url::Url> {
    let mut url = url::Url::parse(http_url)
        .map_err(|e| Error::InvalidInput(format!("invalid URL {http_url:?}: {e}")))?;
    let scheme = match url.scheme() {
        "http" | "ws" => "ws",
        "https" | "wss" => "wss",
        other => {
            return Err(Error::InvalidInput(format!(
                "cannot open a WebSocket over {other}://"
            )));
        }
    };
    url.set_scheme(scheme)
        .map_err(|()| Error::InvalidInput(format!("cannot use {scheme}:// for {http_url:?}")))?;
    Ok(url)
}

/// Opens a WebSocket to `http_url` (`http(s)://…`, turned into `ws(s)://…`) sending
/// `headers` with the handshake. A refused handshake is [`Error::Api`] with the status,
/// headers and body the server answered.
pub(crate) async fn connect(
    http_url: &str,
    headers: &HeaderMap,
    options: &ClientOptions,
) -> Result<WebSocket> {
    let url = ws_url(http_url)?;
    let host = url
        .host_str()
        .ok_or_else(|| Error::InvalidInput(format!("{http_url:?} has no host")))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let tls = url.scheme() == "wss";
    let port = url
        .port_or_known_default()
        .unwrap_or(if tls { 443 } else { 80 });

    let mut request = url
        .as_str()
        .into_client_request()
        .map_err(|e| Error::InvalidInput(format!("invalid WebSocket request: {e}")))?;
    for (name, value) in headers {
        request.headers_mut().append(name.clone(), value.clone());
    }

    let handshake = async {
        let proxy = if options.transport.use_env_proxy {
            super::proxy::from_env(&host, tls, |name| std::env::var(name).ok())?
        } else {
            None
        };
        let tcp = match &proxy {
            Some(proxy) => super::proxy::tunnel(proxy, &host, port).await?,
            None => TcpStream::connect((host.as_str(), port))
                .await
                .map_err(|e| Error::transport(format!("connecting to {host}:{port}"), false, e))?,
        };
        let _ = tcp.set_nodelay(true);
        let stream = if tls {
            let mut config = crate::transport::tls::client_config(&options.transport)?;
            // WebSocket upgrades are HTTP/1.1.
            config.alpn_protocols = vec![b"http/1.1".to_vec()];
            let name = rustls::pki_types::ServerName::try_from(host.clone()).map_err(|e| {
                Error::InvalidInput(format!("invalid TLS server name {host:?}: {e}"))
            })?;
            let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
                .connect(name, tcp)
                .await
                .map_err(|e| Error::Tls(format!("TLS handshake with {host}:{port}: {e}")))?;
            WsStream::Tls(Box::new(tls))
        } else {
            WsStream::Plain(tcp)
        };
        tokio_tungstenite::client_async_with_config(request, stream, None)
            .await
            .map(|(ws, _)| ws)
            .map_err(handshake_error)
    };
    // Saturating: maximal timeouts mean no limit, never an overflow.
    let limit = options
        .connect_timeout
        .saturating_add(options.request_timeout);
    match tokio::time::timeout(limit, handshake).await {
        Ok(r) => r,
        Err(_) => Err(Error::Timeout {
            after: limit,
            what: "WebSocket handshake",
        }),
    }
}

/// Maps a failed handshake: an HTTP answer becomes [`Error::Api`].
fn handshake_error(e: tungstenite::Error) -> Error {
    match e {
        tungstenite::Error::Http(resp) => {
            let status = resp.status();
            let body = Bytes::from(resp.body().clone().unwrap_or_default());
            Error::from(ApiError::from_parts(status, resp.headers(), body))
        }
        tungstenite::Error::Io(e) => Error::transport("WebSocket handshake", true, e),
        other => Error::transport("WebSocket handshake", true, other),
    }
}
