//! What a generated client adds to every request.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::Execute;

/// What the client adds to every request it sends: headers (authentication, headers an
/// endpoint requires), a whole-request timeout, a limit on success bodies, and
/// optionally the [`Execute`] that sends requests. `Debug` lists header names only:
/// values may be secrets.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Headers set on every request, replacing values of the same name.
    pub headers: HeaderMap,
    /// Whole-request timeout; `None` leaves the `reqwest::Client`'s own.
    pub timeout: Option<Duration>,
    /// The largest success body read; a larger one fails while it is read (with
    /// [`BodyTooLarge`](crate::BodyTooLarge) as the cause), before it is held in memory.
    /// With an [`executor`](RequestOptions::executor) the executor enforces it.
    pub max_body: Option<u64>,
    /// Sends every request of an operation the crate's table knows; `None` sends it once
    /// with the `reqwest::Client` (and applies [`max_body`](RequestOptions::max_body)).
    pub executor: Option<Arc<dyn Execute>>,
}

impl RequestOptions {
    /// No headers, no timeout, no limit, no executor.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the headers sent on every request.
    #[must_use]
    pub fn headers(mut self, headers: HeaderMap) -> Self {
        self.headers = headers;
        self
    }

    /// Sets the whole-request timeout.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets the largest success body read.
    #[must_use]
    pub fn max_body(mut self, limit: u64) -> Self {
        self.max_body = Some(limit);
        self
    }

    /// Sets the executor that sends every request.
    pub fn executor(mut self, executor: Arc<dyn Execute>) -> Self {
        self.executor = Some(executor);
        self
    }
}

impl std::fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestOptions")
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("timeout", &self.timeout)
            .field("max_body", &self.max_body)
            .field("executor", &self.executor.as_ref().map(|_| ".."))
            .finish()
    }
}

/// Applies `options` to `request`: its headers replace those of the same name, its
/// timeout replaces the request's.
pub fn apply(options: &RequestOptions, request: &mut reqwest::Request) {
    let target = request.headers_mut();
    for name in options.headers.keys() {
        target.remove(name);
    }
    for (name, value) in options.headers.iter() {
        target.append(name.clone(), value.clone());
    }
    if let Some(timeout) = options.timeout {
        *request.timeout_mut() = Some(timeout);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn apply_replaces_headers_and_sets_the_timeout_and_debug_hides_values() {
        let mut headers = HeaderMap::new();
        headers.insert("x-token", HeaderValue::from_static("secret-value"));
        let options = RequestOptions::new()
            .headers(headers)
            .timeout(Duration::from_secs(3))
            .max_body(10);
        let mut request = reqwest::Request::new(
            reqwest::Method::GET,
            "http://localhost/x".parse().expect("a URL"),
        );
        request
            .headers_mut()
            .insert("x-token", HeaderValue::from_static("old"));
        apply(&options, &mut request);
        assert_eq!(request.headers().get_all("x-token").iter().count(), 1);
        assert_eq!(request.headers()["x-token"], "secret-value");
        assert_eq!(request.timeout(), Some(&Duration::from_secs(3)));
        let shown = format!("{options:?}");
        assert!(
            shown.contains("x-token") && !shown.contains("secret-value"),
            "{shown}"
        );
    }
}
