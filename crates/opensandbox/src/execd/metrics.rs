//! CPU and memory usage: one sample, or a live feed.

use reqwest::Method;

use super::ExecdClient;
use crate::error::{Error, Result};
use crate::stream::{Metrics, MetricsStream};
use crate::transport::retry::Failure;

impl ExecdClient {
    /// One CPU and memory sample of the sandbox (the same type the live feed of
    /// [`ExecdClient::watch_metrics`] yields).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn metrics(&self) -> Result<Metrics> {
        let resp = self
            .transport
            .send(&opensandbox_execd_api::operations::GET_METRICS, || {
                Ok(self
                    .transport
                    .unary(Method::GET, "/metrics")
                    .header(reqwest::header::ACCEPT, "application/json"))
            })
            .await?;
        let status = resp.status();
        let body = resp
            .bytes()
            .await
            .map_err(|e| self.transport.reqwest_error(e, Failure::MaybeSent))?;
        Metrics::from_json(&body).map_err(|e| Error::Decode {
            status,
            message: e.to_string(),
            snippet: crate::error::snippet(&body),
        })
    }

    /// A live feed of samples, one a second, until dropped. The server's
    /// `{"error": …}` lines arrive as [`Error::Stream`] items and the feed goes on.
    /// No whole-request deadline applies; the idle watchdog does.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn watch_metrics(&self) -> Result<MetricsStream> {
        let resp = self
            .transport
            .send(&opensandbox_execd_api::operations::WATCH_METRICS, || {
                Ok(self
                    .transport
                    .request(Method::GET, "/metrics/watch")
                    .header(reqwest::header::ACCEPT, "text/event-stream"))
            })
            .await?;
        Ok(MetricsStream::new(
            self.body_stream(resp),
            self.stream_options(),
        ))
    }

    /// Watches metrics, calling `handler` with every sample until the handler returns an
    /// error (which comes back as [`Error::Handler`]), the connection fails, or the feed
    /// ends. Sampling failures the server reports (`{"error": …}` lines) and malformed
    /// lines are logged (`tracing` warning) and skipped, as the feed goes on after them.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn watch_metrics_with_handler<F, E>(&self, mut handler: F) -> Result<()>
    where
        F: FnMut(&Metrics) -> std::result::Result<(), E>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        use futures::StreamExt;
        let mut stream = self.watch_metrics().await?;
        while let Some(sample) = stream.next().await {
            match sample {
                Ok(m) => handler(&m).map_err(|e| Error::Handler(e.into()))?,
                Err(Error::Stream(msg)) => tracing::warn!(%msg, "skipping a metrics sample"),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}
