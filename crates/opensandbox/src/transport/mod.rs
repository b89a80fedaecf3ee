//! HTTP transport: the one place requests are sent, retried, traced and their errors
//! decoded. Clients hold a `Transport`; generated clients share its `reqwest::Client`,
//! get its headers and unary timeout through their request hook, and send through it as
//! their executor (`execute`), which retries and traces by the request's operation.

mod execute;
pub(crate) mod http;
mod outcome;
pub mod retry;
pub mod tls;

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use tracing::Instrument;

use crate::config::{ClientOptions, is_sensitive};
use crate::error::{ApiError, Error, Result, snippet};
pub(crate) use opensandbox_hooks::Operation;
use outcome::*;
pub(crate) use outcome::{api_error, classify_reqwest, too_large};
use retry::{Failure, RetryPolicy};

/// Which API a transport talks to (for tracing and error messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    Lifecycle,
    Execd,
    Egress,
}

impl Api {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Api::Lifecycle => "lifecycle",
            Api::Execd => "execd",
            Api::Egress => "egress",
        }
    }
}

/// A failed attempt: the error (for traces and the retry decision), how it counts for
/// retries, the server's `Retry-After`, and what the caller gets when it is the last.
struct Failed<R> {
    error: Error,
    failure: Failure,
    retry_after: Option<Duration>,
    raw: R,
}

impl Failed<()> {
    fn new(error: Error, failure: Failure, retry_after: Option<Duration>) -> Self {
        Failed {
            error,
            failure,
            retry_after,
            raw: (),
        }
    }
}

/// A configured connection to one API base URL.
#[derive(Clone)]
pub(crate) struct Transport {
    inner: Arc<Inner>,
}

struct Inner {
    api: Api,
    http: reqwest::Client,
    base: String,
    headers: HeaderMap,
    options: ClientOptions,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("api", &self.inner.api)
            .field("base", &self.inner.base)
            .field("headers", &self.inner.headers.keys().collect::<Vec<_>>())
            .field("options", &self.inner.options)
            .finish()
    }
}

/// Normalises a base URL: scheme required (http/https), no query or fragment, no
/// trailing slash; a path prefix is kept.
pub(crate) fn normalize_base(raw: &str) -> Result<String> {
    let base = &redact_userinfo(raw);
    let url = url::Url::parse(raw.trim())
        .map_err(|e| Error::Config(format!("invalid base URL {base:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::Config(format!(
            "base URL {base:?} must use http or https"
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::Config(format!("base URL {base:?} has no host")));
    }
    // Credentials in the URL would show up wherever the URL is printed (Debug, errors,
    // logs); they belong in a header, whose value is kept out of all of those.
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config(
            "the base URL must not carry credentials (user:password@); send them in a \
             header, e.g. ClientOptions::header(\"Authorization\", …)"
                .into(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Config(format!(
            "base URL {base:?} must not have a query or fragment"
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// `url` with any `user:password@` replaced by `***@`, for messages.
pub(crate) fn redact_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://***{}", &rest[at..]),
        None => url.to_string(),
    }
}

impl Transport {
    /// Builds a transport; `auth` is `(default header name, secret)` when the API needs one.
    pub(crate) fn new(
        api: Api,
        base: &str,
        auth: Option<(&'static str, &str)>,
        extra_headers: HeaderMap,
        options: ClientOptions,
    ) -> Result<Self> {
        let base = normalize_base(base)?;
        options.validate()?;
        let http = match &options.http_client {
            Some(c) => c.clone(),
            None => http::build_client(&options)?,
        };
        let mut headers = options.headers.clone();
        // Per-endpoint headers (route tokens, secure-access tokens) are credentials, and
        // authoritative: a credential the endpoint names wins over a configured one.
        let endpoint_names: Vec<HeaderName> = extra_headers.keys().cloned().collect();
        headers.extend(extra_headers.into_iter().map(|(n, mut v)| {
            v.set_sensitive(true);
            (n, v)
        }));
        if let Some((default_name, secret)) = auth
            && !secret.is_empty()
        {
            // `from_static` panics on upper-case names such as `OPEN-SANDBOX-API-KEY`;
            // `from_bytes` lower-cases them.
            let name = match options.auth_header.clone() {
                Some(n) => n,
                None => HeaderName::from_bytes(default_name.as_bytes())
                    .map_err(|_| Error::Config(format!("invalid header name {default_name:?}")))?,
            };
            let mut value = HeaderValue::from_str(secret).map_err(|_| {
                Error::Config(format!(
                    "the {} credential is not a valid header value",
                    api.name()
                ))
            })?;
            value.set_sensitive(true);
            if !endpoint_names.contains(&name) {
                headers.insert(name, value);
            }
        }
        for (name, value) in headers.iter_mut() {
            if is_sensitive(name) {
                value.set_sensitive(true);
            }
        }
        if !headers.contains_key(reqwest::header::USER_AGENT)
            && let Ok(ua) = HeaderValue::from_str(&options.user_agent)
        {
            headers.insert(reqwest::header::USER_AGENT, ua);
        }
        Ok(Transport {
            inner: Arc::new(Inner {
                api,
                http,
                base,
                headers,
                options,
            }),
        })
    }

    /// The normalised base URL (no trailing slash).
    pub(crate) fn base(&self) -> &str {
        &self.inner.base
    }

    /// The HTTP client.
    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    /// The client options.
    pub(crate) fn options(&self) -> &ClientOptions {
        &self.inner.options
    }

    /// Headers sent on every request.
    pub(crate) fn headers(&self) -> &HeaderMap {
        &self.inner.headers
    }

    /// The options for a generated client: the transport's headers, unary timeout and
    /// answer limit, and the transport itself as the executor (retries, tracing).
    pub(crate) fn request_options(&self) -> opensandbox_hooks::RequestOptions {
        opensandbox_hooks::RequestOptions::new()
            .headers(self.inner.headers.clone())
            .timeout(self.inner.options.request_timeout)
            .max_body(self.inner.options.max_response_body)
            .executor(Arc::new(self.clone()))
    }

    /// `base + path` (path starts with `/`): appended, never replacing the base's path.
    pub(crate) fn url(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.inner.base.len() + path.len());
        url.push_str(&self.inner.base);
        url.push_str(path);
        url
    }

    /// A request to `path` with the transport's headers (no whole-request timeout: set
    /// one with [`RequestBuilder::timeout`] for unary calls).
    pub(crate) fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.inner
            .http
            .request(method, self.url(path))
            .headers(self.inner.headers.clone())
    }

    /// A unary request: [`Transport::request`] with the whole-request timeout.
    pub(crate) fn unary(&self, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path)
            .timeout(self.inner.options.request_timeout)
    }

    /// Awaits a generated-client call (sent through this transport as its executor, so
    /// retried and traced by its operation) and decodes its error.
    pub(crate) async fn run<T>(
        &self,
        call: impl Future<
            Output = std::result::Result<
                progenitor_client::ResponseValue<T>,
                progenitor_client::Error<()>,
            >,
        >,
    ) -> Result<T> {
        match call.await {
            Ok(v) => Ok(v.into_inner()),
            Err(e) => Err(self.progenitor_error(e).await),
        }
    }

    /// Sends a hand-built request of `op` with retries (when `op` is idempotent),
    /// tracing and error decoding; returns the response when its status is a success.
    /// `build` is called once per attempt.
    pub(crate) async fn send<F>(&self, op: &'static Operation, build: F) -> Result<Response>
    where
        F: Fn() -> Result<RequestBuilder>,
    {
        let build = &build;
        self.retrying(
            op,
            true,
            move || async move {
                let builder = build().map_err(|e| Failed::new(e, Failure::Fatal, None))?;
                match self.execute(builder).await {
                    Err(timeout) => Err(Failed::new(timeout, Failure::MaybeSent, None)),
                    Ok(Ok(resp)) if resp.status().is_success() => Ok(resp),
                    Ok(Ok(resp)) if resp.status().is_redirection() => {
                        Err(Failed::new(redirect_error(&resp), Failure::Fatal, None))
                    }
                    Ok(Ok(resp)) => {
                        let status = resp.status();
                        let api = api_error(resp).await;
                        let ra = api.retry_after;
                        Err(Failed::new(Error::from(api), Failure::Status(status), ra))
                    }
                    Ok(Err(e)) => {
                        let f = classify_reqwest(&e);
                        Err(Failed::new(self.reqwest_error(e, f), f, None))
                    }
                }
            },
            |r| (r.status(), r.headers()),
        )
        .await
        .map_err(|f| f.error)
    }

    /// Sends one request. A request without a whole-request timeout (a stream: command
    /// output, downloads, the metrics watch) has the time to its response headers bounded
    /// by the stream idle limit, so a server that accepts and never answers cannot hold
    /// the caller forever; an upload's body is watched by its own progress watchdog.
    ///
    /// The outer `Err` is that header timeout; the inner one is reqwest's.
    async fn execute(
        &self,
        builder: RequestBuilder,
    ) -> Result<std::result::Result<Response, reqwest::Error>> {
        let request = match builder.build() {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        let streaming_body = request.body().is_some_and(|b| b.as_bytes().is_none());
        if request.timeout().is_some() || streaming_body {
            return Ok(self.inner.http.execute(request).await);
        }
        let limit = self.inner.options.stream_idle_timeout;
        match tokio::time::timeout(limit, self.inner.http.execute(request)).await {
            Ok(r) => Ok(r),
            Err(_) => Err(Error::Timeout {
                what: "response headers",
                after: limit,
            }),
        }
    }

    /// Reads a unary answer's body, at most [`ClientOptions::max_response_body`] bytes.
    pub(crate) async fn read_body(&self, mut resp: Response) -> Result<Bytes> {
        let limit = self.inner.options.max_response_body;
        let status = resp.status();
        if resp.content_length().is_some_and(|n| n > limit) {
            return Err(too_large(status, limit));
        }
        let mut body = bytes::BytesMut::new();
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| self.reqwest_error(e, Failure::MaybeSent))?
        {
            if (body.len() as u64).saturating_add(chunk.len() as u64) > limit {
                return Err(too_large(status, limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    }

    /// The retry loop of [`Transport::send`] and of the executor: runs `attempt` until
    /// it succeeds, fails for good (a failure the policy does not retry for `op`, or any
    /// failure when not `repeatable`), or the policy's budget is spent; traces every
    /// attempt in one span.
    async fn retrying<T, R, A, Fut>(
        &self,
        op: &'static Operation,
        repeatable: bool,
        mut attempt: A,
        meta: impl Fn(&T) -> (StatusCode, &HeaderMap),
    ) -> std::result::Result<T, Failed<R>>
    where
        A: FnMut() -> Fut,
        Fut: Future<Output = std::result::Result<T, Failed<R>>>,
    {
        let span = self.span(op);
        let rec = span.clone();
        async move {
            let started = Instant::now();
            let mut n = 1u32;
            loop {
                let t0 = Instant::now();
                let failed_attempt = match attempt().await {
                    Ok(v) => {
                        let (status, headers) = meta(&v);
                        finish(&rec, n, started, t0, status, headers);
                        return Ok(v);
                    }
                    Err(failed_attempt) => failed_attempt,
                };
                let delay = match repeatable {
                    true => self.next_delay(&failed_attempt, op.idempotent, n, started),
                    false => None,
                };
                failed(&rec, n, started, t0, &failed_attempt, delay);
                match delay {
                    Some(delay) => {
                        tokio::time::sleep(delay).await;
                        n += 1;
                    }
                    None => return Err(failed_attempt),
                }
            }
        }
        .instrument(span)
        .await
    }

    /// The span of one logical request (all its attempts). Headers are never recorded;
    /// `status`, `request_id`, `attempts` and `duration_ms` are filled in at the end.
    fn span(&self, op: &'static Operation) -> tracing::Span {
        tracing::debug_span!(
            "opensandbox.request",
            api = self.inner.api.name(),
            op = op.id,
            method = %op.method,
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
            attempts = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        )
    }

    /// The delay before the attempt after `failed`, or `None` to stop.
    fn next_delay<R>(
        &self,
        failed: &Failed<R>,
        idempotent: bool,
        attempt: u32,
        started: Instant,
    ) -> Option<Duration> {
        let policy: &RetryPolicy = &self.inner.options.retry;
        if attempt >= policy.max_attempts
            || !policy.allows(failed.failure, idempotent, failed.error.is_transient())
        {
            return None;
        }
        let delay = match failed.retry_after {
            Some(ra) if ra > policy.max_retry_after => return None,
            Some(ra) => ra,
            None => policy.backoff(attempt),
        };
        // Saturating: a delay or budget too large to add up is "no limit", not a panic.
        if started.elapsed().saturating_add(delay) > policy.max_elapsed {
            return None;
        }
        Some(delay)
    }

    /// Turns a generated client's error into the crate's error.
    async fn progenitor_error(&self, e: progenitor_client::Error<()>) -> Error {
        use progenitor_client::Error as P;
        match e {
            P::InvalidRequest(msg) | P::Custom(msg) => Error::InvalidInput(msg),
            P::CommunicationError(e) | P::ResponseBodyError(e) | P::InvalidUpgrade(e) => {
                let f = classify_reqwest(&e);
                self.reqwest_error(e, f)
            }
            P::ErrorResponse(rv) => Error::from(ApiError::from_parts(
                rv.status(),
                rv.headers(),
                Bytes::new(),
            )),
            P::InvalidResponsePayload(body, err) => Error::Decode {
                status: StatusCode::OK,
                message: err.to_string(),
                snippet: snippet(&body),
            },
            P::UnexpectedResponse(resp) if resp.status().is_redirection() => redirect_error(&resp),
            P::UnexpectedResponse(resp) if resp.status().is_success() => {
                let status = resp.status();
                let body = resp.bytes().await.unwrap_or_default();
                Error::Decode {
                    status,
                    message: "unexpected success status or content type".into(),
                    snippet: snippet(&body),
                }
            }
            P::UnexpectedResponse(resp) => Error::from(api_error(resp).await),
        }
    }

    /// Turns a reqwest error into the crate's error.
    pub(crate) fn reqwest_error(&self, e: reqwest::Error, failure: Failure) -> Error {
        match self.describe_reqwest(&e, failure) {
            Error::Transport { message, sent, .. } => Error::transport(message, sent, e),
            other => other,
        }
    }

    /// The crate's error for a reqwest error, without the error itself as its source.
    fn describe_reqwest(&self, e: &reqwest::Error, failure: Failure) -> Error {
        if let Some(msg) = tls::tls_failure_message(e) {
            return Error::Tls(msg);
        }
        if let Some(limit) = body_too_large(e) {
            return too_large(e.status().unwrap_or(StatusCode::OK), limit);
        }
        if e.is_timeout() && !e.is_connect() {
            return Error::Timeout {
                what: "request",
                after: self.inner.options.request_timeout,
            };
        }
        let what = if e.is_connect() {
            format!(
                "could not connect to the {} API at {}",
                self.inner.api.name(),
                self.inner.base
            )
        } else {
            format!("{} request failed", self.inner.api.name())
        };
        Error::Transport {
            message: what,
            sent: failure != Failure::NotSent,
            source: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_keep_their_path_and_lose_trailing_slashes() {
        assert_eq!(
            normalize_base("http://h:1/proxy/44772/").unwrap(),
            "http://h:1/proxy/44772"
        );
        assert_eq!(normalize_base("https://h/v1").unwrap(), "https://h/v1");
        assert!(matches!(normalize_base("h:1"), Err(Error::Config(_))));
        assert!(matches!(normalize_base("ftp://h"), Err(Error::Config(_))));
        assert!(matches!(
            normalize_base("http://h/?a=1"),
            Err(Error::Config(_))
        ));
        assert_eq!(redact_userinfo("http://u:p@h:1/x@y"), "http://***@h:1/x@y");
        assert_eq!(redact_userinfo("http://h/x@y"), "http://h/x@y");
        match normalize_base("http://user:hunter2@h/v1") {
            Err(Error::Config(m)) => assert!(!m.contains("hunter2"), "{m}"),
            other => panic!("{other:?}"),
        }
    }
}
