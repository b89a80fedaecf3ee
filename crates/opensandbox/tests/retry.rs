//! Retry policy through real SDK calls: the attempts each server sees.
//!
//! Servers are `wiremock` mocks on loopback; a refused port is a port that was bound
//! and released. Attempts against a refused port are counted from the SDK's own
//! `tracing` events ("attempt failed"), which is also how the span fields are checked.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use opensandbox::lifecycle::types::CreateSandboxRequest;
use opensandbox::{ClientOptions, Error, LifecycleClient, RetryPolicy, TransportConfig};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SANDBOX_JSON: &str = r#"{"id":"sbx-1","createdAt":"2025-01-01T00:00:00Z","entrypoint":["/bin/sh"],"status":{"state":"Running"}}"#;

fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy::new()
        .max_attempts(max_attempts)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(20))
}

fn options() -> ClientOptions {
    ClientOptions::new().transport(TransportConfig::new().use_env_proxy(false))
}

fn client(base: &str, options: ClientOptions) -> LifecycleClient {
    LifecycleClient::with_options(&format!("{base}/v1"), "test-key", options).unwrap()
}

fn create_request() -> CreateSandboxRequest {
    serde_json::from_value(serde_json::json!({
        "image": {"uri": "python:3.12"},
        "entrypoint": ["/bin/sh"]
    }))
    .unwrap()
}

fn ok_sandbox() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(SANDBOX_JSON, "application/json")
}

async fn attempts(server: &MockServer) -> usize {
    server.received_requests().await.unwrap_or_default().len()
}

/// A mock that answers `status` the first `times` requests.
async fn fail_first(server: &MockServer, http_method: &str, p: &str, status: u16, times: u64) {
    Mock::given(method(http_method))
        .and(path(p))
        .respond_with(ResponseTemplate::new(status))
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn get_503_then_200_is_retried() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 503, 1).await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ok_sandbox())
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(4)));
    assert_eq!(lc.get_sandbox("sbx-1").await.unwrap().id, "sbx-1");
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn get_stops_at_max_attempts() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 504, 100).await;
    let lc = client(&server.uri(), options().retry(fast_retries(3)));
    let err = lc.get_sandbox("sbx-1").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(504));
    assert_eq!(attempts(&server).await, 3);
}

#[tokio::test]
async fn delete_on_502_is_retried() {
    let server = MockServer::start().await;
    fail_first(&server, "DELETE", "/v1/sandboxes/sbx-1", 502, 2).await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(4)));
    lc.delete_sandbox("sbx-1").await.unwrap();
    assert_eq!(attempts(&server).await, 3);
}

#[tokio::test]
async fn post_create_on_502_is_not_retried() {
    let server = MockServer::start().await;
    fail_first(&server, "POST", "/v1/sandboxes", 502, 100).await;
    let lc = client(&server.uri(), options().retry(fast_retries(4)));
    let err = lc.create_sandbox(create_request()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn post_create_on_503_and_429_is_not_retried() {
    for status in [503, 429] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/v1/sandboxes"))
            .respond_with(ResponseTemplate::new(status).insert_header("retry-after", "0"))
            .mount(&server)
            .await;
        let lc = client(&server.uri(), options().retry(fast_retries(4)));
        assert!(lc.create_sandbox(create_request()).await.is_err());
        assert_eq!(attempts(&server).await, 1, "status {status}");
    }
}

#[tokio::test]
async fn post_marked_idempotent_is_retried() {
    // pause is a POST the SDK marks idempotent (pausing twice is harmless).
    let server = MockServer::start().await;
    fail_first(&server, "POST", "/v1/sandboxes/sbx-1/pause", 503, 1).await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/pause"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(4)));
    lc.pause_sandbox("sbx-1").await.unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn not_found_and_other_4xx_are_not_retried() {
    for status in [400, 401, 404, 409, 422] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/v1/sandboxes/sbx-1"))
            .respond_with(ResponseTemplate::new(status).set_body_raw(
                r#"{"code":"SANDBOX::NOT_FOUND","message":"no such sandbox"}"#,
                "application/json",
            ))
            .mount(&server)
            .await;
        let lc = client(&server.uri(), options().retry(fast_retries(4)));
        let err = lc.get_sandbox("sbx-1").await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(attempts(&server).await, 1, "status {status}");
    }
}

#[tokio::test]
async fn server_error_500_is_not_retried() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 500, 100).await;
    let lc = client(&server.uri(), options().retry(fast_retries(4)));
    assert!(lc.get_sandbox("sbx-1").await.is_err());
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn retry_after_seconds_is_honoured() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ok_sandbox())
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(3)));
    let started = Instant::now();
    assert_eq!(lc.get_sandbox("sbx-1").await.unwrap().id, "sbx-1");
    assert_eq!(attempts(&server).await, 2);
    // The wait was the server's second, not the 5 ms backoff (a lower bound only).
    assert!(started.elapsed() >= Duration::from_millis(900));
}

#[tokio::test]
async fn retry_after_http_date_is_honoured() {
    let server = MockServer::start().await;
    // A date in the past: retry at once.
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ok_sandbox())
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(3)));
    lc.get_sandbox("sbx-1").await.unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn retry_after_beyond_the_cap_ends_the_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "120"))
        .mount(&server)
        .await;
    let lc = client(
        &server.uri(),
        options().retry(fast_retries(3).max_retry_after(Duration::from_secs(2))),
    );
    let err = lc.get_sandbox("sbx-1").await.unwrap_err();
    assert_eq!(
        err.api().and_then(|a| a.retry_after),
        Some(Duration::from_secs(120))
    );
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn retries_are_off_by_default() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 503, 100).await;
    let lc = client(&server.uri(), options());
    assert!(lc.get_sandbox("sbx-1").await.is_err());
    assert_eq!(attempts(&server).await, 1);
}

/// A port nothing listens on (bound, then released).
async fn refused_base() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

#[tokio::test]
async fn post_to_a_refused_port_is_retried_up_to_max_attempts() {
    let rec = Recorder::default();
    let _guard = tracing::subscriber::set_default(rec.clone());
    let lc = client(&refused_base().await, options().retry(fast_retries(3)));
    let err = lc.create_sandbox(create_request()).await.unwrap_err();
    assert!(
        matches!(err, Error::Transport { sent: false, .. }),
        "{err:?}"
    );
    assert_eq!(rec.count("attempt failed"), 3);
    // The request span says how it ended.
    let span = rec.span("opensandbox.request");
    assert_eq!(span.get("op").map(String::as_str), Some("createSandbox"));
    assert_eq!(span.get("method").map(String::as_str), Some("POST"));
    assert_eq!(span.get("attempts").map(String::as_str), Some("3"));
    assert!(span.contains_key("duration_ms"));
}

#[tokio::test]
async fn refused_port_without_retries_is_one_attempt() {
    let rec = Recorder::default();
    let _guard = tracing::subscriber::set_default(rec.clone());
    let lc = client(&refused_base().await, options());
    let err = lc.get_sandbox("sbx-1").await.unwrap_err();
    assert!(
        matches!(err, Error::Transport { sent: false, .. }),
        "{err:?}"
    );
    assert_eq!(rec.count("attempt failed"), 1);
}

#[tokio::test]
async fn span_records_status_request_id_and_attempts() {
    let rec = Recorder::default();
    let _guard = tracing::subscriber::set_default(rec.clone());
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 503, 1).await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ok_sandbox().insert_header("x-request-id", "req-42"))
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(3)));
    lc.get_sandbox("sbx-1").await.unwrap();
    let span = rec.span("opensandbox.request");
    assert_eq!(span.get("op").map(String::as_str), Some("getSandbox"));
    assert_eq!(span.get("status").map(String::as_str), Some("200"));
    assert_eq!(span.get("request_id").map(String::as_str), Some("req-42"));
    assert_eq!(span.get("attempts").map(String::as_str), Some("2"));
    assert!(
        !rec.all_text().contains("test-key"),
        "the API key was logged"
    );
}

// ---------------------------------------------------------------------------------------
// A minimal tracing subscriber that keeps span fields and event messages.

#[derive(Clone, Default)]
struct Recorder {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    next_id: AtomicU64,
    spans: Mutex<Vec<(&'static str, HashMap<String, String>)>>,
    events: Mutex<Vec<HashMap<String, String>>>,
}

struct Fields<'a>(&'a mut HashMap<String, String>);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0
            .insert(field.name().to_string(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.insert(field.name().to_string(), value.to_string());
    }
}

impl Recorder {
    fn count(&self, message: &str) -> usize {
        self.inner
            .events
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.get("message").map(String::as_str) == Some(message))
            .count()
    }

    fn span(&self, name: &str) -> HashMap<String, String> {
        self.inner
            .spans
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| f.clone())
            .unwrap_or_default()
    }

    fn all_text(&self) -> String {
        let spans = self.inner.spans.lock().unwrap();
        let events = self.inner.events.lock().unwrap();
        format!("{:?} {:?}", *spans, *events)
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, attrs: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let n = self.inner.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        let mut fields = HashMap::new();
        attrs.record(&mut Fields(&mut fields));
        let mut spans = self.inner.spans.lock().unwrap();
        spans.push((attrs.metadata().name(), fields));
        // Span ids index into `spans` (1-based).
        debug_assert_eq!(spans.len() as u64, n);
        tracing::span::Id::from_u64(n)
    }

    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut spans = self.inner.spans.lock().unwrap();
        if let Some((_, fields)) = spans.get_mut(span.into_u64() as usize - 1) {
            values.record(&mut Fields(fields));
        }
    }

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = HashMap::new();
        event.record(&mut Fields(&mut fields));
        self.inner.events.lock().unwrap().push(fields);
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}
