//! Shared helpers of the workspace's contract and end-to-end tests.
//!
//! The contract tests (`tests/tests/contract.rs`) drive every operation of every SDK client
//! through [Prism](https://github.com/stoplightio/prism) mocking the project's own
//! documents, with a recording proxy in between:
//!
//! ```text
//! SDK client ──HTTP──▶ proxy::Front (records; strips /v1 or /proxy/<port>) ──▶ Prism (one per document)
//! ```
//!
//! - [`spec`] reads `specs/*.y*ml` with `serde_yaml`: the operations to cover come from
//!   there, never from a hand-written list.
//! - [`prism`] finds, starts, shares and always stops Prism.
//! - [`proxy`] is the recording reverse proxy: per request the matched operation, the
//!   request, the status and Prism's `sl-violations`.
//! - [`contract`] ties them together: steps labelled with the SDK call, violations, the
//!   coverage table.

use std::path::PathBuf;

pub mod contract;
pub mod multipart;
pub mod prism;
pub mod proxy;
pub mod spec;

pub use contract::Contract;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(".."))
}
