//! The types nearly every program uses, and the `futures` traits that consume streams:
//! `use opensandbox::prelude::*;`.
//!
//! ```no_run
//! use opensandbox::prelude::*;
//!
//! # async fn demo() -> opensandbox::Result<()> {
//! let config = ConnectionConfig::from_env()?;
//! let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
//! let mut events = sandbox.commands().run_stream("ls /").await?;
//! while let Some(event) = events.next().await {
//!     if let StreamEvent::Stdout { text, .. } = event? {
//!         print!("{text}");
//!     }
//! }
//! sandbox.kill().await?;
//! # Ok(()) }
//! ```

pub use futures::{StreamExt as _, TryStreamExt as _};

pub use crate::{
    ClientOptions, CodeRequest, CommandRequest, ConnectionConfig, EgressRule, Error, Execution,
    NetworkPolicy, Permissions, Result, Sandbox, SandboxCreateOptions, SandboxManager,
    SandboxState, StreamEvent, UploadFile,
    sandbox::ListOptions,
    vault::{Binding, Credential, CredentialVault},
};
