//! `osb command …`: run commands with streamed output, follow background commands,
//! bash sessions.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use clap::{Args, Subcommand};
use futures::{Stream, StreamExt};
use serde_json::json;

use super::{Ctx, key_value, positive_duration, shell_join};
use crate::exit::{CliError, INTERRUPTED, Kind, OK, Outcome};
use crate::ops::command::{CommandSpec, RunEvent, Runner};
use crate::output::{Columns, Format, write_stderr, write_stdout};

const STATUS_COLUMNS: Columns = &[
    ("ID", "/id"),
    ("RUNNING", "/running"),
    ("EXIT_CODE", "/exit_code"),
    ("STARTED", "/started_at"),
    ("FINISHED", "/finished_at"),
    ("ERROR", "/error"),
];

/// `osb command` subcommands.
#[derive(Debug, Subcommand)]
pub enum CommandCmd {
    /// Run a command and stream its output; exits with the command's exit code.
    Run(RunArgs),
    /// Show a command's state and exit code.
    Status {
        /// Sandbox id.
        id: String,
        /// Command id.
        command_id: String,
    },
    /// Print a background command's output.
    Logs {
        /// Sandbox id.
        id: String,
        /// Command id.
        command_id: String,
        /// Start at this byte offset (resume an earlier read or follow).
        #[arg(long, default_value_t = 0)]
        cursor: u64,
        /// Keep printing until the command ends, then exit with its exit code.
        #[arg(short, long)]
        follow: bool,
    },
    /// Interrupt a running command.
    Interrupt {
        /// Sandbox id.
        id: String,
        /// Command id.
        command_id: String,
    },
    /// Persistent bash sessions (directory and variables carry over).
    #[command(subcommand)]
    Session(SessionCmd),
}

/// `osb command run` arguments.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Sandbox id.
    pub id: String,
    /// Start it in the background and print its id.
    #[arg(short = 'd', long)]
    pub background: bool,
    /// Working directory.
    #[arg(short, long)]
    pub workdir: Option<String>,
    /// Kill it after this long (`30s`, `5m`).
    #[arg(short, long, value_parser = positive_duration)]
    pub timeout: Option<Duration>,
    /// Environment variable (repeatable).
    #[arg(short, long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub env: Vec<(String, String)>,
    /// The command, after `--`. One word is a shell command line; several words are
    /// quoted and joined.
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// `osb command session` subcommands.
#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// Open a session and print its id.
    Create {
        /// Sandbox id.
        id: String,
        /// Working directory.
        #[arg(short, long)]
        workdir: Option<String>,
    },
    /// Run a command line in a session; exits with its exit code.
    Run {
        /// Sandbox id.
        id: String,
        /// Session id.
        session_id: String,
        /// Working directory.
        #[arg(short, long)]
        workdir: Option<String>,
        /// Kill it after this long.
        #[arg(short, long, value_parser = positive_duration)]
        timeout: Option<Duration>,
        /// The command, after `--`.
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<String>,
    },
    /// Close a session, killing what still runs in it.
    #[command(visible_alias = "rm")]
    Delete {
        /// Sandbox id.
        id: String,
        /// Session id.
        session_id: String,
    },
}

/// Runs an `osb command` command.
pub async fn run(ctx: &Ctx, cmd: CommandCmd) -> Outcome {
    let conn = ctx.conn()?;
    let out = ctx.out;
    match cmd {
        CommandCmd::Run(a) => {
            let runner = Runner::connect(&conn, &a.id).await?;
            let spec = CommandSpec {
                command: shell_join(&a.command),
                cwd: a.workdir,
                timeout: a.timeout,
                env: a.env,
            };
            if a.background {
                let cid = runner.background(&spec).await?;
                if out.format == Format::Table {
                    write_stdout(format!("{cid}\n").as_bytes())?;
                } else {
                    out.value(&json!({ "id": cid }), &[])?;
                }
                return Ok(OK);
            }
            let sigint = super::interrupts()?;
            let events = runner.run(&spec).await?;
            pump(&runner, events, sigint).await
        }
        CommandCmd::Status { id, command_id } => {
            let runner = Runner::connect(&conn, &id).await?;
            out.value(&runner.status(&command_id).await?, STATUS_COLUMNS)?;
            Ok(OK)
        }
        CommandCmd::Logs {
            id,
            command_id,
            cursor,
            follow,
        } => {
            let runner = Runner::connect(&conn, &id).await?;
            if follow {
                return follow_logs(&runner, &command_id, cursor).await;
            }
            let (bytes, next) = runner.logs(&command_id, Some(cursor)).await?;
            if out.format == Format::Table {
                write_stdout(&bytes)?;
                if std::io::stderr().is_terminal()
                    && let Some(n) = next
                {
                    write_stderr(format!("[next cursor {n}]\n").as_bytes())?;
                }
            } else {
                let text = String::from_utf8_lossy(&bytes);
                out.value(&json!({ "output": text, "next_cursor": next }), &[])?;
            }
            Ok(OK)
        }
        CommandCmd::Interrupt { id, command_id } => {
            let runner = Runner::connect(&conn, &id).await?;
            runner.interrupt(&command_id).await?;
            out.message(
                &format!("interrupted {command_id}"),
                &json!({ "id": command_id, "interrupted": true }),
            )?;
            Ok(OK)
        }
        CommandCmd::Session(s) => session(ctx, s).await,
    }
}

async fn session(ctx: &Ctx, cmd: SessionCmd) -> Outcome {
    let conn = ctx.conn()?;
    let out = ctx.out;
    match cmd {
        SessionCmd::Create { id, workdir } => {
            let runner = Runner::connect(&conn, &id).await?;
            let sid = runner.create_session(workdir).await?;
            out.message(&sid, &json!({ "id": sid }))?;
            Ok(OK)
        }
        SessionCmd::Run {
            id,
            session_id,
            workdir,
            timeout,
            command,
        } => {
            let runner = Runner::connect(&conn, &id).await?;
            let sigint = super::interrupts()?;
            let events = runner
                .run_in_session(&session_id, &shell_join(&command), workdir, timeout)
                .await?;
            pump(&runner, events, sigint).await
        }
        SessionCmd::Delete { id, session_id } => {
            let runner = Runner::connect(&conn, &id).await?;
            runner.delete_session(&session_id).await?;
            out.message(
                &format!("closed {session_id}"),
                &json!({ "id": session_id, "closed": true }),
            )?;
            Ok(OK)
        }
    }
}

/// Writes a command's output as it arrives and ends with its exit code. Ctrl-C
/// interrupts the remote command and ends with 130; a closed stdout interrupts it too
/// and ends quietly.
async fn pump(
    runner: &Runner,
    events: impl Stream<Item = Result<RunEvent, CliError>>,
    mut sigint: tokio::signal::unix::Signal,
) -> Outcome {
    let mut events = std::pin::pin!(events);
    let mut command_id: Option<String> = None;
    loop {
        let event = tokio::select! {
            _ = sigint.recv() => {
                if let Some(cid) = &command_id
                    && let Err(e) = runner.interrupt(cid).await
                {
                    crate::report_error(&e, false);
                }
                let _ = write_stderr(b"osb: interrupted\n");
                return Ok(INTERRUPTED);
            }
            e = events.next() => e,
        };
        let written = match event {
            None => {
                return Err(CliError::failure(
                    "the command's output ended before its exit status",
                ));
            }
            Some(Err(e)) => return Err(e),
            Some(Ok(RunEvent::Started(id))) => {
                tracing::info!(command_id = %id, "command started");
                command_id = Some(id);
                Ok(())
            }
            Some(Ok(RunEvent::Stdout(t))) => write_all(&mut std::io::stdout(), t.as_bytes()),
            Some(Ok(RunEvent::Stderr(t))) => write_all(&mut std::io::stderr(), t.as_bytes()),
            Some(Ok(RunEvent::Exited(code))) => return Ok(exit_code(code)),
            Some(Ok(RunEvent::Failed(msg))) => return Err(CliError::failure(msg)),
        };
        if let Err(e) = written {
            let e = CliError::from(e);
            if e.kind == Kind::BrokenPipe
                && let Some(cid) = &command_id
            {
                let _ = runner.interrupt(cid).await;
            }
            return Err(e);
        }
    }
}

/// Prints a background command's output from `cursor` until it ends; exits with its
/// exit code. A failure or Ctrl-C says where to resume.
async fn follow_logs(runner: &Runner, command_id: &str, cursor: u64) -> Outcome {
    let mut sigint = super::interrupts()?;
    let mut chunks = std::pin::pin!(runner.follow(command_id, cursor));
    let mut at = cursor;
    loop {
        tokio::select! {
            _ = sigint.recv() => {
                let _ = write_stderr(format!("osb: interrupted; resume with --cursor {at}\n").as_bytes());
                return Ok(INTERRUPTED);
            }
            chunk = chunks.next() => match chunk {
                Some(Ok((bytes, next))) => {
                    write_stdout(&bytes)?;
                    at = next;
                }
                Some(Err(mut e)) => {
                    e.message = format!("{}; resume with --cursor {at}", e.message);
                    return Err(e);
                }
                None => break,
            },
        }
    }
    match runner.wait(command_id).await? {
        Some(code) => Ok(exit_code(code)),
        None => Err(CliError::failure(format!(
            "command {command_id} ended without an exit code"
        ))),
    }
}

fn write_all(w: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    w.write_all(bytes)?;
    w.flush()
}

/// A remote exit code as a process exit code (codes outside 0–255 become 1).
fn exit_code(code: i32) -> u8 {
    u8::try_from(code).unwrap_or(1)
}
