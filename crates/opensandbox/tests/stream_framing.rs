//! Framing, typed events, stream ending rules, watchdog, size limits, metrics, handlers
//! and aggregation of the streaming layer.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::Poll;
use std::time::Duration;

use bytes::Bytes;
use futures::stream::{self, Stream, StreamExt};
use opensandbox::Error;
use opensandbox::execution::{CollectOptions, Execution};
use opensandbox::stream::{
    DEFAULT_MAX_EVENT_SIZE, EventStream, FrameFormat, FrameParser, FrameStream, Metrics,
    MetricsStream, StreamEvent, StreamOptions, for_each_event,
};

type Body = Pin<Box<dyn Stream<Item = Result<Bytes, std::io::Error>> + Send>>;

/// A body that yields `chunks` and then ends.
fn body(chunks: Vec<Vec<u8>>) -> Body {
    Box::pin(stream::iter(
        chunks
            .into_iter()
            .map(|c| Ok(Bytes::from(c)))
            .collect::<Vec<_>>(),
    ))
}

/// A body that yields `chunks` and then never ends (like execd holding the connection);
/// `polled_after` turns true if it is polled once the chunks are gone.
fn body_then_pending(chunks: Vec<Vec<u8>>, polled_after: Arc<AtomicBool>) -> Body {
    Box::pin(
        stream::iter(
            chunks
                .into_iter()
                .map(|c| Ok(Bytes::from(c)))
                .collect::<Vec<_>>(),
        )
        .chain(stream::poll_fn(move |_| {
            polled_after.store(true, Ordering::SeqCst);
            Poll::Pending
        })),
    )
}

/// Events of `input` fed to a parser in the given pieces; errors as strings so runs compare.
fn parse_pieces(pieces: &[&[u8]]) -> Vec<Result<StreamEvent, String>> {
    let mut p = FrameParser::new();
    let mut out = Vec::new();
    for piece in pieces {
        p.push(Bytes::copy_from_slice(piece));
        while let Some(ev) = p.next_event() {
            out.push(ev.map_err(|e| e.to_string()));
        }
    }
    p.finish();
    while let Some(ev) = p.next_event() {
        out.push(ev.map_err(|e| e.to_string()));
    }
    out
}

fn parse_all(input: &[u8]) -> Vec<Result<StreamEvent, String>> {
    parse_pieces(&[input])
}

fn ok_events(input: &[u8]) -> Vec<StreamEvent> {
    parse_all(input)
        .into_iter()
        .map(|r| r.expect("no error expected"))
        .collect()
}

fn stdout_text(ev: &StreamEvent) -> Option<&str> {
    match ev {
        StreamEvent::Stdout { text, .. } => Some(text),
        _ => None,
    }
}

/// Every framing at once: BOM, bare JSON, SSE with CRLF, comments, event/id/retry fields,
/// multi-line data, CR line ends, unknown types, NDJSON without blank lines, malformed
/// frames, a pretty-printed object, multi-byte characters, and a terminal event.
const MIXED: &[u8] = b"\xEF\xBB\xBF{\"type\":\"init\",\"text\":\"abc\",\"timestamp\":1}\n\n\
{\"type\":\"stdout\",\"text\":\"h\xC3\xA9llo \xF0\x9F\xA6\x80\\n\",\"timestamp\":2}\n\n\
data: {\"type\":\"stderr\",\"text\":\"e1\"}\r\n\r\n\
: a comment\n\
event: stdout\nid: 7\nretry: 1500\ndata: {\"text\":\"via event name\"}\n\n\
data: {\"type\":\"result\",\ndata:  \"results\":{\"text\":\"4\",\"text/html\":\"<b>4</b>\",\"application/json\":{\"a\":1}}}\n\n\
{\"type\":\"status\",\"text\":\"busy\"}\r\r\
{\"type\":\"weird_new\",\"foo\":[1,2]}\n\
{\"type\":\"stdout\",\"text\":\"nd1\"}\n{\"type\":\"stdout\",\"text\":\"nd2\"}\n\
{not json}\n\n\
garbage line\n\
{\n  \"type\": \"stdout\",\n  \"text\": \"pretty\"\n}\n\n\
{\"type\":\"execution_count\",\"execution_count\":3}\r\n\r\n\
{\"type\":\"ping\",\"text\":\"pong\"}\n\n\
{\"type\":\"error\",\"error\":{\"ename\":\"CommandExecError\",\"evalue\":\"3\",\"traceback\":[]}}\n\n";

#[test]
fn mixed_framings_decode_as_expected() {
    let out = parse_all(MIXED);
    let kinds: Vec<String> = out
        .iter()
        .map(|r| match r {
            Ok(ev) => ev.kind().to_string(),
            Err(_) => "ERR".into(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "init",
            "stdout",
            "stderr",
            "stdout",
            "result",
            "status",
            "weird_new",
            "stdout",
            "stdout",
            "ERR",
            "ERR",
            "stdout",
            "execution_count",
            "ping",
            "error"
        ]
    );
    let ev = |i: usize| out[i].as_ref().unwrap();
    assert!(matches!(ev(0), StreamEvent::Init { id, timestamp: Some(1), .. } if id == "abc"));
    assert_eq!(stdout_text(ev(1)), Some("héllo 🦀\n"));
    assert!(matches!(ev(2), StreamEvent::Stderr { text, .. } if text == "e1"));
    assert_eq!(stdout_text(ev(3)), Some("via event name"));
    assert_eq!(ev(4).result_text().as_deref(), Some("4"));
    assert!(matches!(ev(5), StreamEvent::Status { state, .. } if state == "busy"));
    assert!(
        matches!(ev(6), StreamEvent::Unknown { kind, raw, .. } if kind == "weird_new" && raw["foo"][1] == 2)
    );
    assert_eq!(stdout_text(ev(7)), Some("nd1"));
    assert_eq!(stdout_text(ev(8)), Some("nd2"));
    let e9 = out[9].as_ref().unwrap_err();
    assert!(
        e9.contains("malformed") && e9.contains("{not json}"),
        "{e9}"
    );
    let e10 = out[10].as_ref().unwrap_err();
    assert!(e10.contains("garbage line"), "{e10}");
    assert_eq!(stdout_text(ev(11)), Some("pretty"));
    assert!(matches!(
        ev(12),
        StreamEvent::ExecutionCount { count: Some(3), .. }
    ));
    assert!(matches!(ev(13), StreamEvent::Ping { .. }));
    assert_eq!(ev(14).exit_code(), Some(3));
    assert!(ev(14).is_terminal());
}

#[test]
fn same_events_at_every_single_split_point() {
    let whole = parse_all(MIXED);
    for i in 0..=MIXED.len() {
        let (a, b) = MIXED.split_at(i);
        assert_eq!(parse_pieces(&[a, b]), whole, "split at {i}");
    }
}

#[test]
fn same_events_byte_by_byte() {
    let whole = parse_all(MIXED);
    let pieces: Vec<&[u8]> = MIXED.chunks(1).collect();
    assert_eq!(parse_pieces(&pieces), whole);
}

#[test]
fn same_events_with_random_multi_splits() {
    let whole = parse_all(MIXED);
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    for round in 0..2000 {
        let mut cuts: Vec<usize> = (0..rng.usize(1..12))
            .map(|_| rng.usize(0..=MIXED.len()))
            .collect();
        cuts.sort_unstable();
        let mut pieces = Vec::new();
        let mut prev = 0;
        for c in cuts {
            pieces.push(&MIXED[prev..c]);
            prev = c;
        }
        pieces.push(&MIXED[prev..]);
        assert_eq!(parse_pieces(&pieces), whole, "round {round}: {pieces:?}");
    }
}

#[test]
fn bare_json_objects_separated_by_blank_lines() {
    let evs = ok_events(
        b"{\"type\":\"stdout\",\"text\":\"a\"}\n\n{\"type\":\"stderr\",\"text\":\"b\"}\n\n",
    );
    assert_eq!(evs.len(), 2);
    assert_eq!(stdout_text(&evs[0]), Some("a"));
    assert!(matches!(&evs[1], StreamEvent::Stderr { text, .. } if text == "b"));
}

#[test]
fn ndjson_line_is_a_frame_without_a_blank_line() {
    // The frame must come out as soon as its line ends, not at the next blank line.
    let mut p = FrameParser::new();
    p.push(&b"{\"cpu_count\":2}\n"[..]);
    let f = p.next_frame().unwrap().unwrap();
    assert_eq!(f.format, FrameFormat::Json);
    assert_eq!(&f.data[..], b"{\"cpu_count\":2}");
    assert!(p.next_frame().is_none());
    p.push(&b"{\"cpu_count\":3}\n"[..]);
    assert_eq!(
        &p.next_frame().unwrap().unwrap().data[..],
        b"{\"cpu_count\":3}"
    );
}

#[test]
fn sse_fields_comments_id_and_retry() {
    let mut p = FrameParser::new();
    p.push(
        &b":keep-alive\nevent: custom\nid: 42\nretry: 2500\nfoo: ignored\ndata:{\"type\":\"stdout\",\"text\":\"x\"}\n\n"[..],
    );
    let f = p.next_frame().unwrap().unwrap();
    assert_eq!(f.format, FrameFormat::Sse);
    assert_eq!(f.event.as_deref(), Some("custom"));
    assert_eq!(f.id.as_deref(), Some("42"));
    assert_eq!(p.last_event_id(), Some("42"));
    assert_eq!(p.retry(), Some(Duration::from_millis(2500)));
    // The JSON `type` wins over the SSE event name.
    assert_eq!(
        stdout_text(&StreamEvent::from_frame(&f).unwrap()),
        Some("x")
    );
}

#[test]
fn sse_multi_line_data_is_joined_with_newlines() {
    let mut p = FrameParser::new();
    p.push(&b"data: {\"type\":\"stdout\",\ndata: \"text\":\"two\\nlines\"}\n\n"[..]);
    let f = p.next_frame().unwrap().unwrap();
    assert_eq!(
        &f.data[..],
        b"{\"type\":\"stdout\",\n\"text\":\"two\\nlines\"}"
    );
    assert_eq!(
        stdout_text(&StreamEvent::from_frame(&f).unwrap()),
        Some("two\nlines")
    );
}

#[test]
fn crlf_and_cr_line_ends() {
    let lf = ok_events(b"data: {\"type\":\"stdout\",\"text\":\"a\"}\n\n{\"type\":\"ping\"}\n\n");
    let crlf =
        ok_events(b"data: {\"type\":\"stdout\",\"text\":\"a\"}\r\n\r\n{\"type\":\"ping\"}\r\n\r\n");
    let cr = ok_events(b"data: {\"type\":\"stdout\",\"text\":\"a\"}\r\r{\"type\":\"ping\"}\r\r");
    assert_eq!(lf.len(), 2);
    assert_eq!(lf, crlf);
    assert_eq!(lf, cr);
}

#[test]
fn leading_bom_is_skipped() {
    let evs = ok_events(b"\xEF\xBB\xBFdata: {\"type\":\"ping\"}\n\n");
    assert_eq!(evs, ok_events(b"data: {\"type\":\"ping\"}\n\n"));
    let evs = ok_events(b"\xEF\xBB\xBF{\"type\":\"ping\"}\n\n");
    assert!(matches!(evs[0], StreamEvent::Ping { .. }));
}

#[test]
fn malformed_frames_are_error_items_and_parsing_goes_on() {
    let out = parse_all(
        b"{\"type\":\"stdout\",\"text\":}\n\n\
          <html>502 Bad Gateway</html>\n\
          data: not json\n\n\
          [1,2,3]\n\
          {\"type\":\"stdout\",\"text\":\"still here\"}\n\n",
    );
    assert_eq!(out.len(), 5, "{out:?}");
    for i in [0, 1, 3] {
        let msg = out[i].as_ref().unwrap_err();
        assert!(msg.starts_with("stream error: malformed frame"), "{msg}");
    }
    assert!(out[0].as_ref().unwrap_err().contains(r#"\"text\":}"#));
    assert!(out[1].as_ref().unwrap_err().contains("502 Bad Gateway"));
    // Plain text in an SSE `data:` line is an unknown event holding the text.
    assert!(
        matches!(out[2].as_ref().unwrap(), StreamEvent::Unknown { kind, raw, .. } if kind.is_empty() && raw == "not json"),
        "{:?}",
        out[2]
    );
    assert_eq!(stdout_text(out[4].as_ref().unwrap()), Some("still here"));
}

#[test]
fn unknown_and_missing_types_are_kept_raw() {
    let evs =
        ok_events(b"{\"type\":\"future_thing\",\"x\":{\"y\":[1]}}\n\n{\"text\":\"no type\"}\n\n");
    assert!(
        matches!(&evs[0], StreamEvent::Unknown { kind, raw, .. } if kind == "future_thing" && raw["x"]["y"][0] == 1)
    );
    assert!(
        matches!(&evs[1], StreamEvent::Unknown { kind, raw, .. } if kind.is_empty() && raw["text"] == "no type")
    );
    assert!(!evs[0].is_terminal());
}

#[test]
fn unknown_fields_and_nulls_are_ignored() {
    let evs = ok_events(
        b"{\"type\":\"stdout\",\"text\":\"a\",\"new_field\":{\"deep\":true},\"timestamp\":null}\n\n",
    );
    assert!(matches!(&evs[0], StreamEvent::Stdout { text, timestamp: None, .. } if text == "a"));
}

#[test]
fn finish_reports_a_truncated_frame() {
    for input in [
        &b"{\"type\":\"stdout\",\"text\":\"cut"[..],
        b"{\"type\":\"stdout\",\n\"text\":\"a\"\n",
        b"data: {\"type\":\"stdout\",\"te",
        b"data: {\"type\":\"stdout\",\"text\":\"a\"\n",
    ] {
        let out = parse_all(input);
        assert_eq!(out.len(), 1, "{input:?}: {out:?}");
        let msg = out[0].as_ref().unwrap_err();
        assert!(msg.contains("truncated"), "{msg}");
    }
}

#[test]
fn finish_delivers_complete_last_frames() {
    // An NDJSON line without its newline, and an SSE event without its blank line.
    let out =
        ok_events(b"{\"type\":\"stdout\",\"text\":\"a\"}\n{\"type\":\"stdout\",\"text\":\"b\"}");
    assert_eq!(out.len(), 2);
    let out = ok_events(b"data: {\"type\":\"stdout\",\"text\":\"c\"}\n");
    assert_eq!(stdout_text(&out[0]), Some("c"));
    // Nothing pending: nothing reported.
    assert!(
        parse_all(b"{\"type\":\"ping\"}\n\n: bye\n")
            .iter()
            .all(Result::is_ok)
    );
}

#[test]
fn finish_without_data_yields_nothing() {
    let mut p = FrameParser::new();
    p.finish();
    assert!(p.next_frame().is_none());
}

// ---------------------------------------------------------------------------------------
// EventStream

#[tokio::test]
async fn terminal_event_ends_the_stream_while_the_body_never_ends() {
    let polled_after = Arc::new(AtomicBool::new(false));
    let b = body_then_pending(
        vec![
            b"{\"type\":\"init\",\"text\":\"x\"}\n\n{\"type\":\"stdout\",\"text\":\"1\"}\n\n".to_vec(),
            // The terminal event, followed by bytes that must never be looked at.
            b"{\"type\":\"execution_complete\",\"execution_time\":5}\n\n{\"type\":\"stdout\",\"text\":\"late\"}\n\n"
                .to_vec(),
        ],
        polled_after.clone(),
    );
    let mut events = EventStream::new(b, StreamOptions::default());
    let mut kinds = Vec::new();
    let collected = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(ev) = events.next().await {
            kinds.push(ev.unwrap().kind().to_string());
        }
    })
    .await;
    assert!(
        collected.is_ok(),
        "the stream did not end at the terminal event"
    );
    assert_eq!(kinds, ["init", "stdout", "execution_complete"]);
    assert!(events.saw_terminal());
    assert!(
        !polled_after.load(Ordering::SeqCst),
        "body polled after the terminal event"
    );
    assert!(events.next().await.is_none());
}

#[tokio::test]
async fn error_event_is_terminal_too() {
    let polled_after = Arc::new(AtomicBool::new(false));
    let b = body_then_pending(
        vec![b"data: {\"type\":\"error\",\"error\":{\"ename\":\"CommandExecError\",\"evalue\":\"7\"}}\n\n".to_vec()],
        polled_after.clone(),
    );
    let events: Vec<_> = EventStream::new(b, StreamOptions::default())
        .collect()
        .await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].as_ref().unwrap().exit_code(), Some(7));
    assert!(!polled_after.load(Ordering::SeqCst));
}

#[tokio::test]
async fn body_ending_before_the_terminal_event_is_an_error() {
    let b = body(vec![b"{\"type\":\"stdout\",\"text\":\"1\"}\n\n".to_vec()]);
    let out: Vec<_> = EventStream::new(b, StreamOptions::default())
        .collect()
        .await;
    assert_eq!(out.len(), 2);
    assert!(out[0].is_ok());
    match &out[1] {
        Err(Error::Stream(msg)) => assert_eq!(msg, "connection closed before the terminal event"),
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn terminal_requirement_can_be_turned_off() {
    let b = body(vec![b"{\"type\":\"stdout\",\"text\":\"1\"}\n".to_vec()]);
    let out: Vec<_> = EventStream::new(b, StreamOptions::default().require_terminal(false))
        .collect()
        .await;
    assert_eq!(out.len(), 1);
    assert!(out[0].is_ok());
}

#[tokio::test(start_paused = true)]
async fn idle_stream_trips_the_watchdog() {
    let b: Body = Box::pin(
        stream::iter([Ok(Bytes::from_static(
            b"{\"type\":\"init\",\"text\":\"x\"}\n\n",
        ))])
        .chain(stream::pending()),
    );
    let start = tokio::time::Instant::now();
    let mut events = EventStream::new(b, StreamOptions::default());
    assert!(events.next().await.unwrap().is_ok());
    match events.next().await {
        Some(Err(Error::Timeout { what, after })) => {
            assert_eq!(what, "stream idle");
            assert_eq!(after, Duration::from_secs(60));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(start.elapsed(), Duration::from_secs(60));
    assert!(events.next().await.is_none());
}

#[tokio::test(start_paused = true)]
async fn pings_keep_a_long_stream_alive_and_the_limit_is_configurable() {
    // Ten minutes of pings every 3 s, then the end: no timeout, however long it runs.
    let b: Body = Box::pin(stream::unfold(0u32, |n| async move {
        match n {
            0..200 => {
                tokio::time::sleep(Duration::from_secs(3)).await;
                Some((
                    Ok(Bytes::from_static(
                        b"{\"type\":\"ping\",\"text\":\"pong\"}\n\n",
                    )),
                    n + 1,
                ))
            }
            200 => Some((
                Ok(Bytes::from_static(b"{\"type\":\"execution_complete\"}\n\n")),
                n + 1,
            )),
            _ => None,
        }
    }));
    let opts = StreamOptions::default().idle_timeout(Duration::from_secs(5));
    let out: Vec<_> = EventStream::new(b, opts).collect().await;
    assert_eq!(out.len(), 201);
    assert!(out.iter().all(Result::is_ok));

    // The same limit trips when the gap is longer.
    let b: Body = Box::pin(stream::unfold((), |_| async {
        tokio::time::sleep(Duration::from_secs(6)).await;
        Some((Ok(Bytes::from_static(b"{\"type\":\"ping\"}\n\n")), ()))
    }));
    let opts = StreamOptions::default().idle_timeout(Duration::from_secs(5));
    let out: Vec<_> = EventStream::new(b, opts).collect().await;
    assert!(matches!(out[..], [Err(Error::Timeout { .. })]), "{out:?}");
}

#[tokio::test]
async fn transport_errors_end_the_stream() {
    let b: Body = Box::pin(stream::iter(vec![
        Ok(Bytes::from_static(
            b"{\"type\":\"stdout\",\"text\":\"1\"}\n\n",
        )),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "reset",
        )),
        Ok(Bytes::from_static(
            b"{\"type\":\"stdout\",\"text\":\"2\"}\n\n",
        )),
    ]));
    let out: Vec<_> = EventStream::new(b, StreamOptions::default())
        .collect()
        .await;
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(matches!(&out[1], Err(Error::Transport { sent: true, .. })));

    // The crate's own errors pass through unchanged.
    let b = stream::iter(vec![Err::<Bytes, _>(Error::Stream("mine".into()))]);
    let out: Vec<_> = EventStream::new(b, StreamOptions::default())
        .collect()
        .await;
    assert!(matches!(&out[..], [Err(Error::Stream(m))] if m == "mine"));
}

fn chunked(data: Vec<u8>, size: usize) -> Body {
    let data = Bytes::from(data);
    let chunks: Vec<_> = (0..data.len())
        .step_by(size)
        .map(|i| Ok(data.slice(i..(i + size).min(data.len()))))
        .collect();
    Box::pin(stream::iter(chunks))
}

fn stdout_event(text_len: usize, framing: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(text_len + 64);
    v.extend_from_slice(framing.as_bytes());
    v.extend_from_slice(b"{\"type\":\"stdout\",\"text\":\"");
    v.resize(v.len() + text_len, b'x');
    v.extend_from_slice(b"\"}\n\n");
    v
}

#[tokio::test]
async fn a_64_mib_event_works_with_the_defaults() {
    const SIZE: usize = 64 * 1024 * 1024;
    for framing in ["", "data: "] {
        let mut input = stdout_event(SIZE, framing);
        input.extend_from_slice(b"{\"type\":\"execution_complete\"}\n\n");
        let out: Vec<_> = EventStream::new(chunked(input, 64 * 1024), StreamOptions::default())
            .collect()
            .await;
        assert_eq!(out.len(), 2);
        let text = stdout_text(out[0].as_ref().unwrap()).unwrap();
        assert_eq!(text.len(), SIZE);
        assert!(text.bytes().all(|b| b == b'x'));
    }
}

#[tokio::test]
async fn an_event_over_the_default_limit_is_an_error() {
    let mut input = stdout_event(DEFAULT_MAX_EVENT_SIZE + 1, "");
    input.extend_from_slice(b"{\"type\":\"execution_complete\"}\n\n");
    let out: Vec<_> = EventStream::new(chunked(input, 64 * 1024), StreamOptions::default())
        .collect()
        .await;
    assert_eq!(out.len(), 2, "{out:?}");
    match &out[0] {
        Err(Error::Stream(msg)) => assert!(msg.contains("larger than the limit"), "{msg}"),
        other => panic!("unexpected {other:?}"),
    }
    assert!(out[1].as_ref().unwrap().is_terminal());
}

#[tokio::test]
async fn too_large_events_are_dropped_and_the_stream_goes_on() {
    let limit = 1000;
    let mut input = Vec::new();
    input.extend(stdout_event(5000, "")); // bare JSON, spans chunks
    input.extend(stdout_event(10, ""));
    input.extend(stdout_event(5000, "data: ")); // SSE, one long line
    input.extend(stdout_event(20, "data: "));
    // SSE data over the limit only once its lines are joined.
    input.extend_from_slice(b"data: {\"type\":\"stdout\",\"text\":\"");
    for _ in 0..30 {
        input.extend_from_slice(b"\ndata: ");
        input.extend(std::iter::repeat_n(b'y', 50));
    }
    input.extend_from_slice(b"\"}\n\n");
    input.extend(stdout_event(30, ""));
    input.extend(stdout_event(900, "")); // under the limit: fine
    input.extend_from_slice(b"{\"type\":\"execution_complete\"}\n\n");
    for chunk in [7, 64, 333, 100_000] {
        let opts = StreamOptions::default().max_event_size(limit);
        let out: Vec<_> = EventStream::new(chunked(input.clone(), chunk), opts)
            .collect()
            .await;
        let summary: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(StreamEvent::Stdout { text, .. }) => text.len().to_string(),
                Ok(ev) => ev.kind().to_string(),
                Err(Error::Stream(m)) if m.contains("larger than the limit") => "TOO_LARGE".into(),
                Err(e) => format!("{e}"),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "TOO_LARGE",
                "10",
                "TOO_LARGE",
                "20",
                "TOO_LARGE",
                "30",
                "900",
                "execution_complete"
            ],
            "chunk size {chunk}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Metrics

#[tokio::test]
async fn metrics_ndjson_with_an_error_line() {
    let b = body(vec![
        b"{\"cpu_count\":4,\"cpu_used_pct\":12.5,\"mem_total_mib\":8192.0,\"mem_used_mib\":1024.5,\"timestamp\":1700000000000,\"future\":1}\n{\"error\":\"failed to read cgroup\"}\n{\"cpu_co".to_vec(),
        b"unt\":2.0,\"cpu_used_pct\":1,\"mem_total_mib\":2048,\"mem_used_mib\":10,\"timestamp\":1700000001000}\n".to_vec(),
    ]);
    let out: Vec<_> = MetricsStream::new(b, StreamOptions::default())
        .collect()
        .await;
    assert_eq!(out.len(), 3, "{out:?}");
    let m0 = out[0].as_ref().unwrap();
    assert_eq!(m0.cpu_count, 4.0);
    assert_eq!(m0.cpu_used_pct, 12.5);
    assert_eq!(m0.mem_total_mib, 8192.0);
    assert_eq!(m0.mem_used_mib, 1024.5);
    assert_eq!(m0.timestamp, 1_700_000_000_000);
    match &out[1] {
        Err(Error::Stream(msg)) => assert!(msg.contains("failed to read cgroup"), "{msg}"),
        other => panic!("unexpected {other:?}"),
    }
    let m2: &Metrics = out[2].as_ref().unwrap();
    assert_eq!(m2.cpu_count, 2.0);
    assert_eq!(m2.timestamp, 1_700_000_001_000);
}

#[tokio::test(start_paused = true)]
async fn metrics_stream_is_watched_for_idleness() {
    let b: Body = Box::pin(
        stream::iter([Ok(Bytes::from_static(b"{\"cpu_count\":1}\n"))]).chain(stream::pending()),
    );
    let opts = StreamOptions::default().idle_timeout(Duration::from_secs(10));
    let out: Vec<_> = MetricsStream::new(b, opts).collect().await;
    assert_eq!(out.len(), 2);
    assert!(matches!(
        out[1],
        Err(Error::Timeout {
            what: "stream idle",
            ..
        })
    ));
}

// ---------------------------------------------------------------------------------------
// Raw frames, handlers

#[tokio::test]
async fn frame_stream_yields_raw_frames() {
    let b = body(vec![
        b"event: stdout\ndata: {\"text\":\"a\"}\n\n{\"x\":1}\n".to_vec(),
    ]);
    let frames: Vec<_> = FrameStream::new(b, &StreamOptions::default())
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(frames.len(), 2);
    assert_eq!(frames[0].event.as_deref(), Some("stdout"));
    assert_eq!(frames[0].text(), Some("{\"text\":\"a\"}"));
    assert_eq!(frames[1].format, FrameFormat::Json);
}

#[tokio::test]
async fn handler_sees_every_event_in_order() {
    let b = body(vec![MIXED[..MIXED.len()].to_vec()]);
    // MIXED contains malformed frames: the first one stops the callback form.
    let mut seen = Vec::new();
    let err = for_each_event(EventStream::new(b, StreamOptions::default()), |ev| {
        seen.push(ev.kind().to_string());
        Ok(())
    })
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Stream(_)));
    assert_eq!(seen.len(), 9);

    let b = body(vec![
        b"{\"type\":\"stdout\",\"text\":\"a\"}\n\n{\"type\":\"execution_complete\"}\n\n".to_vec(),
    ]);
    let mut n = 0;
    for_each_event(EventStream::new(b, StreamOptions::default()), |_| {
        n += 1;
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(n, 2);
}

#[tokio::test]
async fn handler_error_stops_the_stream_early() {
    let polls = Arc::new(AtomicUsize::new(0));
    let p = polls.clone();
    let b = stream::iter(0..).map(move |i| {
        p.fetch_add(1, Ordering::SeqCst);
        Ok::<_, std::io::Error>(Bytes::from(format!(
            "{{\"type\":\"stdout\",\"text\":\"line {i}\"}}\n\n"
        )))
    });
    let mut seen = Vec::new();
    let err = for_each_event(EventStream::new(b, StreamOptions::default()), |ev| {
        let text = stdout_text(ev).unwrap_or_default().to_string();
        if text == "line 3" {
            return Err("enough".into());
        }
        seen.push(text);
        Ok(())
    })
    .await
    .unwrap_err();
    match err {
        Error::Handler(e) => assert_eq!(e.to_string(), "enough"),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(seen, ["line 0", "line 1", "line 2"]);
    assert_eq!(polls.load(Ordering::SeqCst), 4);
}

// ---------------------------------------------------------------------------------------
// Execution

async fn collect(input: &[u8], opts: CollectOptions) -> Result<Execution, Error> {
    let events = EventStream::new(body(vec![input.to_vec()]), StreamOptions::default());
    Execution::collect(events, opts).await
}

#[tokio::test]
async fn execution_of_a_successful_command() {
    let exec = collect(
        b"{\"type\":\"init\",\"text\":\"cmd-9\"}\n\n\
          {\"type\":\"stdout\",\"text\":\"a\\n\"}\n\n\
          {\"type\":\"ping\",\"text\":\"pong\"}\n\n\
          {\"type\":\"stderr\",\"text\":\"warn\\n\"}\n\n\
          {\"type\":\"stdout\",\"text\":\"b\\n\"}\n\n\
          {\"type\":\"execution_complete\",\"execution_time\":1234}\n\n",
        CollectOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(exec.id.as_deref(), Some("cmd-9"));
    assert_eq!(exec.stdout, "a\nb\n");
    assert_eq!(exec.stderr, "warn\n");
    assert_eq!(exec.exit_code, Some(0));
    assert_eq!(exec.duration, Some(Duration::from_millis(1234)));
    assert!(exec.complete);
    assert!(exec.is_success());
    assert!(exec.error.is_none());
}

#[tokio::test]
async fn execution_of_a_failing_command() {
    let exec = collect(
        b"{\"type\":\"init\",\"text\":\"cmd-1\"}\n\n\
          {\"type\":\"stderr\",\"text\":\"no such file\\n\"}\n\n\
          {\"type\":\"error\",\"error\":{\"ename\":\"CommandExecError\",\"evalue\":\"2\",\"traceback\":[\"x\"]}}\n\n",
        CollectOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(exec.exit_code, Some(2));
    let err = exec.error.as_ref().unwrap();
    assert_eq!(err.ename, "CommandExecError");
    assert_eq!(err.exit_code(), Some(2));
    assert_eq!(err.traceback, ["x"]);
    assert_eq!(err.to_string(), "exited with code 2");
    assert!(!exec.is_success());
}

#[tokio::test]
async fn execution_of_code_with_results_and_an_exception() {
    let exec = collect(
        b"{\"type\":\"status\",\"text\":\"busy\"}\n\n\
          {\"type\":\"execution_count\",\"execution_count\":5}\n\n\
          {\"type\":\"stdout\",\"text\":\"printed\\n\"}\n\n\
          {\"type\":\"result\",\"execution_count\":5,\"results\":{\"text\":\"42\",\"image/png\":\"iVBOR\"}}\n\n\
          {\"type\":\"result\",\"results\":{\"text/plain\":\"'fallback'\",\"application/json\":{\"k\":[1,2]}}}\n\n\
          {\"type\":\"result\",\"results\":{\"text/html\":\"<p/>\",\"text\":7}}\n\n\
          {\"type\":\"status\",\"text\":\"idle\"}\n\n\
          {\"type\":\"error\",\"error\":{\"ename\":\"NameError\",\"evalue\":\"name 'x' is not defined\",\"traceback\":[\"Traceback\",\"NameError\"]}}\n\n",
        CollectOptions::default(),
    )
    .await
    .unwrap();
    // Status events are not output.
    assert_eq!(exec.stdout, "printed\n");
    assert_eq!(exec.execution_count, Some(5));
    assert_eq!(exec.results.len(), 3);
    assert_eq!(exec.results[0].text.as_deref(), Some("42"));
    assert_eq!(exec.results[0].raw["image/png"], "iVBOR");
    assert_eq!(exec.results[1].text.as_deref(), Some("'fallback'"));
    assert_eq!(exec.results[1].raw["application/json"]["k"][1], 2);
    assert_eq!(exec.results[2].text, None);
    assert_eq!(exec.results[2].raw["text"], 7);
    assert_eq!(exec.result_text(), Some("'fallback'"));
    // An exception is not an exit code.
    assert_eq!(exec.exit_code, None);
    assert_eq!(exec.error.as_ref().unwrap().ename, "NameError");
    assert_eq!(
        exec.error.as_ref().unwrap().to_string(),
        "NameError: name 'x' is not defined"
    );
}

#[tokio::test]
async fn execution_without_output_and_in_the_background() {
    let input = b"{\"type\":\"init\",\"text\":\"bg\"}\n\n\
                  {\"type\":\"stdout\",\"text\":\"lots\"}\n\n\
                  {\"type\":\"execution_complete\"}\n\n";
    let exec = collect(input, CollectOptions::default().keep_output(false))
        .await
        .unwrap();
    assert_eq!(exec.stdout, "");
    assert_eq!(exec.exit_code, Some(0));
    let exec = collect(input, CollectOptions::default().background(true))
        .await
        .unwrap();
    assert_eq!(
        exec.exit_code, None,
        "a background command's exit code is unknown"
    );
    assert!(exec.complete);
}

#[tokio::test]
async fn execution_collect_fails_on_a_broken_stream() {
    let err = collect(
        b"{\"type\":\"stdout\",\"text\":\"a\"}\n\n",
        CollectOptions::default(),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("before the terminal event"));
}

#[test]
fn execution_push_incrementally() {
    let mut exec = Execution::new(CollectOptions::default());
    for ev in ok_events(
        b"{\"type\":\"stdout\",\"text\":\"x\"}\n\n{\"type\":\"execution_count\",\"execution_count\":2}\n\n",
    ) {
        exec.push(&ev);
    }
    assert_eq!(exec.stdout, "x");
    assert_eq!(exec.execution_count, Some(2));
    assert_eq!(exec.exit_code, None);
    assert!(!exec.complete);
}

#[test]
fn json_that_is_not_an_object_is_malformed_in_bare_frames_and_unknown_in_sse() {
    for input in [&b"[\"stdout\",\"x\"]\n\n"[..], b"\"stdout\"\n\n", b"12\n\n"] {
        let out = parse_all(input);
        assert_eq!(out.len(), 1);
        let msg = out[0].as_ref().unwrap_err();
        assert!(msg.contains("malformed frame"), "{msg}");
    }
    for (input, text) in [
        (&b"data: [\"stdout\",\"x\"]\n\n"[..], "[\"stdout\",\"x\"]"),
        (b"event: notice\ndata: \"stdout\"\n\n", "\"stdout\""),
        (b"data: 12\n\n", "12"),
    ] {
        let out = parse_all(input);
        assert_eq!(out.len(), 1);
        match out[0].as_ref().unwrap() {
            StreamEvent::Unknown { raw, kind, .. } => {
                assert_eq!(raw, text);
                assert!(kind.is_empty() || kind == "notice", "{kind}");
            }
            other => panic!("expected an unknown event, got {other:?}"),
        }
    }
    assert!(Metrics::from_json(b"[1.0, 2.0]").is_err());
}
