//! Rust SDK for OpenSandbox.
#![warn(missing_docs)]

pub mod config;
pub mod connection;
pub mod egress;
pub mod error;
pub mod execd;
pub mod execution;
pub mod lifecycle;
pub mod sandbox;
pub mod secret;
pub mod stream;
pub mod transport;
pub mod vault;

pub use config::ClientOptions;
pub use connection::ConnectionConfig;
pub use egress::EgressClient;
pub use error::{ApiError, Error, Result};
pub use execd::ExecdClient;
pub use lifecycle::LifecycleClient;
pub use sandbox::{Sandbox, SandboxCreateOptions, SandboxManager};
pub use secret::Secret;
pub use transport::retry::RetryPolicy;
pub use transport::tls::RootCertificates;
pub use transport::tls::TransportConfig;
