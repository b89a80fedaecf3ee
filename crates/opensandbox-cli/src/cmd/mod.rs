//! The commands: one module per group, each with its arguments (clap) and what it
//! does (through [`crate::ops`]).

pub mod command;
pub mod completions;
pub mod config;
pub mod cp;
pub mod dev;
pub mod diagnostics;
pub mod egress;
pub mod file;
pub mod sandbox;
pub mod shell;
pub mod snapshot;
pub mod vault;

use std::path::PathBuf;
use std::time::Duration;

use crate::cli::Group;
use crate::exit::{CliError, Outcome};
use crate::ops::Conn;
use crate::output::Out;
use crate::settings::Resolved;

/// What every command gets: settings, the output, the config file's path.
pub struct Ctx {
    /// The resolved settings.
    pub settings: Resolved,
    /// Where and how to print.
    pub out: Out,
    /// The config file.
    pub config_path: PathBuf,
}

impl Ctx {
    /// A connection to the configured server.
    pub fn conn(&self) -> Result<Conn, CliError> {
        Conn::new(&self.settings)
    }
}

/// Runs `command`.
pub async fn run(ctx: Ctx, command: Group) -> Outcome {
    match command {
        Group::Sandbox(c) => sandbox::run(&ctx, c).await,
        Group::Command(c) => command::run(&ctx, c).await,
        Group::File(c) => file::run(&ctx, c).await,
        Group::Cp(a) => cp::run(&ctx, a).await,
        Group::Shell(a) => shell::run(&ctx, a).await,
        Group::Egress(c) => egress::run(&ctx, c).await,
        Group::Vault(c) => vault::run(&ctx, c).await,
        Group::Snapshot(c) => snapshot::run(&ctx, c).await,
        Group::Diagnostics(c) => diagnostics::run(&ctx, c).await,
        Group::Config(c) => config::run(&ctx, c),
        Group::Completions(a) => completions::run(a),
        Group::Dev(a) => dev::run(&ctx, a).await,
    }
}

/// Ctrl-C (SIGINT), caught from now on: the handler is installed when this returns, so
/// a Ctrl-C after it is never lost to the default action (killing the process).
pub fn interrupts() -> Result<tokio::signal::unix::Signal, CliError> {
    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .map_err(|e| CliError::failure(format!("cannot catch Ctrl-C: {e}")))
}

/// Parses `KEY=VALUE` (clap value parser).
pub fn key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err(format!("expected KEY=VALUE, got {s:?}")),
    }
}

/// Parses a duration: `90` (seconds), `30s`, `10m`, `2h`, `1d`, or combinations such as
/// `1h30m` (clap value parser).
pub fn duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("empty duration".into());
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total: u64 = 0;
    let mut num = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(format!("invalid duration {s:?} (use e.g. 30s, 10m, 1h30m)")),
        };
        let n: u64 = num
            .parse()
            .map_err(|_| format!("invalid duration {s:?} (use e.g. 30s, 10m, 1h30m)"))?;
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| format!("duration {s:?} is too long"))?;
        num.clear();
    }
    if !num.is_empty() {
        return Err(format!(
            "invalid duration {s:?}: a number needs a unit (s, m, h, d)"
        ));
    }
    Ok(Duration::from_secs(total))
}

/// Parses a positive duration (clap value parser).
pub fn positive_duration(s: &str) -> Result<Duration, String> {
    let d = duration(s)?;
    if d.is_zero() {
        return Err("the duration must be longer than zero".into());
    }
    Ok(d)
}

/// Parses a file mode in octal (`644`, `0755`, `0o700`) into permission bits (clap
/// value parser).
pub fn mode(s: &str) -> Result<u32, String> {
    let t = s.trim();
    let digits = t.strip_prefix("0o").unwrap_or(t);
    let digits = if digits.len() > 3 {
        digits.trim_start_matches('0')
    } else {
        digits
    };
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| ('0'..='7').contains(&c)) {
        return Err(format!("invalid mode {s:?} (octal, e.g. 644 or 0755)"));
    }
    u32::from_str_radix(digits, 8).map_err(|_| format!("invalid mode {s:?}"))
}

/// Joins a command's words into one shell command line, quoting words that need it.
pub fn shell_join(words: &[String]) -> String {
    if words.len() == 1 {
        return words[0].clone();
    }
    words
        .iter()
        .map(|w| {
            if !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c))
            {
                w.clone()
            } else {
                format!("'{}'", w.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert!(duration("10x").is_err());
        assert!(duration("10m5").is_err());
        assert!(duration("").is_err());
        assert!(duration("99999999999999999999d").is_err());
        assert!(positive_duration("0s").is_err());
    }

    #[test]
    fn modes() {
        assert_eq!(mode("644"), Ok(0o644));
        assert_eq!(mode("0755"), Ok(0o755));
        assert_eq!(mode("0o700"), Ok(0o700));
        assert!(mode("0999").is_err());
        assert!(mode("rwx").is_err());
    }

    #[test]
    fn joining_keeps_words_apart() {
        assert_eq!(shell_join(&["echo hi; exit 3".into()]), "echo hi; exit 3");
        assert_eq!(
            shell_join(&["sh".into(), "-c".into(), "exit 3".into()]),
            "sh -c 'exit 3'"
        );
        assert_eq!(
            shell_join(&["echo".into(), "it's".into()]),
            r"echo 'it'\''s'"
        );
        assert_eq!(key_value("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert!(key_value("=x").is_err());
    }
}
