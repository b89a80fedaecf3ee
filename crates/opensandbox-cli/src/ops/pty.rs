//! Interactive terminals: a PTY session in the sandbox over WebSocket.

use std::time::Duration;

use opensandbox::pty::{AttachOptions, Pty, PtyCreateOptions, PtyEvent, PtySession, PtyWriter};

use super::{Conn, OpResult};
use crate::exit::CliError;

/// Something the remote terminal did.
#[derive(Debug)]
pub enum TermEvent {
    /// Output bytes.
    Output(Vec<u8>),
    /// The shell exited with this code.
    Exit(i32),
}

/// An attached terminal.
pub struct Term {
    pty: Pty,
    id: String,
    session: PtySession,
}

/// The input side of a terminal (clonable, usable while another task reads).
#[derive(Clone)]
pub struct TermInput {
    writer: PtyWriter,
}

impl TermInput {
    /// Sends keystrokes.
    pub async fn send(&self, bytes: &[u8]) -> OpResult<()> {
        Ok(self.writer.write_stdin(bytes).await?)
    }

    /// Sets the window size.
    pub async fn resize(&self, cols: u16, rows: u16) -> OpResult<()> {
        Ok(self.writer.resize(cols, rows).await?)
    }
}

impl Term {
    /// Opens a shell (or `command`) in sandbox `id`, in `cwd`.
    pub async fn open(
        conn: &Conn,
        id: &str,
        cwd: Option<String>,
        command: Option<String>,
    ) -> OpResult<Term> {
        let sandbox = conn.sandbox(id).await?;
        let pty = sandbox.pty();
        let mut options = PtyCreateOptions::new();
        if let Some(c) = cwd {
            options = options.cwd(c);
        }
        if let Some(c) = command {
            options = options.command(c);
        }
        let session_id = pty.create(options).await?;
        let session = match pty.attach(&session_id, AttachOptions::new()).await {
            Ok(s) => s,
            Err(e) => {
                // Nothing is attached: do not leave the session behind.
                let _ = pty.delete(&session_id).await;
                return Err(e.into());
            }
        };
        Ok(Term {
            pty,
            id: session_id,
            session,
        })
    }

    /// The session id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The input side.
    pub fn input(&self) -> TermInput {
        TermInput {
            writer: self.session.writer(),
        }
    }

    /// The next event; `None` once the shell has exited. A dropped connection is
    /// reattached (resuming after the last byte received) for up to a minute.
    pub async fn next(&mut self) -> OpResult<Option<TermEvent>> {
        loop {
            match self.session.next_event().await {
                Ok(Some(PtyEvent::Output { data, .. })) => {
                    return Ok(Some(TermEvent::Output(data.to_vec())));
                }
                Ok(Some(PtyEvent::Exit { code })) => return Ok(Some(TermEvent::Exit(code))),
                Ok(Some(_)) => {}
                Ok(None) => return Ok(self.session.exit_code().map(TermEvent::Exit)),
                Err(e) if e.is_transient() => self.reattach().await?,
                Err(e) => return Err(e.into()),
            }
        }
    }

    async fn reattach(&mut self) -> OpResult<()> {
        let mut pause = Duration::from_millis(200);
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            match self.session.reattach().await {
                Ok(()) => return Ok(()),
                Err(e) if e.is_transient() && tokio::time::Instant::now() < deadline => {
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(5));
                }
                Err(e) => return Err(CliError::from(e)),
            }
        }
    }

    /// Ends the session: kills its shell unless `keep`.
    pub async fn close(self, keep: bool) -> OpResult<()> {
        let Term { pty, id, session } = self;
        session.close().await;
        if !keep {
            match pty.delete(&id).await {
                Ok(()) => {}
                Err(e) if e.is_not_found() => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
}
