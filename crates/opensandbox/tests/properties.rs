//! Property tests: the framing parser and the error-body decoder never panic on any
//! bytes, and the parser yields the same events however its input is split.

use bytes::Bytes;
use opensandbox::ApiError;
use opensandbox::stream::{FrameParser, StreamEvent};
use proptest::prelude::*;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// Parses `input` cut at `cuts` (positions, any order, any count); every item as text.
fn parse_split(input: &[u8], cuts: &[usize]) -> Vec<Result<String, String>> {
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (input.len() + 1)).collect();
    points.sort_unstable();
    points.dedup();
    let mut p = FrameParser::with_max_event_size(64 * 1024);
    let mut out = Vec::new();
    let mut at = 0;
    for point in points.into_iter().chain([input.len()]) {
        p.push(Bytes::copy_from_slice(&input[at..point]));
        at = point;
        while let Some(ev) = p.next_event() {
            out.push(ev.map(|e| format!("{e:?}")).map_err(|e| e.to_string()));
        }
    }
    p.finish();
    while let Some(ev) = p.next_event() {
        out.push(ev.map(|e| format!("{e:?}")).map_err(|e| e.to_string()));
    }
    out
}

/// One event written in a framing: 0 bare JSON (`\n\n`), 1 SSE with LF, 2 SSE with CRLF,
/// 3 NDJSON-style single newline at the end of the input only.
fn frame(text: &str, kind: &str, framing: u8) -> Vec<u8> {
    let json = serde_json::json!({"type": kind, "text": text, "timestamp": 1}).to_string();
    match framing {
        0 => format!("{json}\n\n"),
        1 => format!("data: {json}\n\n"),
        _ => format!("data: {json}\r\n\r\n"),
    }
    .into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Random bytes: no panic, and the same items whole or cut anywhere.
    #[test]
    fn random_bytes_parse_the_same_however_split(
        input in proptest::collection::vec(any::<u8>(), 0..2048),
        cuts in proptest::collection::vec(any::<usize>(), 0..16),
    ) {
        let whole = parse_split(&input, &[]);
        let split = parse_split(&input, &cuts);
        prop_assert_eq!(whole, split);
    }

    /// Text that looks like frames (braces, colons, newlines, `data:`): same property,
    /// with far more inputs that reach deep into the parser.
    #[test]
    fn frame_like_text_parses_the_same_however_split(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("data: ".to_string()), Just("\n".to_string()), Just("\r\n".to_string()),
                Just("\r".to_string()), Just("{\"type\":\"stdout\",\"text\":\"x\"}".to_string()),
                Just("event: e\n".to_string()), Just(": c\n".to_string()), Just("{".to_string()),
                Just("}".to_string()), Just("\u{feff}".to_string()), "[a-z\"\\\\ ]{0,8}",
            ],
            0..40,
        ),
        cuts in proptest::collection::vec(any::<usize>(), 0..16),
    ) {
        let input = parts.concat().into_bytes();
        prop_assert_eq!(parse_split(&input, &[]), parse_split(&input, &cuts));
    }

    /// Well-formed events in mixed framings: exactly these events, in order, whatever
    /// the split, including texts with escapes and non-ASCII characters.
    #[test]
    fn well_formed_events_arrive_intact_in_any_split(
        events in proptest::collection::vec(("\\PC{0,40}", 0u8..3), 1..20),
        cuts in proptest::collection::vec(any::<usize>(), 0..32),
    ) {
        let mut input = Vec::new();
        for (text, framing) in &events {
            input.extend(frame(text, "stdout", *framing));
        }
        let got = parse_split(&input, &cuts);
        prop_assert_eq!(got.len(), events.len());
        for ((text, _), item) in events.iter().zip(got) {
            let expected = format!("{:?}", StreamEvent::from_json(
                serde_json::json!({"type": "stdout", "text": text, "timestamp": 1}).to_string().as_bytes()
            ).unwrap());
            prop_assert_eq!(item, Ok(expected));
        }
    }

    /// The error-body decoder takes any bytes and any status without panicking, keeps a
    /// message, and never shows a FastAPI `input` in `Debug`.
    #[test]
    fn error_bodies_of_any_bytes_decode_without_panic(
        body in proptest::collection::vec(any::<u8>(), 0..4096),
        status in 400u16..600,
    ) {
        let e = ApiError::from_parts(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            Bytes::from(body),
        );
        prop_assert!(!e.message.is_empty());
        let _ = format!("{e} {e:?}");
    }

    #[test]
    fn fastapi_bodies_never_show_their_input(
        secret in "[a-zA-Z0-9]{12,24}",
        loc in proptest::collection::vec("[a-z]{1,6}", 0..4),
        msg in "\\PC{0,30}",
    ) {
        let body = serde_json::json!({"detail": [
            {"loc": loc, "msg": msg, "type": "value_error", "input": secret}
        ]});
        let e = ApiError::from_parts(
            StatusCode::UNPROCESSABLE_ENTITY,
            &HeaderMap::new(),
            Bytes::from(body.to_string()),
        );
        prop_assert!(e.is_validation_error());
        let shown = format!("{e} {e:?}");
        prop_assert!(!shown.contains(&secret), "{}", shown);
    }
}
