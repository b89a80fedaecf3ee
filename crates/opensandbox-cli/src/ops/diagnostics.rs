//! Diagnostic logs and events of a sandbox.

use opensandbox::api::lifecycle::DiagnosticScope;
use serde_json::Value;

use super::sandbox::json_of;
use super::{Conn, OpResult};
use crate::exit::CliError;

/// The scopes the server knows.
pub const SCOPES: &[&str] = &[
    "container",
    "lifecycle",
    "runtime",
    "network",
    "process",
    "all",
];

fn scope(s: &str) -> OpResult<DiagnosticScope> {
    Ok(match s {
        "container" => DiagnosticScope::Container,
        "lifecycle" => DiagnosticScope::Lifecycle,
        "runtime" => DiagnosticScope::Runtime,
        "network" => DiagnosticScope::Network,
        "process" => DiagnosticScope::Process,
        "all" => DiagnosticScope::All,
        other => {
            return Err(CliError::usage(format!(
                "unknown scope {other:?}; one of {}",
                SCOPES.join(", ")
            )));
        }
    })
}

/// Diagnostic logs of sandbox `id` in `scope`.
pub async fn logs(conn: &Conn, id: &str, scope_name: &str) -> OpResult<Value> {
    let s = scope(scope_name)?;
    json_of(&conn.manager()?.diagnostic_logs(id, s).await?)
}

/// Diagnostic events of sandbox `id` in `scope`.
pub async fn events(conn: &Conn, id: &str, scope_name: &str) -> OpResult<Value> {
    let s = scope(scope_name)?;
    json_of(&conn.manager()?.diagnostic_events(id, s).await?)
}
