//! `osb egress …`: a sandbox's outbound network policy.

use clap::Subcommand;

use super::Ctx;
use crate::exit::{CliError, OK, Outcome};
use crate::ops::egress as ops;

/// `osb egress` subcommands.
#[derive(Debug, Subcommand)]
pub enum EgressCmd {
    /// Show the policy in force.
    Get {
        /// Sandbox id.
        id: String,
    },
    /// Allow traffic to hosts (`api.example.com`, `*.example.com`).
    Allow {
        /// Sandbox id.
        id: String,
        /// Hosts.
        #[arg(required = true)]
        targets: Vec<String>,
    },
    /// Deny traffic to hosts.
    Deny {
        /// Sandbox id.
        id: String,
        /// Hosts.
        #[arg(required = true)]
        targets: Vec<String>,
    },
    /// Remove the rules for hosts.
    Remove {
        /// Sandbox id.
        id: String,
        /// Hosts.
        #[arg(required = true)]
        targets: Vec<String>,
    },
    /// Merge rules given as ACTION=TARGET (`allow=pypi.org`, `deny=example.com`).
    Patch {
        /// Sandbox id.
        id: String,
        /// A rule (repeatable).
        #[arg(long = "rule", required = true, value_name = "ACTION=TARGET")]
        rules: Vec<String>,
    },
}

/// Runs an `osb egress` command.
pub async fn run(ctx: &Ctx, cmd: EgressCmd) -> Outcome {
    let conn = ctx.conn()?;
    let policy = match cmd {
        EgressCmd::Get { id } => ops::get(&conn, &id).await?,
        EgressCmd::Allow { id, targets } => ops::allow(&conn, &id, targets).await?,
        EgressCmd::Deny { id, targets } => ops::deny(&conn, &id, targets).await?,
        EgressCmd::Remove { id, targets } => ops::remove(&conn, &id, targets).await?,
        EgressCmd::Patch { id, rules } => {
            let (mut allow, mut deny) = (Vec::new(), Vec::new());
            for r in rules {
                match r.split_once('=') {
                    Some(("allow", t)) if !t.is_empty() => allow.push(t.to_owned()),
                    Some(("deny", t)) if !t.is_empty() => deny.push(t.to_owned()),
                    _ => {
                        return Err(CliError::usage(format!(
                            "rule {r:?} is not allow=TARGET or deny=TARGET"
                        )));
                    }
                }
            }
            let mut last = None;
            if !allow.is_empty() {
                last = Some(ops::allow(&conn, &id, allow).await?);
            }
            if !deny.is_empty() {
                last = Some(ops::deny(&conn, &id, deny).await?);
            }
            last.unwrap_or_default()
        }
    };
    ctx.out.value(&policy, &[])?;
    Ok(OK)
}
