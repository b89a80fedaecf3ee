//! Rust SDK for OpenSandbox.
#![warn(missing_docs)]

pub mod config;
pub mod error;
pub mod lifecycle;
pub mod secret;
pub mod stream;
pub mod transport;

pub use config::ClientOptions;
pub use error::{ApiError, Error, Result};
pub use lifecycle::LifecycleClient;
pub use secret::Secret;
pub use transport::retry::RetryPolicy;
pub use transport::tls::TransportConfig;
pub use transport::tls::RootCertificates;
