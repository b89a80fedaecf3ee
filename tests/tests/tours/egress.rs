//! Every egress operation, through `EgressClient`: the network policy and the credential
//! vault (requests built with the typed `opensandbox::vault` builders).

use opensandbox::api::egress::EgressClient;
use opensandbox::api::egress::types::NetworkRule;
use opensandbox::vault::{Binding, Credential, CredentialVault, CredentialVaultPatch};
use opensandbox_tests::Contract;

use super::EGRESS;

pub async fn egress_tour(c: &Contract) {
    let eg = EgressClient::new(&c.base_url(EGRESS), "egress-token").expect("egress client");

    c.step("EgressClient::get_policy", eg.get_policy()).await;
    c.step(
        "EgressClient::patch_policy",
        eg.patch_policy(vec![
            NetworkRule {
                action: "allow".into(),
                target: "pypi.org".into(),
            },
            NetworkRule {
                action: "deny".into(),
                target: "*.tracker.example".into(),
            },
        ]),
    )
    .await;
    c.step(
        "EgressClient::delete_policy_rules",
        eg.delete_policy_rules(["*.tracker.example"]),
    )
    .await;

    let vault = CredentialVault::new()
        .credential(Credential::inline("github-token", "ghp_contract_secret"))
        .credential(Credential::basic("registry", "ci", "hunter2"))
        .binding(
            Binding::new("github-api")
                .credential("github-token")
                .https()
                .host("api.github.com")
                .path("/repos/*")
                .bearer(),
        )
        .binding(
            Binding::new("registry")
                .host("registry.example.com")
                .port(443)
                .method("GET")
                .basic(),
        );
    match vault.to_request() {
        Ok(request) => {
            c.step(
                "EgressClient::create_credential_vault",
                eg.create_credential_vault(request),
            )
            .await;
        }
        Err(e) => c.fail(format!("CredentialVault::to_request: {e}")),
    }
    let revision = c
        .step(
            "EgressClient::get_credential_vault",
            eg.get_credential_vault(),
        )
        .await
        .map(|state| state.revision)
        .unwrap_or(1);

    let rotate = CredentialVaultPatch::at_revision(revision)
        .replace_credential(Credential::inline("github-token", "ghp_rotated_secret"))
        .add_credential(Credential::inline("openai-key", "sk-contract"))
        .add_binding(
            Binding::new("openai-key")
                .host("api.openai.com")
                .method("POST")
                .path("/v1/*")
                .api_key_header("Authorization"),
        )
        .delete_binding("registry")
        .delete_credential("registry");
    match rotate.to_request() {
        Ok(request) => {
            c.step(
                "EgressClient::patch_credential_vault",
                eg.patch_credential_vault(request),
            )
            .await;
        }
        Err(e) => c.fail(format!("CredentialVaultPatch::to_request: {e}")),
    }
    let header_binding = CredentialVaultPatch::unconditional().add_binding(
        Binding::new("internal")
            .http()
            .host("*.internal.example")
            .header("x-api-key", "openai-key"),
    );
    match header_binding.to_request() {
        Ok(request) => {
            c.step(
                "EgressClient::patch_credential_vault_at",
                eg.patch_credential_vault_at(revision + 1, request),
            )
            .await;
        }
        Err(e) => c.fail(format!("CredentialVaultPatch::to_request: {e}")),
    }

    c.step("EgressClient::list_credentials", eg.list_credentials())
        .await;
    c.step(
        "EgressClient::get_credential",
        eg.get_credential("github-token"),
    )
    .await;
    c.step("EgressClient::list_bindings", eg.list_bindings())
        .await;
    c.step("EgressClient::get_binding", eg.get_binding("github-api"))
        .await;
    c.step(
        "EgressClient::delete_credential_vault",
        eg.delete_credential_vault(),
    )
    .await;
}
