//! `osb shell ID`: an interactive terminal in a sandbox. The local terminal is in raw
//! mode while attached and restored on every way out (exit, error, panic); keystrokes
//! go through as bytes, window-size changes follow; `Ctrl-]` detaches.

use std::io::{IsTerminal, Write};

use clap::Args;
use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;

use super::Ctx;
use crate::exit::{CliError, OK, Outcome};
use crate::ops::pty::{Term, TermEvent, TermInput};
use crate::output::write_stderr;

/// `Ctrl-]`: detach and leave the session running.
const DETACH: u8 = 0x1d;

/// `osb shell` arguments.
#[derive(Debug, Args)]
pub struct ShellArgs {
    /// Sandbox id.
    pub id: String,
    /// Working directory.
    #[arg(short, long)]
    pub workdir: Option<String>,
    /// Run this command line instead of an interactive shell.
    #[arg(short, long)]
    pub command: Option<String>,
}

/// Raw mode while alive: restored when dropped (on return, `?`, and panic unwinding).
struct RawMode;

impl RawMode {
    fn enable() -> Result<Self, CliError> {
        crossterm::terminal::enable_raw_mode()
            .map_err(|e| CliError::failure(format!("cannot put the terminal in raw mode: {e}")))?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// What the input side reports.
enum Input {
    /// The user pressed the detach key.
    Detach,
    /// Stdin failed.
    Failed(CliError),
}

/// Runs `osb shell`; exits with the shell's exit code.
pub async fn run(ctx: &Ctx, a: ShellArgs) -> Outcome {
    let conn = ctx.conn()?;
    let mut term = Term::open(&conn, &a.id, a.workdir, a.command).await?;
    let interactive = std::io::stdin().is_terminal();
    let input = term.input();
    if interactive && let Ok((cols, rows)) = crossterm::terminal::size() {
        input.resize(cols, rows).await?;
    }
    let raw = if interactive {
        Some(RawMode::enable()?)
    } else {
        None
    };
    let (tx, mut rx) = mpsc::channel::<Input>(1);
    let stdin_task = tokio::spawn(forward_stdin(input.clone(), tx.clone()));
    let resize_task = interactive.then(|| tokio::spawn(forward_resizes(input, tx)));

    let result = loop {
        tokio::select! {
            event = term.next() => match event {
                Ok(Some(TermEvent::Output(bytes))) => {
                    let mut out = std::io::stdout().lock();
                    if let Err(e) = out.write_all(&bytes).and_then(|()| out.flush()) {
                        break Err(CliError::from(e));
                    }
                }
                Ok(Some(TermEvent::Exit(code))) => break Ok(Some(code)),
                Ok(None) => break Ok(None),
                Err(e) => break Err(e),
            },
            Some(msg) = rx.recv() => match msg {
                Input::Detach => break Ok(None),
                Input::Failed(e) => break Err(e),
            },
        }
    };
    stdin_task.abort();
    if let Some(t) = resize_task {
        t.abort();
    }
    drop(raw);
    let detached = matches!(result, Ok(None));
    let session = term.id().to_owned();
    term.close(detached).await?;
    match result? {
        Some(code) => Ok(u8::try_from(code).unwrap_or(1)),
        None => {
            write_stderr(
                format!("\r\nosb: detached; session {session} keeps running\n").as_bytes(),
            )?;
            Ok(OK)
        }
    }
}

/// Sends stdin to the shell as it is typed; stops at end of input (the shell keeps
/// running) or at the detach key.
async fn forward_stdin(input: TermInput, tx: mpsc::Sender<Input>) {
    let mut stdin = tokio::io::stdin();
    let mut buf = vec![0u8; 8192];
    loop {
        let n = match stdin.read(&mut buf).await {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) => {
                let _ = tx.send(Input::Failed(e.into())).await;
                return;
            }
        };
        let chunk = &buf[..n];
        let (send, detach) = match chunk.iter().position(|b| *b == DETACH) {
            Some(i) => (&chunk[..i], true),
            None => (chunk, false),
        };
        if !send.is_empty()
            && let Err(e) = input.send(send).await
        {
            let _ = tx.send(Input::Failed(e)).await;
            return;
        }
        if detach {
            let _ = tx.send(Input::Detach).await;
            return;
        }
    }
}

/// Passes window-size changes (SIGWINCH) on.
async fn forward_resizes(input: TermInput, tx: mpsc::Sender<Input>) {
    let Ok(mut winch) =
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::window_change())
    else {
        return;
    };
    while winch.recv().await.is_some() {
        if let Ok((cols, rows)) = crossterm::terminal::size()
            && let Err(e) = input.resize(cols, rows).await
        {
            let _ = tx.send(Input::Failed(e)).await;
            return;
        }
    }
}
