//! Files in a sandbox: streamed reads and writes, metadata, search, replace, moves,
//! deletes, directories and permissions.

use std::collections::BTreeMap;

use bytes::Bytes;
use futures::StreamExt;
use opensandbox::{Permissions, Sandbox, UploadFile};
use serde_json::Value;
use tokio::io::AsyncRead;

use super::sandbox::json_of;
use super::{Conn, OpResult};
use crate::exit::CliError;

/// Owner, group and mode of a file or directory (the mode as permission bits, `0o755`).
#[derive(Debug, Clone, Default)]
pub struct Perms {
    /// Owner user name.
    pub owner: Option<String>,
    /// Owner group name.
    pub group: Option<String>,
    /// Permission bits.
    pub mode: Option<u32>,
}

impl Perms {
    fn permissions(&self, default_mode: u32) -> Permissions {
        let mut p = Permissions::mode(self.mode.unwrap_or(default_mode));
        if let Some(o) = &self.owner {
            p = p.owner(o.clone());
        }
        if let Some(g) = &self.group {
            p = p.group(g.clone());
        }
        p
    }
}

/// A download in progress: its size when known and its chunks.
pub struct Reading {
    /// Bytes to come, when the server said.
    pub size: Option<u64>,
    /// The chunks, as they arrive.
    pub chunks: futures::stream::BoxStream<'static, OpResult<Bytes>>,
}

/// The files of one sandbox.
pub struct Files {
    sandbox: Sandbox,
}

impl Files {
    /// Connects to sandbox `id`.
    pub async fn connect(conn: &Conn, id: &str) -> OpResult<Self> {
        Ok(Files {
            sandbox: conn.sandbox(id).await?,
        })
    }

    /// Starts reading `path`.
    pub async fn read(&self, path: &str) -> OpResult<Reading> {
        let download = self.sandbox.files().download(path).await?;
        let size = download.content_length();
        let chunks = download.map(|c| c.map_err(CliError::from)).boxed();
        Ok(Reading { size, chunks })
    }

    /// Writes `path` from `reader` (`size` bytes when known), streamed.
    pub async fn write_from<R>(
        &self,
        path: &str,
        reader: R,
        size: Option<u64>,
        perms: &Perms,
    ) -> OpResult<()>
    where
        R: AsyncRead + Send + 'static,
    {
        let mut file = UploadFile::from_reader(path.to_owned(), reader, size);
        if let Some(o) = &perms.owner {
            file = file.owner(o.clone());
        }
        if let Some(g) = &perms.group {
            file = file.group(g.clone());
        }
        if let Some(m) = perms.mode {
            file = file.mode(m);
        }
        Ok(self.sandbox.files().upload([file]).await?)
    }

    /// Writes `content` to `path`.
    pub async fn write_bytes(&self, path: &str, content: Bytes, perms: &Perms) -> OpResult<()> {
        let size = content.len() as u64;
        let reader = std::io::Cursor::new(content);
        self.write_from(path, reader, Some(size), perms).await
    }

    /// Metadata of `paths`, keyed by path.
    pub async fn info(&self, paths: &[String]) -> OpResult<BTreeMap<String, Value>> {
        let map = self.sandbox.files().info(paths).await?;
        map.into_iter()
            .map(|(k, v)| Ok((k, json_of(&v)?)))
            .collect()
    }

    /// Files under `path` matching the glob `pattern`.
    pub async fn search(&self, path: &str, pattern: Option<&str>) -> OpResult<Vec<Value>> {
        let found = self.sandbox.files().search(path, pattern).await?;
        found.iter().map(json_of).collect()
    }

    /// The entries of directory `path`, `depth` levels deep.
    pub async fn list(&self, path: &str, depth: Option<u32>) -> OpResult<Vec<Value>> {
        let found = self.sandbox.files().list(path, depth).await?;
        found.iter().map(json_of).collect()
    }

    /// Replaces `old` by `new` in `path`; returns the number of replacements.
    pub async fn replace(&self, path: &str, old: &str, new: &str) -> OpResult<u64> {
        let done = self
            .sandbox
            .files()
            .replace_content([(path.to_owned(), old.to_owned(), new.to_owned())])
            .await?;
        Ok(done.values().sum())
    }

    /// Moves `from` to `to`.
    pub async fn rename(&self, from: &str, to: &str) -> OpResult<()> {
        Ok(self
            .sandbox
            .files()
            .rename([(from.to_owned(), to.to_owned())])
            .await?)
    }

    /// Deletes files.
    pub async fn remove(&self, paths: &[String]) -> OpResult<()> {
        Ok(self.sandbox.files().delete(paths).await?)
    }

    /// Creates directories (with parents).
    pub async fn mkdir(&self, paths: &[String], perms: &Perms) -> OpResult<()> {
        let entries = paths.iter().map(|p| (p.clone(), perms.permissions(0o755)));
        Ok(self.sandbox.files().create_directories(entries).await?)
    }

    /// Deletes directories recursively.
    pub async fn rmdir(&self, paths: &[String]) -> OpResult<()> {
        Ok(self.sandbox.files().delete_directories(paths).await?)
    }

    /// Sets owner, group and mode of `paths`.
    pub async fn chmod(&self, paths: &[String], perms: &Perms) -> OpResult<()> {
        let mode = perms
            .mode
            .ok_or_else(|| CliError::usage("chmod needs --mode"))?;
        let entries = paths.iter().map(|p| (p.clone(), perms.permissions(mode)));
        Ok(self.sandbox.files().set_permissions(entries).await?)
    }
}
