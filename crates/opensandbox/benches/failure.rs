//! How fast and how cheaply the SDK fails against servers that misbehave:
//!
//! - time from a server that accepts a connection and never answers headers to the
//!   error, for a unary call and a stream, with the default limits and a configured one;
//! - peak memory (VmHWM) while a server answers an error with a 1 GiB body.
//!
//! ```text
//! cargo bench -p opensandbox --bench failure            # all (the defaults take ~90 s)
//! cargo bench -p opensandbox --bench failure -- quick   # configured limits and memory only
//! ```

use std::time::{Duration, Instant};

use opensandbox::ClientOptions;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::lifecycle::LifecycleClient;
use opensandbox::transport::tls::TransportConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A server that accepts and reads, and never answers.
async fn silent() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                while matches!(sock.read(&mut buf).await, Ok(n) if n > 0) {}
            });
        }
    });
    url
}

/// A server that answers 500 with a 1 GiB body, as fast as the socket takes it.
async fn huge_error() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let head = "HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain\r\ncontent-length: 1073741824\r\n\r\n";
                if sock.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b'x'; 1024 * 1024];
                for _ in 0..1024 {
                    if sock.write_all(&chunk).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

fn options(limit: Option<Duration>) -> ClientOptions {
    let o = ClientOptions::new().transport(TransportConfig::new().use_env_proxy(false));
    match limit {
        Some(d) => o.request_timeout(d).stream_idle_timeout(d),
        None => o,
    }
}

async fn time_to_error(url: &str, limit: Option<Duration>) -> (Duration, Duration) {
    let lc =
        LifecycleClient::with_options(&format!("{url}/v1"), "k", options(limit)).expect("client");
    let t = Instant::now();
    let err = lc.get_sandbox("sbx-1").await.expect_err("no answer");
    let unary = t.elapsed();
    println!("    unary: {err}");
    let ex = ExecdClient::with_options(url, "t", options(limit)).expect("client");
    let t = Instant::now();
    let err = ex.run_command("echo hi").await.expect_err("no answer");
    let stream = t.elapsed();
    println!("    stream: {err}");
    (unary, stream)
}

fn vmhwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let url = silent().await;
    let configured = Duration::from_secs(2);
    println!("server that never answers headers, limits set to {configured:?}:");
    let (u, s) = time_to_error(&url, Some(configured)).await;
    println!("  unary call → error in {u:.2?}; command stream → error in {s:.2?}");
    if !quick {
        println!("server that never answers headers, default limits:");
        let (u, s) = time_to_error(&url, None).await;
        println!("  unary call → error in {u:.2?}; command stream → error in {s:.2?}");
    }

    let url = huge_error().await;
    let before = vmhwm_kib();
    let lc =
        LifecycleClient::with_options(&format!("{url}/v1"), "k", options(None)).expect("client");
    let t = Instant::now();
    let err = lc.get_sandbox("sbx-1").await.expect_err("an error status");
    let kept = err.api().map(|a| a.body.len()).unwrap_or(0);
    println!(
        "1 GiB error body: error in {:.2?}, {kept} bytes kept, peak RSS {} MiB (before {} MiB)",
        t.elapsed(),
        vmhwm_kib() / 1024,
        before / 1024
    );
}
