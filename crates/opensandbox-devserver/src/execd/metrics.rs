//! `GET /metrics` and `GET /metrics/watch` from `/proc` (host-wide figures).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use opensandbox_execd_api::types as et;
use tokio::sync::mpsc;

use super::runtime_error;
use crate::state::SandboxCore;
use crate::util;

/// (busy, total) jiffies from the first line of `/proc/stat`.
fn cpu_times() -> Result<(u64, u64), String> {
    let stat =
        std::fs::read_to_string("/proc/stat").map_err(|e| format!("read /proc/stat: {e}"))?;
    let line = stat.lines().next().ok_or("empty /proc/stat")?;
    let nums: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|n| n.parse().ok())
        .collect();
    if nums.len() < 4 {
        return Err("unexpected /proc/stat format".to_owned());
    }
    let total: u64 = nums.iter().sum();
    let idle = nums[3] + nums.get(4).copied().unwrap_or(0);
    Ok((total - idle, total))
}

/// (total MiB, used MiB) from `/proc/meminfo`.
fn memory() -> Result<(f32, f32), String> {
    let info =
        std::fs::read_to_string("/proc/meminfo").map_err(|e| format!("read /proc/meminfo: {e}"))?;
    let field = |name: &str| -> Option<f64> {
        info.lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let total = field("MemTotal:").ok_or("MemTotal missing in /proc/meminfo")?;
    let available = field("MemAvailable:")
        .or_else(|| field("MemFree:"))
        .unwrap_or(0.0);
    Ok((
        (total / 1024.0) as f32,
        ((total - available) / 1024.0) as f32,
    ))
}

fn cpu_count() -> f32 {
    std::thread::available_parallelism()
        .map(|n| n.get() as f32)
        .unwrap_or(1.0)
}

fn measure(prev: (u64, u64), now: (u64, u64)) -> Result<et::Metrics, String> {
    let busy = now.0.saturating_sub(prev.0) as f64;
    let total = now.1.saturating_sub(prev.1) as f64;
    let pct = if total > 0.0 {
        busy / total * 100.0
    } else {
        0.0
    };
    let (mem_total, mem_used) = memory()?;
    Ok(et::Metrics {
        cpu_count: cpu_count(),
        cpu_used_pct: pct as f32,
        mem_total_mib: mem_total,
        mem_used_mib: mem_used,
        timestamp: util::now_ms(),
    })
}

/// `GET /metrics`: one measurement (CPU over a 100 ms window).
pub(crate) async fn snapshot(State(_core): State<Arc<SandboxCore>>) -> Response {
    let result = async {
        let a = cpu_times()?;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let b = cpu_times()?;
        measure(a, b)
    }
    .await;
    match result {
        Ok(m) => util::json(StatusCode::OK, &m),
        Err(e) => runtime_error(e),
    }
}

/// `GET /metrics/watch`: NDJSON, one object per line, once a second.
pub(crate) async fn watch(State(_core): State<Arc<SandboxCore>>) -> Response {
    let (tx, rx) = mpsc::channel::<Bytes>(4);
    tokio::spawn(async move {
        let mut prev = cpu_times().ok();
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.tick().await;
        loop {
            tick.tick().await;
            let now = cpu_times();
            let line = match (prev, &now) {
                (Some(p), Ok(n)) => match measure(p, *n) {
                    Ok(m) => serde_json::to_vec(&m).unwrap_or_default(),
                    Err(e) => {
                        serde_json::to_vec(&serde_json::json!({ "error": e })).unwrap_or_default()
                    }
                },
                (_, Err(e)) => {
                    serde_json::to_vec(&serde_json::json!({ "error": e })).unwrap_or_default()
                }
                (None, Ok(_)) => {
                    serde_json::to_vec(&serde_json::json!({ "error": "no previous CPU sample" }))
                        .unwrap_or_default()
                }
            };
            prev = now.ok();
            let mut line = line;
            line.push(b'\n');
            if tx.send(Bytes::from(line)).await.is_err() {
                break;
            }
        }
    });
    let body = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, Infallible>(b), rx))
    });
    let mut resp = Response::new(Body::from_stream(body));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}
