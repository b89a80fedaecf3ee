//! The quickstart: create a sandbox, stream a command's output as it arrives, move a file
//! in and out, set an egress rule and a credential vault, then delete the sandbox.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! With `OPEN_SANDBOX_DOMAIN` (and `OPEN_SANDBOX_API_KEY`, `OPEN_SANDBOX_PROTOCOL`) set it
//! talks to that deployment; otherwise it starts the development server in-process
//! (host processes, no isolation, loopback only).

use std::io::Write;
use std::time::Instant;

use opensandbox::NetworkPolicy;
use opensandbox::api::execd::UploadFile;
use opensandbox::stream::StreamEvent;
use opensandbox::vault::{Binding, Credential, CredentialVault};
use opensandbox::{Sandbox, SandboxCreateOptions, Secret};

mod support;
use support::{BoxError, connection};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, devserver) = connection().await?;

    let started = Instant::now();
    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new("python:3.12")
            .cpu("1")
            .memory("1Gi")
            .metadata("example", "quickstart")
            .network_policy(NetworkPolicy::deny_by_default().allow("api.example.com"))
            .credential_proxy(true),
    )
    .await?;
    println!(
        "created sandbox {} in {:?}",
        sandbox.id(),
        started.elapsed()
    );

    let result = tour(&sandbox).await;
    // Delete the sandbox whatever happened in the tour.
    sandbox.kill().await?;
    println!("deleted sandbox {}", sandbox.id());
    if let Some(server) = devserver {
        server.shutdown().await;
    }
    result
}

async fn tour(sandbox: &Sandbox) -> Result<(), BoxError> {
    // 1. A command whose output is printed as it arrives.
    println!("\n$ for i in 1 2 3; do echo line $i; sleep 0.2; done");
    sandbox
        .commands()
        .run_with_handler(
            "for i in 1 2 3; do echo line $i; sleep 0.2; done; echo oops >&2",
            |event: &StreamEvent| {
                match event {
                    StreamEvent::Stdout { text, .. } => print!("  stdout | {text}"),
                    StreamEvent::Stderr { text, .. } => print!("  stderr | {text}"),
                    StreamEvent::ExecutionComplete { .. } => println!("  [done]"),
                    _ => {}
                }
                // A handler that cannot fail needs no `Ok(())`; see try_run_with_handler.
                let _ = std::io::stdout().flush();
            },
        )
        .await?;

    // The same, aggregated: exit codes included.
    let failed = sandbox.commands().run("exit 3").await?;
    println!("`exit 3` finished with exit code {:?}", failed.exit_code);

    // 2. Files: upload, list, download.
    let content = "hello from the quickstart\n".repeat(1000);
    sandbox
        .files()
        .upload([UploadFile::from_bytes("data/hello.txt", content.clone()).mode(0o644)])
        .await?;
    let listing = sandbox.files().list("data", Some(1)).await?;
    for f in &listing {
        match f.size {
            Some(size) => println!("file {} ({size} bytes)", f.path),
            None => println!("file {}", f.path),
        }
    }
    let back = sandbox.files().read_to_string("data/hello.txt").await?;
    assert_eq!(back, content, "downloaded bytes match the upload");
    println!("downloaded {} bytes, identical to the upload", back.len());
    let wc = sandbox.commands().run("wc -l data/hello.txt").await?;
    print!("inside the sandbox: {}", wc.stdout);

    // 3. Egress: read the policy, add a rule.
    let policy = sandbox.egress().allow(["pypi.org"]).await?;
    println!(
        "egress mode {:?}: {}",
        policy.mode.as_deref().unwrap_or("?"),
        policy.reason.as_deref().unwrap_or("")
    );
    if let Some(p) = &policy.policy {
        for rule in &p.rules {
            println!("  rule {} {}", rule.action, rule.target);
        }
    }

    // 4. The credential vault, like the Go SDK overview's example.
    let token = Secret::new(std::env::var("API_TOKEN").unwrap_or_else(|_| "<token>".into()));
    let vault = sandbox
        .vault()
        .create(
            CredentialVault::new()
                .credential(Credential::inline("api-token", token))
                .binding(
                    Binding::new("api-token")
                        .https()
                        .host("api.example.com")
                        .port(443)
                        .path("/v1/*")
                        .api_key_header("x-api-key"),
                ),
        )
        .await?;
    println!("credential vault at revision {}", vault.revision);
    for c in sandbox.vault().credentials().await? {
        println!(
            "  credential {} ({}), value never returned",
            c.name, c.source_type
        );
    }
    Ok(())
}
