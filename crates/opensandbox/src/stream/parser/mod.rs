//! The framing parser: bytes in, frames out, whatever the chunk boundaries.

use std::collections::VecDeque;
use std::time::Duration;

use bytes::{BufMut, Bytes, BytesMut};

use super::text::{TextScratch, TextSource};
use super::{DEFAULT_MAX_EVENT_SIZE, event::StreamEvent};
use crate::error::{Error, Result};

/// A result inside the parser: the error boxed, so that the items passed along the hot
/// path stay small (copying them is a measurable part of the cost of a frame).
type Item<T> = std::result::Result<T, Box<Error>>;

/// The UTF-8 byte order mark a stream may open with.
mod fields;
mod frame;
mod scan;

pub use frame::{Frame, FrameFormat};

pub(crate) use scan::quoted;
use scan::*;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much longer than `max_event_size` one line may be: room for a field name
/// (`data: `) and surrounding whitespace.
const LINE_OVERHEAD: usize = 1024;

/// Longest piece of a frame quoted in an error message.
const SNIPPET_LEN: usize = 160;

/// An incremental, chunk-boundary independent parser for the three framings OpenSandbox
/// servers use:
///
/// * execd's bare JSON objects separated by blank lines (`{json}\n\n`),
/// * standard Server-Sent Events (`data:` — possibly several lines —, `event:`, `id:`,
///   `retry:`, `:` comments; LF, CRLF or CR line ends; an optional leading UTF-8 BOM),
/// * NDJSON, one JSON object per line with no blank lines (the metrics watch).
///
/// A line that starts with `{` and ends with `}` is a complete frame on its own: no blank
/// line is needed after it. A JSON object spread over several lines (pretty-printed) is
/// gathered until its braces balance.
///
/// Push chunks with [`push`](Self::push) and pull frames with
/// [`next_frame`](Self::next_frame) (or decoded events with
/// [`next_event`](Self::next_event)) until it returns `None`; at the end of the input call
/// [`finish`](Self::finish) and pull again: the last frames come out, and if the input
/// stopped inside a frame, an [`Error::Stream`] reports the truncated frame.
///
/// Malformed input is reported as an `Err` item, after which parsing goes on with the
/// next frame. Bytes are scanned once: each chunk is searched for line ends from where the
/// previous search stopped, and frames that lie inside one chunk are zero-copy slices of it.
///
/// ```
/// use opensandbox::stream::{FrameParser, StreamEvent};
///
/// let mut parser = FrameParser::new();
/// parser.push(&b"{\"type\":\"stdout\",\"text\":\"hi\\n\"}\n\n{\"type\":\"execution_com"[..]);
/// parser.push(&b"plete\",\"execution_time\":12}\n\n"[..]);
/// parser.finish();
/// let events: Vec<StreamEvent> = std::iter::from_fn(|| parser.next_event())
///     .collect::<Result<_, _>>()
///     .unwrap();
/// assert!(matches!(&events[0], StreamEvent::Stdout { text, .. } if text == "hi\n"));
/// assert!(events[1].is_terminal());
/// ```
#[derive(Debug)]
pub struct FrameParser {
    max_event_size: usize,
    /// Chunks pushed but not yet reached.
    queue: VecDeque<Bytes>,
    /// The chunk being scanned and the scan offset in it.
    chunk: Bytes,
    pos: usize,
    /// The start of the current line when it began in an earlier chunk (never holds a line
    /// end).
    carry: BytesMut,
    /// The current line is over the size limit (already reported): drop it up to its end.
    discard_line: bool,
    /// `carry` holds a line that was handed out; clear it before the next line.
    clear_carry: bool,
    /// The previous line ended with CR: a LF right after it belongs to that line end.
    skip_lf: bool,
    /// No line has been completed yet (a BOM may open the first one).
    first_line: bool,
    /// The SSE event being built.
    sse: SseEvent,
    /// A bare JSON object spread over several lines, being gathered.
    multiline: Option<MultiLineJson>,
    last_event_id: Option<String>,
    retry: Option<Duration>,
    /// [`finish`](Self::finish) was called.
    eof: bool,
    /// Where event text with escapes is decoded.
    scratch: TextScratch,
}

/// Where a complete line lives: in the current chunk, or in `carry`.
#[derive(Debug, Clone, Copy)]
struct Line {
    in_carry: bool,
    start: usize,
    end: usize,
}

impl Line {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// A frame as the parser finds it: a JSON line or a one-line SSE payload still in place in
/// the current chunk, or a built frame.
enum Raw {
    Json(Line),
    SseInChunk {
        start: usize,
        end: usize,
        event: Option<String>,
    },
    /// Boxed: rare, and it would make every item larger.
    Frame(Box<Frame>),
}

#[derive(Debug, Default)]
struct SseEvent {
    /// A field line was seen since the last blank line.
    active: bool,
    data: DataBuf,
    event: Option<String>,
    /// The event went over the size limit (already reported): drop it.
    discard: bool,
}

#[derive(Debug, Default)]
enum DataBuf {
    #[default]
    Empty,
    /// One `data:` line, still in place in the current chunk.
    InChunk(usize, usize),
    One(Bytes),
    Many(BytesMut),
}

impl DataBuf {
    fn len(&self) -> usize {
        match self {
            DataBuf::Empty => 0,
            DataBuf::InChunk(s, e) => e - s,
            DataBuf::One(b) => b.len(),
            DataBuf::Many(b) => b.len(),
        }
    }
}

#[derive(Debug)]
struct MultiLineJson {
    buf: BytesMut,
    scan: JsonScan,
}

impl Default for FrameParser {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameParser {
    /// A parser with the default event size limit ([`DEFAULT_MAX_EVENT_SIZE`]).
    #[must_use]
    pub fn new() -> Self {
        Self::with_max_event_size(DEFAULT_MAX_EVENT_SIZE)
    }

    /// A parser that rejects frames whose payload is larger than `max_event_size` bytes.
    #[must_use]
    pub fn with_max_event_size(max_event_size: usize) -> Self {
        FrameParser {
            max_event_size,
            queue: VecDeque::new(),
            chunk: Bytes::new(),
            pos: 0,
            carry: BytesMut::new(),
            discard_line: false,
            clear_carry: false,
            skip_lf: false,
            first_line: true,
            sse: SseEvent::default(),
            multiline: None,
            last_event_id: None,
            retry: None,
            eof: false,
            scratch: TextScratch::default(),
        }
    }

    /// The payload size limit.
    pub fn max_event_size(&self) -> usize {
        self.max_event_size
    }

    /// Adds the next chunk of input. Chunks may split the input anywhere, even inside a
    /// line end or a multi-byte character.
    pub fn push(&mut self, chunk: impl Into<Bytes>) {
        let chunk = chunk.into();
        if chunk.is_empty() {
            return;
        }
        if self.pos >= self.chunk.len() && self.queue.is_empty() {
            self.set_chunk(chunk);
        } else {
            self.queue.push_back(chunk);
        }
    }

    /// Marks the end of the input. The following calls to [`next_frame`](Self::next_frame)
    /// return the frames still buffered — including a last line that had no line end — and
    /// then, if the input stopped in the middle of a frame, an [`Error::Stream`] naming the
    /// truncated frame.
    pub fn finish(&mut self) {
        self.eof = true;
    }

    /// The SSE last event ID (the value of the latest `id:` field), if any.
    pub fn last_event_id(&self) -> Option<&str> {
        self.last_event_id.as_deref()
    }

    /// The reconnection delay the server asked for with an SSE `retry:` field, if any.
    pub fn retry(&self) -> Option<Duration> {
        self.retry
    }

    /// The next decoded event, or `None` when more input is needed (or, after
    /// [`finish`](Self::finish), when the input is exhausted).
    pub fn next_event(&mut self) -> Option<Result<StreamEvent>> {
        self.next_decoded(StreamEvent::from_json_in)
    }

    /// The next complete frame, or `None` when more input is needed (or, after
    /// [`finish`](Self::finish), when the input is exhausted).
    ///
    /// An `Err` item reports one malformed line or frame, or one over the size limit;
    /// parsing goes on after it.
    pub fn next_frame(&mut self) -> Option<Result<Frame>> {
        Some(self.next_raw()?.map_err(|e| *e).map(|raw| match raw {
            Raw::Json(line) => self.json_frame(line),
            Raw::SseInChunk { start, end, event } => Frame {
                format: FrameFormat::Sse,
                data: self.chunk.slice(start..end),
                event,
                id: self.last_event_id.clone(),
            },
            Raw::Frame(frame) => *frame,
        }))
    }

    /// The next frame, decoded by `decode(payload, text_source, sse_event_type)` straight
    /// from the received bytes. The text source holds the buffer the payload lies in (a
    /// received chunk, the line gathered across chunks, or a built frame), so strings can
    /// be sliced out of it without a copy, and the parser's scratch buffer for strings with
    /// escapes. The type is `None` for a bare JSON frame and the SSE event type (`message`
    /// unless named) for an SSE event (no `Frame` is built for a bare JSON line).
    pub(crate) fn next_decoded<T>(
        &mut self,
        decode: impl FnOnce(&[u8], TextSource<'_>, Option<&str>) -> Result<T>,
    ) -> Option<Result<T>> {
        let raw = match self.next_raw()? {
            Ok(raw) => raw,
            Err(e) => return Some(Err(*e)),
        };
        Some(match raw {
            Raw::Json(line) if line.in_carry => {
                // A line gathered across chunks: hand its buffer over (no copy).
                let data = self.take_bytes(line);
                decode(&data, TextSource::new(&data, &mut self.scratch), None)
            }
            Raw::Json(line) => decode(
                &self.chunk[line.start..line.end],
                TextSource::new(&self.chunk, &mut self.scratch),
                None,
            ),
            // An SSE event always has a type: `message` unless it names one.
            Raw::SseInChunk { start, end, event } => decode(
                &self.chunk[start..end],
                TextSource::new(&self.chunk, &mut self.scratch),
                Some(event.as_deref().unwrap_or("message")),
            ),
            Raw::Frame(frame) => {
                let sse = match frame.format {
                    FrameFormat::Sse => Some(frame.event.as_deref().unwrap_or("message")),
                    FrameFormat::Json => None,
                };
                decode(
                    &frame.data,
                    TextSource::new(&frame.data, &mut self.scratch),
                    sse,
                )
            }
        })
    }

    fn next_raw(&mut self) -> Option<Item<Raw>> {
        loop {
            match self.next_line() {
                Some(Ok(line)) => {
                    if let Some(item) = self.process_line(line) {
                        return Some(item);
                    }
                }
                Some(Err(e)) => return Some(Err(e)),
                None => {
                    if !self.eof {
                        return None;
                    }
                    match self.eof_step() {
                        EofStep::Item(item) => return Some(item),
                        EofStep::Again => {}
                        EofStep::Done => return None,
                    }
                }
            }
        }
    }

    /// Steps over the blank line execd writes after each bare JSON line, if it is next in
    /// the chunk: with no SSE event open and no object being gathered, a blank line does
    /// nothing, so one scan and one line fewer per event. (At the end of the input every
    /// byte was scanned: nothing is next.)
    #[inline]
    fn skip_blank_line(&mut self) {
        if !self.skip_lf
            && !self.sse.active
            && self.multiline.is_none()
            && self.chunk.get(self.pos) == Some(&b'\n')
        {
            self.pos += 1;
        }
    }

    /// Moves on to the next chunk; SSE data still referring to the old one is kept as a
    /// slice of it.
    fn set_chunk(&mut self, chunk: Bytes) {
        if let DataBuf::InChunk(s, e) = self.sse.data {
            self.sse.data = DataBuf::One(self.chunk.slice(s..e));
        }
        self.chunk = chunk;
        self.pos = 0;
    }

    fn line_limit(&self) -> usize {
        self.max_event_size.saturating_add(LINE_OVERHEAD)
    }

    /// Finds the next complete line. `None` means every pushed byte has been scanned.
    fn next_line(&mut self) -> Option<Item<Line>> {
        if self.clear_carry {
            self.clear_carry = false;
            self.carry.clear();
        }
        loop {
            if self.pos >= self.chunk.len() {
                let next = self.queue.pop_front()?;
                self.set_chunk(next);
                continue;
            }
            if self.skip_lf {
                self.skip_lf = false;
                if self.chunk[self.pos] == b'\n' {
                    self.pos += 1;
                    continue;
                }
            }
            let start = self.pos;
            let rest = &self.chunk[start..];
            match find_eol(rest) {
                Some(i) => {
                    self.skip_lf = rest[i] == b'\r';
                    self.pos = start + i + 1;
                    let end = start + i;
                    if self.discard_line {
                        // The end of a line already reported as too large.
                        self.discard_line = false;
                        continue;
                    }
                    if self.carry.len() + i > self.line_limit() {
                        let first = self.carry.first().or(rest.first()).copied();
                        self.carry.clear();
                        return Some(Err(self.oversize_line(first)));
                    }
                    if self.carry.is_empty() {
                        return Some(Ok(Line {
                            in_carry: false,
                            start,
                            end,
                        }));
                    }
                    self.carry.extend_from_slice(&self.chunk[start..end]);
                    return Some(Ok(Line {
                        in_carry: true,
                        start: 0,
                        end: self.carry.len(),
                    }));
                }
                None => {
                    self.pos = self.chunk.len();
                    if self.discard_line {
                        continue;
                    }
                    if self.carry.len() + rest.len() > self.line_limit() {
                        let first = self.carry.first().or(rest.first()).copied();
                        self.carry.clear();
                        self.discard_line = true;
                        return Some(Err(self.oversize_line(first)));
                    }
                    if self.carry.is_empty() {
                        // A line that spans chunks: reserve for it once, generously.
                        self.carry.reserve(rest.len().max(4096));
                    }
                    self.carry.extend_from_slice(rest);
                }
            }
        }
    }

    /// Reports a line over the size limit and drops whatever frame it belonged to.
    fn oversize_line(&mut self, first_byte: Option<u8>) -> Box<Error> {
        self.first_line = false;
        let was_json = self.multiline.take().is_some();
        if !was_json && first_byte != Some(b'{') {
            // Part of an SSE event: drop the rest of that event.
            self.sse = SseEvent {
                active: true,
                discard: true,
                ..SseEvent::default()
            };
        }
        self.too_large()
    }

    fn too_large(&self) -> Box<Error> {
        Box::new(Error::stream(format!(
            "event larger than the limit of {} bytes (StreamOptions::max_event_size); it was dropped",
            self.max_event_size
        )))
    }

    fn bytes_of(&self, line: Line) -> &[u8] {
        line_bytes(&self.carry, &self.chunk, line)
    }

    /// Takes a part of a line as an owned `Bytes` (a slice of the chunk, or the carry).
    fn take_bytes(&mut self, line: Line) -> Bytes {
        if line.in_carry {
            let mut all = self.carry.split().freeze();
            let _ = all.split_to(line.start);
            all.truncate(line.len());
            all
        } else {
            self.chunk.slice(line.start..line.end)
        }
    }

    fn process_line(&mut self, line: Line) -> Option<Item<Raw>> {
        let item = self.process_line_inner(line);
        if line.in_carry {
            // A JSON line handed out in place is still needed: clear it later.
            self.clear_carry = true;
        }
        item
    }

    fn process_line_inner(&mut self, mut line: Line) -> Option<Item<Raw>> {
        if self.first_line {
            self.first_line = false;
            if self.bytes_of(line).starts_with(BOM) {
                line.start += BOM.len();
            }
        }
        // Trim spaces and tabs at both ends; they never matter to any framing here except
        // inside an SSE value, where only the one space after the colon is dropped.
        let bytes = line_bytes(&self.carry, &self.chunk, line);
        let lead = bytes.iter().take_while(|b| is_ws(**b)).count();
        let blank = lead == bytes.len();

        if let Some(ml) = self.multiline.as_mut() {
            if blank {
                let buf = self.multiline.take().map(|m| m.buf).unwrap_or_default();
                return Some(Err(Box::new(Error::stream(format!(
                    "malformed frame: a blank line ended an incomplete JSON object: {}",
                    quoted(&buf)
                )))));
            }
            if ml.buf.len() + 1 + bytes.len() > self.max_event_size {
                self.multiline = None;
                return Some(Err(self.too_large()));
            }
            ml.buf.put_u8(b'\n');
            ml.buf.extend_from_slice(bytes);
            if ml.scan.feed(bytes).is_some() {
                let buf = self.multiline.take().map(|m| m.buf).unwrap_or_default();
                return Some(Ok(Raw::Frame(Box::new(Frame {
                    format: FrameFormat::Json,
                    data: buf.freeze(),
                    event: None,
                    id: None,
                }))));
            }
            return None;
        }

        if blank {
            return self.dispatch_sse();
        }
        match bytes[lead] {
            b':' if lead == 0 => None, // SSE comment
            b'{' => {
                if self.sse.active && !self.sse.discard {
                    let s = quoted(bytes);
                    self.sse = SseEvent::default();
                    return Some(Err(Box::new(Error::stream(format!(
                        "malformed frame: a bare JSON line inside an SSE event: {s}"
                    )))));
                }
                let trail = bytes.iter().rev().take_while(|b| is_ws(**b)).count();
                let json = Line {
                    in_carry: line.in_carry,
                    start: line.start + lead,
                    end: line.end - trail,
                };
                if json.len() > self.max_event_size {
                    return Some(Err(self.too_large()));
                }
                let json_bytes = self.bytes_of(json);
                if json_bytes.last() == Some(&b'}') {
                    self.skip_blank_line();
                    return Some(Ok(Raw::Json(json)));
                }
                // The opening line of a multi-line object (or a malformed line: the
                // decoder will say which).
                let mut scan = JsonScan::default();
                if scan.feed(json_bytes).is_some() {
                    return Some(Ok(Raw::Json(json)));
                }
                let mut buf = BytesMut::with_capacity(json.len() * 4);
                buf.extend_from_slice(json_bytes);
                self.multiline = Some(MultiLineJson { buf, scan });
                None
            }
            _ => self.field_line(line),
        }
    }

    fn json_frame(&mut self, json: Line) -> Frame {
        Frame {
            format: FrameFormat::Json,
            data: self.take_bytes(json),
            event: None,
            id: None,
        }
    }
}

enum EofStep {
    Item(Item<Raw>),
    Again,
    Done,
}

/// The bytes of a line (a free function so that borrows of other fields stay possible).
#[inline]
fn line_bytes<'a>(carry: &'a BytesMut, chunk: &'a Bytes, line: Line) -> &'a [u8] {
    if line.in_carry {
        &carry[line.start..line.end]
    } else {
        &chunk[line.start..line.end]
    }
}

fn truncated(bytes: &[u8]) -> Box<Error> {
    Box::new(Error::stream(format!(
        "the stream ended in the middle of a frame (truncated): {}",
        quoted(bytes)
    )))
}

#[cfg(test)]
mod tests;
