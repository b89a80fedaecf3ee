//! Rust SDK for [OpenSandbox](https://github.com/alibaba/OpenSandbox): isolated sandboxes
//! that run untrusted code for AI agents.
//!
//! ```no_run
//! use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};
//!
//! # async fn demo() -> opensandbox::Result<()> {
//! // OPEN_SANDBOX_DOMAIN, OPEN_SANDBOX_API_KEY and OPEN_SANDBOX_PROTOCOL fill what is unset.
//! let config = ConnectionConfig::from_env()?;
//! let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
//!
//! let run = sandbox.commands().run("echo hello; exit 3").await?;
//! assert_eq!(run.stdout, "hello\n");
//! assert_eq!(run.exit_code, Some(3));
//!
//! sandbox.files().write("/tmp/data.txt", "some data").await?;
//! let back = sandbox.files().read_to_string("/tmp/data.txt").await?;
//! assert_eq!(back, "some data");
//!
//! sandbox.kill().await?;
//! # Ok(()) }
//! ```
//!
//! # Layers
//!
//! - [`Sandbox`] and [`SandboxManager`]: the high-level API — create and wait for
//!   readiness, commands (streamed, aggregated, background with [`follow`]),
//!   code, files, metrics, egress policy and the [credential vault](vault).
//! - [`LifecycleClient`], [`ExecdClient`], [`EgressClient`]: one typed client per API,
//!   covering every operation of the specs, each built from a base URL and a token.
//! - [`stream`]: one framing parser for execd's bare-JSON events, standard SSE and
//!   NDJSON; typed [`StreamEvent`](stream::StreamEvent)s that end at the terminal event;
//!   [`execution::Execution`] aggregates a stream.
//! - [`transport`]: the TLS key-strength policy, a [`RetryPolicy`] (on by default) that only
//!   repeats what is safe, and one [`Error`] type that says where a call stopped.
//!
//! Streams (command output, downloads, the metrics watch) have no whole-request
//! deadline: a connect timeout and an idle watchdog bound them instead. Secrets (API
//! keys, tokens, credential values) print as `***`.
//!
//! [`follow`]: sandbox::BackgroundCommand::follow
#![warn(missing_docs)]

pub mod config;
pub mod connection;
mod deadline;
pub mod egress;
pub mod error;
pub mod execd;
pub mod execution;
pub mod lifecycle;
pub mod port;
pub mod pty;
pub mod sandbox;
pub mod secret;
pub mod stream;
pub mod transport;
pub mod vault;

pub use config::ClientOptions;
pub use connection::ConnectionConfig;
pub use egress::EgressClient;
pub use error::{ApiError, Error, FieldError, Result};
pub use execd::ExecdClient;
pub use lifecycle::LifecycleClient;
pub use sandbox::{Sandbox, SandboxCreateOptions, SandboxManager};
pub use secret::Secret;
pub use transport::retry::RetryPolicy;
pub use transport::tls::RootCertificates;
pub use transport::tls::TransportConfig;
