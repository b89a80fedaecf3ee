//! SDK errors as `osb` errors: the kind (exit code) and one line of text with the
//! server's status, code, message and request id.

use opensandbox::Error;

use crate::exit::{CliError, Kind};

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        let kind = kind_of(&e);
        let message = match &e {
            Error::Api(api) => {
                let mut s = format!("{}", api.status);
                if let Some(code) = &api.code {
                    s.push(' ');
                    s.push_str(code);
                }
                s.push_str(": ");
                s.push_str(&api.message);
                for f in &api.field_errors {
                    s.push_str(&format!("; {}: {}", f.loc.join("."), f.msg));
                }
                if let Some(rid) = &api.request_id {
                    s.push_str(&format!(" (request id {rid})"));
                }
                s
            }
            other => other.to_string(),
        };
        CliError::new(kind, message)
    }
}

fn kind_of(e: &Error) -> Kind {
    match e {
        Error::InvalidInput(_) | Error::Config(_) => Kind::Usage,
        Error::Api(api) if api.status.as_u16() == 404 => Kind::NotFound,
        Error::Api(_) => Kind::Api,
        Error::Transport { .. }
        | Error::Tls(_)
        | Error::Timeout { .. }
        | Error::Redirect { .. } => Kind::Transport,
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe => {
            Kind::BrokenPipe
        }
        _ => Kind::Failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opensandbox::ApiError;

    fn api(status: u16, body: &str) -> Error {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-request-id", "rid-1".parse().unwrap());
        ApiError::from_parts(
            status.try_into().unwrap(),
            &headers,
            bytes::Bytes::from(body.to_owned()),
        )
        .into()
    }

    #[test]
    fn api_errors_keep_status_code_message_and_request_id() {
        let e: CliError = api(
            404,
            r#"{"code":"SANDBOX::NOT_FOUND","message":"no such\nsandbox"}"#,
        )
        .into();
        assert_eq!(e.kind, Kind::NotFound);
        assert_eq!(
            e.to_string(),
            "404 Not Found SANDBOX::NOT_FOUND: no such sandbox (request id rid-1)"
        );
        let e: CliError = api(401, r#"{"code":"INVALID_API_KEY","message":"bad key"}"#).into();
        assert_eq!(e.kind, Kind::Api);
        let e: CliError = Error::InvalidInput("x".into()).into();
        assert_eq!(e.kind, Kind::Usage);
    }
}
