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
