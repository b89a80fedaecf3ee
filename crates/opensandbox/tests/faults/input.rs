//! Fault cases: input.

use std::time::Duration;

use opensandbox::Error;
use opensandbox::api::execd::CommandRequest;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::lifecycle::DiagnosticScope;
use opensandbox::api::lifecycle::LifecycleClient;

use crate::clients::{eg, ex, lc, options};
use crate::hostile::{Hostile, Script, within};

async fn ok_server() -> Hostile {
    Hostile::always(Script::json(200, "{}")).await
}

fn assert_invalid<T: std::fmt::Debug>(r: Result<T, Error>, what: &str) {
    match r {
        Err(Error::InvalidInput(m)) => assert!(!m.is_empty()),
        other => panic!("{what}: expected InvalidInput, got {other:?}"),
    }
}

/// Ids that URL parsing would resolve away (`.`, `..`) or that are empty are refused
/// before anything is sent, for every operation that puts an id in a path.
macro_rules! dot_id_cases {
    ($($name:ident: |$s:ident, $id:ident| $call:expr;)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let $s = ok_server().await;
                for $id in [".", "..", "", "  "] {
                    let r = within(Duration::from_secs(5), async { $call.await.map(|_| ()) }).await;
                    assert_invalid(r, &format!("{} with id {:?}", stringify!($name), $id));
                }
                assert_eq!($s.hits(), 0, "nothing is sent");
            }
        )*
    };
}

dot_id_cases! {
    dot_ids_get_sandbox: |s, id| lc(&s).get_sandbox(id);
    dot_ids_delete_sandbox: |s, id| lc(&s).delete_sandbox(id);
    dot_ids_pause_sandbox: |s, id| lc(&s).pause_sandbox(id);
    dot_ids_resume_sandbox: |s, id| lc(&s).resume_sandbox(id);
    dot_ids_get_endpoint: |s, id| lc(&s).get_endpoint(id, 44772, false);
    dot_ids_get_snapshot: |s, id| lc(&s).get_snapshot(id);
    dot_ids_delete_snapshot: |s, id| lc(&s).delete_snapshot(id);
    dot_ids_diagnostic_logs: |s, id| lc(&s).diagnostic_logs(id, DiagnosticScope::All);
    dot_ids_command_status: |s, id| ex(&s).command_status(id);
    dot_ids_command_logs: |s, id| ex(&s).command_logs(id, None);
    dot_ids_interrupt_command: |s, id| ex(&s).interrupt_command(id);
    dot_ids_get_context: |s, id| ex(&s).get_context(id);
    dot_ids_delete_context: |s, id| ex(&s).delete_context(id);
    dot_ids_interrupt_code: |s, id| ex(&s).interrupt_code(id);
    dot_ids_run_in_session: |s, id| ex(&s).run_in_session(id, "echo hi");
    dot_ids_delete_session: |s, id| ex(&s).delete_session(id);
    dot_ids_get_credential: |s, id| eg(&s).get_credential(id);
    dot_ids_get_binding: |s, id| eg(&s).get_binding(id);
}

/// A zero command timeout would read as "no limit" on the server: refused, not sent.
#[tokio::test]
async fn a_zero_command_timeout_is_refused_before_sending() {
    let s = ok_server().await;
    let r = within(
        Duration::from_secs(5),
        ex(&s).run_command(CommandRequest::new("sleep 1").timeout(Duration::ZERO)),
    )
    .await;
    assert_invalid(r, "timeout zero");
    assert_eq!(s.hits(), 0);
}

/// A command timeout too long to send is "no limit": the field is left out.
#[tokio::test]
async fn a_maximal_command_timeout_is_sent_as_no_limit() {
    let s = Hostile::always(Script::response(
        200,
        &[("content-type", "text/event-stream")],
        b"{\"type\":\"init\",\"text\":\"c1\"}\n\n{\"type\":\"execution_complete\"}\n\n",
    ))
    .await;
    within(
        Duration::from_secs(5),
        ex(&s).run_command(CommandRequest::new("true").timeout(Duration::MAX)),
    )
    .await
    .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&s.requests()[0].body).unwrap();
    assert!(body.get("timeout").is_none(), "{body}");
}

/// Zero client durations are configuration errors at build time, never silently ignored.
macro_rules! zero_duration_cases {
    ($($name:ident: $setter:ident;)*) => {
        $(
            #[test]
            fn $name() {
                let err = LifecycleClient::with_options(
                    "http://127.0.0.1:1/v1",
                    "k",
                    options().$setter(Duration::ZERO),
                )
                .unwrap_err();
                assert!(matches!(err, Error::Config(ref m) if m.contains("zero")), "{err:?}");
            }
        )*
    };
}

zero_duration_cases! {
    zero_connect_timeout_is_a_config_error: connect_timeout;
    zero_request_timeout_is_a_config_error: request_timeout;
    zero_stream_idle_timeout_is_a_config_error: stream_idle_timeout;
}

/// Maximal durations mean "no limit": calls work, nothing panics.
macro_rules! max_duration_cases {
    ($($name:ident: $setter:ident;)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let s = Hostile::always(Script::response(
                    200,
                    &[("content-type", "application/octet-stream")],
                    b"0123456789",
                ))
                .await;
                let ex = ExecdClient::with_options(&s.url, "t", options().$setter(Duration::MAX))
                    .unwrap();
                let bytes = within(Duration::from_secs(5), async {
                    ex.download("/f").await?.bytes().await
                })
                .await
                .unwrap();
                assert_eq!(&bytes[..], b"0123456789");
                let up = Hostile::always(Script::json(200, "{}")).await;
                let ex = ExecdClient::with_options(&up.url, "t", options().$setter(Duration::MAX))
                    .unwrap();
                within(Duration::from_secs(5), ex.write_file("/f", "data"))
                    .await
                    .unwrap();
            }
        )*
    };
}

max_duration_cases! {
    max_connect_timeout_means_no_limit: connect_timeout;
    max_request_timeout_means_no_limit: request_timeout;
    max_stream_idle_timeout_means_no_limit: stream_idle_timeout;
}

/// Header values with NUL, CR or LF are refused with a configuration error.
#[test]
fn control_characters_in_header_values_are_config_errors() {
    for bad in ["a\r\nX-Injected: 1", "a\nb", "a\0b", "a\rb"] {
        // Setters never fail; building a client reports the bad header.
        assert!(
            matches!(
                LifecycleClient::with_options(
                    "http://127.0.0.1:1/v1",
                    "",
                    options().header("X-Team", bad)
                ),
                Err(Error::Config(_))
            ),
            "header value {bad:?}"
        );
        assert!(
            matches!(
                LifecycleClient::with_options("http://127.0.0.1:1/v1", bad, options()),
                Err(Error::Config(_))
            ),
            "API key {bad:?}"
        );
        assert!(
            matches!(
                ExecdClient::with_options("http://127.0.0.1:1", bad, options()),
                Err(Error::Config(_))
            ),
            "execd token {bad:?}"
        );
        assert!(
            matches!(
                opensandbox::ConnectionConfig::new()
                    .options(options().header("X-Team", bad))
                    .lifecycle_client(),
                Err(Error::Config(_))
            ),
            "connection header {bad:?}"
        );
    }
}

/// NUL, CR and LF inside paths and commands are data: encoded on the wire, no panic,
/// no header injection.
#[tokio::test]
async fn control_characters_in_paths_and_commands_are_encoded() {
    let s = ok_server().await;
    let _ = within(
        Duration::from_secs(5),
        ex(&s).read_file("/tmp/a\0b\r\nX: y"),
    )
    .await;
    let sent = &s.requests()[0];
    assert!(
        sent.line.contains("%00") && sent.line.contains("%0D%0A"),
        "{}",
        sent.line
    );
    assert!(sent.header("x").is_none(), "no header was injected");
    let s = Hostile::always(Script::response(
        200,
        &[("content-type", "text/event-stream")],
        b"{\"type\":\"execution_complete\"}\n\n",
    ))
    .await;
    within(
        Duration::from_secs(5),
        ex(&s).run_command("echo 'a\0b'\r\necho c"),
    )
    .await
    .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&s.requests()[0].body).unwrap();
    assert_eq!(body["command"], "echo 'a\u{0}b'\r\necho c");
}
