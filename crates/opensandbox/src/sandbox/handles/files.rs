//! [`Files`]: files and directories in a sandbox.

use std::collections::HashMap;
use std::fmt;
use std::ops::RangeBounds;
use std::path::Path;

use bytes::Bytes;

use crate::error::Result;
use crate::execd::{Download, LineRange, UploadFile};
use crate::model::{FileInfo, Permissions};
use crate::sandbox::ExecdSource;

/// Files and directories in a sandbox ([`Sandbox::files`](crate::Sandbox::files)).
///
/// Uploads and downloads stream: [`Files::upload`], [`Files::download`] and
/// [`Files::download_to_path`] never hold a whole file in memory. [`Files::read`] and
/// [`Files::read_to_string`] do, by design, bounded by
/// [`ClientOptions::max_response_body`](crate::ClientOptions::max_response_body).
#[derive(Clone)]
pub struct Files {
    source: ExecdSource,
}

impl fmt::Debug for Files {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Files")
            .field("execd", &self.source.get().base_url())
            .finish()
    }
}

fn wire_permissions<P: Into<String>>(
    entries: impl IntoIterator<Item = (P, Permissions)>,
) -> Result<Vec<(String, crate::api::execd::types::Permission)>> {
    entries
        .into_iter()
        .map(|(p, perm)| Ok((p.into(), perm.to_wire()?)))
        .collect()
}

impl Files {
    pub(crate) fn new(source: ExecdSource) -> Self {
        Files { source }
    }

    /// Writes `content` to `path` (created or replaced).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty path, the
    /// server's refusal, or a transport failure.
    pub async fn write(&self, path: &str, content: impl Into<Bytes>) -> Result<()> {
        self.source.get().write_file(path, content).await
    }

    /// Reads a whole file into memory (for large files, [`Files::download`]).
    ///
    /// # Errors
    ///
    /// The server's answer (404 for a missing file), a transport failure, or
    /// [`Error::Decode`](crate::Error::Decode) for a file over the response limit.
    pub async fn read(&self, path: &str) -> Result<Bytes> {
        self.source.get().read_file(path).await
    }

    /// Reads a file as (lossy) UTF-8 text, into memory.
    ///
    /// # Errors
    ///
    /// As [`Files::read`].
    pub async fn read_to_string(&self, path: &str) -> Result<String> {
        let bytes = self.source.get().read_file(path).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Reads the lines `range` of a text file.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for line 0 or zero lines,
    /// [`Error::Decode`](crate::Error::Decode) for text that is not UTF-8, and as
    /// [`Files::read`].
    pub async fn read_lines(&self, path: &str, range: LineRange) -> Result<String> {
        self.source.get().read_lines(path, range).await
    }

    /// Uploads files (streamed; metadata such as owner and mode per file).
    ///
    /// # Errors
    ///
    /// A local file that cannot be read ([`Error::Io`](crate::Error::Io)), the
    /// server's refusal, a transport failure, or an upload that stalls past the idle
    /// limit.
    pub async fn upload(&self, files: impl IntoIterator<Item = UploadFile>) -> Result<()> {
        self.source.get().upload(files).await
    }

    /// Downloads a file as a stream.
    ///
    /// # Errors
    ///
    /// The server's answer (404 for a missing file) or a transport failure; errors
    /// while reading come from the stream.
    pub async fn download(&self, path: &str) -> Result<Download> {
        self.source.get().download(path).await
    }

    /// Downloads a byte range of a file as a stream.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty range, and as
    /// [`Files::download`].
    pub async fn download_range(
        &self,
        path: &str,
        range: impl RangeBounds<u64>,
    ) -> Result<Download> {
        self.source.get().download_range(path, range).await
    }

    /// Downloads a file into a local path (written atomically); returns the bytes
    /// written.
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) naming the local path, and as
    /// [`Files::download`].
    pub async fn download_to_path(&self, path: &str, local: impl AsRef<Path>) -> Result<u64> {
        self.source.get().download_to_path(path, local).await
    }

    /// Metadata of files, by path.
    ///
    /// # Errors
    ///
    /// The server's answer (404 when a path is missing) or a transport failure.
    pub async fn info<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<HashMap<String, FileInfo>> {
        let all = self.source.get().file_info(paths).await?;
        Ok(all.into_iter().map(|(k, v)| (k, v.into())).collect())
    }

    /// Deletes files.
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn delete<P: AsRef<str>>(&self, paths: impl IntoIterator<Item = P>) -> Result<()> {
        self.source.get().delete_files(paths).await
    }

    /// Moves or renames files: `(source, destination)` pairs.
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn rename<S: Into<String>, D: Into<String>>(
        &self,
        moves: impl IntoIterator<Item = (S, D)>,
    ) -> Result<()> {
        self.source.get().move_files(moves).await
    }

    /// Sets owner, group and mode of files.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a mode over `0o7777`,
    /// the server's answer, or a transport failure.
    pub async fn set_permissions<P: Into<String>>(
        &self,
        entries: impl IntoIterator<Item = (P, Permissions)>,
    ) -> Result<()> {
        let entries = wire_permissions(entries)?;
        self.source.get().set_permissions(entries).await
    }

    /// Finds files under `path` matching a glob `pattern` (all files when `None`).
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn search(&self, path: &str, pattern: Option<&str>) -> Result<Vec<FileInfo>> {
        let all = self.source.get().search_files(path, pattern).await?;
        Ok(all.into_iter().map(Into::into).collect())
    }

    /// Replaces text in files: `(path, old, new)`; returns the replacements per file.
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn replace_content<P, O, N>(
        &self,
        replacements: impl IntoIterator<Item = (P, O, N)>,
    ) -> Result<HashMap<String, u64>>
    where
        P: Into<String>,
        O: Into<String>,
        N: Into<String>,
    {
        self.source.get().replace_content(replacements).await
    }

    /// Lists a directory, to `depth` levels (the server's default when `None`).
    ///
    /// # Errors
    ///
    /// The server's answer (404 for a missing directory) or a transport failure.
    pub async fn list(&self, path: &str, depth: Option<u32>) -> Result<Vec<FileInfo>> {
        let all = self.source.get().list_directory(path, depth).await?;
        Ok(all.into_iter().map(Into::into).collect())
    }

    /// Creates directories (with parents) with the given permissions.
    ///
    /// # Errors
    ///
    /// As [`Files::set_permissions`].
    pub async fn create_directories<P: Into<String>>(
        &self,
        entries: impl IntoIterator<Item = (P, Permissions)>,
    ) -> Result<()> {
        let entries = wire_permissions(entries)?;
        self.source.get().create_directories(entries).await
    }

    /// Deletes directories recursively.
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn delete_directories<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        self.source.get().delete_directories(paths).await
    }
}
