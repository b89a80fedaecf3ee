//! `osb cp`: copy a file into or out of a sandbox, streamed.

use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::exit::{CliError, OK, Outcome};
use crate::ops::files::{Files, Perms};
use crate::output::Format;
use crate::transfer::{self, Local};

/// `osb cp` arguments.
#[derive(Debug, Args)]
pub struct CpArgs {
    /// Source: a local path, `-` for stdin, or `ID:PATH`.
    pub src: String,
    /// Destination: `ID:PATH`, or a local path / `-` for stdout.
    pub dest: String,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Mode of an uploaded file (`644`).
    #[arg(long, value_parser = super::mode)]
    pub mode: Option<u32>,
}

/// A sandbox path, `ID:PATH` (an id has no `/`, so `./a:b` is a local path).
fn remote(s: &str) -> Option<(&str, &str)> {
    let (id, path) = s.split_once(':')?;
    if id.is_empty() || id.contains('/') || path.is_empty() {
        return None;
    }
    Some((id, path))
}

/// Runs `osb cp`.
pub async fn run(ctx: &Ctx, a: CpArgs) -> Outcome {
    let conn = ctx.conn()?;
    let progress = !a.quiet;
    let (direction, bytes) = match (remote(&a.src), remote(&a.dest)) {
        (None, Some((id, path))) => {
            let files = Files::connect(&conn, id).await?;
            let perms = Perms {
                mode: a.mode,
                ..Perms::default()
            };
            let n = transfer::upload(&files, &Local::parse(&a.src), path, &perms, progress).await?;
            ("upload", n)
        }
        (Some((id, path)), None) => {
            let files = Files::connect(&conn, id).await?;
            let dest = Local::parse(&a.dest);
            let n = transfer::download(&files, path, &dest, progress).await?;
            if dest == Local::Std {
                return Ok(OK);
            }
            ("download", n)
        }
        (Some(_), Some(_)) => {
            return Err(CliError::usage(
                "both sides are in a sandbox; one side of cp must be local",
            ));
        }
        (None, None) => {
            return Err(CliError::usage(
                "neither side is in a sandbox; write one side as ID:PATH",
            ));
        }
    };
    if ctx.out.format != Format::Table {
        ctx.out
            .value(&json!({ direction: true, "bytes": bytes }), &[])?;
    }
    Ok(OK)
}

#[cfg(test)]
mod tests {
    use super::remote;

    #[test]
    fn sandbox_paths() {
        assert_eq!(remote("abc:/tmp/x"), Some(("abc", "/tmp/x")));
        assert_eq!(remote("./abc:/tmp/x"), None);
        assert_eq!(remote("/tmp/x"), None);
        assert_eq!(remote("-"), None);
        assert_eq!(remote(":x"), None);
    }
}
