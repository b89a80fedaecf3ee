//! Downloads to a local path: written to a temporary file beside the target and renamed
//! into place only when complete, so a failed download leaves nothing half-written.

use std::io;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::StreamExt;
use futures::stream::BoxStream;

use crate::error::{Error, Result};
use crate::execd::ExecdClient;

/// The most bytes of a download to a path held in memory while the disk is busy.
const WRITE_BATCH: usize = 2 * 1024 * 1024;

/// Downloads to a local path.
impl ExecdClient {
    /// Downloads a file to a local path, streaming it to disk, and returns its size.
    ///
    /// A regular file (or a new one) is written to a temporary file beside it and
    /// renamed into place only when every byte arrived, so a failed download leaves the
    /// previous content, and no partial file, behind. A replaced file keeps its
    /// permissions (a `0600` key stays `0600`); a new file gets the mode `cp` would give
    /// (`0666` less the umask). A symbolic link is followed: the file it points to is
    /// replaced and the link stays (a dangling link is refused). Anything else that
    /// already exists at `local` (a device such as `/dev/null`, a FIFO) is written to
    /// directly and never removed or replaced. The destination's folder is checked
    /// before the request is sent.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] naming `local` when its folder does not exist or the disk refuses,
    /// and the download's own errors.
    pub async fn download_to_path(&self, path: &str, local: impl AsRef<Path>) -> Result<u64> {
        let local = local.as_ref();
        let io_err = |p: &Path, e: io::Error| Error::Io {
            path: p.display().to_string(),
            source: e,
        };
        let target = local_target(local).await.map_err(|e| io_err(local, e))?;
        let existing = match tokio::fs::metadata(&target).await {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io_err(local, e)),
        };
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            let download = self.download(path).await?;
            let file = tokio::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .await
                .map_err(|e| io_err(local, e))?
                .into_std()
                .await;
            return write_to_file(download.inner, file)
                .await
                .map_err(|e| match e {
                    WriteError::Body(e) => e,
                    WriteError::Disk(e) => io_err(local, e),
                });
        }
        let name = target
            .file_name()
            .ok_or_else(|| Error::InvalidInput(format!("{} names no file", local.display())))?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".part-{:016x}", fastrand::u64(..)));
        let temp = target.with_file_name(temp_name);
        let download = self.download(path).await?;
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .await
            .map_err(|e| io_err(local, e))?;
        if let Some(m) = &existing {
            // Keep the replaced file's permissions; a failure here fails the download.
            if let Err(e) = file.set_permissions(m.permissions()).await {
                drop(file);
                let _ = tokio::fs::remove_file(&temp).await;
                return Err(io_err(local, e));
            }
        }
        let written = write_to_file(download.inner, file.into_std().await)
            .await
            .map_err(|e| match e {
                WriteError::Body(e) => e,
                WriteError::Disk(e) => io_err(local, e),
            });
        match written {
            Ok(n) => match tokio::fs::rename(&temp, &target).await {
                Ok(()) => Ok(n),
                Err(e) => {
                    let _ = tokio::fs::remove_file(&temp).await;
                    Err(io_err(local, e))
                }
            },
            Err(e) => {
                let _ = tokio::fs::remove_file(&temp).await;
                Err(e)
            }
        }
    }
}

/// Where a download to `local` writes: `local`, or the file a symbolic link at `local`
/// points to (so the link survives). Fails, before anything is sent, when the folder
/// that would hold the file does not exist or a link dangles.
async fn local_target(local: &Path) -> io::Result<PathBuf> {
    let target = match tokio::fs::symlink_metadata(local).await {
        Ok(m) if m.file_type().is_symlink() => match tokio::fs::canonicalize(local).await {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    "it is a symbolic link to a file that does not exist",
                ));
            }
            Err(e) => return Err(e),
        },
        Ok(_) => local.to_path_buf(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => local.to_path_buf(),
        Err(e) => return Err(e),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match tokio::fs::metadata(&dir).await {
        Ok(m) if m.is_dir() => Ok(target),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            format!("{} is not a directory", dir.display()),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the directory {} does not exist", dir.display()),
        )),
        Err(e) => Err(e),
    }
}

/// Why writing a download to a file failed.
enum WriteError {
    /// The download broke.
    Body(Error),
    /// The local write failed.
    Disk(io::Error),
}

/// Writes a byte stream to a file on the blocking pool without copying it: each write
/// takes the chunks that arrived while the previous one ran (at most [`WRITE_BATCH`]
/// bytes wait; beyond that the download waits for the disk).
async fn write_to_file(
    mut body: BoxStream<'static, Result<Bytes>>,
    file: std::fs::File,
) -> std::result::Result<u64, WriteError> {
    use futures::future::{Either, select};
    use std::io::Write as _;

    type Job = tokio::task::JoinHandle<(std::fs::File, io::Result<()>)>;
    fn joined(
        r: std::result::Result<(std::fs::File, io::Result<()>), tokio::task::JoinError>,
    ) -> std::result::Result<std::fs::File, WriteError> {
        match r {
            Ok((f, Ok(()))) => Ok(f),
            Ok((_, Err(e))) => Err(WriteError::Disk(e)),
            Err(e) => Err(WriteError::Disk(io::Error::other(e))),
        }
    }

    let mut file = Some(file);
    let mut writing: Option<Job> = None;
    let mut batch: Vec<Bytes> = Vec::new();
    let mut batch_len = 0usize;
    let mut total = 0u64;
    let mut body_done = false;
    loop {
        if writing.is_none()
            && !batch.is_empty()
            && let Some(mut f) = file.take()
        {
            let chunks = std::mem::take(&mut batch);
            batch_len = 0;
            writing = Some(tokio::task::spawn_blocking(move || {
                let r = chunks.iter().try_for_each(|c| f.write_all(c));
                (f, r)
            }));
        }
        let must_wait = body_done || batch_len >= WRITE_BATCH;
        let item = match writing.as_mut() {
            None if must_wait => break,
            None => body.next().await,
            Some(job) if must_wait => {
                let r = job.await;
                writing = None;
                file = Some(joined(r)?);
                continue;
            }
            Some(job) => match select(job, body.next()).await {
                Either::Left((r, _)) => {
                    writing = None;
                    file = Some(joined(r)?);
                    continue;
                }
                Either::Right((item, _)) => item,
            },
        };
        match item {
            Some(Ok(chunk)) => {
                total += chunk.len() as u64;
                batch_len += chunk.len();
                batch.push(chunk);
            }
            Some(Err(e)) => return Err(WriteError::Body(e)),
            None => body_done = true,
        }
    }
    Ok(total)
}
