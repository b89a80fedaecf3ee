//! The SDK's own types for what servers report: sandboxes, snapshots, pages, files,
//! code contexts, command states, the egress policy and the credential vault.
//!
//! They are `#[non_exhaustive]`, so a field the servers add later is not a breaking
//! change, and they are built from the generated wire types (`opensandbox::api`) at the
//! edge of the SDK.

mod open_enum;
mod policy;
mod sandbox;
mod vault;
mod workspace;

pub use policy::{EgressRule, NetworkPolicy, PolicyStatus, RuleAction};
pub(crate) use policy::{check_target, to_egress_rules};
pub use sandbox::{Diagnostics, Page, SandboxInfo, SandboxState, SnapshotInfo, SnapshotState};
pub use vault::{BindingInfo, CredentialInfo, VaultState};
pub use workspace::{CodeContext, CommandStatus, FileInfo, FileKind, Permissions};
