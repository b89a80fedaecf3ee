//! `osb sandbox …`.

use crate::support::{Env, assert_success, stdout};

#[test]
fn create_list_get_renew_pause_resume_kill() {
    let env = Env::start();
    let out = env
        .osb()
        .args([
            "sandbox",
            "create",
            "python:3.12",
            "--wait",
            "-q",
            "--env",
            "A=1",
            "--metadata",
            "team=cli",
            "--timeout",
            "30m",
            "--cpu",
            "1",
            "--memory",
            "1Gi",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    let id = stdout(&out).trim().to_owned();

    let got = env.json(&["sandbox", "get", &id]);
    assert_eq!(got["id"], id.as_str());
    assert_eq!(got["state"], "Running");
    assert_eq!(got["metadata"]["team"], "cli");
    // The documented JSON shape (README, "Output"): these fields are always there.
    for field in [
        "id",
        "state",
        "image",
        "entrypoint",
        "metadata",
        "created_at",
        "expires_at",
    ] {
        assert!(got.get(field).is_some(), "no {field} in {got}");
    }

    let listed = env.json(&["sandbox", "list", "--metadata", "team=cli"]);
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [id.as_str()]);
    let all = env.json(&["sandbox", "list", "--all", "--page-size", "1"]);
    assert_eq!(all.as_array().unwrap().len(), 1);

    let table = env.osb().args(["sandbox", "list"]).output().unwrap();
    assert_success(&table);
    let text = stdout(&table);
    assert!(text.starts_with("ID "), "{text}");
    assert!(text.contains(&id) && text.contains("Running"), "{text}");

    let renewed = env.json(&["sandbox", "renew", &id, "--timeout", "2h"]);
    assert!(renewed["expires_at"].as_str().is_some(), "{renewed}");

    env.json(&["sandbox", "pause", &id]);
    assert_eq!(env.json(&["sandbox", "get", &id])["state"], "Paused");
    env.json(&["sandbox", "resume", &id, "--wait"]);
    assert_eq!(env.json(&["sandbox", "get", &id])["state"], "Running");

    let health = env.json(&["sandbox", "health", &id]);
    assert_eq!(health["healthy"], true);
    let m = env.json(&["sandbox", "metrics", &id]);
    assert!(m["mem_total_mib"].as_f64().unwrap() > 0.0, "{m}");
    let ep = env.json(&["sandbox", "endpoint", &id, "--port", "44772"]);
    assert!(ep["url"].as_str().unwrap().starts_with("http://"), "{ep}");
    assert!(
        !ep.to_string().to_ascii_lowercase().contains("token\":\""),
        "endpoint header values are not shown: {ep}"
    );

    let out = env
        .osb()
        .args(["sandbox", "kill", &id, "no-such-box", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "one id was not found");
    let killed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(killed[0]["killed"], true);
    assert_eq!(killed[1]["killed"], false);
    let out = env.osb().args(["sandbox", "get", &id]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "a killed sandbox is not found");
}

#[test]
fn metrics_watch_prints_one_json_object_per_line() {
    let env = Env::start();
    let id = env.sandbox();
    let mut child = env
        .osb_std()
        .args(["sandbox", "metrics", &id, "--watch", "-o", "json"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    for _ in 0..2 {
        let line = lines.next().expect("a sample").unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(v["timestamp"].as_i64().unwrap() > 0, "{line}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
}
