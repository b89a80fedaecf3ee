//! `osb shell` under a pseudo-terminal: type into it, see the output, exit.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::support::Env;

#[test]
fn typing_into_osb_shell_runs_commands_and_exit_ends_it() {
    let env = Env::start();
    let id = env.sandbox();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    // After osb ends, `stty -a` on the same terminal shows whether its settings came
    // back (canonical mode and echo on, not raw). The shell's exit code is kept.
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
    writer.write_all(b"echo hi; exit\r").unwrap();
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
    let text = String::from_utf8_lossy(&seen);
    assert!(
        text.split(['\r', '\n']).any(|l| l.trim() == "hi"),
        "no line `hi` in: {text:?}"
    );
    assert_eq!(status.exit_code(), 0, "output: {text:?}");
    let settings: Vec<&str> = text
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| ["icanon", "-icanon", "echo", "-echo"].contains(l))
        .collect();
    assert_eq!(settings, ["icanon", "echo"], "terminal restored: {text:?}");
}
