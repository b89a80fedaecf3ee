//! `osb config …`: the config file.

use clap::Subcommand;
use serde_json::json;

use super::Ctx;
use crate::exit::{CliError, OK, Outcome};
use crate::output::{Format, write_stdout};
use crate::settings::{FileConfig, KEYS};

/// `osb config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Store a setting in the config file.
    Set {
        /// Key: domain, api_key, protocol, server_proxy, output, request_timeout.
        key: String,
        /// Value.
        value: String,
    },
    /// Print a setting in force (the API key prints as ***).
    Get {
        /// Key.
        key: String,
    },
    /// Remove a setting from the config file.
    Unset {
        /// Key.
        key: String,
    },
    /// Show every setting in force and where it comes from.
    #[command(visible_alias = "show")]
    List,
    /// Print the config file's path.
    Path,
}

/// Runs an `osb config` command.
pub fn run(ctx: &Ctx, cmd: ConfigCmd) -> Outcome {
    let path = &ctx.config_path;
    let out = ctx.out;
    match cmd {
        ConfigCmd::Set { key, value } => {
            let mut file = FileConfig::load(path)?;
            file.set(&key, &value)?;
            file.save(path)?;
            let shown = if key == "api_key" {
                "***"
            } else {
                value.as_str()
            };
            out.message(
                &format!("{key} = {shown} (in {})", path.display()),
                &json!({ "key": key, "value": shown, "path": path }),
            )?;
        }
        ConfigCmd::Unset { key } => {
            let mut file = FileConfig::load(path)?;
            file.unset(&key)?;
            file.save(path)?;
            out.message(
                &format!("{key} removed"),
                &json!({ "key": key, "removed": true }),
            )?;
        }
        ConfigCmd::Get { key } => {
            let listing = ctx.settings.listing();
            let Some((_, value, source)) = listing.into_iter().find(|(k, _, _)| *k == key) else {
                let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
                return Err(CliError::usage(format!(
                    "unknown config key {key:?}; known keys: {}",
                    known.join(", ")
                )));
            };
            match out.format {
                Format::Table => {
                    let text = value.unwrap_or_default();
                    write_stdout(format!("{text}\n").as_bytes())?;
                }
                _ => out.value(
                    &json!({ "key": key, "value": value, "source": source }),
                    &[],
                )?,
            }
        }
        ConfigCmd::List => {
            let rows: Vec<_> = ctx
                .settings
                .listing()
                .into_iter()
                .map(|(k, v, s)| json!({ "key": k, "value": v, "source": s }))
                .collect();
            out.value(
                &rows,
                &[("KEY", "/key"), ("VALUE", "/value"), ("SOURCE", "/source")],
            )?;
        }
        ConfigCmd::Path => write_stdout(format!("{}\n", path.display()).as_bytes())?,
    }
    Ok(OK)
}
