//! Start a sandbox with a deny-by-default network policy, then inspect and change the
//! policy at runtime through its egress sidecar.
//!
//! ```text
//! cargo run -p opensandbox --example egress
//! ```
//!
//! Targets `OPEN_SANDBOX_DOMAIN` when set, else an in-process devserver (which records
//! the policy but does not enforce it).

use opensandbox::NetworkPolicy;
use opensandbox::{Sandbox, SandboxCreateOptions};

mod support;
use support::{BoxError, connection, image};

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

    let status = egress.get().await?;
    let default_action = status.policy.as_ref().map(|p| p.default_action.to_string());
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
        .rules;
    egress.patch(rules).await?;

    for rule in egress
        .get()
        .await?
        .policy
        .map(|p| p.rules)
        .unwrap_or_default()
    {
        println!("  {:5} {}", rule.action.to_string(), rule.target);
    }

    egress.remove(["*.tracking.example"]).await?;
    println!("removed the tracking rule");
    Ok(())
}
