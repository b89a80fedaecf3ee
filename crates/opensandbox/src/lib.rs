#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod api;
pub mod config;
pub mod connection;
mod deadline;
mod egress;
pub mod error;
mod execd;
pub mod execution;
mod lifecycle;
pub mod model;
pub mod pool;
pub mod port;
pub mod prelude;
pub mod pty;
pub mod sandbox;
pub mod secret;
pub mod stream;
pub mod transport;
pub mod vault;

pub use config::ClientOptions;
pub use connection::ConnectionConfig;
pub use error::{ApiError, Error, FieldError, Result};
pub use execd::{
    CodeRequest, CommandLogs, CommandRequest, ContentRange, ContextRequest, Download, LineRange,
    SessionCommand, SessionOptions, UploadFile,
};
pub use execution::{CollectOptions, Execution};
pub use model::{
    BindingInfo, CodeContext, CommandStatus, CredentialInfo, EgressRule, FileInfo, FileKind,
    NetworkPolicy, Page, Permissions, PolicyStatus, RuleAction, SandboxInfo, SandboxState,
    SnapshotInfo, SnapshotState, VaultState,
};
pub use pool::{
    AcquirePolicy, InMemoryPoolStore, Pool, PoolError, PoolOptions, PoolStatus, PoolStore,
};
pub use sandbox::{
    ConnectOptions, EndpointOptions, Platform, Sandbox, SandboxCreateOptions, SandboxManager,
    SnapshotOptions, Volume,
};
pub use secret::Secret;
pub use stream::{StreamEvent, Text};
pub use transport::retry::RetryPolicy;
pub use transport::tls::RootCertificates;
pub use transport::tls::TransportConfig;
