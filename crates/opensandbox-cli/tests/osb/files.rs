//! `osb file …`.

use std::io::Read;
use std::process::Stdio;

use crate::support::{Env, assert_success, stderr, stdout};

#[test]
fn write_cat_info_replace_move_chmod_and_delete() {
    let env = Env::start();
    let id = env.sandbox();
    let a = env.path("a.txt");
    let b = env.path("b.txt");

    let w = env
        .osb()
        .args(["file", "write", &id, &a])
        .write_stdin("hello world\n")
        .output()
        .unwrap();
    assert_success(&w);
    let cat = env.osb().args(["file", "cat", &id, &a]).output().unwrap();
    assert_eq!(stdout(&cat), "hello world\n");

    let info = env.json(&["file", "info", &id, &a]);
    assert_eq!(info[0]["path"], a.as_str());
    assert_eq!(info[0]["size"], 12);

    let r = env.json(&["file", "replace", &id, &a, "--old", "world", "--new", "osb"]);
    assert_eq!(r["replacements"], 1);
    env.json(&["file", "mv", &id, &a, &b]);
    env.json(&["file", "chmod", &id, &b, "--mode", "0600"]);
    let info = env.json(&["file", "info", &id, &b]);
    assert_eq!(info[0]["mode"], 0o600);
    let table = env.osb().args(["file", "info", &id, &b]).output().unwrap();
    assert!(
        stdout(&table).contains(" 600 "),
        "modes show in octal: {}",
        stdout(&table)
    );
    let cat = env.osb().args(["file", "cat", &id, &b]).output().unwrap();
    assert_eq!(stdout(&cat), "hello osb\n");

    let found = env.json(&["file", "search", &id, &env.path(""), "--pattern", "b.*"]);
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == b.as_str()),
        "{found}"
    );

    let d = env.path("d1/d2");
    env.json(&["file", "mkdir", &id, &d]);
    let listed = env.json(&["file", "ls", &id, &env.path("d1")]);
    assert!(listed.to_string().contains("d2"), "{listed}");
    env.json(&["file", "rmdir", &id, &env.path("d1")]);
    env.json(&["file", "rm", &id, &b]);
    let gone = env.osb().args(["file", "cat", &id, &b]).output().unwrap();
    assert_eq!(gone.status.code(), Some(3), "{}", stderr(&gone));
    let line = stderr(&gone);
    assert_eq!(line.lines().count(), 1, "one line: {line}");
    assert!(
        line.contains("404") && line.contains("request id"),
        "{line}"
    );
}

#[test]
fn a_closed_stdout_ends_cat_quietly() {
    let env = Env::start();
    let id = env.sandbox();
    let big = env.path("big.txt");
    std::fs::write(&big, "y\n".repeat(4 * 1024 * 1024)).unwrap();
    let mut child = env
        .osb_std()
        .args(["file", "cat", &id, &big])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 10];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut head)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "", "no message for a broken pipe");
}

#[test]
fn upload_into_a_folder_and_download_into_a_folder_keep_the_names() {
    let env = Env::start();
    let id = env.sandbox();
    let local = env.path("note.txt");
    std::fs::write(&local, "note\n").unwrap();
    let remote_dir = env.path("remote");
    env.json(&["file", "mkdir", &id, &remote_dir]);
    let up = env.json(&[
        "file",
        "upload",
        &id,
        &local,
        &format!("{remote_dir}/"),
        "--mode",
        "640",
    ]);
    assert_eq!(up["bytes"], 5);
    let remote = format!("{remote_dir}/note.txt");
    let info = env.json(&["file", "info", &id, &remote]);
    assert_eq!(info[0]["mode"], 0o640);

    let back_dir = env.path("back");
    std::fs::create_dir_all(&back_dir).unwrap();
    let down = env.json(&["file", "download", &id, &remote, &back_dir]);
    assert_eq!(down["bytes"], 5);
    assert_eq!(
        std::fs::read_to_string(format!("{back_dir}/note.txt")).unwrap(),
        "note\n"
    );
}
