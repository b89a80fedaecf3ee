//! Automatic retries that only repeat what is safe to repeat. On by default: 3 attempts
//! in total with jittered exponential backoff (set [`RetryPolicy::none`] to turn them off).
//!
//! - GET, HEAD, PUT, DELETE and OPTIONS (idempotent by HTTP semantics) are retried on the
//!   policy's statuses (default 408, 429, 502, 503, 504) and on transient connection
//!   failures ([`Error::is_transient`](crate::Error::is_transient));
//! - a POST or PATCH is retried only when the server provably did not act on it: the
//!   connection was refused or could not be made, or the server answered 429 (too many
//!   requests); or when the operation is marked idempotent in
//!   `specs/overlays/idempotency.yaml` (pause, resume, renew, metadata and policy
//!   patches, permissions, `mkdir -p`). A POST whose request may
//!   have been processed (a reset after sending, a 502/503/504) is never repeated;
//! - TLS and certificate failures, other 4xx statuses, 500, and streams that already
//!   delivered a byte are never retried (a retry happens only before a success status is
//!   handed to the caller; a stream that breaks later is the caller's to resume);
//! - `Retry-After` (seconds or an HTTP date) replaces the backoff when present; an answer
//!   longer than [`RetryPolicy::max_retry_after`] ends the retries (the error keeps the
//!   value in [`ApiError::retry_after`](crate::ApiError::retry_after)), and no retry starts
//!   after [`RetryPolicy::max_elapsed`]. Durations too large to add up mean "no limit",
//!   never a panic.
//!
//! ```
//! use std::time::Duration;
//! use opensandbox::{ClientOptions, RetryPolicy};
//! let options = ClientOptions::new().retry(
//!     RetryPolicy::new()
//!         .max_attempts(5)
//!         .initial_backoff(Duration::from_millis(100))
//!         .jitter_fraction(0.5)
//!         .statuses([429, 503]),
//! );
//! let no_retries = ClientOptions::new().retry(RetryPolicy::none());
//! # let _ = (options, no_retries);
//! ```

use std::time::Duration;

use reqwest::StatusCode;

/// The statuses retried by default: the server asks to come back later.
pub const DEFAULT_RETRY_STATUSES: [u16; 5] = [408, 429, 502, 503, 504];

/// When and how often to retry a failed request.
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
    /// The share of each backoff drawn at random, from 0.0 (none: exactly the computed
    /// backoff) to 1.0 (full jitter: uniformly between zero and the computed backoff).
    pub jitter: f64,
    /// The longest `Retry-After` honoured; longer answers end the retries.
    pub max_retry_after: Duration,
    /// The response statuses that are retried (for idempotent calls; a POST only on 429).
    pub statuses: Vec<u16>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            max_elapsed: Duration::from_secs(30),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            multiplier: 2.0,
            jitter: 1.0,
            max_retry_after: Duration::from_secs(30),
            statuses: DEFAULT_RETRY_STATUSES.to_vec(),
        }
    }
}

impl RetryPolicy {
    /// The default policy: 3 attempts, 200 ms doubling backoff (at most 5 s) with full
    /// jitter, a 30 s budget, statuses [`DEFAULT_RETRY_STATUSES`].
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// No retries: every call is made once.
    #[must_use]
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the number of attempts in total (the first included; 0 counts as 1).
    #[must_use]
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Sets the elapsed-time budget.
    #[must_use]
    pub fn max_elapsed(mut self, d: Duration) -> Self {
        self.max_elapsed = d;
        self
    }

    /// Sets the first backoff.
    #[must_use]
    pub fn initial_backoff(mut self, d: Duration) -> Self {
        self.initial_backoff = d;
        self
    }

    /// Sets the largest backoff.
    #[must_use]
    pub fn max_backoff(mut self, d: Duration) -> Self {
        self.max_backoff = d;
        self
    }

    /// Sets the growth factor of the backoff (values below 1 count as 1).
    #[must_use]
    pub fn multiplier(mut self, m: f64) -> Self {
        self.multiplier = m;
        self
    }

    /// Full jitter (`true`, the default) or none (`false`); see
    /// [`RetryPolicy::jitter_fraction`] for anything between.
    #[must_use]
    pub fn jitter(mut self, on: bool) -> Self {
        self.jitter = if on { 1.0 } else { 0.0 };
        self
    }

    /// Sets the share of each backoff drawn at random, from 0.0 to 1.0; anything else is
    /// refused with [`Error::Config`](crate::Error::Config) when a client is built.
    #[must_use]
    pub fn jitter_fraction(mut self, fraction: f64) -> Self {
        self.jitter = fraction;
        self
    }

    /// Sets the largest `Retry-After` honoured.
    #[must_use]
    pub fn max_retry_after(mut self, d: Duration) -> Self {
        self.max_retry_after = d;
        self
    }

    /// Sets the response statuses that are retried.
    pub fn statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// Checks the numbers a caller may have got wrong.
    pub(crate) fn validate(&self) -> Result<(), String> {
        if !(0.0..=1.0).contains(&self.jitter) {
            return Err(format!(
                "retry jitter fraction must lie between 0.0 and 1.0, not {}",
                self.jitter
            ));
        }
        if !self.multiplier.is_finite() {
            return Err(format!(
                "retry backoff multiplier must be a finite number, not {}",
                self.multiplier
            ));
        }
        if let Some(s) = self.statuses.iter().find(|s| !(100..=599).contains(*s)) {
            return Err(format!(
                "{s} is not an HTTP status a request can be retried on"
            ));
        }
        Ok(())
    }

    /// The backoff before retry number `retry` (1 = first retry). Never panics: a
    /// backoff too large to represent is the maximum backoff.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .multiplier
            .max(1.0)
            .powi(i32::try_from(retry.saturating_sub(1)).unwrap_or(i32::MAX));
        let base = self.initial_backoff.as_secs_f64() * exp;
        let capped = if base.is_finite() {
            base.min(self.max_backoff.as_secs_f64())
        } else {
            self.max_backoff.as_secs_f64()
        };
        let jitter = if self.jitter.is_finite() {
            self.jitter.clamp(0.0, 1.0)
        } else {
            1.0
        };
        let secs = capped * (1.0 - jitter * fastrand::f64());
        Duration::try_from_secs_f64(secs).unwrap_or(self.max_backoff)
    }

    /// Whether an attempt that ended in `failure` may be repeated. `transient` is
    /// [`Error::is_transient`](crate::Error::is_transient) of the attempt's error.
    pub(crate) fn allows(&self, failure: Failure, idempotent: bool, transient: bool) -> bool {
        match failure {
            Failure::Tls | Failure::Fatal => false,
            Failure::NotSent => transient,
            Failure::MaybeSent => idempotent && transient,
            Failure::Status(s) => {
                self.statuses.contains(&s.as_u16())
                    && (idempotent || s == StatusCode::TOO_MANY_REQUESTS)
            }
        }
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
        let p = RetryPolicy::new();
        // Idempotency comes from the operation table (by method, or the overlay).
        let (get, post) = (true, false);
        for s in [408, 429, 502, 503, 504] {
            let s = Failure::Status(StatusCode::from_u16(s).unwrap());
            assert!(p.allows(s, get, true));
        }
        // A POST only on 429: the server did not act on it.
        for s in [408, 502, 503, 504] {
            let s = Failure::Status(StatusCode::from_u16(s).unwrap());
            assert!(!p.allows(s, post, true));
        }
        assert!(p.allows(Failure::Status(StatusCode::TOO_MANY_REQUESTS), post, true));
        for s in [400, 401, 404, 409, 500] {
            assert!(!p.allows(Failure::Status(StatusCode::from_u16(s).unwrap()), get, true));
        }
        assert!(p.allows(Failure::NotSent, post, true));
        assert!(!p.allows(Failure::MaybeSent, post, true));
        assert!(p.allows(Failure::MaybeSent, get, true));
        assert!(!p.allows(Failure::MaybeSent, get, false));
        assert!(!p.allows(Failure::Tls, get, true));
        let only_503 = RetryPolicy::new().statuses([503]);
        assert!(!only_503.allows(Failure::Status(StatusCode::BAD_GATEWAY), get, true));
        assert!(only_503.allows(Failure::Status(StatusCode::SERVICE_UNAVAILABLE), get, true));
    }

    #[test]
    fn extreme_settings_never_panic() {
        let p = RetryPolicy::new()
            .initial_backoff(Duration::MAX)
            .max_backoff(Duration::MAX)
            .multiplier(f64::MAX);
        for n in [1, 2, 64, u32::MAX] {
            let _ = p.backoff(n);
        }
        let p = RetryPolicy::new().jitter(false).max_backoff(Duration::MAX);
        assert_eq!(p.backoff(1), Duration::from_millis(200));
        assert!(RetryPolicy::new().jitter_fraction(1.5).validate().is_err());
        assert!(
            RetryPolicy::new()
                .jitter_fraction(f64::NAN)
                .validate()
                .is_err()
        );
        assert!(
            RetryPolicy::new()
                .multiplier(f64::INFINITY)
                .validate()
                .is_err()
        );
        assert!(RetryPolicy::new().statuses([99]).validate().is_err());
        assert!(RetryPolicy::new().jitter_fraction(0.25).validate().is_ok());
    }

    #[test]
    fn partial_jitter_stays_in_its_band() {
        let p = RetryPolicy::new()
            .jitter_fraction(0.25)
            .initial_backoff(Duration::from_millis(100));
        for _ in 0..200 {
            let d = p.backoff(1);
            assert!(
                d >= Duration::from_millis(75) && d <= Duration::from_millis(100),
                "{d:?}"
            );
        }
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
