//! Following a background command's output through the logs cursor, against a small
//! hand-written HTTP server that can misbehave: cut a body short, drop a connection
//! before answering, answer 503, and report a cursor that disagrees with the bytes.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use opensandbox::api::execd::ExecdClient;
use opensandbox::sandbox::{BackgroundCommand, FollowOptions};
use opensandbox::{ClientOptions, Error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A fault to inject into one logs request (by its 0-based index).
#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Send the headers and half the body, then close.
    CutBody,
    /// Close without answering.
    Drop,
    /// Answer 503.
    Unavailable,
    /// Answer with a wrong cursor header (the client must follow the bytes).
    WrongCursor,
    /// Answer with a cursor header that is not a byte offset.
    GarbageCursor(&'static str),
    /// Ignore `?cursor=`: send everything written so far, with the right cursor header.
    IgnoreCursor,
}

struct Script {
    /// The whole output the command will have written.
    output: Vec<u8>,
    /// How many bytes are "written" so far; grows by `step` per logs request.
    written: usize,
    step: usize,
    /// The most bytes one logs answer carries.
    max_chunk: usize,
    faults: Vec<(usize, Fault)>,
    logs_requests: usize,
    /// Cursors the client asked for, in order.
    cursors: Vec<u64>,
    exit_code: Option<i32>,
    /// Status requests answer `running: true` until the output is all written and this
    /// many status requests have been made.
    status_requests: usize,
    saw_token: bool,
}

type Shared = Arc<Mutex<Script>>;

async fn serve(script: Shared) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            let script = script.clone();
            tokio::spawn(handle(sock, script));
        }
    });
    format!("http://{addr}/proxy/44772")
}

async fn handle(mut sock: TcpStream, script: Shared) {
    let mut buf = Vec::new();
    let mut tmp = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match sock.read(&mut tmp).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&tmp[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let target = head.split_whitespace().nth(1).unwrap_or("").to_string();
    let has_token = head.lines().any(|l| {
        l.to_ascii_lowercase()
            .starts_with("x-execd-access-token: tok")
    });
    let response: Vec<u8> = {
        let mut s = script.lock().unwrap();
        s.saw_token |= has_token;
        if target == "/proxy/44772/command/status/cmd-1" {
            s.status_requests += 1;
            let done = s.written >= s.output.len();
            let body = if done {
                match s.exit_code {
                    Some(c) => format!(
                        r#"{{"id":"cmd-1","running":false,"exit_code":{c},"finished_at":"2025-01-01T00:00:00Z"}}"#
                    ),
                    None => r#"{"id":"cmd-1","running":false}"#.to_string(),
                }
            } else {
                r#"{"id":"cmd-1","running":true}"#.to_string()
            };
            http(200, "application/json", &[], body.as_bytes())
        } else if let Some(rest) = target.strip_prefix("/proxy/44772/command/cmd-1/logs") {
            let cursor: u64 = rest
                .trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("cursor="))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let index = s.logs_requests;
            s.logs_requests += 1;
            s.cursors.push(cursor);
            let fault = s.faults.iter().find(|(i, _)| *i == index).map(|(_, f)| *f);
            let available = s.written;
            s.written = (s.written + s.step).min(s.output.len());
            let start = if matches!(fault, Some(Fault::IgnoreCursor)) {
                0
            } else {
                (cursor as usize).min(available)
            };
            let end = available.min(start + s.max_chunk);
            let body = s.output[start..end].to_vec();
            let next = end.to_string();
            match fault {
                Some(Fault::Drop) => Vec::new(),
                Some(Fault::Unavailable) => http(503, "text/plain", &[], b"busy"),
                Some(Fault::CutBody) => {
                    let mut r = http(
                        200,
                        "text/plain",
                        &[("EXECD-COMMANDS-TAIL-CURSOR", &next)],
                        &body,
                    );
                    let cut = r.len() - body.len() / 2 - 1;
                    r.truncate(cut);
                    r
                }
                Some(Fault::GarbageCursor(v)) => http(
                    200,
                    "text/plain",
                    &[("EXECD-COMMANDS-TAIL-CURSOR", v)],
                    &body,
                ),
                Some(Fault::IgnoreCursor) => http(
                    200,
                    "text/plain",
                    &[("EXECD-COMMANDS-TAIL-CURSOR", &next)],
                    &body,
                ),
                Some(Fault::WrongCursor) => http(
                    200,
                    "text/plain",
                    &[("EXECD-COMMANDS-TAIL-CURSOR", "999999")],
                    &body,
                ),
                None => http(
                    200,
                    "text/plain",
                    &[("EXECD-COMMANDS-TAIL-CURSOR", &next)],
                    &body,
                ),
            }
        } else {
            http(404, "text/plain", &[], b"no such route")
        }
    };
    if !response.is_empty() {
        let _ = sock.write_all(&response).await;
    }
    let _ = sock.shutdown().await;
}

fn http(status: u16, content_type: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    let mut out = r.into_bytes();
    out.extend_from_slice(body);
    out
}

fn output(len: usize) -> Vec<u8> {
    // Multi-byte characters too, so that chunk edges fall inside them.
    let mut s = String::new();
    let mut i = 0;
    while s.len() < len {
        s.push_str(&format!("line {i} — ünïcödé ✓\n"));
        i += 1;
    }
    s.into_bytes()
}

fn script(output: Vec<u8>, faults: Vec<(usize, Fault)>) -> Shared {
    Arc::new(Mutex::new(Script {
        output,
        written: 0,
        step: 97,
        max_chunk: 64,
        faults,
        logs_requests: 0,
        cursors: Vec::new(),
        exit_code: Some(3),
        status_requests: 0,
        saw_token: false,
    }))
}

fn fast() -> FollowOptions {
    FollowOptions::new()
        .poll_interval(Duration::from_millis(1), Duration::from_millis(5))
        .reconnect_timeout(Duration::from_secs(10))
}

async fn command(script: &Shared) -> BackgroundCommand {
    let base = serve(script.clone()).await;
    let headers = {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("x-execd-access-token", "tok".parse().unwrap());
        h
    };
    let execd = ExecdClient::with_headers(
        &base,
        "",
        headers,
        ClientOptions::new().request_timeout(Duration::from_secs(5)),
    )
    .unwrap();
    BackgroundCommand::attach(execd, "cmd-1").with_options(fast())
}

async fn follow_all(cmd: &BackgroundCommand) -> Vec<u8> {
    let mut follow = cmd.follow();
    let mut got = Vec::new();
    while let Some(chunk) = follow.next().await {
        got.extend_from_slice(&chunk.expect("follow should survive injected faults"));
    }
    assert_eq!(follow.cursor(), got.len() as u64);
    got
}

#[tokio::test]
async fn follow_yields_every_byte_exactly_once_across_faults() {
    let expected = output(2000);
    let s = script(
        expected.clone(),
        vec![
            (1, Fault::CutBody),
            (3, Fault::Drop),
            (4, Fault::Unavailable),
            (6, Fault::CutBody),
            (9, Fault::Drop),
        ],
    );
    let cmd = command(&s).await;
    let got = follow_all(&cmd).await;
    assert_eq!(got.len(), expected.len());
    assert!(got == expected, "output differs");
    {
        let st = s.lock().unwrap();
        assert!(st.saw_token, "endpoint headers must reach execd");
        // Cursors only ever move forward, and a failed request is retried at the same one.
        assert!(
            st.cursors.windows(2).all(|w| w[0] <= w[1]),
            "{:?}",
            st.cursors
        );
        assert_eq!(
            st.cursors[1], st.cursors[2],
            "a cut body is retried from the same cursor"
        );
    }
    let status = cmd.wait().await.unwrap();
    assert_eq!(status.exit_code, Some(3));
    assert!(!status.success());
}

#[tokio::test]
async fn follow_trusts_the_bytes_not_a_wrong_cursor_header() {
    let expected = output(500);
    let s = script(
        expected.clone(),
        vec![(0, Fault::WrongCursor), (2, Fault::WrongCursor)],
    );
    let cmd = command(&s).await;
    assert_eq!(follow_all(&cmd).await, expected);
}

#[tokio::test]
async fn follow_from_a_cursor_resumes_without_repeats() {
    let expected = output(600);
    let s = script(expected.clone(), vec![]);
    let cmd = command(&s).await;
    let mut first = cmd.follow();
    let mut got = Vec::new();
    while got.len() < 100 {
        got.extend_from_slice(&first.next().await.unwrap().unwrap());
    }
    let cursor = first.cursor();
    drop(first);
    let mut rest = cmd.follow_from(cursor);
    while let Some(chunk) = rest.next().await {
        got.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(got, expected);
}

#[tokio::test]
async fn unknown_exit_code_is_none_never_zero() {
    let s = script(output(10), vec![]);
    s.lock().unwrap().exit_code = None;
    let cmd = command(&s).await;
    follow_all(&cmd).await;
    let status = cmd.wait().await.unwrap();
    assert_eq!(status.exit_code, None);
    assert!(!status.success());
    assert_eq!(status.to_string(), "exit code unknown");
}

#[tokio::test]
async fn permanent_errors_end_the_follow() {
    let s = script(output(10), vec![]);
    let base = serve(s.clone()).await;
    let execd = ExecdClient::new(&base, "").unwrap();
    // An unknown command id: the server answers 404.
    let cmd = BackgroundCommand::attach(execd, "other").with_options(fast());
    let mut follow = cmd.follow();
    let err = follow.next().await.unwrap().unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert!(err.is_not_found());
    assert!(follow.next().await.is_none());
}

#[tokio::test]
async fn transient_errors_give_up_after_the_reconnect_timeout() {
    let s = script(
        output(10),
        (0..10_000).map(|i| (i, Fault::Unavailable)).collect(),
    );
    let cmd = command(&s).await.with_options(
        FollowOptions::new()
            .poll_interval(Duration::from_millis(1), Duration::from_millis(5))
            .reconnect_timeout(Duration::from_millis(200)),
    );
    let mut follow = cmd.follow();
    let err = follow.next().await.unwrap().unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(follow.next().await.is_none());
}

#[tokio::test]
async fn follow_keeps_going_past_a_cursor_header_that_is_not_a_number() {
    let expected = output(500);
    let s = script(
        expected.clone(),
        vec![
            (0, Fault::GarbageCursor("abc")),
            (1, Fault::GarbageCursor("-5")),
            (3, Fault::GarbageCursor("18446744073709551616")),
        ],
    );
    let cmd = command(&s).await;
    assert_eq!(follow_all(&cmd).await, expected);
}

#[tokio::test]
async fn follow_stops_with_a_typed_error_when_the_server_ignores_the_cursor() {
    let expected = output(500);
    let faults = (1..200).map(|i| (i, Fault::IgnoreCursor)).collect();
    let s = script(expected.clone(), faults);
    let cmd = command(&s).await;
    let mut follow = cmd.follow();
    let mut got = Vec::new();
    let err = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match follow.next().await {
                Some(Ok(b)) => got.extend_from_slice(&b),
                Some(Err(e)) => return e,
                None => panic!("follow ended without noticing the repeated output"),
            }
        }
    })
    .await
    .expect("follow stops within the deadline");
    assert!(
        matches!(err, Error::CursorMismatch { requested, served_from: 0, .. } if requested > 0),
        "{err:?}"
    );
    // What was delivered is a prefix of the output, never a repeat.
    assert!(expected.starts_with(&got), "delivered bytes repeat output");
    assert!(
        follow.next().await.is_none(),
        "the stream ends after the error"
    );
}
