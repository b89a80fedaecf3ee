//! A recording HTTP/1.1 reverse proxy between the SDK and Prism.
//!
//! The SDK talks to a [`Front`] (one per server of the specs); the front strips its base
//! path, picks the Prism whose document has the request's operation, forwards the request
//! and streams Prism's answer back unchanged. For every exchange it records what the
//! contract tests need: the method and path as sent and as Prism saw them, the matched
//! operation of the specs, the request headers and body, the status, and the violations
//! Prism reported in its `sl-violations` response header.

use std::convert::Infallible;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderMap, HeaderName};
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::spec::{Operation, SpecDoc};

/// One entry of Prism's `sl-violations` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where: `["request", "body", "timeout"]`, `["response", "body"]`, …
    pub location: Vec<String>,
    /// `Error`, `Warning`, `Info` or `Hint`.
    pub severity: String,
    /// The rule (`minimum`, `required`, `401`, …).
    pub code: String,
    /// Prism's explanation.
    pub message: String,
}

impl Violation {
    /// Whether the violation is about Prism's own (mock) response rather than the request.
    pub fn is_response(&self) -> bool {
        self.location.first().is_some_and(|l| l == "response")
    }

    /// Parses the header value (a JSON array).
    pub fn parse_header(value: &str) -> Result<Vec<Violation>, String> {
        let items: Vec<serde_json::Value> = serde_json::from_str(value)
            .map_err(|e| format!("unparsable sl-violations header {value:?}: {e}"))?;
        Ok(items
            .iter()
            .map(|v| {
                let text = |k: &str| match v.get(k) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                };
                Violation {
                    location: v
                        .get("location")
                        .and_then(|l| l.as_array())
                        .map(|l| {
                            l.iter()
                                .map(|p| {
                                    p.as_str()
                                        .map(str::to_owned)
                                        .unwrap_or_else(|| p.to_string())
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    severity: text("severity"),
                    code: text("code"),
                    message: text("message"),
                }
            })
            .collect())
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{} {}]",
            self.location.join("."),
            self.message,
            self.severity,
            self.code
        )
    }
}

/// One request through a front, and Prism's answer.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// Order of arrival, from 0.
    pub seq: usize,
    /// The label of the SDK call that was running ([`Recorder::set_label`]).
    pub label: String,
    /// Name of the front (the server origin of its documents).
    pub front: String,
    /// HTTP method.
    pub method: String,
    /// The path as the SDK sent it (with the front's base path).
    pub sent_path: String,
    /// The path Prism saw (base path stripped).
    pub path: String,
    /// The raw query string.
    pub query: Option<String>,
    /// Request headers (lower-case names).
    pub request_headers: Vec<(String, String)>,
    /// The request body.
    pub request_body: Bytes,
    /// The operation of the specs the request matched.
    pub operation: Option<Operation>,
    /// File name of the document whose Prism answered.
    pub served_by: String,
    /// Response status.
    pub status: u16,
    /// Response headers (lower-case names).
    pub response_headers: Vec<(String, String)>,
    /// What Prism reported in `sl-violations`.
    pub violations: Vec<Violation>,
    /// What the proxy itself found wrong: a path outside the base path, a request that no
    /// operation matches, a failure to reach Prism.
    pub problems: Vec<String>,
}

impl Exchange {
    /// The first request header called `name` (case-insensitive).
    pub fn request_header(&self, name: &str) -> Option<&str> {
        header(&self.request_headers, name)
    }

    /// The first response header called `name` (case-insensitive).
    pub fn response_header(&self, name: &str) -> Option<&str> {
        header(&self.response_headers, name)
    }

    /// `GET /v1/sandboxes?page=1`.
    pub fn request_line(&self) -> String {
        match &self.query {
            Some(q) => format!("{} {}?{q}", self.method, self.sent_path),
            None => format!("{} {}", self.method, self.sent_path),
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The log of exchanges shared by the fronts of one test.
#[derive(Debug, Default)]
pub struct Recorder {
    exchanges: Mutex<Vec<Exchange>>,
    label: Mutex<String>,
}

impl Recorder {
    /// An empty log.
    pub fn new() -> Arc<Recorder> {
        Arc::new(Recorder::default())
    }

    /// Names the SDK call whose requests come next.
    pub fn set_label(&self, label: &str) {
        if let Ok(mut l) = self.label.lock() {
            *l = label.to_string();
        }
    }

    fn label(&self) -> String {
        self.label.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Every exchange so far.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.exchanges.lock().map(|e| e.clone()).unwrap_or_default()
    }

    /// How many exchanges there have been.
    pub fn len(&self) -> usize {
        self.exchanges.lock().map(|e| e.len()).unwrap_or(0)
    }

    /// Whether there has been none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn push(&self, mut exchange: Exchange) {
        if let Ok(mut e) = self.exchanges.lock() {
            exchange.seq = e.len();
            e.push(exchange);
        }
    }
}

/// A Prism behind a front, and the document it serves.
#[derive(Debug, Clone)]
pub struct Backend {
    /// The document.
    pub spec: SpecDoc,
    /// Prism's loopback port.
    pub port: u16,
}

/// A recording front for the documents of one server.
#[derive(Debug)]
pub struct Front {
    /// Name (the server origin of the documents).
    pub name: String,
    /// Where the SDK should send requests: `http://127.0.0.1:<port><base path>`.
    pub base_url: String,
    /// The base path stripped before forwarding.
    pub prefix: String,
    /// File names of the documents served.
    pub specs: Vec<String>,
    task: JoinHandle<()>,
}

impl Drop for Front {
    fn drop(&mut self) {
        self.task.abort();
    }
}

struct FrontState {
    name: String,
    prefix: String,
    backends: Vec<Backend>,
    recorder: Arc<Recorder>,
}

type ProxyBody = BoxBody<Bytes, hyper::Error>;

/// Hop-by-hop headers, not forwarded in either direction.
fn hop_by_hop(name: &HeaderName) -> bool {
    matches!(
        name.as_str(),
        "connection"
            | "keep-alive"
            | "proxy-connection"
            | "transfer-encoding"
            | "te"
            | "trailer"
            | "upgrade"
            | "proxy-authenticate"
            | "proxy-authorization"
    )
}

fn header_list(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

impl Front {
    /// Listens on a loopback port chosen by the system and serves until dropped. Runs on
    /// the current tokio runtime.
    pub async fn start(
        name: &str,
        prefix: &str,
        backends: Vec<Backend>,
        recorder: Arc<Recorder>,
    ) -> std::io::Result<Front> {
        if backends.is_empty() {
            return Err(std::io::Error::other("a front needs at least one backend"));
        }
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await?;
        let addr = listener.local_addr()?;
        let specs = backends.iter().map(|b| b.spec.file.clone()).collect();
        let state = Arc::new(FrontState {
            name: name.to_string(),
            prefix: prefix.trim_end_matches('/').to_string(),
            backends,
            recorder,
        });
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let state = state.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| handle(state.clone(), req));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Ok(Front {
            name: name.to_string(),
            base_url: format!("http://{addr}{}", prefix.trim_end_matches('/')),
            prefix: prefix.trim_end_matches('/').to_string(),
            specs,
            task,
        })
    }
}

fn plain(status: StatusCode, text: String) -> Response<ProxyBody> {
    let mut resp = Response::new(
        Full::new(Bytes::from(text))
            .map_err(|never| match never {})
            .boxed(),
    );
    *resp.status_mut() = status;
    resp
}

async fn handle(
    state: Arc<FrontState>,
    req: Request<Incoming>,
) -> Result<Response<ProxyBody>, Infallible> {
    let label = state.recorder.label();
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let sent_path = parts.uri.path().to_string();
    let query = parts.uri.query().map(str::to_owned);
    let mut exchange = Exchange {
        seq: 0,
        label,
        front: state.name.clone(),
        method: method.clone(),
        sent_path: sent_path.clone(),
        path: sent_path.clone(),
        query: query.clone(),
        request_headers: header_list(&parts.headers),
        request_body: Bytes::new(),
        operation: None,
        served_by: String::new(),
        status: 0,
        response_headers: Vec::new(),
        violations: Vec::new(),
        problems: Vec::new(),
    };
    match body.collect().await {
        Ok(b) => exchange.request_body = b.to_bytes(),
        Err(e) => {
            exchange
                .problems
                .push(format!("reading the request body failed: {e}"));
            exchange.status = 400;
            state.recorder.push(exchange);
            return Ok(plain(
                StatusCode::BAD_REQUEST,
                "unreadable request body".into(),
            ));
        }
    }

    // Strip the base path.
    if !state.prefix.is_empty() {
        if sent_path == state.prefix {
            exchange.path = "/".into();
        } else if let Some(rest) = sent_path.strip_prefix(&format!("{}/", state.prefix)) {
            exchange.path = format!("/{rest}");
        } else {
            exchange.problems.push(format!(
                "{sent_path} is outside the server's base path {} (the base URL's path was replaced instead of appended to?)",
                state.prefix
            ));
        }
    }

    // Route to the document that has the operation.
    let mut best: Option<(&Backend, &Operation, usize)> = None;
    for b in &state.backends {
        if let Some((op, score)) = b.spec.operation_for(&method, &exchange.path)
            && best.is_none_or(|(_, _, s)| score > s)
        {
            best = Some((b, op, score));
        }
    }
    let backend = match best {
        Some((b, op, _)) => {
            exchange.operation = Some(op.clone());
            b
        }
        None => {
            exchange.problems.push(format!(
                "no operation of {} is {method} {}",
                state
                    .backends
                    .iter()
                    .map(|b| b.spec.file.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                exchange.path
            ));
            state
                .backends
                .iter()
                .find(|b| b.spec.has_path(&exchange.path))
                .unwrap_or(&state.backends[0])
        }
    };
    exchange.served_by = backend.spec.file.clone();

    // Forward.
    let uri = match &query {
        Some(q) => format!("{}?{q}", exchange.path),
        None => exchange.path.clone(),
    };
    let mut builder = Request::builder().method(parts.method.clone()).uri(uri);
    for (k, v) in parts.headers.iter() {
        if !hop_by_hop(k) {
            builder = builder.header(k, v);
        }
    }
    let forwarded = match builder.body(Full::new(exchange.request_body.clone())) {
        Ok(r) => r,
        Err(e) => {
            exchange
                .problems
                .push(format!("could not rebuild the request: {e}"));
            exchange.status = 502;
            state.recorder.push(exchange);
            return Ok(plain(StatusCode::BAD_GATEWAY, "proxy error".into()));
        }
    };
    match forward(backend.port, forwarded).await {
        Ok(resp) => {
            let (mut parts, body) = resp.into_parts();
            exchange.status = parts.status.as_u16();
            exchange.response_headers = header_list(&parts.headers);
            if let Some(v) = parts.headers.get("sl-violations") {
                match Violation::parse_header(&String::from_utf8_lossy(v.as_bytes())) {
                    Ok(v) => exchange.violations = v,
                    Err(e) => exchange.problems.push(e),
                }
            }
            let names: Vec<HeaderName> = parts
                .headers
                .keys()
                .filter(|k| hop_by_hop(k))
                .cloned()
                .collect();
            for n in names {
                parts.headers.remove(n);
            }
            // An answer Prism made up itself (RFC 7807, e.g. a missing credential where
            // the document has no 401 response): read it, so it is reported even when Prism
            // sent no sl-violations header.
            let problem_json = parts
                .headers
                .get(hyper::header::CONTENT_TYPE)
                .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
            if problem_json {
                let bytes = body
                    .collect()
                    .await
                    .map(|b| b.to_bytes())
                    .unwrap_or_default();
                let problem: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
                let text = |k: &str| {
                    problem
                        .get(k)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string()
                };
                exchange.problems.push(format!(
                    "Prism answered its own error {}: {} ({})",
                    exchange.status,
                    text("title"),
                    text("detail")
                ));
                state.recorder.push(exchange);
                let body = Full::new(bytes).map_err(|never| match never {}).boxed();
                return Ok(Response::from_parts(parts, body));
            }
            state.recorder.push(exchange);
            Ok(Response::from_parts(parts, body.boxed()))
        }
        Err(e) => {
            exchange.problems.push(format!(
                "forwarding to Prism for {} failed: {e}",
                backend.spec.file
            ));
            exchange.status = 502;
            state.recorder.push(exchange);
            Ok(plain(
                StatusCode::BAD_GATEWAY,
                format!("proxy could not reach Prism: {e}"),
            ))
        }
    }
}

async fn forward(port: u16, req: Request<Full<Bytes>>) -> Result<Response<Incoming>, String> {
    let stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    sender
        .send_request(req)
        .await
        .map_err(|e| format!("request: {e}"))
}
