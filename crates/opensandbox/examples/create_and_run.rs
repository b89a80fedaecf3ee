//! Create a sandbox, run commands (collected, streamed, with a handler, in a session),
//! run code, read metrics, then kill it.
//!
//! ```text
//! cargo run -p opensandbox --example create_and_run
//! ```
//!
//! With `OPEN_SANDBOX_DOMAIN` set (and `OPEN_SANDBOX_API_KEY`, `OPEN_SANDBOX_PROTOCOL`
//! as needed) it talks to that server; otherwise it starts the local devserver
//! in-process (no isolation: commands run on this machine). `OPEN_SANDBOX_IMAGE` picks
//! the image (default `python:3.12`).

use std::time::Duration;

use futures::StreamExt;
use opensandbox::api::execd::{CodeRequest, CommandRequest, SessionOptions};
use opensandbox::stream::StreamEvent;
use opensandbox::{Sandbox, SandboxCreateOptions};

mod support;
use support::{BoxError, connection, image};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _devserver) = connection().await?;

    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new(image())
            .cpu("500m")
            .memory("512Mi")
            .metadata("example", "create_and_run")
            .timeout(Duration::from_secs(10 * 60)),
    )
    .await?;
    println!("created sandbox {}", sandbox.id());
    let result = run(&sandbox).await;
    sandbox.kill().await?;
    println!("killed sandbox {}", sandbox.id());
    result
}

async fn run(sandbox: &Sandbox) -> Result<(), BoxError> {
    // Collected: wait for the command, then read its output and exit code.
    let run = sandbox.commands().run("echo 'Hello from sandbox!'").await?;
    print!("{}", run.stdout);
    println!("exit code: {:?}", run.exit_code);

    // A non-zero exit is a result, not an error.
    let failed = sandbox.commands().run("exit 3").await?;
    println!("`exit 3` exited with {:?}", failed.exit_code);

    // Streamed: output as it happens.
    let mut events = sandbox
        .commands()
        .run_stream(
            CommandRequest::new("for i in 1 2 3; do echo \"tick $i\"; sleep 0.2; done")
                .env("GREETING", "hi")
                .timeout(Duration::from_secs(30)),
        )
        .await?;
    while let Some(event) = events.next().await {
        match event? {
            StreamEvent::Stdout { text, .. } => print!("{text}"),
            StreamEvent::Stderr { text, .. } => eprint!("{text}"),
            StreamEvent::ExecutionComplete { .. } => println!("[done]"),
            _ => {}
        }
    }

    // The Go SDK's EventHandler form.
    sandbox
        .commands()
        .run_with_handler("echo handled", |event| {
            if let StreamEvent::Stdout { text, .. } = event {
                print!("handler saw: {text}");
            }
        })
        .await?;

    // A bash session keeps its directory and variables between runs.
    let session = sandbox
        .commands()
        .create_session(SessionOptions::new())
        .await?;
    session.run("cd /tmp && export NAME=sandbox").await?;
    let here = session.run("echo \"$NAME in $(pwd)\"").await?;
    print!("{}", here.stdout);
    session.close().await?;

    // Code, when the image has an interpreter execd knows.
    match sandbox
        .code()
        .run(CodeRequest::new("print(6 * 7)").language("python"))
        .await
    {
        Ok(exec) => match &exec.error {
            None => print!("code printed: {}", exec.stdout),
            Some(e) => println!("code failed: {e}"),
        },
        Err(e) => println!("code runs are unavailable here: {e}"),
    }

    let metrics = sandbox.metrics().await?;
    println!(
        "cpu {:.1}% of {} cores, memory {:.0}/{:.0} MiB",
        metrics.cpu_used_pct, metrics.cpu_count, metrics.mem_used_mib, metrics.mem_total_mib
    );
    Ok(())
}
