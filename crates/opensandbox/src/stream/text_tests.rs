//! Event text through the parser: escapes, Unicode, invalid UTF-8, empty strings, frames
//! split across chunks, zero-copy slicing, and the fast path against serde_json.

use bytes::Bytes;
use proptest::prelude::*;

use super::text::{Text, TextSource};
use super::{Frame, FrameParser, StreamEvent, fastjson};
use crate::Error;

/// Every event of `chunks`, pushed one by one, then `finish`.
fn events(chunks: &[Bytes]) -> Vec<crate::Result<StreamEvent>> {
    let mut p = FrameParser::new();
    let mut out = Vec::new();
    for c in chunks {
        p.push(c.clone());
        out.extend(std::iter::from_fn(|| p.next_event()));
    }
    p.finish();
    out.extend(std::iter::from_fn(|| p.next_event()));
    out
}

/// The stdout text of the one event in `frame` (bare JSON, one chunk).
fn stdout_of(frame: &[u8]) -> Text {
    let got = events(&[Bytes::copy_from_slice(frame)]);
    match got.as_slice() {
        [Ok(StreamEvent::Stdout { text, .. })] => text.clone(),
        other => panic!("expected one stdout event, got {other:?}"),
    }
}

/// Whether `text` lies inside `chunk`'s bytes.
fn inside(text: &Text, chunk: &Bytes) -> bool {
    let (t, c) = (text.as_ptr() as usize, chunk.as_ptr() as usize);
    t >= c && t + text.len() <= c + chunk.len()
}

#[test]
fn escapes_are_decoded() {
    let t = stdout_of(br#"{"type":"stdout","text":"q\"b\\s\/ \b\f\n\r\t end"}"#);
    assert_eq!(t, "q\"b\\s/ \u{8}\u{c}\n\r\t end");
    let t = stdout_of(br#"{"type":"stdout","text":"line\n"}"#);
    assert_eq!(t, "line\n");
}

#[test]
fn unicode_raw_and_escaped() {
    let raw = "{\"type\":\"stdout\",\"text\":\"h\u{e9}llo \u{65e5}\u{672c} \u{1F980}\"}";
    assert_eq!(stdout_of(raw.as_bytes()), "héllo 日本 🦀");
    let t = stdout_of(br#"{"type":"stdout","text":"caf\u00e9 \u65E5 \u0000 \u007f"}"#);
    assert_eq!(t, "café 日 \u{0} \u{7f}");
}

#[test]
fn surrogate_pairs_make_one_character() {
    let t = stdout_of(br#"{"type":"stdout","text":"\ud83e\udd80 and \uD834\uDD1E"}"#);
    assert_eq!(t, "🦀 and 𝄞");
    assert_eq!(t.chars().count(), 7);
}

#[test]
fn lone_surrogates_are_errors_not_garbage() {
    for frame in [
        &br#"{"type":"stdout","text":"\ud800"}"#[..],
        br#"{"type":"stdout","text":"\udc00x"}"#,
        br#"{"type":"stdout","text":"\ud800\u0041"}"#,
    ] {
        let got = events(&[Bytes::copy_from_slice(frame)]);
        assert!(
            matches!(got.as_slice(), [Err(Error::Stream(_))]),
            "{frame:?}: {got:?}"
        );
    }
}

#[test]
fn invalid_utf8_is_a_clear_error_and_the_stream_goes_on() {
    let chunk = Bytes::from_static(
        b"{\"type\":\"stdout\",\"text\":\"ok \xff\xfe\"}\n\n{\"type\":\"stdout\",\"text\":\"next\"}\n\n",
    );
    let got = events(&[chunk]);
    assert_eq!(got.len(), 2, "{got:?}");
    let msg = match &got[0] {
        Err(Error::Stream(msg)) => msg,
        other => panic!("expected a stream error, got {other:?}"),
    };
    assert!(msg.contains("not valid UTF-8 (at byte 28)"), "{msg}");
    assert!(matches!(&got[1], Ok(StreamEvent::Stdout { text, .. }) if text == "next"));

    // A truncated multi-byte character is invalid too, escaped or not around it.
    let got = events(&[Bytes::from_static(
        b"{\"type\":\"stderr\",\"text\":\"a\\n\xe6\x97\"}\n\n",
    )]);
    assert!(
        matches!(got.as_slice(), [Err(Error::Stream(m))] if m.contains("UTF-8")),
        "{got:?}"
    );
}

#[test]
fn empty_and_missing_text() {
    assert_eq!(stdout_of(br#"{"type":"stdout","text":""}"#), "");
    assert!(stdout_of(br#"{"type":"stdout"}"#).is_empty());
    assert!(stdout_of(br#"{"type":"stdout","text":null}"#).is_empty());
    let got = events(&[Bytes::from_static(
        b"data: {\"type\":\"stderr\",\"text\":\"\"}\n\n",
    )]);
    assert!(matches!(got.as_slice(), [Ok(StreamEvent::Stderr { text, .. })] if text.is_empty()));
}

#[test]
fn frames_split_anywhere_keep_their_text() {
    let input = "{\"type\":\"stdout\",\"text\":\"caf\u{e9} \\u00e9 \u{1F980}\\n\"}\n\n\
                 data: {\"type\":\"stderr\",\"text\":\"sse \u{65e5}\"}\n\n\
                 {\"type\":\"stdout\",\"text\":\"plain\"}\n\n";
    let bytes = input.as_bytes();
    let expected = ["café é 🦀\n", "sse 日", "plain"];
    for a in 0..=bytes.len() {
        for b in [a, a + 1, a + 7, bytes.len()] {
            let b = b.clamp(a, bytes.len());
            let chunks = [
                Bytes::copy_from_slice(&bytes[..a]),
                Bytes::copy_from_slice(&bytes[a..b]),
                Bytes::copy_from_slice(&bytes[b..]),
            ];
            let texts: Vec<String> = events(&chunks)
                .into_iter()
                .map(|ev| match ev {
                    Ok(StreamEvent::Stdout { text, .. } | StreamEvent::Stderr { text, .. }) => {
                        text.into()
                    }
                    other => panic!("split at {a}/{b}: {other:?}"),
                })
                .collect();
            assert_eq!(texts, expected, "split at {a}/{b}");
        }
    }
}

#[test]
fn text_without_escapes_is_a_slice_of_the_received_chunk() {
    let chunk = Bytes::from(
        b"{\"type\":\"stdout\",\"text\":\"zero copy \xc3\xa9\"}\n\ndata: {\"type\":\"stderr\",\"text\":\"sse\"}\n\n"
            .to_vec(),
    );
    let got = events(std::slice::from_ref(&chunk));
    let texts: Vec<&Text> = got
        .iter()
        .map(|ev| match ev {
            Ok(StreamEvent::Stdout { text, .. } | StreamEvent::Stderr { text, .. }) => text,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, ["zero copy é", "sse"]);
    for t in texts {
        assert!(inside(t, &chunk), "{t:?} was copied");
    }

    // A line gathered across two chunks: its text is a slice of the gathered line.
    let got = events(&[
        Bytes::from_static(b"{\"type\":\"stdout\",\"te"),
        Bytes::from_static(b"xt\":\"joined\"}\n\n"),
    ]);
    assert!(matches!(got.as_slice(), [Ok(StreamEvent::Stdout { text, .. })] if text == "joined"));

    // A frame decoded on its own: sliced from the frame's data.
    let data = Bytes::from_static(br#"{"type":"stdout","text":"from a frame"}"#);
    let mut p = FrameParser::new();
    p.push(Bytes::from([&data[..], b"\n\n"].concat()));
    let frame: Frame = p.next_frame().unwrap().unwrap();
    match StreamEvent::from_frame(&frame).unwrap() {
        StreamEvent::Stdout { text, .. } => {
            assert_eq!(text, "from a frame");
            assert!(inside(&text, &frame.data));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_with_escapes_owns_exactly_its_bytes() {
    let chunk = Bytes::from_static(b"{\"type\":\"stdout\",\"text\":\"two\\nlines\\n\"}\n\n");
    let got = events(std::slice::from_ref(&chunk));
    let [Ok(StreamEvent::Stdout { text, .. })] = got.as_slice() else {
        panic!("{got:?}")
    };
    assert_eq!(text, "two\nlines\n");
    assert!(!inside(text, &chunk));
    assert_eq!(text.clone().into_bytes().len(), 10);
}

/// A JSON string literal for `s`, escaping each character at random: raw where JSON
/// allows it, or a `\uXXXX` escape (surrogate pairs above the BMP), or a short escape.
fn json_string(s: &str, how: &[u8]) -> String {
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        let choice = how.get(i).copied().unwrap_or(0) % 3;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if choice != 2 => out.push_str("\\n"),
            '/' if choice == 1 => out.push_str("\\/"),
            c if (c as u32) < 0x20 || choice == 2 => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The fast path's `Text` is what serde_json decodes from the same frame, and the
    /// parser delivers that same text, however the frame is split.
    #[test]
    fn fast_path_text_equals_serde_json(
        s in "(\\PC|[\\x00-\\x1f\"\\\\/\u{7f}])*",
        how in proptest::collection::vec(any::<u8>(), 0..64),
        cut in any::<usize>(),
    ) {
        let frame = format!(
            "{{\"type\":\"stdout\",\"text\":{},\"timestamp\":1}}",
            json_string(&s, &how)
        );
        let serde: serde_json::Value = serde_json::from_str(&frame).unwrap();
        let expected = serde["text"].as_str().unwrap();
        prop_assert_eq!(expected, s.as_str());

        let buf = Bytes::from(frame.clone());
        let mut scratch = super::text::TextScratch::default();
        let mut source = TextSource::new(&buf, &mut scratch);
        let wire = fastjson::decode(&buf, &mut source);
        prop_assert!(wire.is_some(), "the fast path gave up on {}", frame);
        let event = super::event::build(wire.unwrap(), &buf, &source, None).unwrap();
        let StreamEvent::Stdout { text, .. } = event else {
            panic!("{event:?}");
        };
        prop_assert_eq!(text.as_str(), expected);

        let bytes = format!("{frame}\n\n").into_bytes();
        let cut = cut % (bytes.len() + 1);
        let got = events(&[
            Bytes::copy_from_slice(&bytes[..cut]),
            Bytes::copy_from_slice(&bytes[cut..]),
        ]);
        prop_assert!(
            matches!(got.as_slice(), [Ok(StreamEvent::Stdout { text, .. })] if text == expected),
            "{:?}", got
        );
    }
}
