//! `osb diagnostics …`: a sandbox's diagnostic logs and events.

use clap::Subcommand;

use super::Ctx;
use crate::exit::{OK, Outcome};
use crate::ops::diagnostics as ops;
use crate::output::{Format, write_stdout};

/// `osb diagnostics` subcommands.
#[derive(Debug, Subcommand)]
pub enum DiagnosticsCmd {
    /// Diagnostic logs.
    Logs {
        /// Sandbox id.
        id: String,
        /// Scope: container, lifecycle, runtime, network, process or all.
        #[arg(short, long, default_value = "all")]
        scope: String,
    },
    /// Diagnostic events.
    Events {
        /// Sandbox id.
        id: String,
        /// Scope: container, lifecycle, runtime, network, process or all.
        #[arg(short, long, default_value = "all")]
        scope: String,
    },
}

/// Runs an `osb diagnostics` command. In table mode, inline content is printed as it
/// is, and content delivered by URL as the URL.
pub async fn run(ctx: &Ctx, cmd: DiagnosticsCmd) -> Outcome {
    let conn = ctx.conn()?;
    let value = match cmd {
        DiagnosticsCmd::Logs { id, scope } => ops::logs(&conn, &id, &scope).await?,
        DiagnosticsCmd::Events { id, scope } => ops::events(&conn, &id, &scope).await?,
    };
    if ctx.out.format == Format::Table {
        let text = value
            .get("content")
            .and_then(|v| v.as_str())
            .or_else(|| value.get("content_url").and_then(|v| v.as_str()));
        if let Some(t) = text {
            let mut t = t.to_owned();
            if !t.ends_with('\n') {
                t.push('\n');
            }
            write_stdout(t.as_bytes())?;
            return Ok(OK);
        }
    }
    ctx.out.value(&value, &[])?;
    Ok(OK)
}
