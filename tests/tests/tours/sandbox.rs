//! The high-level API (`SandboxManager`, `SandboxCreateOptions`, `Sandbox` and its
//! handles) through the same Prism servers: what it sends must be valid too, it must put
//! the endpoint's headers on every sandbox request, and it must never send the lifecycle
//! API key to a sandbox.
//!
//! The Prism-mocked lifecycle API answers every endpoint lookup with the same example
//! value, so the connection config rewrites that host to one front that serves both the
//! execd and the egress documents (their paths do not overlap). What Prism cannot play is
//! state: a sandbox never reports `Running`, so `Sandbox::create`, `Sandbox::connect` with
//! its health check, `Sandbox::resume` and `BackgroundCommand::wait`/`follow` (which wait
//! for a state) are left to the end-to-end tests; the tour connects without the health
//! check and sends the create request `SandboxCreateOptions` builds itself.

use std::time::Duration;

use chrono::Utc;
use futures::{StreamExt, TryStreamExt};
use opensandbox::api::execd::{SessionOptions, UploadFile};
use opensandbox::api::lifecycle::{DiagnosticScope, ListOptions, SnapshotListOptions};
use opensandbox::sandbox::ConnectOptions;
use opensandbox::vault::{Binding, Credential, CredentialVault, CredentialVaultPatch};
use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions, SandboxManager};
use opensandbox::{EndpointOptions, NetworkPolicy, Permissions, SandboxState, SnapshotOptions};
use opensandbox_tests::Contract;

use super::{EGRESS, EXECD, LIFECYCLE};

pub async fn sandbox_tour(c: &Contract) {
    let sandbox_host = c.extra_front(&[EXECD, EGRESS], "").await;
    let config = ConnectionConfig::new()
        .domain(c.base_url(LIFECYCLE))
        .api_key("contract-test-key")
        // The mocked endpoint API returns no headers: the tokens come from the config.
        .execd_access_token("contract-execd-token")
        .egress_auth_token("contract-egress-token")
        .options(opensandbox::ClientOptions::new().use_env_proxy(false))
        .endpoint_host_rewrite(move |_| sandbox_host.clone());

    let manager = match SandboxManager::new(&config) {
        Ok(m) => m,
        Err(e) => {
            c.fail(format!("SandboxManager::new: {e}"));
            return;
        }
    };
    create_requests(c, &manager).await;
    manager_tour(c, &manager).await;

    let sandbox = c
        .step(
            "Sandbox::connect_with (no health check)",
            Sandbox::connect_with(
                &config,
                "sbx-contract",
                ConnectOptions::new().health_check(false),
            ),
        )
        .await;
    if let Some(sandbox) = sandbox {
        sandbox_calls(c, &sandbox).await;
    }
}

/// The requests `SandboxCreateOptions` builds, sent as they are.
async fn create_requests(c: &Contract, manager: &SandboxManager) {
    let variants = [
        (
            "SandboxCreateOptions::new (defaults)",
            SandboxCreateOptions::new("python:3.12-slim"),
        ),
        (
            "SandboxCreateOptions::new (everything)",
            SandboxCreateOptions::new("registry.example.com/team/worker:1.4")
                .image_auth("ci", "registry-password")
                .entrypoint(["/bin/sh", "-c", "sleep infinity"])
                .env("PYTHONUNBUFFERED", "1")
                .cpu("500m")
                .memory("512Mi")
                .metadata("team", "contract-tests")
                .timeout(Duration::from_secs(1800))
                .network_policy(
                    NetworkPolicy::deny_by_default()
                        .allow("pypi.org")
                        .deny("*.tracker.example"),
                )
                .credential_proxy(true)
                .secure_access(true)
                .extension("access.renew.extend.seconds", "600"),
        ),
        (
            "SandboxCreateOptions::new (manual cleanup)",
            SandboxCreateOptions::new("alpine:3.20").manual_cleanup(),
        ),
        (
            "SandboxCreateOptions::from_snapshot",
            SandboxCreateOptions::from_snapshot("snap-contract"),
        ),
    ];
    for (label, options) in variants {
        match opensandbox::api::lifecycle::types::CreateSandboxRequest::try_from(&options) {
            Ok(request) => {
                c.step(label, manager.lifecycle().create_sandbox(request))
                    .await;
            }
            Err(e) => c.fail(format!("{label}: to_request: {e}")),
        }
    }
}

async fn manager_tour(c: &Contract, m: &SandboxManager) {
    c.step(
        "SandboxManager::list",
        m.list(&ListOptions::new().state(SandboxState::Running)),
    )
    .await;
    c.step("SandboxManager::list_all (3 items)", async {
        m.list_all(ListOptions::new().page_size(1))
            .take(3)
            .try_collect::<Vec<_>>()
            .await
    })
    .await;
    c.step("SandboxManager::get", m.get("sbx-contract")).await;
    c.step("SandboxManager::pause", m.pause("sbx-contract"))
        .await;
    c.step("SandboxManager::resume", m.resume("sbx-contract"))
        .await;
    c.step(
        "SandboxManager::renew",
        m.renew("sbx-contract", Duration::from_secs(3600)),
    )
    .await;
    c.step(
        "SandboxManager::create_snapshot",
        m.create_snapshot("sbx-contract", SnapshotOptions::new().name("nightly")),
    )
    .await;
    c.step(
        "SandboxManager::get_snapshot",
        m.get_snapshot("snap-contract"),
    )
    .await;
    c.step(
        "SandboxManager::list_snapshots",
        m.list_snapshots(&SnapshotListOptions::new().sandbox_id("sbx-contract")),
    )
    .await;
    c.step("SandboxManager::list_all_snapshots (2 items)", async {
        m.list_all_snapshots(SnapshotListOptions::new().page_size(1))
            .take(2)
            .try_collect::<Vec<_>>()
            .await
    })
    .await;
    c.step(
        "SandboxManager::delete_snapshot",
        m.delete_snapshot("snap-contract"),
    )
    .await;
    c.step(
        "SandboxManager::diagnostic_logs",
        m.diagnostic_logs("sbx-contract", DiagnosticScope::Runtime),
    )
    .await;
    c.step(
        "SandboxManager::diagnostic_events",
        m.diagnostic_events("sbx-contract", DiagnosticScope::Lifecycle),
    )
    .await;
    c.step("SandboxManager::kill", m.kill("sbx-contract")).await;
}

async fn sandbox_calls(c: &Contract, s: &Sandbox) {
    c.step("Sandbox::info", s.info()).await;
    c.step("Sandbox::ping", s.ping()).await;

    // Commands and sessions.
    c.step("Sandbox::commands().run", s.commands().run("echo hello"))
        .await;
    c.step("Sandbox::commands().run_stream", async {
        s.commands()
            .run_stream("ls")
            .await?
            .try_collect::<Vec<_>>()
            .await
    })
    .await;
    if let Some(bg) = c
        .step(
            "Sandbox::commands().background",
            s.commands().background("sleep 600"),
        )
        .await
    {
        c.step("BackgroundCommand::status", bg.status()).await;
        c.step("BackgroundCommand::logs", bg.logs(None)).await;
        c.step("BackgroundCommand::interrupt", bg.interrupt()).await;
    }
    if let Some(session) = c
        .step(
            "Sandbox::commands().create_session",
            s.commands()
                .create_session(SessionOptions::new().cwd("/workspace")),
        )
        .await
    {
        c.step("Session::run", session.run("pwd")).await;
        c.step("Session::close", session.close()).await;
    }

    // Code.
    if let Some(ctx) = c
        .step(
            "Sandbox::code().create_context",
            s.code().create_context("python"),
        )
        .await
    {
        c.step(
            "Sandbox::code().run",
            s.code()
                .run(opensandbox::api::execd::CodeRequest::new("1 + 1").context(&ctx)),
        )
        .await;
    }

    // Files.
    let files = s.files();
    c.step(
        "Sandbox::files().write",
        files.write("/workspace/a.txt", "hello\n"),
    )
    .await;
    c.step(
        "Sandbox::files().upload",
        files.upload([UploadFile::from_bytes("/workspace/b.txt", "b").mode(0o600)]),
    )
    .await;
    c.step("Sandbox::files().read", files.read("/workspace/a.txt"))
        .await;
    c.step("Sandbox::files().download_range", async {
        files
            .download_range("/workspace/a.txt", 2..)
            .await?
            .bytes()
            .await
    })
    .await;
    c.step("Sandbox::files().info", files.info(["/workspace/a.txt"]))
        .await;
    c.step(
        "Sandbox::files().rename",
        files.rename([("/workspace/a.txt", "/workspace/c.txt")]),
    )
    .await;
    c.step(
        "Sandbox::files().set_permissions",
        files.set_permissions([("/workspace/c.txt", Permissions::mode(0o640))]),
    )
    .await;
    c.step("Sandbox::files().search", files.search("/workspace", None))
        .await;
    c.step(
        "Sandbox::files().replace_content",
        files.replace_content([("/workspace/c.txt", "hello", "bye")]),
    )
    .await;
    c.step("Sandbox::files().list", files.list("/workspace", None))
        .await;
    c.step(
        "Sandbox::files().create_directories",
        files.create_directories([("/workspace/d", Permissions::mode(0o755))]),
    )
    .await;
    c.step(
        "Sandbox::files().delete",
        files.delete(["/workspace/c.txt"]),
    )
    .await;
    c.step(
        "Sandbox::files().delete_directories",
        files.delete_directories(["/workspace/d"]),
    )
    .await;

    // Metrics.
    c.step("Sandbox::metrics", s.metrics()).await;
    c.step("Sandbox::watch_metrics (2 items)", async {
        let stream = s.watch_metrics().await?;
        Ok::<_, opensandbox::Error>(stream.take(2).collect::<Vec<_>>().await)
    })
    .await;

    // Network policy and credential vault.
    let egress = s.egress();
    c.step("Sandbox::egress().get", egress.get()).await;
    c.step("Sandbox::egress().allow", egress.allow(["pypi.org"]))
        .await;
    c.step("Sandbox::egress().deny", egress.deny(["*.tracker.example"]))
        .await;
    c.step("Sandbox::egress().remove", egress.remove(["pypi.org"]))
        .await;
    c.step(
        "Sandbox::vault().create",
        s.vault().create(
            CredentialVault::new()
                .credential(Credential::inline("github-token", "ghp_contract_secret"))
                .binding(Binding::new("github-token").host("api.github.com").bearer()),
        ),
    )
    .await;
    c.step("Sandbox::vault().get", s.vault().get()).await;
    c.step(
        "Sandbox::vault().patch",
        s.vault().patch(
            CredentialVaultPatch::unconditional()
                .replace_credential(Credential::inline("github-token", "ghp_rotated")),
        ),
    )
    .await;
    c.step("Sandbox::vault().credentials", s.vault().credentials())
        .await;
    c.step(
        "Sandbox::vault().credential",
        s.vault().credential("github-token"),
    )
    .await;
    c.step("Sandbox::vault().bindings", s.vault().bindings())
        .await;
    c.step(
        "Sandbox::vault().binding",
        s.vault().binding("github-token"),
    )
    .await;
    c.step("Sandbox::vault().delete", s.vault().delete()).await;

    // Lifecycle of the sandbox itself.
    c.step("Sandbox::endpoint", s.endpoint(8080)).await;
    c.step(
        "Sandbox::endpoint_with (signed)",
        s.endpoint_with(
            44772,
            EndpointOptions::new().signed_until(Utc::now() + chrono::Duration::minutes(10)),
        ),
    )
    .await;
    c.step("Sandbox::renew", s.renew(Duration::from_secs(3600)))
        .await;
    c.step("Sandbox::pause", s.pause()).await;
    c.step(
        "Sandbox::snapshot",
        s.snapshot(SnapshotOptions::new().name("before-kill")),
    )
    .await;
    c.step("Sandbox::kill", s.kill()).await;
}
