//! Background commands: a handle to follow their output and wait for their exit.

use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::Stream;
use futures::stream::{BoxStream, FusedStream, StreamExt};

use super::ExecdSource;
use crate::error::{Error, Result};
use crate::execd::{CommandLogs, CommandStatus, ExecdClient};

/// How [`BackgroundCommand::follow`] and [`BackgroundCommand::wait`] poll.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FollowOptions {
    /// The first delay between polls once there is no new output (default 100 ms).
    pub min_poll_interval: Duration,
    /// The longest delay between polls (default 1 s); the delay doubles while nothing
    /// happens and drops back when output arrives.
    pub max_poll_interval: Duration,
    /// How long calls may keep failing with transient errors (connection lost, timeout,
    /// 5xx, 429) before following gives up with the last error (default 2 min). Any
    /// success resets it.
    pub reconnect_timeout: Duration,
}

impl Default for FollowOptions {
    fn default() -> Self {
        FollowOptions {
            min_poll_interval: Duration::from_millis(100),
            max_poll_interval: Duration::from_secs(1),
            reconnect_timeout: Duration::from_secs(120),
        }
    }
}

impl FollowOptions {
    /// The defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the first and the longest delay between polls.
    #[must_use]
    pub fn poll_interval(mut self, min: Duration, max: Duration) -> Self {
        self.min_poll_interval = min;
        self.max_poll_interval = max.max(min);
        self
    }

    /// Sets how long transient failures are retried.
    #[must_use]
    pub fn reconnect_timeout(mut self, timeout: Duration) -> Self {
        self.reconnect_timeout = timeout;
        self
    }
}

/// How a background command ended ([`BackgroundCommand::wait`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExitStatus {
    /// The exit code; `None` when the server does not know it (for example a process
    /// killed by a signal). Never `Some(0)` unless the server reported 0.
    pub exit_code: Option<i32>,
    /// The server's error message, if it reported one.
    pub error: Option<String>,
    /// When the process started.
    pub started_at: Option<DateTime<Utc>>,
    /// When it ended.
    pub finished_at: Option<DateTime<Utc>>,
}

impl ExitStatus {
    /// Whether the command exited with code 0 and no error.
    #[must_use]
    pub fn success(&self) -> bool {
        self.exit_code == Some(0) && self.error.is_none()
    }

    fn from_status(s: &CommandStatus) -> Self {
        ExitStatus {
            exit_code: s.exit_code,
            error: s.error.clone().filter(|e| !e.is_empty()),
            started_at: s.started_at,
            finished_at: s.finished_at,
        }
    }
}

impl fmt::Display for ExitStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.exit_code, &self.error) {
            (Some(code), None) => write!(f, "exit code {code}"),
            (Some(code), Some(e)) => write!(f, "exit code {code} ({e})"),
            (None, Some(e)) => write!(f, "exit code unknown ({e})"),
            (None, None) => f.write_str("exit code unknown"),
        }
    }
}

/// Whether a status says the command has ended.
pub(crate) fn is_finished(s: &CommandStatus) -> bool {
    match s.running {
        Some(running) => !running,
        None => s.finished_at.is_some() || s.exit_code.is_some(),
    }
}

/// A command started in the background
/// ([`Commands::background`](super::Commands::background)).
///
/// [`follow`](BackgroundCommand::follow) tails its output until it ends;
/// [`wait`](BackgroundCommand::wait) waits for its exit status. Both poll execd (status,
/// and logs with a byte cursor) and survive dropped connections: output is neither
/// lost nor repeated.
///
/// ```no_run
/// # async fn demo(sandbox: &opensandbox::Sandbox) -> opensandbox::Result<()> {
/// use futures::StreamExt;
/// let cmd = sandbox.commands().background("for i in 1 2 3; do echo $i; sleep 1; done").await?;
/// let mut output = cmd.follow();
/// while let Some(chunk) = output.next().await {
///     print!("{}", String::from_utf8_lossy(&chunk?));
/// }
/// let status = cmd.wait().await?;
/// println!("{status}");
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct BackgroundCommand {
    id: String,
    execd: ExecdSource,
    options: FollowOptions,
}

impl fmt::Debug for BackgroundCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BackgroundCommand")
            .field("id", &self.id)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl BackgroundCommand {
    /// A handle to the background command `id` of the execd behind `execd` (for example
    /// one started earlier, by this or another process).
    pub fn attach(execd: ExecdClient, id: impl Into<String>) -> Self {
        Self::from_source(ExecdSource::Fixed(execd), id.into())
    }

    pub(crate) fn from_source(execd: ExecdSource, id: String) -> Self {
        BackgroundCommand {
            id,
            execd,
            options: FollowOptions::default(),
        }
    }

    /// Sets how following and waiting poll.
    #[must_use]
    pub fn with_options(mut self, options: FollowOptions) -> Self {
        self.options = options;
        self
    }

    /// The command id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The current state: running or not, exit code once ended.
    ///
    /// # Errors
    ///
    /// As the same operation on [`Commands`](crate::sandbox::Commands): an error status
    /// (404 for an unknown command) or a transport failure.
    pub async fn status(&self) -> Result<crate::model::CommandStatus> {
        Ok(self.execd.get().command_status(&self.id).await?.into())
    }

    /// Output written since `cursor` (a byte offset; `None` for everything), and the
    /// next cursor.
    ///
    /// # Errors
    ///
    /// As the same operation on [`Commands`](crate::sandbox::Commands): an error status
    /// (404 for an unknown command) or a transport failure.
    pub async fn logs(&self, cursor: Option<u64>) -> Result<CommandLogs> {
        self.execd.get().command_logs(&self.id, cursor).await
    }

    /// Interrupts the command.
    ///
    /// # Errors
    ///
    /// As the same operation on [`Commands`](crate::sandbox::Commands): an error status
    /// (404 for an unknown command) or a transport failure.
    pub async fn interrupt(&self) -> Result<()> {
        self.execd.get().interrupt_command(&self.id).await
    }

    /// Tails the output (stdout and stderr combined, raw bytes) from the beginning
    /// until the command ends. See [`Follow`].
    #[must_use]
    pub fn follow(&self) -> Follow {
        self.follow_from(0)
    }

    /// Tails the output from byte offset `cursor` (for example [`Follow::cursor`] of an
    /// earlier follow) until the command ends.
    pub fn follow_from(&self, cursor: u64) -> Follow {
        let position = Arc::new(AtomicU64::new(cursor));
        let state = FollowState {
            id: self.id.clone(),
            execd: self.execd.clone(),
            options: self.options.clone(),
            cursor: position.clone(),
            delay: self.options.min_poll_interval,
            failing_since: None,
            finished: false,
            done: false,
        };
        Follow {
            inner: futures::stream::unfold(state, FollowState::next).boxed(),
            cursor: position,
            ended: false,
        }
    }

    /// Waits until the command has ended and returns its exit status. Transient
    /// failures are retried for [`FollowOptions::reconnect_timeout`].
    ///
    /// # Errors
    ///
    /// A transport failure or error status while the command's state is polled.
    pub async fn wait(&self) -> Result<ExitStatus> {
        let mut delay = self.options.min_poll_interval;
        let mut failing_since: Option<Instant> = None;
        loop {
            match self.execd.get().command_status(&self.id).await {
                Ok(s) if is_finished(&s) => return Ok(ExitStatus::from_status(&s)),
                Ok(_) => {
                    failing_since = None;
                    tokio::time::sleep(delay).await;
                    delay = next_delay(delay, &self.options);
                }
                Err(e) => {
                    let since = *failing_since.get_or_insert_with(Instant::now);
                    if !e.is_transient() || since.elapsed() >= self.options.reconnect_timeout {
                        return Err(e);
                    }
                    tracing::debug!(command = %self.id, error = %e, "status poll failed; retrying");
                    tokio::time::sleep(delay).await;
                    delay = next_delay(delay, &self.options);
                }
            }
        }
    }
}

fn next_delay(delay: Duration, options: &FollowOptions) -> Duration {
    delay.saturating_mul(2).min(options.max_poll_interval)
}

/// The output of a background command as it is written
/// ([`BackgroundCommand::follow`]): `Stream<Item = Result<Bytes>>`, ending when the
/// command has ended and all its output has been delivered.
///
/// Chunks are raw bytes (a chunk may end inside a line or a UTF-8 character). The
/// cursor only advances by the bytes actually delivered, so a dropped connection or a
/// failed poll is retried from where it stopped: nothing is lost or repeated.
/// Transient failures are retried for [`FollowOptions::reconnect_timeout`]; after that,
/// or on a permanent error (unknown command, authentication), the stream yields the
/// error and ends. Resume later with [`BackgroundCommand::follow_from`] and
/// [`Follow::cursor`].
pub struct Follow {
    inner: BoxStream<'static, Result<Bytes>>,
    cursor: Arc<AtomicU64>,
    ended: bool,
}

impl fmt::Debug for Follow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Follow")
            .field("cursor", &self.cursor())
            .field("ended", &self.ended)
            .finish()
    }
}

impl Follow {
    /// The byte offset of the next byte to deliver (bytes delivered so far, plus the
    /// starting offset).
    #[must_use]
    pub fn cursor(&self) -> u64 {
        self.cursor.load(Ordering::Acquire)
    }
}

impl Stream for Follow {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.ended {
            return Poll::Ready(None);
        }
        let item = futures::ready!(self.inner.poll_next_unpin(cx));
        if item.is_none() {
            self.ended = true;
        }
        Poll::Ready(item)
    }
}

impl FusedStream for Follow {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}

struct FollowState {
    id: String,
    execd: ExecdSource,
    options: FollowOptions,
    cursor: Arc<AtomicU64>,
    delay: Duration,
    failing_since: Option<Instant>,
    /// The status said the command ended: one more empty logs read ends the stream.
    finished: bool,
    done: bool,
}

impl FollowState {
    async fn next(mut self) -> Option<(Result<Bytes>, Self)> {
        loop {
            if self.done {
                return None;
            }
            let execd = self.execd.get();
            let cursor = self.cursor.load(Ordering::Acquire);
            match execd.command_logs(&self.id, Some(cursor)).await {
                Ok(logs) => {
                    self.failing_since = None;
                    if !logs.bytes.is_empty() {
                        let len = logs.bytes.len() as u64;
                        let advanced = cursor.saturating_add(len);
                        // The server's cursor says where its answer ends. An answer that
                        // starts before the cursor asked for (a server that ignored
                        // `?cursor=` and sent everything again) would repeat output.
                        if let Some(next) = logs.next_cursor
                            && next >= len
                            && next - len < cursor
                        {
                            self.done = true;
                            return Some((
                                Err(Error::CursorMismatch {
                                    command_id: self.id.clone(),
                                    requested: cursor,
                                    served_from: next - len,
                                }),
                                self,
                            ));
                        }
                        if let Some(next) = logs.next_cursor
                            && next != advanced
                        {
                            tracing::debug!(
                                command = %self.id,
                                cursor,
                                received = len,
                                server_cursor = next,
                                "the server's cursor disagrees with the bytes received; following the bytes"
                            );
                        }
                        self.cursor.store(advanced, Ordering::Release);
                        self.delay = self.options.min_poll_interval;
                        return Some((Ok(logs.bytes), self));
                    }
                    if self.finished {
                        return None;
                    }
                }
                Err(e) => match self.on_error(e).await {
                    Some(e) => return Some((Err(e), self)),
                    None => continue,
                },
            }
            // No new output: has the command ended?
            match execd.command_status(&self.id).await {
                Ok(status) => {
                    self.failing_since = None;
                    if is_finished(&status) {
                        // Read the logs once more: output written before it ended.
                        self.finished = true;
                        continue;
                    }
                    tokio::time::sleep(self.delay).await;
                    self.delay = next_delay(self.delay, &self.options);
                }
                Err(e) => {
                    if let Some(e) = self.on_error(e).await {
                        return Some((Err(e), self));
                    }
                }
            }
        }
    }

    /// Sleeps and returns `None` to retry a transient error, or returns the error (and
    /// marks the stream done) when it is permanent or has lasted too long.
    async fn on_error(&mut self, e: Error) -> Option<Error> {
        let since = *self.failing_since.get_or_insert_with(Instant::now);
        if !e.is_transient() || since.elapsed() >= self.options.reconnect_timeout {
            self.done = true;
            return Some(e);
        }
        tracing::debug!(command = %self.id, error = %e, "following failed; retrying from the same cursor");
        tokio::time::sleep(self.delay).await;
        self.delay = next_delay(self.delay, &self.options);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(running: Option<bool>, exit: Option<i32>) -> CommandStatus {
        CommandStatus {
            content: None,
            error: None,
            exit_code: exit,
            finished_at: None,
            id: Some("c".into()),
            running,
            started_at: None,
        }
    }

    #[test]
    fn finished_detection_and_unknown_exit_codes() {
        assert!(!is_finished(&status(Some(true), None)));
        assert!(is_finished(&status(Some(false), None)));
        assert!(is_finished(&status(None, Some(3))));
        assert!(!is_finished(&status(None, None)));
        let s = ExitStatus::from_status(&status(Some(false), None));
        assert_eq!(s.exit_code, None);
        assert!(!s.success());
        assert_eq!(s.to_string(), "exit code unknown");
        assert!(ExitStatus::from_status(&status(Some(false), Some(0))).success());
    }
}
