//! Fault cases: execd.

use std::time::{Duration, Instant};

use opensandbox::sandbox::ConnectOptions;
use opensandbox::{ConnectionConfig, Error, Sandbox, SandboxCreateOptions};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::hostile::{Hostile, Script, within};

fn config(server: &MockServer) -> ConnectionConfig {
    ConnectionConfig::new()
        .domain(server.uri().trim_start_matches("http://"))
        .with_protocol("http")
        .api_key("k")
        .use_env_proxy(false)
}

fn sandbox_json(state: &str) -> serde_json::Value {
    json!({"id": "sbx-1", "status": {"state": state}, "entrypoint": ["/bin/sh"],
           "createdAt": "2025-01-01T00:00:00Z"})
}

/// A lifecycle whose sandbox is `state` and whose execd endpoint is `execd` (no scheme).
async fn lifecycle(state: &str, execd: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json(state)))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"endpoint": execd})))
        .mount(&server)
        .await;
    server
}

fn assert_ping_not_ready(err: &Error, url_part: &str) {
    match err {
        Error::NotReady {
            waiting_for,
            last_error,
            ..
        } => {
            assert!(waiting_for.contains(url_part), "{waiting_for}");
            assert!(
                waiting_for.contains("with_server_proxy(true)"),
                "{waiting_for}"
            );
            assert!(last_error.is_some(), "a cause is kept: {err:?}");
        }
        other => panic!("expected NotReady, got {other:?}"),
    }
}

#[tokio::test]
async fn connect_to_an_execd_that_never_answers_names_the_url_and_a_cause() {
    let execd = Hostile::always(Script::stall()).await;
    let host = execd.url.trim_start_matches("http://").to_string();
    let server = lifecycle("Running", &host).await;
    let started = Instant::now();
    let err = within(
        Duration::from_secs(20),
        Sandbox::connect_with(
            &config(&server),
            "sbx-1",
            ConnectOptions::new().ready_timeout(Duration::from_secs(2)),
        ),
    )
    .await
    .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_ping_not_ready(&err, &host);
    assert!(err.to_string().contains("timed out"), "{err}");
}

#[tokio::test]
async fn connect_to_an_unreachable_execd_names_the_url_and_the_refusal() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let host = format!("127.0.0.1:{port}");
    let server = lifecycle("Running", &host).await;
    let err = within(
        Duration::from_secs(20),
        Sandbox::connect_with(
            &config(&server),
            "sbx-1",
            ConnectOptions::new().ready_timeout(Duration::from_secs(1)),
        ),
    )
    .await
    .unwrap_err();
    assert_ping_not_ready(&err, &host);
}

/// `ready_timeout(Duration::MAX)` is "no limit": no panic in polling, and a failed
/// sandbox still ends the wait at once.
#[tokio::test]
async fn a_maximal_ready_timeout_does_not_panic() {
    let server = lifecycle("Failed", "127.0.0.1:1").await;
    let err = within(
        Duration::from_secs(10),
        Sandbox::connect_with(
            &config(&server),
            "sbx-1",
            ConnectOptions::new().ready_timeout(Duration::MAX),
        ),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::NotReady { terminal: true, .. }),
        "{err:?}"
    );
    let err = within(
        Duration::from_secs(10),
        Sandbox::create(
            &config(&server),
            SandboxCreateOptions::new("python:3.12").ready_timeout(Duration::MAX),
        ),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::NotReady { terminal: true, .. }),
        "{err:?}"
    );
    // The failed sandbox was deleted, not left behind.
    let deletes = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "DELETE")
        .count();
    assert_eq!(deletes, 1);
}
