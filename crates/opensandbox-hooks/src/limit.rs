//! Reading a success body through a size limit.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;

/// Why a response body was not read to its end: it is larger than the limit
/// ([`RequestOptions::max_body`](crate::RequestOptions::max_body)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct BodyTooLarge {
    /// The limit in bytes.
    pub limit: u64,
}

impl std::fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the response body is larger than the limit of {} bytes",
            self.limit
        )
    }
}

impl std::error::Error for BodyTooLarge {}

/// `response` with its body read through `limit`: once more than `limit` bytes arrived
/// (at once when `Content-Length` already says so) reading fails with a
/// `reqwest::Error` whose source is [`BodyTooLarge`]. Error answers are returned as
/// they are (their readers keep only a prefix).
#[must_use]
pub fn limit_body(response: reqwest::Response, limit: u64) -> reqwest::Response {
    if !response.status().is_success() {
        return response;
    }
    let declared = response.content_length().unwrap_or(0);
    let (parts, body) = http::Response::from(response).into_parts();
    let limited = Limited {
        inner: Box::pin(reqwest::Response::from(http::Response::new(body)).bytes_stream()),
        // A declared length over the limit fails on the first read.
        seen: if declared > limit { declared } else { 0 },
        limit,
        done: false,
    };
    let body = reqwest::Body::wrap_stream(limited);
    reqwest::Response::from(http::Response::from_parts(parts, body))
}

/// A body stream that fails once more than `limit` bytes arrived.
struct Limited<S> {
    inner: Pin<Box<S>>,
    seen: u64,
    limit: u64,
    done: bool,
}

impl<S> Stream for Limited<S>
where
    S: Stream<Item = reqwest::Result<Bytes>>,
{
    type Item = Result<Bytes, Box<dyn std::error::Error + Send + Sync>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        let limit = self.limit;
        if self.seen > limit {
            self.done = true;
            return Poll::Ready(Some(Err(Box::new(BodyTooLarge { limit }))));
        }
        match self.inner.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                self.seen = self.seen.saturating_add(chunk.len() as u64);
                if self.seen > limit {
                    self.done = true;
                    return Poll::Ready(Some(Err(Box::new(BodyTooLarge { limit }))));
                }
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(Box::new(e)))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}
