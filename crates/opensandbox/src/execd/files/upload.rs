//! Uploads: the files of one upload ([`UploadFile`]), the plan of its
//! `multipart/form-data` request, and the body, produced part by part as it is sent.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use futures::future::{Either, select};
use futures::stream::{self, BoxStream};
use futures::{Stream, StreamExt, TryStreamExt};
use reqwest::Method;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use tokio::io::AsyncRead;

use super::check_mode;
use super::watchdog::Idle;
use crate::error::{Error, Result};
use crate::execd::{ExecdClient, check_path};

/// Read size for local files and readers being uploaded.
const CHUNK: usize = 256 * 1024;

/// One file of an upload ([`ExecdClient::upload`]): where it goes in the sandbox, its
/// ownership and mode, and where its bytes come from: memory, a local path, an
/// [`AsyncRead`] or a byte stream. Nothing is read until the request is sent, and then
/// only chunk by chunk.
///
/// ```
/// use opensandbox::UploadFile;
/// let script = UploadFile::from_bytes("/workspace/run.sh", "#!/bin/sh\necho hi\n").mode(0o755);
/// let data = UploadFile::from_path("/workspace/data.csv", "./data.csv").owner("root");
/// ```
#[non_exhaustive]
pub struct UploadFile {
    /// Destination path inside the sandbox.
    pub path: String,
    /// User to own the file.
    pub owner: Option<String>,
    /// Group to own the file.
    pub group: Option<String>,
    /// Permission bits as octal digits written in decimal (`644`, `755`).
    pub mode: Option<u32>,
    /// The `filename` of the file part (default: the destination's base name).
    pub filename: Option<String>,
    source: Source,
}

enum Source {
    Bytes(Bytes),
    Path(PathBuf),
    Stream {
        stream: Mutex<Option<BoxStream<'static, io::Result<Bytes>>>>,
        size: Option<u64>,
    },
}

impl fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match &self.source {
            Source::Bytes(b) => format!("{} bytes in memory", b.len()),
            Source::Path(p) => format!("local file {}", p.display()),
            Source::Stream { size, .. } => match size {
                Some(n) => format!("stream of {n} bytes"),
                None => "stream of unknown size".to_string(),
            },
        };
        f.debug_struct("UploadFile")
            .field("path", &self.path)
            .field("owner", &self.owner)
            .field("group", &self.group)
            .field("mode", &self.mode)
            .field("filename", &self.filename)
            .field("source", &source)
            .finish()
    }
}

impl UploadFile {
    fn with_source(path: impl Into<String>, source: Source) -> Self {
        UploadFile {
            path: path.into(),
            owner: None,
            group: None,
            mode: None,
            filename: None,
            source,
        }
    }

    /// A file whose content is in memory.
    pub fn from_bytes(path: impl Into<String>, content: impl Into<Bytes>) -> Self {
        Self::with_source(path, Source::Bytes(content.into()))
    }

    /// A file whose content is read from `local` as the request is sent (its size is
    /// taken when the upload starts; a file that changes size meanwhile fails the
    /// upload rather than sending a torn copy).
    pub fn from_path(path: impl Into<String>, local: impl Into<PathBuf>) -> Self {
        Self::with_source(path, Source::Path(local.into()))
    }

    /// A file whose content is read from `reader` as the request is sent. With `size`
    /// known (for every file of the upload) the request carries a `Content-Length`;
    /// the reader must then yield exactly that many bytes. A reader can be sent once:
    /// an upload from one is never retried.
    pub fn from_reader(
        path: impl Into<String>,
        reader: impl AsyncRead + Send + 'static,
        size: Option<u64>,
    ) -> Self {
        let stream = tokio_util::io::ReaderStream::with_capacity(reader, CHUNK);
        Self::from_stream(path, stream, size)
    }

    /// A file whose content is the chunks of `stream`; like [`UploadFile::from_reader`].
    pub fn from_stream<S, B, E>(path: impl Into<String>, stream: S, size: Option<u64>) -> Self
    where
        S: Stream<Item = std::result::Result<B, E>> + Send + 'static,
        B: Into<Bytes> + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static,
    {
        let stream = stream
            .map_ok(Into::into)
            .map_err(|e| io::Error::other(e.into()))
            .boxed();
        Self::with_source(
            path,
            Source::Stream {
                stream: Mutex::new(Some(stream)),
                size,
            },
        )
    }

    /// Sets the owning user.
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Sets the owning group.
    pub fn group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }

    /// Sets the permission bits: `0o755` for `rwxr-xr-x` (as everywhere in the SDK;
    /// execd's wire form, the octal digits written in decimal, is made when sending).
    /// Bits above `0o7777` are refused when the upload starts.
    #[must_use]
    pub fn mode(mut self, mode: u32) -> Self {
        // `0o755` is sent as `755`; a value with no such form fails `check_mode`.
        self.mode = Some(format!("{mode:o}").parse().unwrap_or(u32::MAX));
        self
    }

    /// Sets the `filename` of the file part (the server does not use it; the
    /// destination is [`UploadFile::path`]).
    pub fn filename(mut self, filename: impl Into<String>) -> Self {
        self.filename = Some(filename.into());
        self
    }

    fn metadata_json(&self) -> Result<Vec<u8>> {
        let mut m = serde_json::Map::new();
        m.insert("path".into(), self.path.clone().into());
        if let Some(o) = &self.owner {
            m.insert("owner".into(), o.clone().into());
        }
        if let Some(g) = &self.group {
            m.insert("group".into(), g.clone().into());
        }
        if let Some(mode) = self.mode {
            m.insert("mode".into(), mode.into());
        }
        serde_json::to_vec(&m)
            .map_err(|e| Error::InvalidInput(format!("could not encode file metadata: {e}")))
    }

    fn part_filename(&self) -> String {
        let name = match &self.filename {
            Some(n) => n.as_str(),
            None => self
                .path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or("file"),
        };
        escape_filename(name)
    }

    /// A short description of the source, for errors.
    fn source_label(&self) -> String {
        match &self.source {
            Source::Path(p) => p.display().to_string(),
            _ => format!("upload source for {}", self.path),
        }
    }
}

/// Escapes a multipart `filename` the way browsers do (WHATWG): `"`, CR and LF are
/// percent-encoded.
fn escape_filename(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The bytes of one upload: the part headers of each file, computed once.
struct Plan {
    boundary: String,
    /// Per file: everything from its metadata part's boundary line to the end of its
    /// file part's headers.
    heads: Vec<Bytes>,
    sizes: Vec<Option<u64>>,
}

impl Plan {
    /// Checks every file and computes the part headers and sizes (a local path's size is
    /// taken now).
    async fn build(files: &[UploadFile]) -> Result<Plan> {
        let boundary = boundary();
        let mut heads = Vec::with_capacity(files.len());
        let mut sizes = Vec::with_capacity(files.len());
        for f in files {
            check_path("upload destination", &f.path)?;
            if let Some(m) = f.mode {
                check_mode(i64::from(m))?;
            }
            let size = match &f.source {
                Source::Bytes(b) => Some(b.len() as u64),
                Source::Stream { size, .. } => *size,
                Source::Path(p) => {
                    let meta = tokio::fs::metadata(p).await.map_err(|e| Error::Io {
                        path: p.display().to_string(),
                        source: e,
                    })?;
                    if !meta.is_file() {
                        return Err(Error::InvalidInput(format!(
                            "{} is not a regular file",
                            p.display()
                        )));
                    }
                    Some(meta.len())
                }
            };
            let mut head = BytesMut::new();
            head.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"; filename=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                )
                .as_bytes(),
            );
            head.extend_from_slice(&f.metadata_json()?);
            head.extend_from_slice(
                format!(
                    "\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                    f.part_filename()
                )
                .as_bytes(),
            );
            heads.push(head.freeze());
            sizes.push(size);
        }
        Ok(Plan {
            boundary,
            heads,
            sizes,
        })
    }

    fn content_length(&self) -> Option<u64> {
        let mut total = self.closing().len() as u64;
        for (head, size) in self.heads.iter().zip(&self.sizes) {
            total += head.len() as u64 + (*size)? + 2;
        }
        Some(total)
    }

    fn closing(&self) -> Bytes {
        Bytes::from(format!("--{}--\r\n", self.boundary))
    }
}

/// The first local read error of an upload, reported instead of the transport's
/// "body error".
type ErrorSlot = Arc<Mutex<Option<Error>>>;

fn record(slot: &ErrorSlot, err: Error) {
    if let Ok(mut s) = slot.lock()
        && s.is_none()
    {
        *s = Some(err);
    }
}

/// Makes sure a source yields exactly `expected` bytes (when known), so a short or
/// growing source fails the upload instead of corrupting the multipart body.
struct Exact {
    inner: BoxStream<'static, io::Result<Bytes>>,
    expected: Option<u64>,
    seen: u64,
    label: String,
    slot: ErrorSlot,
    done: bool,
}

impl Exact {
    fn fail(&mut self, e: io::Error) -> Poll<Option<io::Result<Bytes>>> {
        self.done = true;
        record(
            &self.slot,
            Error::Io {
                path: self.label.clone(),
                source: io::Error::new(e.kind(), e.to_string()),
            },
        );
        Poll::Ready(Some(Err(e)))
    }
}

impl Stream for Exact {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        match self.inner.poll_next_unpin(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Ok(chunk))) => {
                self.seen += chunk.len() as u64;
                if let Some(n) = self.expected
                    && self.seen > n
                {
                    let e = io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("the source yielded more than the {n} bytes announced"),
                    );
                    return self.fail(e);
                }
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(e))) => self.fail(e),
            Poll::Ready(None) => {
                if let Some(n) = self.expected
                    && self.seen != n
                {
                    let e = io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        format!(
                            "the source ended after {} of the {n} bytes announced",
                            self.seen
                        ),
                    );
                    return self.fail(e);
                }
                self.done = true;
                Poll::Ready(None)
            }
        }
    }
}

/// A random multipart boundary.
fn boundary() -> String {
    format!(
        "opensandbox-{:016x}{:016x}",
        fastrand::u64(..),
        fastrand::u64(..)
    )
}

/// Uploads.
impl ExecdClient {
    /// Uploads one or more files in one `multipart/form-data` request, streamed: each
    /// file's bytes are read only as the request body is sent. When every size is known
    /// (bytes, paths, and readers or streams given a size) the request carries a
    /// `Content-Length`, otherwise it is chunked.
    ///
    /// Never retried once it may have reached the server; retried (when retries are on)
    /// if the connection could not be made, unless a reader or stream was already used.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn upload(&self, files: impl IntoIterator<Item = UploadFile>) -> Result<()> {
        let files: Vec<UploadFile> = files.into_iter().collect();
        if files.is_empty() {
            return Err(Error::InvalidInput("no file to upload".into()));
        }
        let plan = Plan::build(&files).await?;
        let content_length = plan.content_length();
        let slot: ErrorSlot = Arc::new(Mutex::new(None));
        // No whole-request deadline: the upload fails when it makes no progress (no body
        // chunk taken by the connection, or no answer after the last one) for the idle
        // limit.
        let progress = Idle::new(self.transport.options().stream_idle_timeout, "upload idle");
        let send = self
            .transport
            .send(&opensandbox_execd_api::operations::UPLOAD_FILE, || {
                progress.touch();
                let body = upload_body(&files, &plan, &slot, &progress)?;
                let mut b = self
                    .transport
                    .request(Method::POST, "/files/upload")
                    .header(
                        CONTENT_TYPE,
                        format!("multipart/form-data; boundary={}", plan.boundary),
                    )
                    .body(body);
                if let Some(n) = content_length {
                    b = b.header(CONTENT_LENGTH, n);
                }
                Ok(b)
            });
        let stalled = progress.clone().stalled();
        let result = match select(std::pin::pin!(send), std::pin::pin!(stalled)).await {
            Either::Left((r, _)) => r,
            Either::Right(_) => Err(progress.timeout()),
        };
        let local = slot.lock().ok().and_then(|mut s| s.take());
        match (result, local) {
            (Err(_), Some(local)) => Err(local),
            (Err(e), None) => Err(e),
            (Ok(_), _) => Ok(()),
        }
    }

    /// Writes `content` to `path` in the sandbox (a one-file [`ExecdClient::upload`]).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn write_file(&self, path: &str, content: impl Into<Bytes>) -> Result<()> {
        self.upload([UploadFile::from_bytes(path, content)]).await
    }
}

/// The multipart body of one upload attempt.
fn upload_body(
    files: &[UploadFile],
    plan: &Plan,
    slot: &ErrorSlot,
    progress: &Idle,
) -> Result<reqwest::Body> {
    let mut parts: Vec<BoxStream<'static, io::Result<Bytes>>> =
        Vec::with_capacity(files.len() * 3 + 1);
    for (i, f) in files.iter().enumerate() {
        parts.push(stream::once(futures::future::ready(Ok(plan.heads[i].clone()))).boxed());
        let source: BoxStream<'static, io::Result<Bytes>> = match &f.source {
            Source::Bytes(b) => stream::once(futures::future::ready(Ok(b.clone()))).boxed(),
            Source::Path(p) => {
                let p = p.clone();
                stream::once(async move { tokio::fs::File::open(p).await })
                    .map_ok(|file| tokio_util::io::ReaderStream::with_capacity(file, CHUNK))
                    .try_flatten()
                    .boxed()
            }
            Source::Stream { stream, .. } => {
                let taken = stream.lock().ok().and_then(|mut s| s.take());
                match taken {
                    Some(s) => s,
                    None => {
                        return Err(Error::Transport {
                            message: format!(
                                "the upload of {} cannot be sent again: its reader or stream was used by a failed attempt",
                                f.path
                            ),
                            sent: false,
                            source: None,
                        });
                    }
                }
            }
        };
        parts.push(
            Exact {
                inner: source,
                expected: plan.sizes[i],
                seen: 0,
                label: f.source_label(),
                slot: slot.clone(),
                done: false,
            }
            .boxed(),
        );
        parts.push(stream::once(futures::future::ready(Ok(Bytes::from_static(b"\r\n")))).boxed());
    }
    parts.push(stream::once(futures::future::ready(Ok(plan.closing()))).boxed());
    let progress = progress.clone();
    let body = stream::iter(parts)
        .flatten()
        .inspect(move |_| progress.touch());
    Ok(reqwest::Body::wrap_stream(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_are_escaped() {
        assert_eq!(escape_filename("a\"b\r\n.txt"), "a%22b%0D%0A.txt");
        let f = UploadFile::from_bytes("/w/dir/", "x");
        assert_eq!(f.part_filename(), "dir");
        let f = UploadFile::from_bytes("/w/report.csv", "x");
        assert_eq!(f.part_filename(), "report.csv");
    }
}
