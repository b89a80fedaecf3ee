//! The Go SDK overview's "Credential Vault" flow in Rust: create a sandbox with the
//! credential proxy, store a token, bind it to `api.example.com`, then rotate it with a
//! revision-guarded patch.
//!
//! ```text
//! API_TOKEN=... cargo run -p opensandbox --example vault
//! ```
//!
//! Targets `OPEN_SANDBOX_DOMAIN` when set, else an in-process devserver. Vault writes
//! need TLS or a loopback connection to the sidecar: with a remote plain-http server
//! the write fails with 426 and says so.

use opensandbox::NetworkPolicy;
use opensandbox::vault::{Binding, Credential, CredentialVault, CredentialVaultPatch};
use opensandbox::{Sandbox, SandboxCreateOptions, Secret};

mod support;
use support::{BoxError, connection};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _devserver) = connection().await?;
    let token = Secret::new(std::env::var("API_TOKEN").unwrap_or_else(|_| "<token>".into()));

    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new("python:3.11")
            .network_policy(NetworkPolicy::deny_by_default().allow("api.example.com"))
            .credential_proxy(true),
    )
    .await?;
    let result = run(&sandbox, token).await;
    sandbox.kill().await?;
    result
}

async fn run(sandbox: &Sandbox, token: Secret) -> Result<(), BoxError> {
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
    println!("vault at revision {}", vault.revision);

    // Reads return metadata only, never values.
    for c in sandbox.vault().credentials().await? {
        println!(
            "credential {} ({}, revision {})",
            c.name, c.source_type, c.revision
        );
    }
    for b in sandbox.vault().bindings().await? {
        let auth = b.auth_kind.unwrap_or_default();
        println!("binding {} ({auth}, revision {})", b.name, b.revision);
    }

    // Rotate the token, guarded by the revision we read: if someone changed the vault
    // meanwhile, the server refuses with 409 and nothing is applied.
    let current = sandbox.vault().get().await?;
    let rotated = CredentialVaultPatch::at_revision(current.revision)
        .replace_credential(Credential::inline("api-token", "<rotated-token>"));
    match sandbox.vault().patch(rotated).await {
        Ok(state) => println!("rotated: vault at revision {}", state.revision),
        Err(e) if e.is_conflict() => {
            println!("the vault changed meanwhile; read it again and retry")
        }
        Err(e) => return Err(e.into()),
    }

    sandbox.vault().delete().await?;
    println!("vault deleted");
    Ok(())
}
