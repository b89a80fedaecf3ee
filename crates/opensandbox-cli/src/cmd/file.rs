//! `osb file …`: read, write and manage files in a sandbox.

use bytes::Bytes;
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::{Ctx, mode};
use crate::exit::{CliError, OK, Outcome};
use crate::ops::files::{Files, Perms};
use crate::output::{Columns, Format, Out};
use crate::transfer::{self, Local};

const FILE_COLUMNS: Columns = &[
    ("PATH", "/path"),
    ("KIND", "/kind"),
    ("SIZE", "/size"),
    ("MODE", "/mode"),
    ("OWNER", "/owner"),
    ("MODIFIED", "/modified_at"),
];

/// Owner, group and mode flags.
#[derive(Debug, Args)]
pub struct PermArgs {
    /// Mode in octal (`644`, `0755`).
    #[arg(long, value_parser = mode)]
    pub mode: Option<u32>,
    /// Owner user.
    #[arg(long)]
    pub owner: Option<String>,
    /// Owner group.
    #[arg(long)]
    pub group: Option<String>,
}

impl PermArgs {
    fn perms(&self) -> Perms {
        Perms {
            owner: self.owner.clone(),
            group: self.group.clone(),
            mode: self.mode,
        }
    }
}

/// `osb file` subcommands.
#[derive(Debug, Subcommand)]
pub enum FileCmd {
    /// Print a file (streamed).
    Cat {
        /// Sandbox id.
        id: String,
        /// File path.
        path: String,
    },
    /// Write a file from --content or stdin (streamed).
    Write {
        /// Sandbox id.
        id: String,
        /// File path.
        path: String,
        /// The content (default: read stdin).
        #[arg(short, long)]
        content: Option<String>,
        #[command(flatten)]
        perms: PermArgs,
    },
    /// Upload a local file.
    Upload {
        /// Sandbox id.
        id: String,
        /// Local file (`-` for stdin).
        local: String,
        /// Path in the sandbox (ending in `/`: keep the local name).
        remote: String,
        #[command(flatten)]
        perms: PermArgs,
    },
    /// Download a file.
    Download {
        /// Sandbox id.
        id: String,
        /// Path in the sandbox.
        remote: String,
        /// Local path or directory (`-` for stdout).
        local: String,
    },
    /// Show metadata of paths.
    Info {
        /// Sandbox id.
        id: String,
        /// Paths.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// List a directory.
    Ls {
        /// Sandbox id.
        id: String,
        /// Directory.
        path: String,
        /// Levels to descend.
        #[arg(long)]
        depth: Option<u32>,
    },
    /// Find files under a directory by glob pattern.
    Search {
        /// Sandbox id.
        id: String,
        /// Directory to search.
        path: String,
        /// Glob pattern (`*.py`).
        #[arg(short, long)]
        pattern: Option<String>,
    },
    /// Replace text in a file.
    Replace {
        /// Sandbox id.
        id: String,
        /// File path.
        path: String,
        /// Text to find.
        #[arg(long)]
        old: String,
        /// Replacement.
        #[arg(long)]
        new: String,
    },
    /// Move or rename a file.
    Mv {
        /// Sandbox id.
        id: String,
        /// Source path.
        from: String,
        /// Destination path.
        to: String,
    },
    /// Delete files.
    Rm {
        /// Sandbox id.
        id: String,
        /// Paths.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Create directories (with parents).
    Mkdir {
        /// Sandbox id.
        id: String,
        /// Paths.
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        perms: PermArgs,
    },
    /// Delete directories with their contents.
    Rmdir {
        /// Sandbox id.
        id: String,
        /// Paths.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Set mode, owner and group.
    Chmod {
        /// Sandbox id.
        id: String,
        /// Paths.
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        perms: PermArgs,
    },
}

/// Prints file metadata; tables show modes in octal (`644`), JSON keeps the number.
fn files_out(out: Out, mut list: Vec<Value>) -> Result<(), CliError> {
    if out.format == Format::Table {
        for f in &mut list {
            if let Some(m) = f.get("mode").and_then(Value::as_u64) {
                f["mode"] = Value::String(format!("{m:o}"));
            }
        }
    }
    out.value(&list, FILE_COLUMNS)
}

/// Runs an `osb file` command.
pub async fn run(ctx: &Ctx, cmd: FileCmd) -> Outcome {
    let conn = ctx.conn()?;
    let out = ctx.out;
    match cmd {
        FileCmd::Cat { id, path } => {
            let files = Files::connect(&conn, &id).await?;
            transfer::download(&files, &path, &Local::Std, false).await?;
        }
        FileCmd::Write {
            id,
            path,
            content,
            perms,
        } => {
            let files = Files::connect(&conn, &id).await?;
            let n = match content {
                Some(c) => {
                    let n = c.len() as u64;
                    files
                        .write_bytes(&path, Bytes::from(c), &perms.perms())
                        .await?;
                    n
                }
                None => transfer::upload(&files, &Local::Std, &path, &perms.perms(), false).await?,
            };
            out.message(
                &format!("wrote {n} bytes to {path}"),
                &json!({ "path": path, "bytes": n }),
            )?;
        }
        FileCmd::Upload {
            id,
            local,
            remote,
            perms,
        } => {
            let files = Files::connect(&conn, &id).await?;
            let n = transfer::upload(&files, &Local::parse(&local), &remote, &perms.perms(), true)
                .await?;
            out.message(
                &format!("uploaded {n} bytes to {remote}"),
                &json!({ "path": remote, "bytes": n }),
            )?;
        }
        FileCmd::Download { id, remote, local } => {
            let files = Files::connect(&conn, &id).await?;
            let dest = Local::parse(&local);
            let n = transfer::download(&files, &remote, &dest, true).await?;
            if dest != Local::Std {
                out.message(
                    &format!("downloaded {n} bytes from {remote}"),
                    &json!({ "path": remote, "bytes": n }),
                )?;
            }
        }
        FileCmd::Info { id, paths } => {
            let files = Files::connect(&conn, &id).await?;
            let info = files.info(&paths).await?;
            files_out(out, info.into_values().collect())?;
        }
        FileCmd::Ls { id, path, depth } => {
            let files = Files::connect(&conn, &id).await?;
            files_out(out, files.list(&path, depth).await?)?;
        }
        FileCmd::Search { id, path, pattern } => {
            let files = Files::connect(&conn, &id).await?;
            files_out(out, files.search(&path, pattern.as_deref()).await?)?;
        }
        FileCmd::Replace { id, path, old, new } => {
            let files = Files::connect(&conn, &id).await?;
            let n = files.replace(&path, &old, &new).await?;
            out.message(
                &format!("{n} replacement(s) in {path}"),
                &json!({ "path": path, "replacements": n }),
            )?;
        }
        FileCmd::Mv { id, from, to } => {
            let files = Files::connect(&conn, &id).await?;
            files.rename(&from, &to).await?;
            out.message(
                &format!("moved {from} to {to}"),
                &json!({ "from": from, "to": to }),
            )?;
        }
        FileCmd::Rm { id, paths } => {
            let files = Files::connect(&conn, &id).await?;
            files.remove(&paths).await?;
            out.message(
                &format!("deleted {}", paths.join(" ")),
                &json!({ "deleted": paths }),
            )?;
        }
        FileCmd::Mkdir { id, paths, perms } => {
            let files = Files::connect(&conn, &id).await?;
            files.mkdir(&paths, &perms.perms()).await?;
            out.message(
                &format!("created {}", paths.join(" ")),
                &json!({ "created": paths }),
            )?;
        }
        FileCmd::Rmdir { id, paths } => {
            let files = Files::connect(&conn, &id).await?;
            files.rmdir(&paths).await?;
            out.message(
                &format!("deleted {}", paths.join(" ")),
                &json!({ "deleted": paths }),
            )?;
        }
        FileCmd::Chmod { id, paths, perms } => {
            let files = Files::connect(&conn, &id).await?;
            files.chmod(&paths, &perms.perms()).await?;
            out.message(
                &format!("changed {}", paths.join(" ")),
                &json!({ "changed": paths }),
            )?;
        }
    }
    Ok(OK)
}
