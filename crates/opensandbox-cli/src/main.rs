//! `osb`: the OpenSandbox command line.
//!
//! Layout: [`cli`] (flags and groups), [`cmd`] (one module per group), [`ops`] (every
//! call into the `opensandbox` SDK), [`output`] (table/JSON/YAML), [`settings`]
//! (flags > environment > config file), [`transfer`] (streamed copies), [`exit`]
//! (exit codes and the error type).

mod cli;
mod cmd;
mod exit;
mod ops;
mod output;
mod settings;
mod transfer;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches};

use crate::exit::{CliError, Kind};
use crate::output::Out;
use crate::settings::{FileConfig, Resolved};

fn main() -> ExitCode {
    let matches = match cli::Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(exit::USAGE);
        }
    };
    let color = !cli.global.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    init_tracing(cli.global.verbose, color);

    let ctx = match context(&cli, &matches, color) {
        Ok(c) => c,
        Err(e) => {
            report_error(&e, color);
            return e.exit_code();
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            report_error(&CliError::failure(format!("cannot start: {e}")), color);
            return ExitCode::from(exit::FAILURE);
        }
    };
    let result = runtime.block_on(cmd::run(ctx, cli.command));
    // A blocking stdin read may still be waiting: do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            report_error(&e, color);
            e.exit_code()
        }
    }
}

/// Settings resolved from flags, environment and config file, and the output.
fn context(cli: &cli::Cli, matches: &clap::ArgMatches, color: bool) -> Result<cmd::Ctx, CliError> {
    let config_path = settings::config_path(cli.global.config.as_deref())?;
    let file = FileConfig::load(&config_path)?;
    let settings = Resolved::resolve(cli.global.given(matches), &file)?;
    tracing::debug!(config = %config_path.display(), ?settings, "settings");
    let out = Out {
        format: settings.format(),
        color: color && std::io::stdout().is_terminal(),
    };
    Ok(cmd::Ctx {
        settings,
        out,
        config_path,
    })
}

/// Prints an error as one line on stderr (nothing for a closed stdout).
pub(crate) fn report_error(e: &CliError, color: bool) {
    if e.kind == Kind::BrokenPipe {
        return;
    }
    let prefix = if color && std::io::stderr().is_terminal() {
        "\x1b[31merror:\x1b[0m"
    } else {
        "error:"
    };
    let _ = output::write_stderr(format!("osb: {prefix} {e}\n").as_bytes());
}

/// Logging on stderr: warnings by default; `-v` info, `-vv` debug, `-vvv` trace for
/// `osb` and the SDK. Other crates stay at warnings below `-vvv`.
fn init_tracing(verbose: u8, color: bool) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::prelude::*;
    let level = match verbose {
        0 => LevelFilter::WARN,
        1 => LevelFilter::INFO,
        2 => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    };
    let others = if verbose >= 3 {
        LevelFilter::DEBUG
    } else {
        LevelFilter::WARN
    };
    let filter = Targets::new()
        .with_default(others)
        .with_target("osb", level)
        .with_target("opensandbox", level);
    let fmt = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(color && std::io::stderr().is_terminal())
        .with_target(false);
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .try_init();
}
