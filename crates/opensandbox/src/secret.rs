//! Secrets that never show up in `Debug` output or logs.

use std::fmt;

/// A secret string (API key, access token, credential value). `Debug` prints `***`;
/// read it with [`Secret::expose`].
///
/// It has no `Display`, so `to_string()` or `format!("{}")` cannot quietly turn it into
/// text (`"***"` or the value) where a real value was expected:
///
/// ```compile_fail
/// let key = opensandbox::Secret::new("hunter2");
/// let text = key.to_string(); // does not compile: Secret is not Display
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    #[must_use]
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value. Call only where the value is sent or stored on purpose.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

impl From<&String> for Secret {
    fn from(value: &String) -> Self {
        Secret(value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_printed() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?} {:?}", Some(&s)), "*** Some(***)");
        assert_eq!(s.expose(), "hunter2");
    }
}
