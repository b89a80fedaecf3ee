//! Streaming file transfers between here and a sandbox, with a progress bar on a
//! terminal only. Nothing is held whole in memory; a download goes to a temporary file
//! beside the destination and is renamed into place only once complete.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::StreamExt;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::io::{AsyncRead, AsyncWriteExt, ReadBuf};

use crate::exit::CliError;
use crate::ops::files::{Files, Perms};

/// Where a local side is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Local {
    /// Standard input or output (`-`).
    Std,
    /// A path.
    Path(PathBuf),
}

impl Local {
    /// `-` is stdin/stdout, anything else a path.
    pub fn parse(s: &str) -> Self {
        if s == "-" {
            Local::Std
        } else {
            Local::Path(PathBuf::from(s))
        }
    }
}

fn bar(total: Option<u64>, label: &str, show: bool) -> ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if total.is_some() {
        "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}"
    } else {
        "{msg} {bytes} {bytes_per_sec}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label.to_owned());
    bar
}

/// Counts bytes read through it onto a progress bar.
struct Counting<R> {
    inner: R,
    bar: ProgressBar,
}

impl<R: AsyncRead + Unpin> AsyncRead for Counting<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        let n = buf.filled().len() - before;
        self.bar.inc(n as u64);
        r
    }
}

/// Uploads `src` to `remote` (a path ending in `/` gets the local file's name).
/// Returns the bytes sent.
pub async fn upload(
    files: &Files,
    src: &Local,
    remote: &str,
    perms: &Perms,
    progress: bool,
) -> Result<u64, CliError> {
    match src {
        Local::Std => {
            let bar = bar(None, remote, progress);
            let reader = Counting {
                inner: tokio::io::stdin(),
                bar: bar.clone(),
            };
            files.write_from(remote, reader, None, perms).await?;
            bar.finish_and_clear();
            Ok(bar.position())
        }
        Local::Path(p) => {
            let file = tokio::fs::File::open(p)
                .await
                .map_err(|e| CliError::failure(format!("cannot open {}: {e}", p.display())))?;
            let meta = file
                .metadata()
                .await
                .map_err(|e| CliError::failure(format!("cannot read {}: {e}", p.display())))?;
            if meta.is_dir() {
                return Err(CliError::usage(format!(
                    "{} is a directory; copy files one by one",
                    p.display()
                )));
            }
            let remote = if remote.ends_with('/') {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                format!("{remote}{name}")
            } else {
                remote.to_owned()
            };
            let size = meta.len();
            let bar = bar(Some(size), &remote, progress);
            let reader = Counting {
                inner: file,
                bar: bar.clone(),
            };
            files.write_from(&remote, reader, Some(size), perms).await?;
            bar.finish_and_clear();
            Ok(size)
        }
    }
}

/// Downloads `remote` to `dest` (a directory gets the remote file's name). Returns the
/// bytes written.
pub async fn download(
    files: &Files,
    remote: &str,
    dest: &Local,
    progress: bool,
) -> Result<u64, CliError> {
    let reading = files.read(remote).await?;
    let bar = bar(reading.size, remote, progress);
    let mut chunks = reading.chunks;
    match dest {
        Local::Std => {
            let mut out = tokio::io::stdout();
            let mut n = 0u64;
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk?;
                out.write_all(&chunk).await?;
                n += chunk.len() as u64;
                bar.inc(chunk.len() as u64);
            }
            out.flush().await?;
            bar.finish_and_clear();
            Ok(n)
        }
        Local::Path(p) => {
            let target = if p.is_dir() {
                let name = Path::new(remote)
                    .file_name()
                    .ok_or_else(|| CliError::usage(format!("{remote:?} names no file")))?;
                p.join(name)
            } else {
                p.clone()
            };
            let part = part_path(&target);
            let result = async {
                let mut file = tokio::fs::File::create(&part).await.map_err(|e| {
                    CliError::failure(format!("cannot create {}: {e}", part.display()))
                })?;
                let mut n = 0u64;
                while let Some(chunk) = chunks.next().await {
                    let chunk = chunk?;
                    file.write_all(&chunk).await.map_err(|e| {
                        CliError::failure(format!("cannot write {}: {e}", part.display()))
                    })?;
                    n += chunk.len() as u64;
                    bar.inc(chunk.len() as u64);
                }
                file.sync_all().await.map_err(|e| {
                    CliError::failure(format!("cannot write {}: {e}", part.display()))
                })?;
                drop(file);
                tokio::fs::rename(&part, &target).await.map_err(|e| {
                    CliError::failure(format!("cannot rename to {}: {e}", target.display()))
                })?;
                Ok(n)
            }
            .await;
            bar.finish_and_clear();
            if result.is_err() {
                let _ = tokio::fs::remove_file(&part).await;
            }
            result
        }
    }
}

fn part_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".osb-part");
    target.with_file_name(name)
}
