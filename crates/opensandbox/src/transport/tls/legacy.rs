//! Signature algorithms rustls leaves out (RSA-1024 leaves, SHA-1 signed intermediates), for servers the policy flags allow.

use super::*;

// ---------------------------------------------------------------------------------------
// Legacy algorithms (only with `allow_weak_server_cert_key_lengths`).

/// RSA fallback through the RustCrypto `rsa` crate, for keys of 1024..2048 bits where
/// aws-lc-rs has no legacy variant (RSA-PSS, PKCS#1 v1.5 with SHA-384).
#[derive(Debug, Clone, Copy)]
pub(super) enum RsaFallback {
    Pkcs1Sha384,
    PssSha256,
    PssSha384,
    PssSha512,
}

/// A signature algorithm of the legacy set: aws-lc-rs first, then the fallback.
#[derive(Debug)]
pub(super) struct LegacyAlgorithm {
    public_key_alg_id: AlgorithmIdentifier,
    signature_alg_id: AlgorithmIdentifier,
    aws: &'static dyn aws_lc_rs::signature::VerificationAlgorithm,
    fallback: Option<RsaFallback>,
}

impl SignatureVerificationAlgorithm for LegacyAlgorithm {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> std::result::Result<(), InvalidSignature> {
        if aws_lc_rs::signature::UnparsedPublicKey::new(self.aws, public_key)
            .verify(message, signature)
            .is_ok()
        {
            return Ok(());
        }
        match self.fallback {
            Some(f) => rsa_fallback(f, public_key, message, signature),
            None => Err(InvalidSignature),
        }
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.public_key_alg_id
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.signature_alg_id
    }
}

/// Verifies with the `rsa` crate, only for 1024..2048-bit keys (larger ones are
/// aws-lc-rs's, and already failed there).
pub(super) fn rsa_fallback(
    fallback: RsaFallback,
    public_key: &[u8],
    message: &[u8],
    signature: &[u8],
) -> std::result::Result<(), InvalidSignature> {
    use rsa::sha2::{Sha256, Sha384, Sha512};
    use rsa::signature::Verifier;
    use x509_parser::prelude::FromDer;

    let (_, key) = x509_parser::public_key::RSAPublicKey::from_der(public_key)
        .map_err(|_| InvalidSignature)?;
    let bits = bit_length(key.modulus);
    if !(1024..MIN_RSA_BITS).contains(&bits) {
        return Err(InvalidSignature);
    }
    let n = rsa::BoxedUint::from_be_slice_vartime(key.modulus);
    let e = rsa::BoxedUint::from_be_slice_vartime(key.exponent);
    let key = rsa::PublicKey::new(n, e).map_err(|_| InvalidSignature)?;
    let ok = match fallback {
        RsaFallback::Pkcs1Sha384 => {
            let sig =
                rsa::pkcs1v15::Signature::try_from(signature).map_err(|_| InvalidSignature)?;
            rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key).verify(message, &sig)
        }
        RsaFallback::PssSha256 | RsaFallback::PssSha384 | RsaFallback::PssSha512 => {
            let sig = rsa::pss::Signature::try_from(signature).map_err(|_| InvalidSignature)?;
            match fallback {
                RsaFallback::PssSha256 => {
                    rsa::pss::VerifyingKey::<Sha256>::new(key).verify(message, &sig)
                }
                RsaFallback::PssSha384 => {
                    rsa::pss::VerifyingKey::<Sha384>::new(key).verify(message, &sig)
                }
                _ => rsa::pss::VerifyingKey::<Sha512>::new(key).verify(message, &sig),
            }
        }
    };
    ok.map_err(|_| InvalidSignature)
}

// sha1WithRSAEncryption, the PKCS#1 SHA-2 identifiers without their NULL parameter, and
// ecdsa-with-SHA1 (AlgorithmIdentifier contents).
pub(super) const RSA_PKCS1_SHA1: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05, 0x05, 0x00,
]);
pub(super) const RSA_PKCS1_SHA256_ABSENT: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
]);
pub(super) const RSA_PKCS1_SHA384_ABSENT: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c,
]);
pub(super) const RSA_PKCS1_SHA512_ABSENT: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d,
]);
pub(super) const ECDSA_SHA1: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01]);

macro_rules! legacy {
    ($name:ident, $pk:expr, $sig:expr, $aws:expr, $fallback:expr) => {
        static $name: LegacyAlgorithm = LegacyAlgorithm {
            public_key_alg_id: $pk,
            signature_alg_id: $sig,
            aws: &$aws,
            fallback: $fallback,
        };
    };
}

use aws_lc_rs::signature as aws;

legacy!(
    L_RSA_PKCS1_SHA1,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA1,
    aws::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA256,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PKCS1_SHA256,
    aws::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA384,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PKCS1_SHA384,
    aws::RSA_PKCS1_2048_8192_SHA384,
    Some(RsaFallback::Pkcs1Sha384)
);
legacy!(
    L_RSA_PKCS1_SHA512,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PKCS1_SHA512,
    aws::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA256_ABSENT,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA256_ABSENT,
    aws::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PKCS1_SHA384_ABSENT,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA384_ABSENT,
    aws::RSA_PKCS1_2048_8192_SHA384,
    Some(RsaFallback::Pkcs1Sha384)
);
legacy!(
    L_RSA_PKCS1_SHA512_ABSENT,
    alg_id::RSA_ENCRYPTION,
    RSA_PKCS1_SHA512_ABSENT,
    aws::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
    None
);
legacy!(
    L_RSA_PSS_SHA256,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PSS_SHA256,
    aws::RSA_PSS_2048_8192_SHA256,
    Some(RsaFallback::PssSha256)
);
legacy!(
    L_RSA_PSS_SHA384,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PSS_SHA384,
    aws::RSA_PSS_2048_8192_SHA384,
    Some(RsaFallback::PssSha384)
);
legacy!(
    L_RSA_PSS_SHA512,
    alg_id::RSA_ENCRYPTION,
    alg_id::RSA_PSS_SHA512,
    aws::RSA_PSS_2048_8192_SHA512,
    Some(RsaFallback::PssSha512)
);
legacy!(
    L_ECDSA_P256_SHA1,
    alg_id::ECDSA_P256,
    ECDSA_SHA1,
    aws::ECDSA_P256_SHA1_ASN1,
    None
);
legacy!(
    L_ECDSA_P521_SHA1,
    alg_id::ECDSA_P521,
    ECDSA_SHA1,
    aws::ECDSA_P521_SHA1_ASN1,
    None
);

type Algs = &'static [&'static dyn SignatureVerificationAlgorithm];

pub(super) static M_PSS_SHA256: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PSS_SHA256];
pub(super) static M_PSS_SHA384: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PSS_SHA384];
pub(super) static M_PSS_SHA512: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PSS_SHA512];
pub(super) static M_PKCS1_SHA256: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PKCS1_SHA256];
pub(super) static M_PKCS1_SHA384: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PKCS1_SHA384];
pub(super) static M_PKCS1_SHA512: [&dyn SignatureVerificationAlgorithm; 1] = [&L_RSA_PKCS1_SHA512];

/// The provider's algorithms with every RSA entry replaced by a legacy one (replaced,
/// not added beside: webpki stops at the first algorithm whose identifiers match), and
/// SHA-1 certificate signatures added. Handshake schemes stay the provider's (no SHA-1).
pub(super) static LEGACY_ALGORITHMS: LazyLock<WebPkiSupportedAlgorithms> = LazyLock::new(|| {
    let base = rustls::crypto::aws_lc_rs::default_provider().signature_verification_algorithms;
    let mut all: Vec<&'static dyn SignatureVerificationAlgorithm> = base
        .all
        .iter()
        .copied()
        .filter(|a| a.public_key_alg_id() != alg_id::RSA_ENCRYPTION)
        .collect();
    all.extend([
        &L_RSA_PKCS1_SHA1 as &dyn SignatureVerificationAlgorithm,
        &L_RSA_PKCS1_SHA256,
        &L_RSA_PKCS1_SHA384,
        &L_RSA_PKCS1_SHA512,
        &L_RSA_PKCS1_SHA256_ABSENT,
        &L_RSA_PKCS1_SHA384_ABSENT,
        &L_RSA_PKCS1_SHA512_ABSENT,
        &L_RSA_PSS_SHA256,
        &L_RSA_PSS_SHA384,
        &L_RSA_PSS_SHA512,
        &L_ECDSA_P256_SHA1,
        &L_ECDSA_P521_SHA1,
    ]);
    let mapping: Vec<(SignatureScheme, Algs)> = base
        .mapping
        .iter()
        .map(|(scheme, algs)| {
            let legacy: Algs = match *scheme {
                SignatureScheme::RSA_PSS_SHA256 => &M_PSS_SHA256,
                SignatureScheme::RSA_PSS_SHA384 => &M_PSS_SHA384,
                SignatureScheme::RSA_PSS_SHA512 => &M_PSS_SHA512,
                SignatureScheme::RSA_PKCS1_SHA256 => &M_PKCS1_SHA256,
                SignatureScheme::RSA_PKCS1_SHA384 => &M_PKCS1_SHA384,
                SignatureScheme::RSA_PKCS1_SHA512 => &M_PKCS1_SHA512,
                _ => algs,
            };
            (*scheme, legacy)
        })
        .collect();
    // Built once per process; the slices live as long as the provider needs them.
    WebPkiSupportedAlgorithms {
        all: Vec::leak(all),
        mapping: Vec::leak(mapping),
    }
});
