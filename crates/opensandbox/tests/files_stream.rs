//! Streamed uploads and downloads: the exact multipart bytes on the wire, byte ranges
//! (206, 416, servers that ignore `Range`), the idle watchdog instead of a whole-request
//! deadline, and large transfers whose memory does not grow with the file.

use std::convert::Infallible;
use std::io::Write as _;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::{StreamExt, TryStreamExt};
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::{Frame, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::execd::UploadFile;
use opensandbox::{ClientOptions, Error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "execd-token";

struct NoRange;

impl Match for NoRange {
    fn matches(&self, request: &Request) -> bool {
        !request.headers.contains_key("range")
    }
}

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "opensandbox-files-stream-{}-{name}",
        std::process::id()
    ))
}

/// The boundary from `multipart/form-data; boundary=…`.
fn boundary_of(request: &Request) -> String {
    let ct = request.headers["content-type"].to_str().unwrap();
    let (kind, b) = ct.split_once("; boundary=").unwrap();
    assert_eq!(kind, "multipart/form-data");
    assert!(!b.is_empty() && b.len() <= 70, "{b}");
    assert!(
        b.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'),
        "{b}"
    );
    b.to_string()
}

fn metadata_part(b: &str, json: &str) -> String {
    format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"metadata\"; filename=\"metadata\"\r\n\
         Content-Type: application/json\r\n\r\n{json}\r\n"
    )
}

fn file_part_head(b: &str, filename: &str) -> String {
    format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
}

#[tokio::test]
async fn multipart_upload_bytes_on_the_wire() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/files/upload"))
        .and(header("x-execd-access-token", TOKEN))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let local = temp_path("local.bin");
    std::fs::File::create(&local)
        .unwrap()
        .write_all(b"from a path\x00\xff")
        .unwrap();
    let reader: &'static [u8] = b"from a reader";
    let execd = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    execd
        .upload([
            UploadFile::from_bytes("/workspace/a.txt", "hello\r\n--not-a-boundary")
                .owner("root")
                .group("staff")
                .mode(0o644),
            UploadFile::from_path("/workspace/bin/tool", &local).mode(0o755),
            UploadFile::from_reader("/workspace/r \"q\".txt", reader, Some(reader.len() as u64)),
        ])
        .await
        .unwrap();
    std::fs::remove_file(&local).unwrap();

    let reqs = server.received_requests().await.unwrap();
    let req = &reqs[0];
    let b = boundary_of(req);
    let mut expected = String::new();
    expected += &metadata_part(
        &b,
        r#"{"path":"/workspace/a.txt","owner":"root","group":"staff","mode":644}"#,
    );
    expected += &file_part_head(&b, "a.txt");
    expected += "hello\r\n--not-a-boundary\r\n";
    expected += &metadata_part(&b, r#"{"path":"/workspace/bin/tool","mode":755}"#);
    expected += &file_part_head(&b, "tool");
    let mut expected = expected.into_bytes();
    expected.extend_from_slice(b"from a path\x00\xff\r\n");
    let mut rest = metadata_part(&b, r#"{"path":"/workspace/r \"q\".txt"}"#);
    rest += &file_part_head(&b, "r %22q%22.txt");
    rest += "from a reader\r\n";
    rest += &format!("--{b}--\r\n");
    expected.extend_from_slice(rest.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&req.body),
        String::from_utf8_lossy(&expected)
    );
    assert_eq!(req.body, expected);
    // Every size was known: a Content-Length, no chunking.
    assert_eq!(
        req.headers["content-length"].to_str().unwrap(),
        expected.len().to_string()
    );
    assert!(!req.headers.contains_key("transfer-encoding"));
}

#[tokio::test]
async fn an_upload_of_unknown_size_is_chunked_and_boundaries_are_random() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/files/upload"))
        .respond_with(ResponseTemplate::new(200))
        .expect(2)
        .mount(&server)
        .await;
    let execd = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    let chunks = futures::stream::iter(vec![
        Ok::<_, std::io::Error>(Bytes::from_static(b"part one, ")),
        Ok(Bytes::from_static(b"part two")),
    ]);
    execd
        .upload([UploadFile::from_stream("/w/s.txt", chunks, None)])
        .await
        .unwrap();
    execd.write_file("/w/t.txt", "t").await.unwrap();
    let reqs = server.received_requests().await.unwrap();
    let b0 = boundary_of(&reqs[0]);
    let b1 = boundary_of(&reqs[1]);
    assert_ne!(b0, b1);
    assert!(!reqs[0].headers.contains_key("content-length"));
    assert_eq!(reqs[0].headers["transfer-encoding"], "chunked");
    let mut expected = metadata_part(&b0, r#"{"path":"/w/s.txt"}"#);
    expected += &file_part_head(&b0, "s.txt");
    expected += "part one, part two\r\n";
    expected += &format!("--{b0}--\r\n");
    assert_eq!(String::from_utf8_lossy(&reqs[0].body), expected);
}

#[tokio::test]
async fn upload_source_errors_are_reported_as_io() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/files/upload"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let execd = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    // A local file that does not exist: nothing is sent.
    let err = execd
        .upload([UploadFile::from_path("/w/x", temp_path("does-not-exist"))])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    // A reader shorter than announced fails the upload instead of sending a torn body.
    let short: &'static [u8] = b"only 10 b.";
    let err = execd
        .upload([UploadFile::from_reader("/w/y", short, Some(100))])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Io { source, .. } if source.to_string().contains("10 of the 100")),
        "{err:?}"
    );
    // A stream that fails.
    let failing = futures::stream::iter(vec![
        Ok(Bytes::from_static(b"abc")),
        Err(std::io::Error::other("disk on fire")),
    ]);
    let err = execd
        .upload([UploadFile::from_stream("/w/z", failing, None)])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Io { source, .. } if source.to_string().contains("disk on fire")),
        "{err:?}"
    );
    // Invalid input.
    assert!(matches!(
        execd
            .upload([UploadFile::from_bytes("/w/m", "x").mode(0o17777)])
            .await,
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        execd.upload(Vec::new()).await,
        Err(Error::InvalidInput(_))
    ));
    let only_successful_requests = server.received_requests().await.unwrap().len();
    assert!(only_successful_requests <= 2);
}

#[tokio::test]
async fn downloads_whole_ranged_and_to_a_path() {
    let server = MockServer::start().await;
    let content = b"0123456789";
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(query_param("path", "/w/data.bin"))
        .and(header("x-execd-access-token", TOKEN))
        .and(NoRange)
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(content.to_vec(), "application/octet-stream"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(query_param("path", "/w/data.bin"))
        .and(header("range", "bytes=2-5"))
        .respond_with(
            ResponseTemplate::new(206)
                .set_body_raw(b"2345".to_vec(), "application/octet-stream")
                .insert_header("content-range", "bytes 2-5/10"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(query_param("path", "/w/data.bin"))
        .and(header("range", "bytes=7-"))
        .respond_with(
            ResponseTemplate::new(206)
                .set_body_raw(b"789".to_vec(), "application/octet-stream")
                .insert_header("content-range", "bytes 7-9/10"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .and(header("range", "bytes=100-"))
        .respond_with(
            ResponseTemplate::new(416)
                .set_body_json(serde_json::json!({"code": "RANGE_NOT_SATISFIABLE", "message": "invalid range"}))
                .insert_header("content-range", "bytes */10"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let execd = ExecdClient::new(&server.uri(), TOKEN).unwrap();

    let whole = execd.download("/w/data.bin").await.unwrap();
    assert_eq!(whole.status().as_u16(), 200);
    assert_eq!(whole.content_length(), Some(10));
    assert!(!whole.is_partial());
    assert_eq!(&whole.bytes().await.unwrap()[..], content);

    let part = execd.download_range("/w/data.bin", 2..6).await.unwrap();
    assert_eq!(part.status().as_u16(), 206);
    let cr = part.content_range().unwrap();
    assert_eq!((cr.start, cr.end, cr.total), (2, 5, Some(10)));
    assert_eq!(&part.bytes().await.unwrap()[..], b"2345");

    let tail = execd.download_range("/w/data.bin", 7..).await.unwrap();
    let mut s = String::new();
    tail.into_async_read().read_to_string(&mut s).await.unwrap();
    assert_eq!(s, "789");

    let err = execd
        .download_range("/w/data.bin", 100..)
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.status.as_u16(), 416);
    assert!(
        api.message.contains("bytes=100-") && api.message.contains("/w/data.bin"),
        "{}",
        api.message
    );
    assert_eq!(api.code.as_deref(), Some("RANGE_NOT_SATISFIABLE"));

    let local = temp_path("download.bin");
    let n = execd.download_to_path("/w/data.bin", &local).await.unwrap();
    assert_eq!(n, 10);
    assert_eq!(std::fs::read(&local).unwrap(), content);
    std::fs::remove_file(&local).unwrap();

    let mut sink = Vec::new();
    let n = execd
        .download("/w/data.bin")
        .await
        .unwrap()
        .write_to(&mut sink)
        .await
        .unwrap();
    assert_eq!((n, sink.as_slice()), (10, &content[..]));
}

#[tokio::test]
async fn a_server_that_ignores_range_is_cut_to_the_range() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(b"0123456789".to_vec(), "application/octet-stream"),
        )
        .mount(&server)
        .await;
    let execd = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    let d = execd.download_range("/w/f", 3..=6).await.unwrap();
    assert_eq!(d.content_length(), Some(4));
    let cr = d.content_range().unwrap();
    assert_eq!((cr.start, cr.end, cr.total), (3, 6, Some(10)));
    assert_eq!(&d.bytes().await.unwrap()[..], b"3456");
    let d = execd.download_range("/w/f", 8..).await.unwrap();
    assert_eq!(&d.bytes().await.unwrap()[..], b"89");
    assert!(matches!(
        execd.download_range("/w/f", 5..5).await,
        Err(Error::InvalidInput(_))
    ));
}

#[tokio::test]
async fn a_missing_file_is_not_found() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/files/download"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            serde_json::json!({"code": "FILE_NOT_FOUND", "message": "no such file /w/nope"}),
        ))
        .mount(&server)
        .await;
    let execd = ExecdClient::new(&server.uri(), TOKEN).unwrap();
    let local = temp_path("never-created.bin");
    let err = execd.download_to_path("/w/nope", &local).await.unwrap_err();
    assert!(err.is_not_found());
    assert!(!local.exists());
}

/// Answers one request with `Content-Length: total`, then writes `chunks` with delays,
/// then stays silent.
async fn slow_download_server(total: usize, chunks: Vec<(Duration, &'static [u8])>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = vec![0u8; 4096];
        let mut head = Vec::new();
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = sock.read(&mut buf).await.unwrap();
            if n == 0 {
                return;
            }
            head.extend_from_slice(&buf[..n]);
        }
        let resp = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {total}\r\n\r\n"
        );
        sock.write_all(resp.as_bytes()).await.unwrap();
        for (delay, chunk) in chunks {
            tokio::time::sleep(delay).await;
            if sock.write_all(chunk).await.is_err() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn downloads_have_no_whole_request_deadline() {
    let chunks: Vec<(Duration, &'static [u8])> = (0..5)
        .map(|_| (Duration::from_millis(450), &b"abcd"[..]))
        .collect();
    let base = slow_download_server(20, chunks).await;
    let options = ClientOptions::new()
        .request_timeout(Duration::from_secs(1))
        .stream_idle_timeout(Duration::from_secs(5));
    let execd = ExecdClient::with_options(&base, TOKEN, options).unwrap();
    let t0 = Instant::now();
    let body = execd.read_file("/w/slow").await.unwrap();
    assert!(t0.elapsed() >= Duration::from_secs(2));
    assert_eq!(body.len(), 20);
}

#[tokio::test]
async fn a_stalled_download_trips_the_idle_watchdog() {
    let base = slow_download_server(100, vec![(Duration::ZERO, &b"only a few bytes"[..])]).await;
    let options = ClientOptions::new().stream_idle_timeout(Duration::from_millis(300));
    let execd = ExecdClient::with_options(&base, TOKEN, options).unwrap();
    let mut d = execd.download("/w/stalled").await.unwrap();
    let first = d.next().await.unwrap().unwrap();
    assert_eq!(&first[..], b"only a few bytes");
    let err = tokio::time::timeout(Duration::from_secs(10), d.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(d.next().await.is_none());
}

#[tokio::test]
async fn a_failed_download_keeps_the_previous_file_and_leaves_no_partial_file() {
    let dir = temp_path("keep-dir");
    std::fs::create_dir_all(&dir).unwrap();
    let local = dir.join("report.csv");
    std::fs::write(&local, b"previous content").unwrap();
    let base = slow_download_server(100, vec![(Duration::ZERO, &b"only a few bytes"[..])]).await;
    let options = ClientOptions::new().stream_idle_timeout(Duration::from_millis(300));
    let execd = ExecdClient::with_options(&base, TOKEN, options).unwrap();
    let err = execd
        .download_to_path("/w/stalled", &local)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(std::fs::read(&local).unwrap(), b"previous content");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("report.csv")]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[tokio::test]
async fn a_failed_download_to_a_device_never_removes_it() {
    use std::os::unix::fs::FileTypeExt;
    let base = slow_download_server(100, vec![(Duration::ZERO, &b"only a few bytes"[..])]).await;
    let options = ClientOptions::new().stream_idle_timeout(Duration::from_millis(300));
    let execd = ExecdClient::with_options(&base, TOKEN, options).unwrap();
    let err = execd
        .download_to_path("/w/stalled", "/dev/null")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
}

#[tokio::test]
async fn an_upload_the_server_stops_reading_trips_the_idle_watchdog() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = vec![0u8; 4096];
        let _ = sock.read(&mut buf).await;
        // Never read again, never answer.
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    let options = ClientOptions::new()
        .request_timeout(Duration::from_secs(60))
        .stream_idle_timeout(Duration::from_millis(500));
    let execd = ExecdClient::with_options(&format!("http://{addr}"), TOKEN, options).unwrap();
    let size = 256 * 1024 * 1024;
    let t0 = Instant::now();
    let err = tokio::time::timeout(
        Duration::from_secs(20),
        execd.upload([UploadFile::from_stream(
            "/w/big",
            generated(size),
            Some(size),
        )]),
    )
    .await
    .expect("the watchdog must fire")
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                what: "upload idle",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(t0.elapsed() < Duration::from_secs(10));
}

// ---- Large transfers ------------------------------------------------------------------

const BLOCK: usize = 256 * 1024;

fn block() -> Bytes {
    Bytes::from((0..BLOCK).map(|i| (i % 251) as u8).collect::<Vec<u8>>())
}

/// `total` bytes as a stream of shared blocks: no allocation per chunk.
fn generated(
    total: u64,
) -> impl futures::Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let block = block();
    futures::stream::unfold(0u64, move |sent| {
        let block = block.clone();
        async move {
            if sent >= total {
                return None;
            }
            let n = (total - sent).min(BLOCK as u64) as usize;
            Some((Ok(block.slice(..n)), sent + n as u64))
        }
    })
}

type Body = BoxBody<Bytes, Infallible>;

/// A minimal streaming execd stand-in: `POST /files/upload` reads and counts the body
/// (answering with the count), `GET /files/download?path=/big/<n>` streams `n` bytes.
async fn big_file_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(sock), service_fn(serve_big))
                    .await;
            });
        }
    });
    format!("http://{addr}")
}

async fn serve_big(req: hyper::Request<Incoming>) -> Result<hyper::Response<Body>, Infallible> {
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    if path == "/files/upload" {
        let mut body = req.into_body();
        let mut n = 0u64;
        let mut first = Vec::new();
        while let Some(frame) = body.frame().await {
            let Ok(frame) = frame else { break };
            if let Some(d) = frame.data_ref() {
                if first.len() < 2 {
                    first.extend_from_slice(&d[..d.len().min(2)]);
                }
                n += d.len() as u64;
            }
        }
        assert_eq!(first, b"--");
        return Ok(hyper::Response::new(
            Full::new(Bytes::from(n.to_string())).boxed(),
        ));
    }
    let total: u64 = query
        .strip_prefix("path=%2Fbig%2F")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let stream = generated(total).map_ok(Frame::data);
    Ok(hyper::Response::builder()
        .header("content-type", "application/octet-stream")
        .header("content-length", total)
        .body(BodyExt::boxed(StreamBody::new(stream)))
        .unwrap())
}

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets the peak-RSS counter (VmHWM) to the current RSS where the kernel allows it.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Uploads and downloads `size` bytes and returns the growth of peak RSS in MiB.
async fn transfer(size: u64) -> f64 {
    let base = big_file_server().await;
    let execd = ExecdClient::new(&base, TOKEN).unwrap();
    reset_peak();
    let rss_before = status_kib("VmRSS:");

    // Upload: the file part's bytes come from a generator; the request has a
    // Content-Length, so the server sees the exact multipart size.
    execd
        .upload([UploadFile::from_stream(
            "/w/big.bin",
            generated(size),
            Some(size),
        )])
        .await
        .unwrap();

    // Download: read chunk by chunk and check every byte.
    let mut d = execd.download(&format!("/big/{size}")).await.unwrap();
    assert_eq!(d.content_length(), Some(size));
    let expected = block();
    let mut got = 0u64;
    while let Some(chunk) = d.next().await {
        let chunk = chunk.unwrap();
        // The content repeats every BLOCK bytes; a chunk may straddle two blocks.
        let mut i = 0;
        while i < chunk.len() {
            let off = ((got + i as u64) % BLOCK as u64) as usize;
            let n = (BLOCK - off).min(chunk.len() - i);
            assert!(
                chunk[i..i + n] == expected[off..off + n],
                "bytes at {} differ",
                got + i as u64
            );
            i += n;
        }
        got += chunk.len() as u64;
    }
    assert_eq!(got, size);

    // Download to a path, streamed to disk.
    let local = temp_path("big.bin");
    let n = execd
        .download_to_path(&format!("/big/{size}"), &local)
        .await
        .unwrap();
    assert_eq!(n, size);
    assert_eq!(std::fs::metadata(&local).unwrap().len(), size);
    std::fs::remove_file(&local).unwrap();

    let peak = status_kib("VmHWM:");
    peak.saturating_sub(rss_before) as f64 / 1024.0
}

/// 1 GiB up, 1 GiB down (checked byte for byte), 1 GiB down to disk: a few seconds even
/// in a debug build, with peak RSS growing by a few MiB (`cargo bench --bench files`
/// compares the throughput with curl).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_1_gib_transfer_does_not_buffer_the_file() {
    let size = 1024 * 1024 * 1024;
    let t0 = Instant::now();
    let grew = transfer(size).await;
    eprintln!(
        "1 GiB up, down, down-to-disk: {:?}, peak RSS +{grew:.1} MiB",
        t0.elapsed()
    );
    assert!(
        grew < 64.0,
        "peak RSS grew by {grew:.1} MiB (a panic in another test of this binary also raises it)"
    );
}
