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
//! # Failure behaviour
//!
//! Every call ends, with a value or an [`Error`] that says where it stopped; nothing
//! panics on what a server sends or a caller passes, and no output or file byte is lost
//! silently. Defaults are given; each bound is a [`ClientOptions`] setting, and
//! `Duration::MAX` means "no limit" (never an overflow).
//!
//! | fault | result | bound |
//! |---|---|---|
//! | invalid input: empty or `.`/`..` ids, line 0, page size over 200, a zero command timeout, an unknown egress action | [`Error::InvalidInput`]; nothing is sent | at once |
//! | invalid settings: zero timeouts, a jitter fraction outside 0–1, NUL/CR/LF in a header value | [`Error::Config`] when the client is built | at once |
//! | connection refused | [`Error::Transport`] with `sent: false`, after the retries | connect timeout (10 s) per attempt, 3 attempts |
//! | no response headers (unary call) | [`Error::Timeout`] `"request"` | request timeout (30 s) |
//! | no response headers (stream, download, metrics watch) | [`Error::Timeout`] `"response headers"` | stream idle limit (60 s) |
//! | a stream or download goes quiet | [`Error::Timeout`] | stream idle limit (60 s) without a byte |
//! | reset or close mid-answer, lying `Content-Length`, broken chunking | [`Error::Transport`] (`sent: true`) | when it happens |
//! | a redirect (3xx) | [`Error::Redirect`] naming the `Location`; never followed, so credentials stay home | at once |
//! | an error status | [`Error::Api`]: status, code, message, request id, field errors; at most 64 KiB of the body is read, and `Debug` never prints it | when the first 64 KiB arrived |
//! | a success body over 64 MiB (unary answers) | [`Error::Decode`]; the body is not held | when the limit is passed |
//! | an undecodable success body | [`Error::Decode`] with the first bytes | at once |
//! | malformed stream frames, a stream ending before its terminal event | [`Error::Stream`] items; plain text in an SSE `data:` line is a [`StreamEvent::Unknown`](stream::StreamEvent) event instead | at once |
//! | transient failures (408, 429, 502, 503, 504; connection errors) | retried when safe ([`RetryPolicy`]): idempotent calls, and a POST only on 429 or when it was never sent | 3 attempts, 30 s budget, `Retry-After` up to 30 s |
//! | a sandbox that never becomes ready, an execd that never answers ping | [`Error::NotReady`] with the last state, the last cause and the execd address; `create` deletes the sandbox | ready timeout (30 s); each ping 5 s |
//! | a server that ignores the logs cursor | [`Error::CursorMismatch`] from `follow()`: output is never repeated | at once |
//! | a listing whose server never stops saying `hasNextPage` | ends at `totalPages`, at a page the server did not give, or with [`Error::Stream`] after [`sandbox::MAX_LIST_PAGES`] pages | as stated |
//! | a download to a path whose folder is missing, or to a dangling link | [`Error::Io`] naming the path; nothing is sent | at once |
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
pub use stream::Text;
pub use transport::retry::RetryPolicy;
pub use transport::tls::RootCertificates;
pub use transport::tls::TransportConfig;
