//! The crate's one error type.
//!
//! Every [`Error`] tells where things stopped: the request was never built
//! ([`Error::InvalidInput`], [`Error::Config`]), it may or may not have reached the server
//! ([`Error::Transport`], [`Error::Timeout`]), the server answered with an error
//! ([`Error::Api`]) or with something this SDK could not decode ([`Error::Decode`]), or a
//! stream broke part-way ([`Error::Stream`]).

use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// Shorthand for `Result<T, opensandbox::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong when talking to OpenSandbox.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The caller's input is invalid; nothing was sent.
    #[error("invalid input: {0}")]
    InvalidInput(String),

    /// The client configuration is invalid; nothing was sent.
    #[error("invalid configuration: {0}")]
    Config(String),

    /// The request failed below HTTP (connect, TLS, I/O). `sent` says whether the request
    /// may have reached the server: `false` only when it provably did not (e.g. the
    /// connection was refused).
    #[error("transport error ({}): {message}", if *.sent { "request may have been sent" } else { "request not sent" })]
    Transport {
        /// What failed.
        message: String,
        /// Whether the request may have reached the server.
        sent: bool,
        /// The underlying error.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },

    /// The server certificate broke the TLS key-strength policy (or failed verification).
    #[error("TLS: {0}")]
    Tls(String),

    /// A deadline passed: the whole-request timeout of a unary call, or a stream's idle
    /// limit (no bytes for that long).
    #[error("timed out after {after:?} ({what})")]
    Timeout {
        /// Which deadline.
        what: &'static str,
        /// The configured limit.
        after: Duration,
    },

    /// A sandbox did not become ready: it was deleted again (unless configured
    /// otherwise) and this says what was awaited and what was last seen.
    #[error("sandbox {sandbox_id} not ready after {after:?}: {waiting_for}; last state {last_state:?}{}", last_error.as_deref().map(|e| format!("; last error: {e}")).unwrap_or_default())]
    NotReady {
        /// The sandbox.
        sandbox_id: String,
        /// What the SDK was waiting for (state `Running`, the execd endpoint, a ping).
        waiting_for: String,
        /// The last state seen, with the server's reason when it gave one.
        last_state: String,
        /// The last error met while waiting, as text.
        last_error: Option<String>,
        /// How long the SDK waited.
        after: Duration,
        /// Whether the sandbox reached a terminal state (failed, stopped) rather than
        /// running out of time.
        terminal: bool,
    },

    /// The server answered with an error status.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// The server answered with a redirect (3xx). Redirects are never followed: the
    /// request's credentials and body would go to another address. Point the SDK at the
    /// address the redirect names if it is trusted.
    #[error("the server redirected ({status}) to {}; redirects are not followed, so credentials never leave for another address: configure the final address instead", location.as_deref().unwrap_or("no Location"))]
    Redirect {
        /// The 3xx status.
        status: StatusCode,
        /// The `Location` header, when there was one.
        location: Option<String>,
    },

    /// The server answered with a success status but a body this SDK could not decode.
    #[error("could not decode the response ({status}): {message}; body starts with {snippet:?}")]
    Decode {
        /// HTTP status of the response.
        status: StatusCode,
        /// What failed to decode.
        message: String,
        /// The first bytes of the body (at most 512), lossily as UTF-8.
        snippet: String,
    },

    /// A stream broke: a malformed frame, an event over the size limit, or the connection
    /// closed before the terminal event.
    #[error("stream error: {0}")]
    Stream(String),

    /// A server broke the logs cursor protocol: asked for a background command's output
    /// from byte `requested`, it answered with bytes that start at `served_from` (its
    /// cursor header less the bytes sent), so delivering them would repeat output. Seen
    /// with servers or proxies that drop the `cursor` query. Nothing was delivered twice.
    #[error(
        "command {command_id}: asked for output from byte {requested}, the server sent bytes from {served_from} (it ignored the cursor); stopping rather than repeating output"
    )]
    CursorMismatch {
        /// The background command.
        command_id: String,
        /// The byte offset asked for.
        requested: u64,
        /// Where the server's answer starts, by its own cursor header.
        served_from: u64,
    },

    /// A local file operation failed (upload from or download to a path).
    #[error("I/O error on {path}: {source}")]
    Io {
        /// The local path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// A PTY session failure: already attached (409), taken over (close 4001), a server
    /// error frame, or output lost past the replay window.
    #[error(transparent)]
    Pty(Box<crate::pty::PtyError>),

    /// A caller callback asked the stream to stop.
    #[error("stopped by the handler: {0}")]
    Handler(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// The API error, if the server answered with an error status.
    #[must_use]
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The HTTP status of an API error.
    #[must_use]
    pub fn status(&self) -> Option<StatusCode> {
        self.api().map(|e| e.status)
    }

    /// Whether the server said the resource does not exist (404).
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }

    /// Whether the server rejected the request's fields (FastAPI's 422 with a `detail`
    /// list); [`ApiError::field_errors`] names them.
    pub fn is_validation_error(&self) -> bool {
        self.api().is_some_and(ApiError::is_validation_error)
    }

    /// Whether the server refused a write because of a stale revision or state (409),
    /// or a PTY attach because another connection holds the session.
    #[must_use]
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(StatusCode::CONFLICT)
            || matches!(self, Error::Pty(e) if matches!(**e, crate::pty::PtyError::AlreadyAttached { .. }))
    }

    /// Whether the failure is likely to go away if the same request is made again later:
    /// a connection-level failure (not TLS), a deadline, or a status that says "not now"
    /// (408, 429, 500, 502, 503, 504). Automatic retries (for failures without a status),
    /// background follow and readiness polling all decide with this. Whether a retry is
    /// also *safe* (the request may have been acted on) is a separate question the
    /// [`RetryPolicy`](crate::RetryPolicy) answers, and which statuses it retries is its
    /// own setting.
    #[must_use]
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::Api(e) => matches!(e.status.as_u16(), 408 | 429 | 500 | 502 | 503 | 504),
            _ => false,
        }
    }

    pub(crate) fn stream(msg: impl Into<String>) -> Self {
        Error::Stream(msg.into())
    }

    pub(crate) fn transport(
        message: impl Into<String>,
        sent: bool,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error::Transport {
            message: message.into(),
            sent,
            source: Some(Box::new(source)),
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

/// An error answer from an OpenSandbox server, decoded from whichever shape it used:
/// `{"code","message"}`, FastAPI's `{"detail": …}` (lifecycle validation, 422),
/// execd's `{"error": …}`, or the egress sidecar's plain text.
#[derive(Clone, thiserror::Error)]
#[error("{status}{}: {message}{}", code.as_deref().map(|c| format!(" {c}")).unwrap_or_default(), request_id.as_deref().map(|r| format!(" (request id {r})")).unwrap_or_default())]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// The machine-readable code, when the server sent one (`SANDBOX::NOT_FOUND`, …).
    pub code: Option<String>,
    /// A human-readable message (the status's reason phrase when the body had none).
    pub message: String,
    /// The `X-Request-ID` response header.
    pub request_id: Option<String>,
    /// The `Retry-After` response header, as a delay.
    pub retry_after: Option<Duration>,
    /// The fields a request-validation failure (FastAPI's 422 `{"detail": [...]}`) names,
    /// without the offending values the server echoes back.
    pub field_errors: Vec<FieldError>,
    /// The raw response body (its first bytes for large bodies). Servers echo the
    /// offending input here, so it can hold secrets: it is never printed by `Debug`.
    pub body: Bytes,
}

impl std::fmt::Debug for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("retry_after", &self.retry_after)
            .field("field_errors", &self.field_errors)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// One field a request-validation failure names (an item of FastAPI's `detail` list).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldError {
    /// Where the field is, e.g. `["body", "image", "uri"]`.
    pub loc: Vec<String>,
    /// What is wrong with it.
    pub msg: String,
    /// The kind of failure (`missing`, `string_type`, …), when given.
    pub kind: Option<String>,
}

impl ApiError {
    /// Builds an API error from a response's parts.
    pub fn from_parts(status: StatusCode, headers: &HeaderMap, body: Bytes) -> Self {
        let request_id = headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let retry_after = headers
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::transport::retry::parse_retry_after);
        let (code, message, field_errors) = decode_error_body(&body);
        let message =
            message.unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_string());
        ApiError {
            status,
            code,
            message,
            request_id,
            retry_after,
            field_errors,
            body,
        }
    }

    /// Whether this is a request-validation failure with field errors (FastAPI's 422
    /// `detail` list); see [`ApiError::field_errors`].
    pub fn is_validation_error(&self) -> bool {
        !self.field_errors.is_empty()
    }

    /// The body as (lossy) UTF-8 text.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `(code, message, field errors)` decoded from an error body.
type DecodedBody = (Option<String>, Option<String>, Vec<FieldError>);

/// Extracts the code, message and field errors from every error-body shape the servers
/// use. A code is only what the server sent: none is invented.
fn decode_error_body(body: &[u8]) -> DecodedBody {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return (None, None, Vec::new());
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed) else {
        // Egress sidecar: plain text.
        return (None, Some(truncate(trimmed, 2048)), Vec::new());
    };
    let str_field = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    if let Some(message) = str_field("message") {
        return (str_field("code"), Some(message), Vec::new());
    }
    if let Some(error) = str_field("error") {
        return (str_field("code"), Some(error), Vec::new());
    }
    if let Some(detail) = value.get("detail") {
        // FastAPI: a list is a request-validation failure; a string is any other error.
        return match detail {
            serde_json::Value::String(s) => (str_field("code"), Some(s.clone()), Vec::new()),
            serde_json::Value::Array(items) => {
                let fields: Vec<FieldError> = items.iter().map(field_error).collect();
                let message = fields
                    .iter()
                    .map(|f| {
                        if f.loc.is_empty() {
                            f.msg.clone()
                        } else {
                            format!("{}: {}", f.loc.join("."), f.msg)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                (str_field("code"), Some(truncate(&message, 2048)), fields)
            }
            other => (
                str_field("code"),
                Some(truncate(&other.to_string(), 2048)),
                Vec::new(),
            ),
        };
    }
    if let Some(code) = str_field("code") {
        return (Some(code), None, Vec::new());
    }
    (None, Some(truncate(trimmed, 2048)), Vec::new())
}

/// One item of FastAPI's `detail` list, `{loc, msg, type, input?}`; `input` (the
/// offending value, possibly a secret) is left out.
fn field_error(item: &serde_json::Value) -> FieldError {
    let msg = item
        .get("msg")
        .and_then(|m| m.as_str())
        .unwrap_or("invalid")
        .to_owned();
    let loc = item
        .get("loc")
        .and_then(|l| l.as_array())
        .map(|l| {
            l.iter()
                .map(|p| match p {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    let kind = item.get("type").and_then(|t| t.as_str()).map(str::to_owned);
    FieldError { loc, msg, kind }
}

pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// How much of a success body [`Error::Decode`] keeps.
const DECODE_SNIPPET_LEN: usize = 512;

/// The first bytes of a body (at most 512), for [`Error::Decode`].
pub(crate) fn snippet(body: &[u8]) -> String {
    snippet_of(body, DECODE_SNIPPET_LEN)
}

/// The first `max` bytes of `bytes`, lossily as UTF-8, for error messages (the one
/// place a snippet is made); a cut one ends with `… (N bytes)`.
pub(crate) fn snippet_of(bytes: &[u8], max: usize) -> String {
    if bytes.len() <= max {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    format!(
        "{}… ({} bytes)",
        String::from_utf8_lossy(&bytes[..max]),
        bytes.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, body: &str) -> ApiError {
        ApiError::from_parts(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            Bytes::from(body.to_string()),
        )
    }

    #[test]
    fn code_message_shape() {
        let e = api(
            404,
            r#"{"code":"SANDBOX::NOT_FOUND","message":"no such sandbox"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("SANDBOX::NOT_FOUND"));
        assert_eq!(e.message, "no such sandbox");
    }

    #[test]
    fn fastapi_detail_shape() {
        let e = api(
            422,
            r#"{"detail":[{"loc":["body","image","uri"],"msg":"field required","type":"missing"}]}"#,
        );
        assert_eq!(e.code, None, "no code is invented");
        assert!(e.is_validation_error());
        assert_eq!(e.message, "body.image.uri: field required");
        assert_eq!(
            e.field_errors,
            vec![FieldError {
                loc: vec!["body".into(), "image".into(), "uri".into()],
                msg: "field required".into(),
                kind: Some("missing".into()),
            }]
        );
    }

    #[test]
    fn debug_never_prints_the_echoed_input() {
        let e = api(
            422,
            r#"{"detail":[{"loc":["body","image","auth","password"],"msg":"too short","type":"string_too_short","input":"hunter2-registry"}]}"#,
        );
        let shown = format!("{e:?} {e} {:?}", Error::from(e.clone()));
        assert!(!shown.contains("hunter2-registry"), "{shown}");
        assert!(
            shown.contains("body.image.auth.password: too short"),
            "{shown}"
        );
    }

    #[test]
    fn fastapi_string_detail_is_not_a_validation_error() {
        let e = api(401, r#"{"detail":"Not authenticated"}"#);
        assert_eq!(e.code, None);
        assert_eq!(e.message, "Not authenticated");
    }

    #[test]
    fn execd_error_shape() {
        let e = api(401, r#"{"error":"missing access token"}"#);
        assert_eq!(e.message, "missing access token");
        assert_eq!(e.code, None);
    }

    #[test]
    fn plain_text_shape() {
        let e = api(409, "revision conflict: expected 3, have 4\n");
        assert_eq!(e.message, "revision conflict: expected 3, have 4");
        assert_eq!(e.body_text(), "revision conflict: expected 3, have 4\n");
    }

    #[test]
    fn empty_body_uses_reason_phrase() {
        assert_eq!(api(503, "").message, "Service Unavailable");
    }

    #[test]
    fn headers_are_kept() {
        let mut h = HeaderMap::new();
        h.insert("x-request-id", "req-1".parse().unwrap());
        h.insert("retry-after", "7".parse().unwrap());
        let e = ApiError::from_parts(StatusCode::TOO_MANY_REQUESTS, &h, Bytes::new());
        assert_eq!(e.request_id.as_deref(), Some("req-1"));
        assert_eq!(e.retry_after, Some(Duration::from_secs(7)));
        assert!(e.to_string().contains("req-1"));
    }
}
