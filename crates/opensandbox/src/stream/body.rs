//! Driving the parser from a response body: the idle watchdog, end-of-stream rules.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use futures::stream::{BoxStream, FusedStream, Stream, StreamExt};
use tokio::time::{Instant, Sleep};

use super::StreamOptions;
use super::event::StreamEvent;
use super::parser::{Frame, FrameParser};
use crate::error::{Error, Result};

/// Turns whatever error a body stream yields into the crate's error: our own errors pass
/// through, anything else is a transport failure after the request was sent.
fn body_error<E>(e: E) -> Error
where
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    match e.into().downcast::<Error>() {
        Ok(ours) => *ours,
        Err(other) => Error::Transport {
            message: "reading the response body failed".into(),
            sent: true,
            source: Some(other),
        },
    }
}

/// Why a [`FrameStream`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// Still running.
    No,
    /// The body ended (EOF) and every frame was delivered.
    Eof,
    /// A fatal error was delivered (transport failure, idle timeout) or the stream was
    /// closed by its owner.
    Broken,
}

/// The frames of a response body, as a [`Stream`]: the [`FrameParser`] driven by a body,
/// with the idle watchdog.
///
/// Most callers want [`EventStream`] or [`MetricsStream`](super::MetricsStream); this is the
/// raw layer beneath them (the Go SDK's untyped `StreamEvent{Event, Data, ID}`).
///
/// The stream has no overall deadline. If no bytes arrive for
/// [`StreamOptions::idle_timeout`], it yields [`Error::Timeout`] (`what: "stream idle"`)
/// and ends. A transport error also ends it. Malformed frames are `Err` items after which
/// the stream goes on. The watchdog needs a Tokio runtime with time enabled; polled outside
/// any Tokio runtime the stream runs without it.
pub struct FrameStream {
    body: Option<BoxStream<'static, Result<Bytes>>>,
    parser: FrameParser,
    idle: Option<Duration>,
    watchdog: Option<Pin<Box<Sleep>>>,
    last_activity: Option<Instant>,
    ended: Ended,
}

impl std::fmt::Debug for FrameStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameStream")
            .field("parser", &self.parser)
            .field("idle", &self.idle)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl FrameStream {
    /// Frames from any body stream (for example `reqwest::Response::bytes_stream()`).
    pub fn new<S, E>(body: S, options: &StreamOptions) -> Self
    where
        S: Stream<Item = std::result::Result<Bytes, E>> + Send + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        FrameStream {
            body: Some(body.map(|r| r.map_err(body_error)).boxed()),
            parser: FrameParser::with_max_event_size(options.max_event_size),
            idle: options.idle_timeout,
            watchdog: None,
            last_activity: None,
            ended: Ended::No,
        }
    }

    /// The parser (for the SSE last event ID and `retry:` value).
    pub fn parser(&self) -> &FrameParser {
        &self.parser
    }

    /// Stops reading: drops the body (closing the connection) and ends the stream.
    pub fn close(&mut self) {
        self.body = None;
        self.watchdog = None;
        if self.ended == Ended::No {
            self.ended = Ended::Broken;
        }
    }

    /// Whether the body ended normally (EOF) and every frame was delivered.
    fn ended_at_eof(&self) -> bool {
        self.ended == Ended::Eof
    }

    /// Pending while the stream is not idle for too long; the timeout error when it is.
    fn poll_watchdog(&mut self, cx: &mut Context<'_>) -> Poll<Error> {
        let Some(idle) = self.idle else {
            return Poll::Pending;
        };
        let now_or_last = match self.last_activity {
            Some(t) => t,
            None => {
                let t = Instant::now();
                self.last_activity = Some(t);
                t
            }
        };
        let sleep =
            match &mut self.watchdog {
                Some(s) => s,
                None => {
                    if tokio::runtime::Handle::try_current().is_err() {
                        // No Tokio runtime: no timers to run a watchdog with.
                        self.idle = None;
                        return Poll::Pending;
                    }
                    self.watchdog.insert(Box::pin(tokio::time::sleep_until(
                        crate::deadline::after(now_or_last, idle),
                    )))
                }
            };
        loop {
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            // Bytes may have arrived since the timer was set: push the deadline on.
            let deadline = crate::deadline::after(self.last_activity.unwrap_or(now_or_last), idle);
            if deadline > Instant::now() {
                sleep.as_mut().reset(deadline);
                continue;
            }
            self.close();
            return Poll::Ready(Error::Timeout {
                what: "stream idle",
                after: idle,
            });
        }
    }
}

impl FrameStream {
    /// Polls for the next item `pull` gets out of the parser, feeding it from the body.
    pub(super) fn poll_with<T>(
        &mut self,
        cx: &mut Context<'_>,
        mut pull: impl FnMut(&mut FrameParser) -> Option<Result<T>>,
    ) -> Poll<Option<Result<T>>> {
        let this = self;
        if this.ended == Ended::Broken {
            return Poll::Ready(None);
        }
        loop {
            if let Some(item) = pull(&mut this.parser) {
                return Poll::Ready(Some(item));
            }
            let Some(body) = this.body.as_mut() else {
                if this.ended == Ended::No {
                    this.ended = Ended::Eof;
                }
                return Poll::Ready(None);
            };
            match body.poll_next_unpin(cx) {
                Poll::Ready(Some(Ok(chunk))) => {
                    if this.idle.is_some() && !chunk.is_empty() {
                        this.last_activity = Some(Instant::now());
                    }
                    this.parser.push(chunk);
                }
                Poll::Ready(Some(Err(e))) => {
                    this.close();
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(None) => {
                    this.body = None;
                    this.watchdog = None;
                    this.parser.finish();
                }
                Poll::Pending => {
                    return match this.poll_watchdog(cx) {
                        Poll::Ready(e) => Poll::Ready(Some(Err(e))),
                        Poll::Pending => Poll::Pending,
                    };
                }
            }
        }
    }
}

impl Stream for FrameStream {
    type Item = Result<Frame>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_with(cx, FrameParser::next_frame)
    }
}

impl FusedStream for FrameStream {
    fn is_terminated(&self) -> bool {
        self.ended != Ended::No
    }
}

/// The typed events of an execd command, code or session stream.
///
/// A [`Stream`] of `Result<StreamEvent, Error>` built from any body stream
/// (`reqwest::Response::bytes_stream()` or anything yielding `Result<Bytes, E>`). It
/// accepts execd's bare JSON framing, standard SSE and NDJSON alike (see
/// [`FrameParser`]).
///
/// * It ends right after the terminal event (`execution_complete` or `error`) and drops the
///   body without polling it again (execd holds the connection ~1 s after that event).
/// * If the body ends before a terminal event, the last item is
///   `Error::Stream("connection closed before the terminal event")` — unless
///   [`StreamOptions::require_terminal`] is off.
/// * There is no overall deadline; an idle watchdog ([`StreamOptions::idle_timeout`],
///   60 s by default, execd pings every 3 s) yields [`Error::Timeout`] and ends the stream.
/// * A malformed or oversized frame is an `Err` item; the stream goes on after it.
///
/// ```
/// # async fn demo() -> Result<(), opensandbox::Error> {
/// use futures::StreamExt;
/// use opensandbox::stream::{EventStream, StreamEvent, StreamOptions};
///
/// let body = futures::stream::iter([
///     Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"{\"type\":\"stdout\",\"text\":\"hi\\n\"}\n\n")),
///     Ok(bytes::Bytes::from_static(b"{\"type\":\"execution_complete\",\"execution_time\":3}\n\n")),
/// ]);
/// let mut events = EventStream::new(body, StreamOptions::default());
/// while let Some(event) = events.next().await {
///     if let StreamEvent::Stdout { text, .. } = event? {
///         print!("{text}");
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct EventStream {
    frames: FrameStream,
    require_terminal: bool,
    done: bool,
    saw_terminal: bool,
}

impl EventStream {
    /// Events from any body stream.
    pub fn new<S, E>(body: S, options: StreamOptions) -> Self
    where
        S: Stream<Item = std::result::Result<Bytes, E>> + Send + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        EventStream {
            frames: FrameStream::new(body, &options),
            require_terminal: options.require_terminal,
            done: false,
            saw_terminal: false,
        }
    }

    /// Events from a response (its status must already have been checked).
    #[must_use]
    pub fn from_response(response: reqwest::Response, options: StreamOptions) -> Self {
        Self::new(response.bytes_stream(), options)
    }

    /// Whether the terminal event has been delivered.
    pub fn saw_terminal(&self) -> bool {
        self.saw_terminal
    }

    /// Stops reading and drops the body (closing the connection).
    pub fn close(&mut self) {
        self.done = true;
        self.frames.close();
    }
}

impl Stream for EventStream {
    type Item = Result<StreamEvent>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        match ready!(this.frames.poll_with(cx, FrameParser::next_event)) {
            Some(Ok(event)) => {
                if event.is_terminal() {
                    this.saw_terminal = true;
                    this.close();
                }
                Poll::Ready(Some(Ok(event)))
            }
            Some(Err(e)) => Poll::Ready(Some(Err(e))),
            None => {
                this.done = true;
                if this.frames.ended_at_eof() && this.require_terminal {
                    Poll::Ready(Some(Err(Error::stream(
                        "connection closed before the terminal event",
                    ))))
                } else {
                    Poll::Ready(None)
                }
            }
        }
    }
}

impl FusedStream for EventStream {
    fn is_terminated(&self) -> bool {
        self.done
    }
}
