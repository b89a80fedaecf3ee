//! Exit codes and the one error type of `osb`: every failure becomes one line on stderr
//! and a documented exit code.

use std::fmt;
use std::process::ExitCode;

/// Exit code of a command that succeeded.
pub const OK: u8 = 0;
/// Exit code of a failure that fits no other class (a local file, a broken stream).
pub const FAILURE: u8 = 1;
/// Exit code of a usage error: bad flags or arguments, invalid input or configuration;
/// nothing was sent.
pub const USAGE: u8 = 2;
/// Exit code when the server said the sandbox, file or other resource does not exist.
pub const NOT_FOUND: u8 = 3;
/// Exit code of any other error answer of a server (including a rejected API key).
pub const API: u8 = 4;
/// Exit code of a transport failure: no connection, TLS, a timeout.
pub const TRANSPORT: u8 = 5;
/// Exit code after Ctrl-C (128 + SIGINT).
pub const INTERRUPTED: u8 = 130;

/// What kind of failure an error is; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// See [`FAILURE`].
    Failure,
    /// See [`USAGE`].
    Usage,
    /// See [`NOT_FOUND`].
    NotFound,
    /// See [`API`].
    Api,
    /// See [`TRANSPORT`].
    Transport,
    /// Stdout was closed by its reader (`osb file cat … | head`): exit quietly.
    BrokenPipe,
}

impl Kind {
    /// The process exit code of this kind.
    pub fn code(self) -> u8 {
        match self {
            Kind::Failure => FAILURE,
            Kind::Usage => USAGE,
            Kind::NotFound => NOT_FOUND,
            Kind::Api => API,
            Kind::Transport => TRANSPORT,
            Kind::BrokenPipe => OK,
        }
    }
}

/// A failure of an `osb` command: its kind and one line of text for stderr.
#[derive(Debug)]
pub struct CliError {
    /// The kind (decides the exit code).
    pub kind: Kind,
    /// What went wrong, as one line.
    pub message: String,
}

impl CliError {
    /// An error of `kind` with `message`.
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        CliError {
            kind,
            message: message.into(),
        }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }

    /// A failure of no particular class.
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Kind::Failure, message)
    }

    /// The process exit code.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.kind.code())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&one_line(&self.message))
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::new(Kind::BrokenPipe, "broken pipe")
        } else {
            CliError::failure(e.to_string())
        }
    }
}

/// `text` on one line: line breaks and tabs become spaces, runs of spaces collapse.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a command ends with: the exit code to use (0, or a remote command's code).
pub type Outcome = Result<u8, CliError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line() {
        let e = CliError::failure("first\nsecond\t third  ");
        assert_eq!(e.to_string(), "first second third");
    }

    #[test]
    fn broken_pipe_is_quiet_success() {
        let e: CliError = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(e.kind, Kind::BrokenPipe);
        assert_eq!(e.kind.code(), OK);
        let e: CliError = std::io::Error::from(std::io::ErrorKind::NotFound).into();
        assert_eq!(e.kind.code(), FAILURE);
    }
}
