//! `osb shell` under a pseudo-terminal: type into it, see the output, exit or detach;
//! the terminal's settings come back afterwards.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus, PtySize, native_pty_system};

use crate::support::Env;

/// Runs `osb shell ID` in a pseudo-terminal, then `stty -a` on the same terminal, and
/// types `input` once the shell has printed something. Returns osb's exit code (the
/// script keeps it) and everything the terminal showed.
fn shell_session(env: &Env, id: &str, input: &[u8]) -> (ExitStatus, String) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let script = format!(
        "'{}' shell {id}; code=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo; exit $code",
        env!("CARGO_BIN_EXE_osb")
    );
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", &script]);
    cmd.cwd(&env.dir);
    for (k, v) in env.env_vars() {
        cmd.env(k, v);
    }
    let mut child = pty.slave.spawn_command(cmd).expect("osb starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });

    // Wait for the shell to say something (its prompt), then type.
    let mut seen = Vec::new();
    if let Ok(first) = rx.recv_timeout(Duration::from_secs(20)) {
        seen.extend(first);
    }
    writer.write_all(input).unwrap();
    writer.flush().unwrap();

    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        while let Ok(bytes) = rx.try_recv() {
            seen.extend(bytes);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "osb shell did not end; output: {}",
            String::from_utf8_lossy(&seen)
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    while let Ok(bytes) = rx.recv_timeout(Duration::from_millis(200)) {
        seen.extend(bytes);
    }
    (status, String::from_utf8_lossy(&seen).into_owned())
}

/// The terminal settings `stty -a` printed after osb ended.
fn tty_settings(text: &str) -> Vec<&str> {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| ["icanon", "-icanon", "echo", "-echo"].contains(l))
        .collect()
}

#[test]
fn typing_into_osb_shell_runs_commands_and_exit_ends_it() {
    let env = Env::start();
    let id = env.sandbox();
    let (status, text) = shell_session(&env, &id, b"echo hi; exit\r");
    assert!(
        text.split(['\r', '\n']).any(|l| l.trim() == "hi"),
        "no line `hi` in: {text:?}"
    );
    assert_eq!(status.exit_code(), 0, "output: {text:?}");
    assert_eq!(
        tty_settings(&text),
        ["icanon", "echo"],
        "terminal restored: {text:?}"
    );
}

#[test]
fn the_shell_exit_code_is_osbs_and_ctrl_bracket_detaches() {
    let env = Env::start();
    let id = env.sandbox();
    let (status, text) = shell_session(&env, &id, b"exit 7\r");
    assert_eq!(status.exit_code(), 7, "output: {text:?}");

    let (status, text) = shell_session(&env, &id, b"\x1d");
    assert_eq!(status.exit_code(), 0, "output: {text:?}");
    assert!(text.contains("detached"), "{text:?}");
    assert_eq!(
        tty_settings(&text),
        ["icanon", "echo"],
        "terminal restored: {text:?}"
    );
}
