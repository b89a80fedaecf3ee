//! Sandbox latency against the in-process devserver:
//! - time from `Sandbox::create` returning to the first stdout byte of `echo`;
//! - short commands per second over one `Sandbox` (sequential, and 4 in flight).
//!
//! ```text
//! cargo bench -p opensandbox --bench sandbox
//! ```

use std::time::{Duration, Instant};

use futures::StreamExt;
use opensandbox::stream::StreamEvent;
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const FIRST_BYTE_ROUNDS: usize = 10;
const COMMANDS: usize = 200;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let server = opensandbox_devserver::DevServer::builder().start().await?;
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .api_key("")
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));

    // Time to first stdout byte after create returns (a new sandbox each round).
    let mut first_byte = Vec::new();
    let mut create = Vec::new();
    for _ in 0..FIRST_BYTE_ROUNDS {
        let t0 = Instant::now();
        let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
        create.push(t0.elapsed());
        let t1 = Instant::now();
        let mut events = sandbox.commands().run_stream("echo hi").await?;
        while let Some(ev) = events.next().await {
            if let StreamEvent::Stdout { .. } = ev? {
                first_byte.push(t1.elapsed());
                break;
            }
        }
        drop(events);
        sandbox.kill().await?;
    }
    report(
        "Sandbox::create (until Running and execd answers)",
        &mut create,
    );
    report(
        "create returned → first stdout byte of `echo hi`",
        &mut first_byte,
    );

    // Commands per second over one sandbox.
    let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
    sandbox.commands().run("true").await?; // warm-up
    let t0 = Instant::now();
    let mut latencies = Vec::with_capacity(COMMANDS);
    for _ in 0..COMMANDS {
        let t = Instant::now();
        let run = sandbox.commands().run("echo x").await?;
        latencies.push(t.elapsed());
        assert_eq!(run.stdout, "x\n");
    }
    let elapsed = t0.elapsed();
    println!(
        "sequential `echo x`: {COMMANDS} commands in {elapsed:.2?} = {:.0} commands/s",
        COMMANDS as f64 / elapsed.as_secs_f64()
    );
    report("  per command (call → Execution)", &mut latencies);

    let t0 = Instant::now();
    let commands = sandbox.commands();
    let results: Vec<_> = futures::stream::iter(0..COMMANDS)
        .map(|_| commands.run("echo x"))
        .buffer_unordered(4)
        .collect()
        .await;
    let elapsed = t0.elapsed();
    for r in results {
        assert_eq!(r?.stdout, "x\n");
    }
    println!(
        "4 in flight `echo x`: {COMMANDS} commands in {elapsed:.2?} = {:.0} commands/s",
        COMMANDS as f64 / elapsed.as_secs_f64()
    );

    sandbox.kill().await?;
    server.shutdown().await;
    Ok(())
}

fn report(what: &str, samples: &mut [Duration]) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let max = samples[samples.len() - 1];
    let min = samples[0];
    println!(
        "{what}: median {median:.2?}, min {min:.2?}, max {max:.2?} ({} samples)",
        samples.len()
    );
}
