//! `osb sandbox …`: create, list, inspect and manage sandboxes.

use std::time::Duration;

use clap::{Args, Subcommand};
use futures::StreamExt;
use serde_json::json;

use super::{Ctx, key_value, positive_duration};
use crate::exit::{CliError, OK, Outcome};
use crate::ops::sandbox::{self as ops, CreateSpec, Lifetime, ListSpec};
use crate::output::{Columns, Format, write_stdout};

/// Table columns of a sandbox.
pub const SANDBOX_COLUMNS: Columns = &[
    ("ID", "/id"),
    ("IMAGE", "/image"),
    ("STATE", "/state"),
    ("CREATED", "/created_at"),
    ("EXPIRES", "/expires_at"),
    ("METADATA", "/metadata"),
];

const METRICS_COLUMNS: Columns = &[
    ("TIMESTAMP", "/timestamp"),
    ("CPUS", "/cpu_count"),
    ("CPU%", "/cpu_used_pct"),
    ("MEM_USED_MIB", "/mem_used_mib"),
    ("MEM_TOTAL_MIB", "/mem_total_mib"),
];

/// `osb sandbox` subcommands.
#[derive(Debug, Subcommand)]
pub enum SandboxCmd {
    /// Create a sandbox and show it (only its id with --quiet).
    Create(Box<CreateArgs>),
    /// List sandboxes.
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Show one sandbox.
    Get {
        /// Sandbox id.
        id: String,
    },
    /// Delete sandboxes.
    #[command(visible_alias = "rm")]
    Kill {
        /// Sandbox ids.
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Pause a sandbox.
    Pause {
        /// Sandbox id.
        id: String,
    },
    /// Resume a paused sandbox.
    Resume {
        /// Sandbox id.
        id: String,
        /// Wait until it runs and answers.
        #[arg(long)]
        wait: bool,
    },
    /// Move a sandbox's expiry to a duration from now.
    Renew {
        /// Sandbox id.
        id: String,
        /// New lifetime from now (`30m`, `2h`).
        #[arg(short, long, value_parser = positive_duration)]
        timeout: Duration,
    },
    /// Show the address of a port inside a sandbox.
    Endpoint {
        /// Sandbox id.
        id: String,
        /// Port inside the sandbox.
        #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
        port: u16,
    },
    /// Check that a sandbox's execd answers.
    Health {
        /// Sandbox id.
        id: String,
    },
    /// Show CPU and memory use.
    Metrics {
        /// Sandbox id.
        id: String,
        /// Keep printing one sample a second until Ctrl-C.
        #[arg(long)]
        watch: bool,
    },
}

/// `osb sandbox create` arguments.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Container image (`python:3.12`); omit with --snapshot.
    #[arg(required_unless_present = "snapshot")]
    pub image: Option<String>,
    /// Restore from this snapshot instead of an image.
    #[arg(long, conflicts_with = "image")]
    pub snapshot: Option<String>,
    /// Environment variable (repeatable).
    #[arg(short, long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub env: Vec<(String, String)>,
    /// CPU limit (`500m`, `2`).
    #[arg(long)]
    pub cpu: Option<String>,
    /// Memory limit (`512Mi`, `2Gi`).
    #[arg(long)]
    pub memory: Option<String>,
    /// Other resource limit (`gpu=1`; repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub resource: Vec<(String, String)>,
    /// Lifetime (`10m`, `2h`; at least 60 s), or `none` to keep it until killed.
    #[arg(short, long)]
    pub timeout: Option<String>,
    /// Metadata label (repeatable).
    #[arg(short, long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub metadata: Vec<(String, String)>,
    /// Allow outbound traffic to this host (repeatable; everything else is denied).
    #[arg(long, value_name = "HOST")]
    pub allow: Vec<String>,
    /// Deny outbound traffic to this host (repeatable).
    #[arg(long, value_name = "HOST")]
    pub deny: Vec<String>,
    /// Main process argument (repeat to build the argument vector).
    #[arg(long, value_name = "ARG")]
    pub entrypoint: Vec<String>,
    /// Start the credential proxy (for `osb vault`; needs --allow or --deny).
    #[arg(long)]
    pub credential_proxy: bool,
    /// Also wait until the sandbox's execd answers (without it, `osb` returns once the
    /// server reports the sandbox `Running`).
    #[arg(long)]
    pub wait: bool,
    /// How long to wait for readiness [default: 30s].
    #[arg(long, value_parser = positive_duration)]
    pub ready_timeout: Option<Duration>,
    /// Protect the sandbox's endpoints with an access token.
    #[arg(long)]
    pub secure_access: bool,
    /// Provider-specific setting passed through unchanged (repeatable).
    #[arg(long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub extension: Vec<(String, String)>,
    /// Print only the id (for `$(…)`).
    #[arg(short, long)]
    pub quiet: bool,
}

/// `osb sandbox list` arguments.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only sandboxes in this state (`Running`, `Paused`, …; repeatable).
    #[arg(short, long)]
    pub state: Vec<String>,
    /// Only sandboxes with this label (repeatable).
    #[arg(short, long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub metadata: Vec<(String, String)>,
    /// Page number (from 1).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub page: Option<u64>,
    /// Items per page (up to 200).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=200))]
    pub page_size: Option<u64>,
    /// Every page, not just the first.
    #[arg(long, conflicts_with = "page")]
    pub all: bool,
}

/// Runs an `osb sandbox` command.
pub async fn run(ctx: &Ctx, cmd: SandboxCmd) -> Outcome {
    let conn = ctx.conn()?;
    let out = ctx.out;
    match cmd {
        SandboxCmd::Create(a) => {
            let lifetime = match a.timeout.as_deref() {
                None => Lifetime::Default,
                Some("none") => Lifetime::Manual,
                Some(t) => Lifetime::After(positive_duration(t).map_err(CliError::usage)?),
            };
            let mut resources = a.resource;
            if let Some(c) = a.cpu {
                resources.push(("cpu".into(), c));
            }
            if let Some(m) = a.memory {
                resources.push(("memory".into(), m));
            }
            let spec = CreateSpec {
                image: a.image,
                snapshot: a.snapshot,
                env: a.env,
                resources,
                metadata: a.metadata,
                lifetime,
                allow: a.allow,
                deny: a.deny,
                entrypoint: a.entrypoint,
                credential_proxy: a.credential_proxy,
                secure_access: a.secure_access,
                extensions: a.extension,
                wait: a.wait,
                ready_timeout: a.ready_timeout,
            };
            let created = ops::create(&conn, spec).await?;
            if a.quiet {
                let id = created
                    .get("id")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                write_stdout(format!("{id}\n").as_bytes())?;
            } else {
                out.value(&created, SANDBOX_COLUMNS)?;
            }
        }
        SandboxCmd::List(a) => {
            let spec = ListSpec {
                states: a.state,
                metadata: a.metadata,
                page: a.page,
                page_size: a.page_size,
                all: a.all,
            };
            out.value(&ops::list(&conn, spec).await?, SANDBOX_COLUMNS)?;
        }
        SandboxCmd::Get { id } => out.value(&ops::get(&conn, &id).await?, SANDBOX_COLUMNS)?,
        SandboxCmd::Kill { ids } => {
            // Every id is tried; each failure is reported, the first decides the exit code.
            let mut first_err = None;
            let mut results = Vec::new();
            for id in &ids {
                match ops::kill(&conn, id).await {
                    Ok(()) => {
                        if out.format == Format::Table {
                            write_stdout(format!("killed {id}\n").as_bytes())?;
                        }
                        results.push(json!({"id": id, "killed": true}));
                    }
                    Err(e) => {
                        crate::report_error(&e, ctx.out.color);
                        results.push(json!({"id": id, "killed": false, "error": e.message}));
                        first_err.get_or_insert(e);
                    }
                }
            }
            if out.format != Format::Table {
                out.value(&results, &[])?;
            }
            if let Some(e) = first_err {
                return Ok(e.kind.code());
            }
        }
        SandboxCmd::Pause { id } => {
            ops::pause(&conn, &id).await?;
            out.message(&format!("pausing {id}"), &json!({"id": id, "paused": true}))?;
        }
        SandboxCmd::Resume { id, wait } => {
            ops::resume(&conn, &id, wait).await?;
            out.message(
                &format!("resumed {id}"),
                &json!({"id": id, "resumed": true}),
            )?;
        }
        SandboxCmd::Renew { id, timeout } => {
            let at = ops::renew(&conn, &id, timeout).await?;
            out.message(
                &format!("{id} expires at {at}"),
                &json!({"id": id, "expires_at": at}),
            )?;
        }
        SandboxCmd::Endpoint { id, port } => {
            let ep = ops::endpoint(&conn, &id, port).await?;
            out.value(&ep, &[("URL", "/url"), ("HEADERS", "/header_names")])?;
        }
        SandboxCmd::Health { id } => {
            let h = ops::health(&conn, &id).await?;
            out.message(&format!("{id} is healthy"), &h)?;
        }
        SandboxCmd::Metrics { id, watch: false } => {
            out.value(&ops::metrics(&conn, &id).await?, METRICS_COLUMNS)?;
        }
        SandboxCmd::Metrics { id, watch: true } => {
            let mut sigint = super::interrupts()?;
            let mut samples = std::pin::pin!(ops::watch_metrics(&conn, &id).await?);
            let mut first = true;
            loop {
                tokio::select! {
                    s = samples.next() => match s {
                        Some(s) => {
                            out.stream_item(&s?, METRICS_COLUMNS, first)?;
                            first = false;
                        }
                        None => break,
                    },
                    _ = sigint.recv() => break,
                }
            }
        }
    }
    Ok(OK)
}
