//! Typed execd stream events.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::parser::{Frame, quoted};
use super::text::{Text, TextSource};
use crate::error::{Error, Result};

/// The `ename` execd gives a command that exited non-zero; its `evalue` is the exit code.
pub const COMMAND_EXEC_ERROR: &str = "CommandExecError";

/// One event of an execd command, code or session stream.
///
/// Every field the server may leave out is optional or empty; an event `type` this SDK
/// does not know is kept as [`StreamEvent::Unknown`] with its raw JSON, never a decode
/// error. Timestamps are Unix milliseconds.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StreamEvent {
    /// The execution started; `id` identifies it (for interrupt, status and logs).
    #[non_exhaustive]
    Init {
        /// The command or execution id (empty if the server sent none).
        id: String,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// A kernel state change (code runs): `busy`, `idle`, … Not output.
    #[non_exhaustive]
    Status {
        /// The state the kernel reported.
        state: String,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// A piece of standard output.
    #[non_exhaustive]
    Stdout {
        /// The output text, as the server sent it (not necessarily whole lines); a slice
        /// of the received bytes unless the JSON string had escapes.
        text: Text,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// A piece of standard error.
    #[non_exhaustive]
    Stderr {
        /// The output text, as the server sent it (not necessarily whole lines); a slice
        /// of the received bytes unless the JSON string had escapes.
        text: Text,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// A result value of a code execution.
    #[non_exhaustive]
    Result {
        /// The raw MIME map. execd renames `text/plain` to `text`; other MIME keys pass
        /// through and their values may be non-strings. See
        /// [`result_text`](StreamEvent::result_text).
        results: Map<String, Value>,
        /// The execution count the result belongs to.
        execution_count: Option<i64>,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// The execution count of the cell being run.
    #[non_exhaustive]
    ExecutionCount {
        /// The count (absent if the server sent none).
        count: Option<i64>,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// The execution finished successfully. Terminal.
    #[non_exhaustive]
    ExecutionComplete {
        /// How long the execution took, in milliseconds.
        execution_time_ms: Option<i64>,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// The execution failed. Terminal. A command that exited non-zero is
    /// `ename == "CommandExecError"` with the exit code in `evalue`
    /// (see [`exit_code`](StreamEvent::exit_code)).
    #[non_exhaustive]
    Error {
        /// The error name (exception class, or `CommandExecError`).
        ename: String,
        /// The error value (message, or the exit code).
        evalue: String,
        /// The traceback lines.
        traceback: Vec<String>,
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// A keep-alive (execd sends one every 3 s). Not output.
    #[non_exhaustive]
    Ping {
        /// When the event was generated.
        timestamp: Option<i64>,
    },
    /// An event type this SDK does not know (or a frame with no `type`), kept whole; an
    /// SSE `data:` payload that is not JSON arrives here as `raw: Value::String(text)`.
    #[non_exhaustive]
    Unknown {
        /// The `type` field (or the SSE `event:` name), empty if there was neither.
        kind: String,
        /// The whole event object.
        raw: Value,
    },
}

impl StreamEvent {
    /// Decodes one event from its JSON text.
    ///
    /// ```
    /// use opensandbox::stream::StreamEvent;
    /// let ev = StreamEvent::from_json(br#"{"type":"error","error":{"ename":"CommandExecError","evalue":"3"}}"#).unwrap();
    /// assert_eq!(ev.exit_code(), Some(3));
    /// assert!(ev.is_terminal());
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Stream`](crate::Error::Stream) for bytes that are not a JSON event object.
    pub fn from_json(json: &[u8]) -> Result<StreamEvent> {
        decode(json, TextSource::detached(), None)
    }

    /// Decodes the event carried by a frame. The SSE `event:` name stands in for a missing
    /// `type` field. Output [`Text`] is a slice of the frame's bytes where the JSON string
    /// has no escapes.
    ///
    /// # Errors
    ///
    /// [`Error::Stream`](crate::Error::Stream) for a frame whose data is not a JSON event
    /// object.
    pub fn from_frame(frame: &Frame) -> Result<StreamEvent> {
        let source = TextSource {
            buf: Some(&frame.data),
            scratch: None,
        };
        decode(&frame.data, source, frame.event.as_deref())
    }

    /// Decodes an event from its JSON text and the SSE event name, if any; output text
    /// comes from `source`.
    pub(crate) fn from_json_in(
        json: &[u8],
        source: TextSource<'_>,
        sse_event: Option<&str>,
    ) -> Result<StreamEvent> {
        decode(json, source, sse_event)
    }

    /// Whether this event ends the stream: `execution_complete` or `error`.
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            StreamEvent::ExecutionComplete { .. } | StreamEvent::Error { .. }
        )
    }

    /// The event type as written on the wire (`stdout`, `execution_complete`, …).
    #[must_use]
    pub fn kind(&self) -> &str {
        match self {
            StreamEvent::Init { .. } => "init",
            StreamEvent::Status { .. } => "status",
            StreamEvent::Stdout { .. } => "stdout",
            StreamEvent::Stderr { .. } => "stderr",
            StreamEvent::Result { .. } => "result",
            StreamEvent::ExecutionCount { .. } => "execution_count",
            StreamEvent::ExecutionComplete { .. } => "execution_complete",
            StreamEvent::Error { .. } => "error",
            StreamEvent::Ping { .. } => "ping",
            StreamEvent::Unknown { kind, .. } => kind,
        }
    }

    /// When the event was generated (Unix milliseconds), if the server said.
    pub fn timestamp(&self) -> Option<i64> {
        match self {
            StreamEvent::Init { timestamp, .. }
            | StreamEvent::Status { timestamp, .. }
            | StreamEvent::Stdout { timestamp, .. }
            | StreamEvent::Stderr { timestamp, .. }
            | StreamEvent::Result { timestamp, .. }
            | StreamEvent::ExecutionCount { timestamp, .. }
            | StreamEvent::ExecutionComplete { timestamp, .. }
            | StreamEvent::Error { timestamp, .. }
            | StreamEvent::Ping { timestamp } => *timestamp,
            StreamEvent::Unknown { raw, .. } => raw.get("timestamp").and_then(Value::as_i64),
        }
    }

    /// The exit code of a failed command: the `evalue` of an `error` event whose `ename`
    /// is `CommandExecError`. `None` for every other event.
    #[must_use]
    pub fn exit_code(&self) -> Option<i32> {
        match self {
            StreamEvent::Error { ename, evalue, .. } => command_exit_code(ename, evalue),
            _ => None,
        }
    }

    /// The text of a `result` event: `results["text"]`, falling back to
    /// `results["text/plain"]`. A list of strings (Jupyter's multi-line form) is joined.
    /// `None` for other events or when neither key holds text.
    #[must_use]
    pub fn result_text(&self) -> Option<Cow<'_, str>> {
        match self {
            StreamEvent::Result { results, .. } => result_text(results),
            _ => None,
        }
    }
}

/// The exit code an `error` event carries, if it is a `CommandExecError`.
pub(crate) fn command_exit_code(ename: &str, evalue: &str) -> Option<i32> {
    if ename == COMMAND_EXEC_ERROR {
        evalue.trim().parse().ok()
    } else {
        None
    }
}

/// `results["text"]`, falling back to `results["text/plain"]`.
pub(crate) fn result_text(results: &Map<String, Value>) -> Option<Cow<'_, str>> {
    fn text_of(v: &Value) -> Option<Cow<'_, str>> {
        match v {
            Value::String(s) => Some(Cow::Borrowed(s.as_str())),
            Value::Array(items) if items.iter().all(Value::is_string) => Some(Cow::Owned(
                items.iter().filter_map(Value::as_str).collect::<String>(),
            )),
            _ => None,
        }
    }
    results
        .get("text")
        .and_then(text_of)
        .or_else(|| results.get("text/plain").and_then(text_of))
}

/// The event object as execd writes it; every field optional, unknown fields ignored.
#[derive(Deserialize, Default)]
pub(super) struct Wire<'a> {
    #[serde(rename = "type", borrow, default, deserialize_with = "opt_cow")]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_wire_text")]
    pub(super) text: Option<WireText<'a>>,
    #[serde(default, deserialize_with = "lenient_i64")]
    pub(super) execution_count: Option<i64>,
    #[serde(default, deserialize_with = "lenient_i64")]
    pub(super) execution_time: Option<i64>,
    #[serde(default, deserialize_with = "lenient_i64")]
    pub(super) timestamp: Option<i64>,
    #[serde(default)]
    pub(super) results: Option<Box<Map<String, Value>>>,
    #[serde(default)]
    pub(super) error: Option<Box<WireError>>,
}

/// The `text` of an event as decoded: borrowed from the frame or decoded by serde, or
/// already a [`Text`] (the fast path).
pub(super) enum WireText<'a> {
    Str(Cow<'a, str>),
    Text(Text),
}

impl WireText<'_> {
    fn into_string(self) -> String {
        match self {
            WireText::Str(s) => s.into_owned(),
            WireText::Text(t) => t.into(),
        }
    }

    /// Output text: a slice of the received buffer when the string was borrowed from it.
    #[inline]
    fn into_text(self, source: &TextSource<'_>) -> Text {
        match self {
            WireText::Text(t) => t,
            WireText::Str(Cow::Borrowed(s)) => source.text(s),
            WireText::Str(Cow::Owned(s)) => Text::from(s),
        }
    }
}

#[derive(Deserialize, Default)]
pub(super) struct WireError {
    #[serde(default, deserialize_with = "lenient_string")]
    ename: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    evalue: Option<String>,
    #[serde(default)]
    traceback: Option<Vec<String>>,
}

/// Decodes one event; its output text comes from `source`.
fn decode(json: &[u8], mut source: TextSource<'_>, sse_event: Option<&str>) -> Result<StreamEvent> {
    // An SSE `data:` payload that is not a JSON object (plain text from a proxy or an
    // older server) is kept as an unknown event holding the text, not a stream failure.
    // Bare JSON frames have no such excuse: there, anything but an object is malformed.
    if let Some(ev) = sse_event
        && json.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{')
    {
        return Ok(StreamEvent::Unknown {
            kind: if ev == "message" { "" } else { ev }.to_owned(),
            raw: Value::String(String::from_utf8_lossy(json).into_owned()),
        });
    }
    let wire = match super::fastjson::decode(json, &mut source) {
        Some(wire) => wire,
        None => decode_serde(json)?,
    };
    build(wire, json, &source, sse_event)
}

pub(super) fn decode_serde(json: &[u8]) -> Result<Wire<'_>> {
    require_object(json)?;
    serde_json::from_slice(json).map_err(|e| match std::str::from_utf8(json) {
        // serde_json only says "invalid unicode code point": say what is wrong.
        Err(bad) => Error::stream(format!(
            "malformed frame: not valid UTF-8 (at byte {}): {}",
            bad.valid_up_to(),
            quoted(json)
        )),
        Ok(_) => malformed(json, &e),
    })
}

/// The event a decoded [`Wire`] object (of `json`) stands for.
pub(super) fn build(
    wire: Wire<'_>,
    json: &[u8],
    source: &TextSource<'_>,
    sse_event: Option<&str>,
) -> Result<StreamEvent> {
    let kind: &str = match (&wire.kind, sse_event) {
        (Some(k), _) => k,
        (None, Some(ev)) if ev != "message" => ev,
        (None, _) => "",
    };
    let timestamp = wire.timestamp;
    Ok(match kind {
        "stdout" => StreamEvent::Stdout {
            text: text(wire.text, source),
            timestamp,
        },
        "stderr" => StreamEvent::Stderr {
            text: text(wire.text, source),
            timestamp,
        },
        "init" => StreamEvent::Init {
            id: owned(wire.text),
            timestamp,
        },
        "status" => StreamEvent::Status {
            state: owned(wire.text),
            timestamp,
        },
        "result" => StreamEvent::Result {
            results: wire.results.map(|r| *r).unwrap_or_default(),
            execution_count: wire.execution_count,
            timestamp,
        },
        "execution_count" => StreamEvent::ExecutionCount {
            count: wire.execution_count,
            timestamp,
        },
        "execution_complete" => StreamEvent::ExecutionComplete {
            execution_time_ms: wire.execution_time,
            timestamp,
        },
        "error" => {
            let err = wire.error.map(|e| *e).unwrap_or_default();
            StreamEvent::Error {
                ename: err.ename.unwrap_or_default(),
                evalue: err
                    .evalue
                    .or_else(|| wire.text.map(WireText::into_string))
                    .unwrap_or_default(),
                traceback: err.traceback.unwrap_or_default(),
                timestamp,
            }
        }
        "ping" => StreamEvent::Ping { timestamp },
        other => StreamEvent::Unknown {
            kind: other.to_owned(),
            raw: serde_json::from_slice(json).map_err(|e| malformed(json, &e))?,
        },
    })
}

#[inline]
fn owned(text: Option<WireText<'_>>) -> String {
    text.map(WireText::into_string).unwrap_or_default()
}

#[inline]
fn text(text: Option<WireText<'_>>, source: &TextSource<'_>) -> Text {
    text.map(|t| t.into_text(source)).unwrap_or_default()
}

pub(crate) fn malformed(json: &[u8], e: &serde_json::Error) -> Error {
    let what = if e.is_eof() {
        "truncated JSON"
    } else {
        "invalid JSON"
    };
    Error::stream(format!("malformed frame: {what} ({e}): {}", quoted(json)))
}

/// Events and metrics are JSON objects: anything else (an array, a string, a number) is
/// malformed, even where serde would map it onto a struct.
pub(crate) fn require_object(json: &[u8]) -> Result<()> {
    match json.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Ok(()),
        _ => Err(Error::stream(format!(
            "malformed frame: not a JSON object: {}",
            quoted(json)
        ))),
    }
}

/// An optional string, borrowed from the input when it has no escapes (serde's own
/// `Option<Cow<str>>` always allocates).
fn opt_cow<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Str;
    impl<'de> Visitor<'de> for Str {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }
    struct Opt;
    impl<'de> Visitor<'de> for Opt {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(Str).map(Some)
        }
    }
    d.deserialize_option(Opt)
}

fn opt_wire_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<WireText<'de>>, D::Error> {
    opt_cow(d).map(|s| s.map(WireText::Str))
}

/// An integer that may arrive as an integer, a float or a numeric string; anything else
/// (including `null`) reads as absent rather than failing the whole event.
pub(crate) fn lenient_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(Lenient).map(|n| n.and_then(Num::to_i64))
}

/// A float that may arrive as a number or a numeric string.
pub(crate) fn lenient_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(Lenient).map(|n| n.map(Num::to_f64))
}

/// A string that may arrive as a number (or a boolean).
fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<Value>::deserialize(d).map(|v| match v {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    })
}

#[derive(Clone, Copy)]
enum Num {
    I(i64),
    U(u64),
    F(f64),
}

impl Num {
    fn to_i64(self) -> Option<i64> {
        match self {
            Num::I(v) => Some(v),
            Num::U(v) => i64::try_from(v).ok(),
            Num::F(v) if v.is_finite() => Some(v as i64),
            Num::F(_) => None,
        }
    }

    fn to_f64(self) -> f64 {
        match self {
            Num::I(v) => v as f64,
            Num::U(v) => v as f64,
            Num::F(v) => v,
        }
    }
}

struct Lenient;

impl<'de> Visitor<'de> for Lenient {
    type Value = Option<Num>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Num::I(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Num::U(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(Num::F(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let v = v.trim();
        Ok(v.parse::<i64>()
            .map(Num::I)
            .ok()
            .or_else(|| v.parse::<f64>().ok().map(Num::F)))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_numbers() {
        let ev = StreamEvent::from_json(
            br#"{"type":"execution_complete","execution_time":"15","timestamp":1.7e12,"extra":[1]}"#,
        )
        .unwrap();
        assert_eq!(
            ev,
            StreamEvent::ExecutionComplete {
                execution_time_ms: Some(15),
                timestamp: Some(1_700_000_000_000),
            }
        );
        let ev = StreamEvent::from_json(br#"{"type":"ping","timestamp":{"x":1}}"#).unwrap();
        assert_eq!(ev, StreamEvent::Ping { timestamp: None });
    }

    #[test]
    fn escaped_text_is_decoded() {
        let ev = StreamEvent::from_json(br#"{"type":"stdout","text":"a\"b\n\u00e9"}"#).unwrap();
        assert!(matches!(ev, StreamEvent::Stdout { ref text, .. } if text == "a\"b\né"));
    }

    #[test]
    fn numeric_evalue_still_gives_exit_code() {
        let ev = StreamEvent::from_json(
            br#"{"type":"error","error":{"ename":"CommandExecError","evalue":127}}"#,
        )
        .unwrap();
        assert_eq!(ev.exit_code(), Some(127));
    }
}
