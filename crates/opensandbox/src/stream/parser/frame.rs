//! [`Frame`]: one event's payload as it came off the wire, before decoding.

use super::*;

/// How a frame was written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameFormat {
    /// A bare JSON object: execd's `{json}\n\n`, or one NDJSON line (`{json}\n`).
    Json,
    /// A standard Server-Sent Events event (`data:` lines ended by a blank line).
    Sse,
}

/// One frame of an event stream: the payload of one event, not yet decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Frame {
    /// How the frame was written.
    pub format: FrameFormat,
    /// The payload: the JSON object of a bare frame, or the joined `data:` lines of an SSE
    /// event (lines joined with `\n`). A slice of the received chunks where possible, not a
    /// copy.
    pub data: Bytes,
    /// The SSE `event:` name, if the event had one.
    pub event: Option<String>,
    /// The SSE last event ID (`id:`) in force when the event was dispatched (SSE frames
    /// only).
    pub id: Option<String>,
}

impl Frame {
    /// The payload as text, if it is valid UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }
}
