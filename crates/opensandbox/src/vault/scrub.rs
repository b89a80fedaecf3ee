//! Keeps secret values out of a vault write's error: whatever the server echoes becomes
//! `***`.

use crate::error::Error;
use crate::secret::Secret;

/// Makes a vault write's error safe: secret values the server may have echoed become
/// `***` (the 426 explanation is added by [`crate::EgressClient`]).
pub(crate) fn scrub_write_error(err: Error, secrets: &[Secret]) -> Error {
    let Error::Api(mut api) = err else {
        return scrub_other(err, secrets);
    };
    api.message = scrub(&api.message, secrets);
    let body = scrub(&String::from_utf8_lossy(&api.body), secrets);
    if body.as_bytes() != api.body.as_ref() {
        api.body = bytes::Bytes::from(body);
    }
    Error::Api(api)
}

fn scrub_other(err: Error, secrets: &[Secret]) -> Error {
    match err {
        Error::Decode {
            status,
            message,
            snippet,
        } => Error::Decode {
            status,
            message: scrub(&message, secrets),
            snippet: scrub(&snippet, secrets),
        },
        Error::InvalidInput(m) => Error::InvalidInput(scrub(&m, secrets)),
        other => other,
    }
}

fn scrub(text: &str, secrets: &[Secret]) -> String {
    let mut out = text.to_string();
    for s in secrets {
        // Values of a few bytes would turn ordinary words into `***`: they cannot be
        // recognised reliably, and the server does not echo values anyway.
        if s.expose().len() >= 4 {
            out = out.replace(s.expose(), "***");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_errors_are_scrubbed() {
        let secrets = vec![Secret::new("tok-123456")];
        let api = crate::error::ApiError::from_parts(
            reqwest::StatusCode::BAD_REQUEST,
            &reqwest::header::HeaderMap::new(),
            bytes::Bytes::from_static(b"invalid value tok-123456 for credential"),
        );
        let e = scrub_write_error(Error::from(api), &secrets);
        assert!(!e.to_string().contains("tok-123456"), "{e}");
        assert!(!e.api().unwrap().body_text().contains("tok-123456"));
        assert_eq!(e.status(), Some(reqwest::StatusCode::BAD_REQUEST));
    }
}
