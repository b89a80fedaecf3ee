//! The wire layer: the generated clients and types of the three APIs, and the typed
//! clients the rest of the SDK is built on.
//!
//! Each module holds one API's generated crate (its `Client`, `types` and builders,
//! all generated from the specs) and the SDK's typed client for it, which adds
//! authentication, retries, tracing, error decoding and streaming. Use them for what
//! the high-level API ([`Sandbox`](crate::Sandbox), [`SandboxManager`](crate::SandboxManager))
//! does not cover; `raw()` on a typed client gives the generated one, with no extra
//! dependency.
//!
//! Types from here change when the specs change; the rest of the SDK's public types do
//! not depend on them.

/// The lifecycle API: sandboxes, snapshots, endpoints, diagnostics.
pub mod lifecycle {
    pub use crate::lifecycle::{
        API_KEY_HEADER, DiagnosticScope, LifecycleClient, ListOptions, SnapshotListOptions,
    };
    pub use opensandbox_lifecycle_api::*;
}

/// The execd API: commands, code, sessions, files, metrics, PTY.
pub mod execd {
    pub use crate::execd::*;
    pub use opensandbox_execd_api::*;
}

/// The egress API: network policy and the credential vault.
pub mod egress {
    pub use crate::egress::*;
    pub use opensandbox_egress_api::*;
}
