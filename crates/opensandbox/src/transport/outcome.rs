//! What an attempt came to: error decoding (status, redirect, over-limit bodies), how a
//! failure counts for retries, and the tracing records of a request.

use super::*;

/// The limit a body broke, when `e` failed because the body was over the limit
/// ([`opensandbox_hooks::limit_body`]).
pub(super) fn body_too_large(e: &reqwest::Error) -> Option<u64> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(t) = err.downcast_ref::<opensandbox_hooks::BodyTooLarge>() {
            return Some(t.limit);
        }
        source = err.source();
    }
    None
}

/// The error for an answer over [`ClientOptions::max_response_body`].
pub(crate) fn too_large(status: StatusCode, limit: u64) -> Error {
    Error::Decode {
        status,
        message: format!(
            "the answer is larger than the limit of {limit} bytes \
             (ClientOptions::max_response_body); it was not read whole"
        ),
        snippet: String::new(),
    }
}

/// How a reqwest error counts for retries.
pub(crate) fn classify_reqwest(e: &reqwest::Error) -> Failure {
    if tls::tls_failure_message(e).is_some() {
        Failure::Tls
    } else if body_too_large(e).is_some() {
        Failure::Fatal
    } else if e.is_connect() {
        Failure::NotSent
    } else {
        Failure::MaybeSent
    }
}

/// The error for a 3xx answer (never followed).
pub(super) fn redirect_error(resp: &Response) -> Error {
    Error::Redirect {
        status: resp.status(),
        location: resp
            .headers()
            .get(reqwest::header::LOCATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
    }
}

/// How much of an error body is kept: enough for any real error message, and a server
/// that answers an error with gigabytes costs no memory (the rest is not read; the
/// connection is dropped).
pub(crate) const MAX_ERROR_BODY: usize = 64 * 1024;

/// Reads an error response (its first [`MAX_ERROR_BODY`] bytes) into an [`ApiError`].
pub(crate) async fn api_error(mut resp: Response) -> ApiError {
    let status = resp.status();
    let headers = resp.headers().clone();
    let mut body = bytes::BytesMut::new();
    while body.len() < MAX_ERROR_BODY {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                let room = MAX_ERROR_BODY - body.len();
                body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            Ok(None) | Err(_) => break,
        }
    }
    ApiError::from_parts(status, &headers, body.freeze())
}

/// Records a successful end of the request span.
pub(super) fn finish(
    span: &tracing::Span,
    attempt: u32,
    started: Instant,
    t0: Instant,
    status: StatusCode,
    headers: &HeaderMap,
) {
    let rid = request_id(headers);
    span.record("attempts", attempt);
    span.record("duration_ms", started.elapsed().as_millis() as u64);
    span.record("status", status.as_u16());
    if !rid.is_empty() {
        span.record("request_id", rid);
    }
    tracing::debug!(
        attempt,
        status = status.as_u16(),
        request_id = rid,
        elapsed_ms = t0.elapsed().as_millis() as u64,
        "response"
    );
}

/// Records a failed attempt, and the end of the request span when there is no retry.
pub(super) fn failed<R>(
    span: &tracing::Span,
    attempt: u32,
    started: Instant,
    t0: Instant,
    failed: &Failed<R>,
    retry_in: Option<Duration>,
) {
    let err = &failed.error;
    let status = match failed.failure {
        Failure::Status(s) => Some(s.as_u16()),
        _ => None,
    };
    let rid = err.api().and_then(|a| a.request_id.as_deref());
    if retry_in.is_none() {
        span.record("attempts", attempt);
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        if let Some(s) = status {
            span.record("status", s);
        }
        if let Some(r) = rid {
            span.record("request_id", r);
        }
    }
    tracing::debug!(
        attempt,
        status,
        request_id = rid,
        error = %err,
        elapsed_ms = t0.elapsed().as_millis() as u64,
        retry_in_ms = retry_in.map(|d| d.as_millis() as u64),
        "attempt failed"
    );
}

pub(super) fn request_id(h: &HeaderMap) -> &str {
    h.get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}
