//! What execd reports: files, code contexts and command states.

use chrono::{DateTime, Utc};

use super::open_enum::open_enum;
use crate::api::execd::types as xt;

open_enum! {
    /// What kind of entry a path is.
    pub enum FileKind {
        /// A regular file.
        File => "file",
        /// A directory.
        Directory => "directory",
        /// A symbolic link.
        Symlink => "symlink",
    }
}

/// Metadata of a file or directory in a sandbox. Servers may leave out any field but
/// the path.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct FileInfo {
    /// The absolute path.
    pub path: String,
    /// Size in bytes.
    pub size: Option<u64>,
    /// What kind of entry it is.
    pub kind: Option<FileKind>,
    /// Permission bits (`0o755`; print with `{:o}`).
    pub mode: Option<u32>,
    /// The owning user.
    pub owner: Option<String>,
    /// The owning group.
    pub group: Option<String>,
    /// When it was created.
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last modified.
    pub modified_at: Option<DateTime<Utc>>,
}

impl FileInfo {
    /// Whether it is a directory.
    #[must_use]
    pub fn is_dir(&self) -> bool {
        self.kind == Some(FileKind::Directory)
    }
}

impl From<xt::FileInfo> for FileInfo {
    fn from(f: xt::FileInfo) -> Self {
        FileInfo {
            path: f.path,
            size: f.size.and_then(|s| u64::try_from(s).ok()),
            kind: f.type_.map(|t| FileKind::parse(&t.to_string())),
            // execd writes the octal digits as a decimal number (`755`).
            mode: f
                .mode
                .and_then(|m| u32::from_str_radix(&m.to_string(), 8).ok()),
            owner: f.owner,
            group: f.group,
            created_at: f.created_at,
            modified_at: f.modified_at,
        }
    }
}

/// An interpreter context: state (variables, imports) kept between code runs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CodeContext {
    /// The context id (servers may omit it for the default context of a language).
    pub id: Option<String>,
    /// The language (`python`, `javascript`, …).
    pub language: String,
}

impl CodeContext {
    /// A reference to an existing context, by id and language.
    #[must_use]
    pub fn new(id: impl Into<String>, language: impl Into<String>) -> Self {
        CodeContext {
            id: Some(id.into()),
            language: language.into(),
        }
    }
}

impl From<xt::CodeContext> for CodeContext {
    fn from(c: xt::CodeContext) -> Self {
        CodeContext {
            id: c.id,
            language: c.language,
        }
    }
}

impl From<&CodeContext> for xt::CodeContext {
    fn from(c: &CodeContext) -> Self {
        xt::CodeContext {
            id: c.id.clone(),
            language: c.language.clone(),
        }
    }
}

/// The state of a command execd runs or ran.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CommandStatus {
    /// The command id.
    pub id: Option<String>,
    /// The command line.
    pub command: Option<String>,
    /// Whether it is still running.
    pub running: Option<bool>,
    /// Its exit code, once it ended.
    pub exit_code: Option<i32>,
    /// Why it failed, when it did.
    pub error: Option<String>,
    /// When it started.
    pub started_at: Option<DateTime<Utc>>,
    /// When it ended.
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<xt::CommandStatusResponse> for CommandStatus {
    fn from(c: xt::CommandStatusResponse) -> Self {
        CommandStatus {
            id: c.id,
            command: c.content,
            running: c.running,
            exit_code: c.exit_code,
            error: c.error,
            started_at: c.started_at,
            finished_at: c.finished_at,
        }
    }
}

/// Owner, group and mode to give files or new directories
/// ([`Files::set_permissions`](crate::sandbox::Files::set_permissions),
/// [`Files::create_directories`](crate::sandbox::Files::create_directories)).
///
/// ```
/// use opensandbox::Permissions;
/// let p = Permissions::mode(0o750).owner("app").group("app");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Permissions {
    /// The permission bits (`0o755`).
    pub mode: u32,
    /// The owning user (unchanged when absent).
    pub owner: Option<String>,
    /// The owning group (unchanged when absent).
    pub group: Option<String>,
}

impl Permissions {
    /// These permission bits, owner and group unchanged.
    #[must_use]
    pub fn mode(mode: u32) -> Self {
        Permissions {
            mode,
            owner: None,
            group: None,
        }
    }

    /// Sets the owning user.
    #[must_use]
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Sets the owning group.
    #[must_use]
    pub fn group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }

    /// The wire form: execd writes the octal digits as a decimal number (`0o755` is
    /// sent as `755`).
    pub(crate) fn to_wire(&self) -> crate::Result<xt::Permission> {
        if self.mode > 0o7777 {
            return Err(crate::Error::InvalidInput(format!(
                "mode {:#o} has bits above 0o7777",
                self.mode
            )));
        }
        let digits = format!("{:o}", self.mode);
        let mode = digits
            .parse::<i64>()
            .map_err(|e| crate::Error::InvalidInput(format!("mode {:#o}: {e}", self.mode)))?;
        Ok(xt::Permission {
            mode,
            owner: self.owner.clone(),
            group: self.group.clone(),
        })
    }
}
