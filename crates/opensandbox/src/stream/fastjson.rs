//! A fast path for the events that make up nearly every stream: flat objects with only
//! `type`, `text`, `timestamp`, `execution_count` and `execution_time`
//! (`{"type":"stdout","text":"…","timestamp":…}`).
//!
//! It parses such an object in one pass. `text` becomes a [`Text`]: a slice of the
//! received buffer when the JSON string has no escapes (no copy), else decoded in the
//! parser's scratch buffer and copied out at its exact size. Anything
//! it is not sure of — another key, a nested value, `null`, a float, an escaped key or
//! `type`, a duplicate key, invalid UTF-8, a lone surrogate, any syntax error — makes it
//! return `None`, and the caller decodes the event with serde_json instead, which gives
//! the same result for everything this path accepts (a test checks this) and the precise
//! error for what is invalid.

use std::borrow::Cow;

use super::event::{Wire, WireText};
use super::text::{Text, TextSource};

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

#[derive(Clone, Copy)]
enum Key {
    Type,
    Text,
    Timestamp,
    ExecutionCount,
    ExecutionTime,
}

/// Decodes a flat event object, or gives up (`None`). Its `text` comes from `source`.
#[inline(always)]
pub(super) fn decode<'a>(b: &'a [u8], source: &mut TextSource<'_>) -> Option<Wire<'a>> {
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let mut wire = Wire::default();
    let mut seen = 0u8;
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            // Known keys only, compared in place (an escaped or unknown key gives up).
            let rest = b.get(i + 1..)?;
            let (key, key_len) = if rest.starts_with(b"text\"") {
                (Key::Text, 4)
            } else if rest.starts_with(b"type\"") {
                (Key::Type, 4)
            } else if rest.starts_with(b"timestamp\"") {
                (Key::Timestamp, 9)
            } else if rest.starts_with(b"execution_count\"") {
                (Key::ExecutionCount, 15)
            } else if rest.starts_with(b"execution_time\"") {
                (Key::ExecutionTime, 14)
            } else {
                return None;
            };
            i = skip_ws(b, i + key_len + 2);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = skip_ws(b, i + 1);
            let next = match key {
                Key::Type => {
                    let (s, n) = plain_string(b, i)?;
                    wire.kind = Some(Cow::Borrowed(s));
                    n
                }
                Key::Text => {
                    let (t, n) = text(b, i, source)?;
                    wire.text = Some(WireText::Text(t));
                    n
                }
                Key::Timestamp => {
                    let (v, n) = integer(b, i)?;
                    wire.timestamp = Some(v);
                    n
                }
                Key::ExecutionCount => {
                    let (v, n) = integer(b, i)?;
                    wire.execution_count = Some(v);
                    n
                }
                Key::ExecutionTime => {
                    let (v, n) = integer(b, i)?;
                    wire.execution_time = Some(v);
                    n
                }
            };
            let bit = 1u8 << (key as u8);
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            i = skip_ws(b, next);
            match b.get(i) {
                Some(b',') => i = skip_ws(b, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    if skip_ws(b, i) != b.len() {
        return None;
    }
    Some(wire)
}

#[inline]
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// A JSON integer without fraction or exponent, of at most 18 digits, at `i`.
#[inline(always)]
fn integer(b: &[u8], mut i: usize) -> Option<(i64, usize)> {
    let neg = b.get(i) == Some(&b'-');
    if neg {
        i += 1;
    }
    let start = i;
    let mut v: i64 = 0;
    // Eight digits at a time (a millisecond timestamp has thirteen), then one at a time.
    while let Some(eight) = b.get(i..i + 8).and_then(eight_digits) {
        if i + 8 - start > 18 {
            return None;
        }
        v = v * 100_000_000 + eight;
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        v = v * 10 + i64::from(c - b'0');
        i += 1;
        if i - start > 18 {
            return None;
        }
    }
    let digits = i - start;
    if digits == 0 || (digits > 1 && b[start] == b'0') {
        return None;
    }
    if matches!(b.get(i), Some(b'.' | b'e' | b'E')) {
        return None;
    }
    Some((if neg { -v } else { v }, i))
}

/// The value of eight ASCII digits, or `None` if any of the bytes is not a digit.
#[inline(always)]
fn eight_digits(b: &[u8]) -> Option<i64> {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    let w = u64::from_le_bytes(a);
    // Every byte in 0x30..=0x39: its high nibble is 3 and adding 6 does not carry out of
    // its low nibble.
    let digits = (w & 0xF0F0_F0F0_F0F0_F0F0)
        | (((w.wrapping_add(0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0) >> 4);
    if digits != 0x3333_3333_3333_3333 {
        return None;
    }
    // Combine pairs, then pairs of pairs, then the two halves (the first byte is the
    // most significant digit).
    let d = w - 0x3030_3030_3030_3030;
    let d = (d * 10 + (d >> 8)) & 0x00FF_00FF_00FF_00FF;
    let d = (d * 100 + (d >> 16)) & 0x0000_FFFF_0000_FFFF;
    let d = (d * 10_000 + (d >> 32)) & 0xFFFF_FFFF;
    Some(d as i64)
}

/// The index of the first `"`, `\` or control byte at or after `i` (or `b.len()`).
#[inline]
fn find_special(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[i..i + 8]);
        let w = u64::from_le_bytes(a);
        let q = w ^ (LO * u64::from(b'"'));
        let s = w ^ (LO * u64::from(b'\\'));
        // Bytes equal to `"` or `\`, or below 0x20; the lowest flagged byte is exact.
        let m = ((q.wrapping_sub(LO) & !q)
            | (s.wrapping_sub(LO) & !s)
            | (w.wrapping_sub(LO * 0x20) & !w))
            & HI;
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
        i += 1;
    }
    i
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let mut v = 0u32;
    for &c in b.get(i..i + 4)? {
        v = v * 16 + char::from(c).to_digit(16)?;
    }
    Some(v)
}

/// The JSON string without escapes whose opening quote is at `i`, and the index after
/// its closing quote; `None` for anything else (escapes included: serde decodes those).
#[inline(always)]
fn plain_string(b: &[u8], i: usize) -> Option<(&str, usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let j = find_special(b, start);
    if *b.get(j)? != b'"' {
        return None;
    }
    let s = &b[start..j];
    // The names execd sends, without a UTF-8 check.
    let known = KINDS.iter().find(|k| k.as_bytes() == s);
    Some((
        match known {
            Some(k) => k,
            None => std::str::from_utf8(s).ok()?,
        },
        j + 1,
    ))
}

/// The event types execd sends, most frequent first.
const KINDS: [&str; 9] = [
    "stdout",
    "stderr",
    "ping",
    "init",
    "status",
    "result",
    "execution_count",
    "execution_complete",
    "error",
];

/// The JSON string whose opening quote is at `i`, as output text: a slice of the received
/// buffer when it has no escapes, decoded otherwise. Returns the text and the index after
/// its closing quote.
#[inline(always)]
fn text(b: &[u8], i: usize, source: &mut TextSource<'_>) -> Option<(Text, usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let j = find_special(b, start);
    if *b.get(j)? == b'"' {
        return Some((source.plain(&b[start..j])?, j + 1));
    }
    // Escapes only shrink: the rest of the frame bounds the decoded size.
    source.write(b.len() - start, |out| unescape(b, start, j, out))
}

/// Decodes the string that starts at `i` and whose first escape or control byte is at `j`
/// into `out`; returns the index after its closing quote.
fn unescape(b: &[u8], mut i: usize, mut j: usize, out: &mut Vec<u8>) -> Option<usize> {
    loop {
        out.extend_from_slice(&b[i..j]);
        match *b.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => {}
            _ => return None, // a raw control character
        }
        i = j + 2;
        match *b.get(j + 1)? {
            b'"' => out.push(b'"'),
            b'\\' => out.push(b'\\'),
            b'/' => out.push(b'/'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'u' => {
                let u = hex4(b, i)?;
                i += 4;
                let ch = if (0xD800..0xDC00).contains(&u) {
                    if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
                        return None;
                    }
                    let lo = hex4(b, i + 2)?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return None;
                    }
                    i += 6;
                    char::from_u32(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00))?
                } else {
                    char::from_u32(u)? // `None` for a lone low surrogate
                };
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            _ => return None,
        }
        j = find_special(b, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::event::{build, decode_serde};

    /// The fast path and serde agree on everything the fast path accepts.
    fn check(json: &[u8]) -> bool {
        let source = TextSource::detached();
        let slow = decode_serde(json).and_then(|w| build(w, json, &source, None));
        match decode(json, &mut TextSource::detached()) {
            None => false,
            Some(w) => {
                let fast = build(w, json, &source, None).expect("fast path events build");
                match slow {
                    Ok(slow) => assert_eq!(fast, slow, "{:?}", String::from_utf8_lossy(json)),
                    Err(e) => panic!(
                        "fast path accepted what serde rejects: {:?}: {e}",
                        String::from_utf8_lossy(json)
                    ),
                }
                true
            }
        }
    }

    #[test]
    fn typical_events_take_the_fast_path() {
        for json in [
            &br#"{"type":"stdout","text":"hello\n","timestamp":1714564800000}"#[..],
            br#"{"type":"stderr","text":"\u003cb\u003e caf\u00e9 \ud83e\udd80 \"q\" \\ \/ \b\f\r\t","timestamp":1}"#,
            br#" { "type" : "init" , "text" : "abc-123" } "#,
            br#"{"type":"ping","text":"pong","timestamp":-5}"#,
            br#"{"type":"execution_complete","execution_time":0,"timestamp":1714564800000}"#,
            br#"{"type":"execution_count","execution_count":12}"#,
            br#"{"type":"status","text":"busy"}"#,
            br#"{"type":"future","text":"x"}"#,
            br#"{}"#,
            "{\"type\":\"stdout\",\"text\":\"h\u{e9}llo \u{1F980}\"}".as_bytes(),
        ] {
            assert!(check(json), "{:?}", String::from_utf8_lossy(json));
        }
    }

    #[test]
    fn eight_digits_at_a_time() {
        assert_eq!(eight_digits(b"01234567"), Some(1_234_567));
        assert_eq!(eight_digits(b"99999999"), Some(99_999_999));
        assert_eq!(eight_digits(b"17145648"), Some(17_145_648));
        for bad in [
            b"1234567/",
            b"1234567:",
            b"a2345678",
            b"1234 678",
            b"\x0012345\x00\x00",
        ] {
            assert_eq!(eight_digits(&bad[..8]), None, "{bad:?}");
        }
        for (json, v) in [
            ("1714564800000", 1_714_564_800_000),
            ("-123456789", -123_456_789),
            ("12345678", 12_345_678),
            ("123456789012345678", 123_456_789_012_345_678),
            ("0", 0),
        ] {
            assert_eq!(integer(json.as_bytes(), 0), Some((v, json.len())), "{json}");
        }
        assert_eq!(integer(b"1234567890123456789", 0), None);
        assert_eq!(integer(b"0123456789", 0), None);
        assert_eq!(integer(b"123456789.5", 0), None);
    }

    #[test]
    fn doubtful_input_falls_back() {
        for json in [
            &br#"{"type":"stdout","text":null}"#[..],
            br#"{"type":"stdout","text":"a","text":"b"}"#,
            br#"{"type":"stdout","text":"a","other":1}"#,
            br#"{"type":"stdout","timestamp":1.5}"#,
            br#"{"type":"stdout","timestamp":01}"#,
            br#"{"type":"stdout","timestamp":1234567890123456789}"#,
            br#"{"type":"stdout","text":"\ud800"}"#,
            br#"{"type":"stdout","text":"\udc00"}"#,
            br#"{"type":"stdout","text":"\x"}"#,
            br#"{"type":"stdout","text":"a"} x"#,
            br#"{"type":"stdout","text":"a",}"#,
            br#"{"typ\u0065":"stdout"}"#,
            b"{\"type\":\"stdout\",\"text\":\"\xff\"}",
            b"{\"type\":\"stdout\",\"text\":\"a\tb\"}",
            br#"{"type":"stdout","text":"a""#,
            br#"{"type":"result","results":{"text":"4"}}"#,
            br#"[1]"#,
        ] {
            assert!(!check(json), "{:?}", String::from_utf8_lossy(json));
        }
    }

    #[test]
    fn fast_path_matches_serde_on_random_events() {
        let mut rng = fastrand::Rng::with_seed(42);
        let pieces: &[&str] = &[
            "a",
            "Z",
            "0",
            " ",
            "\\n",
            "\\t",
            "\\\"",
            "\\\\",
            "\\/",
            "\\b",
            "\\f",
            "\\r",
            "\\u0041",
            "\\u00e9",
            "\\u20ac",
            "\\ud83e\\udd80",
            "\\ud800",
            "\\udc00",
            "\\ud800x",
            "\\u12",
            "\\q",
            "é",
            "€",
            "🦀",
            "\u{7f}",
            "\"",
            "\\",
            "\t",
            "\n",
            "<",
            ">",
        ];
        let values: &[&str] = &[
            "0",
            "-0",
            "7",
            "-12",
            "1714564800000",
            "1.5",
            "1e3",
            "01",
            "-",
            "null",
            "true",
            "\"s\"",
            "{}",
            "[]",
            "123456789012345678",
            "1234567890123456789",
        ];
        let keys = [
            "type",
            "text",
            "timestamp",
            "execution_count",
            "execution_time",
            "other",
        ];
        let mut fast_hits = 0;
        for _ in 0..20_000 {
            let mut json = String::from(if rng.bool() { "{" } else { " {\n" });
            let n = rng.usize(0..5);
            for k in 0..n {
                if k > 0 {
                    json.push_str(if rng.u8(..8) == 0 { " , " } else { "," });
                }
                let key = keys[rng.usize(..keys.len())];
                json.push_str(&format!("\"{key}\":"));
                if rng.bool() && matches!(key, "type" | "text") || rng.u8(..6) == 0 {
                    json.push('"');
                    for _ in 0..rng.usize(0..8) {
                        json.push_str(pieces[rng.usize(..pieces.len())]);
                    }
                    json.push('"');
                } else {
                    json.push_str(values[rng.usize(..values.len())]);
                }
            }
            json.push_str(match rng.u8(..20) {
                0 => "",
                1 => "} x",
                2 => ",}",
                _ => "}",
            });
            if check(json.as_bytes()) {
                fast_hits += 1;
            }
        }
        assert!(
            fast_hits > 2_000,
            "only {fast_hits} inputs took the fast path"
        );
    }
}
