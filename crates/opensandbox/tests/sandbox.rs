//! `Sandbox` and `SandboxManager` against a programmable local server (wiremock) that
//! plays the lifecycle API at `/v1`, execd at `/proxy/44772` and the egress sidecar at
//! `/proxy/18080`, like a Docker bridge deployment.

use std::time::{Duration, Instant};

use futures::{StreamExt, TryStreamExt};
use opensandbox::api::lifecycle::ListOptions;
use opensandbox::sandbox::{ConnectOptions, SandboxCreateOptions, SandboxManager};
use opensandbox::{ConnectionConfig, Error, NetworkPolicy, Sandbox, SandboxState};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "lifecycle-key-123";
const EXECD_TOKEN: &str = "execd-tok";
const EGRESS_TOKEN: &str = "egress-tok";

fn config(server: &MockServer) -> ConnectionConfig {
    let domain = server.uri().trim_start_matches("http://").to_string();
    ConnectionConfig::new()
        .domain(domain)
        .protocol("http")
        .api_key(KEY)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false))
}

fn host(server: &MockServer) -> String {
    server.uri().trim_start_matches("http://").to_string()
}

fn sandbox_json(state: &str) -> Value {
    json!({
        "id": "sbx-1",
        "entrypoint": ["tail", "-f", "/dev/null"],
        "createdAt": "2025-01-01T00:00:00Z",
        "status": {"state": state, "reason": "because", "message": "details"},
        "image": {"uri": "python:3.11"}
    })
}

/// The lifecycle answers of a sandbox whose state is `Running`, and its endpoints
/// (with a path prefix and headers).
async fn mount_running(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .and(header("OPEN-SANDBOX-API-KEY", KEY))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Pending")))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Running")))
        .with_priority(10)
        .mount(server)
        .await;
    mount_endpoints(server, "proxy").await;
}

async fn mount_endpoints(server: &MockServer, prefix: &str) {
    let host = host(server);
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "endpoint": format!("{host}/{prefix}/44772"),
            "headers": {"X-EXECD-ACCESS-TOKEN": EXECD_TOKEN, "OpenSandbox-Ingress-To": "sbx-1-44772"}
        })))
        .with_priority(10)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/18080"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "endpoint": format!("{host}/{prefix}/18080"),
            "headers": {"OPENSANDBOX-EGRESS-AUTH": EGRESS_TOKEN}
        })))
        .with_priority(10)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/{prefix}/44772/ping")))
        .and(header("X-EXECD-ACCESS-TOKEN", EXECD_TOKEN))
        .respond_with(ResponseTemplate::new(200))
        .mount(server)
        .await;
}

fn events(lines: &[Value]) -> ResponseTemplate {
    let mut body = String::new();
    for l in lines {
        body.push_str(&l.to_string());
        body.push_str("\n\n");
    }
    ResponseTemplate::new(200).set_body_raw(body, "text/event-stream")
}

/// Every request that went to a sandbox endpoint carried the endpoint's headers and
/// never the lifecycle API key.
async fn assert_sandbox_requests_clean(server: &MockServer) {
    let requests: Vec<Request> = server.received_requests().await.unwrap_or_default();
    let mut seen = 0;
    for r in &requests {
        let p = r.url.path();
        if p.starts_with("/v1/") {
            assert_eq!(
                r.headers
                    .get("open-sandbox-api-key")
                    .and_then(|v| v.to_str().ok()),
                Some(KEY),
                "lifecycle request {p} without the key"
            );
            continue;
        }
        seen += 1;
        assert!(
            r.headers.get("open-sandbox-api-key").is_none(),
            "the lifecycle key reached the sandbox endpoint {p}"
        );
        let text = format!("{:?}", r.headers);
        assert!(!text.contains(KEY), "the lifecycle key reached {p}");
        if p.contains("/44772") {
            assert_eq!(
                r.headers.get("x-execd-access-token").unwrap(),
                EXECD_TOKEN,
                "{p}"
            );
            assert_eq!(
                r.headers.get("opensandbox-ingress-to").unwrap(),
                "sbx-1-44772",
                "{p}"
            );
        }
        if p.contains("/18080") {
            assert_eq!(
                r.headers.get("opensandbox-egress-auth").unwrap(),
                EGRESS_TOKEN,
                "{p}"
            );
        }
    }
    assert!(seen > 0, "no request reached a sandbox endpoint");
}

fn quick(image: &str) -> SandboxCreateOptions {
    SandboxCreateOptions::new(image)
        .ready_timeout(Duration::from_secs(5))
        .poll_interval(Duration::from_millis(10))
}

#[tokio::test]
async fn create_waits_for_running_then_runs_a_command_through_the_endpoint_prefix() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    // Two polls see `Pending` before `Running`.
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Pending")))
        .up_to_n_times(2)
        .with_priority(1)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/command"))
        .and(body_json(
            json!({"command": "echo hi", "background": false}),
        ))
        .respond_with(events(&[
            json!({"type": "init", "text": "cmd-1"}),
            json!({"type": "stdout", "text": "hi\n"}),
            json!({"type": "execution_complete", "execution_time": 3}),
        ]))
        .expect(1)
        .mount(&server)
        .await;

    let sandbox = Sandbox::create(
        &config(&server),
        quick("python:3.11")
            .cpu("500m")
            .memory("512Mi")
            .metadata("team", "ml"),
    )
    .await
    .unwrap();
    assert_eq!(sandbox.id(), "sbx-1");
    assert!(sandbox.execd().base_url().ends_with("/proxy/44772"));
    let run = sandbox.commands().run("echo hi").await.unwrap();
    assert_eq!(run.stdout, "hi\n");
    assert_eq!(run.exit_code, Some(0));

    // The create request had the wire shape of the spec.
    let requests = server.received_requests().await.unwrap();
    let create = requests
        .iter()
        .find(|r| r.method.as_str() == "POST" && r.url.path() == "/v1/sandboxes")
        .unwrap();
    let body: Value = serde_json::from_slice(&create.body).unwrap();
    assert_eq!(body["image"]["uri"], "python:3.11");
    assert_eq!(
        body["resourceLimits"],
        json!({"cpu": "500m", "memory": "512Mi"})
    );
    assert_eq!(body["timeout"], 600);
    assert_eq!(body["entrypoint"], json!(["tail", "-f", "/dev/null"]));
    assert_sandbox_requests_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn readiness_timeout_deletes_the_sandbox() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .and(header("OPEN-SANDBOX-API-KEY", KEY))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let started = Instant::now();
    let err = Sandbox::create(
        &config(&server),
        quick("python:3.11").ready_timeout(Duration::from_millis(500)),
    )
    .await
    .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    match &err {
        Error::NotReady {
            waiting_for,
            after,
            last_state,
            terminal,
            ..
        } => {
            assert!(waiting_for.contains("state Running"), "{waiting_for}");
            assert!(last_state.contains("Pending"), "{last_state}");
            assert!(!terminal);
            assert_eq!(*after, Duration::from_millis(500));
        }
        other => panic!("expected a readiness timeout, got {other:?}"),
    }
    server.verify().await;
}

#[tokio::test]
async fn a_failed_sandbox_fails_fast_and_is_deleted() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Failed")))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let started = Instant::now();
    let err = Sandbox::create(
        &config(&server),
        quick("img").ready_timeout(Duration::from_secs(30)),
    )
    .await
    .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "did not fail fast"
    );
    assert!(err.to_string().contains("failed"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn execd_that_never_answers_ping_times_out_and_the_sandbox_is_deleted() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Running")))
        .mount(&server)
        .await;
    let host = host(&server);
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"endpoint": format!("{host}/proxy/44772")})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/ping"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let err = Sandbox::create(
        &config(&server),
        quick("img").ready_timeout(Duration::from_millis(400)),
    )
    .await
    .unwrap_err();
    match &err {
        Error::NotReady { waiting_for, .. } => {
            assert!(waiting_for.contains("ping"), "{waiting_for}")
        }
        other => panic!("{other:?}"),
    }
    server.verify().await;
}

#[tokio::test]
async fn delete_on_failure_can_be_turned_off() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&server)
        .await;
    let err = Sandbox::create(
        &config(&server),
        quick("img")
            .ready_timeout(Duration::from_millis(200))
            .delete_on_failure(false),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::NotReady { .. }));
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_send_nothing() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let err = Sandbox::create(
        &config(&server),
        SandboxCreateOptions::new("img").credential_proxy(true),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    server.verify().await;
}

#[tokio::test]
async fn connect_checks_health_and_refuses_paused_sandboxes_without_deleting() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    let sandbox = Sandbox::connect(&config(&server), "sbx-1").await.unwrap();
    assert_eq!(sandbox.id(), "sbx-1");

    let paused = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Paused")))
        .mount(&paused)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&paused)
        .await;
    let started = Instant::now();
    let err = Sandbox::connect(&config(&paused), "sbx-1")
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(err, Error::NotReady { .. }), "{err:?}");
    // Without the health check, nothing but the endpoint is asked for.
    mount_endpoints(&paused, "proxy").await;
    let sandbox = Sandbox::connect_with(
        &config(&paused),
        "sbx-1",
        ConnectOptions::new().health_check(false),
    )
    .await
    .unwrap();
    assert!(sandbox.execd().base_url().ends_with("/proxy/44772"));
    paused.verify().await;
}

#[tokio::test]
async fn server_proxy_mode_asks_for_it_and_uses_the_returned_path() {
    let server = MockServer::start().await;
    let host = host(&server);
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Running")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .and(query_param("use_server_proxy", "true"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"endpoint": format!("{host}/sandboxes/sbx-1/proxy/44772")})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/sandboxes/sbx-1/proxy/44772/ping"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let sandbox = Sandbox::connect(&config(&server).server_proxy(true), "sbx-1")
        .await
        .unwrap();
    assert_eq!(
        sandbox.execd().base_url(),
        format!("http://{host}/sandboxes/sbx-1/proxy/44772")
    );
    server.verify().await;
}

#[tokio::test]
async fn resume_re_resolves_the_endpoints() {
    let server = MockServer::start().await;
    let host = host(&server);
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Running")))
        .mount(&server)
        .await;
    // The first resolution gives /old, later ones /new.
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"endpoint": format!("{host}/old/44772")})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"endpoint": format!("{host}/new/44772")})),
        )
        .with_priority(5)
        .mount(&server)
        .await;
    for prefix in ["old", "new"] {
        Mock::given(method("GET"))
            .and(path(format!("/{prefix}/44772/ping")))
            .respond_with(ResponseTemplate::new(200))
            .mount(&server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/resume"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/pause"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    // The egress sidecar moves too: /old first, /new after the resume.
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/18080"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"endpoint": format!("{host}/old/18080")})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/18080"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"endpoint": format!("{host}/new/18080")})),
        )
        .with_priority(5)
        .mount(&server)
        .await;
    let vault_state = json!({"revision": 3, "credentials": [], "bindings": []});
    for prefix in ["old", "new"] {
        Mock::given(method("GET"))
            .and(path(format!("/{prefix}/18080/credential-vault")))
            .respond_with(ResponseTemplate::new(200).set_body_json(vault_state.clone()))
            .expect(1)
            .mount(&server)
            .await;
    }
    let sandbox = Sandbox::connect(&config(&server), "sbx-1").await.unwrap();
    // Every handle is taken before the resume.
    let commands = sandbox.commands();
    let files = sandbox.files();
    let code = sandbox.code();
    let vault = sandbox.vault();
    let egress = sandbox.egress();
    let port = sandbox.port(8080);
    assert!(sandbox.execd().base_url().ends_with("/old/44772"));
    assert!(port.base_url().ends_with("/old/44772/proxy/8080"));
    assert_eq!(vault.get().await.unwrap().revision, 3);
    sandbox.pause().await.unwrap();
    sandbox.resume().await.unwrap();
    assert!(sandbox.execd().base_url().ends_with("/new/44772"));
    // Handles taken before the resume follow the new endpoint too.
    assert!(
        port.base_url().ends_with("/new/44772/proxy/8080"),
        "{port:?}"
    );
    Mock::given(method("GET"))
        .and(path("/new/44772/command/status/c1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "c1", "running": true})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/new/44772/files/download"))
        .and(query_param("path", "/a.txt"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes("from new"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/new/44772/code/contexts/ctx-1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "ctx-1", "language": "python"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/new/18080/policy"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"status": "ok", "mode": "allow_all"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let status = commands.status("c1").await.unwrap();
    assert_eq!(status.running, Some(true));
    assert_eq!(&files.read("/a.txt").await.unwrap()[..], b"from new");
    assert_eq!(
        code.get_context("ctx-1").await.unwrap(),
        opensandbox::CodeContext::new("ctx-1", "python")
    );
    assert_eq!(vault.get().await.unwrap().revision, 3);
    assert_eq!(
        egress.get().await.unwrap().mode.as_deref(),
        Some("allow_all")
    );
    let old_after_resume = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path().starts_with("/old/") && !r.url.path().ends_with("/ping"))
        .count();
    // Only the vault read before the pause went to the old endpoints.
    assert_eq!(old_after_resume, 1);
    server.verify().await;
}

#[tokio::test]
async fn lifecycle_operations_of_a_sandbox() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/renew-expiration"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"expiresAt": "2030-01-01T00:00:00Z"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/8080"))
        .and(query_param("expires", "1893456000"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "endpoint": "gw.example/sbx-1-8080-abc-sig",
            "headers": {"OpenSandbox-Secure-Access": "s3cure"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let sandbox = Sandbox::create(&config(&server), quick("img"))
        .await
        .unwrap();
    let info = sandbox.info().await.unwrap();
    assert_eq!(info.state, SandboxState::Running);
    let expires = sandbox.renew(Duration::from_secs(3600)).await.unwrap();
    assert_eq!(expires.to_rfc3339(), "2030-01-01T00:00:00+00:00");
    let renew = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.url.path().ends_with("/renew-expiration"))
        .unwrap();
    let body: Value = serde_json::from_slice(&renew.body).unwrap();
    let requested =
        chrono::DateTime::parse_from_rfc3339(body["expiresAt"].as_str().unwrap()).unwrap();
    let delta = requested.timestamp() - chrono::Utc::now().timestamp();
    assert!((3500..=3700).contains(&delta), "{delta}");

    let when = chrono::DateTime::from_timestamp(1_893_456_000, 0).unwrap();
    let ep = sandbox
        .endpoint_with(8080, opensandbox::EndpointOptions::new().signed_until(when))
        .await
        .unwrap();
    assert_eq!(ep.url, "http://gw.example/sbx-1-8080-abc-sig");
    assert_eq!(
        ep.headers.get("opensandbox-secure-access").unwrap(),
        "s3cure"
    );
    assert!(
        !format!("{ep:?}").contains("s3cure"),
        "endpoint Debug leaks header values"
    );
    sandbox.kill().await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn background_command_follow_and_wait_through_the_sandbox() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/command"))
        .and(body_json(json!({"command": "make", "background": true})))
        .respond_with(events(&[
            json!({"type": "init", "text": "cmd-9"}),
            json!({"type": "execution_complete"}),
        ]))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/command/cmd-9/logs"))
        .and(query_param("cursor", "0"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("EXECD-COMMANDS-TAIL-CURSOR", "6")
                .set_body_raw("hello\n", "text/plain"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/command/cmd-9/logs"))
        .and(query_param("cursor", "6"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("EXECD-COMMANDS-TAIL-CURSOR", "6")
                .set_body_raw("", "text/plain"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/command/status/cmd-9"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "cmd-9", "running": false, "exit_code": 2})),
        )
        .mount(&server)
        .await;
    let sandbox = Sandbox::create(&config(&server), quick("img"))
        .await
        .unwrap();
    let cmd = sandbox.commands().background("make").await.unwrap();
    assert_eq!(cmd.id(), "cmd-9");
    let out: Vec<bytes::Bytes> = cmd.follow().try_collect().await.unwrap();
    assert_eq!(out.concat(), b"hello\n");
    let status = cmd.wait().await.unwrap();
    assert_eq!(status.exit_code, Some(2));
    assert_sandbox_requests_clean(&server).await;
}

#[tokio::test]
async fn egress_policy_goes_to_the_sidecar_endpoint_with_its_headers() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("GET"))
        .and(path("/proxy/18080/policy"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "ok", "mode": "deny_all", "enforcementMode": "dns",
            "policy": {"defaultAction": "deny", "egress": [{"action": "allow", "target": "api.example.com"}]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/proxy/18080/policy"))
        .and(body_json(json!([{"action": "allow", "target": "pypi.org"}, {"action": "deny", "target": "*.ads.example"}])))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "ok", "mode": "deny_all"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/proxy/18080/policy"))
        .and(body_json(
            json!([{"action": "allow", "target": "crates.io"}]),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "ok"})))
        .expect(1)
        .mount(&server)
        .await;
    let sandbox = Sandbox::create(
        &config(&server),
        quick("img")
            .network_policy(NetworkPolicy::deny_by_default().allow("api.example.com"))
            .credential_proxy(true),
    )
    .await
    .unwrap();
    let policy = sandbox.egress().get().await.unwrap();
    assert_eq!(policy.mode.as_deref(), Some("deny_all"));
    let rules = NetworkPolicy::deny_by_default()
        .allow("pypi.org")
        .deny("*.ads.example")
        .rules;
    sandbox.egress().patch(rules).await.unwrap();
    sandbox.egress().allow(["crates.io"]).await.unwrap();
    // The egress endpoint is resolved once and reused.
    let resolutions = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/v1/sandboxes/sbx-1/endpoints/18080")
        .count();
    assert_eq!(resolutions, 1);
    assert_sandbox_requests_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn files_and_metrics_through_the_sandbox() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/files/upload"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/files/download"))
        .and(query_param("path", "/tmp/a.txt"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw("content", "application/octet-stream"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/metrics"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "cpu_count": 2.0, "cpu_used_pct": 12.5, "mem_total_mib": 1024.0, "mem_used_mib": 256.0, "timestamp": 1700000000000_i64
        })))
        .expect(1)
        .mount(&server)
        .await;
    let sandbox = Sandbox::create(&config(&server), quick("img"))
        .await
        .unwrap();
    sandbox
        .files()
        .write("/tmp/a.txt", "content")
        .await
        .unwrap();
    assert_eq!(
        sandbox.files().read_to_string("/tmp/a.txt").await.unwrap(),
        "content"
    );
    let m = sandbox.metrics().await.unwrap();
    assert_eq!(m.cpu_count, 2.0);
    let upload = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.url.path().ends_with("/files/upload"))
        .unwrap();
    let body = String::from_utf8_lossy(&upload.body).to_string();
    assert!(
        body.contains(r#"name="metadata"; filename="metadata""#),
        "{body}"
    );
    assert_sandbox_requests_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn manager_walks_every_page_and_manages_by_id() {
    let server = MockServer::start().await;
    let item = |id: &str| {
        let mut s = sandbox_json("Running");
        s["id"] = json!(id);
        s
    };
    for (page, ids, next) in [
        (1, vec!["a", "b"], true),
        (2, vec!["c", "d"], true),
        (3, vec!["e"], false),
    ] {
        Mock::given(method("GET"))
            .and(path("/v1/sandboxes"))
            .and(query_param("page", page.to_string()))
            .and(query_param("pageSize", "2"))
            .and(query_param("state", "Running"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "items": ids.iter().map(|i| item(i)).collect::<Vec<_>>(),
                "pagination": {"page": page, "pageSize": 2, "totalItems": 5, "totalPages": 3, "hasNextPage": next}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    for (m, p, status) in [
        ("POST", "/v1/sandboxes/x/pause", 202),
        ("POST", "/v1/sandboxes/x/resume", 202),
        ("DELETE", "/v1/sandboxes/x", 204),
    ] {
        Mock::given(method(m))
            .and(path(p))
            .respond_with(ResponseTemplate::new(status))
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/x/diagnostics/logs"))
        .and(query_param("scope", "container"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "sandboxId": "x", "kind": "logs", "scope": "container", "delivery": "inline",
            "contentType": "text/plain", "content": "booted", "truncated": false
        })))
        .expect(1)
        .mount(&server)
        .await;
    let manager = SandboxManager::new(&config(&server)).unwrap();
    let ids: Vec<String> = manager
        .list_all(ListOptions::new().state(SandboxState::Running).page_size(2))
        .map_ok(|s| s.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    manager.pause("x").await.unwrap();
    manager.resume("x").await.unwrap();
    manager.kill("x").await.unwrap();
    let logs = manager
        .diagnostic_logs("x", opensandbox::api::lifecycle::DiagnosticScope::Container)
        .await
        .unwrap();
    assert_eq!(logs.content.as_deref(), Some("booted"));
    server.verify().await;
}

#[tokio::test]
async fn list_all_stops_at_the_first_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes"))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_json(json!({"code": "GENERAL::UNKNOWN_ERROR", "message": "boom"})),
        )
        .mount(&server)
        .await;
    let manager = SandboxManager::new(&config(&server)).unwrap();
    let items: Vec<_> = manager.list_all(ListOptions::new()).collect().await;
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].as_ref().unwrap_err().status().map(|s| s.as_u16()),
        Some(500)
    );
}

#[tokio::test]
async fn host_rewrite_and_lifecycle_only_credentials() {
    let server = MockServer::start().await;
    let host = host(&server);
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Running")))
        .mount(&server)
        .await;
    // The server answers with an address only reachable from its own network.
    for port in [44772, 8080] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/sandboxes/sbx-1/endpoints/{port}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "endpoint": format!("172.17.0.2:44772/proxy/{port}"),
                "headers": {"X-EXECD-ACCESS-TOKEN": EXECD_TOKEN, "OpenSandbox-Ingress-To": "sbx-1-44772"}
            })))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/proxy/44772/ping"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let rewritten = host.clone();
    let config = config(&server)
        .options(
            opensandbox::ClientOptions::new()
                .use_env_proxy(false)
                .header("Authorization", "Bearer lifecycle-gateway-token")
                .header("X-Trace", "trace-1"),
        )
        .endpoint_host_rewrite(move |h| {
            if h == "172.17.0.2:44772" {
                rewritten.clone()
            } else {
                h.to_string()
            }
        });
    let sandbox = Sandbox::connect(&config, "sbx-1").await.unwrap();
    assert_eq!(
        sandbox.execd().base_url(),
        format!("http://{host}/proxy/44772")
    );
    let ep = sandbox.endpoint(8080).await.unwrap();
    assert_eq!(ep.url, format!("http://{host}/proxy/8080"));
    assert_eq!(ep.headers.len(), 2);
    for r in server.received_requests().await.unwrap() {
        if r.url.path().starts_with("/proxy/") {
            assert!(
                r.headers.get("authorization").is_none(),
                "a lifecycle credential header reached the sandbox"
            );
            assert_eq!(r.headers.get("x-trace").unwrap(), "trace-1");
        } else {
            assert_eq!(
                r.headers.get("authorization").unwrap(),
                "Bearer lifecycle-gateway-token"
            );
        }
    }
    assert_sandbox_requests_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn sessions_code_interrupts_and_metrics_watch() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/session"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"session_id": "s1"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/session/s1/run"))
        .respond_with(events(&[
            json!({"type": "init", "text": "r1"}),
            json!({"type": "stdout", "text": "/tmp\n"}),
            json!({"type": "execution_complete"}),
        ]))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/proxy/44772/session/s1"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/code/context"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "ctx-1", "language": "python"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/code"))
        .and(body_json(
            json!({"code": "x = 41; x + 1", "context": {"id": "ctx-1", "language": "python"}}),
        ))
        .respond_with(events(&[
            json!({"type": "init", "text": "e1"}),
            json!({"type": "status", "text": "busy"}),
            json!({"type": "result", "results": {"text": "42"}}),
            json!({"type": "execution_complete"}),
        ]))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/proxy/44772/command"))
        .and(query_param("id", "cmd-5"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/44772/metrics/watch"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            "{\"cpu_count\":2,\"cpu_used_pct\":1.5,\"mem_total_mib\":100,\"mem_used_mib\":10,\"timestamp\":1}\n\
             {\"cpu_count\":2,\"cpu_used_pct\":2.5,\"mem_total_mib\":100,\"mem_used_mib\":11,\"timestamp\":2}\n",
            "application/x-ndjson",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let sandbox = Sandbox::create(&config(&server), quick("img"))
        .await
        .unwrap();
    let session = sandbox
        .commands()
        .create_session(opensandbox::api::execd::SessionOptions::new())
        .await
        .unwrap();
    assert_eq!(session.id(), "s1");
    assert_eq!(
        session.run("cd /tmp && pwd").await.unwrap().stdout,
        "/tmp\n"
    );
    session.close().await.unwrap();

    let code = sandbox.code();
    let ctx = code.create_context("python").await.unwrap();
    let exec = code
        .run(opensandbox::api::execd::CodeRequest::new("x = 41; x + 1").context(&ctx))
        .await
        .unwrap();
    assert_eq!(exec.result_text(), Some("42"));
    assert_eq!(exec.stdout, "", "kernel status is not output");

    sandbox.commands().interrupt("cmd-5").await.unwrap();

    let samples: Vec<_> = sandbox
        .watch_metrics()
        .await
        .unwrap()
        .take(2)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(samples.len(), 2);
    assert_eq!(samples[1].cpu_used_pct, 2.5);
    assert_sandbox_requests_clean(&server).await;
    server.verify().await;
}

#[tokio::test]
async fn manager_renews_snapshots_and_reads_events() {
    let server = MockServer::start().await;
    let snapshot = |id: &str| {
        json!({"id": id, "sandboxId": "x", "name": "nightly", "createdAt": "2025-01-01T00:00:00Z",
               "status": {"state": "Ready"}})
    };
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/x/snapshots"))
        .and(body_json(json!({"name": "nightly"})))
        .respond_with(ResponseTemplate::new(202).set_body_json(snapshot("snap-1")))
        .expect(1)
        .mount(&server)
        .await;
    for (page, next) in [(1, true), (2, false)] {
        Mock::given(method("GET"))
            .and(path("/v1/snapshots"))
            .and(query_param("page", page.to_string()))
            .and(query_param("sandboxId", "x"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "items": [snapshot(&format!("snap-{page}"))],
                "pagination": {"page": page, "pageSize": 1, "totalItems": 2, "totalPages": 2, "hasNextPage": next}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("DELETE"))
        .and(path("/v1/snapshots/snap-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/x/renew-expiration"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"expiresAt": "2030-01-01T00:00:00Z"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/x"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Paused")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/x/diagnostics/events"))
        .and(query_param("scope", "all"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "sandboxId": "x", "kind": "events", "scope": "all", "delivery": "url",
            "contentType": "text/plain", "contentUrl": "https://logs.example/x", "truncated": false
        })))
        .expect(1)
        .mount(&server)
        .await;
    let manager = SandboxManager::new(&config(&server)).unwrap();
    let snap = manager
        .create_snapshot("x", opensandbox::SnapshotOptions::new().name("nightly"))
        .await
        .unwrap();
    assert_eq!(snap.id, "snap-1");
    let all: Vec<String> = manager
        .list_all_snapshots(opensandbox::api::lifecycle::SnapshotListOptions::new().sandbox_id("x"))
        .map_ok(|s| s.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all, ["snap-1", "snap-2"]);
    manager.delete_snapshot("snap-1").await.unwrap();
    let expires = manager.renew("x", Duration::from_secs(600)).await.unwrap();
    assert_eq!(expires.timestamp(), 1_893_456_000);
    assert_eq!(manager.get("x").await.unwrap().state, SandboxState::Paused);
    let events = manager
        .diagnostic_events("x", opensandbox::api::lifecycle::DiagnosticScope::All)
        .await
        .unwrap();
    assert_eq!(
        events.content_url.as_deref(),
        Some("https://logs.example/x")
    );
    server.verify().await;
}

/// The whole high-level API against the local devserver (real processes, real execd
/// streaming format, real vault semantics).
#[tokio::test]
async fn end_to_end_against_the_devserver() {
    use opensandbox::vault::{Binding, Credential, CredentialVault, CredentialVaultPatch};

    let server = opensandbox_devserver::DevServer::builder()
        .api_key(Some(KEY.to_string()))
        .start()
        .await
        .unwrap();
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .api_key(KEY)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new("python:3.12")
            .network_policy(NetworkPolicy::deny_by_default().allow("api.example.com"))
            .credential_proxy(true)
            .ready_timeout(Duration::from_secs(30)),
    )
    .await
    .unwrap();

    let run = sandbox.commands().run("echo hello; exit 4").await.unwrap();
    assert_eq!(run.stdout, "hello\n");
    assert_eq!(run.exit_code, Some(4));

    let cmd = sandbox
        .commands()
        .background("for i in 1 2 3; do echo line $i; sleep 0.1; done; exit 5")
        .await
        .unwrap();
    let out: Vec<bytes::Bytes> = cmd.follow().try_collect().await.unwrap();
    assert_eq!(
        String::from_utf8(out.concat()).unwrap(),
        "line 1\nline 2\nline 3\n"
    );
    assert_eq!(cmd.wait().await.unwrap().exit_code, Some(5));

    let created = sandbox
        .vault()
        .create(
            CredentialVault::new()
                .credential(Credential::inline("api-token", "tok-e2e-secret"))
                .binding(
                    Binding::new("api-token")
                        .https()
                        .host("api.example.com")
                        .port(443)
                        .path("/v1/*")
                        .api_key_header("x-api-key"),
                ),
        )
        .await
        .unwrap();
    let stale = created.revision;
    sandbox
        .vault()
        .patch(
            CredentialVaultPatch::at_revision(stale)
                .replace_credential(Credential::inline("api-token", "tok-rotated")),
        )
        .await
        .unwrap();
    let err = sandbox
        .vault()
        .patch(CredentialVaultPatch::at_revision(stale).delete_binding("api-token"))
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    let listed = sandbox.vault().credentials().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(!format!("{listed:?}").contains("tok-"));

    sandbox.egress().allow(["pypi.org"]).await.unwrap();
    let policy = sandbox.egress().get().await.unwrap();
    let targets: Vec<String> = policy
        .policy
        .map(|p| p.rules.into_iter().map(|r| r.target).collect())
        .unwrap_or_default();
    assert!(targets.contains(&"pypi.org".to_string()), "{targets:?}");

    sandbox.kill().await.unwrap();
    server.shutdown().await;
}

/// `resume_with` takes the same options as `connect_with`: without the health check it
/// returns once the resume was accepted (no ping), and with it a short limit gives a
/// typed `NotReady` while the sandbox stays `Paused`.
#[tokio::test]
async fn resume_with_options_skips_or_bounds_the_health_check() {
    let server = MockServer::start().await;
    mount_endpoints(&server, "proxy").await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json("Paused")))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes/sbx-1/resume"))
        .respond_with(ResponseTemplate::new(202))
        .expect(2)
        .mount(&server)
        .await;
    let sandbox = Sandbox::connect_with(
        &config(&server),
        "sbx-1",
        ConnectOptions::new().health_check(false),
    )
    .await
    .unwrap();
    let started = Instant::now();
    sandbox
        .resume_with(ConnectOptions::new().health_check(false))
        .await
        .unwrap();
    let err = sandbox
        .resume_with(ConnectOptions::new().ready_timeout(Duration::from_millis(300)))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotReady { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
    let pings = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path().ends_with("/ping"))
        .count();
    assert_eq!(pings, 0, "the sandbox never ran, so nothing was pinged");
    server.verify().await;
}

/// A command whose output goes to a handler: every way of running it returns the
/// collected `Execution` with the exit code, and the handler saw every event.
#[tokio::test]
async fn handlers_see_every_event_and_return_the_execution() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("POST"))
        .and(path("/proxy/44772/command"))
        .respond_with(events(&[
            json!({"type": "init", "text": "cmd-7"}),
            json!({"type": "stdout", "text": "out\n"}),
            json!({"type": "stderr", "text": "err\n"}),
            json!({"type": "error", "error": {"ename": "CommandExecError", "evalue": "3", "traceback": []}}),
        ]))
        .mount(&server)
        .await;
    let sandbox = Sandbox::connect(&config(&server), "sbx-1").await.unwrap();
    let commands = sandbox.commands();

    // An infallible handler: no `Ok(())`, and the exit code comes back.
    let mut seen = Vec::new();
    let run = commands
        .run_with_handler("exit 3", |e| seen.push(format!("{e:?}")))
        .await
        .unwrap();
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert_eq!(run.exit_code, Some(3));
    assert_eq!(run.stdout, "out\n");
    assert_eq!(run.stderr, "err\n");
    assert_eq!(run.id.as_deref(), Some("cmd-7"));

    // An async handler gets the same events, in order.
    let mut texts = Vec::new();
    let run = commands
        .run_with_async_handler("exit 3", async |e: &opensandbox::StreamEvent| {
            tokio::task::yield_now().await;
            if let opensandbox::StreamEvent::Stdout { text, .. }
            | opensandbox::StreamEvent::Stderr { text, .. } = e
            {
                texts.push(text.to_string());
            }
        })
        .await
        .unwrap();
    assert_eq!(texts, ["out\n", "err\n"]);
    assert_eq!(run.exit_code, Some(3));

    // A fallible handler's error stops reading and comes back as Error::Handler.
    let err = commands
        .try_run_with_handler("exit 3", |e| match e {
            opensandbox::StreamEvent::Stderr { .. } => Err("stderr is fatal here"),
            _ => Ok(()),
        })
        .await
        .unwrap_err();
    match err {
        Error::Handler(e) => assert_eq!(e.to_string(), "stderr is fatal here"),
        other => panic!("{other:?}"),
    }
    // Collected runs see the same result.
    assert_eq!(commands.run("exit 3").await.unwrap().exit_code, Some(3));
}

/// `scoped` and `kill_after` delete the sandbox whatever the body returned; a body's
/// error wins over a failed kill, and a kill's error is reported after a success.
#[tokio::test]
async fn scoped_sandboxes_are_always_killed() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    let config = config(&server);

    let value = Sandbox::scoped(&config, quick("python:3.12"), async |sb| {
        Ok::<_, Error>(sb.id().to_string())
    })
    .await
    .unwrap();
    assert_eq!(value, "sbx-1");

    let err = Sandbox::scoped(&config, quick("python:3.12"), async |_sb| {
        Err::<(), _>(Error::InvalidInput("the body failed".into()))
    })
    .await
    .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput(m) if m == "the body failed"),
        "{err:?}"
    );
    server.verify().await;

    // A kill that fails is reported after a body that succeeded…
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({"code": "BOOM", "message": "no"})),
        )
        .mount(&server)
        .await;
    let sandbox = Sandbox::connect(&config, "sbx-1").await.unwrap();
    let err = sandbox
        .clone()
        .kill_after(async |_sb| Ok::<_, Error>(()))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    // …and never hides the body's own error.
    let err = sandbox
        .kill_after(async |_sb| Err::<(), _>(Error::InvalidInput("first".into())))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput(m) if m == "first"),
        "{err:?}"
    );
}

/// Typed inputs are checked before anything is sent: an unknown rule action, a mode
/// above 0o7777, a volume name the schema refuses.
#[tokio::test]
async fn typed_inputs_are_checked_before_sending() {
    let server = MockServer::start().await;
    mount_running(&server).await;
    let sandbox = Sandbox::connect(&config(&server), "sbx-1").await.unwrap();
    let before = server.received_requests().await.unwrap().len();

    let rule = opensandbox::EgressRule::allow("pypi.org");
    let mut typo = rule.clone();
    typo.action = opensandbox::RuleAction::parse("ALLOW");
    assert!(matches!(
        sandbox.egress().patch([typo]).await,
        Err(Error::InvalidInput(m)) if m.contains("ALLOW")
    ));
    assert!(matches!(
        sandbox
            .files()
            .set_permissions([("/a", opensandbox::Permissions::mode(0o17777))])
            .await,
        Err(Error::InvalidInput(_))
    ));
    let bad_volume = opensandbox::Volume::host("", "/srv", "/mnt");
    assert!(matches!(
        Sandbox::create(&config(&server), quick("python:3.12").volume(bad_volume)).await,
        Err(Error::InvalidInput(m)) if m.contains("volume")
    ));
    assert!(matches!(
        Sandbox::create(
            &config(&server),
            quick("python:3.12").network_policy({
                let mut p = NetworkPolicy::deny_by_default();
                p.default_action = opensandbox::RuleAction::parse("block");
                p
            })
        )
        .await,
        Err(Error::InvalidInput(_))
    ));
    assert_eq!(server.received_requests().await.unwrap().len(), before);
}
