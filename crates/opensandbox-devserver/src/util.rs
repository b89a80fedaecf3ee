//! Small helpers shared by the three APIs.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

/// A fresh random identifier (UUID v4, hyphenated).
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A short random identifier (12 hex digits) for names that are not API ids.
pub(crate) fn short_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_owned()
}

/// A random 64-hex-digit secret (two v4 UUIDs, from the OS random source).
pub(crate) fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Current time in Unix milliseconds.
pub(crate) fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// RFC 3339 with second precision and `Z`, as used in diagnostics text.
pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A JSON response with the given status.
pub(crate) fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        Err(err) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot encode response: {err}"),
        )
            .into_response(),
    }
}

/// A `text/plain` response.
pub(crate) fn text(status: StatusCode, body: impl Into<String>) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        body.into(),
    )
        .into_response()
}

/// An empty response with the given status.
pub(crate) fn empty(status: StatusCode) -> Response {
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = status;
    resp
}

/// All `key=value` pairs of a query string, decoded, repeated keys kept in order.
pub(crate) fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// The first value of `key` in decoded query pairs.
pub(crate) fn query_get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Every value of `key` in decoded query pairs.
pub(crate) fn query_all<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// Quote `s` for a POSIX shell (single quotes).
pub(crate) fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Middleware: echo `X-Request-ID` or mint one, on every response.
pub(crate) async fn request_id(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("x-request-id")
        .filter(|v| !v.is_empty())
        .cloned()
        .or_else(|| HeaderValue::from_str(&new_id()).ok());
    let mut resp = next.run(req).await;
    if let Some(id) = id {
        resp.headers_mut().insert("x-request-id", id);
    }
    resp
}

/// Decodes UTF-8 from a byte stream that may split characters across chunks; invalid
/// sequences become U+FFFD.
#[derive(Default)]
pub(crate) struct Utf8Chunker {
    pending: Vec<u8>,
}

impl Utf8Chunker {
    /// Text for `chunk`, keeping an incomplete trailing character for the next call.
    pub(crate) fn push(&mut self, chunk: &[u8]) -> String {
        self.pending.extend_from_slice(chunk);
        let keep = incomplete_tail(&self.pending);
        let split = self.pending.len() - keep;
        let rest = self.pending.split_off(split);
        let out = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending = rest;
        out
    }

    /// Whatever is left, decoded lossily.
    pub(crate) fn finish(&mut self) -> String {
        let out = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending.clear();
        out
    }
}

/// Length of an incomplete (but so far valid) UTF-8 sequence at the end of `bytes`.
fn incomplete_tail(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=3.min(n) {
        let b = bytes[n - back];
        if b & 0b1100_0000 == 0b1000_0000 {
            continue; // continuation byte: keep looking for the lead byte
        }
        let need = if b & 0b1110_0000 == 0b1100_0000 {
            2
        } else if b & 0b1111_0000 == 0b1110_0000 {
            3
        } else if b & 0b1111_1000 == 0b1111_0000 {
            4
        } else {
            return 0;
        };
        return if need > back { back } else { 0 };
    }
    0
}

/// Simple glob matching: `*` (within a path segment), `**` (across segments), `?`,
/// and `[...]` classes (`[!...]` negates, ranges allowed).
pub(crate) fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    glob_rec(&p, &t)
}

fn glob_rec(p: &[char], t: &[char]) -> bool {
    if p.is_empty() {
        return t.is_empty();
    }
    match p[0] {
        '*' if p.get(1) == Some(&'*') => {
            let mut rest = &p[2..];
            // `**/` also matches zero directories.
            if rest.first() == Some(&'/') && glob_rec(&rest[1..], t) {
                return true;
            }
            while rest.first() == Some(&'*') {
                rest = &rest[1..];
            }
            (0..=t.len()).any(|i| glob_rec(rest, &t[i..]))
        }
        '*' => {
            for i in 0..=t.len() {
                if glob_rec(&p[1..], &t[i..]) {
                    return true;
                }
                if i < t.len() && t[i] == '/' {
                    break;
                }
            }
            false
        }
        '?' => !t.is_empty() && t[0] != '/' && glob_rec(&p[1..], &t[1..]),
        '[' => {
            let Some(c) = t.first() else { return false };
            match class_match(&p[1..], *c) {
                Some((matched, used)) => matched && glob_rec(&p[1 + used..], &t[1..]),
                None => *c == '[' && glob_rec(&p[1..], &t[1..]),
            }
        }
        '\\' if p.len() > 1 => !t.is_empty() && t[0] == p[1] && glob_rec(&p[2..], &t[1..]),
        c => !t.is_empty() && t[0] == c && glob_rec(&p[1..], &t[1..]),
    }
}

/// Matches `c` against a class body starting after `[`; returns (matched, chars used
/// including the closing `]`), or `None` when the class is not closed.
fn class_match(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 0;
    let negate = matches!(p.first(), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() {
        if p[i] == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            if p[i] <= c && c <= p[i + 2] {
                matched = true;
            }
            i += 3;
        } else {
            if p[i] == c {
                matched = true;
            }
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_chunker_keeps_split_characters() {
        let bytes = "héllo ✓".as_bytes();
        let mut c = Utf8Chunker::default();
        let mut out = String::new();
        for b in bytes {
            out.push_str(&c.push(std::slice::from_ref(b)));
        }
        out.push_str(&c.finish());
        assert_eq!(out, "héllo ✓");
        let mut c = Utf8Chunker::default();
        assert_eq!(c.push(&[0xff, b'a']), "\u{fffd}a");
    }

    #[test]
    fn globs() {
        assert!(glob_match("*.py", "main.py"));
        assert!(!glob_match("*.py", "src/main.py"));
        assert!(glob_match("**/*.py", "src/main.py"));
        assert!(glob_match("**/*.py", "main.py"));
        assert!(glob_match("**", "a/b/c"));
        assert!(glob_match("src/**", "src/a/b"));
        assert!(glob_match("data-?.[ct]sv", "data-1.csv"));
        assert!(!glob_match("data-[!0-9].csv", "data-1.csv"));
        assert!(glob_match("a\\*", "a*"));
    }

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }
}
