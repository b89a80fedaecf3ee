//! Persistent bash sessions: shell state (directory, variables, functions) carries over
//! between runs.

use std::time::Duration;

use super::commands::timeout_ms;
use super::{ExecdClient, check_id, path_segment};
use crate::error::{Error, Result};
use crate::execution::{CollectOptions, Execution};
use crate::stream::EventStream;

/// Options for [`ExecdClient::create_session`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SessionOptions {
    /// Directory the shell starts in (server default when `None`).
    pub cwd: Option<String>,
}

impl SessionOptions {
    /// Default options.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the starting directory.
    pub fn cwd(mut self, cwd: impl Into<String>) -> Self {
        self.cwd = Some(cwd.into());
        self
    }
}

/// A command line to run in a bash session ([`ExecdClient::run_in_session`]).
///
/// A plain `&str` or `String` converts into a request with default options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SessionCommand {
    /// Shell text; it may change the session's directory or environment.
    pub command: String,
    /// Directory for this run only, overriding the session's current one.
    pub cwd: Option<String>,
    /// Time limit (sent in milliseconds); `None` = no limit.
    pub timeout: Option<Duration>,
}

impl SessionCommand {
    /// A run of `command` with default options.
    pub fn new(command: impl Into<String>) -> Self {
        SessionCommand {
            command: command.into(),
            ..Default::default()
        }
    }

    /// Runs in `cwd` instead of the session's current directory.
    pub fn cwd(mut self, cwd: impl Into<String>) -> Self {
        self.cwd = Some(cwd.into());
        self
    }

    /// Sets the time limit.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    fn to_wire(&self) -> Result<super::types::RunInSessionRequest> {
        if self.command.trim().is_empty() {
            return Err(Error::InvalidInput("the command must not be empty".into()));
        }
        Ok(super::types::RunInSessionRequest {
            command: self.command.clone(),
            cwd: self.cwd.clone(),
            timeout: timeout_ms(self.timeout)?,
        })
    }
}

impl From<&str> for SessionCommand {
    fn from(command: &str) -> Self {
        SessionCommand::new(command)
    }
}

impl From<String> for SessionCommand {
    fn from(command: String) -> Self {
        SessionCommand::new(command)
    }
}

impl ExecdClient {
    /// Opens a persistent bash session and returns its id.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn create_session(&self, options: SessionOptions) -> Result<String> {
        let body = super::types::CreateSessionRequest { cwd: options.cwd };
        let r = self
            .transport
            .run(self.api.create_session().body(body).send())
            .await?;
        Ok(r.session_id)
    }

    /// Runs a command line in a session and waits for it, collecting the output into an
    /// [`Execution`].
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn run_in_session(
        &self,
        session_id: &str,
        command: impl Into<SessionCommand>,
    ) -> Result<Execution> {
        let stream = self.run_in_session_stream(session_id, command).await?;
        Execution::collect(stream, CollectOptions::default()).await
    }

    /// Runs a command line in a session and returns its events as they arrive; the
    /// stream ends at the terminal event. An unknown session is reported as
    /// [`Error::Api`] before any event.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn run_in_session_stream(
        &self,
        session_id: &str,
        command: impl Into<SessionCommand>,
    ) -> Result<EventStream> {
        check_id("session id", session_id)?;
        let body = command.into().to_wire()?;
        let path = format!("/session/{}/run", path_segment(session_id));
        self.post_event_stream(
            &opensandbox_execd_api::operations::RUN_IN_SESSION,
            &path,
            &body,
        )
        .await
    }

    /// Closes a session, killing anything still running in it.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn delete_session(&self, session_id: &str) -> Result<()> {
        check_id("session id", session_id)?;
        self.transport
            .run(self.api.delete_session().session_id(session_id).send())
            .await
    }
}
