//! [`Commands`] and [`Session`]: shell commands in a sandbox.

use std::fmt;

use super::run_methods;
use crate::error::Result;
use crate::execd::{CommandLogs, CommandRequest, SessionCommand, SessionOptions};
use crate::execution::CollectOptions;
use crate::model::CommandStatus;
use crate::sandbox::ExecdSource;
use crate::sandbox::background::BackgroundCommand;

/// Shell commands in a sandbox ([`Sandbox::commands`](crate::Sandbox::commands)).
#[derive(Clone)]
pub struct Commands {
    source: ExecdSource,
}

impl fmt::Debug for Commands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Commands")
            .field("execd", &self.source.get().base_url())
            .finish()
    }
}

impl Commands {
    pub(crate) fn new(source: ExecdSource) -> Self {
        Commands { source }
    }

    run_methods!(
        CommandRequest,
        |this, r| this.source.get().run_command_stream(r).await,
        |r| CollectOptions::new().background(r.background)
    );

    /// Starts a command in the background and returns a handle to follow its output
    /// and wait for its exit ([`BackgroundCommand`]).
    ///
    /// # Errors
    ///
    /// As [`Commands::run`], for the start of the command.
    pub async fn background(
        &self,
        request: impl Into<CommandRequest>,
    ) -> Result<BackgroundCommand> {
        let id = self.source.get().start_background_command(request).await?;
        Ok(BackgroundCommand::from_source(self.source.clone(), id))
    }

    /// A handle to an existing background command.
    #[must_use]
    pub fn attach(&self, command_id: impl Into<String>) -> BackgroundCommand {
        BackgroundCommand::from_source(self.source.clone(), command_id.into())
    }

    /// The state of a command (running, exit code once ended).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty id, the
    /// server's answer (404 for an unknown command), or a transport failure.
    pub async fn status(&self, command_id: &str) -> Result<CommandStatus> {
        Ok(self.source.get().command_status(command_id).await?.into())
    }

    /// A background command's output since `cursor` (a byte offset; `None` from the
    /// start).
    ///
    /// # Errors
    ///
    /// As [`Commands::status`].
    pub async fn logs(&self, command_id: &str, cursor: Option<u64>) -> Result<CommandLogs> {
        self.source.get().command_logs(command_id, cursor).await
    }

    /// Interrupts a running command.
    ///
    /// # Errors
    ///
    /// As [`Commands::status`].
    pub async fn interrupt(&self, command_id: &str) -> Result<()> {
        self.source.get().interrupt_command(command_id).await
    }

    /// Opens a persistent bash session.
    ///
    /// # Errors
    ///
    /// The server's refusal or a transport failure.
    pub async fn create_session(&self, options: SessionOptions) -> Result<Session> {
        let id = self.source.get().create_session(options).await?;
        Ok(Session {
            id,
            source: self.source.clone(),
        })
    }

    /// A handle to an existing session.
    #[must_use]
    pub fn session(&self, session_id: impl Into<String>) -> Session {
        Session {
            id: session_id.into(),
            source: self.source.clone(),
        }
    }
}

/// A persistent bash session: directory, variables and functions carry over between
/// runs ([`Commands::create_session`]). Close it with [`Session::close`].
#[derive(Clone)]
pub struct Session {
    id: String,
    source: ExecdSource,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session").field("id", &self.id).finish()
    }
}

impl Session {
    /// The session id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    run_methods!(
        SessionCommand,
        |this, r| this.source.get().run_in_session_stream(&this.id, r).await,
        |_r| CollectOptions::new()
    );

    /// Closes the session, killing anything still running in it.
    ///
    /// # Errors
    ///
    /// The server's answer (404 for an unknown session) or a transport failure.
    pub async fn close(&self) -> Result<()> {
        self.source.get().delete_session(&self.id).await
    }
}
