//! Start a sandbox with a deny-by-default network policy, then inspect and change the
//! policy at runtime through its egress sidecar.
//!
//! ```text
//! cargo run -p opensandbox --example egress
//! ```
//!
//! Targets `OPEN_SANDBOX_DOMAIN` when set, else an in-process devserver (which records
//! the policy but does not enforce it).

use opensandbox::sandbox::NetworkPolicy;
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _devserver) = connection().await?;
    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new(image())
            .metadata("example", "egress")
            .network_policy(NetworkPolicy::deny_by_default().allow("pypi.org")),
    )
    .await?;
    let result = run(&sandbox).await;
    sandbox.kill().await?;
    result
}

async fn run(sandbox: &Sandbox) -> Result<(), BoxError> {
    let egress = sandbox.egress();

    let status = egress.policy().await?;
    let default_action = status
        .policy
        .as_ref()
        .and_then(|p| p.default_action.as_ref())
        .map(|a| a.to_string());
    println!(
        "mode {:?}, default {:?}, enforced by {:?}",
        status.mode, default_action, status.enforcement_mode
    );

    // Merge rules: new rules are evaluated first; a rule for a known target replaces it.
    egress.allow(["api.example.com", "*.github.com"]).await?;
    egress.deny(["*.tracking.example"]).await?;
    // Or build them as a policy.
    let rules = NetworkPolicy::deny_by_default()
        .allow("registry.npmjs.org")
        .egress_rules();
    egress.patch_policy(rules).await?;

    for rule in egress
        .policy()
        .await?
        .policy
        .map(|p| p.egress)
        .unwrap_or_default()
    {
        println!("  {:5} {}", rule.action.to_string(), rule.target);
    }

    egress.remove_rules(["*.tracking.example"]).await?;
    println!("removed the tracking rule");
    Ok(())
}

async fn connection()
-> Result<(ConnectionConfig, Option<opensandbox_devserver::DevServer>), BoxError> {
    if std::env::var_os("OPEN_SANDBOX_DOMAIN").is_some() {
        return Ok((ConnectionConfig::from_env()?, None));
    }
    let server = opensandbox_devserver::DevServer::builder().start().await?;
    eprintln!(
        "OPEN_SANDBOX_DOMAIN is unset: using an in-process devserver at {} (no isolation)",
        server.url()
    );
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .api_key("")
        .use_env_proxy(false);
    Ok((config, Some(server)))
}

fn image() -> String {
    std::env::var("OPEN_SANDBOX_IMAGE").unwrap_or_else(|_| "python:3.12".into())
}
