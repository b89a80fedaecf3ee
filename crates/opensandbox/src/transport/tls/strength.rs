//! The key-strength policy: minimum RSA, EC and signature-hash sizes, and the check of a chain against them.

use super::*;

// ---------------------------------------------------------------------------------------
// The key-strength check.

/// Minimum RSA (and DSA) modulus length.
pub const MIN_RSA_BITS: usize = 2048;
/// Minimum elliptic-curve key length.
pub const MIN_EC_BITS: usize = 224;
/// Minimum signature hash length.
pub const MIN_HASH_BITS: usize = 224;

/// A certificate of the server's chain broke the key-strength policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WeakCertificate(pub(super) String);

impl fmt::Display for WeakCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for WeakCertificate {}

pub(super) const HINT: &str =
    "TransportConfig::allow_weak_server_cert_key_lengths accepts it for legacy servers";

/// Checks the leaf and every intermediate the server presented.
pub(crate) fn check_chain(
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> std::result::Result<(), WeakCertificate> {
    let last = intermediates.len();
    std::iter::once(end_entity)
        .chain(intermediates)
        .enumerate()
        .try_for_each(|(i, der)| check_certificate(der, i, i == last))
}

pub(super) fn check_certificate(
    der: &[u8],
    position: usize,
    last: bool,
) -> std::result::Result<(), WeakCertificate> {
    let what = if position == 0 {
        "server certificate".to_string()
    } else {
        format!("intermediate certificate #{position}")
    };
    let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|e| {
        WeakCertificate(format!(
            "{what} could not be parsed for the key-strength check: {e}"
        ))
    })?;
    let subject = cert.subject().to_string();
    let name = if subject.is_empty() {
        what
    } else {
        format!("{what} {subject}")
    };

    let spki = cert.public_key();
    match key_strength(spki) {
        KeyStrength::Rsa(bits) if bits < MIN_RSA_BITS => {
            return Err(WeakCertificate(format!(
                "{name} has a {bits}-bit RSA key; minimum is {MIN_RSA_BITS} ({HINT})"
            )));
        }
        KeyStrength::Dsa(bits) if bits < MIN_RSA_BITS => {
            return Err(WeakCertificate(format!(
                "{name} has a {bits}-bit DSA key; minimum is {MIN_RSA_BITS} ({HINT})"
            )));
        }
        KeyStrength::Ec(bits, curve) if bits < MIN_EC_BITS => {
            return Err(WeakCertificate(format!(
                "{name} has a {bits}-bit EC key ({curve}); minimum is {MIN_EC_BITS} ({HINT})"
            )));
        }
        _ => {}
    }

    // A self-signed certificate at the end of the chain is a root sent along: its own
    // signature is never verified, so its hash does not matter.
    let self_signed = cert.subject().as_raw() == cert.issuer().as_raw();
    if !(last && self_signed && position > 0)
        && let Some((hash, bits)) = weak_signature_hash(&cert.signature_algorithm)
    {
        return Err(WeakCertificate(format!(
            "{name} is signed with {hash} ({bits}-bit hash); minimum is SHA-224 ({HINT})"
        )));
    }
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum KeyStrength {
    Rsa(usize),
    Dsa(usize),
    Ec(usize, &'static str),
    Other,
}

pub(super) fn key_strength(spki: &x509_parser::x509::SubjectPublicKeyInfo<'_>) -> KeyStrength {
    use x509_parser::public_key::PublicKey;
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyStrength::Rsa(bit_length(rsa.modulus)),
        Ok(PublicKey::DSA(y)) => KeyStrength::Dsa(bit_length(y)),
        Ok(PublicKey::EC(point)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|oid| oid.to_id_string());
            match curve.as_deref().and_then(curve_bits) {
                Some((bits, name)) => KeyStrength::Ec(bits, name),
                None => KeyStrength::Ec(point_bits(point.data()), "unknown curve"),
            }
        }
        _ => KeyStrength::Other,
    }
}

/// Bits of a big-endian unsigned integer (leading zero bytes and bits skipped).
pub(crate) fn bit_length(bytes: &[u8]) -> usize {
    let bytes = match bytes.iter().position(|b| *b != 0) {
        Some(i) => &bytes[i..],
        None => return 0,
    };
    bytes.len() * 8 - bytes[0].leading_zeros() as usize
}

/// Field size of an EC point encoding (uncompressed `04 x y` or compressed `02/03 x`).
pub(super) fn point_bits(point: &[u8]) -> usize {
    match point.first() {
        Some(0x04) => (point.len().saturating_sub(1) / 2) * 8,
        Some(0x02 | 0x03) => point.len().saturating_sub(1) * 8,
        _ => 0,
    }
}

/// Known named curves: (bits, name).
pub(super) fn curve_bits(oid: &str) -> Option<(usize, &'static str)> {
    Some(match oid {
        "1.2.840.10045.3.1.1" => (192, "P-192"),
        "1.3.132.0.33" => (224, "P-224"),
        "1.2.840.10045.3.1.7" => (256, "P-256"),
        "1.3.132.0.34" => (384, "P-384"),
        "1.3.132.0.35" => (521, "P-521"),
        "1.3.132.0.10" => (256, "secp256k1"),
        "1.3.132.0.8" | "1.3.132.0.9" | "1.3.132.0.30" => (160, "secp160"),
        "1.3.132.0.31" => (192, "secp192k1"),
        "1.3.132.0.32" => (224, "secp224k1"),
        "1.3.36.3.3.2.8.1.1.1" => (160, "brainpoolP160r1"),
        "1.3.36.3.3.2.8.1.1.3" => (192, "brainpoolP192r1"),
        "1.3.36.3.3.2.8.1.1.5" => (224, "brainpoolP224r1"),
        "1.3.36.3.3.2.8.1.1.7" => (256, "brainpoolP256r1"),
        "1.3.36.3.3.2.8.1.1.9" => (320, "brainpoolP320r1"),
        "1.3.36.3.3.2.8.1.1.11" => (384, "brainpoolP384r1"),
        "1.3.36.3.3.2.8.1.1.13" => (512, "brainpoolP512r1"),
        _ => return None,
    })
}

/// The hash of a certificate signature algorithm when it is under 224 bits.
pub(super) fn weak_signature_hash(
    alg: &x509_parser::x509::AlgorithmIdentifier<'_>,
) -> Option<(&'static str, usize)> {
    let oid = alg.algorithm.to_id_string();
    let hash_oid = match oid.as_str() {
        // RSASSA-PSS names its hash in the parameters (SHA-1 when absent).
        "1.2.840.113549.1.1.10" => {
            match x509_parser::signature_algorithm::SignatureAlgorithm::try_from(alg) {
                Ok(x509_parser::signature_algorithm::SignatureAlgorithm::RSASSA_PSS(p)) => {
                    p.hash_algorithm_oid().to_id_string()
                }
                _ => return Some(("RSASSA-PSS with unreadable parameters", 0)),
            }
        }
        other => other.to_string(),
    };
    match hash_oid.as_str() {
        "1.2.840.113549.1.1.2" | "1.2.840.113549.2.2" => Some(("MD2", 128)),
        "1.2.840.113549.1.1.3" | "1.2.840.113549.2.4" => Some(("MD4", 128)),
        "1.2.840.113549.1.1.4" | "1.2.840.113549.2.5" => Some(("MD5", 128)),
        "1.2.840.113549.1.1.5"
        | "1.3.14.3.2.29"
        | "1.3.14.3.2.26"
        | "1.2.840.10045.4.1"
        | "1.2.840.10040.4.3" => Some(("SHA-1", 160)),
        _ => None,
    }
}
