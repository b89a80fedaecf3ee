//! Liberal in what is accepted: answers real servers give that differ from the documents
//! (other 2xx statuses, empty bodies, odd headers) still give the caller the result, and
//! each test checks what went on the wire too.

use opensandbox::lifecycle::types::CreateSandboxRequest;
use opensandbox::transport::tls::TransportConfig;
use opensandbox::{ClientOptions, ExecdClient, LifecycleClient};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SANDBOX_JSON: &str = r#"{"id":"sbx-1","createdAt":"2025-01-01T00:00:00Z","entrypoint":["/bin/sh"],"status":{"state":"Pending"}}"#;

fn options() -> ClientOptions {
    ClientOptions::new().transport(TransportConfig::new().use_env_proxy(false))
}

fn lifecycle(server: &MockServer) -> LifecycleClient {
    LifecycleClient::with_options(&format!("{}/v1", server.uri()), "k", options()).unwrap()
}

fn execd(server: &MockServer) -> ExecdClient {
    ExecdClient::with_options(&server.uri(), "t", options()).unwrap()
}

fn create_request() -> CreateSandboxRequest {
    serde_json::from_value(serde_json::json!({
        "image": {"uri": "python:3.12"},
        "entrypoint": ["/bin/sh"]
    }))
    .unwrap()
}

async fn hits(server: &MockServer) -> usize {
    server.received_requests().await.unwrap_or_default().len()
}

#[tokio::test]
async fn create_answered_200_or_201_instead_of_202_is_success_and_sent_once() {
    for status in [200, 201, 202] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/v1/sandboxes"))
            .respond_with(
                ResponseTemplate::new(status).set_body_raw(SANDBOX_JSON, "application/json"),
            )
            .mount(&server)
            .await;
        let created = lifecycle(&server)
            .create_sandbox(create_request())
            .await
            .unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_eq!(created.id, "sbx-1");
        assert_eq!(hits(&server).await, 1, "{status}: sent once");
    }
}

#[tokio::test]
async fn delete_answered_200_with_a_body_and_pause_answered_204_are_success() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"{"deleted":true}"#, "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/pause"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/resume"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    let c = lifecycle(&server);
    c.delete_sandbox("sbx-1").await.unwrap();
    c.pause_sandbox("sbx-1").await.unwrap();
    c.resume_sandbox("sbx-1").await.unwrap();
}

#[tokio::test]
async fn create_context_answered_201_is_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/code/context"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_raw(r#"{"id":"ctx-1","language":"python"}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let ctx = execd(&server).create_context("python").await.unwrap();
    assert_eq!(ctx.id.as_deref(), Some("ctx-1"));
}

#[tokio::test]
async fn replace_content_accepts_an_empty_200() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/files/replace"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let counts = execd(&server)
        .replace_content([("/w/a.txt", "old", "new")])
        .await
        .unwrap();
    assert!(counts.is_empty(), "{counts:?}");
    assert_eq!(hits(&server).await, 1);
}

#[tokio::test]
async fn command_logs_keep_the_bytes_when_the_cursor_header_is_not_a_byte_offset() {
    for bad in ["-1", "abc", "12.5", "99999999999999999999"] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/command/cmd-1/logs"))
            .and(wiremock::matchers::header("accept", "text/plain"))
            .and(wiremock::matchers::query_param("cursor", "7"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "text/plain")
                    .insert_header("EXECD-COMMANDS-TAIL-CURSOR", bad)
                    .set_body_string("output!"),
            )
            .expect(1)
            .mount(&server)
            .await;
        let logs = execd(&server)
            .command_logs("cmd-1", Some(7))
            .await
            .unwrap_or_else(|e| panic!("cursor {bad:?}: {e}"));
        assert_eq!(&logs.bytes[..], b"output!");
        assert_eq!(logs.next_cursor, None, "cursor {bad:?}");
    }
}

#[tokio::test]
async fn a_206_without_content_range_is_the_range_asked_for() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(wiremock::matchers::header("range", "bytes=10-13"))
        .respond_with(
            ResponseTemplate::new(206)
                .insert_header("content-type", "application/octet-stream")
                .set_body_bytes(b"klmn".to_vec()),
        )
        .mount(&server)
        .await;
    let d = execd(&server).download_range("/f", 10..14).await.unwrap();
    assert!(d.is_partial());
    let cr = d.content_range().expect("the range asked for");
    assert_eq!((cr.start, cr.end, cr.total), (10, 13, None));
    assert_eq!(&d.bytes().await.unwrap()[..], b"klmn");
}
