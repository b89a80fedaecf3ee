//! Typed failures of PTY sessions.

/// The `code` of a server `error` frame.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PtyErrorCode {
    /// The session no longer exists.
    SessionGone,
    /// The shell could not be started.
    StartFailed,
    /// Stdin could not be written (the shell closed it or ended).
    StdinWriteFailed,
    /// The server did not understand a frame the client sent.
    InvalidFrame,
    /// Another connection is attached.
    AlreadyConnected,
    /// Another connection took the session over.
    TakenOver,
    /// Any other server-side failure.
    RuntimeError,
    /// A code this SDK does not know yet (kept verbatim).
    Other(String),
}

impl PtyErrorCode {
    /// Parses the wire spelling (`SESSION_GONE`, …).
    #[must_use]
    pub fn parse(code: &str) -> Self {
        match code {
            "SESSION_GONE" => Self::SessionGone,
            "START_FAILED" => Self::StartFailed,
            "STDIN_WRITE_FAILED" => Self::StdinWriteFailed,
            "INVALID_FRAME" => Self::InvalidFrame,
            "ALREADY_CONNECTED" => Self::AlreadyConnected,
            "TAKEN_OVER" => Self::TakenOver,
            "RUNTIME_ERROR" => Self::RuntimeError,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The wire spelling.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::SessionGone => "SESSION_GONE",
            Self::StartFailed => "START_FAILED",
            Self::StdinWriteFailed => "STDIN_WRITE_FAILED",
            Self::InvalidFrame => "INVALID_FRAME",
            Self::AlreadyConnected => "ALREADY_CONNECTED",
            Self::TakenOver => "TAKEN_OVER",
            Self::RuntimeError => "RUNTIME_ERROR",
            Self::Other(s) => s,
        }
    }
}

impl std::fmt::Display for PtyErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A PTY-specific failure (inside [`crate::Error::Pty`]).
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum PtyError {
    /// Another connection is attached (HTTP 409 or an `ALREADY_CONNECTED` frame):
    /// attach with [`super::AttachOptions::takeover`] to evict it.
    #[error(
        "pty session {session_id} already has a connection (attach with takeover to replace it)"
    )]
    AlreadyAttached {
        /// The session.
        session_id: String,
    },
    /// Another connection took the session over (close code 4001 `TAKEN_OVER`).
    #[error("pty session {session_id} was taken over by another connection")]
    TakenOver {
        /// The session.
        session_id: String,
    },
    /// The server's replay window no longer held everything missed since the last byte
    /// received: `lost` bytes are gone; output continues at `resumed_at`.
    #[error(
        "pty output lost: {lost} bytes between offsets {requested} and {resumed_at} fell out of the server's replay window"
    )]
    ReplayGap {
        /// The offset the client asked to resume from.
        requested: u64,
        /// The offset the server resumed at.
        resumed_at: u64,
        /// `resumed_at - requested`.
        lost: u64,
    },
    /// The server sent an `error` frame.
    #[error("pty server error {code}: {message}")]
    Server {
        /// The frame's code.
        code: PtyErrorCode,
        /// The frame's message.
        message: String,
    },
    /// The server broke the frame protocol.
    #[error("pty protocol error: {0}")]
    Protocol(String),
}
