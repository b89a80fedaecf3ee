//! The idle watchdog of uploads and downloads: a transfer that makes no progress for the
//! idle limit ([`ClientOptions::stream_idle_timeout`](crate::ClientOptions::stream_idle_timeout))
//! fails with [`Error::Timeout`] instead of hanging.
//!
//! One clock ([`Idle`]) serves both directions: a download touches it for every chunk
//! received ([`Idle::guard`]), an upload for every body chunk the connection takes (and
//! races the request against [`Idle::stalled`]).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt};
use tokio::time::Instant;

use crate::error::{Error, Result};

/// When a transfer last made progress, and how long it may go without.
#[derive(Clone, Debug)]
pub(super) struct Idle {
    start: Instant,
    /// Milliseconds after `start` of the last progress.
    last_ms: Arc<AtomicU64>,
    after: Duration,
    what: &'static str,
}

impl Idle {
    /// A watchdog that fires `after` without progress, counting from now; `what` names
    /// the deadline in the [`Error::Timeout`] it produces.
    pub(super) fn new(after: Duration, what: &'static str) -> Self {
        Idle {
            start: Instant::now(),
            last_ms: Arc::new(AtomicU64::new(0)),
            after,
            what,
        }
    }

    /// Records progress now.
    pub(super) fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    /// The error this watchdog reports when it fires.
    pub(super) fn timeout(&self) -> Error {
        Error::Timeout {
            what: self.what,
            after: self.after,
        }
    }

    /// Resolves once there has been no progress for the idle limit.
    pub(super) async fn stalled(self) {
        loop {
            let last = self.start + Duration::from_millis(self.last_ms.load(Ordering::Relaxed));
            let deadline = crate::deadline::after(last, self.after);
            if Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep_until(deadline).await;
        }
    }

    /// `body`, failed with [`Idle::timeout`] (and ended) once it goes the idle limit
    /// without a chunk; every chunk counts as progress.
    pub(super) fn guard(
        self,
        body: BoxStream<'static, Result<Bytes>>,
    ) -> BoxStream<'static, Result<Bytes>> {
        let stalled = Box::pin(self.clone().stalled());
        Guarded {
            inner: body,
            idle: self,
            stalled,
            done: false,
        }
        .boxed()
    }
}

/// A byte stream under an [`Idle`] watchdog.
struct Guarded {
    inner: BoxStream<'static, Result<Bytes>>,
    idle: Idle,
    stalled: Pin<Box<dyn Future<Output = ()> + Send>>,
    done: bool,
}

impl Stream for Guarded {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        match self.inner.poll_next_unpin(cx) {
            Poll::Ready(Some(item)) => {
                self.idle.touch();
                if item.is_err() {
                    self.done = true;
                }
                Poll::Ready(Some(item))
            }
            Poll::Ready(None) => {
                self.done = true;
                Poll::Ready(None)
            }
            Poll::Pending => match self.stalled.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    self.done = true;
                    Poll::Ready(Some(Err(self.idle.timeout())))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::stream;

    #[tokio::test(start_paused = true)]
    async fn a_quiet_stream_times_out_once_and_ends() {
        let body = stream::pending::<Result<Bytes>>().boxed();
        let mut s = Idle::new(Duration::from_secs(5), "download idle").guard(body);
        match s.next().await {
            Some(Err(Error::Timeout { what, after })) => {
                assert_eq!(what, "download idle");
                assert_eq!(after, Duration::from_secs(5));
            }
            other => panic!("expected a timeout, got {other:?}"),
        }
        assert!(s.next().await.is_none());
    }

    #[tokio::test(start_paused = true)]
    async fn progress_pushes_the_deadline_on() {
        let idle = Idle::new(Duration::from_secs(5), "upload idle");
        let stalled = idle.clone().stalled();
        tokio::pin!(stalled);
        for _ in 0..3 {
            tokio::time::advance(Duration::from_secs(4)).await;
            idle.touch();
            assert!(futures::poll!(stalled.as_mut()).is_pending());
        }
        tokio::time::advance(Duration::from_secs(6)).await;
        assert!(futures::poll!(stalled.as_mut()).is_ready());
    }
}
