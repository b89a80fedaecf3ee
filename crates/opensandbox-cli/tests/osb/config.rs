//! `osb config …`, precedence of flags over environment over file, completions.

use crate::support::{Env, KEY, assert_success, stdout};

#[test]
fn the_config_file_fills_in_what_flags_and_environment_leave_out() {
    let env = Env::start();
    let run = |args: &[&str]| {
        let out = env
            .osb()
            .env_remove("OPEN_SANDBOX_DOMAIN")
            .env_remove("OPEN_SANDBOX_API_KEY")
            .args(args)
            .output()
            .unwrap();
        assert_success(&out);
        stdout(&out)
    };
    run(&["config", "set", "domain", &env.domain]);
    run(&["config", "set", "api_key", KEY]);
    run(&["config", "set", "output", "json"]);
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(text.contains(&env.domain), "{text}");

    // Everything from the file: JSON output by default, the server reached.
    let listed: serde_json::Value = serde_json::from_str(&run(&["sandbox", "list"])).unwrap();
    assert!(listed.is_array());
    assert_eq!(
        run(&["config", "get", "domain", "-o", "table"]).trim(),
        env.domain
    );

    let list: serde_json::Value = serde_json::from_str(&run(&["config", "list"])).unwrap();
    let shown = list.to_string();
    assert!(!shown.contains(KEY), "the key is masked: {shown}");
    assert!(shown.contains("\"source\":\"file\""), "{shown}");

    // The environment wins over the file, a flag over both.
    let out = env
        .osb()
        .env("OPEN_SANDBOX_DOMAIN", "127.0.0.1:1")
        .args(["config", "get", "domain", "-o", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["value"], "127.0.0.1:1");
    assert_eq!(v["source"], "env");
    let out = env
        .osb()
        .env("OPEN_SANDBOX_DOMAIN", "127.0.0.1:1")
        .args(["--domain", &env.domain, "sandbox", "list", "-o", "table"])
        .output()
        .unwrap();
    assert_success(&out);
    assert!(stdout(&out).starts_with("ID"));

    run(&["config", "unset", "output"]);
    let bad = env
        .osb()
        .args(["config", "set", "protocol", "gopher"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn completions_are_printed_for_each_shell() {
    let env = Env::start();
    for (shell, needle) in [
        ("bash", "complete"),
        ("zsh", "#compdef osb"),
        ("fish", "complete -c osb"),
    ] {
        let out = env.osb().args(["completions", shell]).output().unwrap();
        assert_success(&out);
        assert!(stdout(&out).contains(needle), "{shell}");
    }
}

#[test]
fn yaml_output_and_no_escape_codes_in_pipes() {
    let env = Env::start();
    let id = env.sandbox();
    let out = env
        .osb()
        .args(["sandbox", "get", &id, "-o", "yaml"])
        .output()
        .unwrap();
    assert_success(&out);
    let text = stdout(&out);
    assert!(text.lines().any(|l| l == format!("id: {id}")), "{text}");
    assert!(text.lines().any(|l| l == "state: Running"), "{text}");

    // Colors only on a terminal: a pipe gets plain text even without NO_COLOR.
    let out = env
        .osb()
        .env_remove("NO_COLOR")
        .args(["sandbox", "list", "--api-key", "wrong"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\x1b'));
    let out = env
        .osb()
        .env_remove("NO_COLOR")
        .args(["sandbox", "list"])
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
}
