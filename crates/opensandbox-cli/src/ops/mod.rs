//! Adapters over the `opensandbox` facade: every call into the SDK lives here, so
//! the command modules deal only in plain values, `serde` JSON and [`CliError`].

pub mod command;
pub mod connect;
pub mod diagnostics;
pub mod egress;
pub mod error;
pub mod files;
pub mod pty;
pub mod sandbox;
pub mod snapshot;
pub mod vault;

pub use connect::Conn;

use crate::exit::CliError;

/// Shorthand for results of adapter calls.
pub type OpResult<T> = Result<T, CliError>;
