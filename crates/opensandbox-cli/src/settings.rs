//! Settings: flags, then the `OPEN_SANDBOX_*` environment, then the config file, then
//! defaults. The config file is TOML in the platform's config directory
//! (`~/.config/opensandbox/config.toml` on Linux), or the path in `--config` /
//! `OPEN_SANDBOX_CONFIG`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::exit::CliError;
use crate::output::Format;

/// The keys `osb config set/get` accepts, with what each one means.
pub const KEYS: &[(&str, &str)] = &[
    ("domain", "lifecycle server, host[:port][/prefix] or a URL"),
    ("api_key", "lifecycle API key (never printed)"),
    ("protocol", "http or https"),
    (
        "server_proxy",
        "reach sandboxes through the server's proxy: true or false",
    ),
    ("output", "default output format: table, json or yaml"),
    ("request_timeout", "timeout of unary calls, in seconds"),
];

/// The contents of the config file. Unknown keys are kept when the file is rewritten.
/// `Debug` prints the API key as `***`.
#[derive(Default, Clone, Serialize, Deserialize)]
pub struct FileConfig {
    /// See [`KEYS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// See [`KEYS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// See [`KEYS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// See [`KEYS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_proxy: Option<bool>,
    /// See [`KEYS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// See [`KEYS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout: Option<u64>,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub other: BTreeMap<String, toml::Value>,
}

impl std::fmt::Debug for FileConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileConfig")
            .field("domain", &self.domain)
            .field("api_key", &self.api_key.as_ref().map(|_| "***"))
            .field("protocol", &self.protocol)
            .field("server_proxy", &self.server_proxy)
            .field("output", &self.output)
            .field("request_timeout", &self.request_timeout)
            .finish_non_exhaustive()
    }
}

impl FileConfig {
    /// Reads `path`; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<Self, CliError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(CliError::usage(format!(
                    "cannot read config file {}: {e}",
                    path.display()
                )));
            }
        };
        toml::from_str(&text).map_err(|e| {
            CliError::usage(format!("config file {} is not valid: {e}", path.display()))
        })
    }

    /// Writes the config to `path` (created with its folder; readable by the user only,
    /// since it may hold the API key).
    pub fn save(&self, path: &Path) -> Result<(), CliError> {
        let text = toml::to_string(self)
            .map_err(|e| CliError::failure(format!("cannot encode the config: {e}")))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| CliError::failure(format!("cannot create {}: {e}", dir.display())))?;
        }
        write_private(path, text.as_bytes())
            .map_err(|e| CliError::failure(format!("cannot write {}: {e}", path.display())))
    }

    /// Sets `key` to `value`, checking both.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), CliError> {
        match key {
            "domain" => self.domain = Some(non_empty(key, value)?),
            "api_key" => self.api_key = Some(non_empty(key, value)?),
            "protocol" => self.protocol = Some(parse_protocol(value)?),
            "server_proxy" => self.server_proxy = Some(parse_bool(key, value)?),
            "output" => self.output = Some(Format::parse(value)?.as_str().to_owned()),
            "request_timeout" => self.request_timeout = Some(parse_seconds(key, value)?),
            _ => return Err(unknown_key(key)),
        }
        Ok(())
    }

    /// Removes `key`.
    pub fn unset(&mut self, key: &str) -> Result<(), CliError> {
        match key {
            "domain" => self.domain = None,
            "api_key" => self.api_key = None,
            "protocol" => self.protocol = None,
            "server_proxy" => self.server_proxy = None,
            "output" => self.output = None,
            "request_timeout" => self.request_timeout = None,
            _ => return Err(unknown_key(key)),
        }
        Ok(())
    }
}

fn unknown_key(key: &str) -> CliError {
    let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
    CliError::usage(format!(
        "unknown config key {key:?}; known keys: {}",
        known.join(", ")
    ))
}

fn non_empty(key: &str, value: &str) -> Result<String, CliError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(CliError::usage(format!("{key} cannot be empty")));
    }
    Ok(v.to_owned())
}

/// Checks a protocol value.
pub fn parse_protocol(value: &str) -> Result<String, CliError> {
    match value.trim().to_ascii_lowercase().as_str() {
        p @ ("http" | "https") => Ok(p.to_owned()),
        _ => Err(CliError::usage(format!(
            "protocol must be http or https, not {value:?}"
        ))),
    }
}

fn parse_bool(key: &str, value: &str) -> Result<bool, CliError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(CliError::usage(format!(
            "{key} must be true or false, not {value:?}"
        ))),
    }
}

fn parse_seconds(key: &str, value: &str) -> Result<u64, CliError> {
    match value.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(CliError::usage(format!(
            "{key} must be a whole number of seconds above 0, not {value:?}"
        ))),
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = path.with_extension("toml.tmp");
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

/// The config file's path: `explicit` (from `--config` / `OPEN_SANDBOX_CONFIG`), else
/// `config.toml` in the platform's config directory.
pub fn config_path(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
    if let Some(p) = explicit {
        return Ok(p.to_owned());
    }
    directories::ProjectDirs::from("", "", "opensandbox")
        .map(|d| d.config_dir().join("config.toml"))
        .ok_or_else(|| {
            CliError::usage("no home directory to keep the config file in; pass --config PATH")
        })
}

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A command-line flag.
    Flag,
    /// An `OPEN_SANDBOX_*` variable.
    Env,
    /// The config file.
    File,
    /// The built-in default.
    Default,
}

/// One resolved setting.
#[derive(Debug, Clone)]
pub struct Setting<T> {
    /// The value (`None`: unset everywhere, no default).
    pub value: Option<T>,
    /// Where it came from.
    pub source: Source,
}

impl<T> Setting<T> {
    /// The first of the flag/env value (`given`, with its source) and the file value.
    fn pick(given: Option<(T, Source)>, file: Option<T>) -> Self {
        match (given, file) {
            (Some((v, s)), _) => Setting {
                value: Some(v),
                source: s,
            },
            (None, Some(v)) => Setting {
                value: Some(v),
                source: Source::File,
            },
            (None, None) => Setting {
                value: None,
                source: Source::Default,
            },
        }
    }
}

/// Values given on the command line or in the environment, each with its source.
#[derive(Default)]
pub struct Given {
    /// `--domain` / `OPEN_SANDBOX_DOMAIN`.
    pub domain: Option<(String, Source)>,
    /// `--api-key` / `OPEN_SANDBOX_API_KEY`.
    pub api_key: Option<(String, Source)>,
    /// `--protocol` / `OPEN_SANDBOX_PROTOCOL`.
    pub protocol: Option<(String, Source)>,
    /// `--server-proxy` / `OPEN_SANDBOX_SERVER_PROXY`.
    pub server_proxy: Option<(bool, Source)>,
    /// `--output` / `OPEN_SANDBOX_OUTPUT`.
    pub output: Option<(Format, Source)>,
    /// `--request-timeout` / `OPEN_SANDBOX_REQUEST_TIMEOUT`.
    pub request_timeout: Option<(u64, Source)>,
}

/// Every setting, resolved. `Debug` prints the API key as `***`.
#[derive(Clone)]
pub struct Resolved {
    /// The lifecycle server.
    pub domain: Setting<String>,
    /// The API key (a secret: never printed).
    pub api_key: Setting<String>,
    /// `http` or `https`.
    pub protocol: Setting<String>,
    /// Whether sandbox endpoints go through the server proxy.
    pub server_proxy: Setting<bool>,
    /// The output format.
    pub output: Setting<Format>,
    /// Timeout of unary calls, seconds.
    pub request_timeout: Setting<u64>,
}

impl std::fmt::Debug for Resolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.listing()).finish()
    }
}

impl Resolved {
    /// Resolves `given` over the config file `file`.
    pub fn resolve(given: Given, file: &FileConfig) -> Result<Self, CliError> {
        let file_protocol = file.protocol.as_deref().map(parse_protocol).transpose()?;
        let file_output = file.output.as_deref().map(Format::parse).transpose()?;
        let mut output = Setting::pick(given.output, file_output);
        if output.value.is_none() {
            output.value = Some(Format::Table);
        }
        Ok(Resolved {
            domain: Setting::pick(given.domain, file.domain.clone()),
            api_key: Setting::pick(given.api_key, file.api_key.clone()),
            protocol: Setting::pick(given.protocol, file_protocol),
            server_proxy: Setting::pick(given.server_proxy, file.server_proxy),
            output,
            request_timeout: Setting::pick(given.request_timeout, file.request_timeout),
        })
    }

    /// The output format in force.
    pub fn format(&self) -> Format {
        self.output.value.unwrap_or(Format::Table)
    }

    /// Every setting as `(key, printable value, source)`; the API key prints as `***`.
    pub fn listing(&self) -> Vec<(&'static str, Option<String>, Source)> {
        vec![
            ("domain", self.domain.value.clone(), self.domain.source),
            (
                "api_key",
                self.api_key.value.as_ref().map(|_| "***".to_owned()),
                self.api_key.source,
            ),
            (
                "protocol",
                self.protocol.value.clone(),
                self.protocol.source,
            ),
            (
                "server_proxy",
                self.server_proxy.value.map(|b| b.to_string()),
                self.server_proxy.source,
            ),
            (
                "output",
                self.output.value.map(|f| f.as_str().to_owned()),
                self.output.source,
            ),
            (
                "request_timeout",
                self.request_timeout.value.map(|s| s.to_string()),
                self.request_timeout.source,
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_env_win_over_the_file() {
        let mut file = FileConfig::default();
        file.set("domain", "file:1").unwrap();
        file.set("protocol", "https").unwrap();
        let given = Given {
            domain: Some(("flag:2".into(), Source::Flag)),
            ..Default::default()
        };
        let r = Resolved::resolve(given, &file).unwrap();
        assert_eq!(r.domain.value.as_deref(), Some("flag:2"));
        assert_eq!(r.domain.source, Source::Flag);
        assert_eq!(r.protocol.value.as_deref(), Some("https"));
        assert_eq!(r.protocol.source, Source::File);
        assert_eq!(r.api_key.source, Source::Default);
        assert_eq!(r.format(), Format::Table);
    }

    #[test]
    fn bad_values_and_keys_are_usage_errors() {
        let mut file = FileConfig::default();
        for (k, v) in [
            ("protocol", "ftp"),
            ("server_proxy", "maybe"),
            ("request_timeout", "0"),
            ("output", "xml"),
            ("domain", " "),
            ("colour", "red"),
        ] {
            let e = file.set(k, v).unwrap_err();
            assert_eq!(e.kind, crate::exit::Kind::Usage, "{k}={v}");
        }
    }

    #[test]
    fn the_key_is_masked_in_listings_and_the_file_round_trips() {
        let dir = std::env::temp_dir().join(format!("osb-settings-{}", std::process::id()));
        let path = dir.join("config.toml");
        let mut file = FileConfig::default();
        file.set("api_key", "s3cret").unwrap();
        file.set("server_proxy", "yes").unwrap();
        file.save(&path).unwrap();
        let back = FileConfig::load(&path).unwrap();
        assert_eq!(back.api_key.as_deref(), Some("s3cret"));
        assert_eq!(back.server_proxy, Some(true));
        let r = Resolved::resolve(Given::default(), &back).unwrap();
        let listing = format!("{:?}", r.listing());
        assert!(!listing.contains("s3cret"), "{listing}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "config file readable by others: {mode:o}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
