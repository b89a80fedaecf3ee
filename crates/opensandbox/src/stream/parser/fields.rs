//! SSE fields (`data:`, `event:`, `id:`, `retry:`), dispatching an SSE event, and what
//! is left at the end of the stream.

use super::*;

impl FrameParser {
    /// An SSE `name: value` (or bare `name`) line.
    pub(super) fn field_line(&mut self, line: Line) -> Option<Item<Raw>> {
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
                quoted(bytes)
            ))))),
        }
    }

    /// The blank line ending an SSE event.
    pub(super) fn dispatch_sse(&mut self) -> Option<Item<Raw>> {
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
    pub(super) fn eof_step(&mut self) -> EofStep {
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
