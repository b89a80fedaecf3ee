//! Event streams: framing, typed events, and the streams built on them.
//!
//! execd answers `POST /command`, `POST /code` and `POST /session/{id}/run` with
//! `text/event-stream`, but writes each event as a **bare JSON object followed by a blank
//! line**, with no `data:` prefix; proxies and the specs' examples use standard SSE
//! (`data: {json}`); the metrics watch is NDJSON (one object per line, no blank lines).
//! One parser, [`FrameParser`], accepts all three, whatever the chunk boundaries.
//!
//! On top of it:
//!
//! * [`EventStream`] — `Stream<Item = Result<StreamEvent, Error>>` over a response body;
//!   it ends at the terminal event without waiting for the server to close, and guards
//!   the stream with an idle watchdog instead of an overall deadline.
//! * [`MetricsStream`] — `Stream<Item = Result<Metrics, Error>>` for the metrics watch.
//! * [`for_each_event`] — the callback form (the Go SDK's `EventHandler`).
//! * [`Execution`](crate::execution::Execution) aggregates a stream into stdout, stderr,
//!   results, error and exit code.
//!
//! Output text ([`StreamEvent::Stdout`], [`StreamEvent::Stderr`]) is a [`Text`]: an owned,
//! cheaply cloned UTF-8 string backed by [`bytes::Bytes`]. Where the JSON string has no
//! escapes it is a slice of the received chunk (no copy, no allocation); with escapes
//! (a line's trailing `\n` is one) it is decoded once, into an allocation of exactly its
//! size. A sliced `Text` kept for long keeps its chunk alive (`String::from(text)` copies
//! it out).
//!
//! ```
//! # async fn demo() -> Result<(), opensandbox::Error> {
//! use opensandbox::stream::{EventStream, StreamEvent, StreamOptions, for_each_event};
//!
//! let body = futures::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from_static(
//!     b"{\"type\":\"stdout\",\"text\":\"hi\\n\"}\n\n{\"type\":\"execution_complete\"}\n\n",
//! ))]);
//! for_each_event(EventStream::new(body, StreamOptions::default()), |event| {
//!     if let StreamEvent::Stdout { text, .. } = event {
//!         print!("{text}");
//!     }
//!     Ok(())
//! })
//! .await?;
//! # Ok(()) }
//! ```

use std::time::Duration;

use futures::{Stream, StreamExt};

use crate::error::{Error, Result};

mod body;
mod event;
mod fastjson;
mod metrics;
mod parser;
mod text;
#[cfg(test)]
mod text_tests;

pub use body::{EventStream, FrameStream};
pub(crate) use event::command_exit_code;
pub use event::{COMMAND_EXEC_ERROR, StreamEvent};
pub use metrics::{Metrics, MetricsStream};
pub use parser::{Frame, FrameFormat, FrameParser};
pub use text::Text;

/// The default limit on one event's payload: 64 MiB of output plus room for the JSON
/// envelope and escaping (8 MiB).
pub const DEFAULT_MAX_EVENT_SIZE: usize = 72 * 1024 * 1024;

/// The default idle limit: a stream that receives no bytes for this long fails (execd
/// pings every 3 s, the metrics watch sends a sample every second).
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How a stream is read.
///
/// ```
/// use std::time::Duration;
/// use opensandbox::stream::StreamOptions;
///
/// let options = StreamOptions::default()
///     .idle_timeout(Duration::from_secs(30))
///     .max_event_size(1 << 20);
/// assert_eq!(options.idle_timeout, Some(Duration::from_secs(30)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamOptions {
    /// Fail the stream with [`Error::Timeout`] (`what: "stream idle"`) when no bytes
    /// arrive for this long; `None` waits forever. Default: [`DEFAULT_IDLE_TIMEOUT`].
    ///
    /// The watchdog uses Tokio timers: poll the stream on a runtime with time enabled (as
    /// `#[tokio::main]` and `#[tokio::test]` are). Outside any Tokio runtime the stream
    /// runs without a watchdog.
    pub idle_timeout: Option<Duration>,
    /// The largest event payload accepted, in bytes; a larger event is an
    /// [`Error::Stream`] item (the event is dropped, the stream goes on). Default:
    /// [`DEFAULT_MAX_EVENT_SIZE`].
    pub max_event_size: usize,
    /// Whether the body must deliver a terminal event (`execution_complete` or `error`)
    /// before it ends; if it does not, the stream's last item is
    /// `Error::Stream("connection closed before the terminal event")`. Default: `true`
    /// (command, code and session streams).
    pub require_terminal: bool,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            idle_timeout: Some(DEFAULT_IDLE_TIMEOUT),
            max_event_size: DEFAULT_MAX_EVENT_SIZE,
            require_terminal: true,
        }
    }
}

impl StreamOptions {
    /// The defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the idle limit (`None` disables the watchdog).
    pub fn idle_timeout(mut self, idle_timeout: impl Into<Option<Duration>>) -> Self {
        self.idle_timeout = idle_timeout.into();
        self
    }

    /// Sets the largest event payload accepted, in bytes.
    #[must_use]
    pub fn max_event_size(mut self, max_event_size: usize) -> Self {
        self.max_event_size = max_event_size;
        self
    }

    /// Sets whether the body must deliver a terminal event before it ends.
    #[must_use]
    pub fn require_terminal(mut self, require_terminal: bool) -> Self {
        self.require_terminal = require_terminal;
        self
    }
}

/// Calls `handler` with every event of `stream`, in order — the callback form of an event
/// stream (the Go SDK's `EventHandler`).
///
/// Returns `Ok(())` when the stream ends, the stream's first error as it is, or
/// [`Error::Handler`] with the handler's error if the handler returns one; either way the
/// stream is dropped at once, which closes the connection.
///
/// # Errors
///
/// The stream's first error, or [`Error::Handler`] with the
/// handler's.
pub async fn for_each_event<S, F>(stream: S, mut handler: F) -> Result<()>
where
    S: Stream<Item = Result<StreamEvent>>,
    F: FnMut(&StreamEvent) -> std::result::Result<(), Box<dyn std::error::Error + Send + Sync>>,
{
    let mut stream = std::pin::pin!(stream);
    while let Some(item) = stream.next().await {
        let event = item?;
        handler(&event).map_err(Error::Handler)?;
    }
    Ok(())
}
