//! `osb vault …` (alias `credential-vault`): a sandbox's credential vault. Values are
//! write-only: reads show metadata.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::{Value, json};
use tokio::io::AsyncReadExt;

use super::Ctx;
use crate::exit::{CliError, OK, Outcome};
use crate::ops::vault as ops;

/// `osb vault` subcommands.
#[derive(Debug, Subcommand)]
pub enum VaultCmd {
    /// Show the vault's revision, credentials and bindings (metadata only).
    Get {
        /// Sandbox id.
        id: String,
    },
    /// Create the vault from a JSON or YAML request (the egress API's create body).
    Create {
        /// Sandbox id.
        id: String,
        /// Request file, or `-` for stdin.
        #[arg(short, long)]
        file: PathBuf,
    },
    /// Change credentials and bindings atomically (the egress API's patch body).
    Patch {
        /// Sandbox id.
        id: String,
        /// Request file, or `-` for stdin.
        #[arg(short, long)]
        file: PathBuf,
    },
    /// Delete the vault.
    Delete {
        /// Sandbox id.
        id: String,
    },
    /// Credential metadata.
    #[command(subcommand)]
    Credential(ItemCmd),
    /// Binding metadata.
    #[command(subcommand)]
    Binding(ItemCmd),
}

/// `list` or `get NAME`.
#[derive(Debug, Subcommand)]
pub enum ItemCmd {
    /// List them.
    List {
        /// Sandbox id.
        id: String,
    },
    /// Show one.
    Get {
        /// Sandbox id.
        id: String,
        /// Name.
        name: String,
    },
}

/// Reads a JSON or YAML request from `path` (`-`: stdin).
async fn request(path: &PathBuf) -> Result<Value, CliError> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        tokio::io::stdin().read_to_string(&mut s).await?;
        s
    } else {
        tokio::fs::read_to_string(path)
            .await
            .map_err(|e| CliError::usage(format!("cannot read {}: {e}", path.display())))?
    };
    if let Ok(v) = serde_json::from_str(&text) {
        return Ok(v);
    }
    serde_yaml_ng::from_str(&text)
        .map_err(|e| CliError::usage(format!("{} is neither JSON nor YAML: {e}", path.display())))
}

/// Runs an `osb vault` command.
pub async fn run(ctx: &Ctx, cmd: VaultCmd) -> Outcome {
    let conn = ctx.conn()?;
    let out = ctx.out;
    let value = match cmd {
        VaultCmd::Get { id } => ops::get(&conn, &id).await?,
        VaultCmd::Create { id, file } => ops::create(&conn, &id, request(&file).await?).await?,
        VaultCmd::Patch { id, file } => ops::patch(&conn, &id, request(&file).await?).await?,
        VaultCmd::Delete { id } => {
            ops::delete(&conn, &id).await?;
            out.message("vault deleted", &json!({ "id": id, "deleted": true }))?;
            return Ok(OK);
        }
        VaultCmd::Credential(ItemCmd::List { id }) => ops::credentials(&conn, &id).await?,
        VaultCmd::Credential(ItemCmd::Get { id, name }) => {
            ops::credential(&conn, &id, &name).await?
        }
        VaultCmd::Binding(ItemCmd::List { id }) => ops::bindings(&conn, &id).await?,
        VaultCmd::Binding(ItemCmd::Get { id, name }) => ops::binding(&conn, &id, &name).await?,
    };
    out.value(&value, &[])?;
    Ok(OK)
}
