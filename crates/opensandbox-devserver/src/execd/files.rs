//! Files and directories.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::{DateTime, Utc};
use opensandbox_execd_api::types as et;
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

use super::{ExecdJson, bad_request, error, missing_query, resolve, runtime_error};
use crate::process::Accounts;
use crate::state::SandboxCore;
use crate::util;

fn io_error(path: &str, e: &std::io::Error) -> Response {
    match e.kind() {
        ErrorKind::NotFound => error(
            StatusCode::NOT_FOUND,
            "FILE_NOT_FOUND",
            format!("file not found: {path}"),
        ),
        _ => runtime_error(format!("{path}: {e}")),
    }
}

fn time_of(t: std::io::Result<std::time::SystemTime>, fallback_secs: i64) -> DateTime<Utc> {
    t.ok()
        .map(DateTime::<Utc>::from)
        .or_else(|| DateTime::from_timestamp(fallback_secs, 0))
        .unwrap_or_default()
}

/// Permission bits as octal digits written as a decimal number (`0o755` → `755`).
fn mode_digits(mode: u32) -> i64 {
    format!("{:o}", mode & 0o7777).parse().unwrap_or(0)
}

/// The inverse of [`mode_digits`]; `None` for digits 8/9 or out-of-range values.
fn mode_bits(digits: i64) -> Option<u32> {
    if digits < 0 {
        return None;
    }
    u32::from_str_radix(&digits.to_string(), 8)
        .ok()
        .filter(|m| *m <= 0o7777)
}

/// Metadata of one entry (symlinks are reported as such, not followed).
fn file_info(path: &Path, shown: String) -> std::io::Result<et::FileInfo> {
    let meta = std::fs::symlink_metadata(path)?;
    let ft = meta.file_type();
    let kind = if ft.is_symlink() {
        "symlink"
    } else if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "file"
    } else {
        "other"
    };
    let accounts = Accounts::get();
    Ok(et::FileInfo {
        created_at: Some(time_of(meta.created(), meta.ctime())),
        group: Some(accounts.group_name(meta.gid())),
        mode: Some(mode_digits(meta.mode())),
        modified_at: Some(time_of(meta.modified(), meta.mtime())),
        owner: Some(accounts.user_name(meta.uid())),
        path: shown,
        size: Some(i64::try_from(meta.len()).unwrap_or(i64::MAX)),
        type_: Some(kind.to_owned().into()),
    })
}

/// Device files, FIFOs and sockets: sandboxes share the host's `/dev`, so the file API
/// never deletes, moves, replaces or re-permissions them.
fn is_special(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let ft = meta.file_type();
    ft.is_char_device() || ft.is_block_device() || ft.is_fifo() || ft.is_socket()
}

fn refuse_special(path: &str) -> Response {
    bad_request(format!(
        "{path} is a device, FIFO or socket of the host; opensandbox-devserver will not delete, move or re-permission it"
    ))
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| runtime_error(e.to_string()))
}

/// Apply owner/group/mode to a path.
fn apply_permission(
    path: &Path,
    owner: Option<&str>,
    group: Option<&str>,
    mode: Option<i64>,
) -> Result<(), String> {
    if let Some(mode) = mode {
        let bits = mode_bits(mode).ok_or_else(|| {
            format!("invalid mode {mode}: use octal digits written as a decimal number, e.g. 755")
        })?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits))
            .map_err(|e| format!("chmod {}: {e}", path.display()))?;
    }
    let accounts = Accounts::get();
    let uid = match owner.filter(|o| !o.is_empty()) {
        Some(o) => Some(
            accounts
                .uid(o)
                .ok_or_else(|| format!("unknown user {o:?}"))?,
        ),
        None => None,
    };
    let gid = match group.filter(|g| !g.is_empty()) {
        Some(g) => Some(
            accounts
                .gid(g)
                .ok_or_else(|| format!("unknown group {g:?}"))?,
        ),
        None => None,
    };
    if uid.is_some() || gid.is_some() {
        std::os::unix::fs::chown(path, uid, gid)
            .map_err(|e| format!("chown {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The repeated `path` query parameter (at least one), or the error answer.
fn path_params(query: Option<&str>) -> Result<Vec<String>, Response> {
    let pairs = util::query_pairs(query);
    let paths: Vec<String> = util::query_all(&pairs, "path")
        .into_iter()
        .map(str::to_owned)
        .collect();
    if paths.is_empty() {
        return Err(missing_query("path"));
    }
    Ok(paths)
}

/// `GET /files/info?path=a&path=b`.
pub(crate) async fn info(State(core): State<Arc<SandboxCore>>, RawQuery(q): RawQuery) -> Response {
    let paths = match path_params(q.as_deref()) {
        Ok(paths) => paths,
        Err(resp) => return resp,
    };
    let result = blocking(move || {
        let mut out = HashMap::new();
        for p in paths {
            let full = resolve(&core, &p);
            match file_info(&full, shown(&full)) {
                Ok(info) => {
                    out.insert(p, info);
                }
                Err(e) => return Err(io_error(&p, &e)),
            }
        }
        Ok(out)
    })
    .await;
    match result {
        Ok(Ok(map)) => util::json(StatusCode::OK, &map),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

/// `DELETE /files?path=...`: regular files only; missing files are fine.
pub(crate) async fn remove_files(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
) -> Response {
    let paths = match path_params(q.as_deref()) {
        Ok(paths) => paths,
        Err(resp) => return resp,
    };
    let result = blocking(move || {
        for p in paths {
            let full = resolve(&core, &p);
            match std::fs::symlink_metadata(&full) {
                Ok(m) if m.is_dir() => {
                    return Err(bad_request(format!(
                        "{p} is a directory; use DELETE /directories"
                    )));
                }
                Ok(m) if is_special(&m) => return Err(refuse_special(&p)),
                Ok(_) => {
                    if let Err(e) = std::fs::remove_file(&full)
                        && e.kind() != ErrorKind::NotFound
                    {
                        return Err(io_error(&p, &e));
                    }
                }
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(io_error(&p, &e)),
            }
        }
        Ok(())
    })
    .await;
    match result {
        Ok(Ok(())) => util::empty(StatusCode::OK),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

/// `POST /files/permissions`.
pub(crate) async fn chmod(
    State(core): State<Arc<SandboxCore>>,
    ExecdJson(body): ExecdJson<HashMap<String, et::Permission>>,
) -> Response {
    let result = blocking(move || {
        for (p, perm) in body {
            let full = resolve(&core, &p);
            match std::fs::metadata(&full) {
                Ok(m) if is_special(&m) => return Err(refuse_special(&p)),
                Ok(_) => {}
                Err(e) => return Err(io_error(&p, &e)),
            }
            apply_permission(
                &full,
                perm.owner.as_deref(),
                perm.group.as_deref(),
                Some(perm.mode),
            )
            .map_err(runtime_error)?;
        }
        Ok(())
    })
    .await;
    match result {
        Ok(Ok(())) => util::empty(StatusCode::OK),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

/// `POST /files/mv`.
pub(crate) async fn rename(
    State(core): State<Arc<SandboxCore>>,
    ExecdJson(items): ExecdJson<Vec<et::RenameFileItem>>,
) -> Response {
    let result = blocking(move || {
        for item in items {
            let src = resolve(&core, &item.src);
            let dest = resolve(&core, &item.dest);
            match std::fs::symlink_metadata(&src) {
                Ok(m) if is_special(&m) => return Err(refuse_special(&item.src)),
                Ok(_) => {}
                Err(e) => return Err(io_error(&item.src, &e)),
            }
            if let Ok(m) = std::fs::metadata(&dest)
                && is_special(&m)
            {
                return Err(refuse_special(&item.dest));
            }
            if let Some(parent) = dest.parent()
                && !parent.is_dir()
            {
                return Err(bad_request(format!(
                    "the directory of {} does not exist",
                    item.dest
                )));
            }
            std::fs::rename(&src, &dest).map_err(|e| io_error(&item.src, &e))?;
        }
        Ok(())
    })
    .await;
    match result {
        Ok(Ok(())) => util::empty(StatusCode::OK),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

fn walk(dir: &Path, depth: Option<usize>, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if depth == Some(0) {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        out.push(path.clone());
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            // Unreadable subdirectories are listed but not entered.
            let _ = walk(&path, depth.map(|d| d - 1), out);
        }
    }
    Ok(())
}

/// `GET /files/search?path=&pattern=`.
pub(crate) async fn search(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let Some(path) = util::query_get(&pairs, "path").filter(|p| !p.is_empty()) else {
        return missing_query("path");
    };
    let path = path.to_owned();
    let pattern = util::query_get(&pairs, "pattern")
        .filter(|p| !p.is_empty())
        .unwrap_or("**")
        .to_owned();
    let result = blocking(move || {
        let root = resolve(&core, &path);
        match std::fs::metadata(&root) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(bad_request(format!("{path} is not a directory"))),
            Err(e) => return Err(io_error(&path, &e)),
        }
        let mut all = vec![];
        walk(&root, None, &mut all).map_err(|e| io_error(&path, &e))?;
        let mut out = vec![];
        for p in all {
            let Ok(meta) = std::fs::symlink_metadata(&p) else {
                continue;
            };
            if meta.is_dir() {
                continue;
            }
            let rel = p
                .strip_prefix(&root)
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned();
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if (util::glob_match(&pattern, &name) || util::glob_match(&pattern, &rel))
                && let Ok(info) = file_info(&p, shown(&p))
            {
                out.push(info);
            }
        }
        Ok(out)
    })
    .await;
    match result {
        Ok(Ok(list)) => util::json(StatusCode::OK, &list),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

fn count_and_replace(hay: &[u8], old: &[u8], new: &[u8]) -> (Vec<u8>, i64) {
    let mut out = Vec::with_capacity(hay.len());
    let mut count = 0;
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(old) {
            out.extend_from_slice(new);
            i += old.len();
            count += 1;
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    (out, count)
}

/// `POST /files/replace[?verbose=true]`.
pub(crate) async fn replace(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
    ExecdJson(body): ExecdJson<HashMap<String, et::ReplaceFileContentItem>>,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let verbose = util::query_get(&pairs, "verbose")
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1"));
    let result = blocking(move || {
        let mut counts = HashMap::new();
        for (p, item) in body {
            let full = resolve(&core, &p);
            let data = std::fs::read(&full).map_err(|e| io_error(&p, &e))?;
            let (out, n) = count_and_replace(&data, item.old.as_bytes(), item.new.as_bytes());
            if n > 0 {
                std::fs::write(&full, out).map_err(|e| io_error(&p, &e))?;
            }
            counts.insert(p, et::ReplaceFileContentResult { replaced_count: n });
        }
        Ok(counts)
    })
    .await;
    match result {
        Ok(Ok(counts)) if verbose => util::json(StatusCode::OK, &counts),
        Ok(Ok(_)) => util::empty(StatusCode::OK),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

/// `POST /files/upload`: pairs of `metadata` (with a filename) and `file` parts; file
/// parts are streamed to disk.
pub(crate) async fn upload(
    State(core): State<Arc<SandboxCore>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let mut multipart = match multipart {
        Ok(m) => m,
        Err(e) => return bad_request(format!("invalid multipart request: {e}")),
    };
    let mut pending: Option<et::FileMetadata> = None;
    let mut written = 0usize;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return bad_request(format!("invalid multipart body: {e}")),
        };
        match field.name() {
            Some("metadata") => {
                if field.file_name().is_none() {
                    return bad_request(
                        "the metadata part must be sent with a filename (Content-Disposition: form-data; name=\"metadata\"; filename=\"metadata\")",
                    );
                }
                if pending.is_some() {
                    return bad_request("metadata part without a following file part");
                }
                let bytes = match field.bytes().await {
                    Ok(b) => b,
                    Err(e) => return bad_request(format!("invalid metadata part: {e}")),
                };
                let meta: et::FileMetadata = match serde_json::from_slice(&bytes) {
                    Ok(m) => m,
                    Err(e) => return bad_request(format!("invalid metadata JSON: {e}")),
                };
                if meta.path.as_deref().is_none_or(str::is_empty) {
                    return bad_request("metadata part without a path");
                }
                if let Some(mode) = meta.mode
                    && mode_bits(mode).is_none()
                {
                    return bad_request(format!(
                        "invalid mode {mode}: use octal digits written as a decimal number, e.g. 644"
                    ));
                }
                pending = Some(meta);
            }
            Some("file") => {
                let Some(meta) = pending.take() else {
                    return bad_request("file part without a preceding metadata part");
                };
                let path = meta.path.clone().unwrap_or_default();
                if let Err(resp) = store(&core, &path, &meta, field).await {
                    return resp;
                }
                written += 1;
            }
            _ => {}
        }
    }
    if pending.is_some() {
        return bad_request("the numbers of metadata and file parts differ");
    }
    if written == 0 {
        return bad_request("no file parts in the request");
    }
    util::empty(StatusCode::OK)
}

async fn store(
    core: &SandboxCore,
    path: &str,
    meta: &et::FileMetadata,
    mut field: axum::extract::multipart::Field<'_>,
) -> Result<(), Response> {
    let dest = resolve(core, path);
    let Some(parent) = dest.parent().map(Path::to_path_buf) else {
        return Err(bad_request(format!("invalid path {path}")));
    };
    if let Ok(m) = tokio::fs::metadata(&dest).await
        && is_special(&m)
    {
        // Never rename over a device (e.g. /dev/null): write into it, like `cat > dev`.
        let mut dev = tokio::fs::OpenOptions::new()
            .write(true)
            .open(&dest)
            .await
            .map_err(|e| io_error(path, &e))?;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => dev
                    .write_all(&chunk)
                    .await
                    .map_err(|e| io_error(path, &e))?,
                Ok(None) => return Ok(()),
                Err(e) => return Err(bad_request(format!("invalid file part: {e}"))),
            }
        }
    }
    tokio::fs::create_dir_all(&parent)
        .await
        .map_err(|e| io_error(path, &e))?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "upload".to_owned());
    let tmp = parent.join(format!(".{name}.upload-{}", util::short_id()));
    let result: Result<(), Response> = async {
        let mut file = tokio::fs::File::create(&tmp)
            .await
            .map_err(|e| io_error(path, &e))?;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => file
                    .write_all(&chunk)
                    .await
                    .map_err(|e| io_error(path, &e))?,
                Ok(None) => break,
                Err(e) => return Err(bad_request(format!("invalid file part: {e}"))),
            }
        }
        file.flush().await.map_err(|e| io_error(path, &e))?;
        drop(file);
        let (tmp2, owner, group, mode) = (
            tmp.clone(),
            meta.owner.clone(),
            meta.group.clone(),
            meta.mode,
        );
        blocking(move || apply_permission(&tmp2, owner.as_deref(), group.as_deref(), mode))
            .await?
            .map_err(runtime_error)?;
        tokio::fs::rename(&tmp, &dest)
            .await
            .map_err(|e| io_error(path, &e))
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&tmp).await;
    }
    result
}

enum Range {
    Full,
    Part(u64, u64),
    Unsatisfiable,
}

/// One `bytes=` range; malformed or multi-range headers are ignored (full body).
fn parse_range(header: Option<&str>, size: u64) -> Range {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Range::Full;
    };
    if spec.contains(',') {
        return Range::Full;
    }
    let Some((a, b)) = spec.trim().split_once('-') else {
        return Range::Full;
    };
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() {
        let Ok(n) = b.parse::<u64>() else {
            return Range::Full;
        };
        if n == 0 || size == 0 {
            return Range::Unsatisfiable;
        }
        return Range::Part(size - n.min(size), size - 1);
    }
    let Ok(start) = a.parse::<u64>() else {
        return Range::Full;
    };
    let end = if b.is_empty() {
        size.saturating_sub(1)
    } else {
        match b.parse::<u64>() {
            Ok(e) if e >= start => e.min(size.saturating_sub(1)),
            _ => return Range::Full,
        }
    };
    if start >= size {
        return Range::Unsatisfiable;
    }
    Range::Part(start, end)
}

/// `GET /files/download?path=` with `Range` support, streamed from disk.
pub(crate) async fn download(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let Some(path) = util::query_get(&pairs, "path").filter(|p| !p.is_empty()) else {
        return missing_query("path");
    };
    let full = resolve(&core, path);
    let meta = match tokio::fs::metadata(&full).await {
        Ok(m) => m,
        Err(e) => return io_error(path, &e),
    };
    if meta.is_dir() {
        return bad_request(format!("{path} is a directory"));
    }
    let line_param = |name: &str| -> Result<Option<u64>, Response> {
        match util::query_get(&pairs, name).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => match v.parse::<u64>() {
                Ok(n) if n >= 1 => Ok(Some(n)),
                _ => Err(bad_request(format!(
                    "{name} must be a whole number of at least 1, not {v:?}"
                ))),
            },
        }
    };
    let (offset, limit) = match (line_param("offset"), line_param("limit")) {
        (Ok(o), Ok(l)) => (o, l),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    if offset.is_some() || limit.is_some() {
        if headers.contains_key(header::RANGE) {
            return bad_request("offset/limit (a read by lines) cannot be combined with Range");
        }
        return read_lines(&full, path, offset.unwrap_or(1), limit).await;
    }
    let size = meta.len();
    let range = parse_range(
        headers.get(header::RANGE).and_then(|v| v.to_str().ok()),
        size,
    );
    let (status, start, len) = match range {
        Range::Full => (StatusCode::OK, 0, size),
        Range::Part(s, e) => (StatusCode::PARTIAL_CONTENT, s, e - s + 1),
        Range::Unsatisfiable => {
            let mut resp = error(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "RANGE_NOT_SATISFIABLE",
                format!("range not satisfiable for {path} ({size} bytes)"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("bytes */{size}")) {
                resp.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            return resp;
        }
    };
    let mut file = match tokio::fs::File::open(&full).await {
        Ok(f) => f,
        Err(e) => return io_error(path, &e),
    };
    if start > 0
        && let Err(e) = file.seek(std::io::SeekFrom::Start(start)).await
    {
        return runtime_error(format!("{path}: {e}"));
    }
    let reader = tokio::io::AsyncReadExt::take(file, len);
    let body = Body::from_stream(tokio_util::io::ReaderStream::with_capacity(
        reader,
        64 * 1024,
    ));
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().replace(['"', '\\', '\r', '\n'], "_"))
        .unwrap_or_default();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if status == StatusCode::PARTIAL_CONTENT
        && let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{}/{size}", start + len - 1))
    {
        h.insert(header::CONTENT_RANGE, v);
    }
    resp
}

/// A read by lines: lines `offset..offset+limit` (1-based) as `text/plain`, line endings
/// kept; past the end of the file the answer is empty. Reads the file as a stream and stops
/// after the last line wanted.
async fn read_lines(
    full: &std::path::Path,
    path: &str,
    offset: u64,
    limit: Option<u64>,
) -> Response {
    use tokio::io::AsyncBufReadExt;
    let file = match tokio::fs::File::open(full).await {
        Ok(f) => f,
        Err(e) => return io_error(path, &e),
    };
    let mut reader = tokio::io::BufReader::with_capacity(64 * 1024, file);
    let mut out = Vec::new();
    let mut line = Vec::new();
    let mut number = 0u64;
    let last = limit.map(|l| offset.saturating_add(l - 1));
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return runtime_error(format!("{path}: {e}")),
        }
        number += 1;
        if number >= offset {
            out.extend_from_slice(&line);
        }
        if last.is_some_and(|l| number >= l) {
            break;
        }
    }
    let mut resp = Response::new(Body::from(out));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

/// `GET /directories/list?path=&depth=`.
pub(crate) async fn list_dir(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let Some(path) = util::query_get(&pairs, "path").filter(|p| !p.is_empty()) else {
        return missing_query("path");
    };
    let depth: usize = match util::query_get(&pairs, "depth").filter(|d| !d.is_empty()) {
        None => 1,
        Some(d) => match d.parse() {
            Ok(n) => n,
            Err(_) => return bad_request(format!("invalid depth {d:?}")),
        },
    };
    let path = path.to_owned();
    let result = blocking(move || {
        let root = resolve(&core, &path);
        match std::fs::symlink_metadata(&root) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(bad_request(format!(
                    "{path} is a symbolic link; list the directory it points to"
                )));
            }
            Ok(m) if !m.is_dir() => return Err(bad_request(format!("{path} is not a directory"))),
            Ok(_) => {}
            Err(e) => return Err(io_error(&path, &e)),
        }
        let mut all = vec![];
        walk(&root, Some(depth), &mut all).map_err(|e| io_error(&path, &e))?;
        Ok(all
            .iter()
            .filter_map(|p| file_info(p, shown(p)).ok())
            .collect::<Vec<_>>())
    })
    .await;
    match result {
        Ok(Ok(list)) => util::json(StatusCode::OK, &list),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

/// `POST /directories`: `mkdir -p` plus permissions.
pub(crate) async fn make_dirs(
    State(core): State<Arc<SandboxCore>>,
    ExecdJson(body): ExecdJson<HashMap<String, et::Permission>>,
) -> Response {
    let result = blocking(move || {
        for (p, perm) in body {
            let full = resolve(&core, &p);
            std::fs::create_dir_all(&full).map_err(|e| io_error(&p, &e))?;
            apply_permission(
                &full,
                perm.owner.as_deref(),
                perm.group.as_deref(),
                Some(perm.mode),
            )
            .map_err(runtime_error)?;
        }
        Ok(())
    })
    .await;
    match result {
        Ok(Ok(())) => util::empty(StatusCode::OK),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

/// `DELETE /directories?path=...`: `rm -rf`.
pub(crate) async fn remove_dirs(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
) -> Response {
    let paths = match path_params(q.as_deref()) {
        Ok(paths) => paths,
        Err(resp) => return resp,
    };
    let result = blocking(move || {
        for p in paths {
            let full = resolve(&core, &p);
            if full == Path::new("/") {
                return Err(bad_request("refusing to remove /"));
            }
            match std::fs::remove_dir_all(&full) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(io_error(&p, &e)),
            }
        }
        Ok(())
    })
    .await;
    match result {
        Ok(Ok(())) => util::empty(StatusCode::OK),
        Ok(Err(resp)) | Err(resp) => resp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(mode_digits(0o755), 755);
        assert_eq!(mode_digits(0o100644), 644);
        assert_eq!(mode_bits(755), Some(0o755));
        assert_eq!(mode_bits(4755), Some(0o4755));
        assert_eq!(mode_bits(789), None);
        assert_eq!(mode_bits(-1), None);
    }

    #[test]
    fn ranges() {
        let r = |h: &str, size| match parse_range(Some(h), size) {
            Range::Full => "full".to_owned(),
            Range::Part(a, b) => format!("{a}-{b}"),
            Range::Unsatisfiable => "416".to_owned(),
        };
        assert_eq!(r("bytes=0-9", 100), "0-9");
        assert_eq!(r("bytes=90-", 100), "90-99");
        assert_eq!(r("bytes=-10", 100), "90-99");
        assert_eq!(r("bytes=50-500", 100), "50-99");
        assert_eq!(r("bytes=100-", 100), "416");
        assert_eq!(r("bytes=-0", 100), "416");
        assert_eq!(r("bytes=0-1,5-6", 100), "full");
        assert_eq!(r("items=0-1", 100), "full");
        assert_eq!(r("bytes=5-1", 100), "full");
    }

    #[test]
    fn replace_counts() {
        let (out, n) = count_and_replace(b"a=1 a=1 b", b"a=1", b"a=2");
        assert_eq!((out.as_slice(), n), (&b"a=2 a=2 b"[..], 2));
    }
}
