//! Fault cases: transport.

use std::time::Duration;

use crate::clients::{ex, ex_with, lc, lc_with, options};
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
    let err = within(Duration::from_secs(10), lc(&server).get_sandbox("sbx-1"))
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
    let err = within(Duration::from_secs(10), lc(&server).get_sandbox("sbx-1"))
        .await
        .unwrap_err();
    assert!(err.is_validation_error());
    let api = err.api().unwrap();
    assert_eq!(api.code, None);
    assert_eq!(api.field_errors[0].loc, ["body", "env", "TOKEN"]);
    let shown = format!("{err:?} {err}");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
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
            "get" => lc(&server).get_sandbox("sbx-1").await.map(|_| ()),
            "create" => {
                let req = serde_json::from_value(serde_json::json!({
                    "image": {"uri": "python:3.12", "auth": {"username": "u", "password": "registry-secret"}},
                    "entrypoint": ["/bin/sh"]
                }))
                .unwrap();
                lc(&server).create_sandbox(req).await.map(|_| ())
            }
            "delete" => lc(&server).delete_sandbox("sbx-1").await,
            "download" => ex(&server).download("/etc/passwd").await.map(|_| ()),
            "run" => ex(&server).run_command("id").await.map(|_| ()),
            "upload" => ex(&server).write_file("/tmp/x", "data").await,
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
    let client = lc_with(&server, options().max_response_body(1024 * 1024));
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
    let client = ex_with(&server, options().max_response_body(1024 * 1024));
    let err = within(Duration::from_secs(10), client.command_logs("c1", None))
        .await
        .unwrap_err();
    assert!(matches!(err, opensandbox::Error::Decode { .. }), "{err:?}");
}

/// Table of hostile answers: each case plays a script to every connection, makes one
/// call with short limits (1 s unary timeout, 1 s stream idle limit, 2 attempts), and
/// asserts the error variant and that the call ended within its bound.
mod table {
    use std::time::{Duration, Instant};

    use opensandbox::api::execd::ExecdClient;
    use opensandbox::api::lifecycle::LifecycleClient;
    use opensandbox::{ClientOptions, Error, RetryPolicy};

    use crate::hostile::{Hostile, LAST_CHUNK, Script, Step, chunk, head_bytes, within};

    fn options() -> ClientOptions {
        crate::clients::options()
            .request_timeout(Duration::from_secs(1))
            .stream_idle_timeout(Duration::from_secs(1))
            .retry(
                RetryPolicy::new()
                    .max_attempts(2)
                    .initial_backoff(Duration::from_millis(10)),
            )
    }

    fn lc(s: &Hostile) -> LifecycleClient {
        crate::clients::lc_with(s, options())
    }

    fn ex(s: &Hostile) -> ExecdClient {
        crate::clients::ex_with(s, options())
    }

    const SANDBOX: &str = r#"{"id":"sbx-1","status":{"state":"Running"}}"#;

    fn send(bytes: &[u8]) -> Step {
        Step::Send(bytes.to_vec())
    }

    /// Runs `call` against `script` and checks the error within `bound` seconds.
    async fn case<F, Fut>(script: Script, bound: u64, call: F, check: fn(&Error) -> bool)
    where
        F: FnOnce(Hostile) -> Fut,
        Fut: std::future::Future<Output = (Hostile, Result<(), Error>)>,
    {
        let server = Hostile::always(script).await;
        let started = Instant::now();
        let (_server, result) = within(Duration::from_secs(bound + 5), call(server)).await;
        let took = started.elapsed();
        let err = result.expect_err("the hostile answer must fail the call");
        assert!(check(&err), "unexpected error: {err:?}");
        assert!(
            took <= Duration::from_secs(bound),
            "took {took:?}, bound {bound} s"
        );
    }

    macro_rules! cases {
        ($($name:ident: $script:expr, $bound:expr, |$s:ident| $call:expr, $pat:pat,)*) => {
            $(
                #[tokio::test]
                async fn $name() {
                    case(
                        $script,
                        $bound,
                        |$s| async move {
                            let r = $call.await.map(|_| ());
                            ($s, r)
                        },
                        |e| matches!(e, $pat),
                    )
                    .await;
                }
            )*
        };
    }

    cases! {
        // Stalls.
        unary_stall_before_headers_times_out: Script::stall(), 4,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Timeout { what: "request", .. },
        unary_stall_after_headers_times_out: Script::head_then(200,
            &[("content-type", "application/json"), ("content-length", "100")],
            vec![send(b"{\"id\""), Step::Stall]), 4,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Timeout { .. } | Error::Transport { .. },
        stream_stall_before_headers_times_out: Script::stall(), 3,
            |s| ex(&s).run_command("echo hi"), Error::Timeout { what: "response headers", .. },
        download_stall_before_headers_times_out: Script::stall(), 4,
            |s| ex(&s).download("/f"), Error::Timeout { what: "response headers", .. },
        metrics_watch_stall_before_headers_times_out: Script::stall(), 4,
            |s| ex(&s).watch_metrics(), Error::Timeout { what: "response headers", .. },
        stream_stall_after_headers_hits_the_idle_limit: Script::head_then(200,
            &[("content-type", "text/event-stream")],
            vec![send(b"{\"type\":\"init\",\"text\":\"c1\"}\n\n"), Step::Stall]), 3,
            |s| ex(&s).run_command("echo hi"), Error::Timeout { .. },
        download_stall_mid_body_hits_the_idle_limit: Script::head_then(200,
            &[("content-type", "application/octet-stream"), ("content-length", "1000")],
            vec![send(&[b'x'; 100]), Step::Stall]), 3,
            |s| async { ex(&s).download("/f").await?.bytes().await }, Error::Timeout { .. },
        // Resets and closes.
        reset_before_headers_fails_the_get: Script::new(vec![Step::Reset]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        close_before_headers_fails_the_get: Script::new(vec![Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        reset_before_headers_fails_the_create: Script::new(vec![Step::Reset]), 3,
            |s| lc(&s).create_sandbox(serde_json::from_value(serde_json::json!(
                {"image": {"uri": "x"}, "entrypoint": ["/bin/sh"]})).unwrap()),
            Error::Transport { sent: true, .. },
        reset_mid_download_fails_the_read: Script::head_then(200,
            &[("content-type", "application/octet-stream"), ("content-length", "1000")],
            vec![send(&[b'x'; 100]), Step::Reset]), 3,
            |s| async { ex(&s).download("/f").await?.bytes().await }, Error::Transport { .. },
        reset_mid_stream_fails_the_run: Script::head_then(200,
            &[("content-type", "text/event-stream")],
            vec![send(b"{\"type\":\"init\",\"text\":\"c1\"}\n\n"), Step::Reset]), 3,
            |s| ex(&s).run_command("echo hi"), Error::Transport { .. } | Error::Stream(_),
        stream_closing_before_the_terminal_event_is_an_error: Script::response(200,
            &[("content-type", "text/event-stream")],
            b"{\"type\":\"init\",\"text\":\"c1\"}\n\n{\"type\":\"stdout\",\"text\":\"x\"}\n\n"), 3,
            |s| ex(&s).run_command("echo hi"), Error::Stream(_),
        // Garbage.
        garbage_status_line_is_a_transport_error: Script::new(vec![send(b"NOT HTTP AT ALL\r\n\r\n"), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        binary_garbage_instead_of_http_is_a_transport_error: Script::new(vec![send(&[0u8, 159, 146, 150, 255, 0, 1]), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        garbage_chunked_framing_is_a_transport_error: Script::head_then(200,
            &[("content-type", "application/json"), ("transfer-encoding", "chunked")],
            vec![send(b"zz\r\nnot a chunk\r\n"), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        truncated_chunked_body_is_a_transport_error: Script::head_then(200,
            &[("content-type", "application/json"), ("transfer-encoding", "chunked")],
            vec![Step::Send(chunk(b"{\"id\":")), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        garbage_stream_frames_are_stream_errors: Script::response(200,
            &[("content-type", "text/event-stream")],
            b"<html>proxy error</html>\n\n"), 3,
            |s| ex(&s).run_command("echo hi"), Error::Stream(_),
        huge_response_headers_are_a_transport_error: Script::new(vec![
            Step::Send(head_bytes(200, &[("x-big", &"a".repeat(1024 * 1024))])), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        // Lying lengths.
        content_length_longer_than_the_body_fails: Script::head_then(200,
            &[("content-type", "application/json"), ("content-length", "500")],
            vec![send(SANDBOX.as_bytes()), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Transport { .. },
        content_length_shorter_than_the_body_cuts_the_json: Script::new(vec![
            Step::Send(head_bytes(200, &[("content-type", "application/json"), ("content-length", "10")])),
            send(SANDBOX.as_bytes()), Step::Close]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Decode { .. },
        download_shorter_than_its_content_length_fails: Script::head_then(200,
            &[("content-type", "application/octet-stream"), ("content-length", "5000")],
            vec![send(&[b'x'; 10]), Step::Close]), 3,
            |s| async { ex(&s).download("/f").await?.bytes().await }, Error::Transport { .. },
        // Wrong content.
        html_instead_of_json_is_a_decode_error: Script::response(200,
            &[("content-type", "text/html")], b"<html><body>login</body></html>"), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Decode { .. },
        empty_200_where_json_is_needed_is_a_decode_error: Script::response(200,
            &[("content-type", "application/json")], b""), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Decode { .. },
        no_content_204_where_json_is_needed_is_a_decode_error: Script::response(204, &[], b""), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Decode { .. },
        json_of_the_wrong_shape_is_a_decode_error: Script::json(200, r#"[1,2,3]"#), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Decode { .. },
        null_body_is_a_decode_error: Script::json(200, "null"), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Decode { .. },
        // Error statuses in odd shapes.
        a_503_html_page_is_an_api_error_after_retries: Script::response(503,
            &[("content-type", "text/html")], b"<h1>down</h1>"), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Api(_),
        a_500_with_garbage_bytes_is_an_api_error: Script::response(500,
            &[("content-type", "application/json")], &[0xff, 0xfe, 0x00]), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Api(_),
        a_401_plain_text_is_an_api_error: Script::response(401,
            &[("content-type", "text/plain")], b"no"), 3,
            |s| ex(&s).run_command("echo hi"), Error::Api(_),
        a_stream_answered_with_a_json_error_is_an_api_error: Script::json(400,
            r#"{"code":"INVALID_REQUEST_BODY","message":"bad"}"#), 3,
            |s| ex(&s).run_command("echo hi"), Error::Api(_),
        a_retry_after_beyond_the_cap_ends_at_once: Script::response(503,
            &[("retry-after", "18446744073709551615")], b""), 3,
            |s| lc(&s).get_sandbox("sbx-1"), Error::Api(_),
        a_chunked_body_ending_without_the_last_chunk_fails_the_download: Script::head_then(200,
            &[("content-type", "application/octet-stream"), ("transfer-encoding", "chunked")],
            vec![Step::Send(chunk(b"abc")), Step::Close]), 3,
            |s| async { ex(&s).download("/f").await?.bytes().await }, Error::Transport { .. },
    }

    /// A well-formed chunked answer still works (the cases above fail for the right
    /// reason, not because chunked bodies are refused).
    #[tokio::test]
    async fn a_well_formed_chunked_answer_decodes() {
        let mut steps = vec![Step::Send(head_bytes(
            200,
            &[
                ("content-type", "application/json"),
                ("transfer-encoding", "chunked"),
            ],
        ))];
        for piece in SANDBOX.as_bytes().chunks(7) {
            steps.push(Step::Send(chunk(piece)));
        }
        steps.push(Step::Send(LAST_CHUNK.to_vec()));
        let s = Hostile::always(Script::new(steps)).await;
        let sb = within(Duration::from_secs(5), lc(&s).get_sandbox("sbx-1"))
            .await
            .unwrap();
        assert_eq!(sb.id, "sbx-1");
    }
}
