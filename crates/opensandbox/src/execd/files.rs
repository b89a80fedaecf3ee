//! Files and directories: metadata, permissions, moves, search and replace, and
//! streamed uploads and downloads.
//!
//! Uploads and downloads never hold a whole file in memory: an upload is one
//! `multipart/form-data` request whose body is produced part by part as the server reads
//! it, and a download is a byte stream. Neither has a whole-request deadline (a large
//! file may take long); downloads are guarded by the idle watchdog
//! ([`ClientOptions::stream_idle_timeout`](crate::ClientOptions::stream_idle_timeout)).

use std::collections::HashMap;
use std::fmt;
use std::future::Future as _;
use std::io;
use std::ops::{Bound, RangeBounds};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures::stream::{self, BoxStream};
use futures::{Stream, StreamExt, TryStreamExt};
use reqwest::header::{CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, RANGE};
use reqwest::{Method, StatusCode};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

use super::types::{FileInfo, Permission, RenameFileItem, ReplaceFileContentItem};
use super::{ExecdClient, check_path};
use crate::error::{Error, Result};

/// Read size for local files and readers being uploaded.
const CHUNK: usize = 256 * 1024;

/// The most bytes of a download to a path held in memory while the disk is busy.
const WRITE_BATCH: usize = 2 * 1024 * 1024;

/// One file of an upload ([`ExecdClient::upload`]): where it goes in the sandbox, its
/// ownership and mode, and where its bytes come from: memory, a local path, an
/// [`AsyncRead`] or a byte stream. Nothing is read until the request is sent, and then
/// only chunk by chunk.
///
/// ```
/// use opensandbox::execd::UploadFile;
/// let script = UploadFile::from_bytes("/workspace/run.sh", "#!/bin/sh\necho hi\n").mode(755);
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

    /// Sets the mode as octal digits written in decimal: `755` for `rwxr-xr-x`.
    pub fn mode(mut self, mode: u32) -> Self {
        self.mode = Some(mode);
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

/// The bytes of one upload: the part headers of each file, computed once.
struct Plan {
    boundary: String,
    /// Per file: everything from its metadata part's boundary line to the end of its
    /// file part's headers.
    heads: Vec<Bytes>,
    sizes: Vec<Option<u64>>,
}

impl Plan {
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

/// Where a download starts and ends, from `Content-Range` (end inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ContentRange {
    /// First byte sent.
    pub start: u64,
    /// Last byte sent (inclusive).
    pub end: u64,
    /// Size of the whole file, when the server said.
    pub total: Option<u64>,
}

impl ContentRange {
    /// Parses `bytes a-b/total` (total may be `*`).
    fn parse(v: &str) -> Option<Self> {
        let rest = v.trim().strip_prefix("bytes")?.trim_start();
        let (range, total) = rest.split_once('/')?;
        let (a, b) = range.trim().split_once('-')?;
        let start = a.trim().parse().ok()?;
        let end = b.trim().parse().ok()?;
        let total = match total.trim() {
            "*" => None,
            t => Some(t.parse().ok()?),
        };
        (start <= end).then_some(ContentRange { start, end, total })
    }
}

/// A file being downloaded ([`ExecdClient::download`]): a stream of byte chunks, read as
/// the server sends them. Also readable as an [`AsyncRead`]
/// ([`Download::into_async_read`]) or written out with [`Download::write_to`].
#[must_use = "a download does nothing unless its bytes are read"]
pub struct Download {
    status: StatusCode,
    content_length: Option<u64>,
    content_range: Option<ContentRange>,
    inner: BoxStream<'static, Result<Bytes>>,
}

impl fmt::Debug for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("status", &self.status)
            .field("content_length", &self.content_length)
            .field("content_range", &self.content_range)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// The HTTP status: 200, or 206 for a range.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The number of bytes this download will yield, when known.
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The part of the file this download holds, for a range request.
    pub fn content_range(&self) -> Option<ContentRange> {
        self.content_range
    }

    /// Whether this is part of a file (a range request).
    pub fn is_partial(&self) -> bool {
        self.status == StatusCode::PARTIAL_CONTENT || self.content_range.is_some()
    }

    /// The bytes as an [`AsyncRead`]; failures surface as `io::Error`s wrapping the
    /// crate's [`Error`].
    pub fn into_async_read(self) -> impl AsyncRead + Send + Unpin + 'static {
        tokio_util::io::StreamReader::new(self.inner.map_err(io::Error::other))
    }

    /// Reads everything into memory (only for files known to be small).
    pub async fn bytes(mut self) -> Result<Bytes> {
        let cap = self.content_length.unwrap_or(0).min(64 * 1024 * 1024) as usize;
        let mut buf = BytesMut::with_capacity(cap);
        while let Some(chunk) = self.inner.next().await {
            buf.extend_from_slice(&chunk?);
        }
        Ok(buf.freeze())
    }

    /// Writes the bytes to `writer` chunk by chunk and returns how many were written.
    pub async fn write_to<W: AsyncWrite + Unpin + ?Sized>(mut self, writer: &mut W) -> Result<u64> {
        let mut n = 0u64;
        while let Some(chunk) = self.inner.next().await {
            let chunk = chunk?;
            writer.write_all(&chunk).await.map_err(|e| Error::Io {
                path: "download destination".into(),
                source: e,
            })?;
            n += chunk.len() as u64;
        }
        writer.flush().await.map_err(|e| Error::Io {
            path: "download destination".into(),
            source: e,
        })?;
        Ok(n)
    }
}

impl Stream for Download {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

/// Fails a byte stream that goes `after` without a chunk, and ends it after that.
struct IdleWatchdog<S> {
    inner: S,
    after: Duration,
    sleep: Pin<Box<tokio::time::Sleep>>,
    done: bool,
}

impl<S> IdleWatchdog<S> {
    fn new(inner: S, after: Duration) -> Self {
        IdleWatchdog {
            inner,
            after,
            sleep: Box::pin(tokio::time::sleep(after)),
            done: false,
        }
    }
}

impl<S: Stream<Item = Result<Bytes>> + Unpin> Stream for IdleWatchdog<S> {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        match self.inner.poll_next_unpin(cx) {
            Poll::Ready(Some(item)) => {
                let deadline = crate::deadline::after(tokio::time::Instant::now(), self.after);
                self.sleep.as_mut().reset(deadline);
                if item.is_err() {
                    self.done = true;
                }
                Poll::Ready(Some(item))
            }
            Poll::Ready(None) => {
                self.done = true;
                Poll::Ready(None)
            }
            Poll::Pending => match self.sleep.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    self.done = true;
                    Poll::Ready(Some(Err(Error::Timeout {
                        what: "download idle",
                        after: self.after,
                    })))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

/// Skips `skip` bytes and yields at most `take` (for a server that ignored `Range`).
fn slice_stream(
    inner: BoxStream<'static, Result<Bytes>>,
    mut skip: u64,
    mut take: Option<u64>,
) -> BoxStream<'static, Result<Bytes>> {
    inner
        .try_filter_map(move |mut chunk| {
            let n = chunk.len() as u64;
            let out = if skip >= n {
                skip -= n;
                None
            } else {
                let _ = chunk.split_to(skip as usize);
                skip = 0;
                if let Some(t) = take.as_mut() {
                    if (chunk.len() as u64) > *t {
                        chunk.truncate(*t as usize);
                    }
                    *t -= chunk.len() as u64;
                }
                (!chunk.is_empty()).then_some(chunk)
            };
            futures::future::ready(Ok(out))
        })
        .boxed()
}

/// The `Range` header value for `range`, and the (start, inclusive end) it asks for.
fn range_header(range: &impl RangeBounds<u64>) -> Result<(String, u64, Option<u64>)> {
    let start = match range.start_bound() {
        Bound::Included(&s) => s,
        Bound::Excluded(&s) => s
            .checked_add(1)
            .ok_or_else(|| Error::InvalidInput("range start overflows".into()))?,
        Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        Bound::Included(&e) => Some(e),
        Bound::Excluded(&e) => Some(
            e.checked_sub(1)
                .ok_or_else(|| Error::InvalidInput("the range is empty".into()))?,
        ),
        Bound::Unbounded => None,
    };
    if let Some(e) = end
        && e < start
    {
        return Err(Error::InvalidInput("the range is empty".into()));
    }
    let header = match end {
        Some(e) => format!("bytes={start}-{e}"),
        None => format!("bytes={start}-"),
    };
    Ok((header, start, end))
}

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

impl ExecdClient {
    /// Metadata of one or more paths, keyed by the path as given.
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
    pub async fn delete_directories<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        let paths = collect_paths(paths)?;
        self.transport
            .run(self.api.remove_dirs().path(paths).send())
            .await
    }

    /// Uploads one or more files in one `multipart/form-data` request, streamed: each
    /// file's bytes are read only as the request body is sent. When every size is known
    /// (bytes, paths, and readers or streams given a size) the request carries a
    /// `Content-Length`, otherwise it is chunked.
    ///
    /// Never retried once it may have reached the server; retried (when retries are on)
    /// if the connection could not be made, unless a reader or stream was already used.
    pub async fn upload(&self, files: impl IntoIterator<Item = UploadFile>) -> Result<()> {
        let files: Vec<UploadFile> = files.into_iter().collect();
        if files.is_empty() {
            return Err(Error::InvalidInput("no file to upload".into()));
        }
        let boundary = boundary();
        let mut heads = Vec::with_capacity(files.len());
        let mut sizes = Vec::with_capacity(files.len());
        for f in &files {
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
        let plan = Plan {
            boundary,
            heads,
            sizes,
        };
        let content_length = plan.content_length();
        let slot: ErrorSlot = Arc::new(Mutex::new(None));
        let progress = Progress::new();
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
        // No whole-request deadline: the upload fails when it makes no progress (no body
        // chunk taken by the connection, or no answer after the last one) for the idle
        // limit.
        let idle = self.transport.options().stream_idle_timeout;
        let stalled = progress.stalled(idle);
        let result =
            match futures::future::select(std::pin::pin!(send), std::pin::pin!(stalled)).await {
                futures::future::Either::Left((r, _)) => r,
                futures::future::Either::Right(_) => Err(Error::Timeout {
                    what: "upload idle",
                    after: idle,
                }),
            };
        let local = slot.lock().ok().and_then(|mut s| s.take());
        match (result, local) {
            (Err(_), Some(local)) => Err(local),
            (Err(e), None) => Err(e),
            (Ok(_), _) => Ok(()),
        }
    }

    /// Writes `content` to `path` in the sandbox (a one-file [`ExecdClient::upload`]).
    pub async fn write_file(&self, path: &str, content: impl Into<Bytes>) -> Result<()> {
        self.upload([UploadFile::from_bytes(path, content)]).await
    }

    /// Downloads a file as a stream of bytes. No whole-request deadline applies; the
    /// idle watchdog does.
    pub async fn download(&self, path: &str) -> Result<Download> {
        self.download_inner(path, None).await
    }

    /// Downloads part of a file: `range` is in bytes, e.g. `0..1024` (the first KiB) or
    /// `1024..` (everything after it). The server answers 206; a range outside the file
    /// is an [`Error::Api`] with status 416. A server that ignores `Range` and sends the
    /// whole file is handled by skipping to the requested bytes.
    pub async fn download_range(
        &self,
        path: &str,
        range: impl RangeBounds<u64>,
    ) -> Result<Download> {
        let r = range_header(&range)?;
        self.download_inner(path, Some(r)).await
    }

    /// Downloads a file into memory (only for files known to be small).
    pub async fn read_file(&self, path: &str) -> Result<Bytes> {
        self.download(path).await?.bytes().await
    }

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

    async fn download_inner(
        &self,
        path: &str,
        range: Option<(String, u64, Option<u64>)>,
    ) -> Result<Download> {
        check_path("path", path)?;
        let resp = self
            .transport
            .send(&opensandbox_execd_api::operations::DOWNLOAD_FILE, || {
                let mut b = self
                    .transport
                    .request(Method::GET, "/files/download")
                    .query(&[("path", path)]);
                if let Some((h, _, _)) = &range {
                    b = b.header(RANGE, h.as_str());
                }
                Ok(b)
            })
            .await
            .map_err(|e| match (e, &range) {
                (Error::Api(mut api), Some((h, _, _)))
                    if api.status == StatusCode::RANGE_NOT_SATISFIABLE =>
                {
                    api.message = format!(
                        "the requested range ({h}) lies outside {path}: {}",
                        api.message
                    );
                    Error::Api(api)
                }
                (e, _) => e,
            })?;
        let status = resp.status();
        let headers = resp.headers();
        let mut content_length = resp.content_length();
        let mut content_range = headers
            .get(CONTENT_RANGE)
            .and_then(|v| v.to_str().ok())
            .and_then(ContentRange::parse);
        let idle = self.transport.options().stream_idle_timeout;
        let transport = self.transport.clone();
        let body = resp
            .bytes_stream()
            .map_err(move |e| {
                transport.reqwest_error(e, crate::transport::retry::Failure::MaybeSent)
            })
            .boxed();
        let mut inner = IdleWatchdog::new(body, idle).boxed();
        if let Some((_, start, end)) = range {
            if status == StatusCode::PARTIAL_CONTENT {
                if content_range.is_none() {
                    // No (valid) Content-Range: the slice is the one asked for, as long as
                    // the body says; `Content-Length` bounds its end.
                    let end = match (end, content_length) {
                        (Some(e), Some(n)) if n > 0 => Some(e.min(start + n - 1)),
                        (Some(e), _) => Some(e),
                        (None, Some(n)) if n > 0 => Some(start + n - 1),
                        (None, _) => None,
                    };
                    content_range = end.map(|end| ContentRange {
                        start,
                        end,
                        total: None,
                    });
                }
            } else {
                // The server ignored `Range` and sent the whole file: cut it ourselves.
                let total = content_length;
                let take = end.map(|e| e - start + 1);
                let last = match (end, total) {
                    (Some(e), Some(t)) => Some(e.min(t.saturating_sub(1))),
                    (Some(e), None) => Some(e),
                    (None, Some(t)) => Some(t.saturating_sub(1)),
                    (None, None) => None,
                };
                if let Some(t) = total
                    && start >= t
                {
                    return Err(Error::InvalidInput(format!(
                        "the requested range starts at byte {start}, beyond the end of {path} ({t} bytes)"
                    )));
                }
                content_length = last.map(|l| l - start + 1);
                content_range = last.map(|l| ContentRange {
                    start,
                    end: l,
                    total,
                });
                inner = slice_stream(inner, start, take);
            }
        }
        Ok(Download {
            status,
            content_length,
            content_range,
            inner,
        })
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

/// When an upload last made progress.
#[derive(Clone)]
struct Progress {
    start: tokio::time::Instant,
    last_ms: Arc<AtomicU64>,
}

impl Progress {
    fn new() -> Self {
        Progress {
            start: tokio::time::Instant::now(),
            last_ms: Arc::new(AtomicU64::new(0)),
        }
    }

    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    /// Resolves once there has been no progress for `idle`.
    async fn stalled(&self, idle: Duration) {
        loop {
            let last = self.start + Duration::from_millis(self.last_ms.load(Ordering::Relaxed));
            let deadline = crate::deadline::after(last, idle);
            if tokio::time::Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep_until(deadline).await;
        }
    }
}

/// The multipart body of one upload attempt.
fn upload_body(
    files: &[UploadFile],
    plan: &Plan,
    slot: &ErrorSlot,
    progress: &Progress,
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
    fn modes_are_octal_digits_in_decimal() {
        for ok in [0, 644, 755, 700, 1777, 7777] {
            assert!(check_mode(ok).is_ok(), "{ok}");
        }
        for bad in [0o755, 8, 999, 10000, -1] {
            assert!(check_mode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn content_ranges_parse() {
        assert_eq!(
            ContentRange::parse("bytes 0-1023/52311"),
            Some(ContentRange {
                start: 0,
                end: 1023,
                total: Some(52311)
            })
        );
        assert_eq!(
            ContentRange::parse("bytes 5-9/*"),
            Some(ContentRange {
                start: 5,
                end: 9,
                total: None
            })
        );
        assert_eq!(ContentRange::parse("bytes */100"), None);
        assert_eq!(ContentRange::parse("bytes 9-5/100"), None);
    }

    #[test]
    fn range_headers() {
        assert_eq!(range_header(&(0..1024)).unwrap().0, "bytes=0-1023");
        assert_eq!(range_header(&(10..)).unwrap().0, "bytes=10-");
        assert_eq!(range_header(&(3..=3)).unwrap().0, "bytes=3-3");
        assert!(range_header(&(5..5)).is_err());
        assert!(range_header(&(0..0)).is_err());
    }

    #[test]
    fn filenames_are_escaped() {
        assert_eq!(escape_filename("a\"b\r\n.txt"), "a%22b%0D%0A.txt");
        let f = UploadFile::from_bytes("/w/dir/", "x");
        assert_eq!(f.part_filename(), "dir");
        let f = UploadFile::from_bytes("/w/report.csv", "x");
        assert_eq!(f.part_filename(), "report.csv");
    }

    #[tokio::test]
    async fn a_server_that_ignores_range_is_sliced() {
        let chunks: Vec<Result<Bytes>> = vec![
            Ok(Bytes::from_static(b"0123")),
            Ok(Bytes::from_static(b"4567")),
            Ok(Bytes::from_static(b"89")),
        ];
        let s = slice_stream(stream::iter(chunks).boxed(), 3, Some(4));
        let out: Vec<Bytes> = s.try_collect().await.unwrap();
        assert_eq!(out.concat(), b"3456");
    }
}
