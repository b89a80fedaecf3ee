//! A PTY session through the HTTP proxy the environment names: the WebSocket goes
//! through a `CONNECT` tunnel, like reqwest's HTTP calls go through the proxy.
//!
//! One test in its own binary: it sets `HTTP_PROXY` for the whole process before any
//! thread starts, which no other test may see.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use opensandbox::pty::{AttachOptions, PtyCreateOptions, PtyEvent};
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};
use opensandbox_devserver::DevServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A forward proxy on loopback: `CONNECT host:port` opens a tunnel; any other request
/// (absolute-form `GET http://host:port/…`) is passed on unchanged to that host. Records
/// the request line of each connection.
async fn proxy(listener: TcpListener, seen: Arc<Mutex<Vec<String>>>) {
    while let Ok((mut client, _)) = listener.accept().await {
        let seen = seen.clone();
        tokio::spawn(async move {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                match client.read(&mut byte).await {
                    Ok(1) => head.push(byte[0]),
                    _ => return,
                }
            }
            let text = String::from_utf8_lossy(&head).into_owned();
            let line = text.lines().next().unwrap_or_default().to_owned();
            seen.lock().unwrap().push(line.clone());
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or_default();
            let target = parts.next().unwrap_or_default();
            let authority = if method == "CONNECT" {
                target.to_owned()
            } else {
                target
                    .trim_start_matches("http://")
                    .split('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            };
            let Ok(mut upstream) = TcpStream::connect(authority.as_str()).await else {
                let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
                return;
            };
            if method == "CONNECT" {
                let _ = client
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .await;
            } else if upstream.write_all(&head).await.is_err() {
                return;
            }
            let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
        });
    }
}

#[test]
fn a_pty_attach_goes_through_the_environment_proxy() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy_addr = listener.local_addr().unwrap();
    // SAFETY: set before the runtime or any other thread exists; this binary has one test.
    unsafe {
        std::env::set_var("HTTP_PROXY", format!("http://{proxy_addr}"));
        std::env::remove_var("http_proxy");
        std::env::remove_var("ALL_PROXY");
        std::env::remove_var("all_proxy");
        std::env::remove_var("NO_PROXY");
        std::env::remove_var("no_proxy");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        listener.set_nonblocking(true).unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        tokio::spawn(proxy(
            TcpListener::from_std(listener).unwrap(),
            seen.clone(),
        ));
        let server = DevServer::builder()
            .api_key(Some("k".into()))
            .start()
            .await
            .expect("devserver");
        let config = ConnectionConfig::new()
            .domain(server.domain())
            .api_key("k")
            .options(opensandbox::ClientOptions::new().use_env_proxy(true));
        let run = async {
            let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12"))
                .await
                .expect("create through the proxy");
            let pty = sandbox.pty();
            let id = pty.create(PtyCreateOptions::new()).await.expect("pty");
            let mut term = pty.attach(&id, AttachOptions::new()).await.expect("attach");
            term.write_stdin(b"echo through-the-pro\"\"xy; exit 3\n")
                .await
                .expect("stdin");
            let mut out = String::new();
            let code = loop {
                match term.next_event().await.expect("event") {
                    Some(PtyEvent::Output { data, .. }) => {
                        out.push_str(&String::from_utf8_lossy(&data))
                    }
                    Some(PtyEvent::Exit { code }) => break code,
                    Some(_) => {}
                    None => panic!("the session ended without an exit: {out}"),
                }
            };
            assert!(out.contains("through-the-proxy"), "{out}");
            assert_eq!(code, 3);
            sandbox.kill().await.expect("kill");
        };
        tokio::time::timeout(Duration::from_secs(60), run)
            .await
            .expect("the flow finishes");
        let lines = seen.lock().unwrap().clone();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("CONNECT ") && !l.contains("http://")),
            "the WebSocket went through a CONNECT tunnel: {lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("GET http://") || l.starts_with("POST http://")),
            "HTTP calls went through the proxy too: {lines:?}"
        );
        drop(server);
    });
}
