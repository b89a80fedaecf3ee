//! Files and directories: metadata, permissions, moves, search and replace, and
//! streamed uploads and downloads.
//!
//! Uploads and downloads never hold a whole file in memory: an upload is one
//! `multipart/form-data` request whose body is produced part by part as the server reads
//! it, and a download is a byte stream. Neither has a whole-request deadline (a large
//! file may take long); both are guarded by the idle watchdog
//! ([`ClientOptions::stream_idle_timeout`](crate::ClientOptions::stream_idle_timeout)).
//!
//! This module holds the metadata operations; the transfers live beside it:
//! `upload` (the multipart plan and body), `download` (the byte stream),
//! `ranges` (`Range` and `Content-Range`), `local` (atomic writes of a download to a
//! local path) and `watchdog` (the idle watchdog of both directions).

mod download;
mod local;
mod ranges;
mod upload;
mod watchdog;

use std::collections::HashMap;

use super::types::{FileInfo, Permission, RenameFileItem, ReplaceFileContentItem};
use super::{ExecdClient, check_path};
use crate::error::{Error, Result};

pub use download::Download;
pub use ranges::ContentRange;
pub use upload::UploadFile;

/// Checks a mode written as octal digits in decimal (`755`).
pub(crate) fn check_mode(mode: i64) -> Result<()> {
    let ok = (0..=7777).contains(&mode) && mode.to_string().bytes().all(|d| d <= b'7');
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "mode {mode} is not octal digits written in decimal (e.g. 644 or 755)"
        )))
    }
}

/// The paths of a many-path operation, checked; at least one.
fn collect_paths<P: AsRef<str>>(paths: impl IntoIterator<Item = P>) -> Result<Vec<String>> {
    let paths: Vec<String> = paths.into_iter().map(|p| p.as_ref().to_owned()).collect();
    if paths.is_empty() {
        return Err(Error::InvalidInput("no path given".into()));
    }
    for p in &paths {
        check_path("path", p)?;
    }
    Ok(paths)
}

/// The `(path, permission)` entries of a chmod or mkdir, checked; at least one.
fn permission_map<P: Into<String>>(
    entries: impl IntoIterator<Item = (P, Permission)>,
) -> Result<HashMap<String, Permission>> {
    let map: HashMap<String, Permission> = entries
        .into_iter()
        .map(|(p, perm)| (p.into(), perm))
        .collect();
    if map.is_empty() {
        return Err(Error::InvalidInput("no path given".into()));
    }
    for (p, perm) in &map {
        check_path("path", p)?;
        check_mode(perm.mode)?;
    }
    Ok(map)
}

/// Metadata operations: info, permissions, moves, search, replace, directories.
impl ExecdClient {
    /// Metadata of one or more paths, keyed by the path as given.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn file_info<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<HashMap<String, FileInfo>> {
        let paths = collect_paths(paths)?;
        let r = self
            .transport
            .run(self.api.get_files_info().path(paths).send())
            .await?;
        Ok(r.into_iter().collect())
    }

    /// Deletes files (not directories: see [`ExecdClient::delete_directories`]).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn delete_files<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        let paths = collect_paths(paths)?;
        self.transport
            .run(self.api.remove_files().path(paths).send())
            .await
    }

    /// Sets owner, group and mode of each path. `mode` is octal digits written in
    /// decimal (`755`).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn set_permissions<P: Into<String>>(
        &self,
        entries: impl IntoIterator<Item = (P, Permission)>,
    ) -> Result<()> {
        let body = permission_map(entries)?;
        self.transport
            .run(self.api.chmod_files().body(body).send())
            .await
    }

    /// Moves or renames files, `(from, to)` in order; each destination's directory must
    /// exist.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn move_files<S: Into<String>, D: Into<String>>(
        &self,
        moves: impl IntoIterator<Item = (S, D)>,
    ) -> Result<()> {
        let body: Vec<RenameFileItem> = moves
            .into_iter()
            .map(|(s, d)| RenameFileItem {
                src: s.into(),
                dest: d.into(),
            })
            .collect();
        if body.is_empty() {
            return Err(Error::InvalidInput("no move given".into()));
        }
        for m in &body {
            check_path("source path", &m.src)?;
            check_path("destination path", &m.dest)?;
        }
        self.transport
            .run(self.api.rename_files().body(body).send())
            .await
    }

    /// Finds files below `path` whose names match the glob `pattern` (`**` when
    /// `None`).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn search_files(&self, path: &str, pattern: Option<&str>) -> Result<Vec<FileInfo>> {
        check_path("path", path)?;
        self.transport
            .run({
                let mut b = self.api.search_files().path(path);
                if let Some(p) = pattern {
                    b = b.pattern(p);
                }
                b.send()
            })
            .await
    }

    /// Replaces every literal occurrence of `old` with `new` in each file, given as
    /// `(path, old, new)`, and returns the number of replacements per path (empty when
    /// the server made them but did not report counts).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn replace_content<P, O, N>(
        &self,
        replacements: impl IntoIterator<Item = (P, O, N)>,
    ) -> Result<HashMap<String, u64>>
    where
        P: Into<String>,
        O: Into<String>,
        N: Into<String>,
    {
        let mut body = HashMap::new();
        for (p, old, new) in replacements {
            let p = p.into();
            check_path("path", &p)?;
            let old = super::types::ReplaceFileContentItemOld::try_from(old.into())
                .map_err(|e| Error::InvalidInput(format!("the text to replace in {p}: {e}")))?;
            body.insert(
                p,
                ReplaceFileContentItem {
                    old,
                    new: new.into(),
                },
            );
        }
        if body.is_empty() {
            return Err(Error::InvalidInput("no replacement given".into()));
        }
        let r = self
            .transport
            .run(self.api.replace_content().verbose(true).body(body).send())
            .await;
        match r {
            Ok(r) => Ok(r
                .into_iter()
                .map(|(p, c)| (p, u64::try_from(c.replaced_count).unwrap_or(0)))
                .collect()),
            // Servers that ignore `verbose` answer 200 with no body: the replacements were
            // made, only the counts are unknown.
            Err(Error::Decode { snippet, .. }) if snippet.trim().is_empty() => Ok(HashMap::new()),
            Err(e) => Err(e),
        }
    }

    /// Lists the entries below `path` (not `path` itself), `depth` levels down
    /// (1 = direct children, the server default).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn list_directory(&self, path: &str, depth: Option<u32>) -> Result<Vec<FileInfo>> {
        check_path("path", path)?;
        let depth = depth
            .map(|d| {
                i32::try_from(d).map_err(|_| Error::InvalidInput(format!("depth {d} is too large")))
            })
            .transpose()?;
        self.transport
            .run({
                let mut b = self.api.list_directory().path(path);
                if let Some(d) = depth {
                    b = b.depth(d);
                }
                b.send()
            })
            .await
    }

    /// Creates directories with missing parents (`mkdir -p`) and applies owner, group
    /// and mode.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn create_directories<P: Into<String>>(
        &self,
        entries: impl IntoIterator<Item = (P, Permission)>,
    ) -> Result<()> {
        let body = permission_map(entries)?;
        self.transport
            .run(self.api.make_dirs().body(body).send())
            .await
    }

    /// Deletes directories with everything in them (`rm -rf`).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn delete_directories<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        let paths = collect_paths(paths)?;
        self.transport
            .run(self.api.remove_dirs().path(paths).send())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_are_octal_digits_in_decimal() {
        for ok in [0, 644, 755, 700, 1777, 7777] {
            assert!(check_mode(ok).is_ok(), "{ok}");
        }
        for bad in [0o755, 8, 999, 10000, -1] {
            assert!(check_mode(bad).is_err(), "{bad}");
        }
    }
}
