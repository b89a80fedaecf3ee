//! `osb command …`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{Env, assert_success, stderr, stdout};

#[test]
fn run_streams_both_streams_and_exits_with_the_remote_code() {
    let env = Env::start();
    let id = env.sandbox();
    let out = env
        .osb()
        .args([
            "command",
            "run",
            &id,
            "--",
            "sh",
            "-c",
            "echo out; echo err >&2; exit 3",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(stdout(&out), "out\n");
    assert_eq!(stderr(&out), "err\n");

    let ok = env
        .osb()
        .args(["command", "run", &id, "-e", "X=yes", "--", "echo $X"])
        .output()
        .unwrap();
    assert_success(&ok);
    assert_eq!(stdout(&ok), "yes\n");
}

#[test]
fn background_status_logs_and_follow() {
    let env = Env::start();
    let id = env.sandbox();
    let started = env.json(&[
        "command",
        "run",
        &id,
        "--background",
        "--",
        "for i in 1 2 3; do echo line$i; sleep 0.2; done; exit 4",
    ]);
    let cid = started["id"].as_str().unwrap().to_owned();

    let out = env
        .osb()
        .args(["command", "logs", &id, &cid, "--follow"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "follow exits with the command's code"
    );
    assert_eq!(stdout(&out), "line1\nline2\nline3\n");

    let status = env.json(&["command", "status", &id, &cid]);
    assert_eq!(status["running"], false);
    assert_eq!(status["exit_code"], 4);

    let logs = env.json(&["command", "logs", &id, &cid, "--cursor", "6"]);
    assert_eq!(logs["output"], "line2\nline3\n");
    assert_eq!(logs["next_cursor"], 18);
    let resumed = env
        .osb()
        .args(["command", "logs", &id, &cid, "-f", "--cursor", "12"])
        .output()
        .unwrap();
    assert_eq!(stdout(&resumed), "line3\n", "follow resumes at the cursor");
}

#[test]
fn interrupt_stops_a_background_command() {
    let env = Env::start();
    let id = env.sandbox();
    let started = env.json(&["command", "run", &id, "-d", "--", "sleep 30"]);
    let cid = started["id"].as_str().unwrap().to_owned();
    env.json(&["command", "interrupt", &id, &cid]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = env.json(&["command", "status", &id, &cid]);
        if status["running"] == false {
            break;
        }
        assert!(Instant::now() < deadline, "still running: {status}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn ctrl_c_interrupts_the_remote_command_and_exits_130() {
    let env = Env::start();
    let id = env.sandbox();
    let marker = env.path("after-sleep");
    let script = format!("sleep 20; touch {marker}");
    let mut child = env
        .osb_std()
        .args(["-v", "command", "run", &id, "--", &script])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // -v logs the command id once the command has started.
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let cid = loop {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "no start logged");
        if let Some(rest) = line.split("command_id=").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let code = child.wait().unwrap().code();
    assert_eq!(code, Some(130));
    let status = env.json(&["command", "status", &id, &cid]);
    assert_eq!(
        status["running"], false,
        "the remote command was interrupted"
    );
    assert!(!crate::support::exists(&marker));
}

#[test]
fn sessions_keep_state_between_runs() {
    let env = Env::start();
    let id = env.sandbox();
    let created = env.json(&["command", "session", "create", &id]);
    let sid = created["id"].as_str().unwrap().to_owned();
    let set = env
        .osb()
        .args([
            "command",
            "session",
            "run",
            &id,
            &sid,
            "--",
            "export V=kept; cd /",
        ])
        .output()
        .unwrap();
    assert_success(&set);
    let get = env
        .osb()
        .args([
            "command",
            "session",
            "run",
            &id,
            &sid,
            "--",
            "echo $V $(pwd); (exit 5)",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&get), "kept /\n");
    assert_eq!(get.status.code(), Some(5));
    env.json(&["command", "session", "delete", &id, &sid]);
}
