//! Start a long command in the background, tail its output as it is written, and wait
//! for its exit status. Following polls the command's logs with a byte cursor, so it
//! survives dropped connections without losing or repeating output, and it can be
//! resumed from where it stopped.
//!
//! ```text
//! cargo run -p opensandbox --example background_follow
//! ```
//!
//! Targets `OPEN_SANDBOX_DOMAIN` when set, else an in-process devserver.

use std::io::Write;

use futures::StreamExt;
use opensandbox::{Sandbox, SandboxCreateOptions};

mod support;
use support::{BoxError, connection, image};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _devserver) = connection().await?;
    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new(image()).metadata("example", "background_follow"),
    )
    .await?;
    let result = run(&sandbox).await;
    sandbox.kill().await?;
    result
}

async fn run(sandbox: &Sandbox) -> Result<(), BoxError> {
    let cmd = sandbox
        .commands()
        .background(
            "for i in 1 2 3 4 5; do echo \"step $i\"; sleep 0.5; done; echo done >&2; exit 7",
        )
        .await?;
    println!("started background command {}", cmd.id());

    // Read the first chunk, stop following, and pick up again from the cursor: nothing
    // is repeated.
    let mut output = cmd.follow();
    if let Some(chunk) = output.next().await {
        print!("{}", String::from_utf8_lossy(&chunk?));
    }
    let cursor = output.cursor();
    drop(output);
    println!("-- paused following at byte {cursor} --");

    let mut output = cmd.follow_from(cursor);
    let mut stdout = std::io::stdout();
    while let Some(chunk) = output.next().await {
        stdout.write_all(&chunk?)?;
        stdout.flush()?;
    }

    // The exit code is `None` when the server does not know it, never a made-up 0.
    let status = cmd.wait().await?;
    println!("finished: {status}");
    Ok(())
}
