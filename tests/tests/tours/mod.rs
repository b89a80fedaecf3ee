//! The tours of the contract test: every operation of every client, through the facade.

pub mod egress;
pub mod execd;
pub mod lifecycle;
pub mod sandbox;

/// File names of the documents in `specs/`.
pub const LIFECYCLE: &str = "sandbox-lifecycle.yml";
/// The diagnostics document.
pub const DIAGNOSTICS: &str = "diagnostic-api.yml";
/// The execd document.
pub const EXECD: &str = "execd-api.yaml";
/// The egress document.
pub const EGRESS: &str = "egress-api.yaml";
