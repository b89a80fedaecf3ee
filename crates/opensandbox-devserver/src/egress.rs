//! One egress sidecar per sandbox: policy and credential vault.
//!
//! Policy is **recorded, not enforced**: sandbox processes are host processes with the
//! host's network. Every policy answer says so in `reason`. The credential vault follows
//! the sidecar's validation rules (names, references, auth types, matchers, policy
//! coverage, ambiguity, revisions) and never returns secret values. Error bodies are
//! `text/plain`, like the real sidecar.

use std::collections::{BTreeMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path as UrlPath, Request, State};
use axum::http::{Extensions, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use opensandbox_egress_api::types as gt;
use serde::de::DeserializeOwned;

use crate::state::{SandboxCore, lock};
use crate::{EGRESS_TOKEN_HEADER, lifecycle, util};

/// Said on every policy answer.
const REASON: &str = "opensandbox-devserver does NOT enforce egress policy: the policy is recorded and reported only; sandbox processes run on the host with unrestricted network access";
/// Ports the credential proxy intercepts.
const INTERCEPT_PORTS: [i64; 2] = [80, 443];
const RESERVED_HEADERS: [&str; 14] = [
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "upgrade",
    "te",
    "trailer",
    "proxy-authorization",
    "proxy-authenticate",
    "forwarded",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
];

/// Per-sandbox sidecar state.
pub(crate) struct EgressState {
    policy: Mutex<gt::NetworkPolicy>,
    vault: Mutex<Vault>,
}

/// A stored secret. Deliberately without `Debug`.
struct Secret {
    #[allow(dead_code)] // kept like the real vault; never returned
    value: String,
    revision: i64,
}

#[derive(Clone)]
struct StoredBinding {
    binding: gt::CredentialBinding,
    revision: i64,
}

#[derive(Default)]
struct Vault {
    exists: bool,
    revision: i64,
    credentials: BTreeMap<String, Secret>,
    bindings: BTreeMap<String, StoredBinding>,
}

impl EgressState {
    /// `policy` from the create request; `None` means allow-all.
    pub(crate) fn new(policy: Option<gt::NetworkPolicy>) -> Self {
        let policy = policy.unwrap_or_else(|| gt::NetworkPolicy {
            default_action: Some("allow".to_owned().into()),
            egress: vec![],
        });
        Self {
            policy: Mutex::new(policy),
            vault: Mutex::new(Vault::default()),
        }
    }
}

/// Convert the lifecycle API's policy into the sidecar's (same JSON shape).
pub(crate) fn policy_from_lifecycle(
    p: &opensandbox_lifecycle_api::types::NetworkPolicy,
) -> gt::NetworkPolicy {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// The egress HTTP API of one sandbox.
pub(crate) fn router(core: Arc<SandboxCore>) -> Router {
    Router::new()
        .route(
            "/policy",
            get(get_policy)
                .patch(patch_policy)
                .delete(delete_rules)
                .post(replace_policy)
                .put(replace_policy),
        )
        .route(
            "/healthz",
            get(|| async { util::text(StatusCode::OK, "ok") }),
        )
        .route(
            "/credential-vault",
            get(get_vault)
                .post(create_vault)
                .patch(patch_vault)
                .delete(delete_vault),
        )
        .route("/credential-vault/credentials", get(list_credentials))
        .route(
            "/credential-vault/credentials/{credential_name}",
            get(get_credential),
        )
        .route("/credential-vault/bindings", get(list_bindings))
        .route(
            "/credential-vault/bindings/{binding_name}",
            get(get_binding),
        )
        .fallback(|| async { plain(StatusCode::NOT_FOUND, "404 page not found") })
        .layer(middleware::from_fn_with_state(core.clone(), auth))
        .with_state(core)
}

/// Go `http.Error`-style plain-text error.
fn plain(status: StatusCode, message: impl Into<String>) -> Response {
    let mut body = message.into();
    body.push('\n');
    let mut resp = util::text(status, body);
    resp.headers_mut().insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    resp
}

fn bad(message: impl Into<String>) -> Response {
    plain(StatusCode::BAD_REQUEST, message)
}

async fn auth(State(core): State<Arc<SandboxCore>>, req: Request, next: Next) -> Response {
    let ok = req
        .headers()
        .get(EGRESS_TOKEN_HEADER)
        .is_some_and(|v| v.as_bytes() == core.egress_token.as_bytes());
    if ok {
        next.run(req).await
    } else {
        plain(StatusCode::UNAUTHORIZED, "unauthorized")
    }
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|e| bad(format!("invalid request body: {e}")))
}

// ---------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------

fn is_allow(action: &impl std::fmt::Display) -> bool {
    action.to_string() == "allow"
}

fn default_allows(p: &gt::NetworkPolicy) -> bool {
    p.default_action.as_ref().is_some_and(is_allow)
}

/// The mode the development server reports: it enforces nothing, whatever the policy
/// says, and says so (a real sidecar reports `deny_all`, `allow_all`, …).
const MODE: &str = "unenforced";

fn normalize_host(h: &str) -> String {
    h.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// `*.example.com` matches subdomains of `example.com`, not the apex.
fn host_matches(host: &str, target: &str) -> bool {
    let (host, target) = (normalize_host(host), normalize_host(target));
    match target.strip_prefix("*.") {
        Some(apex) => host.ends_with(&format!(".{apex}")) && host != apex,
        None => host == target,
    }
}

/// The policy's verdict for a host: first matching rule, else the default.
fn evaluate(p: &gt::NetworkPolicy, host: &str) -> bool {
    p.egress
        .iter()
        .find(|r| host_matches(host, &r.target))
        .map(|r| is_allow(&r.action))
        .unwrap_or_else(|| default_allows(p))
}

fn status_response(p: &gt::NetworkPolicy) -> Response {
    util::json(
        StatusCode::OK,
        &gt::PolicyStatusResponse {
            enforcement_mode: Some("none".to_owned()),
            mode: Some(MODE.to_owned()),
            policy: Some(p.clone()),
            reason: Some(REASON.to_owned()),
            status: Some("ok".to_owned()),
        },
    )
}

fn check_rule(r: &gt::NetworkRule) -> Result<(), Response> {
    let action = r.action.to_string();
    if action != "allow" && action != "deny" {
        return Err(bad(format!(
            "invalid policy: rule action must be allow or deny, got {action:?}"
        )));
    }
    if !lifecycle::valid_rule_target(&r.target) {
        return Err(bad(format!(
            "invalid policy: target {:?} is not a domain name or *.domain wildcard",
            r.target
        )));
    }
    Ok(())
}

async fn get_policy(State(core): State<Arc<SandboxCore>>) -> Response {
    let p = lock(&core.egress.policy).clone();
    status_response(&p)
}

async fn patch_policy(State(core): State<Arc<SandboxCore>>, body: Bytes) -> Response {
    let rules: Vec<gt::NetworkRule> = match parse(&body) {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    if rules.is_empty() {
        return bad("invalid request body: at least one rule is required");
    }
    for r in &rules {
        if let Err(resp) = check_rule(r) {
            return resp;
        }
    }
    let mut seen = HashSet::new();
    let mut merged: Vec<gt::NetworkRule> = rules
        .into_iter()
        .filter(|r| seen.insert(normalize_host(&r.target)))
        .collect();
    let mut policy = lock(&core.egress.policy);
    merged.extend(
        policy
            .egress
            .iter()
            .filter(|r| !seen.contains(&normalize_host(&r.target)))
            .cloned(),
    );
    policy.egress = merged;
    status_response(&policy)
}

async fn delete_rules(State(core): State<Arc<SandboxCore>>, body: Bytes) -> Response {
    let targets: Vec<String> = match parse(&body) {
        Ok(t) => t,
        Err(resp) => return resp,
    };
    if targets.is_empty() {
        return bad("invalid request body: at least one target is required");
    }
    let drop: HashSet<String> = targets.iter().map(|t| normalize_host(t)).collect();
    let mut policy = lock(&core.egress.policy);
    policy
        .egress
        .retain(|r| !drop.contains(&normalize_host(&r.target)));
    status_response(&policy)
}

async fn replace_policy(State(core): State<Arc<SandboxCore>>, body: Bytes) -> Response {
    if body.iter().all(u8::is_ascii_whitespace) {
        *lock(&core.egress.policy) = gt::NetworkPolicy {
            default_action: Some("deny".to_owned().into()),
            egress: vec![],
        };
        return util::json(
            StatusCode::OK,
            &gt::PolicyStatusResponse {
                enforcement_mode: Some("none".to_owned()),
                mode: Some(MODE.to_owned()),
                policy: None,
                reason: Some(format!("policy reset to default deny-all; {REASON}")),
                status: Some("ok".to_owned()),
            },
        );
    }
    let new: gt::NetworkPolicy = match parse(&body) {
        Ok(p) => p,
        Err(resp) => return resp,
    };
    if let Some(a) = &new.default_action {
        let a = a.to_string();
        if a != "allow" && a != "deny" {
            return bad(format!(
                "invalid policy: defaultAction must be allow or deny, got {a:?}"
            ));
        }
    }
    for r in &new.egress {
        if let Err(resp) = check_rule(r) {
            return resp;
        }
    }
    let mut policy = lock(&core.egress.policy);
    *policy = new;
    status_response(&policy)
}

// ---------------------------------------------------------------------------------
// Credential vault
// ---------------------------------------------------------------------------------

fn vault_not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "credential vault not found")
}

/// 426 unless the caller is on loopback (the devserver speaks plain HTTP only).
fn require_secure_peer(ext: &Extensions) -> Result<(), Response> {
    let loopback = ext
        .get::<ConnectInfo<SocketAddr>>()
        .is_none_or(|ConnectInfo(peer)| peer.ip().is_loopback());
    if loopback {
        Ok(())
    } else {
        Err(plain(
            StatusCode::UPGRADE_REQUIRED,
            "credential vault mutations require TLS or a loopback peer",
        ))
    }
}

fn require_ready(core: &SandboxCore) -> Result<(), Response> {
    if core.credential_proxy {
        Ok(())
    } else {
        Err(plain(
            StatusCode::PRECONDITION_FAILED,
            "credential vault requires transparent mitmproxy (create the sandbox with credentialProxy.enabled and a networkPolicy)",
        ))
    }
}

fn sanitized_binding(name: &str, b: &StoredBinding) -> gt::CredentialBindingMetadata {
    let (kind, header) = match &b.binding.auth {
        gt::CredentialAuth::BearerCredentialAuth(_) => ("bearer", None),
        gt::CredentialAuth::BasicCredentialAuth(_) => ("basic", None),
        gt::CredentialAuth::ApiKeyCredentialAuth(a) => ("apiKey", Some(a.name.to_string())),
        gt::CredentialAuth::CustomHeadersCredentialAuth(_) => ("customHeaders", None),
    };
    gt::CredentialBindingMetadata {
        auth: Some(gt::CredentialAuthMetadata {
            name: header,
            type_: kind.to_owned(),
        }),
        match_: Some(b.binding.match_.clone()),
        name: name.to_owned(),
        revision: b.revision,
    }
}

fn credential_meta(name: &str, c: &Secret) -> gt::CredentialMetadata {
    gt::CredentialMetadata {
        name: name.to_owned(),
        revision: c.revision,
        source_type: "inline".to_owned(),
    }
}

impl Vault {
    fn state(&self) -> gt::CredentialVaultState {
        gt::CredentialVaultState {
            bindings: self
                .bindings
                .iter()
                .map(|(n, b)| sanitized_binding(n, b))
                .collect(),
            credentials: self
                .credentials
                .iter()
                .map(|(n, c)| credential_meta(n, c))
                .collect(),
            revision: self.revision,
        }
    }
}

/// Canonical MIME header key, like Go's `http.CanonicalHeaderKey`.
fn canonical_header(name: &str) -> String {
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c));
    if !valid {
        return name.to_owned();
    }
    let mut upper = true;
    name.chars()
        .map(|c| {
            let out = if upper {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            upper = c == '-';
            out
        })
        .collect()
}

fn check_header_name(name: &str) -> Result<(), String> {
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c));
    if !valid {
        return Err(format!("invalid credential header name {name:?}"));
    }
    if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        return Err(format!("reserved credential header name {name:?}"));
    }
    Ok(())
}

fn normalize_credential(c: gt::Credential) -> Result<(String, String), String> {
    let name = c.name.trim().to_owned();
    if name.is_empty() {
        return Err("credential name cannot be blank".to_owned());
    }
    if c.source.value.is_empty() {
        return Err(format!("credential {name:?} inline value cannot be empty"));
    }
    Ok((name, c.source.value))
}

fn normalize_credential_host(host: &str) -> Result<String, String> {
    let h = normalize_host(host);
    if h.is_empty() {
        return Err("host cannot be blank".to_owned());
    }
    if h.contains("://") || h.contains('/') {
        return Err(format!("host {h:?} must not include scheme or path"));
    }
    let bare = match h.strip_prefix("*.") {
        Some(suffix) => {
            if suffix.is_empty() || suffix.contains('*') {
                return Err(format!("invalid wildcard host {h:?}"));
            }
            if suffix.parse::<std::net::IpAddr>().is_ok() {
                return Err(format!("wildcard host {h:?} cannot target an IP address"));
            }
            return Ok(h);
        }
        None => h.clone(),
    };
    if bare.contains('*') {
        return Err(format!("invalid wildcard host {h:?}"));
    }
    if bare.parse::<std::net::IpAddr>().is_ok() {
        return Err(format!(
            "credential binding host {h:?} must be an FQDN, not an IP address"
        ));
    }
    Ok(h)
}

fn dedupe<T: PartialEq + Clone>(v: &mut Vec<T>) {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v.drain(..) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    *v = out;
}

fn normalize_binding(mut b: gt::CredentialBinding) -> Result<gt::CredentialBinding, String> {
    b.name = b.name.trim().to_owned();
    if b.name.is_empty() {
        return Err("binding name cannot be blank".to_owned());
    }
    let name = b.name.clone();
    let ctx = |e: String| format!("binding {name:?}: {e}");
    let m = &mut b.match_;
    if m.hosts.is_empty() {
        return Err(ctx("match.hosts cannot be empty".to_owned()));
    }
    if m.schemes.is_empty() {
        m.schemes = vec!["https".to_owned().into()];
    }
    if m.ports.is_empty() {
        m.ports = vec![443];
    }
    if m.methods.is_empty() {
        m.methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
            .map(str::to_owned)
            .to_vec();
    }
    if m.paths.is_empty() {
        m.paths = vec!["/*".to_owned()];
    }
    let mut schemes = vec![];
    for s in &m.schemes {
        let s = s.to_string().trim().to_ascii_lowercase();
        if s != "https" && s != "http" {
            return Err(ctx(format!("unsupported scheme {s:?}")));
        }
        schemes.push(s);
    }
    dedupe(&mut schemes);
    m.schemes = schemes.into_iter().map(Into::into).collect();
    if let Some(p) = m.ports.iter().find(|p| !(1..=65535).contains(*p)) {
        return Err(ctx(format!("invalid port {p}")));
    }
    dedupe(&mut m.ports);
    let mut hosts = vec![];
    for h in &m.hosts {
        hosts.push(normalize_credential_host(h).map_err(ctx)?);
    }
    dedupe(&mut hosts);
    m.hosts = hosts;
    for method in m.methods.iter_mut() {
        *method = method.trim().to_ascii_uppercase();
        if method.is_empty() {
            return Err(ctx("method cannot be blank".to_owned()));
        }
    }
    dedupe(&mut m.methods);
    for path in m.paths.iter_mut() {
        *path = path.trim().to_owned();
        if !path.starts_with('/') {
            return Err(ctx("path pattern must start with /".to_owned()));
        }
    }
    dedupe(&mut m.paths);
    match &mut b.auth {
        gt::CredentialAuth::BearerCredentialAuth(a) => {
            a.credential = a.credential.trim().to_owned();
            if a.credential.is_empty() {
                return Err(ctx("bearer auth requires credential".to_owned()));
            }
        }
        gt::CredentialAuth::BasicCredentialAuth(a) => {
            a.credential = a.credential.trim().to_owned();
            if a.credential.is_empty() {
                return Err(ctx("basic auth requires credential".to_owned()));
            }
        }
        gt::CredentialAuth::ApiKeyCredentialAuth(a) => {
            let canonical = canonical_header(a.name.trim());
            check_header_name(&canonical).map_err(ctx)?;
            a.name = canonical.try_into().map_err(|e| ctx(format!("{e}")))?;
            a.credential = a.credential.trim().to_owned();
            if a.credential.is_empty() {
                return Err(ctx("apiKey auth requires credential".to_owned()));
            }
        }
        gt::CredentialAuth::CustomHeadersCredentialAuth(a) => {
            if a.headers.is_empty() {
                return Err(ctx("customHeaders auth requires headers".to_owned()));
            }
            let mut seen = HashSet::new();
            for h in a.headers.iter_mut() {
                let canonical = canonical_header(h.name.trim());
                check_header_name(&canonical).map_err(ctx)?;
                if !seen.insert(canonical.to_ascii_lowercase()) {
                    return Err(ctx(format!("duplicate custom header name {canonical:?}")));
                }
                h.name = canonical.try_into().map_err(|e| ctx(format!("{e}")))?;
                h.credential = h.credential.trim().to_owned();
                if h.credential.is_empty() {
                    return Err(ctx(format!(
                        "customHeaders entry {:?} requires credential",
                        h.name.to_string()
                    )));
                }
            }
        }
    }
    Ok(b)
}

fn credential_refs(auth: &gt::CredentialAuth) -> Vec<String> {
    match auth {
        gt::CredentialAuth::BearerCredentialAuth(a) => vec![a.credential.clone()],
        gt::CredentialAuth::BasicCredentialAuth(a) => vec![a.credential.clone()],
        gt::CredentialAuth::ApiKeyCredentialAuth(a) => vec![a.credential.clone()],
        gt::CredentialAuth::CustomHeadersCredentialAuth(a) => {
            a.headers.iter().map(|h| h.credential.clone()).collect()
        }
    }
}

fn overlap<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn path_overlap(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (pa, pb) = (a.strip_suffix('*'), b.strip_suffix('*'));
    pa.is_some_and(|p| b.starts_with(p))
        || pb.is_some_and(|p| a.starts_with(p))
        || matches!((pa, pb), (Some(x), Some(y)) if x.starts_with(y) || y.starts_with(x))
}

fn ambiguous(a: &gt::CredentialBinding, b: &gt::CredentialBinding) -> bool {
    let (ma, mb) = (&a.match_, &b.match_);
    let schemes =
        |m: &gt::CredentialMatch| m.schemes.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    if !overlap(&schemes(ma), &schemes(mb))
        || !overlap(&ma.ports, &mb.ports)
        || !overlap(&ma.methods, &mb.methods)
        || !ma
            .paths
            .iter()
            .any(|x| mb.paths.iter().any(|y| path_overlap(x, y)))
    {
        return false;
    }
    ma.hosts.iter().any(|x| {
        mb.hosts
            .iter()
            .any(|y| match (x.strip_prefix("*."), y.strip_prefix("*.")) {
                (None, None) => x == y,
                (Some(sx), Some(sy)) => {
                    sx == sy || sx.ends_with(&format!(".{sy}")) || sy.ends_with(&format!(".{sx}"))
                }
                _ => false,
            })
    })
}

fn explicit_allow_covers(p: &gt::NetworkPolicy, host: &str) -> bool {
    let probe = match host.strip_prefix("*.") {
        Some(suffix) => format!("probe.{suffix}"),
        None => host.to_owned(),
    };
    let explicit = p.egress.iter().any(|r| {
        is_allow(&r.action) && {
            let target = normalize_host(&r.target);
            target == host || (target.starts_with("*.") && host_matches(host, &target))
        }
    });
    explicit && evaluate(p, &probe)
}

fn validate(
    credentials: &BTreeMap<String, Secret>,
    bindings: &BTreeMap<String, StoredBinding>,
    policy: &gt::NetworkPolicy,
) -> Result<(), String> {
    if !bindings.is_empty() && policy.egress.is_empty() {
        return Err(
            "credential bindings require explicit networkPolicy.egress allow rules".to_owned(),
        );
    }
    for (name, b) in bindings {
        for r in credential_refs(&b.binding.auth) {
            if !credentials.contains_key(&r) {
                return Err(format!(
                    "binding {name:?} references unknown credential {r:?}"
                ));
            }
        }
        for port in &b.binding.match_.ports {
            if !INTERCEPT_PORTS.contains(port) {
                return Err(format!(
                    "binding {name:?} port {port} is not a configured transparent intercept port"
                ));
            }
        }
        for host in &b.binding.match_.hosts {
            if !explicit_allow_covers(policy, host) {
                return Err(format!(
                    "binding {name:?} host {host:?} is not covered by an explicit allow egress rule"
                ));
            }
        }
    }
    let list: Vec<(&String, &StoredBinding)> = bindings.iter().collect();
    for (i, (na, a)) in list.iter().enumerate() {
        for (nb, b) in &list[i + 1..] {
            if ambiguous(&a.binding, &b.binding) {
                return Err(format!(
                    "bindings {na:?} and {nb:?} can match the same request"
                ));
            }
        }
    }
    Ok(())
}

async fn create_vault(
    State(core): State<Arc<SandboxCore>>,
    ext: Extensions,
    body: Bytes,
) -> Response {
    if let Err(resp) = require_secure_peer(&ext).and_then(|()| require_ready(&core)) {
        return resp;
    }
    let req: gt::CredentialVaultCreateRequest = match parse(&body) {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    let policy = lock(&core.egress.policy).clone();
    let mut vault = lock(&core.egress.vault);
    if vault.exists {
        return plain(StatusCode::CONFLICT, "credential vault already exists");
    }
    let mut credentials = BTreeMap::new();
    for c in req.credentials {
        match normalize_credential(c) {
            Ok((name, value)) => {
                if credentials.contains_key(&name) {
                    return bad(format!("duplicate credential name {name:?}"));
                }
                credentials.insert(name, Secret { value, revision: 1 });
            }
            Err(e) => return bad(e),
        }
    }
    let mut bindings = BTreeMap::new();
    for b in req.bindings {
        match normalize_binding(b) {
            Ok(b) => {
                if bindings.contains_key(&b.name) {
                    return bad(format!("duplicate binding name {:?}", b.name));
                }
                bindings.insert(
                    b.name.clone(),
                    StoredBinding {
                        binding: b,
                        revision: 1,
                    },
                );
            }
            Err(e) => return bad(e),
        }
    }
    if let Err(e) = validate(&credentials, &bindings, &policy) {
        return bad(e);
    }
    *vault = Vault {
        exists: true,
        revision: 1,
        credentials,
        bindings,
    };
    util::json(StatusCode::CREATED, &vault.state())
}

async fn patch_vault(
    State(core): State<Arc<SandboxCore>>,
    ext: Extensions,
    body: Bytes,
) -> Response {
    if let Err(resp) = require_secure_peer(&ext).and_then(|()| require_ready(&core)) {
        return resp;
    }
    let req: gt::CredentialVaultMutationRequest = match parse(&body) {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    let policy = lock(&core.egress.policy).clone();
    let mut vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    if let Some(expected) = req.expected_revision
        && expected != vault.revision
    {
        return plain(
            StatusCode::CONFLICT,
            format!(
                "expectedRevision {expected} does not match current revision {}",
                vault.revision
            ),
        );
    }
    let next = vault.revision + 1;
    let mut credentials: BTreeMap<String, Secret> = vault
        .credentials
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                Secret {
                    value: v.value.clone(),
                    revision: v.revision,
                },
            )
        })
        .collect();
    let mut bindings = vault.bindings.clone();
    if let Some(set) = req.credentials
        && let Err(e) = apply_credentials(&mut credentials, set, next)
    {
        return bad(e);
    }
    if let Some(set) = req.bindings
        && let Err(e) = apply_bindings(&mut bindings, set, next)
    {
        return bad(e);
    }
    if let Err(e) = validate(&credentials, &bindings, &policy) {
        return bad(e);
    }
    vault.revision = next;
    vault.credentials = credentials;
    vault.bindings = bindings;
    util::json(StatusCode::OK, &vault.state())
}

fn apply_credentials(
    creds: &mut BTreeMap<String, Secret>,
    set: gt::CredentialMutationSet,
    revision: i64,
) -> Result<(), String> {
    let mut mentioned = HashSet::new();
    for name in set.delete {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return Err("credential delete name cannot be blank".to_owned());
        }
        if !mentioned.insert(name.clone()) {
            return Err(format!(
                "credential {name:?} mentioned by multiple operations"
            ));
        }
        if creds.remove(&name).is_none() {
            return Err(format!("credential {name:?} does not exist"));
        }
    }
    for c in set.replace {
        let (name, value) = normalize_credential(c)?;
        if !mentioned.insert(name.clone()) {
            return Err(format!(
                "credential {name:?} mentioned by multiple operations"
            ));
        }
        if !creds.contains_key(&name) {
            return Err(format!("credential {name:?} does not exist"));
        }
        creds.insert(name, Secret { value, revision });
    }
    let mut added = HashSet::new();
    for c in set.add {
        let (name, value) = normalize_credential(c)?;
        if mentioned.contains(&name) {
            return Err(format!(
                "credential {name:?} mentioned by multiple operations"
            ));
        }
        if !added.insert(name.clone()) {
            return Err(format!("duplicate credential add name {name:?}"));
        }
        if creds.contains_key(&name) {
            return Err(format!("credential {name:?} already exists"));
        }
        creds.insert(name, Secret { value, revision });
    }
    Ok(())
}

fn apply_bindings(
    bindings: &mut BTreeMap<String, StoredBinding>,
    set: gt::CredentialBindingMutationSet,
    revision: i64,
) -> Result<(), String> {
    let mut mentioned = HashSet::new();
    for name in set.delete {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return Err("binding delete name cannot be blank".to_owned());
        }
        if !mentioned.insert(name.clone()) {
            return Err(format!("binding {name:?} mentioned by multiple operations"));
        }
        if bindings.remove(&name).is_none() {
            return Err(format!("binding {name:?} does not exist"));
        }
    }
    for b in set.replace {
        let b = normalize_binding(b)?;
        if !mentioned.insert(b.name.clone()) {
            return Err(format!(
                "binding {:?} mentioned by multiple operations",
                b.name
            ));
        }
        if !bindings.contains_key(&b.name) {
            return Err(format!("binding {:?} does not exist", b.name));
        }
        bindings.insert(
            b.name.clone(),
            StoredBinding {
                binding: b,
                revision,
            },
        );
    }
    let mut added = HashSet::new();
    for b in set.add {
        let b = normalize_binding(b)?;
        if mentioned.contains(&b.name) {
            return Err(format!(
                "binding {:?} mentioned by multiple operations",
                b.name
            ));
        }
        if !added.insert(b.name.clone()) {
            return Err(format!("duplicate binding add name {:?}", b.name));
        }
        if bindings.contains_key(&b.name) {
            return Err(format!("binding {:?} already exists", b.name));
        }
        bindings.insert(
            b.name.clone(),
            StoredBinding {
                binding: b,
                revision,
            },
        );
    }
    Ok(())
}

async fn get_vault(State(core): State<Arc<SandboxCore>>) -> Response {
    let vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    util::json(StatusCode::OK, &vault.state())
}

async fn delete_vault(State(core): State<Arc<SandboxCore>>) -> Response {
    let mut vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    *vault = Vault::default();
    util::empty(StatusCode::NO_CONTENT)
}

async fn list_credentials(State(core): State<Arc<SandboxCore>>) -> Response {
    let vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    let state = vault.state();
    util::json(
        StatusCode::OK,
        &gt::CredentialListResponse {
            credentials: state.credentials,
            revision: state.revision,
        },
    )
}

async fn get_credential(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(name): UrlPath<String>,
) -> Response {
    let vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    match vault.credentials.get(&name) {
        Some(c) => util::json(StatusCode::OK, &credential_meta(&name, c)),
        None => plain(
            StatusCode::NOT_FOUND,
            format!("credential {name:?} not found"),
        ),
    }
}

async fn list_bindings(State(core): State<Arc<SandboxCore>>) -> Response {
    let vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    let state = vault.state();
    util::json(
        StatusCode::OK,
        &gt::CredentialBindingListResponse {
            bindings: state.bindings,
            revision: state.revision,
        },
    )
}

async fn get_binding(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(name): UrlPath<String>,
) -> Response {
    let vault = lock(&core.egress.vault);
    if !vault.exists {
        return vault_not_found();
    }
    match vault.bindings.get(&name) {
        Some(b) => util::json(StatusCode::OK, &sanitized_binding(&name, b)),
        None => plain(StatusCode::NOT_FOUND, format!("binding {name:?} not found")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(default: &str, rules: &[(&str, &str)]) -> gt::NetworkPolicy {
        serde_json::from_value(serde_json::json!({
            "defaultAction": default,
            "egress": rules.iter().map(|(a, t)| serde_json::json!({"action": a, "target": t})).collect::<Vec<_>>(),
        }))
        .unwrap()
    }

    #[test]
    fn modes_and_evaluation() {
        let p = policy("deny", &[("allow", "*.github.com"), ("allow", "pypi.org")]);
        assert!(evaluate(&p, "api.github.com"));
        assert!(!evaluate(&p, "github.com"));
        assert!(evaluate(&p, "PyPI.org."));
        assert!(!evaluate(&p, "example.com"));
        assert!(explicit_allow_covers(&p, "api.github.com"));
        assert!(explicit_allow_covers(&p, "*.github.com"));
        assert!(!explicit_allow_covers(&p, "github.com"));
    }

    #[test]
    fn header_names() {
        assert_eq!(canonical_header("x-api-key"), "X-Api-Key");
        assert!(check_header_name("Content-Type").is_err());
        assert!(check_header_name("X Api").is_err());
        assert!(check_header_name("X-Api-Key").is_ok());
    }

    #[test]
    fn path_overlaps() {
        assert!(path_overlap("/*", "/v1/*"));
        assert!(path_overlap("/v1/x", "/v1/*"));
        assert!(!path_overlap("/v1/x", "/v2/*"));
    }
}
