//! Sending a request of a known operation.

use std::future::Future;
use std::pin::Pin;

use crate::{Operation, RequestOptions, limit_body};

/// A boxed, `Send` future (what [`Execute::execute`] returns).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends the requests of a generated client, knowing each request's operation: the
/// place for retries, tracing and response limits. Set it with
/// [`RequestOptions::executor`].
pub trait Execute: Send + Sync {
    /// Sends `request` (already carrying the client's headers and timeout) for `op` with
    /// `client`, and returns the answer the generated client decodes. The executor owns
    /// the answer's size limit.
    fn execute<'a>(
        &'a self,
        op: &'static Operation,
        client: &'a reqwest::Client,
        request: reqwest::Request,
    ) -> BoxFuture<'a, reqwest::Result<reqwest::Response>>;
}

/// Sends `request`: through the [executor](RequestOptions::executor) when there is one
/// and the operation is known, else once with `client`, a success answer's body read
/// through [`RequestOptions::max_body`].
///
/// # Errors
///
/// The executor's or reqwest's error: the request could not be sent or its answer not
/// received (a body over the limit fails while it is read, with [`crate::BodyTooLarge`]
/// as the cause).
pub async fn exec(
    client: &reqwest::Client,
    options: &RequestOptions,
    op: Option<&'static Operation>,
    request: reqwest::Request,
) -> reqwest::Result<reqwest::Response> {
    if let (Some(executor), Some(op)) = (&options.executor, op) {
        return executor.execute(op, client, request).await;
    }
    let response = client.execute(request).await?;
    Ok(match options.max_body {
        Some(limit) => limit_body(response, limit),
        None => response,
    })
}
