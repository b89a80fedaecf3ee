//! Fault cases: transport.

use std::time::Duration;

use crate::hostile::{Hostile, Script, within};

/// The harness itself: a scripted response arrives and the request is recorded.
#[tokio::test]
async fn harness_plays_a_script_and_records_the_request() {
    let server = Hostile::always(Script::json(200, r#"{"ok":true}"#)).await;
    let body = within(Duration::from_secs(5), async {
        reqwest::get(format!("{}/x?y=1", server.url))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    })
    .await;
    assert_eq!(body, r#"{"ok":true}"#);
    assert_eq!(server.requests()[0].line, "GET /x?y=1");
}

fn lifecycle(server: &Hostile) -> opensandbox::LifecycleClient {
    opensandbox::LifecycleClient::with_options(
        &format!("{}/v1", server.url),
        "key",
        opensandbox::ClientOptions::new()
            .transport(opensandbox::transport::tls::TransportConfig::new().use_env_proxy(false)),
    )
    .unwrap()
}

/// A huge error body: only a prefix is kept, and the call does not wait for the rest.
#[tokio::test]
async fn a_huge_error_body_keeps_only_a_prefix() {
    use crate::hostile::{Step, head_bytes};
    let mut steps = vec![Step::Send(head_bytes(
        500,
        &[
            ("content-type", "text/plain"),
            ("content-length", "1073741824"),
        ],
    ))];
    steps.extend((0..16).map(|_| Step::Send(vec![b'x'; 64 * 1024])));
    steps.push(Step::Stall);
    let server = Hostile::always(Script::new(steps)).await;
    let err = within(
        Duration::from_secs(10),
        lifecycle(&server).get_sandbox("sbx-1"),
    )
    .await
    .unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status.as_u16(), 500);
    assert_eq!(api.body.len(), 64 * 1024);
    assert!(format!("{err:?}").contains("<65536 bytes>"));
}

/// FastAPI echoes the offending input in a 422: neither `Debug` nor `Display` shows it,
/// and no code is invented.
#[tokio::test]
async fn a_422_echoing_a_secret_prints_no_secret_and_invents_no_code() {
    let server = Hostile::always(Script::json(
        422,
        r#"{"detail":[{"loc":["body","env","TOKEN"],"msg":"bad","type":"value_error","input":"s3cr3t-value"}]}"#,
    ))
    .await;
    let err = within(
        Duration::from_secs(10),
        lifecycle(&server).get_sandbox("sbx-1"),
    )
    .await
    .unwrap_err();
    assert!(err.is_validation_error());
    let api = err.api().unwrap();
    assert_eq!(api.code, None);
    assert_eq!(api.field_errors[0].loc, ["body", "env", "TOKEN"]);
    let shown = format!("{err:?} {err}");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
}

fn execd_client(server: &Hostile) -> opensandbox::ExecdClient {
    opensandbox::ExecdClient::with_options(
        &server.url,
        "execd-token",
        opensandbox::ClientOptions::new()
            .transport(opensandbox::transport::tls::TransportConfig::new().use_env_proxy(false)),
    )
    .unwrap()
}

/// A redirect to another origin: nothing reaches it, and the caller gets
/// `Error::Redirect` naming the `Location`.
async fn redirect_case(status: u16, call: &str) {
    let elsewhere = Hostile::always(Script::json(200, "{}")).await;
    let location = format!("{}/stolen", elsewhere.url);
    let server = Hostile::always(Script::response(
        status,
        &[("location", location.as_str())],
        b"",
    ))
    .await;
    let started = std::time::Instant::now();
    let err = within(Duration::from_secs(10), async {
        match call {
            "get" => lifecycle(&server).get_sandbox("sbx-1").await.map(|_| ()),
            "create" => {
                let req = serde_json::from_value(serde_json::json!({
                    "image": {"uri": "python:3.12", "auth": {"username": "u", "password": "registry-secret"}},
                    "entrypoint": ["/bin/sh"]
                }))
                .unwrap();
                lifecycle(&server).create_sandbox(req).await.map(|_| ())
            }
            "delete" => lifecycle(&server).delete_sandbox("sbx-1").await,
            "download" => execd_client(&server).download("/etc/passwd").await.map(|_| ()),
            "run" => execd_client(&server).run_command("id").await.map(|_| ()),
            "upload" => execd_client(&server).write_file("/tmp/x", "data").await,
            other => panic!("no case {other}"),
        }
    })
    .await
    .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    match &err {
        opensandbox::Error::Redirect {
            status: s,
            location: Some(l),
        } => {
            assert_eq!(s.as_u16(), status);
            assert_eq!(l, &location);
        }
        other => panic!("{call} on {status}: expected Error::Redirect, got {other:?}"),
    }
    assert_eq!(
        elsewhere.hits(),
        0,
        "{call} on {status}: the redirect was followed"
    );
    assert_eq!(
        server.hits(),
        1,
        "{call} on {status}: a redirect is not retried"
    );
}

macro_rules! redirect_cases {
    ($($name:ident: $status:expr, $call:expr;)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                redirect_case($status, $call).await;
            }
        )*
    };
}

redirect_cases! {
    redirect_301_get_is_not_followed: 301, "get";
    redirect_302_get_is_not_followed: 302, "get";
    redirect_303_get_is_not_followed: 303, "get";
    redirect_307_get_is_not_followed: 307, "get";
    redirect_308_get_is_not_followed: 308, "get";
    redirect_307_create_keeps_the_registry_password_home: 307, "create";
    redirect_302_create_is_not_followed: 302, "create";
    redirect_308_delete_is_not_followed: 308, "delete";
    redirect_302_download_is_not_followed: 302, "download";
    redirect_307_command_stream_is_not_followed: 307, "run";
    redirect_307_upload_is_not_followed: 307, "upload";
}

/// Unary answers larger than `max_response_body` fail while read, never held whole:
/// declared by `Content-Length`, or chunked without one.
async fn oversized_case(chunked: bool) {
    use crate::hostile::{LAST_CHUNK, Step, chunk, head_bytes};
    let mut steps = Vec::new();
    if chunked {
        steps.push(Step::Send(head_bytes(
            200,
            &[
                ("content-type", "application/json"),
                ("transfer-encoding", "chunked"),
            ],
        )));
        steps.push(Step::Send(chunk(b"{\"id\":\"")));
        for _ in 0..64 {
            steps.push(Step::Send(chunk(&[b'a'; 64 * 1024])));
        }
        steps.push(Step::Send(LAST_CHUNK.to_vec()));
    } else {
        steps.push(Step::Send(head_bytes(
            200,
            &[
                ("content-type", "application/json"),
                ("content-length", "104857600"),
            ],
        )));
        steps.push(Step::Send(b"{\"id\":\"".to_vec()));
        steps.push(Step::Stall);
    }
    let server = Hostile::always(Script::new(steps)).await;
    let client = opensandbox::LifecycleClient::with_options(
        &format!("{}/v1", server.url),
        "key",
        opensandbox::ClientOptions::new()
            .max_response_body(1024 * 1024)
            .transport(opensandbox::transport::tls::TransportConfig::new().use_env_proxy(false)),
    )
    .unwrap();
    let err = within(Duration::from_secs(10), client.get_sandbox("sbx-1"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, opensandbox::Error::Decode { ref message, .. } if message.contains("larger than the limit of 1048576")),
        "{err:?}"
    );
    assert_eq!(server.hits(), 1, "not retried");
}

#[tokio::test]
async fn an_oversized_answer_with_content_length_fails_at_once() {
    oversized_case(false).await;
}

#[tokio::test]
async fn an_oversized_chunked_answer_fails_while_read() {
    oversized_case(true).await;
}

/// The same limit holds for hand-written unary reads (command logs).
#[tokio::test]
async fn oversized_command_logs_fail_while_read() {
    let server = Hostile::always(Script::response(
        200,
        &[("content-type", "text/plain")],
        &vec![b'x'; 2 * 1024 * 1024],
    ))
    .await;
    let client = opensandbox::ExecdClient::with_options(
        &server.url,
        "t",
        opensandbox::ClientOptions::new()
            .max_response_body(1024 * 1024)
            .transport(opensandbox::transport::tls::TransportConfig::new().use_env_proxy(false)),
    )
    .unwrap();
    let err = within(Duration::from_secs(10), client.command_logs("c1", None))
        .await
        .unwrap_err();
    assert!(matches!(err, opensandbox::Error::Decode { .. }), "{err:?}");
}
