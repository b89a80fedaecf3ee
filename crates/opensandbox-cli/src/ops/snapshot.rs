//! Snapshots: create, get, list, delete.

use opensandbox::api::lifecycle::SnapshotListOptions;
use opensandbox::{SnapshotOptions, SnapshotState};
use serde_json::Value;

use super::sandbox::{all_as_json, json_of};
use super::{Conn, OpResult};

/// Snapshots sandbox `id`.
pub async fn create(conn: &Conn, id: &str, name: Option<&str>) -> OpResult<Value> {
    let mut options = SnapshotOptions::new();
    if let Some(n) = name {
        options = options.name(n);
    }
    json_of(&conn.manager()?.create_snapshot(id, options).await?)
}

/// One snapshot.
pub async fn get(conn: &Conn, snapshot_id: &str) -> OpResult<Value> {
    json_of(&conn.manager()?.get_snapshot(snapshot_id).await?)
}

/// Deletes a snapshot.
pub async fn delete(conn: &Conn, snapshot_id: &str) -> OpResult<()> {
    Ok(conn.manager()?.delete_snapshot(snapshot_id).await?)
}

/// Filters of `osb snapshot list`.
#[derive(Debug, Clone, Default)]
pub struct ListSpec {
    /// Only snapshots of this sandbox.
    pub sandbox_id: Option<String>,
    /// States to keep.
    pub states: Vec<String>,
    /// The page (1-based).
    pub page: Option<u64>,
    /// Items per page.
    pub page_size: Option<u64>,
    /// Every page.
    pub all: bool,
}

/// Lists snapshots.
pub async fn list(conn: &Conn, spec: ListSpec) -> OpResult<Vec<Value>> {
    let mut opts = SnapshotListOptions::new();
    if let Some(s) = spec.sandbox_id {
        opts = opts.sandbox_id(s);
    }
    for s in spec.states {
        opts = opts.state(SnapshotState::from(s));
    }
    if let Some(p) = spec.page {
        opts = opts.page(p);
    }
    if let Some(s) = spec.page_size {
        opts = opts.page_size(s);
    }
    let manager = conn.manager()?;
    if spec.all {
        return all_as_json(manager.list_all_snapshots(opts)).await;
    }
    let page = manager.list_snapshots(&opts).await?;
    page.items.iter().map(json_of).collect()
}
