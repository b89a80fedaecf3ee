//! An attached PTY session: the frame protocol, offsets, reattach, and the tokio I/O
//! traits.
//!
//! A background task owns the WebSocket: it forwards decoded frames in order through a
//! bounded channel (so a slow reader slows the socket down instead of growing memory),
//! sends what the writer side queues, and answers the server's pings. Offsets are
//! counted when the caller *receives* output, so [`PtySession::reattach`] resumes right
//! after the last byte the caller has seen.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

use super::error::PtyError;
use super::link::{closed_for_writes, connect, to_io};
use super::{AttachOptions, PtyMode};
use crate::error::{Error, Result};
use crate::execd::ExecdClient;

/// Close code of a connection evicted by a takeover.
pub(super) const CLOSE_TAKEN_OVER: u16 = 4001;
/// Frames the writer side may queue before it waits for the socket.
pub(super) const STDIN_QUEUE: usize = 256;
/// Frames buffered between the socket task and the reader.
pub(super) const FRAME_QUEUE: usize = 64;

/// Which output stream bytes came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PtyStreamKind {
    /// Stdout (everything, in PTY mode).
    Stdout,
    /// Stderr (pipe mode only).
    Stderr,
    /// Replayed output (the server does not keep which stream it came from).
    Replay,
}

/// What an attached session yields.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PtyEvent {
    /// Output bytes starting at absolute `offset`.
    Output {
        /// The stream.
        stream: PtyStreamKind,
        /// Offset of the first byte in the session's output.
        offset: u64,
        /// The bytes.
        data: Bytes,
    },
    /// The shell ended with this exit code (128 + signal number when killed).
    Exit {
        /// The exit code.
        code: i32,
    },
}

/// Decoded server frames (socket task → session).
pub(super) enum Frame {
    Data(PtyStreamKind, Bytes),
    Replay(u64, Bytes),
    Exit(i32),
    Failed(Error),
}

/// The writer side: stdin, resize and signals. Cheap to clone; keeps working across
/// [`PtySession::reattach`].
#[derive(Debug, Clone)]
pub struct PtyWriter {
    tx: Arc<Mutex<mpsc::Sender<Message>>>,
}

impl PtyWriter {
    fn sender(&self) -> mpsc::Sender<Message> {
        match self.tx.lock() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// Queues a frame, waiting while [`STDIN_QUEUE`] frames are already waiting.
    async fn send(&self, msg: Message) -> Result<()> {
        self.sender()
            .send(msg)
            .await
            .map_err(|_| closed_for_writes())
    }

    async fn control(&self, value: serde_json::Value) -> Result<()> {
        self.send(Message::Text(value.to_string().into())).await
    }

    /// Queues bytes for the shell's stdin (a `0x03` byte is Ctrl-C in PTY mode).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a size or signal name that
    /// cannot be sent; [`Error::Transport`](crate::Error::Transport) or
    /// [`Error::Pty`](crate::Error::Pty) when the session's connection is gone.
    pub async fn write_stdin(&self, bytes: &[u8]) -> Result<()> {
        let mut frame = Vec::with_capacity(1 + bytes.len());
        frame.push(0x00);
        frame.extend_from_slice(bytes);
        self.send(Message::Binary(frame.into())).await
    }

    /// Sets the terminal's size.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a size or signal name that
    /// cannot be sent; [`Error::Transport`](crate::Error::Transport) or
    /// [`Error::Pty`](crate::Error::Pty) when the session's connection is gone.
    pub async fn resize(&self, cols: u16, rows: u16) -> Result<()> {
        if cols == 0 || rows == 0 {
            return Err(Error::InvalidInput(format!(
                "terminal size {cols}x{rows}: both must be positive"
            )));
        }
        self.control(serde_json::json!({"type": "resize", "cols": cols, "rows": rows}))
            .await
    }

    /// Sends a signal (`"SIGINT"`, `"TERM"`, …) to the terminal's foreground job.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a size or signal name that
    /// cannot be sent; [`Error::Transport`](crate::Error::Transport) or
    /// [`Error::Pty`](crate::Error::Pty) when the session's connection is gone.
    pub async fn signal(&self, name: &str) -> Result<()> {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::InvalidInput(format!("invalid signal name {name:?}")));
        }
        self.control(serde_json::json!({"type": "signal", "signal": name}))
            .await
    }
}

/// An attached PTY session (see the [module docs](super)).
#[derive(Debug)]
pub struct PtySession {
    execd: ExecdClient,
    session_id: String,
    options: AttachOptions,
    mode: PtyMode,
    writer: PtyWriter,
    frames: mpsc::Receiver<FrameSlot>,
    /// Offset just past the last byte handed to the caller.
    offset: u64,
    /// Bytes of a replay frame held back behind a [`PtyError::ReplayGap`].
    held: Option<PtyEvent>,
    /// Whether the offset is known: the caller gave `since`, or output has arrived.
    /// Without it, the first replay frame sets the starting offset (no gap to report).
    anchored: bool,
    exit_code: Option<i32>,
    /// Unread rest of the last output, for [`AsyncRead`].
    read_buf: Bytes,
    /// The writer queue as a pollable sink, for [`AsyncWrite`].
    sink: tokio_util::sync::PollSender<Message>,
    task: tokio::task::JoinHandle<()>,
}

/// `Frame` wrapped so that `PtySession` can derive `Debug`.
pub(super) struct FrameSlot(pub(super) Frame);

impl std::fmt::Debug for FrameSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Frame")
    }
}

impl Drop for PtySession {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl PtySession {
    pub(crate) async fn attach(
        execd: ExecdClient,
        session_id: String,
        options: AttachOptions,
    ) -> Result<Self> {
        let (tx, rx, mode, task) = connect(&execd, &session_id, &options).await?;
        let anchored = options.since.is_some();
        Ok(PtySession {
            execd,
            offset: options.since.unwrap_or(0),
            session_id,
            options,
            mode,
            sink: tokio_util::sync::PollSender::new(tx.clone()),
            writer: PtyWriter {
                tx: Arc::new(Mutex::new(tx)),
            },
            frames: rx,
            held: None,
            anchored,
            exit_code: None,
            read_buf: Bytes::new(),
            task,
        })
    }

    /// The session id.
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// The mode the server runs the shell in (from its `connected` frame).
    pub fn mode(&self) -> PtyMode {
        self.mode
    }

    /// Offset just past the last output byte received: where a reattach resumes.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The shell's exit code, once the `exit` frame has been received.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit_code
    }

    /// The writer side (clone it to write while another task reads).
    pub fn writer(&self) -> PtyWriter {
        self.writer.clone()
    }

    /// Queues bytes for the shell's stdin.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a size or signal name that
    /// cannot be sent; [`Error::Transport`](crate::Error::Transport) or
    /// [`Error::Pty`](crate::Error::Pty) when the session's connection is gone.
    pub async fn write_stdin(&self, bytes: &[u8]) -> Result<()> {
        self.writer.write_stdin(bytes).await
    }

    /// Sets the terminal's size.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a size or signal name that
    /// cannot be sent; [`Error::Transport`](crate::Error::Transport) or
    /// [`Error::Pty`](crate::Error::Pty) when the session's connection is gone.
    pub async fn resize(&self, cols: u16, rows: u16) -> Result<()> {
        self.writer.resize(cols, rows).await
    }

    /// Sends a signal to the terminal's foreground job.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a size or signal name that
    /// cannot be sent; [`Error::Transport`](crate::Error::Transport) or
    /// [`Error::Pty`](crate::Error::Pty) when the session's connection is gone.
    pub async fn signal(&self, name: &str) -> Result<()> {
        self.writer.signal(name).await
    }

    /// The next event; `Ok(None)` after the exit event. A dropped connection is an
    /// [`Error::Transport`] (reattach to continue); a takeover, a 409, a server error
    /// frame or a replay gap is [`Error::Pty`]. After a replay gap, the next call
    /// returns the bytes the server still had.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`](crate::Error::Transport) when the connection drops (reattach to
    /// continue); [`Error::Pty`](crate::Error::Pty) for a takeover, a refused attach, a
    /// server error frame or a replay gap.
    pub async fn next_event(&mut self) -> Result<Option<PtyEvent>> {
        if let Some(event) = self.held.take() {
            return Ok(Some(self.account(event)));
        }
        if self.exit_code.is_some() {
            return Ok(None);
        }
        loop {
            let Some(FrameSlot(frame)) = self.frames.recv().await else {
                return Err(Error::stream("the pty connection task ended"));
            };
            match frame {
                Frame::Data(stream, data) => {
                    let event = PtyEvent::Output {
                        stream,
                        offset: self.offset,
                        data,
                    };
                    return Ok(Some(self.account(event)));
                }
                Frame::Replay(from, data) => {
                    let end = from + data.len() as u64;
                    if end <= self.offset {
                        continue; // all seen already
                    }
                    if !self.anchored {
                        self.offset = from;
                    }
                    if from > self.offset {
                        let gap = PtyError::ReplayGap {
                            requested: self.offset,
                            resumed_at: from,
                            lost: from - self.offset,
                        };
                        self.offset = from;
                        self.held = Some(PtyEvent::Output {
                            stream: PtyStreamKind::Replay,
                            offset: from,
                            data,
                        });
                        return Err(Error::Pty(Box::new(gap)));
                    }
                    // Overlap: skip what was already handed out, so nothing comes twice.
                    let skip = (self.offset - from) as usize;
                    let event = PtyEvent::Output {
                        stream: PtyStreamKind::Replay,
                        offset: self.offset,
                        data: data.slice(skip..),
                    };
                    return Ok(Some(self.account(event)));
                }
                Frame::Exit(code) => {
                    self.exit_code = Some(code);
                    return Ok(Some(PtyEvent::Exit { code }));
                }
                Frame::Failed(e) => return Err(e),
            }
        }
    }

    fn account(&mut self, event: PtyEvent) -> PtyEvent {
        self.anchored = true;
        if let PtyEvent::Output { data, .. } = &event {
            self.offset += data.len() as u64;
        }
        event
    }

    /// Reconnects after a dropped connection, resuming right after the last byte
    /// received (`since` = [`PtySession::offset`]) and evicting the old connection if the
    /// server still holds it. Bytes the server no longer has surface as
    /// [`PtyError::ReplayGap`] from [`PtySession::next_event`].
    ///
    /// # Errors
    ///
    /// As [`Pty::attach`](crate::pty::Pty::attach).
    pub async fn reattach(&mut self) -> Result<()> {
        let options = AttachOptions {
            since: Some(self.offset),
            takeover: true,
            ..self.options.clone()
        };
        self.task.abort();
        let (tx, rx, mode, task) = connect(&self.execd, &self.session_id, &options).await?;
        self.sink = tokio_util::sync::PollSender::new(tx.clone());
        match self.writer.tx.lock() {
            Ok(mut g) => *g = tx,
            Err(p) => *p.into_inner() = tx,
        }
        self.frames = rx;
        self.mode = mode;
        self.task = task;
        self.held = None;
        self.anchored = true;
        Ok(())
    }

    /// Closes the connection (the session and its shell live on).
    pub async fn close(self) {
        let _ = self.writer.send(Message::Close(None)).await;
    }
}

impl AsyncRead for PtySession {
    /// Output bytes of every stream (stdout, stderr, replay) in order; end of file once
    /// the shell exited.
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            if !this.read_buf.is_empty() {
                let n = this.read_buf.len().min(buf.remaining());
                buf.put_slice(&this.read_buf.split_to(n));
                return Poll::Ready(Ok(()));
            }
            let polled = {
                let mut fut = std::pin::pin!(this.next_event());
                std::future::Future::poll(fut.as_mut(), cx)
            };
            match polled {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Ok(Some(PtyEvent::Output { data, .. }))) => this.read_buf = data,
                Poll::Ready(Ok(Some(PtyEvent::Exit { .. }) | None)) => return Poll::Ready(Ok(())),
                Poll::Ready(Err(e)) => return Poll::Ready(Err(to_io(e))),
            }
        }
    }
}

impl AsyncWrite for PtySession {
    /// Queues the bytes for stdin, waiting while the writer queue is full.
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if let Err(_closed) = std::task::ready!(this.sink.poll_reserve(cx)) {
            return Poll::Ready(Err(to_io(closed_for_writes())));
        }
        let mut frame = Vec::with_capacity(1 + buf.len());
        frame.push(0x00);
        frame.extend_from_slice(buf);
        Poll::Ready(
            this.sink
                .send_item(Message::Binary(frame.into()))
                .map(|()| buf.len())
                .map_err(|_| to_io(closed_for_writes())),
        )
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}
