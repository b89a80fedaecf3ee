//! The command line: global flags and the command groups (clap derive).

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, Args, Parser, Subcommand};

use crate::cmd;
use crate::output::Format;
use crate::settings::{Given, Source};

const AFTER_HELP: &str = "\
Settings come from flags, then OPEN_SANDBOX_* environment variables, then the config file
(`osb config path`), then defaults.

Exit codes: 0 success; 1 other failure; 2 usage error; 3 not found; 4 API error (including
a rejected API key); 5 transport failure (no connection, TLS, timeout); 130 interrupted.
`osb command run` exits with the remote command's exit code.";

/// `osb`: manage OpenSandbox sandboxes from a terminal or a script.
#[derive(Debug, Parser)]
#[command(name = "osb", version, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// Flags every command accepts.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command.
    #[command(subcommand)]
    pub command: Group,
}

/// Flags every command accepts.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Lifecycle server: host[:port][/prefix] or a URL [default: localhost:8080].
    #[arg(
        long,
        global = true,
        env = "OPEN_SANDBOX_DOMAIN",
        value_name = "DOMAIN"
    )]
    pub domain: Option<String>,
    /// Lifecycle API key (never printed).
    #[arg(
        long,
        global = true,
        env = "OPEN_SANDBOX_API_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    pub api_key: Option<String>,
    /// Protocol of the lifecycle server and sandbox endpoints [default: http].
    #[arg(long, global = true, env = "OPEN_SANDBOX_PROTOCOL", value_parser = ["http", "https"])]
    pub protocol: Option<String>,
    /// Reach sandboxes through the lifecycle server's proxy (for servers whose sandbox
    /// addresses are not reachable from here).
    #[arg(
        long,
        global = true,
        env = "OPEN_SANDBOX_SERVER_PROXY",
        num_args = 0..=1,
        default_missing_value = "true",
        value_name = "BOOL",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub server_proxy: Option<bool>,
    /// Timeout of ordinary (non-streaming) calls, in seconds [default: 30].
    #[arg(
        long,
        global = true,
        env = "OPEN_SANDBOX_REQUEST_TIMEOUT",
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub request_timeout: Option<u64>,
    /// Output format [default: table].
    #[arg(short, long, global = true, env = "OPEN_SANDBOX_OUTPUT", value_enum)]
    pub output: Option<Format>,
    /// Config file [default: config.toml in the platform's config directory].
    #[arg(long, global = true, env = "OPEN_SANDBOX_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// No colors (also when NO_COLOR is set).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// More logging on stderr: -v info, -vv debug, -vvv trace. Secrets are never logged.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

impl GlobalArgs {
    /// The values given as flags or environment variables, each with where it came from.
    pub fn given(&self, matches: &ArgMatches) -> Given {
        let src = |id: &str| match matches.value_source(id) {
            Some(ValueSource::EnvVariable) => Source::Env,
            _ => Source::Flag,
        };
        Given {
            domain: self.domain.clone().map(|v| (v, src("domain"))),
            api_key: self.api_key.clone().map(|v| (v, src("api_key"))),
            protocol: self.protocol.clone().map(|v| (v, src("protocol"))),
            server_proxy: self.server_proxy.map(|v| (v, src("server_proxy"))),
            output: self.output.map(|v| (v, src("output"))),
            request_timeout: self.request_timeout.map(|v| (v, src("request_timeout"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        super::Cli::command().debug_assert();
    }
}

/// The command groups.
#[derive(Debug, Subcommand)]
pub enum Group {
    /// Create, list, inspect and manage sandboxes.
    #[command(subcommand)]
    Sandbox(cmd::sandbox::SandboxCmd),
    /// Run commands in a sandbox, follow background commands, bash sessions.
    #[command(subcommand)]
    Command(cmd::command::CommandCmd),
    /// Read, write and manage files in a sandbox.
    #[command(subcommand)]
    File(cmd::file::FileCmd),
    /// Copy a file into or out of a sandbox: `osb cp LOCAL ID:PATH`, `osb cp ID:PATH
    /// LOCAL` (`-` is stdin or stdout).
    Cp(cmd::cp::CpArgs),
    /// Open an interactive shell in a sandbox (Ctrl-] detaches).
    Shell(cmd::shell::ShellArgs),
    /// Read and change a sandbox's outbound network policy.
    #[command(subcommand)]
    Egress(cmd::egress::EgressCmd),
    /// Manage a sandbox's credential vault (metadata only; values are never shown).
    #[command(subcommand, visible_alias = "credential-vault")]
    Vault(cmd::vault::VaultCmd),
    /// Create, list, inspect and delete snapshots.
    #[command(subcommand)]
    Snapshot(cmd::snapshot::SnapshotCmd),
    /// Read a sandbox's diagnostic logs and events.
    #[command(subcommand)]
    Diagnostics(cmd::diagnostics::DiagnosticsCmd),
    /// Show and change the config file.
    #[command(subcommand)]
    Config(cmd::config::ConfigCmd),
    /// Print a shell completion script.
    Completions(cmd::completions::CompletionsArgs),
    /// Start a local development server in the foreground (no isolation: for
    /// development only).
    Dev(cmd::dev::DevArgs),
}
