//! The WebSocket side of a PTY session: connecting (and reattaching), the task that
//! moves frames between the socket and the session, and decoding server frames.

use std::io;

use futures::{SinkExt, StreamExt};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::error::{PtyError, PtyErrorCode};
use super::ws::WebSocket;
use super::{AttachOptions, PtyMode};
use crate::error::{Error, Result};
use crate::execd::ExecdClient;

use super::session::{CLOSE_TAKEN_OVER, FRAME_QUEUE, Frame, FrameSlot, PtyStreamKind, STDIN_QUEUE};

pub(super) type Connected = (
    mpsc::Sender<Message>,
    mpsc::Receiver<FrameSlot>,
    PtyMode,
    tokio::task::JoinHandle<()>,
);

/// Opens the WebSocket, reads the `connected` frame and starts the socket task.
pub(super) async fn connect(
    execd: &ExecdClient,
    session_id: &str,
    options: &AttachOptions,
) -> Result<Connected> {
    let url = execd.pty_ws_url(session_id, options);
    let mut ws = match execd.websocket(&url).await {
        Err(e) if e.status() == Some(reqwest::StatusCode::CONFLICT) => {
            return Err(Error::Pty(Box::new(PtyError::AlreadyAttached {
                session_id: session_id.to_owned(),
            })));
        }
        other => other?,
    };
    let idle = execd.transport.options().stream_idle_timeout;
    let first = tokio::time::timeout(idle, ws.next())
        .await
        .map_err(|_| Error::Timeout {
            what: "the pty connected frame",
            after: idle,
        })?;
    let mode = match first {
        Some(Ok(Message::Text(t))) => {
            let v: serde_json::Value = serde_json::from_str(t.as_str())
                .map_err(|e| protocol(format!("bad first frame: {e}")))?;
            match v.get("type").and_then(|t| t.as_str()) {
                Some("connected") => match v.get("mode").and_then(|m| m.as_str()) {
                    Some("pipe") => PtyMode::Pipe,
                    _ => PtyMode::Pty,
                },
                Some("error") => return Err(error_frame(&v, session_id)),
                _ => return Err(protocol(format!("expected a connected frame, got {t}"))),
            }
        }
        Some(Ok(Message::Close(frame))) => return Err(closed(frame, session_id)),
        Some(Ok(other)) => {
            return Err(protocol(format!(
                "expected a connected frame, got {other:?}"
            )));
        }
        Some(Err(e)) => return Err(Error::transport("pty connection", true, e)),
        None => return Err(Error::stream("the pty connection closed before connecting")),
    };
    let (out_tx, out_rx) = mpsc::channel(STDIN_QUEUE);
    let (frame_tx, frame_rx) = mpsc::channel(FRAME_QUEUE);
    let task = tokio::spawn(run(ws, out_rx, frame_tx, session_id.to_owned(), idle));
    Ok((out_tx, frame_rx, mode, task))
}

pub(super) fn protocol(msg: String) -> Error {
    Error::Pty(Box::new(PtyError::Protocol(msg)))
}

pub(super) fn error_frame(v: &serde_json::Value, session_id: &str) -> Error {
    let code = PtyErrorCode::parse(v.get("code").and_then(|c| c.as_str()).unwrap_or(""));
    let message = v
        .get("error")
        .or_else(|| v.get("message"))
        .and_then(|m| m.as_str())
        .unwrap_or("")
        .to_owned();
    let e = match code {
        PtyErrorCode::AlreadyConnected => PtyError::AlreadyAttached {
            session_id: session_id.to_owned(),
        },
        PtyErrorCode::TakenOver => PtyError::TakenOver {
            session_id: session_id.to_owned(),
        },
        code => PtyError::Server { code, message },
    };
    Error::Pty(Box::new(e))
}

pub(super) fn closed(
    frame: Option<tokio_tungstenite::tungstenite::protocol::CloseFrame>,
    session_id: &str,
) -> Error {
    match frame {
        Some(f) if u16::from(f.code) == CLOSE_TAKEN_OVER || f.reason.as_str() == "TAKEN_OVER" => {
            Error::Pty(Box::new(PtyError::TakenOver {
                session_id: session_id.to_owned(),
            }))
        }
        Some(f) if f.code != CloseCode::Normal => Error::Transport {
            message: format!(
                "the pty connection was closed ({}: {})",
                u16::from(f.code),
                f.reason
            ),
            sent: true,
            source: None,
        },
        _ => Error::Transport {
            message: "the pty connection was closed before the shell exited".into(),
            sent: true,
            source: None,
        },
    }
}

/// The socket task: frames in, frames out, until exit, close, error or the session is
/// dropped.
pub(super) async fn run(
    mut ws: WebSocket,
    mut out: mpsc::Receiver<Message>,
    frames: mpsc::Sender<FrameSlot>,
    session_id: String,
    idle: std::time::Duration,
) {
    let send = |f: Frame| {
        let frames = frames.clone();
        async move { frames.send(FrameSlot(f)).await.is_ok() }
    };
    loop {
        tokio::select! {
            msg = out.recv() => match msg {
                Some(m) => {
                    let close = matches!(m, Message::Close(_));
                    if let Err(e) = ws.send(m).await {
                        send(Frame::Failed(Error::transport("pty connection", true, e))).await;
                        return;
                    }
                    if close {
                        return;
                    }
                }
                None => {
                    let _ = ws.close(None).await;
                    return;
                }
            },
            msg = tokio::time::timeout(idle, ws.next()) => {
                let frame = match msg {
                    Err(_) => Frame::Failed(Error::Timeout { what: "pty connection idle", after: idle }),
                    Ok(None) => Frame::Failed(closed(None, &session_id)),
                    Ok(Some(Err(e))) => Frame::Failed(Error::transport("pty connection", true, e)),
                    Ok(Some(Ok(m))) => match decode(m, &session_id) {
                        Some(f) => f,
                        None => continue,
                    },
                };
                let last = matches!(frame, Frame::Exit(_) | Frame::Failed(_));
                if !send(frame).await || last {
                    let _ = ws.close(None).await;
                    return;
                }
            }
        }
    }
}

/// One server frame; `None` for frames with nothing to report (pings, pongs).
pub(super) fn decode(msg: Message, session_id: &str) -> Option<Frame> {
    match msg {
        Message::Binary(b) => Some(match b.first() {
            Some(0x01) => Frame::Data(PtyStreamKind::Stdout, b.slice(1..)),
            Some(0x02) => Frame::Data(PtyStreamKind::Stderr, b.slice(1..)),
            Some(0x03) if b.len() >= 9 => {
                let mut off = [0u8; 8];
                off.copy_from_slice(&b[1..9]);
                Frame::Replay(u64::from_be_bytes(off), b.slice(9..))
            }
            other => Frame::Failed(protocol(format!("unknown binary frame kind {other:?}"))),
        }),
        Message::Text(t) => {
            let v: serde_json::Value = match serde_json::from_str(t.as_str()) {
                Ok(v) => v,
                Err(e) => return Some(Frame::Failed(protocol(format!("bad text frame: {e}")))),
            };
            match v.get("type").and_then(|t| t.as_str()) {
                Some("exit") => {
                    let code = v
                        .get("exit_code")
                        .and_then(|c| c.as_i64())
                        .and_then(|c| i32::try_from(c).ok());
                    Some(match code {
                        Some(c) => Frame::Exit(c),
                        None => Frame::Failed(protocol(format!("exit frame without a code: {t}"))),
                    })
                }
                Some("error") => Some(Frame::Failed(error_frame(&v, session_id))),
                Some("pong") | Some("connected") => None,
                // Frame types added later are skipped, not fatal.
                _ => {
                    tracing::debug!(frame = %t, "unknown pty frame");
                    None
                }
            }
        }
        Message::Close(frame) => Some(Frame::Failed(closed(frame, session_id))),
        Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => None,
    }
}

pub(super) fn closed_for_writes() -> Error {
    Error::stream("the pty connection is closed; reattach to continue")
}

pub(super) fn to_io(e: Error) -> io::Error {
    io::Error::other(e)
}
