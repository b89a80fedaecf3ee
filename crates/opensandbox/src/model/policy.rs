//! Outbound network policy: the one [`NetworkPolicy`] type, its rules, and what the
//! egress sidecar reports.

use super::open_enum::open_enum;
use crate::api::egress::types as gt;
use crate::api::lifecycle::types as lt;
use crate::error::{Error, Result};

open_enum! {
    /// What a rule (or the policy's default) does with matching traffic.
    pub enum RuleAction {
        /// Let it through.
        Allow => "allow",
        /// Block it.
        Deny => "deny",
    }
}

impl RuleAction {
    /// `Ok` for the actions servers accept; `Other` is refused before anything is sent.
    pub(crate) fn check(&self) -> Result<()> {
        match self {
            RuleAction::Other(a) => Err(Error::InvalidInput(format!(
                "unknown network rule action {a:?}: use RuleAction::Allow or RuleAction::Deny"
            ))),
            _ => Ok(()),
        }
    }
}

/// One rule: an action for a domain (`api.example.com`) or a wildcard
/// (`*.example.com`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct EgressRule {
    /// What the rule does.
    pub action: RuleAction,
    /// The domain it matches.
    pub target: String,
}

impl EgressRule {
    /// A rule allowing `target`.
    #[must_use]
    pub fn allow(target: impl Into<String>) -> Self {
        EgressRule {
            action: RuleAction::Allow,
            target: target.into(),
        }
    }

    /// A rule denying `target`.
    #[must_use]
    pub fn deny(target: impl Into<String>) -> Self {
        EgressRule {
            action: RuleAction::Deny,
            target: target.into(),
        }
    }

    /// Checks the action and that the target is a domain, not a URL or empty.
    pub(crate) fn check(&self) -> Result<()> {
        self.action.check()?;
        check_target(&self.target)
    }
}

/// Refuses an empty target or a URL where a domain is expected.
pub(crate) fn check_target(target: &str) -> Result<()> {
    if target.trim().is_empty() {
        return Err(Error::InvalidInput(
            "a network rule's target must not be empty".into(),
        ));
    }
    if target.contains("://") || target.contains('/') {
        return Err(Error::InvalidInput(format!(
            "network rule target {target:?} must be a domain (`api.example.com` or `*.example.com`), not a URL"
        )));
    }
    Ok(())
}

/// An outbound network policy: a default action and ordered rules; the first matching
/// rule decides. Used when creating a sandbox
/// ([`SandboxCreateOptions::network_policy`](crate::SandboxCreateOptions::network_policy))
/// and reported by the egress sidecar ([`PolicyStatus::policy`]).
///
/// ```
/// use opensandbox::NetworkPolicy;
/// let policy = NetworkPolicy::deny_by_default()
///     .allow("api.example.com")
///     .allow("*.pypi.org");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct NetworkPolicy {
    /// What happens to traffic no rule matches.
    pub default_action: RuleAction,
    /// The rules, in order.
    pub rules: Vec<EgressRule>,
}

impl NetworkPolicy {
    /// Blocks everything no rule allows.
    #[must_use]
    pub fn deny_by_default() -> Self {
        NetworkPolicy {
            default_action: RuleAction::Deny,
            rules: Vec::new(),
        }
    }

    /// Lets through everything no rule denies.
    #[must_use]
    pub fn allow_by_default() -> Self {
        NetworkPolicy {
            default_action: RuleAction::Allow,
            rules: Vec::new(),
        }
    }

    /// Adds a rule allowing `target`.
    #[must_use]
    pub fn allow(mut self, target: impl Into<String>) -> Self {
        self.rules.push(EgressRule::allow(target));
        self
    }

    /// Adds a rule denying `target`.
    #[must_use]
    pub fn deny(mut self, target: impl Into<String>) -> Self {
        self.rules.push(EgressRule::deny(target));
        self
    }

    /// Adds a rule.
    #[must_use]
    pub fn rule(mut self, rule: EgressRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// Checks every action and target.
    pub(crate) fn check(&self) -> Result<()> {
        self.default_action.check()?;
        self.rules.iter().try_for_each(EgressRule::check)
    }

    /// The lifecycle API's form (checked first).
    pub(crate) fn to_lifecycle(&self) -> Result<lt::NetworkPolicy> {
        self.check()?;
        let action = |a: &RuleAction| match a {
            RuleAction::Allow => lt::NetworkRuleAction::Allow,
            _ => lt::NetworkRuleAction::Deny,
        };
        Ok(lt::NetworkPolicy {
            default_action: Some(match self.default_action {
                RuleAction::Allow => lt::NetworkPolicyDefaultAction::Allow,
                _ => lt::NetworkPolicyDefaultAction::Deny,
            }),
            egress: self
                .rules
                .iter()
                .map(|r| lt::NetworkRule {
                    action: action(&r.action),
                    target: r.target.clone(),
                })
                .collect(),
        })
    }
}

/// The egress API's form of rules (checked first).
pub(crate) fn to_egress_rules(rules: &[EgressRule]) -> Result<Vec<gt::NetworkRule>> {
    rules
        .iter()
        .map(|r| {
            r.check()?;
            Ok(gt::NetworkRule {
                action: match r.action {
                    RuleAction::Allow => gt::NetworkRuleAction::Allow,
                    _ => gt::NetworkRuleAction::Deny,
                },
                target: r.target.clone(),
            })
        })
        .collect()
}

impl From<gt::NetworkPolicy> for NetworkPolicy {
    fn from(p: gt::NetworkPolicy) -> Self {
        NetworkPolicy {
            // A missing default counts as deny (the sidecar's rule).
            default_action: p
                .default_action
                .map_or(RuleAction::Deny, |a| RuleAction::parse(&a.to_string())),
            rules: p
                .egress
                .into_iter()
                .map(|r| EgressRule {
                    action: RuleAction::parse(&r.action.to_string()),
                    target: r.target,
                })
                .collect(),
        }
    }
}

/// The egress sidecar's policy as reported after a read or a change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct PolicyStatus {
    /// The outcome (`ok`).
    pub status: Option<String>,
    /// The mode the sidecar derives from the policy (`deny_all`, …).
    pub mode: Option<String>,
    /// How the sidecar enforces the policy (`dns`, …).
    pub enforcement_mode: Option<String>,
    /// An explanation, when the sidecar has one.
    pub reason: Option<String>,
    /// The policy in force.
    pub policy: Option<NetworkPolicy>,
}

impl From<gt::PolicyStatusResponse> for PolicyStatus {
    fn from(p: gt::PolicyStatusResponse) -> Self {
        PolicyStatus {
            status: p.status,
            mode: p.mode,
            enforcement_mode: p.enforcement_mode,
            reason: p.reason,
            policy: p.policy.map(NetworkPolicy::from),
        }
    }
}
