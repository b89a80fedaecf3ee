//! A hostile HTTP/1.1 server on loopback whose every byte the test controls.
//!
//! Each accepted connection reads one request (head, then a body by `Content-Length` or
//! chunked until the terminating chunk) and then plays the next [`Script`] from the
//! queue: raw bytes, pauses, a clean close, a reset (RST by `SO_LINGER 0`) or a stall that
//! holds the socket open until the server is dropped. Requests are recorded so a test can
//! assert what went on the wire. When the queue is empty the last script is repeated.
//!
//! Dropping the [`Hostile`] stops the accept loop and every connection task.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One step of a response script.
#[derive(Clone, Debug)]
pub enum Step {
    /// Write these bytes.
    Send(Vec<u8>),
    /// Sleep this long.
    Pause(Duration),
    /// Close the connection cleanly (FIN).
    Close,
    /// Close with a reset (RST).
    Reset,
    /// Keep the connection open and silent until the server is dropped.
    Stall,
}

/// What the server does with one connection, after reading its request.
#[derive(Clone, Debug, Default)]
pub struct Script {
    /// Steps, in order. Ending without `Close`/`Reset`/`Stall` closes cleanly.
    pub steps: Vec<Step>,
    /// Do not read the request before playing (for stalls before the request is read).
    pub skip_request: bool,
}

impl Script {
    /// A script of these steps.
    pub fn new(steps: Vec<Step>) -> Self {
        Script {
            steps,
            skip_request: false,
        }
    }

    /// Accept and never answer.
    pub fn stall() -> Self {
        Script::new(vec![Step::Stall])
    }

    /// A complete response with `Content-Length`, then a clean close.
    pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Self {
        Script::new(vec![
            Step::Send(response_bytes(status, headers, body)),
            Step::Close,
        ])
    }

    /// A JSON response.
    pub fn json(status: u16, body: &str) -> Self {
        Script::response(
            status,
            &[("content-type", "application/json")],
            body.as_bytes(),
        )
    }

    /// Response headers only (no body yet), then the given steps.
    pub fn head_then(status: u16, headers: &[(&str, &str)], then: Vec<Step>) -> Self {
        let mut steps = vec![Step::Send(head_bytes(status, headers))];
        steps.extend(then);
        Script::new(steps)
    }
}

/// The bytes of a status line and headers, with the blank line.
pub fn head_bytes(status: u16, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// A whole response with `Content-Length` (added unless given).
pub fn response_bytes(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut hs: Vec<(&str, String)> = headers.iter().map(|(k, v)| (*k, v.to_string())).collect();
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        hs.push(("content-length", body.len().to_string()));
    }
    let borrowed: Vec<(&str, &str)> = hs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut out = head_bytes(status, &borrowed);
    out.extend_from_slice(body);
    out
}

/// One chunk of a chunked body.
pub fn chunk(data: &[u8]) -> Vec<u8> {
    let mut out = format!("{:x}\r\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
    out
}

/// The last chunk of a chunked body.
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        416 => "Range Not Satisfiable",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// A recorded request.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `METHOD /path?query`.
    pub line: String,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The body as received.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first value of a header (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The server. Dropping it stops everything it started.
pub struct Hostile {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    accept: JoinHandle<()>,
    conns: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Hostile {
    /// Starts a server that plays `scripts` to successive connections (the last one
    /// repeats).
    pub async fn start(scripts: Vec<Script>) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("local addr"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let conns: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::new(Mutex::new(Vec::new()));
        let queue = Arc::new(Mutex::new(std::collections::VecDeque::from(scripts)));
        let (reqs, cs) = (requests.clone(), conns.clone());
        let accept = tokio::spawn(async move {
            let mut last: Option<Script> = None;
            while let Ok((sock, _)) = listener.accept().await {
                let script = {
                    let mut q = queue.lock().unwrap();
                    match q.pop_front() {
                        Some(s) => {
                            last = Some(s.clone());
                            s
                        }
                        None => last.clone().unwrap_or_default(),
                    }
                };
                let reqs = reqs.clone();
                let h = tokio::spawn(serve(sock, script, reqs));
                cs.lock().unwrap().push(h);
            }
        });
        Hostile {
            url,
            requests,
            accept,
            conns,
        }
    }

    /// A server that plays one script to every connection.
    pub async fn always(script: Script) -> Hostile {
        Hostile::start(vec![script]).await
    }

    /// What was received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// How many requests were received.
    pub fn hits(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.accept.abort();
        for h in self.conns.lock().unwrap().drain(..) {
            h.abort();
        }
    }
}

async fn serve(mut sock: TcpStream, script: Script, reqs: Arc<Mutex<Vec<Recorded>>>) {
    let _ = sock.set_nodelay(true);
    if !script.skip_request {
        match read_request(&mut sock).await {
            Some(r) => reqs.lock().unwrap().push(r),
            None => return,
        }
    }
    for step in script.steps {
        match step {
            Step::Send(bytes) => {
                if sock.write_all(&bytes).await.is_err() {
                    return;
                }
                let _ = sock.flush().await;
            }
            Step::Pause(d) => tokio::time::sleep(d).await,
            Step::Close => {
                let _ = sock.shutdown().await;
                return;
            }
            Step::Reset => {
                // A zero linger does not block on drop: the kernel sends RST at once.
                #[allow(deprecated)]
                let _ = sock.set_linger(Some(Duration::ZERO));
                drop(sock);
                return;
            }
            Step::Stall => {
                // Hold the socket until the task is aborted; drain what the client sends.
                let mut sink = [0u8; 8192];
                loop {
                    match sock.read(&mut sink).await {
                        Ok(0) => std::future::pending::<()>().await,
                        Ok(_) => {}
                        Err(_) => std::future::pending::<()>().await,
                    }
                }
            }
        }
    }
    let _ = sock.shutdown().await;
}

async fn read_request(sock: &mut TcpStream) -> Option<Recorded> {
    let mut buf = Vec::new();
    let mut tmp = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i;
        }
        let n = sock.read(&mut tmp).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&tmp[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let first = lines.next().unwrap_or_default();
    let line = first
        .rsplit_once(' ')
        .map(|(a, _)| a.to_string())
        .unwrap_or_default();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = buf[head_end + 4..].to_vec();
    let get = |n: &str| headers.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    if let Some(len) = get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        while body.len() < len {
            let n = sock.read(&mut tmp).await.ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&tmp[..n]);
        }
    } else if get("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        while find(&body, b"\r\n0\r\n\r\n").is_none() && !body.starts_with(b"0\r\n\r\n") {
            let n = sock.read(&mut tmp).await.ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&tmp[..n]);
        }
        body = dechunk(&body);
    }
    Some(Recorded {
        line,
        headers,
        body,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = find(raw, b"\r\n") {
        let size = std::str::from_utf8(&raw[..i])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = i + 2;
        let end = (start + size).min(raw.len());
        out.extend_from_slice(&raw[start..end]);
        raw = &raw[(end + 2).min(raw.len())..];
    }
    out
}

/// Runs `fut` under a hard deadline, failing the test (not hanging it) past it.
pub async fn within<T>(limit: Duration, fut: impl std::future::Future<Output = T>) -> T {
    match tokio::time::timeout(limit, fut).await {
        Ok(v) => v,
        Err(_) => panic!("case did not finish within {limit:?}"),
    }
}
