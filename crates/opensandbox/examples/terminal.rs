//! An interactive terminal in a sandbox: raw mode, keystrokes and window-size changes
//! forwarded, the terminal restored on every exit path, and a reattach (resuming after
//! the last byte received) when the connection drops. `Ctrl-]` detaches.
//!
//! ```sh
//! cargo run -p opensandbox --example terminal
//! ```
//!
//! Without a terminal on stdin (CI), it runs one scripted line instead.

mod support;

use std::io::{IsTerminal, Write};
use std::time::Duration;

use crossterm::event::{Event, EventStream, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use futures::StreamExt;
use opensandbox::pty::{AttachOptions, PtyCreateOptions, PtyEvent, PtySession};
use opensandbox::{Error, Sandbox, SandboxCreateOptions};
use support::{BoxError, connection};

/// Leaves raw mode when dropped: on return, on `?`, and on panic unwinding.
struct RawMode;

impl RawMode {
    fn enable() -> std::io::Result<Self> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _server) = connection().await?;
    let sandbox = Sandbox::create(&config, SandboxCreateOptions::new(support::image())).await?;
    let result = run(&sandbox).await;
    sandbox.kill().await?;
    result
}

async fn run(sandbox: &Sandbox) -> Result<(), BoxError> {
    let pty = sandbox.pty();
    let id = pty.create(PtyCreateOptions::new()).await?;
    let mut term = pty.attach(&id, AttachOptions::new()).await?;

    if !std::io::stdin().is_terminal() {
        term.write_stdin(b"echo hello from $(tty); exit 3\n")
            .await?;
        let code = pump_output(&mut term).await?;
        println!("\n[shell exited with {code}]");
        return Ok(());
    }

    let (cols, rows) = crossterm::terminal::size()?;
    term.resize(cols, rows).await?;
    let code = {
        let _raw = RawMode::enable()?;
        interact(&mut term).await?
    };
    match code {
        Some(code) => println!("[shell exited with {code}]"),
        None => println!("[detached; session {id} lives on]"),
    }
    Ok(())
}

/// Prints output until the shell exits; returns its exit code.
async fn pump_output(term: &mut PtySession) -> Result<i32, BoxError> {
    let mut stdout = std::io::stdout();
    loop {
        match term.next_event().await? {
            Some(PtyEvent::Output { data, .. }) => {
                stdout.write_all(&data)?;
                stdout.flush()?;
            }
            Some(PtyEvent::Exit { code }) => return Ok(code),
            Some(_) => {}
            None => return Ok(term.exit_code().unwrap_or(-1)),
        }
    }
}

/// Forwards keys and resizes, prints output, reattaches after a drop. `None` when the
/// user detached.
async fn interact(term: &mut PtySession) -> Result<Option<i32>, BoxError> {
    let mut keys = EventStream::new();
    let mut stdout = std::io::stdout();
    loop {
        tokio::select! {
            event = term.next_event() => match event {
                Ok(Some(PtyEvent::Output { data, .. })) => {
                    stdout.write_all(&data)?;
                    stdout.flush()?;
                }
                Ok(Some(PtyEvent::Exit { code })) => return Ok(Some(code)),
                Ok(Some(_)) => {}
                Ok(None) => return Ok(term.exit_code()),
                Err(e) if e.is_transient() => reattach(term, &e).await?,
                Err(e) => return Err(e.into()),
            },
            key = keys.next() => match key {
                Some(Ok(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                    if k.code == KeyCode::Char(']') && k.modifiers.contains(KeyModifiers::CONTROL) {
                        return Ok(None);
                    }
                    if let Some(bytes) = key_bytes(&k) {
                        term.write_stdin(&bytes).await?;
                    }
                }
                Some(Ok(Event::Resize(cols, rows))) => term.resize(cols, rows).await?,
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(None),
            },
        }
    }
}

/// Reattaches with growing pauses, up to a minute.
async fn reattach(term: &mut PtySession, why: &Error) -> Result<(), BoxError> {
    eprint!("\r\n[connection lost: {why}; reattaching]\r\n");
    let mut pause = Duration::from_millis(200);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        match term.reattach().await {
            Ok(()) => return Ok(()),
            Err(e) if e.is_transient() && tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// The bytes a terminal sends for a key.
fn key_bytes(k: &KeyEvent) -> Option<Vec<u8>> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let mut out = Vec::new();
    if alt {
        out.push(0x1b);
    }
    match k.code {
        KeyCode::Char(c) if ctrl => {
            let c = c.to_ascii_lowercase();
            match c {
                'a'..='z' => out.push(c as u8 - b'a' + 1),
                ' ' | '@' => out.push(0),
                '[' => out.push(0x1b),
                '\\' => out.push(0x1c),
                '^' => out.push(0x1e),
                '_' => out.push(0x1f),
                _ => return None,
            }
        }
        KeyCode::Char(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        KeyCode::Enter => out.push(b'\r'),
        KeyCode::Backspace => out.push(0x7f),
        KeyCode::Tab => out.push(b'\t'),
        KeyCode::BackTab => out.extend_from_slice(b"\x1b[Z"),
        KeyCode::Esc => out.push(0x1b),
        KeyCode::Up => out.extend_from_slice(b"\x1b[A"),
        KeyCode::Down => out.extend_from_slice(b"\x1b[B"),
        KeyCode::Right => out.extend_from_slice(b"\x1b[C"),
        KeyCode::Left => out.extend_from_slice(b"\x1b[D"),
        KeyCode::Home => out.extend_from_slice(b"\x1b[H"),
        KeyCode::End => out.extend_from_slice(b"\x1b[F"),
        KeyCode::Delete => out.extend_from_slice(b"\x1b[3~"),
        KeyCode::Insert => out.extend_from_slice(b"\x1b[2~"),
        KeyCode::PageUp => out.extend_from_slice(b"\x1b[5~"),
        KeyCode::PageDown => out.extend_from_slice(b"\x1b[6~"),
        KeyCode::F(n @ 1..=4) => out.extend_from_slice(&[0x1b, b'O', b'P' + n - 1]),
        KeyCode::F(n @ 5..=12) => {
            let code = [15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 5)];
            out.extend_from_slice(format!("\x1b[{code}~").as_bytes());
        }
        _ => return None,
    }
    Some(out)
}
