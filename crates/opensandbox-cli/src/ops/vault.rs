//! A sandbox's credential vault, through its egress sidecar. Reads return metadata
//! only; writes take the egress API's JSON request, whose secret values never appear
//! in an error message.

use opensandbox::api::egress::EgressClient;
use opensandbox::api::egress::types::{
    CredentialVaultCreateRequest, CredentialVaultMutationRequest,
};
use serde_json::Value;

use super::sandbox::json_of;
use super::{Conn, OpResult};
use crate::exit::CliError;

async fn client(conn: &Conn, id: &str) -> OpResult<EgressClient> {
    let sandbox = conn.sandbox(id).await?;
    Ok(sandbox.egress_client().await?)
}

/// The vault's revision and the metadata of its credentials and bindings.
pub async fn get(conn: &Conn, id: &str) -> OpResult<Value> {
    json_of(&client(conn, id).await?.get_credential_vault().await?)
}

/// Creates the vault from the egress API's create request (JSON).
pub async fn create(conn: &Conn, id: &str, request: Value) -> OpResult<Value> {
    let secrets = secrets_of(&request);
    let request: CredentialVaultCreateRequest = serde_json::from_value(request)
        .map_err(|e| CliError::usage(format!("not a vault create request: {e}")))?;
    let state = client(conn, id)
        .await?
        .create_credential_vault(request)
        .await
        .map_err(|e| scrub(e.into(), &secrets))?;
    json_of(&state)
}

/// Applies an atomic change from the egress API's mutation request (JSON).
pub async fn patch(conn: &Conn, id: &str, request: Value) -> OpResult<Value> {
    let secrets = secrets_of(&request);
    let request: CredentialVaultMutationRequest = serde_json::from_value(request)
        .map_err(|e| CliError::usage(format!("not a vault patch request: {e}")))?;
    let state = client(conn, id)
        .await?
        .patch_credential_vault(request)
        .await
        .map_err(|e| scrub(e.into(), &secrets))?;
    json_of(&state)
}

/// Deletes the vault.
pub async fn delete(conn: &Conn, id: &str) -> OpResult<()> {
    Ok(client(conn, id).await?.delete_credential_vault().await?)
}

/// Metadata of every credential.
pub async fn credentials(conn: &Conn, id: &str) -> OpResult<Value> {
    json_of(&client(conn, id).await?.list_credentials().await?)
}

/// Metadata of one credential.
pub async fn credential(conn: &Conn, id: &str, name: &str) -> OpResult<Value> {
    json_of(&client(conn, id).await?.get_credential(name).await?)
}

/// Every binding.
pub async fn bindings(conn: &Conn, id: &str) -> OpResult<Value> {
    json_of(&client(conn, id).await?.list_bindings().await?)
}

/// One binding.
pub async fn binding(conn: &Conn, id: &str, name: &str) -> OpResult<Value> {
    json_of(&client(conn, id).await?.get_binding(name).await?)
}

/// The secret strings of a request: every string under a key that names a value,
/// secret, token, password or key (credential sources' `value`, and anything a later
/// version adds under such names).
fn secrets_of(v: &Value) -> Vec<String> {
    fn secret_key(k: &str) -> bool {
        let k = k.to_ascii_lowercase();
        ["value", "secret", "token", "password", "key"]
            .iter()
            .any(|s| k.contains(s))
    }
    fn collect(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) if !s.is_empty() => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            Value::Object(m) => m.values().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(m) => {
                for (k, x) in m {
                    if secret_key(k) {
                        collect(x, out);
                    } else {
                        walk(x, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out
}

fn scrub(mut e: CliError, secrets: &[String]) -> CliError {
    for s in secrets {
        e.message = e.message.replace(s.as_str(), "***");
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_strings_never_reach_error_messages() {
        let req = serde_json::json!({"credentials": [
            {"name": "gh", "source": {"type": "inline", "value": "ghp_secret_token"}}
        ]});
        let e = CliError::new(
            crate::exit::Kind::Api,
            "400: bad credential ghp_secret_token for gh",
        );
        let e = scrub(e, &secrets_of(&req));
        assert_eq!(e.message, "400: bad credential *** for gh");
    }
}
