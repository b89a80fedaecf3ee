//! [`Text`]: the owned, cheaply cloned UTF-8 string that carries event output.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::str::Utf8Error;

use bytes::Bytes;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable, owned UTF-8 string backed by [`Bytes`]: the `text` of stdout and stderr
/// events.
///
/// When the JSON string in the received frame has no escapes, a `Text` is a slice of the
/// received buffer — no copy, no allocation; with escapes it holds the decoded bytes.
/// Cloning is a reference-count increment. It dereferences to [`str`], so every `str`
/// method works on it, and it compares, hashes, prints and (de)serializes as a string.
///
/// A `Text` sliced from a received chunk keeps that chunk (typically up to 64 KiB) alive
/// while it lives; copy it into a `String` (`String::from(text)`) to keep output for long
/// without holding the chunk.
///
/// ```
/// use opensandbox::Text;
///
/// let text = Text::from("hello\n");
/// assert_eq!(text, "hello\n");
/// assert_eq!(text.trim_end(), "hello");
/// let owned: String = text.clone().into();
/// assert_eq!(owned, text.as_str());
/// ```
#[derive(Clone, Default)]
pub struct Text(
    /// Invariant: valid UTF-8 (every constructor guarantees it; `Bytes` never changes).
    Bytes,
);

impl Text {
    /// An empty text (no allocation).
    #[must_use]
    pub const fn new() -> Text {
        Text(Bytes::new())
    }

    /// A text from UTF-8 bytes, without copying them.
    ///
    /// # Errors
    ///
    /// The [`Utf8Error`] saying where the bytes stop being UTF-8.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use opensandbox::Text;
    ///
    /// assert_eq!(Text::from_utf8(Bytes::from_static(b"caf\xc3\xa9")).unwrap(), "café");
    /// assert!(Text::from_utf8(Bytes::from_static(b"\xff")).is_err());
    /// ```
    pub fn from_utf8(bytes: Bytes) -> Result<Text, Utf8Error> {
        std::str::from_utf8(&bytes)?;
        Ok(Text(bytes))
    }

    /// The text `s` as a slice of `buf` when `s` lies inside `buf`'s bytes (no copy), a
    /// copy of `s` otherwise.
    pub(crate) fn slice_of(buf: &Bytes, s: &str) -> Text {
        match slice_within(buf, s.as_bytes()) {
            // The same memory as `s`, so the same (UTF-8) bytes.
            Some(bytes) => Text(bytes),
            None => Text::copy_from_str(s),
        }
    }

    /// The UTF-8 `bytes` (checked here) as a [`Text`]: a slice of `buf` when they lie
    /// inside it (no copy), a copy otherwise; `None` if they are not UTF-8.
    #[inline]
    pub(crate) fn from_bytes_in(buf: Option<&Bytes>, bytes: &[u8]) -> Option<Text> {
        if !is_utf8(bytes) {
            return None;
        }
        let start = buf.map(|buf| (bytes.as_ptr() as usize).wrapping_sub(buf.as_ptr() as usize));
        Some(match (buf, start) {
            // Written out rather than through `slice_within`: this is the hot path, and
            // this form measured faster.
            (Some(buf), Some(start))
                if !bytes.is_empty() && buf.len().checked_sub(start) >= Some(bytes.len()) =>
            {
                // `bytes` occupy `buf[start..start + len]`: the same memory, so the same
                // (UTF-8) bytes, checked above.
                Text(buf.slice(start..start + bytes.len()))
            }
            _ => Text::copy_from_utf8(bytes),
        })
    }

    /// A copy of `bytes`, which the caller checked to be UTF-8.
    #[inline]
    fn copy_from_utf8(bytes: &[u8]) -> Text {
        if bytes.is_empty() {
            Text::new()
        } else {
            Text(Bytes::from(Box::<[u8]>::from(bytes)))
        }
    }

    /// A text holding a copy of `s`, in an allocation of its own and of its size.
    pub(crate) fn copy_from_str(s: &str) -> Text {
        Text::copy_from_utf8(s.as_bytes())
    }

    /// The text as a string slice.
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: a `Text` is only built from bytes known to be UTF-8: a `String` or
        // `&'static str` (`From`), a copy of a `&str` (`copy_from_str`), bytes checked by
        // `is_utf8` or `std::str::from_utf8` (`from_utf8`, `from_bytes_in`,
        // `TextSource::write`), or the very bytes a `&str` occupies inside `buf`
        // (`slice_of` checks the address range). `Bytes` is immutable, so they stay
        // UTF-8. The tests in this module build a `Text` every way and check it.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }

    /// The UTF-8 bytes of the text.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The underlying buffer (no copy).
    pub fn into_bytes(self) -> Bytes {
        self.0
    }
}

impl Deref for Text {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for Text {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

// Equality, ordering and hashing are those of `str`, as `Borrow<str>` requires.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! eq_with {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Text {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<Text> for $other {
            fn eq(&self, other: &Text) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}

eq_with!(str, &str, String);

impl From<String> for Text {
    /// Takes over the string's buffer (no copy).
    fn from(s: String) -> Text {
        Text(Bytes::from(s.into_bytes()))
    }
}

impl From<&'static str> for Text {
    /// Points at the static string (no copy).
    fn from(s: &'static str) -> Text {
        Text(Bytes::from_static(s.as_bytes()))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.as_str().to_owned()
    }
}

impl From<Text> for Bytes {
    fn from(text: Text) -> Bytes {
        text.0
    }
}

impl TryFrom<Bytes> for Text {
    type Error = Utf8Error;

    fn try_from(bytes: Bytes) -> Result<Text, Utf8Error> {
        Text::from_utf8(bytes)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

/// The part of `buf` that `part` occupies, if `part` is a non-empty slice of `buf`'s
/// bytes (compared by address: the result is the very memory of `part`).
#[inline]
fn slice_within(buf: &Bytes, part: &[u8]) -> Option<Bytes> {
    let start = (part.as_ptr() as usize).wrapping_sub(buf.as_ptr() as usize);
    let end = start.checked_add(part.len())?;
    (!part.is_empty() && end <= buf.len()).then(|| buf.slice(start..end))
}

/// Whether `b` is UTF-8; ASCII (nearly all output) is checked a word at a time first.
#[inline]
fn is_utf8(b: &[u8]) -> bool {
    b.is_ascii() || std::str::from_utf8(b).is_ok()
}

/// The largest string (bound on its decoded size) decoded in the [`TextScratch`]; a larger
/// one is decoded straight into its own allocation, and the scratch stays small.
const SCRATCH_MAX: usize = 16 * 1024;

/// A parser's reusable buffer for decoding strings with escapes. The decoded text is then
/// copied into an allocation of exactly its size: a `Bytes` that owns its memory alone is
/// dropped without atomic operations, which makes it cheaper than one carved out of a
/// shared block.
#[derive(Debug, Default)]
pub(crate) struct TextScratch {
    buf: Vec<u8>,
}

/// Where the text of the event being decoded comes from.
pub(crate) struct TextSource<'a> {
    /// The received buffer the frame lies in, if known: strings without escapes are
    /// sliced from it.
    pub(crate) buf: Option<&'a Bytes>,
    /// Where strings with escapes are decoded, if there is one.
    pub(crate) scratch: Option<&'a mut TextScratch>,
}

impl<'a> TextSource<'a> {
    /// Texts sliced from `buf`, or decoded in `scratch`.
    pub(crate) fn new(buf: &'a Bytes, scratch: &'a mut TextScratch) -> TextSource<'a> {
        TextSource {
            buf: Some(buf),
            scratch: Some(scratch),
        }
    }

    /// A source with no received buffer and no scratch: every text is copied.
    pub(crate) fn detached() -> TextSource<'static> {
        TextSource {
            buf: None,
            scratch: None,
        }
    }

    /// `s` (a string of the frame being decoded) as a [`Text`]: a slice of the received
    /// buffer when `s` lies in it, a copy otherwise.
    #[inline]
    pub(crate) fn text(&self, s: &str) -> Text {
        match self.buf {
            Some(buf) => Text::slice_of(buf, s),
            None => Text::copy_from_str(s),
        }
    }

    /// The bytes of a JSON string without escapes, of the frame being decoded, as a
    /// [`Text`] (a slice of the received buffer when they lie in it); `None` if they are
    /// not UTF-8.
    #[inline]
    pub(crate) fn plain(&self, bytes: &[u8]) -> Option<Text> {
        Text::from_bytes_in(self.buf, bytes)
    }

    /// A text written by `write` into an empty buffer with room for `upper` bytes;
    /// `write` returns `Some(x)` on success. `None` if `write` gives up or what it wrote
    /// is not UTF-8.
    #[inline(always)]
    pub(crate) fn write<T>(
        &mut self,
        upper: usize,
        write: impl FnOnce(&mut Vec<u8>) -> Option<T>,
    ) -> Option<(Text, T)> {
        match self.scratch.as_deref_mut() {
            Some(scratch) if upper <= SCRATCH_MAX => {
                let buf = &mut scratch.buf;
                buf.clear();
                buf.reserve(upper);
                let x = write(buf)?;
                if !is_utf8(buf) {
                    return None;
                }
                Some((Text::copy_from_utf8(buf), x))
            }
            _ => {
                let mut buf = Vec::with_capacity(upper);
                let x = write(&mut buf)?;
                Some((Text::from(String::from_utf8(buf).ok()?), x))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap};

    use proptest::prelude::*;

    use super::*;

    /// The invariant `as_str` relies on, checked from scratch.
    fn valid(t: &Text) -> bool {
        std::str::from_utf8(t.as_bytes()).is_ok_and(|s| s == t.as_str())
    }

    #[test]
    fn every_constructor_gives_utf8() {
        let buf = Bytes::from_static("a é 🦀 z".as_bytes());
        let inner = std::str::from_utf8(&buf[2..9]).unwrap();
        let texts = [
            Text::new(),
            Text::default(),
            Text::from("static é"),
            Text::from(String::from("owned 🦀")),
            Text::from_utf8(buf.clone()).unwrap(),
            Text::slice_of(&buf, inner),
            Text::slice_of(&buf, "elsewhere"),
            Text::copy_from_str("copied ü"),
            serde_json::from_str::<Text>(r#""json \u00e9 \ud83e\udd80""#).unwrap(),
        ];
        for t in &texts {
            assert!(valid(t), "{t:?}");
        }
        assert_eq!(texts[5], "é 🦀");
        assert_eq!(texts[8], "json é 🦀");
    }

    #[test]
    fn invalid_utf8_is_refused() {
        for bad in [&b"\xff"[..], b"a\xc3", b"\xed\xa0\x80", b"ok\xf0\x9f\xa6"] {
            let e = Text::from_utf8(Bytes::copy_from_slice(bad)).unwrap_err();
            assert!(e.valid_up_to() < bad.len());
            assert!(Text::try_from(Bytes::copy_from_slice(bad)).is_err());
        }
    }

    #[test]
    fn slice_of_shares_the_buffer_only_for_a_str_inside_it() {
        let buf = Bytes::from(b"{\"text\":\"hello\"}".to_vec());
        let inner = std::str::from_utf8(&buf[9..14]).unwrap();
        let t = Text::slice_of(&buf, inner);
        assert_eq!(t.as_ptr(), inner.as_ptr());
        assert_eq!(t, "hello");

        // A string elsewhere (here: just past the end of `buf`'s view) is copied.
        let all = Bytes::from_static(b"hello world");
        let head = all.slice(..5);
        let tail = std::str::from_utf8(&all[6..]).unwrap();
        let t = Text::slice_of(&head, tail);
        assert_eq!(t, "world");
        assert_ne!(t.as_ptr(), tail.as_ptr());
        // And one straddling the end of the view is copied too.
        let straddle = std::str::from_utf8(&all[3..8]).unwrap();
        let t = Text::slice_of(&head, straddle);
        assert_eq!(t, "lo wo");
        assert_ne!(t.as_ptr(), straddle.as_ptr());
        assert!(Text::slice_of(&head, "").is_empty());
    }

    #[test]
    fn from_bytes_in_checks_utf8_and_slices_only_inside() {
        let buf = Bytes::from_static("x caf\u{e9} y".as_bytes());
        let t = Text::from_bytes_in(Some(&buf), &buf[2..7]).unwrap();
        assert_eq!(t, "café");
        assert_eq!(t.as_ptr(), buf[2..].as_ptr());
        let other = b"elsewhere".to_vec();
        let t = Text::from_bytes_in(Some(&buf), &other).unwrap();
        assert_eq!(t, "elsewhere");
        assert_ne!(t.as_ptr(), other.as_ptr());
        assert_eq!(Text::from_bytes_in(None, b"copied").unwrap(), "copied");
        // Not UTF-8: refused, whether inside the buffer (a cut character) or not.
        assert!(Text::from_bytes_in(Some(&buf), &buf[2..6]).is_none());
        assert!(Text::from_bytes_in(Some(&buf), b"\xff").is_none());
        assert!(Text::from_bytes_in(Some(&buf), b"").unwrap().is_empty());
    }

    #[test]
    fn behaves_like_a_str() {
        let t = Text::from(String::from("héllo"));
        assert_eq!(t, "héllo");
        assert_eq!(t, *"héllo");
        assert_eq!(t, String::from("héllo"));
        assert_eq!("héllo", t);
        assert_eq!(String::from("héllo"), t);
        assert_eq!(t, Text::from("héllo"));
        assert_ne!(t, "hello");
        assert_eq!(t.len(), 6);
        assert_eq!(&t[..1], "h");
        assert_eq!(format!("{t}|{t:?}|{t:>7}"), "héllo|\"héllo\"|  héllo");
        assert_eq!(format!("{:?}", Text::from("a\"\n")), r#""a\"\n""#);
        assert_eq!(t.as_bytes(), "héllo".as_bytes());
        assert_eq!(String::from(t.clone()), "héllo");
        assert_eq!(&t.clone().into_bytes()[..], "héllo".as_bytes());
        assert!(Text::default().is_empty());

        // Hash and Eq agree with str, so a Text key is found by a &str.
        let mut map = HashMap::new();
        map.insert(t.clone(), 1);
        assert_eq!(map.get("héllo"), Some(&1));
        let set: BTreeSet<Text> = ["b", "a", "c"].into_iter().map(Text::from).collect();
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["a", "b", "c"]);

        assert_eq!(serde_json::to_string(&t).unwrap(), r#""héllo""#);
        assert_eq!(serde_json::from_str::<Text>(r#""h\u00e9llo""#).unwrap(), t);
        assert!(serde_json::from_str::<Text>("1").is_err());
    }

    proptest! {
        /// `from_utf8` accepts exactly the UTF-8 byte strings, and keeps them as they are.
        #[test]
        fn from_utf8_accepts_exactly_utf8(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let std = std::str::from_utf8(&bytes).map(str::to_owned);
            let ours = Text::from_utf8(Bytes::from(bytes)).map(String::from);
            prop_assert_eq!(std.ok(), ours.ok());
        }

        /// Any sub-string of a buffer, sliced or copied, reads back the same.
        #[test]
        fn slice_of_any_substring(s in "\\PC{0,24}", a in 0usize..32, b in 0usize..32) {
            let buf = Bytes::from(s.clone());
            let (mut a, mut b) = (a.min(s.len()), b.min(s.len()));
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            if s.is_char_boundary(a) && s.is_char_boundary(b) {
                let sub = &std::str::from_utf8(&buf).unwrap()[a..b];
                let t = Text::slice_of(&buf, sub);
                prop_assert!(valid(&t));
                prop_assert_eq!(t.as_str(), sub);
            }
        }
    }
}
