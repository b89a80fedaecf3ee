//! `ExecdClient` against local servers: for every operation the exact method, path,
//! query, headers and JSON body sent, and the decoding of a realistic answer; streams
//! over real sockets that stay open after the terminal event or outlive the unary
//! timeout.

use std::time::{Duration, Instant};

use futures::StreamExt;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::execd::types::Permission;
use opensandbox::api::execd::{
    CodeRequest, CommandRequest, ContextRequest, SessionCommand, SessionOptions,
};
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::stream::StreamEvent;
use opensandbox::{ClientOptions, Error, RetryPolicy};
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Match, Mock, MockBuilder, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "execd-secret-token";
const LIFECYCLE_KEY: &str = "lifecycle-api-key";
const ROUTE_HEADER: &str = "opensandbox-ingress-to";
const ROUTE_VALUE: &str = "sbx-1-44772";

/// The query, as ordered decoded pairs, is exactly this.
struct QueryIs(Vec<(String, String)>);

impl Match for QueryIs {
    fn matches(&self, request: &Request) -> bool {
        let got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        got == self.0
    }
}

fn query(pairs: &[(&str, &str)]) -> QueryIs {
    QueryIs(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

/// The lifecycle key never reaches execd.
struct NoLifecycleKey;

impl Match for NoLifecycleKey {
    fn matches(&self, request: &Request) -> bool {
        !request.headers.contains_key("open-sandbox-api-key")
    }
}

fn endpoint_headers() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(ROUTE_HEADER, HeaderValue::from_static(ROUTE_VALUE));
    h
}

fn client_at(base: &str) -> ExecdClient {
    ExecdClient::with_headers(base, TOKEN, endpoint_headers(), ClientOptions::new()).unwrap()
}

/// A mock for `verb full_path` that also requires the token, the endpoint header, no
/// lifecycle key and exactly `q` as the query.
fn on(verb: &str, full_path: &str, q: &[(&str, &str)]) -> MockBuilder {
    Mock::given(method(verb))
        .and(path(full_path))
        .and(header("x-execd-access-token", TOKEN))
        .and(header(ROUTE_HEADER, ROUTE_VALUE))
        .and(NoLifecycleKey)
        .and(query(q))
}

async fn setup() -> (MockServer, ExecdClient) {
    let server = MockServer::start().await;
    let client = client_at(&server.uri());
    (server, client)
}

fn sse(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.as_bytes().to_vec(), "text/event-stream")
}

fn file_info(path: &str, kind: &str, size: u64, mode: u32) -> serde_json::Value {
    json!({
        "path": path, "type": kind, "size": size,
        "modified_at": "2025-11-27T08:00:00Z", "created_at": "2025-11-27T07:55:10Z",
        "owner": "root", "group": "root", "mode": mode
    })
}

const COMMAND_STREAM: &str = concat!(
    "{\"type\":\"init\",\"text\":\"cmd-7f3a\",\"timestamp\":1764230400000}\n\n",
    "{\"type\":\"stdout\",\"text\":\"hello\\n\",\"timestamp\":1764230400010}\n\n",
    "{\"type\":\"ping\",\"text\":\"pong\",\"timestamp\":1764230400011}\n\n",
    "{\"type\":\"stderr\",\"text\":\"warn\\n\",\"timestamp\":1764230400012}\n\n",
    "{\"type\":\"execution_complete\",\"execution_time\":12,\"timestamp\":1764230400013}\n\n",
);

#[tokio::test]
async fn ping_sends_token_and_endpoint_headers() {
    let (server, execd) = setup().await;
    on("GET", "/ping", &[])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    execd.ping().await.unwrap();
}

#[tokio::test]
async fn an_empty_token_sends_no_header() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/ping"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    ExecdClient::new(&server.uri(), "")
        .unwrap()
        .ping()
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert!(!reqs[0].headers.contains_key("x-execd-access-token"));
}

#[tokio::test]
async fn a_base_with_a_path_prefix_keeps_it() {
    let server = MockServer::start().await;
    let execd = client_at(&format!("{}/proxy/44772/", server.uri()));
    on("GET", "/proxy/44772/ping", &[])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/proxy/44772/command", &[])
        .respond_with(sse(COMMAND_STREAM))
        .expect(1)
        .mount(&server)
        .await;
    on(
        "GET",
        "/proxy/44772/files/download",
        &[("path", "/w/a.txt")],
    )
    .respond_with(ResponseTemplate::new(200).set_body_bytes(b"abc".to_vec()))
    .expect(1)
    .mount(&server)
    .await;
    on("POST", "/proxy/44772/files/upload", &[])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/proxy/44772/command/status/cmd%2F1", &[])
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "cmd/1", "running": true})),
        )
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(execd.base_url(), format!("{}/proxy/44772", server.uri()));
    execd.ping().await.unwrap();
    assert_eq!(execd.run_command("ls").await.unwrap().stdout, "hello\n");
    assert_eq!(&execd.read_file("/w/a.txt").await.unwrap()[..], b"abc");
    execd.write_file("/w/b.txt", "x").await.unwrap();
    assert!(
        execd
            .command_status("cmd/1")
            .await
            .unwrap()
            .running
            .unwrap()
    );
}

#[tokio::test]
async fn the_lifecycle_key_never_reaches_execd() {
    let server = MockServer::start().await;
    let lifecycle = LifecycleClient::new(&format!("{}/v1", server.uri()), LIFECYCLE_KEY).unwrap();
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .and(header("open-sandbox-api-key", LIFECYCLE_KEY))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/ping"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/command"))
        .respond_with(sse(COMMAND_STREAM))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(b"abc".to_vec()))
        .mount(&server)
        .await;
    lifecycle.delete_sandbox("sbx-1").await.unwrap();
    let execd = client_at(&server.uri());
    execd.ping().await.unwrap();
    execd.run_command("true").await.unwrap();
    execd.read_file("/a").await.unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 4);
    for r in reqs.iter().filter(|r| !r.url.path().starts_with("/v1/")) {
        assert!(!r.headers.contains_key("open-sandbox-api-key"), "{}", r.url);
        assert_eq!(r.headers["x-execd-access-token"], TOKEN);
    }
}

#[tokio::test]
async fn run_command_sends_every_option_and_collects_output() {
    let (server, execd) = setup().await;
    on("POST", "/command", &[])
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "command": "ls -la /workspace",
            "cwd": "/workspace",
            "background": false,
            "timeout": 30000,
            "uid": 1000,
            "gid": 1001,
            "envs": {"PYTHONUNBUFFERED": "1", "LANG": "C.UTF-8"}
        })))
        .respond_with(sse(COMMAND_STREAM))
        .expect(1)
        .mount(&server)
        .await;
    let req = CommandRequest::new("ls -la /workspace")
        .cwd("/workspace")
        .timeout(Duration::from_secs(30))
        .user(1000, Some(1001))
        .env("PYTHONUNBUFFERED", "1")
        .env("LANG", "C.UTF-8");
    let run = execd.run_command(req).await.unwrap();
    assert_eq!(run.id.as_deref(), Some("cmd-7f3a"));
    assert_eq!(run.stdout, "hello\n");
    assert_eq!(run.stderr, "warn\n");
    assert_eq!(run.exit_code, Some(0));
    assert_eq!(run.duration, Some(Duration::from_millis(12)));
    assert!(run.is_success());
}

#[tokio::test]
async fn a_non_zero_exit_is_an_execution_not_an_err() {
    let (server, execd) = setup().await;
    on("POST", "/command", &[])
        .and(body_json(json!({"command": "exit 2", "background": false})))
        .respond_with(sse(concat!(
            "{\"type\":\"init\",\"text\":\"cmd-1\"}\n\n",
            "{\"type\":\"stderr\",\"text\":\"boom\\n\"}\n\n",
            "{\"type\":\"error\",\"error\":{\"ename\":\"CommandExecError\",\"evalue\":\"2\",\"traceback\":[]}}\n\n",
        )))
        .mount(&server)
        .await;
    let run = execd.run_command("exit 2").await.unwrap();
    assert_eq!(run.exit_code, Some(2));
    assert!(!run.is_success());
    assert_eq!(run.stderr, "boom\n");
}

#[tokio::test]
async fn run_command_stream_yields_events_in_order() {
    let (server, execd) = setup().await;
    on("POST", "/command", &[])
        .respond_with(sse(COMMAND_STREAM))
        .mount(&server)
        .await;
    let events: Vec<StreamEvent> = execd
        .run_command_stream("echo hello")
        .await
        .unwrap()
        .map(Result::unwrap)
        .collect()
        .await;
    let kinds: Vec<&str> = events.iter().map(StreamEvent::kind).collect();
    assert_eq!(
        kinds,
        ["init", "stdout", "ping", "stderr", "execution_complete"]
    );
}

#[tokio::test]
async fn a_handler_error_stops_the_stream() {
    let (server, execd) = setup().await;
    on("POST", "/command", &[])
        .respond_with(sse(COMMAND_STREAM))
        .mount(&server)
        .await;
    let mut seen = Vec::new();
    let err = execd
        .commands()
        .try_run_with_handler("echo hello", |e| {
            seen.push(e.kind().to_string());
            if matches!(e, StreamEvent::Stdout { .. }) {
                return Err("enough");
            }
            Ok(())
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Handler(_)), "{err:?}");
    assert_eq!(seen, ["init", "stdout"]);

    let mut out = String::new();
    let run = execd
        .commands()
        .run_with_handler("echo hello", |e| {
            if let StreamEvent::Stdout { text, .. } = e {
                out.push_str(text);
            }
        })
        .await
        .unwrap();
    assert_eq!(out, "hello\n");
    assert_eq!(run.stdout, out);
}

#[tokio::test]
async fn an_error_before_the_first_event_is_an_api_error() {
    let (server, execd) = setup().await;
    on("POST", "/command", &[])
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"code": "INVALID_REQUEST_BODY", "message": "uid required with gid"}),
        ))
        .mount(&server)
        .await;
    let err = execd.run_command("true").await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status.as_u16(), 400);
    assert_eq!(api.code.as_deref(), Some("INVALID_REQUEST_BODY"));
    assert_eq!(api.message, "uid required with gid");
}

#[tokio::test]
async fn streamed_posts_are_not_retried() {
    let server = MockServer::start().await;
    let options = ClientOptions::new().retry(
        RetryPolicy::new()
            .max_attempts(4)
            .initial_backoff(Duration::from_millis(1))
            .jitter(false),
    );
    let execd = ExecdClient::with_options(&server.uri(), TOKEN, options).unwrap();
    for p in ["/command", "/code", "/session/s-1/run"] {
        Mock::given(method("POST"))
            .and(path(p))
            .respond_with(ResponseTemplate::new(502))
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/ping"))
        .respond_with(ResponseTemplate::new(503))
        .expect(4)
        .mount(&server)
        .await;
    assert_eq!(
        execd
            .run_command("true")
            .await
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(502)
    );
    assert_eq!(
        execd
            .run_code("1")
            .await
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(502)
    );
    assert_eq!(
        execd
            .run_in_session("s-1", "true")
            .await
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(502)
    );
    // A GET is retried, which shows retries were on.
    assert!(execd.ping().await.is_err());
}

#[tokio::test]
async fn background_commands_start_and_are_followed() {
    let (server, execd) = setup().await;
    on("POST", "/command", &[])
        .and(body_json(
            json!({"command": "python -m http.server 8000", "background": true, "cwd": "/app"}),
        ))
        .respond_with(sse(concat!(
            "{\"type\":\"init\",\"text\":\"cmd-bg\"}\n\n",
            "{\"type\":\"execution_complete\",\"execution_time\":1}\n\n",
        )))
        .expect(2)
        .mount(&server)
        .await;
    on("GET", "/command/status/cmd-bg", &[])
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "cmd-bg", "content": "python -m http.server 8000", "running": true,
            "exit_code": null, "started_at": "2025-11-27T08:00:00Z", "finished_at": null
        })))
        .expect(1)
        .mount(&server)
        .await;
    let req = CommandRequest::new("python -m http.server 8000").cwd("/app");
    let id = execd.start_background_command(req.clone()).await.unwrap();
    assert_eq!(id, "cmd-bg");
    // The collected form of a background run: an id, and an exit code still unknown.
    let run = execd.run_command(req.background(true)).await.unwrap();
    assert_eq!(run.id.as_deref(), Some("cmd-bg"));
    assert_eq!(run.exit_code, None);

    let status = execd.command_status("cmd-bg").await.unwrap();
    assert_eq!(status.running, Some(true));
    assert_eq!(status.exit_code, None);
    assert_eq!(
        status.content.as_deref(),
        Some("python -m http.server 8000")
    );
    assert!(status.started_at.is_some());
}

#[tokio::test]
async fn command_logs_follow_the_byte_cursor() {
    let (server, execd) = setup().await;
    on("GET", "/command/cmd-bg/logs", &[])
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(
                    b"Serving HTTP on 0.0.0.0 port 8000 ...\n".to_vec(),
                    "text/plain",
                )
                .insert_header("EXECD-COMMANDS-TAIL-CURSOR", "38"),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/command/cmd-bg/logs", &[("cursor", "38")])
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("GET / 200 \u{e9}".as_bytes().to_vec(), "text/plain")
                .insert_header("EXECD-COMMANDS-TAIL-CURSOR", "50"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let first = execd.command_logs("cmd-bg", None).await.unwrap();
    assert_eq!(first.text(), "Serving HTTP on 0.0.0.0 port 8000 ...\n");
    assert_eq!(first.next_cursor, Some(38));
    let next = execd
        .command_logs("cmd-bg", first.next_cursor)
        .await
        .unwrap();
    assert_eq!(next.text(), "GET / 200 é");
    assert_eq!(next.next_cursor, Some(50));
}

#[tokio::test]
async fn logs_of_a_foreground_command_are_a_400() {
    let (server, execd) = setup().await;
    on("GET", "/command/cmd-fg/logs", &[])
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"code": "INVALID_REQUEST_BODY", "message": "not a background command"}),
        ))
        .mount(&server)
        .await;
    let err = execd.command_logs("cmd-fg", None).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
}

#[tokio::test]
async fn interrupt_command_and_code() {
    let (server, execd) = setup().await;
    on("DELETE", "/command", &[("id", "cmd-7f3a")])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on("DELETE", "/code", &[("id", "exec-1")])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    execd.interrupt_command("cmd-7f3a").await.unwrap();
    execd.interrupt_code("exec-1").await.unwrap();
    assert!(matches!(
        execd.interrupt_command(" ").await,
        Err(Error::InvalidInput(_))
    ));
}

#[tokio::test]
async fn bash_sessions() {
    let (server, execd) = setup().await;
    on("POST", "/session", &[])
        .and(body_json(json!({"cwd": "/workspace"})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"session_id": "sess-0c41d7"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/session", &[])
        .and(body_json(json!({})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"session_id": "sess-2"})))
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/session/sess-0c41d7/run", &[])
        .and(body_json(
            json!({"command": "cd /tmp && pwd", "cwd": "/workspace", "timeout": 30000}),
        ))
        .respond_with(sse(concat!(
            "{\"type\":\"init\",\"text\":\"run-3e9b12\"}\n\n",
            "{\"type\":\"stdout\",\"text\":\"/tmp\\n\"}\n\n",
            "{\"type\":\"execution_complete\",\"execution_time\":3}\n\n",
        )))
        .expect(2)
        .mount(&server)
        .await;
    on("POST", "/session/sess-2/run", &[])
        .and(body_json(json!({"command": "ls /missing"})))
        .respond_with(sse(concat!(
            "{\"type\":\"init\",\"text\":\"run-2\"}\n\n",
            "{\"type\":\"error\",\"error\":{\"ename\":\"CommandExecError\",\"evalue\":\"2\",\"traceback\":[]}}\n\n",
        )))
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/session/nope/run", &[])
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({"code": "SESSION_NOT_FOUND", "message": "no session nope"})),
        )
        .mount(&server)
        .await;
    on("DELETE", "/session/sess-0c41d7", &[])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;

    let id = execd
        .create_session(SessionOptions::new().cwd("/workspace"))
        .await
        .unwrap();
    assert_eq!(id, "sess-0c41d7");
    assert_eq!(
        execd
            .create_session(SessionOptions::default())
            .await
            .unwrap(),
        "sess-2"
    );
    let cmd = SessionCommand::new("cd /tmp && pwd")
        .cwd("/workspace")
        .timeout(Duration::from_secs(30));
    let run = execd.run_in_session(&id, cmd.clone()).await.unwrap();
    assert_eq!((run.stdout.as_str(), run.exit_code), ("/tmp\n", Some(0)));
    let mut out = String::new();
    let run = execd
        .commands()
        .session(id.clone())
        .run_with_handler(cmd, |e| {
            if let StreamEvent::Stdout { text, .. } = e {
                out.push_str(text);
            }
        })
        .await
        .unwrap();
    assert_eq!(run.exit_code, Some(0));
    assert_eq!(out, "/tmp\n");
    let failed = execd.run_in_session("sess-2", "ls /missing").await.unwrap();
    assert_eq!(failed.exit_code, Some(2));
    assert!(
        execd
            .run_in_session_stream("nope", "true")
            .await
            .unwrap_err()
            .is_not_found()
    );
    execd.delete_session(&id).await.unwrap();
}

#[tokio::test]
async fn code_contexts() {
    let (server, execd) = setup().await;
    on("POST", "/code/context", &[])
        .and(body_json(json!({"language": "python"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "ctx-5d1e9a", "language": "python"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/code/context", &[])
        .and(body_json(json!({"language": "bash", "cwd": "/workspace"})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "ctx-b", "language": "bash"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/code/contexts/ctx-5d1e9a", &[])
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "ctx-5d1e9a", "language": "python"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/code/contexts/ctx-gone", &[])
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"code": "CONTEXT_NOT_FOUND", "message": "context ctx-gone not found"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    on("GET", "/code/contexts", &[("language", "python")])
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "ctx-5d1e9a", "language": "python"},
            {"id": "ctx-8b22f0", "language": "python"}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    on("DELETE", "/code/contexts/ctx-5d1e9a", &[])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on("DELETE", "/code/contexts", &[("language", "python")])
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;

    let ctx = execd.create_context("python").await.unwrap();
    assert_eq!(ctx.id.as_deref(), Some("ctx-5d1e9a"));
    let b = execd
        .create_context(ContextRequest::new("bash").cwd("/workspace"))
        .await
        .unwrap();
    assert_eq!(b.language, "bash");
    assert_eq!(
        execd.get_context("ctx-5d1e9a").await.unwrap().language,
        "python"
    );
    let err = execd.get_context("ctx-gone").await.unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(
        err.api().unwrap().code.as_deref(),
        Some("CONTEXT_NOT_FOUND")
    );
    let all = execd.list_contexts("python").await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].id.as_deref(), Some("ctx-8b22f0"));
    execd.delete_context("ctx-5d1e9a").await.unwrap();
    execd.delete_contexts("python").await.unwrap();
}

#[tokio::test]
async fn run_code_in_a_context_with_sse_framing() {
    let (server, execd) = setup().await;
    // Standard `data:` framing, as a proxy in front of execd would send it.
    let body = concat!(
        "data: {\"type\":\"init\",\"text\":\"exec-1\",\"timestamp\":1764230400000}\n\n",
        "data: {\"type\":\"status\",\"text\":\"busy\"}\n\n",
        "data: {\"type\":\"execution_count\",\"execution_count\":3}\n\n",
        "data: {\"type\":\"stdout\",\"text\":\"Hello, World!\\n\"}\n\n",
        "data: {\"type\":\"result\",\"results\":{\"text\":\"4\",\"text/html\":\"<b>4</b>\"},\"execution_count\":3}\n\n",
        "data: {\"type\":\"status\",\"text\":\"idle\"}\n\n",
        "data: {\"type\":\"execution_complete\",\"execution_time\":16}\n\n",
    );
    on("POST", "/code", &[])
        .and(body_json(json!({
            "code": "print(\"Hello, World!\")\n2 + 2",
            "context": {"id": "ctx-5d1e9a", "language": "python"}
        })))
        .respond_with(sse(body))
        .expect(2)
        .mount(&server)
        .await;
    on("POST", "/code", &[])
        .and(body_json(json!({
            "code": "1/0",
            "context": {"language": "python"}
        })))
        .respond_with(sse(concat!(
            "{\"type\":\"init\",\"text\":\"exec-2\"}\n\n",
            "{\"type\":\"error\",\"error\":{\"ename\":\"ZeroDivisionError\",\"evalue\":\"division by zero\",\"traceback\":[\"Traceback (most recent call last):\"]}}\n\n",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let ctx = opensandbox::CodeContext::new("ctx-5d1e9a", "python");
    let req = CodeRequest::new("print(\"Hello, World!\")\n2 + 2").context(&ctx);
    let run = execd.run_code(req.clone()).await.unwrap();
    assert_eq!(run.id.as_deref(), Some("exec-1"));
    assert_eq!(run.stdout, "Hello, World!\n");
    assert_eq!(run.result_text(), Some("4"));
    assert_eq!(run.execution_count, Some(3));
    assert!(run.is_success());

    let mut kinds = Vec::new();
    let handled = execd
        .code()
        .run_with_handler(req, |e| kinds.push(e.kind().to_string()))
        .await
        .unwrap();
    assert_eq!(kinds.len(), 7);
    assert_eq!(handled.result_text(), Some("4"));

    let failed = execd
        .run_code(CodeRequest::new("1/0").language("python"))
        .await
        .unwrap();
    let err = failed.error.unwrap();
    assert_eq!(err.ename, "ZeroDivisionError");
    assert_eq!(failed.exit_code, None);
}

#[tokio::test]
async fn file_operations() {
    let (server, execd) = setup().await;
    on(
        "GET",
        "/files/info",
        &[
            ("path", "/workspace/main.py"),
            ("path", "/workspace/a b&c.csv"),
        ],
    )
    .respond_with(ResponseTemplate::new(200).set_body_json(json!({
        "/workspace/main.py": file_info("/workspace/main.py", "file", 412, 644),
        "/workspace/a b&c.csv": file_info("/workspace/a b&c.csv", "file", 7, 600)
    })))
    .expect(1)
    .mount(&server)
    .await;
    on(
        "DELETE",
        "/files",
        &[("path", "/workspace/scratch.txt"), ("path", "/workspace/x")],
    )
    .respond_with(ResponseTemplate::new(200))
    .expect(1)
    .mount(&server)
    .await;
    on("POST", "/files/permissions", &[])
        .and(body_json(json!({
            "/workspace/run.sh": {"owner": "root", "group": "root", "mode": 755},
            "/workspace/settings.json": {"mode": 644}
        })))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/files/mv", &[])
        .and(body_json(json!([
            {"src": "/workspace/draft.md", "dest": "/workspace/final.md"},
            {"src": "/workspace/report.csv", "dest": "/workspace/archive/report.csv"}
        ])))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on(
        "GET",
        "/files/search",
        &[("path", "/workspace"), ("pattern", "*.py")],
    )
    .respond_with(ResponseTemplate::new(200).set_body_json(json!([file_info(
        "/workspace/main.py",
        "file",
        412,
        644
    )])))
    .expect(1)
    .mount(&server)
    .await;
    on("GET", "/files/search", &[("path", "/workspace")])
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/files/replace", &[("verbose", "true")])
        .and(body_json(json!({
            "/workspace/app.env": {"old": "PORT=8080", "new": "PORT=9090"},
            "/workspace/main.py": {"old": "DEBUG = True", "new": ""}
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "/workspace/app.env": {"replacedCount": 1},
            "/workspace/main.py": {"replacedCount": 0}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let info = execd
        .file_info(["/workspace/main.py", "/workspace/a b&c.csv"])
        .await
        .unwrap();
    let main = &info["/workspace/main.py"];
    assert_eq!(
        (main.size, main.mode, main.owner.as_deref()),
        (Some(412), Some(644), Some("root"))
    );
    assert_eq!(
        main.type_.as_ref().map(|t| t.to_string()).as_deref(),
        Some("file")
    );
    assert_eq!(info["/workspace/a b&c.csv"].size, Some(7));

    execd
        .delete_files(["/workspace/scratch.txt", "/workspace/x"])
        .await
        .unwrap();
    execd
        .set_permissions([
            (
                "/workspace/run.sh",
                Permission {
                    owner: Some("root".into()),
                    group: Some("root".into()),
                    mode: 755,
                },
            ),
            (
                "/workspace/settings.json",
                Permission {
                    owner: None,
                    group: None,
                    mode: 644,
                },
            ),
        ])
        .await
        .unwrap();
    execd
        .move_files([
            ("/workspace/draft.md", "/workspace/final.md"),
            ("/workspace/report.csv", "/workspace/archive/report.csv"),
        ])
        .await
        .unwrap();
    let found = execd
        .search_files("/workspace", Some("*.py"))
        .await
        .unwrap();
    assert_eq!(found[0].path, "/workspace/main.py");
    assert!(
        execd
            .search_files("/workspace", None)
            .await
            .unwrap()
            .is_empty()
    );
    let counts = execd
        .replace_content([
            ("/workspace/app.env", "PORT=8080", "PORT=9090"),
            ("/workspace/main.py", "DEBUG = True", ""),
        ])
        .await
        .unwrap();
    assert_eq!(counts["/workspace/app.env"], 1);
    assert_eq!(counts["/workspace/main.py"], 0);

    // Refused before sending.
    let bad_mode = Permission {
        owner: None,
        group: None,
        mode: 0o755,
    };
    assert!(matches!(
        execd.set_permissions([("/a", bad_mode)]).await,
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        execd.replace_content([("/a", "", "x")]).await,
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        execd.delete_files(Vec::<String>::new()).await,
        Err(Error::InvalidInput(_))
    ));
}

#[tokio::test]
async fn directories() {
    let (server, execd) = setup().await;
    on(
        "GET",
        "/directories/list",
        &[("depth", "2"), ("path", "/workspace/project")],
    )
    .respond_with(ResponseTemplate::new(200).set_body_json(json!([
        file_info("/workspace/project/README.md", "file", 1830, 644),
        file_info("/workspace/project/src", "directory", 4096, 755),
        file_info("/workspace/project/link", "socket", 0, 777)
    ])))
    .expect(1)
    .mount(&server)
    .await;
    on("GET", "/directories/list", &[("path", "/workspace")])
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .expect(1)
        .mount(&server)
        .await;
    on("POST", "/directories", &[])
        .and(body_json(json!({
            "/workspace/project/src": {"owner": "root", "group": "root", "mode": 755},
            "/workspace/output": {"mode": 700}
        })))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    on(
        "DELETE",
        "/directories",
        &[("path", "/workspace/tmp"), ("path", "/workspace/cache")],
    )
    .respond_with(ResponseTemplate::new(200))
    .expect(1)
    .mount(&server)
    .await;
    let entries = execd
        .list_directory("/workspace/project", Some(2))
        .await
        .unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[1].path, "/workspace/project/src");
    assert_eq!(
        entries[1].type_.as_ref().map(|t| t.to_string()).as_deref(),
        Some("directory")
    );
    // An entry type this SDK does not know is kept, not a decode failure.
    assert_eq!(
        entries[2].type_.as_ref().map(|t| t.to_string()).as_deref(),
        Some("socket")
    );
    assert!(
        execd
            .list_directory("/workspace", None)
            .await
            .unwrap()
            .is_empty()
    );
    execd
        .create_directories([
            (
                "/workspace/project/src",
                Permission {
                    owner: Some("root".into()),
                    group: Some("root".into()),
                    mode: 755,
                },
            ),
            (
                "/workspace/output",
                Permission {
                    owner: None,
                    group: None,
                    mode: 700,
                },
            ),
        ])
        .await
        .unwrap();
    execd
        .delete_directories(["/workspace/tmp", "/workspace/cache"])
        .await
        .unwrap();
}

#[tokio::test]
async fn metrics_and_the_metrics_watch() {
    let (server, execd) = setup().await;
    on("GET", "/metrics", &[])
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "cpu_count": 2, "cpu_used_pct": 12.5, "mem_total_mib": 4096,
            "mem_used_mib": 731.4, "timestamp": 1764230400000i64
        })))
        .expect(1)
        .mount(&server)
        .await;
    let ndjson = concat!(
        "{\"cpu_count\":2,\"cpu_used_pct\":12.5,\"mem_total_mib\":4096,\"mem_used_mib\":731.4,\"timestamp\":1764230400000}\n",
        "{\"cpu_count\":2,\"cpu_used_pct\":48.1,\"mem_total_mib\":4096,\"mem_used_mib\":735.9,\"timestamp\":1764230401000}\n",
        "{\"error\":\"failed to read /proc/meminfo\"}\n",
        "{\"cpu_count\":2,\"cpu_used_pct\":9.7,\"mem_total_mib\":4096,\"mem_used_mib\":733.2,\"timestamp\":1764230403000}\n",
    );
    on("GET", "/metrics/watch", &[])
        .respond_with(sse(ndjson))
        .expect(2)
        .mount(&server)
        .await;
    let m = execd.metrics().await.unwrap();
    assert_eq!(
        (m.cpu_count, m.cpu_used_pct, m.timestamp),
        (2.0, 12.5, 1764230400000)
    );

    let items: Vec<_> = execd.watch_metrics().await.unwrap().collect().await;
    assert_eq!(items.len(), 4);
    assert_eq!(items[1].as_ref().unwrap().cpu_used_pct, 48.1);
    assert!(matches!(&items[2], Err(Error::Stream(m)) if m.contains("/proc/meminfo")));
    assert_eq!(items[3].as_ref().unwrap().timestamp, 1764230403000);

    let mut seen = Vec::new();
    let err = execd
        .watch_metrics_with_handler(|m| {
            seen.push(m.timestamp);
            if seen.len() == 2 {
                return Err("stop");
            }
            Ok(())
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Handler(_)));
    assert_eq!(seen, [1764230400000, 1764230401000]);
}

// ---- Streams over a real socket -------------------------------------------------------

/// A one-shot HTTP/1.1 server: reads one request, answers with a chunked
/// `text/event-stream` made of `chunks` (each sent after its delay), then keeps the
/// connection open for `hold` without finishing the body. Returns the base URL and a
/// receiver of the raw request.
async fn hold_open_server(
    chunks: Vec<(Duration, String)>,
    hold: Duration,
) -> (String, futures::channel::oneshot::Receiver<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = futures::channel::oneshot::channel();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let _ = tx.send(read_request(&mut sock).await);
        sock.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
        )
        .await
        .unwrap();
        for (delay, chunk) in chunks {
            tokio::time::sleep(delay).await;
            let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
            if sock.write_all(framed.as_bytes()).await.is_err() {
                return;
            }
        }
        tokio::time::sleep(hold).await;
    });
    (format!("http://{addr}"), rx)
}

/// Reads a request's head and its `Content-Length` body.
async fn read_request(sock: &mut tokio::net::TcpStream) -> Vec<u8> {
    let mut buf = Vec::new();
    let mut tmp = [0u8; 4096];
    loop {
        let n = sock.read(&mut tmp).await.unwrap();
        assert!(n > 0, "connection closed mid-request");
        buf.extend_from_slice(&tmp[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map(|v| v.trim().parse().unwrap())
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let n = sock.read(&mut tmp).await.unwrap();
                assert!(n > 0);
                buf.extend_from_slice(&tmp[..n]);
            }
            return buf;
        }
    }
}

#[tokio::test]
async fn a_stream_ends_at_the_terminal_event_while_the_connection_stays_open() {
    let (base, server) = hold_open_server(
        vec![
            (
                Duration::ZERO,
                "{\"type\":\"init\",\"text\":\"cmd-1\"}\n\n".into(),
            ),
            // One event split over two chunks.
            (
                Duration::from_millis(20),
                "{\"type\":\"stdout\",\"te".into(),
            ),
            (Duration::from_millis(20), "xt\":\"done\\n\"}\n\n".into()),
            (
                Duration::from_millis(20),
                "{\"type\":\"execution_complete\",\"execution_time\":40}\n\n".into(),
            ),
        ],
        Duration::from_secs(30),
    )
    .await;
    let execd = client_at(&base);
    let t0 = Instant::now();
    let run = tokio::time::timeout(
        Duration::from_secs(10),
        execd.run_command(CommandRequest::new("echo done").cwd("/tmp")),
    )
    .await
    .expect("the stream must end at the terminal event, not at EOF")
    .unwrap();
    assert!(t0.elapsed() < Duration::from_secs(5));
    assert_eq!(run.stdout, "done\n");
    assert_eq!(run.exit_code, Some(0));

    let request = String::from_utf8(server.await.unwrap()).unwrap();
    let lower = request.to_ascii_lowercase();
    assert!(
        request.starts_with("POST /command HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(lower.contains(&format!("x-execd-access-token: {TOKEN}\r\n")));
    assert!(lower.contains(&format!("{ROUTE_HEADER}: {ROUTE_VALUE}\r\n")));
    assert!(!lower.contains("open-sandbox-api-key"));
    let body = &request[request.find("\r\n\r\n").unwrap() + 4..];
    let body: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(
        body,
        json!({"command": "echo done", "cwd": "/tmp", "background": false})
    );
}

#[tokio::test]
async fn a_stream_may_outlast_the_unary_timeout() {
    let mut chunks = vec![(
        Duration::ZERO,
        "{\"type\":\"init\",\"text\":\"cmd-long\"}\n\n".to_string(),
    )];
    for _ in 0..5 {
        chunks.push((
            Duration::from_millis(400),
            "{\"type\":\"ping\",\"text\":\"pong\"}\n\n".to_string(),
        ));
    }
    chunks.push((
        Duration::from_millis(100),
        "{\"type\":\"stdout\",\"text\":\"slow\\n\"}\n\n".into(),
    ));
    chunks.push((
        Duration::ZERO,
        "{\"type\":\"execution_complete\",\"execution_time\":2100}\n\n".into(),
    ));
    let (base, _server) = hold_open_server(chunks, Duration::from_secs(30)).await;
    let options = ClientOptions::new()
        .request_timeout(Duration::from_secs(1))
        .stream_idle_timeout(Duration::from_secs(5));
    let execd = ExecdClient::with_options(&base, TOKEN, options).unwrap();
    let t0 = Instant::now();
    let run = execd.run_command("sleep 2; echo slow").await.unwrap();
    assert!(t0.elapsed() >= Duration::from_secs(2), "{:?}", t0.elapsed());
    assert_eq!(run.stdout, "slow\n");
    assert!(run.is_success());
}

#[tokio::test]
async fn a_silent_stream_trips_the_idle_watchdog() {
    let (base, _server) = hold_open_server(
        vec![(
            Duration::ZERO,
            "{\"type\":\"init\",\"text\":\"cmd-1\"}\n\n".into(),
        )],
        Duration::from_secs(30),
    )
    .await;
    let options = ClientOptions::new().stream_idle_timeout(Duration::from_millis(300));
    let execd = ExecdClient::with_options(&base, TOKEN, options).unwrap();
    let err = tokio::time::timeout(Duration::from_secs(10), execd.run_command("sleep 100"))
        .await
        .unwrap()
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
}

#[tokio::test]
async fn a_token_named_by_the_endpoint_wins_over_the_configured_one() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/ping"))
        .and(header("x-execd-access-token", "from-endpoint"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/ping"))
        .and(header("x-execd-access-token", "configured"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let mut endpoint_headers = HeaderMap::new();
    endpoint_headers.insert(
        "X-EXECD-ACCESS-TOKEN",
        HeaderValue::from_static("from-endpoint"),
    );
    let named = ExecdClient::with_headers(
        &server.uri(),
        "configured",
        endpoint_headers,
        ClientOptions::new(),
    )
    .unwrap();
    named.ping().await.unwrap();
    let unnamed = ExecdClient::with_headers(
        &server.uri(),
        "configured",
        HeaderMap::new(),
        ClientOptions::new(),
    )
    .unwrap();
    unnamed.ping().await.unwrap();
    server.verify().await;
    let seen = server.received_requests().await.unwrap();
    for r in &seen {
        assert_eq!(
            r.headers.get_all("x-execd-access-token").iter().count(),
            1,
            "exactly one token per request"
        );
    }
}

#[tokio::test]
async fn read_lines_sends_offset_and_limit_and_accepts_text() {
    use opensandbox::api::execd::LineRange;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(query(&[
            ("path", "/w/a.txt"),
            ("offset", "3"),
            ("limit", "2"),
        ]))
        .and(header("accept", "text/plain"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/plain; charset=utf-8")
                .set_body_string("c\nd\n"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let ex = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    let got = ex
        .read_lines("/w/a.txt", LineRange::from_line(3).take(2))
        .await
        .unwrap();
    assert_eq!(got, "c\nd\n");
}

#[tokio::test]
async fn read_lines_selects_lines_itself_when_the_server_sends_the_whole_file() {
    use opensandbox::api::execd::LineRange;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/octet-stream")
                .set_body_bytes(b"a\nb\nc\nd\ne".to_vec()),
        )
        .mount(&server)
        .await;
    let ex = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    let r = |s: u64, n: Option<u64>| match n {
        Some(n) => LineRange::from_line(s).take(n),
        None => LineRange::from_line(s),
    };
    assert_eq!(ex.read_lines("/f", r(2, Some(2))).await.unwrap(), "b\nc\n");
    assert_eq!(ex.read_lines("/f", r(4, None)).await.unwrap(), "d\ne");
    assert_eq!(ex.read_lines("/f", r(9, Some(1))).await.unwrap(), "");
}

#[tokio::test]
async fn read_lines_refuses_bad_ranges_and_non_utf8_text() {
    use opensandbox::api::execd::LineRange;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/plain")
                .set_body_bytes(vec![0xff, 0xfe, b'\n']),
        )
        .mount(&server)
        .await;
    let ex = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    for bad in [LineRange::from_line(0), LineRange::first(0)] {
        assert!(matches!(
            ex.read_lines("/f", bad).await,
            Err(Error::InvalidInput(_))
        ));
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 0);
    assert!(matches!(
        ex.read_lines("/f", LineRange::first(1)).await,
        Err(Error::Decode { .. })
    ));
}

/// `read_file` holds a file in memory only up to `max_response_body`: a larger one is
/// an `Error::Decode` naming the limit (with or without a `Content-Length`), and a file
/// within the limit comes back whole.
#[tokio::test]
async fn read_file_is_bounded_by_the_response_limit() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(wiremock::matchers::query_param("path", "/big"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b'x'; 64]))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(wiremock::matchers::query_param("path", "/small"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b'y'; 16]))
        .mount(&server)
        .await;
    let execd = ExecdClient::with_options(
        &server.uri(),
        TOKEN,
        ClientOptions::new()
            .max_response_body(32)
            .use_env_proxy(false),
    )
    .unwrap();
    match execd.read_file("/big").await {
        Err(Error::Decode { message, .. }) => assert!(message.contains("32 bytes"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        execd.files().read_to_string("/big").await,
        Err(Error::Decode { .. })
    ));
    assert_eq!(execd.read_file("/small").await.unwrap().len(), 16);
    // A download is not limited: it streams.
    let mut d = execd.download("/big").await.unwrap();
    let mut n = 0;
    while let Some(chunk) = d.next().await {
        n += chunk.unwrap().len();
    }
    assert_eq!(n, 64);
}
