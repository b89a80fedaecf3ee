//! Liberal in what is accepted: answers real servers give that differ from the documents
//! (other 2xx statuses, empty bodies, odd headers) still give the caller the result, and
//! each test checks what went on the wire too.

use opensandbox::ClientOptions;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::api::lifecycle::types::CreateSandboxRequest;
use opensandbox::transport::tls::TransportConfig;
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

/// A list server that answers every page with one sandbox and `hasNextPage: true`;
/// `echo_page` false answers page 1 whatever was asked; `total_pages` as given.
struct EndlessPages {
    echo_page: bool,
    total_pages: u64,
}

impl wiremock::Respond for EndlessPages {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let asked: u64 = request
            .url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        let page = if self.echo_page { asked } else { 1 };
        let body = format!(
            r#"{{"items":[{{"id":"sbx-{asked}","createdAt":"2025-01-01T00:00:00Z","entrypoint":["/bin/sh"],"status":{{"state":"Running"}},"image":{{"uri":"x"}}}}],
               "pagination":{{"page":{page},"pageSize":1,"totalItems":0,"totalPages":{},"hasNextPage":true}}}}"#,
            self.total_pages
        );
        ResponseTemplate::new(200).set_body_raw(body, "application/json")
    }
}

async fn walk(server: &MockServer) -> (usize, Option<opensandbox::Error>) {
    use futures::StreamExt;
    let config = opensandbox::ConnectionConfig::new()
        .domain(server.uri().trim_start_matches("http://"))
        .protocol("http")
        .api_key("k")
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    let manager = opensandbox::SandboxManager::new(&config).unwrap();
    let mut items = 0;
    let mut stream = std::pin::pin!(manager.list_all(Default::default()));
    let walked = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        while let Some(item) = stream.next().await {
            match item {
                Ok(_) => items += 1,
                Err(e) => return Some(e),
            }
        }
        None
    })
    .await
    .expect("the walk ends");
    (items, walked)
}

#[tokio::test]
async fn list_all_stops_at_total_pages_even_if_has_next_page_stays_true() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes"))
        .respond_with(EndlessPages {
            echo_page: true,
            total_pages: 3,
        })
        .mount(&server)
        .await;
    let (items, err) = walk(&server).await;
    assert!(err.is_none(), "{err:?}");
    assert_eq!(items, 3);
    assert_eq!(hits(&server).await, 3);
}

#[tokio::test]
async fn list_all_stops_without_repeats_when_the_server_ignores_the_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes"))
        .respond_with(EndlessPages {
            echo_page: false,
            total_pages: 0,
        })
        .mount(&server)
        .await;
    let (items, err) = walk(&server).await;
    assert!(err.is_none(), "{err:?}");
    assert_eq!(items, 1, "page 1 is delivered once, never repeated");
    assert_eq!(hits(&server).await, 2);
}

#[tokio::test]
async fn list_all_has_a_page_cap() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes"))
        .respond_with(EndlessPages {
            echo_page: true,
            total_pages: 0,
        })
        .mount(&server)
        .await;
    let (items, err) = walk(&server).await;
    let cap = opensandbox::sandbox::MAX_LIST_PAGES as usize;
    assert_eq!(items, cap);
    assert!(
        matches!(err, Some(opensandbox::Error::Stream(ref m)) if m.contains("pages")),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_page_size_over_200_is_refused_before_sending() {
    let server = MockServer::start().await;
    let c = lifecycle(&server);
    let err = c
        .list_sandboxes(&opensandbox::api::lifecycle::ListOptions::new().page_size(201))
        .await
        .unwrap_err();
    assert!(
        matches!(err, opensandbox::Error::InvalidInput(ref m) if m.contains("200")),
        "{err:?}"
    );
    assert_eq!(hits(&server).await, 0);
}

#[tokio::test]
async fn an_egress_rule_with_an_unknown_action_is_refused_before_sending() {
    use opensandbox::api::egress::types::NetworkRule;
    let server = MockServer::start().await;
    let egress =
        opensandbox::api::egress::EgressClient::with_options(&server.uri(), "t", options())
            .unwrap();
    for action in ["ALLOW", "permit", ""] {
        let rule: NetworkRule =
            serde_json::from_value(serde_json::json!({"action": action, "target": "pypi.org"}))
                .unwrap();
        let err = egress.patch_policy(vec![rule]).await.unwrap_err();
        assert!(
            matches!(err, opensandbox::Error::InvalidInput(ref m) if m.contains("unknown action")),
            "{action}: {err:?}"
        );
    }
    assert_eq!(hits(&server).await, 0);
}

#[tokio::test]
async fn read_lines_from_a_whole_file_server_respects_the_answer_limit() {
    use opensandbox::api::execd::LineRange;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/octet-stream")
                .set_body_bytes("line\n".repeat(1000).into_bytes()),
        )
        .mount(&server)
        .await;
    let ex =
        ExecdClient::with_options(&server.uri(), "t", options().max_response_body(1000)).unwrap();
    let err = ex
        .read_lines("/f", LineRange::from_line(1))
        .await
        .unwrap_err();
    assert!(matches!(err, opensandbox::Error::Decode { .. }), "{err:?}");
    // A small range still works under the same limit.
    assert_eq!(
        ex.read_lines("/f", LineRange::first(2)).await.unwrap(),
        "line\nline\n"
    );
}
