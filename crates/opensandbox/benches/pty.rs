//! PTY sessions end to end against the in-process development server (a real
//! pseudo-terminal, WebSocket over loopback):
//!
//! - keystroke-to-echo round trip: one byte written to `cat` in a terminal, until the
//!   terminal's echo of it arrives (p50, p99, max);
//! - bulk output throughput: `head -c N` of a repeated line through the terminal (and
//!   through pipes for comparison), until the exit frame.
//!
//! Run with `cargo bench -p opensandbox --bench pty`. `PTY_BENCH_KEYS` sets the number of
//! keystrokes (default 500), `PTY_BENCH_MIB` the bulk size (default 64), `PTY_BENCH_RUNS`
//! the bulk runs per mode (default 3; best and median printed).

use std::time::{Duration, Instant};

use opensandbox::pty::{AttachOptions, PtyCreateOptions, PtyEvent, PtyMode, PtySession};
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};
use opensandbox_devserver::DevServer;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Reads events until `pred` holds for the output seen in this call.
async fn read_until(term: &mut PtySession, pred: impl Fn(&[u8]) -> bool) -> Result<(), BoxError> {
    let mut seen = Vec::new();
    while !pred(&seen) {
        match term.next_event().await? {
            Some(PtyEvent::Output { data, .. }) => seen.extend_from_slice(&data),
            Some(_) | None => return Err("the shell ended early".into()),
        }
    }
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn keystrokes(sandbox: &Sandbox, n: usize) -> Result<(), BoxError> {
    let pty = sandbox.pty();
    let id = pty
        .create(PtyCreateOptions::new().command("exec cat"))
        .await?;
    let mut term = pty.attach(&id, AttachOptions::new()).await?;
    // Warm up: the shell has started once the first echo comes back.
    term.write_stdin(b"w").await?;
    read_until(&mut term, |s| s.contains(&b'w')).await?;
    let keys = b"abcdefghijklmnopqrstuvwxyz";
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let k = keys[i % keys.len()];
        let t = Instant::now();
        term.write_stdin(&[k]).await?;
        read_until(&mut term, |s| s.contains(&k)).await?;
        times.push(t.elapsed());
    }
    pty.delete(&id).await?;
    times.sort();
    println!(
        "keystroke → echo ({n} keys): p50 {:?}  p99 {:?}  max {:?}",
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
    Ok(())
}

async fn bulk(sandbox: &Sandbox, mode: PtyMode, mib: usize, runs: usize) -> Result<(), BoxError> {
    let bytes = mib * 1024 * 1024;
    let mut rates = Vec::new();
    let mut received = 0;
    for _ in 0..runs {
        let pty = sandbox.pty();
        let cmd = format!(
            "yes 'the quick brown fox jumps over the lazy dog 0123456789' | head -c {bytes}"
        );
        let id = pty.create(PtyCreateOptions::new().command(cmd)).await?;
        let t = Instant::now();
        let mut term = pty.attach(&id, AttachOptions::new().mode(mode)).await?;
        received = 0u64;
        loop {
            match term.next_event().await? {
                Some(PtyEvent::Output { data, .. }) => received += data.len() as u64,
                Some(PtyEvent::Exit { .. }) | None => break,
                Some(_) => {}
            }
        }
        let secs = t.elapsed().as_secs_f64();
        rates.push(received as f64 / secs / (1024.0 * 1024.0));
        pty.delete(&id).await?;
    }
    rates.sort_by(|a, b| b.total_cmp(a));
    println!(
        "bulk output, {mode:?} mode ({mib} MiB in, {:.1} MiB received): best {:.0} MiB/s  median {:.0} MiB/s",
        received as f64 / (1024.0 * 1024.0),
        rates[0],
        rates[rates.len() / 2]
    );
    Ok(())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), BoxError> {
    let server = DevServer::builder().start().await?;
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
    let keys = env_usize("PTY_BENCH_KEYS", 500);
    let mib = env_usize("PTY_BENCH_MIB", 64);
    let runs = env_usize("PTY_BENCH_RUNS", 3).max(1);
    keystrokes(&sandbox, keys).await?;
    bulk(&sandbox, PtyMode::Pty, mib, runs).await?;
    bulk(&sandbox, PtyMode::Pipe, mib, runs).await?;
    sandbox.kill().await?;
    server.shutdown().await;
    Ok(())
}
