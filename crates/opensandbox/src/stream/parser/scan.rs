//! Byte-level checks of the parser: line ends eight bytes at a time, JSON completeness,
//! SSE field names, and quoting a frame for an error message.

use super::*;

/// `data:` with nothing in it: a keep-alive, not an event.
pub(super) fn is_empty_data(data: &[u8]) -> bool {
    data.iter().all(|b| is_ws(*b) || *b == b'\n')
}

pub(super) fn is_incomplete_json(data: &[u8]) -> bool {
    let lead = data
        .iter()
        .take_while(|b| is_ws(**b) || **b == b'\n')
        .count();
    data.get(lead) == Some(&b'{') && JsonScan::default().feed(&data[lead..]).is_none()
}

#[inline]
pub(super) fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Whether `name` looks like an SSE field name (so that an unknown one is ignored rather
/// than reported as garbage).
pub(super) fn is_field_name(name: &[u8]) -> bool {
    !name.is_empty()
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' || *b == b'.')
}

/// The first bytes of a frame, quoted, for error messages.
pub(crate) fn quoted(bytes: &[u8]) -> String {
    format!("{:?}", crate::error::snippet_of(bytes, SNIPPET_LEN))
}

/// The index of the first `\n` or `\r`, eight bytes at a time.
#[inline]
pub(super) fn find_eol(hay: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const LF: u64 = LO * b'\n' as u64;
    const CR: u64 = LO * b'\r' as u64;
    let mut words = hay.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(word);
        let w = u64::from_le_bytes(a);
        let x = w ^ LF;
        let y = w ^ CR;
        // A byte of `x` (or `y`) is zero where `w` has a LF (or CR). The lowest flagged
        // byte is always a real match (false positives only sit above a real one).
        let m = ((x.wrapping_sub(LO) & !x) | (y.wrapping_sub(LO) & !y)) & HI;
        if m != 0 {
            return Some(base + (m.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| base + p)
}

/// Tracks brace depth through JSON text, to tell when an object spread over several lines
/// is complete.
#[derive(Debug, Default, Clone)]
pub(super) struct JsonScan {
    depth: usize,
    in_str: bool,
    escape: bool,
}

impl JsonScan {
    /// Feeds the next bytes; returns the index just past the byte that closed the
    /// outermost value, if it closed.
    pub(super) fn feed(&mut self, bytes: &[u8]) -> Option<usize> {
        for (i, &b) in bytes.iter().enumerate() {
            if self.in_str {
                if self.escape {
                    self.escape = false;
                } else if b == b'\\' {
                    self.escape = true;
                } else if b == b'"' {
                    self.in_str = false;
                }
                continue;
            }
            match b {
                b'"' => self.in_str = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        None
    }
}
