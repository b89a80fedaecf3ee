//! Opt-in retries that only repeat what is safe to repeat.
//!
//! - GET, HEAD, PUT and DELETE (idempotent by HTTP semantics) are retried on 429, 502,
//!   503 and 504 and on connection failures;
//! - a POST or PATCH is retried only when the request provably never left (the connection
//!   was refused or could not be made), or when the caller marked the call idempotent;
//! - TLS and certificate failures, other 4xx statuses, 500, and streams that already
//!   delivered a byte are never retried (a retry happens only before a success status is
//!   handed to the caller; a stream that breaks later is the caller's to resume);
//! - `Retry-After` (seconds or an HTTP date) replaces the backoff when present; an answer
//!   longer than [`RetryPolicy::max_retry_after`] ends the retries (the error keeps the
//!   value in [`ApiError::retry_after`](crate::ApiError::retry_after)), and no retry starts
//!   after [`RetryPolicy::max_elapsed`].
//!
//! ```
//! use std::time::Duration;
//! use opensandbox::{ClientOptions, RetryPolicy};
//! let options = ClientOptions::new().retry(
//!     RetryPolicy::new().max_attempts(3).initial_backoff(Duration::from_millis(100)),
//! );
//! # let _ = options;
//! ```

use std::time::Duration;

use reqwest::{Method, StatusCode};

/// When and how often to retry a failed request. Off unless configured.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in total, the first included (1 = no retry).
    pub max_attempts: u32,
    /// No retry starts once this much time has passed since the first attempt.
    pub max_elapsed: Duration,
    /// Backoff before the first retry.
    pub initial_backoff: Duration,
    /// Upper bound of any one backoff.
    pub max_backoff: Duration,
    /// Factor applied to the backoff after each retry.
    pub multiplier: f64,
    /// Full jitter: each backoff is drawn uniformly from zero to its computed value.
    pub jitter: bool,
    /// The longest `Retry-After` honoured; longer answers end the retries.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            max_elapsed: Duration::from_secs(30),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            multiplier: 2.0,
            jitter: true,
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The default policy: 4 attempts, 200 ms doubling backoff with jitter, 30 s budget.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the number of attempts in total (the first included).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Sets the elapsed-time budget.
    pub fn max_elapsed(mut self, d: Duration) -> Self {
        self.max_elapsed = d;
        self
    }

    /// Sets the first backoff.
    pub fn initial_backoff(mut self, d: Duration) -> Self {
        self.initial_backoff = d;
        self
    }

    /// Sets the largest backoff.
    pub fn max_backoff(mut self, d: Duration) -> Self {
        self.max_backoff = d;
        self
    }

    /// Turns jitter on or off.
    pub fn jitter(mut self, on: bool) -> Self {
        self.jitter = on;
        self
    }

    /// Sets the largest `Retry-After` honoured.
    pub fn max_retry_after(mut self, d: Duration) -> Self {
        self.max_retry_after = d;
        self
    }

    /// The backoff before retry number `retry` (1 = first retry).
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .multiplier
            .max(1.0)
            .powi(retry.saturating_sub(1) as i32);
        let base = self.initial_backoff.as_secs_f64() * exp;
        let capped = base.min(self.max_backoff.as_secs_f64());
        let secs = if self.jitter {
            capped * fastrand::f64()
        } else {
            capped
        };
        Duration::from_secs_f64(secs)
    }
}

/// How a failed attempt ended, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The server answered with this status.
    Status(StatusCode),
    /// No connection was made: the request never left.
    NotSent,
    /// The connection failed after the request may have left (reset, timeout, …).
    MaybeSent,
    /// A TLS or certificate failure.
    Tls,
    /// Anything else that repeating cannot fix (invalid input, undecodable answers).
    Fatal,
}

/// Whether `method` is idempotent by HTTP semantics.
pub(crate) fn idempotent_method(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    )
}

/// Whether a failure may be retried.
pub(crate) fn retryable(failure: Failure, idempotent: bool) -> bool {
    match failure {
        Failure::Tls | Failure::Fatal => false,
        Failure::NotSent => true,
        Failure::MaybeSent => idempotent,
        Failure::Status(s) => {
            idempotent
                && matches!(
                    s,
                    StatusCode::TOO_MANY_REQUESTS
                        | StatusCode::BAD_GATEWAY
                        | StatusCode::SERVICE_UNAVAILABLE
                        | StatusCode::GATEWAY_TIMEOUT
                )
        }
    }
}

/// Parses a `Retry-After` value: delay seconds or an HTTP date.
pub(crate) fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_retried() {
        let get = idempotent_method(&Method::GET);
        let post = idempotent_method(&Method::POST);
        assert!(get && !post);
        for s in [429, 502, 503, 504] {
            let s = Failure::Status(StatusCode::from_u16(s).unwrap());
            assert!(retryable(s, get));
            assert!(!retryable(s, post));
        }
        for s in [400, 401, 404, 409, 500] {
            assert!(!retryable(
                Failure::Status(StatusCode::from_u16(s).unwrap()),
                get
            ));
        }
        assert!(retryable(Failure::NotSent, post));
        assert!(!retryable(Failure::MaybeSent, post));
        assert!(retryable(Failure::MaybeSent, get));
        assert!(!retryable(Failure::Tls, get));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::new()
            .jitter(false)
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        assert_eq!(p.backoff(1), Duration::from_millis(100));
        assert_eq!(p.backoff(2), Duration::from_millis(200));
        assert_eq!(p.backoff(3), Duration::from_millis(350));
        let j = RetryPolicy::new().initial_backoff(Duration::from_millis(100));
        for _ in 0..100 {
            assert!(j.backoff(1) <= Duration::from_millis(100));
        }
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        let future = (chrono::Utc::now() + chrono::Duration::seconds(120)).to_rfc2822();
        let d = parse_retry_after(&future).unwrap();
        assert!(d > Duration::from_secs(100) && d <= Duration::from_secs(120));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }
}
