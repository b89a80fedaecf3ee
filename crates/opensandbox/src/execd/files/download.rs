//! Downloads: a file as a stream of byte chunks ([`Download`]), whole or a byte range.

use std::fmt;
use std::io;
use std::ops::RangeBounds;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Method, StatusCode};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

use super::ranges::{ContentRange, range_header, slice_stream};
use super::watchdog::Idle;
use crate::error::{Error, Result};
use crate::execd::{ExecdClient, check_path};

/// A file being downloaded ([`ExecdClient::download`]): a stream of byte chunks, read as
/// the server sends them. Also readable as an [`AsyncRead`]
/// ([`Download::into_async_read`]) or written out with [`Download::write_to`].
#[must_use = "a download does nothing unless its bytes are read"]
pub struct Download {
    status: StatusCode,
    content_length: Option<u64>,
    content_range: Option<ContentRange>,
    pub(super) inner: BoxStream<'static, Result<Bytes>>,
}

impl fmt::Debug for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("status", &self.status)
            .field("content_length", &self.content_length)
            .field("content_range", &self.content_range)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// The HTTP status: 200, or 206 for a range.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The number of bytes this download will yield, when known.
    #[must_use]
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The part of the file this download holds, for a range request.
    #[must_use]
    pub fn content_range(&self) -> Option<ContentRange> {
        self.content_range
    }

    /// Whether this is part of a file (a range request).
    #[must_use]
    pub fn is_partial(&self) -> bool {
        self.status == StatusCode::PARTIAL_CONTENT || self.content_range.is_some()
    }

    /// The bytes as an [`AsyncRead`]; failures surface as `io::Error`s wrapping the
    /// crate's [`Error`].
    pub fn into_async_read(self) -> impl AsyncRead + Send + Unpin + 'static {
        tokio_util::io::StreamReader::new(self.inner.map_err(io::Error::other))
    }

    /// Reads everything into memory (only for files known to be small).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn bytes(mut self) -> Result<Bytes> {
        let cap = self.content_length.unwrap_or(0).min(64 * 1024 * 1024) as usize;
        let mut buf = BytesMut::with_capacity(cap);
        while let Some(chunk) = self.inner.next().await {
            buf.extend_from_slice(&chunk?);
        }
        Ok(buf.freeze())
    }

    /// Writes the bytes to `writer` chunk by chunk and returns how many were written.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn write_to<W: AsyncWrite + Unpin + ?Sized>(mut self, writer: &mut W) -> Result<u64> {
        let mut n = 0u64;
        while let Some(chunk) = self.inner.next().await {
            let chunk = chunk?;
            writer.write_all(&chunk).await.map_err(|e| Error::Io {
                path: "download destination".into(),
                source: e,
            })?;
            n += chunk.len() as u64;
        }
        writer.flush().await.map_err(|e| Error::Io {
            path: "download destination".into(),
            source: e,
        })?;
        Ok(n)
    }
}

impl Stream for Download {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

/// Downloads: whole, a range, or into memory.
impl ExecdClient {
    /// Downloads a file as a stream of bytes. No whole-request deadline applies; the
    /// idle watchdog does.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn download(&self, path: &str) -> Result<Download> {
        self.download_inner(path, None).await
    }

    /// Downloads part of a file: `range` is in bytes, e.g. `0..1024` (the first KiB) or
    /// `1024..` (everything after it). The server answers 206; a range outside the file
    /// is an [`Error::Api`] with status 416. A server that ignores `Range` and sends the
    /// whole file is handled by skipping to the requested bytes.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn download_range(
        &self,
        path: &str,
        range: impl RangeBounds<u64>,
    ) -> Result<Download> {
        let r = range_header(&range)?;
        self.download_inner(path, Some(r)).await
    }

    /// Downloads a file into memory, at most
    /// [`ClientOptions::max_response_body`](crate::ClientOptions::max_response_body)
    /// bytes (64 MiB by default); stream larger files with [`ExecdClient::download`].
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] for a file over that limit (it is not read whole), and as every
    /// call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn read_file(&self, path: &str) -> Result<Bytes> {
        let limit = self.transport.options().max_response_body;
        let mut download = self.download(path).await?;
        if download.content_length().is_some_and(|n| n > limit) {
            return Err(crate::transport::too_large(StatusCode::OK, limit));
        }
        let cap = download.content_length().unwrap_or(0).min(limit) as usize;
        let mut buf = BytesMut::with_capacity(cap);
        while let Some(chunk) = download.next().await {
            let chunk = chunk?;
            if (buf.len() as u64).saturating_add(chunk.len() as u64) > limit {
                return Err(crate::transport::too_large(StatusCode::OK, limit));
            }
            buf.extend_from_slice(&chunk);
        }
        Ok(buf.freeze())
    }

    async fn download_inner(
        &self,
        path: &str,
        range: Option<(String, u64, Option<u64>)>,
    ) -> Result<Download> {
        check_path("path", path)?;
        let resp = self
            .transport
            .send(&opensandbox_execd_api::operations::DOWNLOAD_FILE, || {
                let mut b = self
                    .transport
                    .request(Method::GET, "/files/download")
                    .query(&[("path", path)]);
                if let Some((h, _, _)) = &range {
                    b = b.header(RANGE, h.as_str());
                }
                Ok(b)
            })
            .await
            .map_err(|e| match (e, &range) {
                (Error::Api(mut api), Some((h, _, _)))
                    if api.status == StatusCode::RANGE_NOT_SATISFIABLE =>
                {
                    api.message = format!(
                        "the requested range ({h}) lies outside {path}: {}",
                        api.message
                    );
                    Error::Api(api)
                }
                (e, _) => e,
            })?;
        let status = resp.status();
        let headers = resp.headers();
        let mut content_length = resp.content_length();
        let mut content_range = headers
            .get(CONTENT_RANGE)
            .and_then(|v| v.to_str().ok())
            .and_then(ContentRange::parse);
        let idle = self.transport.options().stream_idle_timeout;
        let transport = self.transport.clone();
        let body = resp
            .bytes_stream()
            .map_err(move |e| {
                transport.reqwest_error(e, crate::transport::retry::Failure::MaybeSent)
            })
            .boxed();
        let mut inner = Idle::new(idle, "download idle").guard(body);
        if let Some((_, start, end)) = range {
            if status == StatusCode::PARTIAL_CONTENT {
                if content_range.is_none() {
                    // No (valid) Content-Range: the slice is the one asked for, as long as
                    // the body says; `Content-Length` bounds its end.
                    let end = match (end, content_length) {
                        (Some(e), Some(n)) if n > 0 => Some(e.min(start + n - 1)),
                        (Some(e), _) => Some(e),
                        (None, Some(n)) if n > 0 => Some(start + n - 1),
                        (None, _) => None,
                    };
                    content_range = end.map(|end| ContentRange {
                        start,
                        end,
                        total: None,
                    });
                }
            } else {
                // The server ignored `Range` and sent the whole file: cut it ourselves.
                let total = content_length;
                let take = end.map(|e| e - start + 1);
                let last = match (end, total) {
                    (Some(e), Some(t)) => Some(e.min(t.saturating_sub(1))),
                    (Some(e), None) => Some(e),
                    (None, Some(t)) => Some(t.saturating_sub(1)),
                    (None, None) => None,
                };
                if let Some(t) = total
                    && start >= t
                {
                    return Err(Error::InvalidInput(format!(
                        "the requested range starts at byte {start}, beyond the end of {path} ({t} bytes)"
                    )));
                }
                content_length = last.map(|l| l - start + 1);
                content_range = last.map(|l| ContentRange {
                    start,
                    end: l,
                    total,
                });
                inner = slice_stream(inner, start, take);
            }
        }
        Ok(Download {
            status,
            content_length,
            content_range,
            inner,
        })
    }
}
