//! Checks of ids, paths and paging values before they are sent, and the wire form of
//! listing filters.

use std::collections::BTreeMap;
use std::num::NonZeroU64;

use crate::error::{Error, Result};
use crate::model::SandboxState;

/// The wire spelling of state filters.
pub(super) fn wire_states(states: &[SandboxState]) -> Vec<String> {
    states.iter().map(|s| s.as_str().to_string()).collect()
}

/// Checks an id that becomes a URL path segment: not empty, and not `.` or `..`, which
/// URL parsing resolves away (`get_sandbox("..")` would send `GET /v1/`, and
/// `delete_sandbox(".")` `DELETE /v1/sandboxes/`), with or without percent-encoding.
pub(crate) fn check_id(what: &str, id: &str) -> Result<()> {
    check_path(what, id)?;
    if matches!(id, "." | "..") {
        return Err(Error::InvalidInput(format!(
            "{what} {id:?} is not an id: it would name another resource once in a URL"
        )));
    }
    Ok(())
}

/// Checks a value sent in a query or a body (a file path): not empty.
pub(crate) fn check_path(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::InvalidInput(format!("{what} must not be empty")));
    }
    Ok(())
}

/// The largest page size the servers accept.
pub const MAX_PAGE_SIZE: u64 = 200;

/// A page size: 1 to [`MAX_PAGE_SIZE`].
pub(super) fn page_size(v: Option<u64>) -> Result<Option<NonZeroU64>> {
    match v {
        Some(n) if n > MAX_PAGE_SIZE => Err(Error::InvalidInput(format!(
            "page size {n} is over the maximum of {MAX_PAGE_SIZE}"
        ))),
        v => nonzero("page size", v),
    }
}

pub(super) fn nonzero(what: &str, v: Option<u64>) -> Result<Option<NonZeroU64>> {
    match v {
        None => Ok(None),
        Some(n) => NonZeroU64::new(n)
            .map(Some)
            .ok_or_else(|| Error::InvalidInput(format!("{what} must be at least 1"))),
    }
}

/// The `metadata` query value: `k=v&k2=v2` with `%`, `&`, `=` and `+` (and anything
/// not URL-safe) percent-encoded inside keys and values. The HTTP layer encodes the
/// whole string once more as the parameter value.
pub(crate) fn metadata_filter(metadata: &BTreeMap<String, String>) -> Option<String> {
    if metadata.is_empty() {
        return None;
    }
    let pairs: Vec<String> = metadata
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                url::form_urlencoded::byte_serialize(k.as_bytes()).collect::<String>(),
                url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
            )
        })
        .collect();
    Some(pairs.join("&"))
}
