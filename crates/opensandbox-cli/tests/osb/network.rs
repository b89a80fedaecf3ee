//! `osb egress …` and `osb vault …` (alias `credential-vault`).

use crate::support::{Env, assert_success, stderr, stdout};

#[test]
fn egress_rules_are_added_and_removed() {
    let env = Env::start();
    let id = env.sandbox();
    let p = env.json(&["egress", "allow", &id, "pypi.org", "*.example.com"]);
    let rules = p["policy"]["rules"].to_string();
    assert!(
        rules.contains("pypi.org") && rules.contains("*.example.com"),
        "{p}"
    );
    let p = env.json(&["egress", "deny", &id, "evil.test"]);
    assert!(
        p["policy"]["rules"].to_string().contains("evil.test"),
        "{p}"
    );
    let p = env.json(&["egress", "patch", &id, "--rule", "allow=crates.io"]);
    assert!(
        p["policy"]["rules"].to_string().contains("crates.io"),
        "{p}"
    );
    let p = env.json(&["egress", "remove", &id, "pypi.org"]);
    assert!(
        !p["policy"]["rules"].to_string().contains("pypi.org"),
        "{p}"
    );
    let got = env.json(&["egress", "get", &id]);
    assert_eq!(got["policy"], p["policy"]);
    let bad = env
        .osb()
        .args(["egress", "patch", &id, "--rule", "maybe=x"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn vault_create_patch_read_delete_never_shows_values() {
    let env = Env::start();
    let out = env
        .osb()
        .args([
            "sandbox",
            "create",
            "python:3.12",
            "--wait",
            "-q",
            "--allow",
            "api.github.com",
            "--credential-proxy",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    let id = stdout(&out).trim().to_owned();

    let create = r#"{
        "credentials": [{"name": "gh", "source": {"type": "inline", "value": "ghp_topsecret1"}}],
        "bindings": [{"name": "github", "match": {"hosts": ["api.github.com"]},
                      "auth": {"type": "bearer", "credential": "gh"}}]
    }"#;
    let out = env
        .osb()
        .args(["vault", "create", &id, "--file", "-", "-o", "json"])
        .write_stdin(create)
        .output()
        .unwrap();
    assert_success(&out);
    assert!(!stdout(&out).contains("ghp_topsecret1"));
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(state["revision"], 1);

    let patch_file = env.path("patch.yaml");
    std::fs::write(
        &patch_file,
        "expectedRevision: 1\ncredentials:\n  add:\n    - name: other\n      source: {type: inline, value: sk-hidden-2}\n",
    )
    .unwrap();
    let patched = env.json(&["credential-vault", "patch", &id, "--file", &patch_file]);
    assert_eq!(patched["revision"], 2);

    let creds = env.json(&["vault", "credential", "list", &id]);
    let text = creds.to_string();
    assert!(text.contains("gh") && text.contains("other"), "{text}");
    assert!(!text.contains("ghp_topsecret1") && !text.contains("sk-hidden-2"));
    let one = env.json(&["vault", "credential", "get", &id, "gh"]);
    assert_eq!(one["name"], "gh");
    let bindings = env.json(&["vault", "binding", "list", &id]);
    assert!(bindings.to_string().contains("github"), "{bindings}");
    env.json(&["vault", "binding", "get", &id, "github"]);

    // A stale revision is refused; the error line holds no secret from the request.
    std::fs::write(
        &patch_file,
        "expectedRevision: 1\ncredentials:\n  add:\n    - name: third\n      source: {type: inline, value: sk-hidden-3}\n",
    )
    .unwrap();
    let stale = env
        .osb()
        .args(["vault", "patch", &id, "--file", &patch_file])
        .output()
        .unwrap();
    assert_eq!(stale.status.code(), Some(4), "{}", stderr(&stale));
    assert!(stderr(&stale).contains("409"), "{}", stderr(&stale));
    assert!(!stderr(&stale).contains("sk-hidden-3"));

    env.json(&["vault", "delete", &id]);
    let gone = env.osb().args(["vault", "get", &id]).output().unwrap();
    assert_eq!(gone.status.code(), Some(3));
}
