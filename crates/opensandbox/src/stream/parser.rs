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
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much longer than `max_event_size` one line may be: room for a field name
/// (`data: `) and surrounding whitespace.
const LINE_OVERHEAD: usize = 1024;

/// Longest piece of a frame quoted in an error message.
const SNIPPET_LEN: usize = 160;

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
                    snippet(&buf)
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
                    let s = snippet(bytes);
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

    /// An SSE `name: value` (or bare `name`) line.
    fn field_line(&mut self, line: Line) -> Option<Item<Raw>> {
        let bytes = self.bytes_of(line);
        let (name_len, value_start) = match bytes.iter().position(|&b| b == b':') {
            Some(i) => {
                let v = i + 1;
                (
                    i,
                    if bytes.get(v) == Some(&b' ') {
                        v + 1
                    } else {
                        v
                    },
                )
            }
            None => (bytes.len(), bytes.len()),
        };
        let has_colon = name_len < bytes.len();
        let name = &bytes[..name_len];
        let value = Line {
            in_carry: line.in_carry,
            start: line.start + value_start,
            end: line.end,
        };
        match name {
            b"data" => {
                self.sse.active = true;
                if self.sse.discard {
                    return None;
                }
                let new_len = match self.sse.data {
                    DataBuf::Empty => value.len(),
                    ref d => d.len() + 1 + value.len(),
                };
                if new_len > self.max_event_size {
                    self.sse.discard = true;
                    self.sse.data = DataBuf::Empty;
                    return Some(Err(self.too_large()));
                }
                self.sse.data = match std::mem::take(&mut self.sse.data) {
                    DataBuf::Empty if !value.in_carry => DataBuf::InChunk(value.start, value.end),
                    DataBuf::Empty => DataBuf::One(self.take_bytes(value)),
                    DataBuf::InChunk(s, e) => {
                        let mut buf = BytesMut::with_capacity(new_len);
                        buf.extend_from_slice(&self.chunk[s..e]);
                        buf.put_u8(b'\n');
                        buf.extend_from_slice(self.bytes_of(value));
                        DataBuf::Many(buf)
                    }
                    DataBuf::One(first) => {
                        let mut buf = BytesMut::with_capacity(new_len);
                        buf.extend_from_slice(&first);
                        buf.put_u8(b'\n');
                        buf.extend_from_slice(self.bytes_of(value));
                        DataBuf::Many(buf)
                    }
                    DataBuf::Many(mut buf) => {
                        buf.put_u8(b'\n');
                        buf.extend_from_slice(self.bytes_of(value));
                        DataBuf::Many(buf)
                    }
                };
                None
            }
            b"event" => {
                let v = String::from_utf8_lossy(self.bytes_of(value)).into_owned();
                self.sse.active = true;
                self.sse.event = Some(v);
                None
            }
            b"id" => {
                let v = self.bytes_of(value);
                if !v.contains(&0) {
                    self.last_event_id = Some(String::from_utf8_lossy(v).into_owned());
                }
                self.sse.active = true;
                None
            }
            b"retry" => {
                let v = self.bytes_of(value);
                if let Some(ms) = std::str::from_utf8(v)
                    .ok()
                    .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|v| v.parse::<u64>().ok())
                {
                    self.retry = Some(Duration::from_millis(ms));
                }
                self.sse.active = true;
                None
            }
            _ if has_colon && is_field_name(name) => {
                // An SSE field this client does not use: ignored, as the standard says.
                self.sse.active = true;
                None
            }
            _ => Some(Err(Box::new(Error::stream(format!(
                "malformed frame: not JSON and not an SSE field: {}",
                snippet(bytes)
            ))))),
        }
    }

    /// The blank line ending an SSE event.
    fn dispatch_sse(&mut self) -> Option<Item<Raw>> {
        if !self.sse.active {
            return None;
        }
        let ev = std::mem::take(&mut self.sse);
        if ev.discard {
            return None;
        }
        let data = match ev.data {
            DataBuf::Empty => return None,
            DataBuf::InChunk(start, end) => {
                if is_empty_data(&self.chunk[start..end]) {
                    return None;
                }
                return Some(Ok(Raw::SseInChunk {
                    start,
                    end,
                    event: ev.event,
                }));
            }
            DataBuf::One(b) => b,
            DataBuf::Many(b) => b.freeze(),
        };
        if is_empty_data(&data) {
            return None;
        }
        Some(Ok(Raw::Frame(Box::new(Frame {
            format: FrameFormat::Sse,
            data,
            event: ev.event,
            id: self.last_event_id.clone(),
        }))))
    }

    /// One step of end-of-input processing, after every complete line was handled.
    fn eof_step(&mut self) -> EofStep {
        if self.clear_carry {
            self.clear_carry = false;
            self.carry.clear();
        }
        if !self.carry.is_empty() {
            // The last line had no line end.
            let len = self.carry.len();
            let line = Line {
                in_carry: true,
                start: 0,
                end: len,
            };
            if self.multiline.is_none() && !self.sse.active {
                let bytes = &self.carry[..];
                let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
                let lead = bytes.iter().take_while(|b| is_ws(**b)).count();
                if bytes.get(lead) == Some(&b'{')
                    && JsonScan::default().feed(&bytes[lead..]).is_none()
                {
                    let e = truncated(bytes);
                    self.carry.clear();
                    return EofStep::Item(Err(e));
                }
            }
            return match self.process_line(line) {
                Some(item) => EofStep::Item(item),
                None => EofStep::Again,
            };
        }
        self.discard_line = false;
        if let Some(ml) = self.multiline.take() {
            return EofStep::Item(Err(truncated(&ml.buf)));
        }
        if self.sse.active {
            // The stream ended without the blank line after an event: deliver the event
            // if its data is complete, report it as truncated otherwise.
            let pending: &[u8] = match &self.sse.data {
                DataBuf::InChunk(s, e) => &self.chunk[*s..*e],
                DataBuf::One(d) => d,
                DataBuf::Many(d) => d,
                DataBuf::Empty => &[],
            };
            if !self.sse.discard && is_incomplete_json(pending) {
                let e = truncated(pending);
                self.sse = SseEvent::default();
                return EofStep::Item(Err(e));
            }
            return match self.dispatch_sse() {
                Some(item) => EofStep::Item(item),
                None => EofStep::Again,
            };
        }
        EofStep::Done
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
        snippet(bytes)
    )))
}

/// `data:` with nothing in it: a keep-alive, not an event.
fn is_empty_data(data: &[u8]) -> bool {
    data.iter().all(|b| is_ws(*b) || *b == b'\n')
}

fn is_incomplete_json(data: &[u8]) -> bool {
    let lead = data
        .iter()
        .take_while(|b| is_ws(**b) || **b == b'\n')
        .count();
    data.get(lead) == Some(&b'{') && JsonScan::default().feed(&data[lead..]).is_none()
}

#[inline]
fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Whether `name` looks like an SSE field name (so that an unknown one is ignored rather
/// than reported as garbage).
fn is_field_name(name: &[u8]) -> bool {
    !name.is_empty()
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' || *b == b'.')
}

/// The first bytes of a frame, for error messages.
pub(crate) fn snippet(bytes: &[u8]) -> String {
    if bytes.len() <= SNIPPET_LEN {
        return format!("{:?}", String::from_utf8_lossy(bytes));
    }
    format!(
        "{:?}… ({} bytes)",
        String::from_utf8_lossy(&bytes[..SNIPPET_LEN]),
        bytes.len()
    )
}

/// The index of the first `\n` or `\r`, eight bytes at a time.
#[inline]
fn find_eol(hay: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const LF: u64 = LO * b'\n' as u64;
    const CR: u64 = LO * b'\r' as u64;
    let mut words = hay.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(word);
        let w = u64::from_le_bytes(a);
        let x = w ^ LF;
        let y = w ^ CR;
        // A byte of `x` (or `y`) is zero where `w` has a LF (or CR). The lowest flagged
        // byte is always a real match (false positives only sit above a real one).
        let m = ((x.wrapping_sub(LO) & !x) | (y.wrapping_sub(LO) & !y)) & HI;
        if m != 0 {
            return Some(base + (m.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| base + p)
}

/// Tracks brace depth through JSON text, to tell when an object spread over several lines
/// is complete.
#[derive(Debug, Default, Clone)]
struct JsonScan {
    depth: usize,
    in_str: bool,
    escape: bool,
}

impl JsonScan {
    /// Feeds the next bytes; returns the index just past the byte that closed the
    /// outermost value, if it closed.
    fn feed(&mut self, bytes: &[u8]) -> Option<usize> {
        for (i, &b) in bytes.iter().enumerate() {
            if self.in_str {
                if self.escape {
                    self.escape = false;
                } else if b == b'\\' {
                    self.escape = true;
                } else if b == b'"' {
                    self.in_str = false;
                }
                continue;
            }
            match b {
                b'"' => self.in_str = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_eol(h: &[u8]) -> Option<usize> {
        h.iter().position(|&b| b == b'\n' || b == b'\r')
    }

    #[test]
    fn find_eol_matches_naive_search() {
        let mut rng = fastrand::Rng::with_seed(7);
        for len in 0..70 {
            for _ in 0..200 {
                let h: Vec<u8> = (0..len)
                    .map(|_| match rng.u8(0..10) {
                        0 => b'\n',
                        1 => b'\r',
                        2 => 0x0b,
                        3 => 0x0c,
                        4 => 0x8a,
                        5 => 0x0e,
                        _ => rng.u8(..),
                    })
                    .collect();
                assert_eq!(find_eol(&h), naive_eol(&h), "{h:?}");
            }
        }
        assert_eq!(find_eol(b"0123456789abcdef\r"), Some(16));
    }

    #[test]
    fn json_scan_handles_strings_and_escapes() {
        let mut s = JsonScan::default();
        assert_eq!(s.feed(br#"{"a":"}\"{","b":[1,{"c":2}]}"#), Some(28));
        let mut s = JsonScan::default();
        assert_eq!(s.feed(br#"{"a":"x\\"#), None);
        assert_eq!(s.feed(br#"","b":"}"}"#), Some(10));
    }

    #[test]
    fn carry_lines_are_zero_copy_within_a_chunk() {
        let mut p = FrameParser::new();
        let chunk = Bytes::from_static(b"{\"type\":\"ping\"}\n\n");
        p.push(chunk.clone());
        let f = p.next_frame().unwrap().unwrap();
        assert_eq!(f.data.as_ptr(), chunk.as_ptr());
    }

    #[test]
    fn bom_split_across_chunks() {
        let mut p = FrameParser::new();
        p.push(&b"\xEF"[..]);
        p.push(&b"\xBB"[..]);
        p.push(&b"\xBFdata: {}\n\n"[..]);
        let f = p.next_frame().unwrap().unwrap();
        assert_eq!(&f.data[..], b"{}");
    }
}
