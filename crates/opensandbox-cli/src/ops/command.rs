//! Commands in a sandbox: streamed runs, background runs and their logs, status,
//! interrupts and bash sessions.

use std::time::Duration;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use opensandbox::Sandbox;
use opensandbox::{CommandRequest, SessionCommand, SessionOptions, StreamEvent};
use serde_json::Value;

use super::sandbox::json_of;
use super::{Conn, OpResult};
use crate::exit::CliError;

/// What `osb command run` runs.
#[derive(Debug, Clone, Default)]
pub struct CommandSpec {
    /// The command line (run by a shell).
    pub command: String,
    /// Working directory.
    pub cwd: Option<String>,
    /// Server-side time limit.
    pub timeout: Option<Duration>,
    /// Extra environment variables.
    pub env: Vec<(String, String)>,
}

impl CommandSpec {
    fn request(&self) -> CommandRequest {
        let mut r = CommandRequest::new(self.command.clone());
        if let Some(cwd) = &self.cwd {
            r = r.cwd(cwd.clone());
        }
        if let Some(t) = self.timeout {
            r = r.timeout(t);
        }
        for (k, v) in &self.env {
            r = r.env(k.clone(), v.clone());
        }
        r
    }
}

/// One thing a running command did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEvent {
    /// It started with this id (for interrupt, status and logs).
    Started(String),
    /// Standard output.
    Stdout(opensandbox::Text),
    /// Standard error.
    Stderr(opensandbox::Text),
    /// It exited with this code. The last event.
    Exited(i32),
    /// It failed without an exit code (`name: value`, traceback). The last event.
    Failed(String),
}

/// A sandbox whose commands are being run (kept for the interrupt on Ctrl-C).
pub struct Runner {
    sandbox: Sandbox,
}

impl Runner {
    /// Connects to sandbox `id`.
    pub async fn connect(conn: &Conn, id: &str) -> OpResult<Self> {
        Ok(Runner {
            sandbox: conn.sandbox(id).await?,
        })
    }

    /// Runs a command; its events arrive as they happen.
    pub async fn run(
        &self,
        spec: &CommandSpec,
    ) -> OpResult<impl Stream<Item = OpResult<RunEvent>> + use<>> {
        let events = self.sandbox.commands().run_stream(spec.request()).await?;
        Ok(events.filter_map(|e| async move { map_event(e).transpose() }))
    }

    /// Runs a command line in bash session `session`.
    pub async fn run_in_session(
        &self,
        session: &str,
        command: &str,
        cwd: Option<String>,
        timeout: Option<Duration>,
    ) -> OpResult<impl Stream<Item = OpResult<RunEvent>> + use<>> {
        let mut c = SessionCommand::new(command.to_owned());
        if let Some(cwd) = cwd {
            c = c.cwd(cwd);
        }
        if let Some(t) = timeout {
            c = c.timeout(t);
        }
        let events = self
            .sandbox
            .commands()
            .session(session)
            .run_stream(c)
            .await?;
        Ok(events.filter_map(|e| async move { map_event(e).transpose() }))
    }

    /// Starts a command in the background; returns its id.
    pub async fn background(&self, spec: &CommandSpec) -> OpResult<String> {
        let cmd = self
            .sandbox
            .commands()
            .background(spec.request().background(true))
            .await?;
        Ok(cmd.id().to_owned())
    }

    /// Interrupts command `command_id`.
    pub async fn interrupt(&self, command_id: &str) -> OpResult<()> {
        Ok(self.sandbox.commands().interrupt(command_id).await?)
    }

    /// The state of command `command_id`.
    pub async fn status(&self, command_id: &str) -> OpResult<Value> {
        json_of(&self.sandbox.commands().status(command_id).await?)
    }

    /// Output of background command `command_id` since byte `cursor`, and the next cursor.
    pub async fn logs(
        &self,
        command_id: &str,
        cursor: Option<u64>,
    ) -> OpResult<(Bytes, Option<u64>)> {
        let logs = self.sandbox.commands().logs(command_id, cursor).await?;
        Ok((logs.bytes, logs.next_cursor))
    }

    /// Follows background command `command_id` from byte `cursor` until it ends: output
    /// chunks, each with the cursor after it.
    pub fn follow(
        &self,
        command_id: &str,
        cursor: u64,
    ) -> impl Stream<Item = OpResult<(Bytes, u64)>> + use<> {
        let follow = self
            .sandbox
            .commands()
            .attach(command_id)
            .follow_from(cursor);
        futures::stream::unfold(follow, |mut f| async move {
            let item = f.next().await?;
            let cursor = f.cursor();
            Some((item.map(|b| (b, cursor)).map_err(CliError::from), f))
        })
    }

    /// Waits for background command `command_id` to end; its exit code when known.
    pub async fn wait(&self, command_id: &str) -> OpResult<Option<i32>> {
        let status = self.sandbox.commands().attach(command_id).wait().await?;
        Ok(status.exit_code)
    }

    /// Opens a bash session; returns its id.
    pub async fn create_session(&self, cwd: Option<String>) -> OpResult<String> {
        let mut o = SessionOptions::new();
        if let Some(cwd) = cwd {
            o = o.cwd(cwd);
        }
        Ok(self
            .sandbox
            .commands()
            .create_session(o)
            .await?
            .id()
            .to_owned())
    }

    /// Closes bash session `session`.
    pub async fn delete_session(&self, session: &str) -> OpResult<()> {
        Ok(self.sandbox.commands().session(session).close().await?)
    }
}

fn map_event(e: opensandbox::Result<StreamEvent>) -> OpResult<Option<RunEvent>> {
    let e = e?;
    if let Some(code) = e.exit_code() {
        return Ok(Some(RunEvent::Exited(code)));
    }
    Ok(match e {
        StreamEvent::Init { id, .. } => Some(RunEvent::Started(id)),
        StreamEvent::Stdout { text, .. } => Some(RunEvent::Stdout(text)),
        StreamEvent::Stderr { text, .. } => Some(RunEvent::Stderr(text)),
        StreamEvent::ExecutionComplete { .. } => Some(RunEvent::Exited(0)),
        StreamEvent::Error {
            ename,
            evalue,
            traceback,
            ..
        } => {
            let mut s = format!("{ename}: {evalue}");
            for line in traceback {
                s.push_str("; ");
                s.push_str(&line);
            }
            Some(RunEvent::Failed(s))
        }
        _ => None,
    })
}
