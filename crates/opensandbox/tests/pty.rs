//! PTY sessions and sandbox ports against the in-process development server (real
//! pseudo-terminals and processes). Every wait is bounded by a deadline.

use std::sync::Arc;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use opensandbox::pty::{
    AttachOptions, PtyCreateOptions, PtyError, PtyEvent, PtyMode, PtySession, PtyStreamKind,
};
use opensandbox::{ConnectionConfig, Error, Sandbox, SandboxCreateOptions};
use opensandbox_devserver::DevServer;
use tokio::io::AsyncReadExt;
use tokio_tungstenite::tungstenite::Message;

/// A devserver with an API key, and a config that reaches it.
async fn devserver() -> (DevServer, ConnectionConfig) {
    let key = "pty-key".to_string();
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

async fn setup() -> (DevServer, Sandbox) {
    let (server, config) = devserver().await;
    let sandbox = within(
        "create",
        60,
        Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")),
    )
    .await
    .expect("sandbox");
    (server, sandbox)
}

/// Bounds a future: a hang fails the test instead of blocking the suite.
async fn within<T>(what: &str, secs: u64, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(secs), f)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within {secs} s"))
}

/// Output so far, by stream.
#[derive(Default)]
struct Seen {
    all: String,
    stdout: String,
    stderr: String,
    exit: Option<i32>,
}

/// Reads events until `done(seen)` holds (or the shell exits).
async fn read_until(term: &mut PtySession, seen: &mut Seen, done: impl Fn(&Seen) -> bool) {
    while !done(seen) {
        match term.next_event().await.expect("event") {
            Some(PtyEvent::Output { stream, data, .. }) => {
                let text = String::from_utf8_lossy(&data);
                seen.all.push_str(&text);
                match stream {
                    PtyStreamKind::Stderr => seen.stderr.push_str(&text),
                    _ => seen.stdout.push_str(&text),
                }
            }
            Some(PtyEvent::Exit { code }) => seen.exit = Some(code),
            Some(_) => {}
            None => return,
        }
    }
}

/// A marker the shell prints but the terminal's echo of the typed line does not contain.
fn marker(name: &str) -> (String, String) {
    let (a, b) = name.split_at(2);
    (format!("echo {a}\"\"{b}"), name.to_owned())
}

async fn attach_new(
    sandbox: &Sandbox,
    create: PtyCreateOptions,
    attach: AttachOptions,
) -> (String, PtySession) {
    let pty = sandbox.pty();
    let id = pty.create(create).await.expect("create pty");
    let term = pty.attach(&id, attach).await.expect("attach");
    (id, term)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tty_is_a_device_in_pty_mode_and_not_in_pipe_mode() {
    let (_server, sandbox) = setup().await;
    within("pty and pipe", 30, async {
        let (cmd, done) = marker("__DONE");
        let (_, mut term) =
            attach_new(&sandbox, PtyCreateOptions::new(), AttachOptions::new()).await;
        assert_eq!(term.mode(), PtyMode::Pty);
        term.write_stdin(format!("tty; {cmd}\n").as_bytes())
            .await
            .unwrap();
        let mut seen = Seen::default();
        read_until(&mut term, &mut seen, |s| s.all.contains(&done)).await;
        assert!(seen.all.contains("/dev/pts/"), "{:?}", seen.all);

        let (_, mut pipe) = attach_new(
            &sandbox,
            PtyCreateOptions::new(),
            AttachOptions::new().mode(PtyMode::Pipe),
        )
        .await;
        assert_eq!(pipe.mode(), PtyMode::Pipe);
        pipe.write_stdin(format!("tty; {cmd}\n").as_bytes())
            .await
            .unwrap();
        let mut seen = Seen::default();
        read_until(&mut pipe, &mut seen, |s| s.stdout.contains(&done)).await;
        assert!(seen.stdout.contains("not a tty"), "{:?}", seen.stdout);
        assert!(!seen.all.contains("/dev/"), "{:?}", seen.all);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resize_sets_the_terminal_size() {
    let (_server, sandbox) = setup().await;
    within("resize", 30, async {
        let (_, mut term) =
            attach_new(&sandbox, PtyCreateOptions::new(), AttachOptions::new()).await;
        term.resize(120, 40).await.unwrap();
        let (cmd, done) = marker("__SIZED");
        term.write_stdin(format!("stty size; {cmd}\n").as_bytes())
            .await
            .unwrap();
        let mut seen = Seen::default();
        read_until(&mut term, &mut seen, |s| s.all.contains(&done)).await;
        assert!(seen.all.contains("40 120"), "{:?}", seen.all);
        assert!(term.resize(0, 10).await.is_err());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipe_mode_separates_stderr() {
    let (_server, sandbox) = setup().await;
    within("pipe", 30, async {
        let (_, mut term) = attach_new(
            &sandbox,
            PtyCreateOptions::new().command("echo to-out; echo to-err >&2; exit 3"),
            AttachOptions::new().mode(PtyMode::Pipe),
        )
        .await;
        let mut seen = Seen::default();
        read_until(&mut term, &mut seen, |s| s.exit.is_some()).await;
        assert_eq!(seen.stdout, "to-out\n");
        assert_eq!(seen.stderr, "to-err\n");
        assert_eq!(seen.exit, Some(3));
        assert_eq!(term.exit_code(), Some(3));
        assert_eq!(term.next_event().await.unwrap(), None);
    })
    .await;
}

async fn interrupts_sleep(by_signal: bool) {
    let (_server, sandbox) = setup().await;
    within("ctrl-c", 25, async {
        let (_, mut term) =
            attach_new(&sandbox, PtyCreateOptions::new(), AttachOptions::new()).await;
        let (start, started) = marker("__STARTED");
        term.write_stdin(format!("{start}; sleep 60; echo slept\n").as_bytes())
            .await
            .unwrap();
        let mut seen = Seen::default();
        read_until(&mut term, &mut seen, |s| s.all.contains(&started)).await;
        // Let `sleep` become the foreground job.
        tokio::time::sleep(Duration::from_millis(300)).await;
        if by_signal {
            term.signal("SIGINT").await.unwrap();
        } else {
            term.write_stdin(&[0x03]).await.unwrap();
        }
        let (after, done) = marker("__AFTER");
        term.write_stdin(format!("{after}\n").as_bytes())
            .await
            .unwrap();
        read_until(&mut term, &mut seen, |s| s.all.contains(&done)).await;
        assert!(!seen.all.contains("\nslept"), "{:?}", seen.all);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signal_sigint_interrupts_sleep() {
    interrupts_sleep(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_byte_interrupts_sleep() {
    interrupts_sleep(false).await;
}

fn seq(n: u32) -> String {
    (1..=n).map(|i| format!("{i}\n")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_connection_resumes_without_loss_or_duplicates() {
    let (_server, sandbox) = setup().await;
    let expected = seq(200_000);
    within("seq", 60, async {
        let (id, mut term) = attach_new(
            &sandbox,
            PtyCreateOptions::new().command("seq 1 200000"),
            AttachOptions::new().mode(PtyMode::Pipe).since(0),
        )
        .await;
        let mut got: Vec<u8> = Vec::new();
        // Past the first 1 MiB window's reach, then drop the socket by reattaching.
        let mut drops = 0;
        loop {
            match term.next_event().await.expect("event") {
                Some(PtyEvent::Output { offset, data, .. }) => {
                    assert_eq!(offset, got.len() as u64, "offsets are contiguous");
                    got.extend_from_slice(&data);
                }
                Some(PtyEvent::Exit { code }) => {
                    assert_eq!(code, 0);
                    break;
                }
                Some(_) => {}
                None => break,
            }
            if drops == 0 && got.len() > 400_000 {
                drops += 1;
                term.reattach().await.expect("reattach");
            } else if drops == 1 && got.len() > 800_000 {
                // A whole new client: drop everything, attach with `since`.
                drops += 1;
                let since = term.offset();
                drop(term);
                term = sandbox
                    .pty()
                    .attach(
                        &id,
                        AttachOptions::new()
                            .mode(PtyMode::Pipe)
                            .since(since)
                            .takeover(true),
                    )
                    .await
                    .expect("attach with since");
            }
        }
        assert_eq!(drops, 2, "both reconnects happened mid-output");
        assert_eq!(got.len(), expected.len());
        assert!(
            got == expected.as_bytes(),
            "concatenated output is exactly seq's"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn output_past_the_replay_window_is_a_typed_gap() {
    let (_server, sandbox) = setup().await;
    let expected = seq(200_000);
    within("gap", 60, async {
        let pty = sandbox.pty();
        let (id, term) = attach_new(
            &sandbox,
            PtyCreateOptions::new().command("seq 1 200000"),
            AttachOptions::new().mode(PtyMode::Pipe),
        )
        .await;
        drop(term);
        // The shell starts on the attach and runs on without a connection.
        let status = loop {
            let s = pty.status(&id).await.expect("status");
            if !s.running && s.output_offset > 0 {
                break s;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(status.output_offset, expected.len() as u64);
        let mut term = pty
            .attach(&id, AttachOptions::new().since(0))
            .await
            .expect("attach");
        let oldest = expected.len() as u64 - opensandbox::pty::REPLAY_WINDOW;
        match term.next_event().await {
            Err(Error::Pty(e)) => match *e {
                PtyError::ReplayGap {
                    requested,
                    resumed_at,
                    lost,
                    ..
                } => {
                    assert_eq!((requested, resumed_at, lost), (0, oldest, oldest));
                }
                other => panic!("expected a replay gap, got {other:?}"),
            },
            other => panic!("expected a replay gap, got {other:?}"),
        }
        // What the server still had follows, then the exit code.
        let mut rest = Vec::new();
        term.read_to_end(&mut rest).await.expect("read the rest");
        assert!(
            rest == expected.as_bytes()[oldest as usize..],
            "the kept tail"
        );
        assert_eq!(term.exit_code(), Some(0));
        pty.delete(&id).await.expect("delete");
        assert!(pty.status(&id).await.unwrap_err().is_not_found());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn second_attach_is_refused_and_takeover_evicts_the_first() {
    let (_server, sandbox) = setup().await;
    within("takeover", 30, async {
        let (id, mut first) =
            attach_new(&sandbox, PtyCreateOptions::new(), AttachOptions::new()).await;
        let pty = sandbox.pty();
        match pty.attach(&id, AttachOptions::new()).await {
            Err(Error::Pty(e)) => assert!(
                matches!(*e, PtyError::AlreadyAttached { ref session_id } if *session_id == id),
                "{e:?}"
            ),
            other => panic!("expected AlreadyAttached, got {other:?}"),
        }
        assert!(
            pty.attach(&id, AttachOptions::new())
                .await
                .unwrap_err()
                .is_conflict()
        );
        let mut second = pty
            .attach(&id, AttachOptions::new().takeover(true))
            .await
            .expect("takeover");
        let evicted = loop {
            match first.next_event().await {
                Ok(Some(_)) => continue,
                other => break other,
            }
        };
        match evicted {
            Err(Error::Pty(e)) => assert!(matches!(*e, PtyError::TakenOver { .. }), "{e:?}"),
            other => panic!("expected TakenOver, got {other:?}"),
        }
        // The new connection works.
        second.write_stdin(b"exit 7\n").await.unwrap();
        let mut seen = Seen::default();
        read_until(&mut second, &mut seen, |s| s.exit.is_some()).await;
        assert_eq!(seen.exit, Some(7));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_code_arrives() {
    let (_server, sandbox) = setup().await;
    within("exit", 30, async {
        let (id, mut term) =
            attach_new(&sandbox, PtyCreateOptions::new(), AttachOptions::new()).await;
        // Through tokio's AsyncWrite.
        tokio::io::AsyncWriteExt::write_all(&mut term, b"exit 7\n")
            .await
            .unwrap();
        let mut seen = Seen::default();
        read_until(&mut term, &mut seen, |s| s.exit.is_some()).await;
        assert_eq!(seen.exit, Some(7));
        let status = sandbox.pty().status(&id).await.unwrap();
        assert!(!status.running);
        assert_eq!(status.output_offset, term.offset());
    })
    .await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn port_reaches_an_http_server_inside_the_sandbox() {
    let (_server, sandbox) = setup().await;
    within("port http", 40, async {
        sandbox
            .files()
            .write("hello.txt", "hello from the sandbox\n")
            .await
            .expect("write file");
        let p = free_port();
        sandbox
            .commands()
            .background(format!("exec python3 -m http.server {p} --bind 127.0.0.1"))
            .await
            .expect("start server");
        let port = sandbox.port(p);
        assert!(port.base_url().ends_with(&format!("/proxy/{p}")));
        let client = port.client().expect("client");
        let body = loop {
            match client.get(port.url("/hello.txt")).send().await {
                Ok(r) if r.status().is_success() => break r.text().await.expect("body"),
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        assert_eq!(body, "hello from the sandbox\n");
        // Without the headers, execd refuses.
        let bare = reqwest::Client::new()
            .get(port.url("/hello.txt"))
            .send()
            .await
            .unwrap();
        assert_eq!(bare.status(), 401);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn port_websocket_echo() {
    let (_server, sandbox) = setup().await;
    within("port websocket", 30, async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let p = listener.local_addr().unwrap().port();
        let echo = tokio::spawn(async move {
            let (tcp, _) = listener.accept().await.unwrap();
            let mut ws = tokio_tungstenite::accept_async(tcp).await.unwrap();
            while let Some(Ok(msg)) = ws.next().await {
                if msg.is_text() || msg.is_binary() {
                    ws.send(msg).await.unwrap();
                }
            }
        });
        let mut ws = sandbox.port(p).websocket("/echo").await.expect("websocket");
        ws.send(Message::Text("ping through the proxy".into()))
            .await
            .unwrap();
        let back = ws.next().await.expect("a reply").expect("no error");
        assert_eq!(back, Message::Text("ping through the proxy".into()));
        ws.send(Message::Binary(vec![0u8, 1, 2, 255].into()))
            .await
            .unwrap();
        let back = ws.next().await.expect("a reply").expect("no error");
        assert_eq!(back, Message::Binary(vec![0u8, 1, 2, 255].into()));
        ws.close(None).await.unwrap();
        echo.abort();
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_that_falls_far_behind_is_dropped_and_told_what_it_lost() {
    let (_server, sandbox) = setup().await;
    const TOTAL: u64 = 40_000_000;
    within("slow reader", 60, async {
        let pty = sandbox.pty();
        let (id, mut term) = attach_new(
            &sandbox,
            PtyCreateOptions::new().command(format!("yes abcdefghi | head -c {TOTAL}")),
            AttachOptions::new().mode(PtyMode::Pipe),
        )
        .await;
        // Read nothing while the shell writes everything (it is never slowed down).
        loop {
            let s = pty.status(&id).await.expect("status");
            if !s.running && s.output_offset == TOTAL {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // What was delivered before the drop is intact; then a transient error.
        let dropped = loop {
            match term.next_event().await {
                Ok(Some(PtyEvent::Output { data, .. })) => {
                    assert!(data.iter().all(|b| b"abcdefghi\n".contains(b)));
                }
                Ok(other) => panic!("expected the connection to be dropped, got {other:?}"),
                Err(e) => break e,
            }
        };
        assert!(dropped.is_transient(), "{dropped:?}");
        assert!(dropped.to_string().contains("SLOW_CONSUMER"), "{dropped}");
        let seen = term.offset();
        assert!(seen < TOTAL - opensandbox::pty::REPLAY_WINDOW);
        term.reattach().await.expect("reattach");
        match term.next_event().await {
            Err(Error::Pty(e)) => match *e {
                PtyError::ReplayGap {
                    requested,
                    resumed_at,
                    lost,
                } => {
                    assert_eq!(requested, seen);
                    assert_eq!(resumed_at, TOTAL - opensandbox::pty::REPLAY_WINDOW);
                    assert_eq!(lost, resumed_at - seen);
                }
                other => panic!("expected a replay gap, got {other:?}"),
            },
            other => panic!("expected a replay gap, got {other:?}"),
        }
        let mut rest = Vec::new();
        term.read_to_end(&mut rest).await.expect("rest");
        assert_eq!(rest.len() as u64, opensandbox::pty::REPLAY_WINDOW);
        assert_eq!(term.offset(), TOTAL);
        assert_eq!(term.exit_code(), Some(0));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_proxy_urls_and_the_host_rewrite_reach_the_terminal() {
    let (_server, base) = devserver().await;
    let configs = [
        ("server proxy", base.clone().server_proxy(true)),
        (
            "host rewrite",
            base.clone()
                .endpoint_host_rewrite(|h| h.replace("127.0.0.1", "localhost")),
        ),
    ];
    for (what, config) in configs {
        within(what, 60, async {
            let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12"))
                .await
                .expect("sandbox");
            let base_url = sandbox.execd().base_url().to_owned();
            match what {
                "server proxy" => assert!(base_url.contains("/sandboxes/"), "{base_url}"),
                _ => assert!(base_url.contains("localhost"), "{base_url}"),
            }
            let (_, mut term) = attach_new(
                &sandbox,
                PtyCreateOptions::new().command("exit 4"),
                AttachOptions::new(),
            )
            .await;
            let mut seen = Seen::default();
            read_until(&mut term, &mut seen, |s| s.exit.is_some()).await;
            assert_eq!(seen.exit, Some(4), "{what}");
            // Bad input is a clear error, not a hang or a panic.
            let err = sandbox
                .pty()
                .create(PtyCreateOptions::new().cwd("/no/such/dir"))
                .await
                .unwrap_err();
            assert_eq!(
                err.status(),
                Some(reqwest::StatusCode::BAD_REQUEST),
                "{err}"
            );
            assert!(sandbox.pty().status("").await.is_err());
            sandbox.kill().await.expect("kill");
        })
        .await;
    }
}

/// A server that answers every request with `status` and `location`, counting requests.
async fn redirector(status: u16, location: String) -> (u16, Arc<std::sync::atomic::AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let location = location.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let answer = format!(
                    "HTTP/1.1 {status} Moved\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                );
                let _ = tokio::io::AsyncWriteExt::write_all(&mut sock, answer.as_bytes()).await;
            });
        }
    });
    (port, hits)
}

/// The port client follows redirects within the sandbox port only: a redirect to
/// another address is returned to the caller, and the execd token never goes there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn port_client_does_not_follow_redirects_to_other_origins() {
    let (_server, sandbox) = setup().await;
    within("port redirect", 30, async {
        let (elsewhere, elsewhere_hits) = redirector(200, String::new()).await;
        let (p, _) = redirector(302, format!("http://127.0.0.1:{elsewhere}/steal")).await;
        let port = sandbox.port(p);
        let client = port.client().expect("client");
        let resp = client.get(port.url("/go")).send().await.expect("answer");
        assert_eq!(resp.status(), 302, "the redirect is handed to the caller");
        assert_eq!(
            elsewhere_hits.load(std::sync::atomic::Ordering::SeqCst),
            0,
            "nothing reached the other origin"
        );
    })
    .await;
}
