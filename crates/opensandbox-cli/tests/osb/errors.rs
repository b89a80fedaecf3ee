//! Exit codes and error lines.

use crate::support::{Env, stderr, stdout};

#[test]
fn a_wrong_api_key_is_an_api_error_and_no_key_is_ever_printed() {
    let env = Env::start();
    let out = env
        .osb()
        .args(["-vvv", "--api-key", "wrong-key-77", "sandbox", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(!err.contains("wrong-key-77"), "the key leaked: {err}");
    let last = err.lines().last().unwrap();
    assert!(last.starts_with("osb: error: 401"), "{last}");
    assert!(last.contains("request id"), "{last}");

    let out = env
        .osb()
        .args(["-vvv", "sandbox", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains(crate::support::KEY));
    assert!(!stdout(&out).contains(crate::support::KEY));
}

#[test]
fn usage_not_found_and_transport_failures_have_their_own_codes() {
    let env = Env::start();
    let usage = env.osb().args(["sandbox", "frobnicate"]).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let missing_cmd = env.osb().args(["command", "run", "x"]).output().unwrap();
    assert_eq!(missing_cmd.status.code(), Some(2));
    let bad_duration = env
        .osb()
        .args(["sandbox", "renew", "x", "--timeout", "soon"])
        .output()
        .unwrap();
    assert_eq!(bad_duration.status.code(), Some(2));

    let missing = env
        .osb()
        .args(["sandbox", "get", "no-such-box"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(3));
    assert_eq!(stderr(&missing).lines().count(), 1);

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = listener.local_addr().unwrap().to_string();
    drop(listener);
    let down = env
        .osb()
        .args(["--domain", &closed, "sandbox", "list"])
        .output()
        .unwrap();
    assert_eq!(down.status.code(), Some(5), "{}", stderr(&down));
    assert_eq!(stdout(&down), "");
}
