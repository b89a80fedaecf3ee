//! The metrics watch stream (`GET /metrics/watch`): NDJSON, one object a second.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::stream::{FusedStream, Stream};
use serde::Deserialize;

use super::StreamOptions;
use super::body::FrameStream;
use super::event::{lenient_f64, lenient_i64, malformed, require_object};
use crate::error::{Error, Result};

/// One sample of a sandbox's resource usage.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct Metrics {
    /// Number of CPU cores (may be fractional under a CPU quota).
    pub cpu_count: f64,
    /// CPU usage, in percent.
    pub cpu_used_pct: f64,
    /// Total memory, in MiB.
    pub mem_total_mib: f64,
    /// Used memory, in MiB.
    pub mem_used_mib: f64,
    /// When the sample was taken (Unix milliseconds).
    pub timestamp: i64,
}

#[derive(Deserialize)]
struct Wire {
    #[serde(default)]
    error: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "lenient_f64")]
    cpu_count: Option<f64>,
    #[serde(default, deserialize_with = "lenient_f64")]
    cpu_used_pct: Option<f64>,
    #[serde(default, deserialize_with = "lenient_f64")]
    mem_total_mib: Option<f64>,
    #[serde(default, deserialize_with = "lenient_f64")]
    mem_used_mib: Option<f64>,
    #[serde(default, deserialize_with = "lenient_i64")]
    timestamp: Option<i64>,
}

impl Metrics {
    /// Decodes one metrics line. Unknown fields are ignored, missing ones read as zero; a
    /// `{"error":"…"}` line is an [`Error::Stream`] carrying the server's message.
    ///
    /// # Errors
    ///
    /// [`Error::Stream`](crate::Error::Stream) for a line that is not a metrics object, or
    /// that carries the server's error.
    pub fn from_json(json: &[u8]) -> Result<Metrics> {
        require_object(json)?;
        let w: Wire = serde_json::from_slice(json).map_err(|e| malformed(json, &e))?;
        match w.error {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::String(msg)) => {
                return Err(Error::stream(format!("metrics: {msg}")));
            }
            Some(other) => return Err(Error::stream(format!("metrics: {other}"))),
        }
        Ok(Metrics {
            cpu_count: w.cpu_count.unwrap_or_default(),
            cpu_used_pct: w.cpu_used_pct.unwrap_or_default(),
            mem_total_mib: w.mem_total_mib.unwrap_or_default(),
            mem_used_mib: w.mem_used_mib.unwrap_or_default(),
            timestamp: w.timestamp.unwrap_or_default(),
        })
    }
}

/// The typed samples of `GET /metrics/watch`.
///
/// A [`Stream`] of `Result<Metrics, Error>`. The server's `{"error":"…"}` lines become
/// [`Error::Stream`] items and the stream goes on; it ends when the server closes the
/// connection (there is no terminal event), on a transport error, or when the idle
/// watchdog fires ([`StreamOptions::idle_timeout`]; the server sends a sample a second).
/// Drop it to stop watching.
#[derive(Debug)]
pub struct MetricsStream {
    frames: FrameStream,
}

impl MetricsStream {
    /// Samples from any body stream. [`StreamOptions::require_terminal`] is ignored: this
    /// stream has no terminal event.
    pub fn new<S, E>(body: S, options: StreamOptions) -> Self
    where
        S: Stream<Item = std::result::Result<Bytes, E>> + Send + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        MetricsStream {
            frames: FrameStream::new(body, &options),
        }
    }

    /// Samples from a response (its status must already have been checked).
    #[must_use]
    pub fn from_response(response: reqwest::Response, options: StreamOptions) -> Self {
        Self::new(response.bytes_stream(), options)
    }

    /// Stops watching and drops the body (closing the connection).
    pub fn close(&mut self) {
        self.frames.close();
    }
}

impl Stream for MetricsStream {
    type Item = Result<Metrics>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        this.frames.poll_with(cx, |p| {
            p.next_decoded(|data, _, _| Metrics::from_json(data))
        })
    }
}

impl FusedStream for MetricsStream {
    fn is_terminated(&self) -> bool {
        self.frames.is_terminated()
    }
}
