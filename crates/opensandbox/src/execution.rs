//! Aggregating an event stream into the result of one execution.

use std::time::Duration;

use futures::{Stream, StreamExt};
use serde_json::{Map, Value};

use crate::error::Result;
use crate::stream::StreamEvent;

/// How [`Execution::collect`] and [`Execution::push`] aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CollectOptions {
    /// Accumulate stdout and stderr text. Turn off for long or chatty streams whose output
    /// is consumed elsewhere (or not at all). Default: `true`.
    pub keep_output: bool,
    /// The command was started with `background: true`: its `execution_complete` only
    /// means it was started, so it does not set [`Execution::exit_code`] to `Some(0)`.
    /// Default: `false`.
    pub background: bool,
}

impl Default for CollectOptions {
    fn default() -> Self {
        CollectOptions {
            keep_output: true,
            background: false,
        }
    }
}

impl CollectOptions {
    /// The defaults: keep output, foreground.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether stdout and stderr are accumulated.
    #[must_use]
    pub fn keep_output(mut self, keep_output: bool) -> Self {
        self.keep_output = keep_output;
        self
    }

    /// Sets whether the stream is a background command's (exit code stays unknown).
    #[must_use]
    pub fn background(mut self, background: bool) -> Self {
        self.background = background;
        self
    }
}

/// One result value of a code execution.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ExecutionResult {
    /// The plain-text form: `results["text"]`, falling back to `results["text/plain"]`.
    pub text: Option<String>,
    /// The raw MIME map (`text`, `text/html`, `image/png`, …; values may be non-strings).
    pub raw: Map<String, Value>,
    /// The execution count the result belongs to.
    pub execution_count: Option<i64>,
    /// When the result was produced (Unix milliseconds).
    pub timestamp: Option<i64>,
}

/// Why an execution failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExecutionError {
    /// The error name (exception class, or `CommandExecError` for a non-zero exit).
    pub ename: String,
    /// The error value (message, or the exit code).
    pub evalue: String,
    /// The traceback lines.
    pub traceback: Vec<String>,
}

impl ExecutionError {
    /// The exit code, if this is a `CommandExecError`.
    #[must_use]
    pub fn exit_code(&self) -> Option<i32> {
        crate::stream::command_exit_code(&self.ename, &self.evalue)
    }
}

impl std::fmt::Display for ExecutionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.exit_code() {
            Some(code) => write!(f, "exited with code {code}"),
            None if self.evalue.is_empty() => f.write_str(&self.ename),
            None => write!(f, "{}: {}", self.ename, self.evalue),
        }
    }
}

/// The aggregate of one execution's events: output, results, error and exit code.
///
/// Build it with [`collect`](Execution::collect) from a whole stream, or feed events one at
/// a time with [`push`](Execution::push). `status` and `ping` events are not output.
///
/// ```
/// # async fn demo() -> Result<(), opensandbox::Error> {
/// use opensandbox::execution::{CollectOptions, Execution};
/// use opensandbox::stream::{EventStream, StreamOptions};
///
/// let body = futures::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from_static(
///     b"{\"type\":\"init\",\"text\":\"cmd-1\"}\n\n\
///       {\"type\":\"stdout\",\"text\":\"hello\\n\"}\n\n\
///       {\"type\":\"error\",\"error\":{\"ename\":\"CommandExecError\",\"evalue\":\"2\"}}\n\n",
/// ))]);
/// let events = EventStream::new(body, StreamOptions::default());
/// let exec = Execution::collect(events, CollectOptions::default()).await?;
/// assert_eq!(exec.id.as_deref(), Some("cmd-1"));
/// assert_eq!(exec.stdout, "hello\n");
/// assert_eq!(exec.exit_code, Some(2));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Execution {
    /// The execution id from the `init` event.
    pub id: Option<String>,
    /// All stdout text, in order (empty when `keep_output` is off).
    pub stdout: String,
    /// All stderr text, in order (empty when `keep_output` is off).
    pub stderr: String,
    /// The result values, in order.
    pub results: Vec<ExecutionResult>,
    /// The error, if the execution failed.
    pub error: Option<ExecutionError>,
    /// `Some(0)` after `execution_complete`, `Some(n)` after a `CommandExecError` with
    /// exit code `n`, `None` while unknown (still running, a background command, or a
    /// failure that carries no exit code).
    pub exit_code: Option<i32>,
    /// The latest execution count seen.
    pub execution_count: Option<i64>,
    /// How long the execution took (from `execution_complete`).
    pub duration: Option<Duration>,
    /// Whether the terminal event (`execution_complete` or `error`) was seen.
    pub complete: bool,
    options: CollectOptions,
}

impl Execution {
    /// An empty aggregate with the given options, to [`push`](Execution::push) events into.
    #[must_use]
    pub fn new(options: CollectOptions) -> Self {
        Execution {
            options,
            ..Execution::default()
        }
    }

    /// Reads `stream` to its end and aggregates every event.
    ///
    /// Fails with the stream's first error (a broken connection, the idle watchdog, a
    /// malformed frame, a stream that ended before its terminal event); to keep what was
    /// received before an error, drive the stream yourself and [`push`](Execution::push)
    /// each event.
    ///
    /// # Errors
    ///
    /// The stream's first error: a broken connection, the idle watchdog, a malformed frame,
    /// or a stream that ended before its terminal event.
    pub async fn collect<S>(stream: S, options: CollectOptions) -> Result<Execution>
    where
        S: Stream<Item = Result<StreamEvent>>,
    {
        let mut exec = Execution::new(options);
        let mut stream = std::pin::pin!(stream);
        while let Some(event) = stream.next().await {
            exec.push(&event?);
            if exec.complete {
                break;
            }
        }
        Ok(exec)
    }

    /// Adds one event.
    pub fn push(&mut self, event: &StreamEvent) {
        match event {
            StreamEvent::Init { id, .. } => {
                if !id.is_empty() {
                    self.id = Some(id.clone());
                }
            }
            StreamEvent::Stdout { text, .. } => {
                if self.options.keep_output {
                    self.stdout.push_str(text);
                }
            }
            StreamEvent::Stderr { text, .. } => {
                if self.options.keep_output {
                    self.stderr.push_str(text);
                }
            }
            StreamEvent::Result {
                results,
                execution_count,
                timestamp,
                ..
            } => {
                if execution_count.is_some() {
                    self.execution_count = *execution_count;
                }
                self.results.push(ExecutionResult {
                    text: event.result_text().map(|t| t.into_owned()),
                    raw: results.clone(),
                    execution_count: *execution_count,
                    timestamp: *timestamp,
                });
            }
            StreamEvent::ExecutionCount { count, .. } => {
                if count.is_some() {
                    self.execution_count = *count;
                }
            }
            StreamEvent::ExecutionComplete {
                execution_time_ms, ..
            } => {
                self.complete = true;
                if let Some(ms) = execution_time_ms {
                    self.duration = Some(Duration::from_millis((*ms).max(0).unsigned_abs()));
                }
                if self.exit_code.is_none() && self.error.is_none() && !self.options.background {
                    self.exit_code = Some(0);
                }
            }
            StreamEvent::Error {
                ename,
                evalue,
                traceback,
                ..
            } => {
                self.complete = true;
                let error = ExecutionError {
                    ename: ename.clone(),
                    evalue: evalue.clone(),
                    traceback: traceback.clone(),
                };
                self.exit_code = error.exit_code();
                self.error = Some(error);
            }
            // Not output.
            StreamEvent::Status { .. } | StreamEvent::Ping { .. } | StreamEvent::Unknown { .. } => {
            }
        }
    }

    /// Whether the execution finished without error (and, for a command, exited 0).
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.complete && self.error.is_none() && self.exit_code.is_none_or(|c| c == 0)
    }

    /// The text of the last result that has one (the value of a code cell).
    #[must_use]
    pub fn result_text(&self) -> Option<&str> {
        self.results.iter().rev().find_map(|r| r.text.as_deref())
    }
}
