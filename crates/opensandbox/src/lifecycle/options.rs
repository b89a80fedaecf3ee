//! Filters, paging and scopes of lifecycle listings and diagnostics.

use std::collections::BTreeMap;

use crate::model::SandboxState;

/// Filters and paging for listing sandboxes
/// ([`SandboxManager::list`](crate::SandboxManager::list)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListOptions {
    /// Only sandboxes in one of these states.
    pub states: Vec<SandboxState>,
    /// Only sandboxes whose metadata has all of these key/value pairs.
    pub metadata: BTreeMap<String, String>,
    /// Page number, from 1.
    pub page: Option<u64>,
    /// Items per page (the server allows at most 200).
    pub page_size: Option<u64>,
}

impl ListOptions {
    /// No filter, server-default paging.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a state filter (several widen the filter).
    #[must_use]
    pub fn state(mut self, state: SandboxState) -> Self {
        self.states.push(state);
        self
    }

    /// Adds a metadata filter.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }

    /// Sets the page (from 1).
    #[must_use]
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets the page size (1 to [`MAX_PAGE_SIZE`](crate::sandbox::MAX_PAGE_SIZE); anything else is refused before
    /// sending).
    #[must_use]
    pub fn page_size(mut self, size: u64) -> Self {
        self.page_size = Some(size);
        self
    }
}

/// Filters and paging for listing snapshots
/// ([`SandboxManager::list_snapshots`](crate::SandboxManager::list_snapshots)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SnapshotListOptions {
    /// Only snapshots of this sandbox.
    pub sandbox_id: Option<String>,
    /// Only snapshots in one of these states.
    pub states: Vec<crate::model::SnapshotState>,
    /// Page number, from 1.
    pub page: Option<u64>,
    /// Items per page (at most 200).
    pub page_size: Option<u64>,
}

impl SnapshotListOptions {
    /// No filter, server-default paging.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Only snapshots of `sandbox_id`.
    pub fn sandbox_id(mut self, sandbox_id: impl Into<String>) -> Self {
        self.sandbox_id = Some(sandbox_id.into());
        self
    }

    /// Adds a state filter (several widen the filter).
    #[must_use]
    pub fn state(mut self, state: crate::model::SnapshotState) -> Self {
        self.states.push(state);
        self
    }

    /// Sets the page (from 1).
    #[must_use]
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets the page size.
    #[must_use]
    pub fn page_size(mut self, size: u64) -> Self {
        self.page_size = Some(size);
        self
    }
}

/// Which diagnostics to read ([`SandboxManager::diagnostic_logs`](crate::SandboxManager::diagnostic_logs)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiagnosticScope {
    /// The sandbox container.
    Container,
    /// Lifecycle operations on the sandbox.
    Lifecycle,
    /// The container runtime.
    Runtime,
    /// Networking.
    Network,
    /// Processes inside the sandbox.
    Process,
    /// Everything.
    All,
}

impl DiagnosticScope {
    /// The wire value.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticScope::Container => "container",
            DiagnosticScope::Lifecycle => "lifecycle",
            DiagnosticScope::Runtime => "runtime",
            DiagnosticScope::Network => "network",
            DiagnosticScope::Process => "process",
            DiagnosticScope::All => "all",
        }
    }
}
