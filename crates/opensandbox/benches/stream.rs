//! Throughput of the streaming layer: framing + JSON decode + delivery of `text` to the
//! caller, over realistic execd stdout events (~100 bytes each) fed from memory in 64 KiB
//! chunks. Every realistic line ends with `\n`, which JSON escapes, so its `Text` is
//! decoded (one exact-size copy); the "no escapes" row shows texts sliced from the
//! received chunk (zero-copy).
//!
//! Run with `cargo bench -p opensandbox --bench stream`. `STREAM_BENCH_MIB` sets the
//! input size (default 256), `STREAM_BENCH_RUNS` the runs per case (default 5; the best
//! and the median are printed).

use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::StreamExt;
use opensandbox::execution::{CollectOptions, Execution};
use opensandbox::stream::{EventStream, FrameParser, StreamEvent, StreamOptions};

const CHUNK: usize = 64 * 1024;

/// Lines a command might print: log lines, paths, numbers, some characters JSON escapes.
const LINES: &[&str] = &[
    "2024-05-01T12:00:00Z INFO worker-3 processed batch 1842 in 12.4ms (ok)",
    "  Compiling serde_json v1.0.120 (/home/user/.cargo/registry/src/serde_json)",
    "test result: ok. 128 passed; 0 failed; 0 ignored; 0 measured",
    "drwxr-xr-x  5 root root 4096 May  1 12:00 /var/lib/sandbox/workspace",
    "Epoch 3/10 - loss: 0.4312 - accuracy: 0.8876 - val_loss: 0.4521",
    "GET /api/v1/items?page=2 200 3.1ms \"Mozilla/5.0\"\tbytes=5120",
    "Downloading https://files.example.org/archive-1.2.3.tar.gz (34%)",
    "warning: unused variable `x` at src/main.rs:10:9",
];

#[derive(Clone, Copy)]
enum Framing {
    /// execd: `{json}\n\n`
    BareJson,
    /// `data: {json}\n\n`
    Sse,
    /// `{json}\n` (no blank lines)
    Ndjson,
}

impl Framing {
    fn name(self) -> &'static str {
        match self {
            Framing::BareJson => "bare JSON ({json}\\n\\n, execd)",
            Framing::Sse => "SSE (data: {json}\\n\\n)",
            Framing::Ndjson => "NDJSON ({json}\\n)",
        }
    }

    fn write(self, out: &mut Vec<u8>, json: &str) {
        match self {
            Framing::BareJson => {
                out.extend_from_slice(json.as_bytes());
                out.extend_from_slice(b"\n\n");
            }
            Framing::Sse => {
                out.extend_from_slice(b"data: ");
                out.extend_from_slice(json.as_bytes());
                out.extend_from_slice(b"\n\n");
            }
            Framing::Ndjson => {
                out.extend_from_slice(json.as_bytes());
                out.push(b'\n');
            }
        }
    }
}

struct Input {
    chunks: Vec<Bytes>,
    bytes: usize,
    events: usize,
    text_bytes: usize,
}

fn build(framing: Framing, total: usize, escapes: bool) -> Input {
    let mut out = Vec::with_capacity(total + 4096);
    let mut events = 0;
    let mut text_bytes = 0;
    let mut ts: u64 = 1_714_564_800_000;
    let mut i = 0usize;
    while out.len() < total {
        let line = LINES[i % LINES.len()];
        let text = if escapes {
            format!("{line}\n")
        } else {
            line.replace(['"', '\t'], " ")
        };
        let json = serde_json::json!({ "type": "stdout", "text": text, "timestamp": ts });
        framing.write(&mut out, &json.to_string());
        text_bytes += text.len();
        events += 1;
        ts += 1 + (i as u64 % 3);
        i += 1;
    }
    framing.write(
        &mut out,
        r#"{"type":"execution_complete","execution_time":60000,"timestamp":1714564860000}"#,
    );
    let bytes = out.len();
    let all = Bytes::from(out);
    let chunks = (0..bytes)
        .step_by(CHUNK)
        .map(|s| all.slice(s..(s + CHUNK).min(bytes)))
        .collect();
    Input {
        chunks,
        bytes,
        events,
        text_bytes,
    }
}

fn body(
    input: &Input,
) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures::stream::iter(input.chunks.clone().into_iter().map(Ok))
}

/// EventStream over the body; the caller receives every stdout `text`.
async fn run_events(input: &Input, options: StreamOptions) -> (usize, usize) {
    let mut events = EventStream::new(body(input), options);
    let (mut n, mut text) = (0, 0);
    while let Some(ev) = events.next().await {
        match ev.expect("no error in the benchmark input") {
            StreamEvent::Stdout { text: t, .. } => {
                n += 1;
                text += std::hint::black_box(t).len();
            }
            ev => assert!(ev.is_terminal()),
        }
    }
    (n, text)
}

/// Execution::collect with output kept (stdout accumulated into one String).
async fn run_collect(input: &Input) -> (usize, usize) {
    let events = EventStream::new(body(input), StreamOptions::default());
    let exec = Execution::collect(events, CollectOptions::default())
        .await
        .expect("no error in the benchmark input");
    assert_eq!(exec.exit_code, Some(0));
    (0, exec.stdout.len())
}

/// The synchronous parser alone: framing only (no JSON decode).
fn run_frames(input: &Input) -> (usize, usize) {
    let mut p = FrameParser::new();
    let (mut n, mut bytes) = (0, 0);
    for c in &input.chunks {
        p.push(c.clone());
        while let Some(f) = p.next_frame() {
            n += 1;
            bytes += std::hint::black_box(f.expect("valid frame")).data.len();
        }
    }
    p.finish();
    while let Some(f) = p.next_frame() {
        n += 1;
        bytes += f.expect("valid frame").data.len();
    }
    (n, bytes)
}

/// Framing plus decoding, synchronously (no async stream around it).
fn run_decode(input: &Input) -> (usize, usize) {
    let mut p = FrameParser::new();
    let (mut n, mut text) = (0, 0);
    let mut take = |ev: StreamEvent| {
        if let StreamEvent::Stdout { text: t, .. } = ev {
            n += 1;
            text += std::hint::black_box(t).len();
        }
    };
    for c in &input.chunks {
        p.push(c.clone());
        while let Some(ev) = p.next_event() {
            take(ev.expect("valid event"));
        }
    }
    p.finish();
    while let Some(ev) = p.next_event() {
        take(ev.expect("valid event"));
    }
    (n, text)
}

fn report(name: &str, input: &Input, times: &mut [Duration], cpu: &mut [Duration]) {
    if times.is_empty() {
        return;
    }
    times.sort();
    cpu.sort();
    let mbps = |d: Duration| input.bytes as f64 / d.as_secs_f64().max(1e-9) / 1e6;
    let best = times[0];
    let median = times[times.len() / 2];
    let on_cpu = cpu
        .first()
        .map(|c| format!(", {:.0} MB/s on-CPU", mbps(*c)))
        .unwrap_or_default();
    println!(
        "{name:<54} {:>5.0} MB/s best {:>5.0} MB/s median  ({:.2} M events/s{on_cpu})",
        mbps(best),
        mbps(median),
        input.events as f64 / best.as_secs_f64() / 1e6,
    );
}

/// Time this thread has spent on a CPU (Linux), to tell the code's own speed apart from
/// time lost to other processes on a shared machine.
fn cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Times `f` `runs` times (if the case is selected) and prints the result.
fn case(name: &str, input: &Input, runs: usize, only: Option<&str>, mut f: impl FnMut()) {
    if only.is_some_and(|o| !name.contains(o)) {
        return;
    }
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let (t, c) = (Instant::now(), cpu_time());
        f();
        times.push(t.elapsed());
        if let (Some(c0), Some(c1)) = (c, cpu_time()) {
            cpu.push(c1.saturating_sub(c0));
        }
    }
    report(name, input, &mut times, &mut cpu);
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this too, with a tiny input.
    let quick = !std::env::args().any(|a| a == "--bench");
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mib = if quick {
        1
    } else {
        env("STREAM_BENCH_MIB", 256)
    };
    let runs = if quick {
        1
    } else {
        env("STREAM_BENCH_RUNS", 5).max(1)
    };
    // `STREAM_BENCH_ONLY=<part of a case name>` runs only the matching cases.
    let only = std::env::var("STREAM_BENCH_ONLY").ok();
    let only = only.as_deref();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio runtime");

    println!(
        "stream throughput: {mib} MiB of stdout events in {} KiB chunks from memory, {runs} run(s) per case",
        CHUNK / 1024
    );
    println!("MB = 10^6 bytes of input; on-CPU = the same over the time this thread was on a CPU");
    for framing in [Framing::BareJson, Framing::Sse, Framing::Ndjson] {
        let stream_case = format!("EventStream, {}", framing.name());
        let mut names = vec![stream_case.clone()];
        if let Framing::BareJson = framing {
            names.extend(
                [
                    "Execution::collect (keep_output), bare JSON",
                    "FrameParser::next_event, bare JSON (sync, no stream)",
                    "FrameParser::next_frame, bare JSON (framing only)",
                ]
                .map(String::from),
            );
        }
        if only.is_some_and(|o| !names.iter().any(|n| n.contains(o))) {
            continue;
        }
        let input = build(framing, mib * 1024 * 1024, true);
        println!(
            "-- {}: {} events, {:.0} B/event on average",
            framing.name(),
            input.events,
            input.bytes as f64 / input.events as f64
        );
        case(&names[0], &input, runs, only, || {
            let got = rt.block_on(run_events(&input, StreamOptions::default()));
            assert_eq!(got, (input.events, input.text_bytes));
        });
        if let Framing::BareJson = framing {
            case(&names[1], &input, runs, only, || {
                let (_, text) = rt.block_on(run_collect(&input));
                assert_eq!(text, input.text_bytes);
            });
            case(&names[2], &input, runs, only, || {
                assert_eq!(run_decode(&input).0, input.events)
            });
            case(&names[3], &input, runs, only, || {
                assert_eq!(run_frames(&input).0, input.events + 1)
            });
        }
    }
    let plain = "EventStream, bare JSON, texts without escapes (zero-copy)";
    if only.is_none_or(|o| plain.contains(o)) {
        let input = build(Framing::BareJson, mib * 1024 * 1024, false);
        println!(
            "-- bare JSON, no `\\n` nor other escapes in the texts: {} events, {:.0} B/event on average",
            input.events,
            input.bytes as f64 / input.events as f64
        );
        case(plain, &input, runs, only, || {
            let got = rt.block_on(run_events(&input, StreamOptions::default()));
            assert_eq!(got, (input.events, input.text_bytes));
        });
    }
}
