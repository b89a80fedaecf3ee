//! WebSocket connections through the HTTP proxy the environment names, as reqwest does
//! for every HTTP call: `HTTPS_PROXY` for `wss://`, `HTTP_PROXY` for `ws://`, then
//! `ALL_PROXY` (upper or lower case), skipped for hosts `NO_PROXY` lists. The tunnel is
//! an HTTP `CONNECT`; TLS to the endpoint runs inside it, so the proxy sees no content.
//! Only `http://` proxies are supported here (a `socks5://` or `https://` one is a
//! configuration error, never silently bypassed).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::error::{Error, Result};

/// An HTTP proxy to tunnel through.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Proxy {
    host: String,
    port: u16,
    /// `Proxy-Authorization: Basic …` value, from the proxy URL's user info.
    auth: Option<String>,
}

impl std::fmt::Debug for Proxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Proxy")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("auth", &self.auth.as_ref().map(|_| "***"))
            .finish()
    }
}

/// The proxy for a connection to `host` (`tls`: `wss://`), from `env`.
pub(crate) fn from_env(
    host: &str,
    tls: bool,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<Proxy>> {
    let names: &[&str] = if tls {
        &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
    } else {
        &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
    };
    let Some(raw) = names
        .iter()
        .filter_map(|n| env(n))
        .find(|v| !v.trim().is_empty())
    else {
        return Ok(None);
    };
    let no_proxy = env("NO_PROXY")
        .or_else(|| env("no_proxy"))
        .unwrap_or_default();
    if bypassed(&no_proxy, host) {
        return Ok(None);
    }
    let raw = raw.trim();
    let with_scheme = if raw.contains("://") {
        raw.to_owned()
    } else {
        format!("http://{raw}")
    };
    let url = url::Url::parse(&with_scheme)
        .map_err(|e| Error::Config(format!("the proxy from the environment is not a URL: {e}")))?;
    if url.scheme() != "http" {
        return Err(Error::Config(format!(
            "WebSocket connections support http:// proxies only, and the environment names a \
             {}:// proxy; set NO_PROXY for this host or use TransportConfig::use_env_proxy(false)",
            url.scheme()
        )));
    }
    let proxy_host = url
        .host_str()
        .ok_or_else(|| Error::Config("the proxy from the environment has no host".into()))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let auth = (!url.username().is_empty()).then(|| {
        let decode = |s: &str| percent_decode(s);
        let pair = format!(
            "{}:{}",
            decode(url.username()),
            decode(url.password().unwrap_or(""))
        );
        STANDARD.encode(pair.as_bytes())
    });
    Ok(Some(Proxy {
        host: proxy_host,
        port: url.port_or_known_default().unwrap_or(80),
        auth,
    }))
}

/// `%XX` escapes of a URL's user info, decoded (invalid escapes are kept as written).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether `NO_PROXY` (comma-separated hosts, domains with or without a leading dot,
/// or `*`) exempts `host`.
fn bypassed(no_proxy: &str, host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    no_proxy
        .split(',')
        .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
        .filter(|e| !e.is_empty())
        .any(|e| e == "*" || host == e || host.ends_with(&format!(".{e}")))
}

/// A TCP connection to `host:port` tunnelled through `proxy` by `CONNECT`.
pub(crate) async fn tunnel(proxy: &Proxy, host: &str, port: u16) -> Result<TcpStream> {
    let mut tcp = TcpStream::connect((proxy.host.as_str(), proxy.port))
        .await
        .map_err(|e| {
            Error::transport(
                format!("connecting to the proxy {}:{}", proxy.host, proxy.port),
                false,
                e,
            )
        })?;
    let _ = tcp.set_nodelay(true);
    let authority = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let mut request = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(auth) = &proxy.auth {
        request.push_str(&format!("Proxy-Authorization: Basic {auth}\r\n"));
    }
    request.push_str("\r\n");
    let io = |what: &str, e: std::io::Error| Error::transport(format!("{what} the proxy"), true, e);
    tcp.write_all(request.as_bytes())
        .await
        .map_err(|e| io("writing to", e))?;
    // Read the answer's head byte by byte: nothing past it may be consumed (the TLS or
    // WebSocket handshake that follows is the endpoint's).
    let mut head = Vec::with_capacity(256);
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() >= 16 * 1024 {
            return Err(Error::Stream(
                "the proxy's answer to CONNECT has no end of headers within 16 KiB".into(),
            ));
        }
        let mut byte = [0u8; 1];
        match tcp.read(&mut byte).await {
            Ok(0) => {
                return Err(Error::Transport {
                    message: "the proxy closed the connection during CONNECT".into(),
                    sent: true,
                    source: None,
                });
            }
            Ok(_) => head.push(byte[0]),
            Err(e) => return Err(io("reading from", e)),
        }
    }
    let text = String::from_utf8_lossy(&head);
    let status_line = text.lines().next().unwrap_or_default();
    let status = status_line.split_whitespace().nth(1).unwrap_or_default();
    if !status.starts_with('2') || status.len() != 3 {
        return Err(Error::Transport {
            message: format!(
                "the proxy {}:{} refused CONNECT to {authority}: {status_line}",
                proxy.host, proxy.port
            ),
            sent: true,
            source: None,
        });
    }
    Ok(tcp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_scheme_picks_the_variable_and_no_proxy_exempts() {
        let e = env(&[
            ("HTTPS_PROXY", "http://secure-proxy:3128"),
            ("http_proxy", "plain-proxy:8080"),
            ("NO_PROXY", "localhost, .internal.example,10.0.0.5"),
        ]);
        let p = from_env("sandbox.example.com", true, &e).unwrap().unwrap();
        assert_eq!((p.host.as_str(), p.port), ("secure-proxy", 3128));
        let p = from_env("sandbox.example.com", false, &e).unwrap().unwrap();
        assert_eq!((p.host.as_str(), p.port), ("plain-proxy", 8080));
        for exempt in [
            "localhost",
            "a.internal.example",
            "internal.example",
            "10.0.0.5",
        ] {
            assert_eq!(from_env(exempt, true, &e).unwrap(), None, "{exempt}");
        }
        assert_eq!(from_env("x", true, env(&[])).unwrap(), None);
        let star = env(&[("ALL_PROXY", "http://p:1"), ("no_proxy", "*")]);
        assert_eq!(from_env("anything", true, star).unwrap(), None);
    }

    #[test]
    fn user_info_becomes_basic_auth_and_other_schemes_are_refused() {
        let e = env(&[("HTTPS_PROXY", "http://us%40er:p%3Ass@proxy:3128")]);
        let p = from_env("h", true, &e).unwrap().unwrap();
        assert_eq!(p.auth.as_deref(), Some("dXNAZXI6cDpzcw=="));
        assert!(!format!("{p:?}").contains(p.auth.as_deref().unwrap()));
        for bad in ["socks5://proxy:1080", "https://proxy:443"] {
            let pairs = [("HTTPS_PROXY", bad)];
            let e = env(&pairs);
            assert!(
                matches!(from_env("h", true, &e), Err(Error::Config(_))),
                "{bad}"
            );
        }
    }
}
