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
