//! Retry policy through real SDK calls: the attempts each server sees.
//!
//! Servers are `wiremock` mocks on loopback; a refused port is a port that was bound
//! and released. Attempts against a refused port are counted from the SDK's own
//! `tracing` events ("attempt failed"), which is also how the span fields are checked.

use std::time::{Duration, Instant};

use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::api::lifecycle::types::CreateSandboxRequest;
use opensandbox::{ClientOptions, Error, RetryPolicy, TransportConfig};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[path = "transport_support/recorder.rs"]
mod recorder;
use recorder::Recorder;

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
async fn post_create_on_503_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(4)));
    assert!(lc.create_sandbox(create_request()).await.is_err());
    assert_eq!(attempts(&server).await, 1);
}

/// 429 says the server did not act on the request: even a create is repeated, once
/// per allowed attempt, and succeeds when the server lets it through.
#[tokio::test]
async fn post_create_on_429_is_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_raw(SANDBOX_JSON, "application/json"))
        .mount(&server)
        .await;
    let lc = client(&server.uri(), options().retry(fast_retries(3)));
    let created = lc.create_sandbox(create_request()).await.unwrap();
    assert_eq!(created.id, "sbx-1");
    assert_eq!(attempts(&server).await, 3);
}

#[tokio::test]
async fn the_retried_statuses_are_configurable() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 503, 100).await;
    let lc = client(
        &server.uri(),
        options().retry(fast_retries(4).statuses([502])),
    );
    assert!(lc.get_sandbox("sbx-1").await.is_err());
    assert_eq!(attempts(&server).await, 1, "503 is not in the set");
}

#[tokio::test]
async fn an_invalid_jitter_fraction_is_a_config_error() {
    let err = LifecycleClient::with_options(
        "http://127.0.0.1:1/v1",
        "k",
        options().retry(RetryPolicy::new().jitter_fraction(2.0)),
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::Config(ref m) if m.contains("jitter")),
        "{err:?}"
    );
}

/// A `Retry-After` of u64::MAX seconds with no cap on it, and a maximal backoff: no
/// panic, no retry that would never start.
#[tokio::test]
async fn a_maximal_retry_after_does_not_panic() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(
            ResponseTemplate::new(503).insert_header("retry-after", "18446744073709551615"),
        )
        .mount(&server)
        .await;
    let lc = client(
        &server.uri(),
        options().retry(
            fast_retries(3)
                .max_retry_after(Duration::MAX)
                .max_backoff(Duration::MAX),
        ),
    );
    let err = tokio::time::timeout(Duration::from_secs(10), lc.get_sandbox("sbx-1"))
        .await
        .expect("no endless wait")
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(attempts(&server).await, 1);
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
async fn retries_are_on_by_default_with_three_attempts() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 503, 100).await;
    let lc = client(
        &server.uri(),
        options().retry(RetryPolicy::new().initial_backoff(Duration::from_millis(5))),
    );
    assert!(lc.get_sandbox("sbx-1").await.is_err());
    assert_eq!(attempts(&server).await, 3);
    assert_eq!(
        RetryPolicy::default(),
        ClientOptions::new().retry_policy().clone()
    );
}

#[tokio::test]
async fn retry_policy_none_makes_one_attempt() {
    let server = MockServer::start().await;
    fail_first(&server, "GET", "/v1/sandboxes/sbx-1", 503, 100).await;
    let lc = client(&server.uri(), options().retry(RetryPolicy::none()));
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

#[test]
fn post_to_a_refused_port_is_retried_up_to_max_attempts() {
    traced(|rec| async move {
        let lc = client(&refused_base().await, options().retry(fast_retries(3)));
        let err = lc.create_sandbox(create_request()).await.unwrap_err();
        assert!(
            matches!(err, Error::Transport { sent: false, .. }),
            "{err:?}"
        );
        assert_eq!(rec.count("attempt failed"), 3, "{}", rec.text());
        // The request span says how it ended.
        let span = rec.span("opensandbox.request");
        assert_eq!(span.get("op").map(String::as_str), Some("createSandbox"));
        assert_eq!(span.get("method").map(String::as_str), Some("POST"));
        assert_eq!(span.get("attempts").map(String::as_str), Some("3"));
        assert!(span.contains_key("duration_ms"));
    });
}

#[test]
fn refused_port_without_retries_is_one_attempt() {
    traced(|rec| async move {
        let lc = client(&refused_base().await, options().retry(RetryPolicy::none()));
        let err = lc.get_sandbox("sbx-1").await.unwrap_err();
        assert!(
            matches!(err, Error::Transport { sent: false, .. }),
            "{err:?}"
        );
        assert_eq!(rec.count("attempt failed"), 1);
    });
}

#[test]
fn span_records_status_request_id_and_attempts() {
    traced(|rec| async move {
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
        assert!(!rec.text().contains("test-key"), "the API key was logged");
    });
}

/// Runs `test` on a current-thread runtime with a fresh recorder for this thread.
fn traced<F, Fut>(test: F)
where
    F: FnOnce(Recorder) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let (rec, _installed) = Recorder::install();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(test(rec));
}
