//! Reads by lines: `GET /files/download?path=&offset=&limit=`, answered as `text/plain`.

use bytes::BytesMut;
use futures::StreamExt;
use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

use super::{ExecdClient, check_path};
use crate::error::{Error, Result};

/// Which lines of a file to read ([`ExecdClient::read_lines`]): a first line, counted
/// from 1, and optionally how many lines from there (else to the end of the file).
///
/// ```
/// use opensandbox::LineRange;
/// let head = LineRange::first(10);             // lines 1..=10
/// let page = LineRange::from_line(100).take(20); // lines 100..=119
/// let tail = LineRange::from_line(500);          // line 500 to the end
/// # let _ = (head, page, tail);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineRange {
    /// The first line, counted from 1.
    pub start: u64,
    /// How many lines at most; `None` reads to the end of the file.
    pub count: Option<u64>,
}

impl LineRange {
    /// From line `start` (counted from 1) to the end of the file.
    #[must_use]
    pub fn from_line(start: u64) -> Self {
        LineRange { start, count: None }
    }

    /// The first `count` lines.
    #[must_use]
    pub fn first(count: u64) -> Self {
        LineRange {
            start: 1,
            count: Some(count),
        }
    }

    /// At most `count` lines from the start of this range.
    #[must_use]
    pub fn take(mut self, count: u64) -> Self {
        self.count = Some(count);
        self
    }

    /// Checks the range: the first line is at least 1 and a count at least 1.
    fn validate(&self) -> Result<()> {
        if self.start == 0 {
            return Err(Error::InvalidInput(
                "line numbers start at 1; a line range cannot start at line 0".into(),
            ));
        }
        if self.count == Some(0) {
            return Err(Error::InvalidInput(
                "a line range must hold at least one line (count 0)".into(),
            ));
        }
        Ok(())
    }

    /// Whether 1-based line `n` lies in the range.
    fn holds(&self, n: u64) -> bool {
        n >= self.start && self.count.is_none_or(|c| n - self.start < c)
    }

    /// Whether no line after `n` can lie in the range.
    fn done_after(&self, n: u64) -> bool {
        self.count
            .is_some_and(|c| n >= self.start.saturating_add(c - 1))
    }
}

impl ExecdClient {
    /// Reads the lines `range` of the file at `path` as text, line endings kept (an empty
    /// string past the end of the file). The server selects the lines and sends only
    /// them; a server that predates reads by lines and answers with the whole file as
    /// `application/octet-stream` is handled by selecting the lines here while streaming
    /// (reading stops after the last line wanted). The text is held in memory, so at most
    /// [`ClientOptions::max_response_body`](crate::ClientOptions::max_response_body) of it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a range starting at line 0 or holding 0 lines (nothing
    /// is sent), [`Error::Api`] for the server's refusal (a missing file is 404), and
    /// [`Error::Decode`] when the lines are not UTF-8 text (read such files by bytes).
    pub async fn read_lines(&self, path: &str, range: LineRange) -> Result<String> {
        check_path("path", path)?;
        range.validate()?;
        let offset = range.start.to_string();
        let limit = range.count.map(|c| c.to_string());
        let resp = self
            .transport
            .send(&opensandbox_execd_api::operations::DOWNLOAD_FILE, || {
                let mut q = vec![("path", path), ("offset", offset.as_str())];
                if let Some(l) = &limit {
                    q.push(("limit", l.as_str()));
                }
                Ok(self
                    .transport
                    .unary(Method::GET, "/files/download")
                    .header(ACCEPT, "text/plain")
                    .query(&q))
            })
            .await?;
        let status = resp.status();
        let text_plain = resp
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/"));
        let mut out = BytesMut::new();
        if text_plain {
            out.extend_from_slice(&self.transport.read_body(resp).await?);
        } else {
            let mut body = resp.bytes_stream();
            // The whole file: keep only the lines asked for.
            let mut line = 1u64;
            'read: while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|e| self.body_error(e))?;
                let mut rest = &chunk[..];
                while !rest.is_empty() {
                    let end = rest
                        .iter()
                        .position(|b| *b == b'\n')
                        .map_or(rest.len(), |i| i + 1);
                    if range.holds(line) {
                        out.extend_from_slice(&rest[..end]);
                        // The lines are held in memory: the unary answer limit applies.
                        let limit = self.transport.options().max_response_body;
                        if out.len() as u64 > limit {
                            return Err(crate::transport::too_large(status, limit));
                        }
                    }
                    let ended = rest[end - 1] == b'\n';
                    rest = &rest[end..];
                    if ended {
                        if range.done_after(line) {
                            break 'read;
                        }
                        line += 1;
                    }
                }
            }
        }
        String::from_utf8(out.to_vec()).map_err(|e| Error::Decode {
            status,
            message: format!(
                "lines {}.. of {path} are not UTF-8 text ({e}); read the file by bytes instead",
                range.start
            ),
            snippet: String::new(),
        })
    }

    fn body_error(&self, e: reqwest::Error) -> Error {
        self.transport
            .reqwest_error(e, crate::transport::retry::Failure::MaybeSent)
    }
}

#[cfg(test)]
mod tests {
    use super::LineRange;

    #[test]
    fn ranges_validate_and_select() {
        assert!(LineRange::from_line(0).validate().is_err());
        assert!(LineRange::first(0).validate().is_err());
        let r = LineRange::from_line(3).take(2);
        assert!(r.validate().is_ok());
        assert_eq!(
            (1..=6).filter(|n| r.holds(*n)).collect::<Vec<_>>(),
            vec![3, 4]
        );
        assert!(r.done_after(4) && !r.done_after(3));
        let open = LineRange::from_line(u64::MAX);
        assert!(open.holds(u64::MAX) && !open.done_after(u64::MAX));
        assert!(
            LineRange::from_line(u64::MAX)
                .take(u64::MAX)
                .done_after(u64::MAX)
        );
    }
}
