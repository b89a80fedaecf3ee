//! End-to-end: the facade's flows against the development server, with real processes.
//! Every wait is on a state or an event, bounded by a deadline; nothing sleeps blindly.

use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt;
use opensandbox::NetworkPolicy;
use opensandbox::api::execd::UploadFile;
use opensandbox::stream::StreamEvent;
use opensandbox::vault::{Binding, Credential, CredentialVault, CredentialVaultPatch};
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};
use opensandbox_devserver::DevServer;

/// A devserver with an API key, and a config that reaches it.
async fn server() -> (DevServer, ConnectionConfig) {
    let key = "e2e-key".to_string();
    let server = DevServer::builder()
        .api_key(Some(key.clone()))
        .start()
        .await
        .expect("devserver starts");
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .api_key(key)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    (server, config)
}

fn options() -> SandboxCreateOptions {
    SandboxCreateOptions::new("python:3.12")
        .cpu("1")
        .memory("1Gi")
}

/// Bounds a future: a hang fails the test instead of blocking the suite.
async fn within<T>(what: &str, secs: u64, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(secs), f)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within {secs} s"))
}

/// Polls the sandbox's state until it is `state` (bounded by the caller's `within`).
async fn wait_for_state(sandbox: &Sandbox, state: &str) {
    loop {
        let info = sandbox.info().await.expect("info");
        if info.state.as_str() == state {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Deterministic content of `len` bytes, produced in chunks.
fn pattern_chunk(offset: u64, len: usize) -> Vec<u8> {
    (0..len as u64)
        .map(|i| {
            let x = offset + i;
            (x.wrapping_mul(2654435761) >> 13) as u8
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_flow_create_run_follow_files_pause_renew_vault_delete() {
    let (server, config) = server().await;
    let sandbox = within(
        "create",
        60,
        Sandbox::create(
            &config,
            options()
                .metadata("suite", "e2e")
                .credential_proxy(true)
                .network_policy(NetworkPolicy::deny_by_default().allow("api.example.com")),
        ),
    )
    .await
    .expect("sandbox created and ready");
    let info = sandbox.info().await.expect("info");
    assert_eq!(info.state, opensandbox::SandboxState::Running);
    assert_eq!(info.metadata.get("suite").map(String::as_str), Some("e2e"));

    // Streamed: init first, output in order, ends at the terminal event.
    let mut events = within(
        "stream",
        30,
        sandbox
            .commands()
            .run_stream("echo one; echo two >&2; echo three"),
    )
    .await
    .expect("stream starts");
    let mut kinds = Vec::new();
    let mut stdout = String::new();
    while let Some(ev) = within("event", 30, events.next()).await {
        let ev = ev.expect("event");
        if let StreamEvent::Stdout { text, .. } = &ev {
            stdout.push_str(text);
        }
        kinds.push(ev.kind().to_string());
    }
    assert_eq!(kinds.first().map(String::as_str), Some("init"), "{kinds:?}");
    assert_eq!(
        kinds.last().map(String::as_str),
        Some("execution_complete"),
        "{kinds:?}"
    );
    assert_eq!(stdout, "one\nthree\n");

    // Aggregated, with exit codes.
    let ok = sandbox
        .commands()
        .run("printf 'a\\nb\\n'; echo err >&2")
        .await
        .expect("run");
    assert_eq!(ok.stdout, "a\nb\n");
    assert_eq!(ok.stderr, "err\n");
    assert_eq!(ok.exit_code, Some(0));
    let failed = sandbox.commands().run("exit 7").await.expect("run");
    assert_eq!(failed.exit_code, Some(7));
    assert_eq!(
        failed.error.as_ref().map(|e| e.ename.as_str()),
        Some("CommandExecError")
    );

    // Background + follow: every line exactly once, then the exit status.
    let bg = sandbox
        .commands()
        .background("for i in $(seq 1 200); do echo line-$i; done; sleep 0.3; echo last; exit 4")
        .await
        .expect("background starts");
    let mut followed = Vec::new();
    let mut follow = bg.follow();
    while let Some(chunk) = within("follow", 60, follow.next()).await {
        followed.extend_from_slice(&chunk.expect("follow chunk"));
    }
    let mut expected: String = (1..=200).map(|i| format!("line-{i}\n")).collect();
    expected.push_str("last\n");
    assert_eq!(String::from_utf8_lossy(&followed), expected);
    let status = within("wait", 30, bg.wait()).await.expect("wait");
    assert_eq!(status.exit_code, Some(4));

    // Files: a 100 MiB round trip, streamed both ways.
    const SIZE: u64 = 100 * 1024 * 1024;
    const CHUNK: usize = 1024 * 1024;
    let chunks = futures::stream::iter(
        (0..SIZE / CHUNK as u64)
            .map(|i| Ok::<_, std::io::Error>(Bytes::from(pattern_chunk(i * CHUNK as u64, CHUNK)))),
    );
    within(
        "upload",
        120,
        sandbox
            .files()
            .upload([UploadFile::from_stream("big/data.bin", chunks, Some(SIZE))]),
    )
    .await
    .expect("100 MiB upload");
    let info = sandbox
        .files()
        .info(["big/data.bin"])
        .await
        .expect("file info");
    assert_eq!(info.values().next().and_then(|f| f.size), Some(SIZE as u64));
    let mut download = sandbox
        .files()
        .download("big/data.bin")
        .await
        .expect("download");
    let mut offset = 0u64;
    while let Some(chunk) = within("download chunk", 60, download.next()).await {
        let chunk = chunk.expect("chunk");
        assert_eq!(
            chunk.as_ref(),
            pattern_chunk(offset, chunk.len()).as_slice(),
            "bytes at {offset}"
        );
        offset += chunk.len() as u64;
    }
    assert_eq!(offset, SIZE, "every byte came back");
    let range = sandbox
        .files()
        .download_range("big/data.bin", 1000..2000)
        .await
        .expect("range")
        .bytes()
        .await
        .expect("range bytes");
    assert_eq!(range.as_ref(), pattern_chunk(1000, 1000).as_slice());

    // Pause and resume: states move, commands work afterwards.
    sandbox.pause().await.expect("pause");
    within("paused state", 30, wait_for_state(&sandbox, "Paused")).await;
    within("resume", 60, sandbox.resume())
        .await
        .expect("resume");
    assert_eq!(
        sandbox.info().await.expect("info").state.as_str(),
        "Running"
    );
    let after = sandbox
        .commands()
        .run("echo back")
        .await
        .expect("run after resume");
    assert_eq!(after.stdout, "back\n");

    // Renew.
    let before = chrono::Utc::now();
    let expires = sandbox
        .renew(Duration::from_secs(3600))
        .await
        .expect("renew");
    assert!(
        expires > before + chrono::Duration::minutes(50),
        "{expires}"
    );

    // Credential vault, with a revision conflict.
    let state = sandbox
        .vault()
        .create(
            CredentialVault::new()
                .credential(Credential::inline("api-token", "s3cr3t-value"))
                .binding(
                    Binding::new("api-token")
                        .https()
                        .host("api.example.com")
                        .api_key_header("x-api-key"),
                ),
        )
        .await
        .expect("vault created");
    let stale = state.revision;
    sandbox
        .vault()
        .patch(
            CredentialVaultPatch::at_revision(stale)
                .replace_credential(Credential::inline("api-token", "rotated")),
        )
        .await
        .expect("first patch applies");
    let conflict = sandbox
        .vault()
        .patch(
            CredentialVaultPatch::at_revision(stale)
                .replace_credential(Credential::inline("api-token", "again")),
        )
        .await
        .expect_err("a stale revision is refused");
    assert!(conflict.is_conflict(), "{conflict}");
    assert!(
        !conflict.to_string().contains("again"),
        "no secret in errors"
    );
    let listed = format!(
        "{:?}",
        sandbox.vault().credentials().await.expect("credentials")
    );
    assert!(
        !listed.contains("s3cr3t") && !listed.contains("rotated"),
        "reads are sanitized"
    );

    // Delete: the sandbox goes through `Stopping` (or straight) to gone.
    let id = sandbox.id().to_string();
    sandbox.kill().await.expect("delete");
    let lifecycle = config.lifecycle_client().expect("client");
    within("deletion", 30, async {
        loop {
            match lifecycle.get_sandbox(&id).await {
                Err(e) if e.is_not_found() => return,
                Ok(s) => assert_eq!(s.status.state.as_str(), "Stopping", "after delete"),
                Err(e) => panic!("unexpected error after delete: {e}"),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_command_longer_than_the_unary_timeout_streams_to_the_end() {
    let (server, config) = server().await;
    let config = config.options(
        opensandbox::ClientOptions::new()
            .use_env_proxy(false)
            .request_timeout(Duration::from_secs(1)),
    );
    let sandbox = Sandbox::create(&config, options()).await.expect("sandbox");
    let run = within(
        "long command",
        60,
        sandbox.commands().run("echo start; sleep 2.5; echo end"),
    )
    .await
    .expect("a stream is not bound by the unary timeout");
    assert_eq!(run.stdout, "start\nend\n");
    assert_eq!(run.exit_code, Some(0));
    sandbox.kill().await.expect("delete");
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupt_stops_a_running_command() {
    let (server, config) = server().await;
    let sandbox = Sandbox::create(&config, options()).await.expect("sandbox");
    let bg = sandbox
        .commands()
        .background("echo started; sleep 300; echo never")
        .await
        .expect("background");
    // Wait until it really runs: its first output arrived.
    let mut follow = bg.follow();
    let first = within("first output", 30, follow.next())
        .await
        .expect("output")
        .expect("chunk");
    assert!(String::from_utf8_lossy(&first).contains("started"));
    bg.interrupt().await.expect("interrupt");
    let status = within("exit after interrupt", 30, bg.wait())
        .await
        .expect("wait");
    assert!(!status.success(), "{status:?}");
    let logs = bg.logs(None).await.expect("logs");
    assert!(!logs.text().contains("never"));
    sandbox.kill().await.expect("delete");
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_lines_selects_lines_on_the_devserver() {
    use opensandbox::api::execd::LineRange;
    let (_server, config) = server().await;
    let sandbox = within("create", 60, Sandbox::create(&config, options()))
        .await
        .expect("create");
    let text: String = (1..=50).map(|i| format!("line {i}\n")).collect();
    let files = sandbox.files();
    within("write", 30, files.write("lines.txt", text.clone()))
        .await
        .expect("write");
    let page = within(
        "read_lines",
        30,
        files.read_lines("lines.txt", LineRange::from_line(10).take(3)),
    )
    .await
    .expect("read_lines");
    assert_eq!(page, "line 10\nline 11\nline 12\n");
    let head = within(
        "head",
        30,
        files.read_lines("lines.txt", LineRange::first(2)),
    )
    .await
    .expect("head");
    assert_eq!(head, "line 1\nline 2\n");
    let tail = within(
        "tail",
        30,
        files.read_lines("lines.txt", LineRange::from_line(49)),
    )
    .await
    .expect("tail");
    assert_eq!(tail, "line 49\nline 50\n");
    let past = within(
        "past the end",
        30,
        files.read_lines("lines.txt", LineRange::from_line(51).take(5)),
    )
    .await
    .expect("past the end");
    assert_eq!(past, "");
    // Line 0 and an empty range are refused before anything is sent.
    for bad in [LineRange::from_line(0), LineRange::first(0)] {
        match files.read_lines("lines.txt", bad).await {
            Err(opensandbox::Error::InvalidInput(m)) => assert!(m.contains("line"), "{m}"),
            other => panic!("expected InvalidInput for {bad:?}, got {other:?}"),
        }
    }
    let missing = within(
        "missing",
        30,
        files.read_lines("no-such-file.txt", LineRange::first(1)),
    )
    .await
    .expect_err("missing file");
    assert!(missing.is_not_found(), "{missing:?}");
    within("kill", 30, sandbox.kill()).await.expect("kill");
}
