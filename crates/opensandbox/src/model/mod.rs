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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::execd::types as xt;

    #[test]
    fn states_are_open_enums() {
        assert_eq!(SandboxState::parse("Running"), SandboxState::Running);
        assert_eq!(SandboxState::Running, "Running");
        let future = SandboxState::parse("Hibernating");
        assert_eq!(future, SandboxState::Other("Hibernating".into()));
        assert_eq!(future.to_string(), "Hibernating");
        assert!(SandboxState::Failed.is_dead() && !SandboxState::Paused.is_dead());
        let json = serde_json::to_string(&SnapshotState::Ready).unwrap();
        assert_eq!(json, "\"Ready\"");
        let back: SnapshotState = serde_json::from_str("\"Archived\"").unwrap();
        assert_eq!(back, SnapshotState::Other("Archived".into()));
    }

    #[test]
    fn modes_are_permission_bits_and_octal_digits_on_the_wire() {
        let wire = Permissions::mode(0o750).owner("app").to_wire().unwrap();
        assert_eq!(wire.mode, 750);
        assert_eq!(wire.owner.as_deref(), Some("app"));
        assert!(Permissions::mode(0o10000).to_wire().is_err());
        let info: FileInfo = serde_json::from_value::<xt::FileInfo>(serde_json::json!({
            "path": "/a", "mode": 644, "type": "directory", "size": 12
        }))
        .unwrap()
        .into();
        assert_eq!(info.mode, Some(0o644));
        assert!(info.is_dir());
        assert_eq!(info.size, Some(12));
        // A mode that is not octal digits is dropped rather than misread.
        let odd: FileInfo = serde_json::from_value::<xt::FileInfo>(serde_json::json!({
            "path": "/b", "mode": 999
        }))
        .unwrap()
        .into();
        assert_eq!(odd.mode, None);
    }

    #[test]
    fn rules_refuse_unknown_actions_and_urls() {
        assert!(EgressRule::allow("pypi.org").check().is_ok());
        assert!(
            EgressRule::allow("https://pypi.org/simple")
                .check()
                .is_err()
        );
        let mut r = EgressRule::deny("x.example");
        r.action = RuleAction::parse("ALLOW");
        assert!(r.check().is_err());
        let wire = to_egress_rules(&[EgressRule::deny("x.example")]).unwrap();
        assert_eq!(serde_json::to_value(&wire).unwrap()[0]["action"], "deny");
    }
}
