//! Contract tests: every operation of every SDK client, driven through Prism mocking the
//! project's own documents (`specs/`), with a recording proxy in between (see
//! `opensandbox_tests::contract`).
//!
//! - `every_operation_of_every_spec_is_exercised_without_violations` runs the full tour
//!   (lifecycle, diagnostics, execd, egress and the credential vault), fails on any request
//!   Prism finds invalid (naming the SDK call, the request, the operation and the
//!   violation), fails if any operation of the documents was not exercised, and prints the
//!   coverage table.
//! - The other tests are negative checks: requests Prism rejects surface as `ApiError`s.
//!
//! Prism must be installed: `cargo xtask test` does it (and sets `OPEN_SANDBOX_PRISM`);
//! without it these tests fail and say so.

mod tours;

use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::api::lifecycle::ListOptions;
use opensandbox::api::lifecycle::types as lt;
use opensandbox::{ApiError, Error};
use opensandbox_tests::Contract;
use tours::LIFECYCLE;
use tours::lifecycle::full_create_request;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_of_every_spec_is_exercised_without_violations() {
    let c = Contract::start(&[]).await;
    tours::lifecycle::lifecycle_tour(&c).await;
    tours::lifecycle::diagnostics_tour(&c).await;
    tours::execd::execd_tour(&c).await;
    tours::egress::egress_tour(&c).await;
    c.finish(true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_high_level_sandbox_api_sends_only_valid_requests() {
    let c = Contract::start(&[]).await;
    tours::sandbox::sandbox_tour(&c).await;
    c.finish(false);
}

// ---- negative checks ---------------------------------------------------------------------

/// An error answer of the generated client, decoded by the facade's error decoding.
async fn decode_unexpected<T: std::fmt::Debug>(
    result: Result<T, opensandbox_lifecycle_api::Error<()>>,
) -> ApiError {
    match result {
        Err(opensandbox_lifecycle_api::Error::UnexpectedResponse(resp)) => {
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp.bytes().await.expect("the error body");
            ApiError::from_parts(status, &headers, body)
        }
        other => panic!("expected an error answer, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_request_through_the_generated_client_surfaces_as_api_error() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");
    // No image, no snapshot, and a lifetime under the documented minimum of 60 seconds.
    let body = lt::CreateSandboxRequest {
        timeout: Some(30),
        ..Default::default()
    };
    c.label("raw create_sandbox (timeout 30)");
    let err = decode_unexpected(lc.raw().create_sandbox().body(body).send().await).await;
    assert_eq!(
        err.status.as_u16(),
        400,
        "Prism answers the documented 400: {err}"
    );
    assert!(
        !err.message.is_empty(),
        "the ApiError has a message: {err:?}"
    );
    assert!(
        err.code.is_some(),
        "the {{code, message}} body was decoded: {err:?}"
    );

    let ex = c
        .last_exchange()
        .expect("the request went through the proxy");
    assert_eq!(
        ex.operation.as_ref().map(|o| o.operation_id.as_str()),
        Some("createSandbox")
    );
    assert!(
        ex.violations
            .iter()
            .any(|v| v.location == ["request", "body", "timeout"] && v.message.contains(">= 60")),
        "Prism names the violation: {:?}",
        ex.violations
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_request_through_the_facade_surfaces_as_api_error() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");
    let request = lt::CreateSandboxRequest {
        timeout: Some(30),
        ..full_create_request()
    };
    c.label("LifecycleClient::create_sandbox (timeout 30)");
    let err = lc
        .create_sandbox(request)
        .await
        .expect_err("Prism rejects the request");
    let api = err
        .api()
        .unwrap_or_else(|| panic!("an Error::Api, got {err:?}"));
    assert_eq!(api.status.as_u16(), 400);
    assert!(!api.message.is_empty());
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));

    let ex = c
        .last_exchange()
        .expect("the request went through the proxy");
    assert!(
        ex.violations
            .iter()
            .any(|v| v.location == ["request", "body", "timeout"]),
        "{:?}",
        ex.violations
    );
    assert_eq!(c.exchanges().len(), 1, "a rejected create is not retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_api_key_is_rejected_by_the_spec_security() {
    let c = Contract::start(&[LIFECYCLE]).await;
    // An empty key sends no header (for servers with authentication off).
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "").expect("lifecycle client");
    c.label("LifecycleClient::get_sandbox (no key)");
    let err = lc
        .get_sandbox("sbx-1")
        .await
        .expect_err("Prism requires the key header");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401), "{err:?}");
    let ex = c
        .last_exchange()
        .expect("the request went through the proxy");
    assert!(ex.request_header("open-sandbox-api-key").is_none());
    assert!(
        ex.violations.iter().any(|v| v.code == "401"),
        "Prism reports the security violation: {:?}",
        ex.violations
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_input_is_refused_before_anything_is_sent() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let lc = LifecycleClient::new(&c.base_url(LIFECYCLE), "contract-test-key")
        .expect("lifecycle client");
    let err = lc
        .list_sandboxes(&ListOptions::new().page_size(0))
        .await
        .expect_err("page size 0 is invalid");
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    let err = lc
        .get_sandbox("  ")
        .await
        .expect_err("an empty id is invalid");
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    assert!(
        c.exchanges().is_empty(),
        "nothing was sent: {:?}",
        c.exchanges()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_harness_flags_requests_outside_the_specs() {
    let c = Contract::start(&[LIFECYCLE]).await;
    let base = c.base_url(LIFECYCLE);
    let root = base.trim_end_matches("/v1");
    let http = reqwest::Client::new();
    c.label("outside the base path");
    let resp = http
        .get(format!("{root}/sandboxes"))
        .header("OPEN-SANDBOX-API-KEY", "k")
        .send()
        .await
        .expect("the proxy answers");
    assert!(resp.status().is_success(), "Prism still serves it");
    c.label("unknown operation");
    let resp = http
        .delete(format!("{base}/snapshots"))
        .header("OPEN-SANDBOX-API-KEY", "k")
        .send()
        .await
        .expect("the proxy answers");
    assert!(!resp.status().is_success());
    let v = c.violations();
    assert!(
        v.iter()
            .any(|l| l.contains("outside the base path") && l.contains("GET /sandboxes")),
        "{v:#?}"
    );
    assert!(
        v.iter()
            .any(|l| l.contains("unknown operation") && l.contains("DELETE /v1/snapshots")),
        "{v:#?}"
    );
}
