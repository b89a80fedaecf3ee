//! `osb snapshot …` and `osb diagnostics …`.

use std::time::{Duration, Instant};

use crate::support::{Env, assert_success, stdout};

#[test]
fn snapshots_are_created_listed_restored_and_deleted() {
    let env = Env::start();
    let id = env.sandbox();
    let snap = env.json(&["snapshot", "create", &id, "--name", "first"]);
    let sid = snap["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + Duration::from_secs(20);
    while env.json(&["snapshot", "get", &sid])["state"] != "Ready" {
        assert!(Instant::now() < deadline, "snapshot never ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    let listed = env.json(&["snapshot", "list", "--sandbox-id", &id]);
    assert_eq!(listed[0]["id"], sid.as_str());
    let all = env.json(&["snapshot", "list", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 1);

    let restored = env
        .osb()
        .args(["sandbox", "create", "--snapshot", &sid, "--wait", "-q"])
        .output()
        .unwrap();
    assert_success(&restored);
    assert!(!stdout(&restored).trim().is_empty());

    env.json(&["snapshot", "delete", &sid]);
    let gone = env.osb().args(["snapshot", "get", &sid]).output().unwrap();
    assert_eq!(gone.status.code(), Some(3));
}

#[test]
fn diagnostics_print_inline_content() {
    let env = Env::start();
    let id = env.sandbox();
    let events = env
        .osb()
        .args(["diagnostics", "events", &id])
        .output()
        .unwrap();
    assert_success(&events);
    assert!(stdout(&events).contains("Running"), "{}", stdout(&events));
    let logs = env.json(&["diagnostics", "logs", &id, "--scope", "lifecycle"]);
    assert_eq!(logs["sandbox_id"], id.as_str());
    let bad = env
        .osb()
        .args(["diagnostics", "logs", &id, "--scope", "everything"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
