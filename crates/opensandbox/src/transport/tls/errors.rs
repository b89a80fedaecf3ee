//! Turning rustls failures inside reqwest errors into messages a user can act on.

use super::*;

// ---------------------------------------------------------------------------------------
// Recognising TLS failures under reqwest's error layers.

/// A readable message if `e` is a TLS or certificate failure.
pub(crate) fn tls_failure_message(e: &reqwest::Error) -> Option<String> {
    find_rustls_error(e).map(describe)
}

/// Walks an error chain for a `rustls::Error`, looking inside `io::Error`s (whose
/// `source()` skips the error they wrap).
pub(crate) fn find_rustls_error<'a>(e: &'a (dyn StdError + 'static)) -> Option<&'a rustls::Error> {
    let mut current: Option<&'a (dyn StdError + 'static)> = Some(e);
    let mut depth = 0;
    while let Some(err) = current {
        if let Some(r) = err.downcast_ref::<rustls::Error>() {
            return Some(r);
        }
        depth += 1;
        if depth > 32 {
            return None;
        }
        current = match err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => err.source(),
        };
    }
    None
}

pub(super) fn describe(e: &rustls::Error) -> String {
    match e {
        rustls::Error::InvalidCertificate(CertificateError::Other(other)) => {
            match other.0.downcast_ref::<WeakCertificate>() {
                Some(w) => w.to_string(),
                None => format!("server certificate rejected: {other}"),
            }
        }
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "server certificate rejected: it does not chain to a trusted root (unknown \
             issuer); add the CA with TransportConfig::add_root_certificate_pem"
                .to_string()
        }
        rustls::Error::InvalidCertificate(CertificateError::BadSignature) => {
            "server certificate rejected: a signature (in its chain or the handshake) does not verify".to_string()
        }
        other => format!("TLS handshake failed: {other}"),
    }
}
