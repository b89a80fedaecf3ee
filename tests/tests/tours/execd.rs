//! Every execd operation, through `ExecdClient`: commands (foreground, streamed, with a
//! handler, background with status and logs), bash sessions, code contexts and runs, files
//! (multipart upload from bytes, a path and a stream; whole and ranged downloads) and
//! metrics (one sample and the watch feed).

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::execd::types::Permission;
use opensandbox::api::execd::{
    CodeRequest, CommandRequest, ContextRequest, LineRange, SessionCommand, SessionOptions,
    StreamEvent, UploadFile,
};
use opensandbox::{ClientOptions, Error};
use opensandbox_tests::{Contract, multipart};
use reqwest::header::{HeaderMap, HeaderValue};

use super::EXECD;

/// A header the endpoint lookup returned, which must go on every request to execd.
const ENDPOINT_HEADER: (&str, &str) = ("opensandbox-ingress-to", "sbx-contract-44772");

/// Records what kind of events a handler saw.
fn kinds_handler(
    kinds: &mut Vec<String>,
) -> impl FnMut(&StreamEvent) -> Result<(), std::io::Error> + '_ {
    move |e| {
        kinds.push(e.kind().to_string());
        Ok(())
    }
}

/// Checks a streamed run as decoded from the spec's example: `init` first, one terminal
/// event last.
fn check_events(c: &Contract, what: &str, events: &[StreamEvent]) {
    c.check(
        matches!(events.first(), Some(StreamEvent::Init { id, .. }) if !id.is_empty()),
        format!("{what}: the first event is init with the execution id: {events:?}"),
    );
    c.check(
        events.last().is_some_and(StreamEvent::is_terminal),
        format!("{what}: the stream ends with its terminal event: {events:?}"),
    );
}

fn permission(mode: i64) -> Permission {
    Permission {
        owner: Some("root".into()),
        group: Some("root".into()),
        mode,
    }
}

pub async fn execd_tour(c: &Contract) {
    let mut headers = HeaderMap::new();
    headers.insert(
        ENDPOINT_HEADER.0,
        HeaderValue::from_static(ENDPOINT_HEADER.1),
    );
    let ex = ExecdClient::with_headers(
        &c.base_url(EXECD),
        "execd-token",
        headers,
        ClientOptions::default(),
    )
    .expect("execd client");

    c.step("ExecdClient::ping", ex.ping()).await;
    commands(c, &ex).await;
    sessions(c, &ex).await;
    code(c, &ex).await;
    files(c, &ex).await;
    metrics(c, &ex).await;

    for e in c.exchanges().iter().filter(|e| e.served_by == EXECD) {
        c.check(
            e.request_header(ENDPOINT_HEADER.0) == Some(ENDPOINT_HEADER.1),
            format!(
                "{} ({}): the endpoint's header was not sent",
                e.label,
                e.request_line()
            ),
        );
    }
}

async fn commands(c: &Contract, ex: &ExecdClient) {
    let request = CommandRequest::new("python -c 'print(\"hello\")'")
        .cwd("/workspace")
        .timeout(Duration::from_secs(120))
        .env("CI", "1")
        .user(1000, Some(1000));
    if let Some(run) = c
        .step("ExecdClient::run_command", ex.run_command(request))
        .await
    {
        c.check(
            run.complete && run.id.is_some() && run.exit_code == Some(0) && !run.stdout.is_empty(),
            format!("run_command: the example stream aggregates to a finished run: {run:?}"),
        );
    }
    let events = c
        .step("ExecdClient::run_command_stream", async {
            ex.run_command_stream("ls -la /workspace")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await;
    check_events(c, "run_command_stream", &events.unwrap_or_default());
    let mut kinds = Vec::new();
    c.step(
        "ExecdClient::commands().try_run_with_handler",
        ex.commands()
            .try_run_with_handler("uname -a", kinds_handler(&mut kinds)),
    )
    .await;
    c.check(
        !kinds.is_empty(),
        "commands().try_run_with_handler: the handler saw the events",
    );

    let id = c
        .step(
            "ExecdClient::start_background_command",
            ex.start_background_command(CommandRequest::new("python -m http.server 8000")),
        )
        .await
        .unwrap_or_else(|| "cmd-contract".into());
    c.step("ExecdClient::command_status", ex.command_status(&id))
        .await;
    let logs = c
        .step("ExecdClient::command_logs", ex.command_logs(&id, None))
        .await;
    let cursor = logs.and_then(|l| l.next_cursor).unwrap_or(4096);
    c.step(
        "ExecdClient::command_logs (from cursor)",
        ex.command_logs(&id, Some(cursor)),
    )
    .await;
    c.step("ExecdClient::interrupt_command", ex.interrupt_command(&id))
        .await;
}

async fn sessions(c: &Contract, ex: &ExecdClient) {
    let session = c
        .step(
            "ExecdClient::create_session",
            ex.create_session(SessionOptions::new().cwd("/workspace")),
        )
        .await
        .unwrap_or_else(|| "sess-contract".into());
    c.check(!session.is_empty(), "create_session: a session id");
    if let Some(run) = c
        .step(
            "ExecdClient::run_in_session",
            ex.run_in_session(
                &session,
                SessionCommand::new("export GREETING=hi && echo $GREETING")
                    .cwd("/tmp")
                    .timeout(Duration::from_secs(30)),
            ),
        )
        .await
    {
        c.check(
            run.complete,
            format!("run_in_session: the run finished: {run:?}"),
        );
    }
    let events = c
        .step("ExecdClient::run_in_session_stream", async {
            ex.run_in_session_stream(&session, "pwd")
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await;
    check_events(c, "run_in_session_stream", &events.unwrap_or_default());
    let mut kinds = Vec::new();
    c.step(
        "ExecdClient::commands().session().try_run_with_handler",
        ex.commands()
            .session(session.clone())
            .try_run_with_handler("echo $GREETING", kinds_handler(&mut kinds)),
    )
    .await;
    c.check(
        !kinds.is_empty(),
        "session().try_run_with_handler: the handler saw the events",
    );
    c.step("ExecdClient::delete_session", ex.delete_session(&session))
        .await;
}

async fn code(c: &Contract, ex: &ExecdClient) {
    let context = c
        .step("ExecdClient::create_context", ex.create_context("python"))
        .await;
    c.step(
        "ExecdClient::create_context (cwd)",
        ex.create_context(ContextRequest::new("python").cwd("/workspace")),
    )
    .await;
    let context_id = context
        .as_ref()
        .and_then(|ctx| ctx.id.clone())
        .unwrap_or_else(|| "ctx-contract".into());
    let context = c
        .step("ExecdClient::get_context", ex.get_context(&context_id))
        .await
        .or(context);
    c.step("ExecdClient::list_contexts", ex.list_contexts("python"))
        .await;

    let request = match &context {
        Some(ctx) => CodeRequest::new("total = 2 + 2\ntotal").context(&ctx.clone().into()),
        None => CodeRequest::new("total = 2 + 2\ntotal").language("python"),
    };
    if let Some(run) = c.step("ExecdClient::run_code", ex.run_code(request)).await {
        c.check(
            run.complete && run.result_text().is_some(),
            format!("run_code: the example stream has a result: {run:?}"),
        );
    }
    let events = c
        .step("ExecdClient::run_code_stream", async {
            ex.run_code_stream(CodeRequest::new("print('hi')").language("python"))
                .await?
                .try_collect::<Vec<_>>()
                .await
        })
        .await
        .unwrap_or_default();
    check_events(c, "run_code_stream", &events);
    let execution_id = match events.first() {
        Some(StreamEvent::Init { id, .. }) => id.clone(),
        _ => "exec-contract".into(),
    };
    let mut kinds = Vec::new();
    c.step(
        "ExecdClient::code().try_run_with_handler",
        ex.code()
            .try_run_with_handler("import sys; sys.version", kinds_handler(&mut kinds)),
    )
    .await;
    c.check(
        !kinds.is_empty(),
        "code().try_run_with_handler: the handler saw the events",
    );
    c.step(
        "ExecdClient::interrupt_code",
        ex.interrupt_code(&execution_id),
    )
    .await;
    c.step(
        "ExecdClient::delete_context",
        ex.delete_context(&context_id),
    )
    .await;
    c.step("ExecdClient::delete_contexts", ex.delete_contexts("python"))
        .await;
}

async fn files(c: &Contract, ex: &ExecdClient) {
    let scratch = std::env::temp_dir().join(format!("opensandbox-contract-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let local = scratch.join("local.txt");
    std::fs::write(&local, b"from a local path\n").expect("a local file");

    let chunks: Vec<Result<&'static [u8], std::io::Error>> =
        vec![Ok(b"streamed, "), Ok(b"size unknown\n")];
    c.step(
        "ExecdClient::upload",
        ex.upload([
            UploadFile::from_bytes("/workspace/input.csv", "a,b\n1,2\n")
                .owner("root")
                .group("root")
                .mode(0o644),
            UploadFile::from_path("/workspace/local.txt", &local),
            UploadFile::from_stream(
                "/workspace/streamed.txt",
                futures::stream::iter(chunks),
                None,
            ),
        ]),
    )
    .await;
    check_upload(c, "ExecdClient::upload", 3);
    c.step(
        "ExecdClient::write_file",
        ex.write_file("/workspace/notes.md", "# notes\n"),
    )
    .await;
    check_upload(c, "ExecdClient::write_file", 1);

    let whole = c
        .step("ExecdClient::download", async {
            ex.download("/workspace/input.csv").await?.bytes().await
        })
        .await;
    c.check(
        whole.as_ref().is_some_and(|b| !b.is_empty()),
        "download: the example body arrived",
    );
    let part = c
        .step("ExecdClient::download_range", async {
            ex.download_range("/workspace/input.csv", 0..4)
                .await?
                .bytes()
                .await
        })
        .await;
    c.check(
        part.as_ref().is_some_and(|b| b.len() <= 4),
        format!("download_range: at most the 4 bytes asked for, got {part:?}"),
    );
    let sent_range = c
        .exchanges_of("ExecdClient::download_range")
        .first()
        .and_then(|e| e.request_header("range").map(str::to_owned));
    c.check(
        sent_range.as_deref() == Some("bytes=0-3"),
        format!("download_range: sent Range {sent_range:?}, expected bytes=0-3"),
    );
    c.step(
        "ExecdClient::read_file",
        ex.read_file("/workspace/notes.md"),
    )
    .await;
    let lines = c
        .step(
            "ExecdClient::read_lines",
            ex.read_lines("/workspace/input.csv", LineRange::from_line(2).take(5)),
        )
        .await;
    c.check(
        lines.is_some(),
        "read_lines: the line-based read was answered",
    );
    let sent = c.exchanges_of("ExecdClient::read_lines");
    let sent_query = sent
        .first()
        .and_then(|e| e.query.clone())
        .unwrap_or_default();
    c.check(
        sent_query.contains("offset=2")
            && sent_query.contains("limit=5")
            && sent
                .first()
                .is_some_and(|e| e.request_header("range").is_none()),
        format!("read_lines: sent offset=2&limit=5 without Range, got {sent_query:?}"),
    );
    let copy = scratch.join("copy.csv");
    c.step(
        "ExecdClient::download_to_path",
        ex.download_to_path("/workspace/input.csv", &copy),
    )
    .await;

    c.step(
        "ExecdClient::file_info",
        ex.file_info(["/workspace/input.csv", "/workspace/notes.md"]),
    )
    .await;
    c.step(
        "ExecdClient::set_permissions",
        ex.set_permissions([("/workspace/run.sh", permission(755))]),
    )
    .await;
    c.step(
        "ExecdClient::move_files",
        ex.move_files([("/workspace/notes.md", "/workspace/docs/notes.md")]),
    )
    .await;
    c.step(
        "ExecdClient::search_files",
        ex.search_files("/workspace", Some("**/*.csv")),
    )
    .await;
    c.step(
        "ExecdClient::replace_content",
        ex.replace_content([("/workspace/input.csv", "1,2", "3,4")]),
    )
    .await;
    c.step(
        "ExecdClient::list_directory",
        ex.list_directory("/workspace", Some(2)),
    )
    .await;
    c.step(
        "ExecdClient::create_directories",
        ex.create_directories([("/workspace/out/reports", permission(755))]),
    )
    .await;
    c.step(
        "ExecdClient::delete_files",
        ex.delete_files(["/workspace/input.csv"]),
    )
    .await;
    c.step(
        "ExecdClient::delete_directories",
        ex.delete_directories(["/workspace/out"]),
    )
    .await;
    let _ = std::fs::remove_dir_all(&scratch);
}

/// The recorded upload body: `files` pairs of a `metadata` part (with a filename, JSON,
/// naming a path) followed by a `file` part.
fn check_upload(c: &Contract, label: &str, files: usize) {
    let Some(e) = c.exchanges_of(label).into_iter().next() else {
        c.fail(format!("{label}: no request recorded"));
        return;
    };
    let content_type = e
        .request_header("content-type")
        .unwrap_or_default()
        .to_string();
    let parts = match multipart::parse(&content_type, &e.request_body) {
        Ok(p) => p,
        Err(err) => {
            c.fail(format!("{label}: the multipart body is malformed: {err}"));
            return;
        }
    };
    c.check(
        parts.len() == files * 2,
        format!("{label}: {} parts for {files} files", parts.len()),
    );
    for (i, pair) in parts.chunks(2).enumerate() {
        let [meta, file] = pair else { continue };
        c.check(
            meta.disposition_param("name").as_deref() == Some("metadata")
                && meta.disposition_param("filename").is_some()
                && meta
                    .header("content-type")
                    .is_some_and(|t| t.starts_with("application/json")),
            format!(
                "{label}: part {} is a metadata part with a filename: {:?}",
                2 * i,
                meta.headers
            ),
        );
        let path = serde_json::from_slice::<serde_json::Value>(&meta.body)
            .ok()
            .and_then(|m| m.get("path").and_then(|p| p.as_str()).map(str::to_owned));
        c.check(
            path.is_some_and(|p| p.starts_with('/')),
            format!("{label}: metadata {} names the destination path", 2 * i),
        );
        c.check(
            file.disposition_param("name").as_deref() == Some("file"),
            format!(
                "{label}: part {} is the file part: {:?}",
                2 * i + 1,
                file.headers
            ),
        );
    }
}

async fn metrics(c: &Contract, ex: &ExecdClient) {
    c.step("ExecdClient::metrics", ex.metrics()).await;
    let samples = c
        .step("ExecdClient::watch_metrics", async {
            let stream = ex.watch_metrics().await?;
            Ok::<_, Error>(stream.collect::<Vec<_>>().await)
        })
        .await
        .unwrap_or_default();
    let good = samples.iter().filter(|s| s.is_ok()).count();
    let failures = samples
        .iter()
        .filter(|s| matches!(s, Err(Error::Stream(_))))
        .count();
    c.check(
        good >= 1 && good + failures == samples.len(),
        format!("watch_metrics: samples and reported sampling failures only: {samples:?}"),
    );
    let mut seen = 0;
    let watched = c
        .step("ExecdClient::watch_metrics_with_handler", async {
            match ex
                .watch_metrics_with_handler(|_| {
                    seen += 1;
                    if seen == 2 {
                        Err("enough samples")
                    } else {
                        Ok(())
                    }
                })
                .await
            {
                Err(Error::Handler(_)) | Ok(()) => Ok(()),
                Err(e) => Err(e),
            }
        })
        .await;
    c.check(
        watched.is_none() || seen >= 1,
        "watch_metrics_with_handler: the handler saw samples",
    );
}
