//! A sandbox's outbound network policy, through its egress sidecar.

use serde_json::Value;

use super::sandbox::json_of;
use super::{Conn, OpResult};

/// The policy in force.
pub async fn get(conn: &Conn, id: &str) -> OpResult<Value> {
    let sandbox = conn.sandbox(id).await?;
    json_of(&sandbox.egress().get().await?)
}

/// Allows traffic to `targets`; returns the new policy.
pub async fn allow(conn: &Conn, id: &str, targets: Vec<String>) -> OpResult<Value> {
    let sandbox = conn.sandbox(id).await?;
    json_of(&sandbox.egress().allow(targets).await?)
}

/// Denies traffic to `targets`; returns the new policy.
pub async fn deny(conn: &Conn, id: &str, targets: Vec<String>) -> OpResult<Value> {
    let sandbox = conn.sandbox(id).await?;
    json_of(&sandbox.egress().deny(targets).await?)
}

/// Removes the rules for `targets`; returns the new policy.
pub async fn remove(conn: &Conn, id: &str, targets: Vec<String>) -> OpResult<Value> {
    let sandbox = conn.sandbox(id).await?;
    json_of(&sandbox.egress().remove(targets).await?)
}
