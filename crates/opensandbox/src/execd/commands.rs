//! Shell commands: foreground and background runs, status, logs, interrupts.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use reqwest::Method;

use super::{ExecdClient, check_id};
use crate::error::{Error, Result};
use crate::execution::{CollectOptions, Execution};
use crate::stream::EventStream;

/// The response header carrying the next log cursor (a byte offset).
pub const TAIL_CURSOR_HEADER: &str = "EXECD-COMMANDS-TAIL-CURSOR";

/// A shell command to run with [`ExecdClient::run_command`] and its options.
///
/// A plain `&str` or `String` converts into a request with default options.
///
/// ```
/// use std::time::Duration;
/// use opensandbox::CommandRequest;
/// let req = CommandRequest::new("make test")
///     .cwd("/workspace")
///     .timeout(Duration::from_secs(600))
///     .env("CI", "1")
///     .user(1000, Some(1000));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CommandRequest {
    /// The command line, run by a shell.
    pub command: String,
    /// Working directory.
    pub cwd: Option<String>,
    /// Execd kills the process after this long (sent in milliseconds); `None` = no limit.
    pub timeout: Option<Duration>,
    /// Numeric user id to run as.
    pub uid: Option<u32>,
    /// Numeric group id to run as (only together with `uid`).
    pub gid: Option<u32>,
    /// Extra environment variables.
    pub envs: BTreeMap<String, String>,
    /// Return right after the process starts; follow it with
    /// [`ExecdClient::command_status`] and [`ExecdClient::command_logs`].
    pub background: bool,
}

impl CommandRequest {
    /// A foreground run of `command` with default options.
    pub fn new(command: impl Into<String>) -> Self {
        CommandRequest {
            command: command.into(),
            ..Default::default()
        }
    }

    /// Sets the working directory.
    pub fn cwd(mut self, cwd: impl Into<String>) -> Self {
        self.cwd = Some(cwd.into());
        self
    }

    /// Sets the server-side time limit (sent in milliseconds; zero is refused when the
    /// request is sent, since servers read 0 as no limit).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Runs as user `uid` and, optionally, group `gid`.
    #[must_use]
    pub fn user(mut self, uid: u32, gid: Option<u32>) -> Self {
        self.uid = Some(uid);
        self.gid = gid;
        self
    }

    /// Adds an environment variable.
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.envs.insert(name.into(), value.into());
        self
    }

    /// Adds environment variables.
    pub fn envs<K: Into<String>, V: Into<String>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.envs
            .extend(vars.into_iter().map(|(k, v)| (k.into(), v.into())));
        self
    }

    /// Runs in the background (or not).
    #[must_use]
    pub fn background(mut self, background: bool) -> Self {
        self.background = background;
        self
    }

    /// The wire request, validated.
    pub(crate) fn to_wire(&self) -> Result<super::types::RunCommandRequest> {
        if self.command.trim().is_empty() {
            return Err(Error::InvalidInput("the command must not be empty".into()));
        }
        if self.gid.is_some() && self.uid.is_none() {
            return Err(Error::InvalidInput("gid needs a uid".into()));
        }
        let id = |what: &str, v: Option<u32>| -> Result<Option<i32>> {
            v.map(|v| {
                i32::try_from(v)
                    .map_err(|_| Error::InvalidInput(format!("{what} {v} is too large")))
            })
            .transpose()
        };
        Ok(super::types::RunCommandRequest {
            background: self.background,
            command: self.command.clone(),
            cwd: self.cwd.clone(),
            envs: self.envs.clone().into_iter().collect(),
            gid: id("gid", self.gid)?,
            timeout: timeout_ms(self.timeout)?,
            uid: id("uid", self.uid)?,
        })
    }
}

impl From<&str> for CommandRequest {
    fn from(command: &str) -> Self {
        CommandRequest::new(command)
    }
}

impl From<String> for CommandRequest {
    fn from(command: String) -> Self {
        CommandRequest::new(command)
    }
}

impl From<&String> for CommandRequest {
    fn from(command: &String) -> Self {
        CommandRequest::new(command.clone())
    }
}

/// A server-side time limit in whole milliseconds (at least 1 for a non-zero duration).
/// Zero is refused: servers read 0 as "no limit", the opposite of what it says. A limit
/// too long to send means no limit (`None`: the field is left out).
pub(crate) fn timeout_ms(d: Option<Duration>) -> Result<Option<i64>> {
    let Some(d) = d else { return Ok(None) };
    if d.is_zero() {
        return Err(Error::InvalidInput(
            "a timeout of zero would mean no limit to the server; leave the timeout unset \
             for no limit, or give a positive duration"
                .into(),
        ));
    }
    let ms = d.as_millis().max(1);
    Ok(i64::try_from(ms).ok())
}

/// The state of a command ([`ExecdClient::command_status`]).
pub type CommandStatus = super::types::CommandStatusResponse;

/// A slice of a background command's output ([`ExecdClient::command_logs`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CommandLogs {
    /// Combined stdout and stderr written since the cursor. It may end in the middle of a
    /// line or of a multi-byte character.
    pub bytes: Bytes,
    /// The cursor for the next call (a byte offset), from the
    /// `EXECD-COMMANDS-TAIL-CURSOR` header; `None` when the server sent none or one that
    /// is not a byte offset.
    pub next_cursor: Option<u64>,
}

impl CommandLogs {
    /// The output as (lossy) UTF-8 text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

impl ExecdClient {
    /// Runs a command and waits for it to finish, collecting its output into an
    /// [`Execution`] (stdout, stderr, exit code, id). A non-zero exit is not an `Err`:
    /// check [`Execution::exit_code`] / [`Execution::error`] (or [`Execution::is_success`]).
    ///
    /// With [`CommandRequest::background`] the call returns as soon as the process has
    /// started; the execution then only carries its id.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn run_command(&self, request: impl Into<CommandRequest>) -> Result<Execution> {
        let request = request.into();
        let options = CollectOptions::new().background(request.background);
        let stream = self.run_command_stream(request).await?;
        Execution::collect(stream, options).await
    }

    /// Runs a command and returns its events as they arrive: `init` (the command id),
    /// `stdout`/`stderr` chunks, keep-alive `ping`s, then one terminal event
    /// (`execution_complete`, or `error` for a non-zero exit). The stream ends at the
    /// terminal event; dropping it early closes the connection (the command goes on
    /// running: use [`ExecdClient::interrupt_command`] to stop it).
    ///
    /// ```no_run
    /// # async fn demo(execd: opensandbox::api::execd::ExecdClient) -> opensandbox::Result<()> {
    /// use futures::StreamExt;
    /// use opensandbox::StreamEvent;
    /// let mut events = execd.run_command_stream("make test").await?;
    /// while let Some(event) = events.next().await {
    ///     match event? {
    ///         StreamEvent::Stdout { text, .. } => print!("{text}"),
    ///         StreamEvent::Stderr { text, .. } => eprint!("{text}"),
    ///         StreamEvent::Error { evalue, .. } => eprintln!("failed: {evalue}"),
    ///         _ => {}
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn run_command_stream(
        &self,
        request: impl Into<CommandRequest>,
    ) -> Result<EventStream> {
        let body = request.into().to_wire()?;
        self.post_event_stream(
            &opensandbox_execd_api::operations::RUN_COMMAND,
            "/command",
            &body,
        )
        .await
    }

    /// Starts a command in the background and returns its id (the `init` event's text)
    /// as soon as the process has started. Follow it with
    /// [`ExecdClient::command_status`] and [`ExecdClient::command_logs`].
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn start_background_command(
        &self,
        request: impl Into<CommandRequest>,
    ) -> Result<String> {
        let request = request.into().background(true);
        let stream = self.run_command_stream(request).await?;
        let exec = Execution::collect(stream, CollectOptions::new().background(true)).await?;
        if let Some(err) = exec.error {
            return Err(Error::stream(format!(
                "the background command failed to start: {err}"
            )));
        }
        exec.id
            .ok_or_else(|| Error::stream("the command stream carried no init event"))
    }

    /// The state of a command: running or not, and its exit code once it has ended
    /// (`None` while running means unknown, not 0).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn command_status(&self, command_id: &str) -> Result<CommandStatus> {
        check_id("command id", command_id)?;
        self.transport
            .run(self.api.get_command_status().id(command_id).send())
            .await
    }

    /// Output of a background command written since `cursor` (a byte offset; `None`
    /// for everything). Pass [`CommandLogs::next_cursor`] to the next call to poll
    /// incrementally. Only background commands keep logs (400 otherwise).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn command_logs(&self, command_id: &str, cursor: Option<u64>) -> Result<CommandLogs> {
        check_id("command id", command_id)?;
        let cursor = cursor
            .map(|c| {
                i64::try_from(c)
                    .map_err(|_| Error::InvalidInput(format!("cursor {c} is too large")))
            })
            .transpose()?;
        let path = format!("/command/{}/logs", super::path_segment(command_id));
        let r = self
            .transport
            .send(
                &opensandbox_execd_api::operations::GET_BACKGROUND_COMMAND_LOGS,
                || {
                    let mut b = self
                        .transport
                        .unary(Method::GET, &path)
                        .header(reqwest::header::ACCEPT, "text/plain");
                    if let Some(c) = cursor {
                        b = b.query(&[("cursor", c)]);
                    }
                    Ok(b)
                },
            )
            .await?;
        // The cursor header is typed int64 by the spec; a value that is not a byte offset
        // (garbage, negative) makes the cursor unknown, never drops the output.
        let next_cursor = r.headers().get(TAIL_CURSOR_HEADER).and_then(|v| {
            let parsed = v.to_str().ok().and_then(|s| s.trim().parse::<u64>().ok());
            if parsed.is_none() {
                tracing::warn!(
                    header = TAIL_CURSOR_HEADER,
                    value = %String::from_utf8_lossy(v.as_bytes()),
                    "ignoring a cursor header that is not a byte offset"
                );
            }
            parsed
        });
        let bytes = self.transport.read_body(r).await?;
        Ok(CommandLogs { bytes, next_cursor })
    }

    /// Interrupts a running command (foreground or background) by its id.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn interrupt_command(&self, command_id: &str) -> Result<()> {
        check_id("command id", command_id)?;
        self.transport
            .run(self.api.interrupt_command().id(command_id).send())
            .await
    }
}
