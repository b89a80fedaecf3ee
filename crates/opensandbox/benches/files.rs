//! File transfer throughput: `ExecdClient` downloads and uploads over loopback against a
//! minimal streaming HTTP server, next to `curl` against the same server in the same run,
//! with the peak RSS (VmHWM) of the SDK runs.
//!
//! ```text
//! cargo bench -p opensandbox --bench files
//! OPEN_SANDBOX_BENCH_MIB=256 cargo bench -p opensandbox --bench files   # smaller file
//! OPEN_SANDBOX_BENCH_MT=1 cargo bench -p opensandbox --bench files      # client on a 2-worker runtime
//! ```
//!
//! The server runs on its own two-thread runtime in this process; the SDK client runs on a
//! current-thread runtime (like curl, one thread) unless `OPEN_SANDBOX_BENCH_MT` is set.
//! Numbers are the best of five runs each, curl and SDK interleaved, so that load from
//! other processes hits both alike.
//!
//! Targets: SDK throughput ≥ 0.9× curl; peak RSS < 32 MiB.

use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::Command;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::{StreamExt, TryStreamExt};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use opensandbox::api::execd::ExecdClient;
use opensandbox::api::execd::UploadFile;
use tokio::net::TcpListener;

const BLOCK: usize = 256 * 1024;
const RUNS: usize = 5;

fn block() -> Bytes {
    Bytes::from((0..BLOCK).map(|i| (i % 251) as u8).collect::<Vec<u8>>())
}

/// `total` bytes as a stream of one shared block (no allocation per chunk).
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

/// `POST /files/upload` (or any POST/PUT): reads and counts the body, answers the count.
/// `GET /files/download?path=/big/<n>`: streams `n` bytes with a Content-Length.
async fn serve(req: hyper::Request<Incoming>) -> Result<hyper::Response<Body>, Infallible> {
    if req.method() != hyper::Method::GET {
        let mut body = req.into_body();
        let mut n = 0u64;
        while let Some(frame) = body.frame().await {
            let Ok(frame) = frame else { break };
            if let Some(d) = frame.data_ref() {
                n += d.len() as u64;
            }
        }
        return Ok(hyper::Response::new(
            Full::new(Bytes::from(n.to_string())).boxed(),
        ));
    }
    let total: u64 = req
        .uri()
        .query()
        .and_then(|q| q.strip_prefix("path=%2Fbig%2F"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let body = StreamBody::new(generated(total).map_ok(Frame::data));
    Ok(hyper::Response::builder()
        .header("content-type", "application/octet-stream")
        .header("content-length", total)
        .body(BodyExt::boxed(body))
        .expect("a valid response"))
}

/// Starts the server on its own two-thread runtime; returns its address.
fn start_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("server runtime");
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            tx.send(listener.local_addr().expect("addr"))
                .expect("send addr");
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    return;
                };
                let _ = sock.set_nodelay(true);
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(sock), service_fn(serve))
                        .await;
                });
            }
        });
    });
    rx.recv().expect("server address")
}

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mib_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / d.as_secs_f64()
}

fn curl(args: &[&str]) -> Duration {
    let t0 = Instant::now();
    let out = Command::new("curl").args(args).output().expect("curl runs");
    let d = t0.elapsed();
    assert!(
        out.status.success(),
        "curl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    d
}

/// Best of `RUNS` (the least disturbed run).
fn best(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[0]
}

struct Row {
    what: &'static str,
    sdk: Duration,
    curl: Duration,
    peak_kib: u64,
}

fn main() {
    let mib: u64 = std::env::var("OPEN_SANDBOX_BENCH_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let size = mib * 1024 * 1024;
    let addr = start_server();
    let base = format!("http://{addr}");
    let download_url = format!("{base}/files/download?path=%2Fbig%2F{size}");
    let upload_url = format!("{base}/files/upload");

    // The file curl -T and UploadFile::from_path read (in the page cache after writing).
    let local = std::env::temp_dir().join(format!("opensandbox-bench-{}.bin", std::process::id()));
    {
        let mut f = std::fs::File::create(&local).expect("create the upload file");
        let b = block();
        let mut left = size;
        while left > 0 {
            let n = left.min(BLOCK as u64) as usize;
            f.write_all(&b[..n]).expect("write the upload file");
            left -= n as u64;
        }
    }
    let local_str = local.to_string_lossy().to_string();

    let rt = if std::env::var_os("OPEN_SANDBOX_BENCH_MT").is_some() {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    }
    .expect("client runtime");
    let execd = rt
        .block_on(async { ExecdClient::new(&base, "bench-token") })
        .expect("client");
    let idle_kib = status_kib("VmRSS:");

    let mut rows = Vec::new();

    // Download, discarding the bytes.
    let mut sdk = Vec::new();
    let mut curl_t = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        curl_t.push(curl(&["-s", "-o", "/dev/null", &download_url]));
        reset_peak();
        let t0 = Instant::now();
        let n = rt.block_on(async {
            let mut d = execd
                .download(&format!("/big/{size}"))
                .await
                .expect("download");
            let mut n = 0u64;
            while let Some(chunk) = d.next().await {
                n += chunk.expect("chunk").len() as u64;
            }
            n
        });
        sdk.push(t0.elapsed());
        assert_eq!(n, size);
        peak = peak.max(status_kib("VmHWM:"));
    }
    rows.push(Row {
        what: "download (stream, discard) vs curl -o /dev/null",
        sdk: best(sdk),
        curl: best(curl_t.clone()),
        peak_kib: peak,
    });

    // Download to a path (/dev/null, so the disk is out of the picture).
    let mut sdk = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        reset_peak();
        let t0 = Instant::now();
        let n = rt
            .block_on(execd.download_to_path(&format!("/big/{size}"), "/dev/null"))
            .expect("download to path");
        sdk.push(t0.elapsed());
        assert_eq!(n, size);
        peak = peak.max(status_kib("VmHWM:"));
    }
    rows.push(Row {
        what: "download_to_path(/dev/null) vs curl -o /dev/null",
        sdk: best(sdk),
        curl: best(curl_t),
        peak_kib: peak,
    });

    // Upload from a local file (both read the same file).
    let mut sdk = Vec::new();
    let mut curl_t = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        curl_t.push(curl(&[
            "-s",
            "-o",
            "/dev/null",
            "-X",
            "POST",
            "-H",
            "Expect:",
            "-H",
            "Content-Type: application/octet-stream",
            "-T",
            &local_str,
            &upload_url,
        ]));
        reset_peak();
        let t0 = Instant::now();
        rt.block_on(execd.upload([UploadFile::from_path("/w/big.bin", &local)]))
            .expect("upload");
        sdk.push(t0.elapsed());
        peak = peak.max(status_kib("VmHWM:"));
    }
    let curl_upload = best(curl_t);
    rows.push(Row {
        what: "upload from_path (multipart) vs curl -T file",
        sdk: best(sdk),
        curl: curl_upload,
        peak_kib: peak,
    });

    // Upload from a generated stream of known size.
    let mut sdk = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        reset_peak();
        let t0 = Instant::now();
        rt.block_on(execd.upload([UploadFile::from_stream(
            "/w/big.bin",
            generated(size),
            Some(size),
        )]))
        .expect("upload");
        sdk.push(t0.elapsed());
        peak = peak.max(status_kib("VmHWM:"));
    }
    rows.push(Row {
        what: "upload from_stream (multipart) vs curl -T file",
        sdk: best(sdk),
        curl: curl_upload,
        peak_kib: peak,
    });

    let _ = std::fs::remove_file(&local);

    println!();
    println!(
        "files: {mib} MiB over loopback, best of {RUNS}; process RSS before the runs {:.1} MiB",
        idle_kib as f64 / 1024.0
    );
    println!(
        "{:<52} {:>12} {:>12} {:>8} {:>14}",
        "", "SDK MiB/s", "curl MiB/s", "ratio", "peak RSS MiB"
    );
    let mut ok = true;
    for r in &rows {
        let s = mib_s(size, r.sdk);
        let c = mib_s(size, r.curl);
        let ratio = s / c;
        let peak = r.peak_kib as f64 / 1024.0;
        ok &= ratio >= 0.9 && peak < 32.0;
        println!(
            "{:<52} {:>12.0} {:>12.0} {:>7.2}x {:>14.1}",
            r.what, s, c, ratio, peak
        );
    }
    println!(
        "targets (>= 0.9x curl, peak RSS < 32 MiB): {}",
        if ok { "met" } else { "NOT met" }
    );
}
