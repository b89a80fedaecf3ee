//! `osb snapshot …`: create, list, inspect and delete snapshots.

use clap::Subcommand;
use serde_json::json;

use super::Ctx;
use crate::exit::{OK, Outcome};
use crate::ops::snapshot::{self as ops, ListSpec};
use crate::output::Columns;

const SNAPSHOT_COLUMNS: Columns = &[
    ("ID", "/id"),
    ("NAME", "/name"),
    ("SANDBOX", "/sandbox_id"),
    ("STATE", "/state"),
    ("CREATED", "/created_at"),
];

/// `osb snapshot` subcommands.
#[derive(Debug, Subcommand)]
pub enum SnapshotCmd {
    /// Snapshot a sandbox (it becomes Ready later).
    Create {
        /// Sandbox id.
        id: String,
        /// A name for it.
        #[arg(long)]
        name: Option<String>,
    },
    /// Show one snapshot.
    Get {
        /// Snapshot id.
        snapshot_id: String,
    },
    /// List snapshots.
    #[command(visible_alias = "ls")]
    List {
        /// Only snapshots of this sandbox.
        #[arg(long)]
        sandbox_id: Option<String>,
        /// Only snapshots in this state (repeatable).
        #[arg(long)]
        state: Vec<String>,
        /// Page number (from 1).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        page: Option<u64>,
        /// Items per page (up to 200).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=200))]
        page_size: Option<u64>,
        /// Every page.
        #[arg(long, conflicts_with = "page")]
        all: bool,
    },
    /// Delete a snapshot.
    #[command(visible_alias = "rm")]
    Delete {
        /// Snapshot id.
        snapshot_id: String,
    },
}

/// Runs an `osb snapshot` command.
pub async fn run(ctx: &Ctx, cmd: SnapshotCmd) -> Outcome {
    let conn = ctx.conn()?;
    let out = ctx.out;
    match cmd {
        SnapshotCmd::Create { id, name } => out.value(
            &ops::create(&conn, &id, name.as_deref()).await?,
            SNAPSHOT_COLUMNS,
        )?,
        SnapshotCmd::Get { snapshot_id } => {
            out.value(&ops::get(&conn, &snapshot_id).await?, SNAPSHOT_COLUMNS)?
        }
        SnapshotCmd::List {
            sandbox_id,
            state,
            page,
            page_size,
            all,
        } => {
            let spec = ListSpec {
                sandbox_id,
                states: state,
                page,
                page_size,
                all,
            };
            out.value(&ops::list(&conn, spec).await?, SNAPSHOT_COLUMNS)?
        }
        SnapshotCmd::Delete { snapshot_id } => {
            ops::delete(&conn, &snapshot_id).await?;
            out.message(
                &format!("deleted {snapshot_id}"),
                &json!({ "id": snapshot_id, "deleted": true }),
            )?
        }
    }
    Ok(OK)
}
