//! Sandboxes, snapshots and pages of them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::open_enum::open_enum;
use crate::api::lifecycle::types as lt;

open_enum! {
    /// Where a sandbox is in its life.
    pub enum SandboxState {
        /// Being provisioned or restored.
        Pending => "Pending",
        /// Up and accepting work.
        Running => "Running",
        /// Being frozen.
        Pausing => "Pausing",
        /// Frozen, with its state kept.
        Paused => "Paused",
        /// Waking up from `Paused`.
        Resuming => "Resuming",
        /// Shutting down.
        Stopping => "Stopping",
        /// Gone.
        Terminated => "Terminated",
        /// Stopped by an error it cannot recover from.
        Failed => "Failed",
    }
}

impl SandboxState {
    /// Whether the sandbox can no longer become `Running` on its own.
    #[must_use]
    pub fn is_dead(&self) -> bool {
        matches!(
            self,
            SandboxState::Stopping | SandboxState::Terminated | SandboxState::Failed
        )
    }
}

open_enum! {
    /// Where a snapshot is in its life.
    pub enum SnapshotState {
        /// Still being captured.
        Creating => "Creating",
        /// Usable to start sandboxes.
        Ready => "Ready",
        /// The capture failed.
        Failed => "Failed",
        /// Being removed.
        Deleting => "Deleting",
    }
}

/// A sandbox as the lifecycle API reports it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct SandboxInfo {
    /// The sandbox id.
    pub id: String,
    /// Its state.
    pub state: SandboxState,
    /// A short machine-readable reason for the state, when the server gives one.
    pub reason: Option<String>,
    /// A human-readable explanation of the state, when the server gives one.
    pub message: Option<String>,
    /// The image it runs (absent for sandboxes started from a snapshot).
    pub image: Option<String>,
    /// The process started in it.
    pub entrypoint: Vec<String>,
    /// Its metadata labels.
    pub metadata: HashMap<String, String>,
    /// When it was created.
    pub created_at: Option<DateTime<Utc>>,
    /// When it expires (absent with manual cleanup).
    pub expires_at: Option<DateTime<Utc>>,
}

impl From<lt::Sandbox> for SandboxInfo {
    fn from(s: lt::Sandbox) -> Self {
        SandboxInfo {
            id: s.id,
            state: SandboxState::parse(&s.status.state.0),
            reason: s.status.reason,
            message: s.status.message,
            image: s.image.map(|i| i.uri),
            entrypoint: s.entrypoint,
            metadata: s.metadata.into_iter().collect(),
            created_at: s.created_at,
            expires_at: s.expires_at,
        }
    }
}

/// A snapshot of a sandbox.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct SnapshotInfo {
    /// The snapshot id.
    pub id: String,
    /// The sandbox it was taken from.
    pub sandbox_id: String,
    /// Its name, if it was given one.
    pub name: Option<String>,
    /// Its state.
    pub state: SnapshotState,
    /// A short machine-readable reason for the state.
    pub reason: Option<String>,
    /// A human-readable explanation of the state.
    pub message: Option<String>,
    /// When it was taken.
    pub created_at: DateTime<Utc>,
}

impl From<lt::Snapshot> for SnapshotInfo {
    fn from(s: lt::Snapshot) -> Self {
        SnapshotInfo {
            id: s.id,
            sandbox_id: s.sandbox_id,
            name: s.name,
            state: SnapshotState::parse(&s.status.state.0),
            reason: s.status.reason,
            message: s.status.message,
            created_at: s.created_at,
        }
    }
}

/// One page of a listing.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: u64,
    /// Items per page.
    pub page_size: u64,
    /// Items in all pages.
    pub total_items: u64,
    /// Number of pages.
    pub total_pages: u64,
    /// Whether a later page exists.
    pub has_next_page: bool,
}

impl<T> Page<T> {
    pub(crate) fn from_wire<W>(items: Vec<W>, p: lt::PaginationInfo) -> Self
    where
        T: From<W>,
    {
        Page {
            items: items.into_iter().map(T::from).collect(),
            page: p.page.get(),
            page_size: p.page_size.get(),
            total_items: p.total_items,
            total_pages: p.total_pages,
            has_next_page: p.has_next_page,
        }
    }
}

impl From<lt::ListSandboxesResponse> for Page<SandboxInfo> {
    fn from(r: lt::ListSandboxesResponse) -> Self {
        Page::from_wire(r.items, r.pagination)
    }
}

impl From<lt::ListSnapshotsResponse> for Page<SnapshotInfo> {
    fn from(r: lt::ListSnapshotsResponse) -> Self {
        Page::from_wire(r.items, r.pagination)
    }
}

/// Diagnostic logs or events of a sandbox: inline text, or a URL to fetch it from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Diagnostics {
    /// The sandbox they are about.
    pub sandbox_id: String,
    /// `logs` or `events`.
    pub kind: String,
    /// The content's media type.
    pub content_type: String,
    /// The content, when delivered inline.
    pub content: Option<String>,
    /// Where to fetch the content, when delivered by URL.
    pub content_url: Option<String>,
    /// The content's size in bytes, when known.
    pub content_length: Option<u64>,
    /// When `content_url` stops working.
    pub expires_at: Option<DateTime<Utc>>,
}

impl From<lt::DiagnosticContentResponse> for Diagnostics {
    fn from(d: lt::DiagnosticContentResponse) -> Self {
        Diagnostics {
            sandbox_id: d.sandbox_id,
            kind: d.kind.to_string(),
            content_type: d.content_type,
            content: d.content,
            content_url: d.content_url,
            content_length: d.content_length,
            expires_at: d.expires_at,
        }
    }
}
