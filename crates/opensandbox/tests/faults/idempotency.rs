//! Fault cases: retries follow the operation table. A POST the idempotency overlay marks
//! (`specs/overlays/idempotency.yaml`) is repeated after a 503 with the same body; an
//! unmarked POST is sent once; a success answer cut short is retried for an idempotent
//! operation, never for another.

use std::time::Duration;

use opensandbox::api::execd::types::Permission;
use opensandbox::{ClientOptions, Error, RetryPolicy};

use crate::clients::{ex_with, lc_with};
use crate::hostile::{Hostile, Script, Step, chunk, head_bytes, within};

const SANDBOX: &str = r#"{"id":"sbx-1","status":{"state":"Running"}}"#;

fn options() -> ClientOptions {
    crate::clients::options().retry(
        RetryPolicy::new()
            .max_attempts(3)
            .initial_backoff(Duration::from_millis(5)),
    )
}

fn busy() -> Script {
    Script::response(503, &[("content-type", "text/plain")], b"busy")
}

/// A 200 JSON answer whose chunked body ends before its last chunk.
fn cut_short() -> Script {
    Script::new(vec![
        Step::Send(head_bytes(
            200,
            &[
                ("content-type", "application/json"),
                ("transfer-encoding", "chunked"),
            ],
        )),
        Step::Send(chunk(b"{\"id\":")),
        Step::Close,
    ])
}

#[tokio::test]
async fn a_post_marked_idempotent_is_retried_on_503_with_the_same_body() {
    let s = Hostile::start(vec![busy(), Script::response(200, &[], b"")]).await;
    let ex = ex_with(&s, options());
    within(
        Duration::from_secs(5),
        ex.create_directories([(
            "/w/a",
            Permission {
                owner: None,
                group: None,
                mode: 755,
            },
        )]),
    )
    .await
    .unwrap();
    let reqs = s.requests();
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    assert!(reqs.iter().all(|r| r.line == "POST /directories"));
    assert!(!reqs[0].body.is_empty());
    assert_eq!(reqs[0].body, reqs[1].body);
}

#[tokio::test]
async fn a_lifecycle_post_marked_idempotent_is_retried_on_503() {
    let s = Hostile::start(vec![busy(), Script::response(202, &[], b"")]).await;
    within(
        Duration::from_secs(5),
        lc_with(&s, options()).pause_sandbox("sbx-1"),
    )
    .await
    .unwrap();
    assert_eq!(s.hits(), 2);
}

#[tokio::test]
async fn an_unmarked_post_is_not_retried_on_503() {
    let s = Hostile::start(vec![busy(), Script::response(200, &[], b"")]).await;
    let ex = ex_with(&s, options());
    let err = within(Duration::from_secs(5), ex.move_files([("/w/a", "/w/b")]))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Api(a) if a.status.as_u16() == 503 && a.message.contains("busy")),
        "{err:?}"
    );
    assert_eq!(s.hits(), 1);
}

#[tokio::test]
async fn a_get_whose_answer_is_cut_short_is_retried() {
    let s = Hostile::start(vec![cut_short(), Script::json(200, SANDBOX)]).await;
    let sb = within(
        Duration::from_secs(5),
        lc_with(&s, options()).get_sandbox("sbx-1"),
    )
    .await
    .unwrap();
    assert_eq!(sb.id, "sbx-1");
    assert_eq!(s.hits(), 2);
}

#[tokio::test]
async fn an_unmarked_post_whose_answer_is_cut_short_is_not_retried() {
    let s = Hostile::start(vec![cut_short(), Script::json(202, SANDBOX)]).await;
    let request = serde_json::from_value(serde_json::json!(
        {"image": {"uri": "x"}, "entrypoint": ["/bin/sh"]}
    ))
    .unwrap();
    let err = within(
        Duration::from_secs(5),
        lc_with(&s, options()).create_sandbox(request),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::Transport { sent: true, .. }),
        "{err:?}"
    );
    assert_eq!(s.hits(), 1);
}

#[test]
fn the_tables_carry_the_overlay_and_find_operations_by_id_and_method_name() {
    use opensandbox_egress_api::operations as eg;
    use opensandbox_execd_api::operations as ex;
    use opensandbox_lifecycle_api::operations as lc;
    for op in [
        &lc::PAUSE_SANDBOX,
        &lc::RESUME_SANDBOX,
        &lc::RENEW_SANDBOX_EXPIRATION,
        &lc::PATCH_SANDBOX_METADATA,
        &ex::CHMOD_FILES,
        &ex::MAKE_DIRS,
        &eg::PATCH_POLICY,
        &lc::GET_SANDBOX,
        &ex::REMOVE_DIRS,
    ] {
        assert!(op.idempotent, "{op}");
    }
    for op in [
        &lc::CREATE_SANDBOX,
        &lc::CREATE_SNAPSHOT,
        &ex::RUN_COMMAND,
        &ex::RENAME_FILES,
        &ex::UPLOAD_FILE,
        &eg::PATCH_CREDENTIAL_VAULT,
    ] {
        assert!(!op.idempotent, "{op}");
    }
    assert!(ex::DOWNLOAD_FILE.streamed && !lc::GET_SANDBOX.streamed);
    type Lookup = fn(&str) -> Option<&'static opensandbox_hooks::Operation>;
    let tables: [(&[&opensandbox_hooks::Operation], Lookup); 3] = [
        (lc::OPERATIONS, lc::operation),
        (ex::OPERATIONS, ex::operation),
        (eg::OPERATIONS, eg::operation),
    ];
    for (table, lookup) in tables {
        assert!(!table.is_empty());
        for op in table {
            assert!(std::ptr::eq(lookup(op.id).unwrap(), *op), "{op}");
            assert!(std::ptr::eq(lookup(op.name).unwrap(), *op), "{op}");
        }
    }
    assert_eq!(lc::operation("getSandbox"), Some(&lc::GET_SANDBOX));
    assert_eq!(lc::operation("no_such_operation"), None);
}
