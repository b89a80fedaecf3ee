//! Deadlines from user- and server-given durations that never overflow: a duration too
//! long to add to the clock means "no limit" (a deadline decades away), never a panic.

use std::time::Duration;

/// How far away "no limit" is: far beyond any real wait, well inside what the clock holds.
const FAR: Duration = Duration::from_secs(60 * 60 * 24 * 365 * 30);

/// `from + d`, or a deadline [`FAR`] away when that does not fit.
pub(crate) fn after_std(from: std::time::Instant, d: Duration) -> std::time::Instant {
    from.checked_add(d)
        .or_else(|| from.checked_add(FAR))
        .unwrap_or(from)
}

/// `from + d` on tokio's clock, or a deadline [`FAR`] away when that does not fit.
pub(crate) fn after(from: tokio::time::Instant, d: Duration) -> tokio::time::Instant {
    from.checked_add(d)
        .or_else(|| from.checked_add(FAR))
        .unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maximal_durations_mean_no_limit() {
        let now = std::time::Instant::now();
        assert!(after_std(now, Duration::MAX) > now + Duration::from_secs(86400 * 365));
        assert_eq!(
            after_std(now, Duration::from_secs(1)),
            now + Duration::from_secs(1)
        );
        let now = tokio::time::Instant::now();
        assert!(after(now, Duration::MAX) > now + Duration::from_secs(86400 * 365));
    }
}
