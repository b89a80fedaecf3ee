//! Interactive terminals inside a sandbox: execd's PTY sessions over WebSocket.
//!
//! [`Pty`] (from [`crate::Sandbox::pty`]) and the same methods on [`ExecdClient`]
//! create, inspect and delete sessions through the REST part (generated from our
//! overlay of the execd document); [`Pty::attach`] opens the WebSocket and returns a
//! [`PtySession`]: output events with their offsets, stdin, `resize`, `signal`, the exit
//! code, and [`PtySession::reattach`] after a dropped connection, continuing exactly
//! after the last byte received. A session is also a tokio
//! [`AsyncRead`](tokio::io::AsyncRead) + [`AsyncWrite`](tokio::io::AsyncWrite).
//!
//! ```no_run
//! # async fn demo(sandbox: opensandbox::Sandbox) -> opensandbox::Result<()> {
//! use opensandbox::pty::{AttachOptions, PtyCreateOptions, PtyEvent};
//! let pty = sandbox.pty();
//! let id = pty.create(PtyCreateOptions::new()).await?;
//! let mut term = pty.attach(&id, AttachOptions::new()).await?;
//! term.resize(120, 40).await?;
//! term.write_stdin(b"echo hi; exit 3\n").await?;
//! while let Some(event) = term.next_event().await? {
//!     match event {
//!         PtyEvent::Output { data, .. } => print!("{}", String::from_utf8_lossy(&data)),
//!         PtyEvent::Exit { code } => println!("exit {code}"),
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! WebSocket connections use the SDK's TLS policy, headers (execd token, endpoint
//! headers), path prefixes, the host rewrite and the proxies from the environment
//! (`HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY`, `NO_PROXY`; `http://` proxies, by
//! `CONNECT`), like every other call.

mod error;
mod link;
mod proxy;
mod session;
pub(crate) mod ws;

use crate::error::{Error, Result};
use crate::execd::ExecdClient;

pub use error::{PtyError, PtyErrorCode};
pub use session::{PtyEvent, PtySession, PtyStreamKind, PtyWriter};
pub use ws::{WebSocket, WsStream};

/// The server keeps the last this many bytes of output for replay.
pub const REPLAY_WINDOW: u64 = 1024 * 1024;

/// Options of a new PTY session.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PtyCreateOptions {
    /// Working directory of the shell (default: the sandbox's).
    pub cwd: Option<String>,
    /// A command line bash runs instead of an interactive shell.
    pub command: Option<String>,
}

impl PtyCreateOptions {
    /// No options: an interactive shell in the default directory.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The shell's working directory.
    pub fn cwd(mut self, cwd: impl Into<String>) -> Self {
        self.cwd = Some(cwd.into());
        self
    }

    /// Run this command line (by bash) instead of an interactive shell.
    pub fn command(mut self, command: impl Into<String>) -> Self {
        self.command = Some(command.into());
        self
    }
}

/// State of a PTY session.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PtyStatus {
    /// The session id.
    pub session_id: String,
    /// Whether the shell has started (on the first attach) and not yet exited.
    pub running: bool,
    /// Total bytes of output so far.
    pub output_offset: u64,
}

/// How the shell's output reaches the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum PtyMode {
    /// A pseudo-terminal: one output stream, echo, job control, a window size.
    #[default]
    Pty,
    /// Pipes: stdout and stderr apart, no terminal.
    Pipe,
}

impl PtyMode {
    fn query(self) -> &'static str {
        match self {
            PtyMode::Pty => "1",
            PtyMode::Pipe => "0",
        }
    }
}

/// Options of [`Pty::attach`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AttachOptions {
    /// PTY or pipe mode; takes effect on the attach that starts the shell.
    pub mode: PtyMode,
    /// Replay output from this offset; bytes the server no longer holds are reported as
    /// [`PtyError::ReplayGap`]. `None`: whatever the server replays by default
    /// (everything it still holds), offsets starting at its first replayed byte, no gap.
    pub since: Option<u64>,
    /// Evict a connection that is already attached (it is closed with `TAKEN_OVER`).
    pub takeover: bool,
}

impl AttachOptions {
    /// PTY mode, default replay, no takeover.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// PTY or pipe mode.
    #[must_use]
    pub fn mode(mut self, mode: PtyMode) -> Self {
        self.mode = mode;
        self
    }

    /// Replay from `offset`.
    #[must_use]
    pub fn since(mut self, offset: u64) -> Self {
        self.since = Some(offset);
        self
    }

    /// Evict an attached connection.
    #[must_use]
    pub fn takeover(mut self, on: bool) -> Self {
        self.takeover = on;
        self
    }
}

/// PTY sessions of one sandbox (from [`crate::Sandbox::pty`]); taken from a sandbox, it
/// follows the sandbox's current execd endpoint. An attached [`PtySession`] keeps the
/// endpoint it attached to.
#[derive(Clone)]
pub struct Pty {
    source: crate::sandbox::ExecdSource,
}

impl std::fmt::Debug for Pty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pty")
            .field("execd", &self.source.get().base_url())
            .finish()
    }
}

impl Pty {
    /// The handle for `execd`'s sessions.
    #[must_use]
    pub fn new(execd: ExecdClient) -> Self {
        Pty {
            source: crate::sandbox::ExecdSource::Fixed(execd),
        }
    }

    pub(crate) fn from_source(source: crate::sandbox::ExecdSource) -> Self {
        Pty { source }
    }

    /// Creates a session; its shell starts on the first attach. Returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for an error status (404 for an unknown session) or a transport
    /// failure.
    pub async fn create(&self, options: PtyCreateOptions) -> Result<String> {
        self.source.get().create_pty(options).await
    }

    /// The session's state.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for an error status (404 for an unknown session) or a transport
    /// failure.
    pub async fn status(&self, session_id: &str) -> Result<PtyStatus> {
        self.source.get().pty_status(session_id).await
    }

    /// Kills the session's shell and forgets the session.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for an error status (404 for an unknown session) or a transport
    /// failure.
    pub async fn delete(&self, session_id: &str) -> Result<()> {
        self.source.get().delete_pty(session_id).await
    }

    /// Attaches to the session over WebSocket (starting its shell on the first attach).
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for an error status (404 for an unknown session),
    /// a transport failure; attaching also fails with [`Error::Pty`]
    /// when the WebSocket handshake is refused.
    pub async fn attach(&self, session_id: &str, options: AttachOptions) -> Result<PtySession> {
        self.source.get().attach_pty(session_id, options).await
    }
}

impl ExecdClient {
    /// Creates a PTY session; its shell starts on the first attach. Returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) for an error status (404 for an unknown session),
    /// a transport failure; attaching also fails with [`Error::Pty`](crate::Error::Pty)
    /// when the WebSocket handshake is refused.
    pub async fn create_pty(&self, options: PtyCreateOptions) -> Result<String> {
        let body = opensandbox_execd_api::types::PtyCreateRequest {
            cwd: options.cwd,
            command: options.command,
        };
        let resp = self
            .transport
            .run(self.api.create_pty_session().body(body).send())
            .await?;
        Ok(resp.session_id)
    }

    /// The state of PTY session `session_id`.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) for an error status (404 for an unknown session),
    /// a transport failure; attaching also fails with [`Error::Pty`](crate::Error::Pty)
    /// when the WebSocket handshake is refused.
    pub async fn pty_status(&self, session_id: &str) -> Result<PtyStatus> {
        crate::lifecycle::check_id("session id", session_id)?;
        let resp = self
            .transport
            .run(self.api.get_pty_session().session_id(session_id).send())
            .await?;
        let output_offset = u64::try_from(resp.output_offset).map_err(|_| Error::Decode {
            status: reqwest::StatusCode::OK,
            message: format!("negative output_offset {}", resp.output_offset),
            snippet: String::new(),
        })?;
        Ok(PtyStatus {
            session_id: resp.session_id,
            running: resp.running,
            output_offset,
        })
    }

    /// Kills PTY session `session_id`'s shell and forgets the session.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) for an error status (404 for an unknown session),
    /// a transport failure; attaching also fails with [`Error::Pty`](crate::Error::Pty)
    /// when the WebSocket handshake is refused.
    pub async fn delete_pty(&self, session_id: &str) -> Result<()> {
        crate::lifecycle::check_id("session id", session_id)?;
        self.transport
            .run(self.api.delete_pty_session().session_id(session_id).send())
            .await
    }

    /// Attaches to PTY session `session_id` over WebSocket.
    ///
    /// # Errors
    ///
    /// [`Error::Api`](crate::Error::Api) for an error status (404 for an unknown session),
    /// a transport failure; attaching also fails with [`Error::Pty`](crate::Error::Pty)
    /// when the WebSocket handshake is refused.
    pub async fn attach_pty(&self, session_id: &str, options: AttachOptions) -> Result<PtySession> {
        crate::lifecycle::check_id("session id", session_id)?;
        PtySession::attach(self.clone(), session_id.to_owned(), options).await
    }

    /// The WebSocket URL (as `http(s)://`) of a session with `options`.
    pub(crate) fn pty_ws_url(&self, session_id: &str, options: &AttachOptions) -> String {
        let mut url = self.transport.url(&format!(
            "/pty/{}/ws?pty={}",
            crate::execd::path_segment(session_id),
            options.mode.query()
        ));
        if let Some(since) = options.since {
            url.push_str(&format!("&since={since}"));
        }
        if options.takeover {
            url.push_str("&takeover=1");
        }
        url
    }

    /// Opens a WebSocket to `path` (starting with `/`) under this client's base URL.
    pub(crate) async fn websocket(&self, http_url: &str) -> Result<WebSocket> {
        ws::connect(http_url, self.transport.headers(), self.transport.options()).await
    }
}
