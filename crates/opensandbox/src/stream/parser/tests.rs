//! Unit tests of the frame parser.

use super::*;

fn naive_eol(h: &[u8]) -> Option<usize> {
    h.iter().position(|&b| b == b'\n' || b == b'\r')
}

#[test]
fn find_eol_matches_naive_search() {
    let mut rng = fastrand::Rng::with_seed(7);
    for len in 0..70 {
        for _ in 0..200 {
            let h: Vec<u8> = (0..len)
                .map(|_| match rng.u8(0..10) {
                    0 => b'\n',
                    1 => b'\r',
                    2 => 0x0b,
                    3 => 0x0c,
                    4 => 0x8a,
                    5 => 0x0e,
                    _ => rng.u8(..),
                })
                .collect();
            assert_eq!(find_eol(&h), naive_eol(&h), "{h:?}");
        }
    }
    assert_eq!(find_eol(b"0123456789abcdef\r"), Some(16));
}

#[test]
fn json_scan_handles_strings_and_escapes() {
    let mut s = JsonScan::default();
    assert_eq!(s.feed(br#"{"a":"}\"{","b":[1,{"c":2}]}"#), Some(28));
    let mut s = JsonScan::default();
    assert_eq!(s.feed(br#"{"a":"x\\"#), None);
    assert_eq!(s.feed(br#"","b":"}"}"#), Some(10));
}

#[test]
fn carry_lines_are_zero_copy_within_a_chunk() {
    let mut p = FrameParser::new();
    let chunk = Bytes::from_static(b"{\"type\":\"ping\"}\n\n");
    p.push(chunk.clone());
    let f = p.next_frame().unwrap().unwrap();
    assert_eq!(f.data.as_ptr(), chunk.as_ptr());
}

#[test]
fn bom_split_across_chunks() {
    let mut p = FrameParser::new();
    p.push(&b"\xEF"[..]);
    p.push(&b"\xBB"[..]);
    p.push(&b"\xBFdata: {}\n\n"[..]);
    let f = p.next_frame().unwrap().unwrap();
    assert_eq!(&f.data[..], b"{}");
}
