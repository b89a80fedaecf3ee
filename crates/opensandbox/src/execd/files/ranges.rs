//! Byte ranges of a download: the `Range` header asked for, the `Content-Range` answered,
//! and the slicing of a whole-file answer from a server that ignored `Range`.

use std::ops::{Bound, RangeBounds};

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};

use crate::error::{Error, Result};

/// Where a download starts and ends, from `Content-Range` (end inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ContentRange {
    /// First byte sent.
    pub start: u64,
    /// Last byte sent (inclusive).
    pub end: u64,
    /// Size of the whole file, when the server said.
    pub total: Option<u64>,
}

impl ContentRange {
    /// Parses `bytes a-b/total` (total may be `*`).
    pub(super) fn parse(v: &str) -> Option<Self> {
        let rest = v.trim().strip_prefix("bytes")?.trim_start();
        let (range, total) = rest.split_once('/')?;
        let (a, b) = range.trim().split_once('-')?;
        let start = a.trim().parse().ok()?;
        let end = b.trim().parse().ok()?;
        let total = match total.trim() {
            "*" => None,
            t => Some(t.parse().ok()?),
        };
        (start <= end).then_some(ContentRange { start, end, total })
    }
}

/// Skips `skip` bytes and yields at most `take` (for a server that ignored `Range`).
pub(super) fn slice_stream(
    inner: BoxStream<'static, Result<Bytes>>,
    mut skip: u64,
    mut take: Option<u64>,
) -> BoxStream<'static, Result<Bytes>> {
    inner
        .try_filter_map(move |mut chunk| {
            let n = chunk.len() as u64;
            let out = if skip >= n {
                skip -= n;
                None
            } else {
                let _ = chunk.split_to(skip as usize);
                skip = 0;
                if let Some(t) = take.as_mut() {
                    if (chunk.len() as u64) > *t {
                        chunk.truncate(*t as usize);
                    }
                    *t -= chunk.len() as u64;
                }
                (!chunk.is_empty()).then_some(chunk)
            };
            futures::future::ready(Ok(out))
        })
        .boxed()
}

/// The `Range` header value for `range`, and the (start, inclusive end) it asks for.
pub(super) fn range_header(range: &impl RangeBounds<u64>) -> Result<(String, u64, Option<u64>)> {
    let start = match range.start_bound() {
        Bound::Included(&s) => s,
        Bound::Excluded(&s) => s
            .checked_add(1)
            .ok_or_else(|| Error::InvalidInput("range start overflows".into()))?,
        Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        Bound::Included(&e) => Some(e),
        Bound::Excluded(&e) => Some(
            e.checked_sub(1)
                .ok_or_else(|| Error::InvalidInput("the range is empty".into()))?,
        ),
        Bound::Unbounded => None,
    };
    if let Some(e) = end
        && e < start
    {
        return Err(Error::InvalidInput("the range is empty".into()));
    }
    let header = match end {
        Some(e) => format!("bytes={start}-{e}"),
        None => format!("bytes={start}-"),
    };
    Ok((header, start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::stream;

    #[test]
    fn content_ranges_parse() {
        assert_eq!(
            ContentRange::parse("bytes 0-1023/52311"),
            Some(ContentRange {
                start: 0,
                end: 1023,
                total: Some(52311)
            })
        );
        assert_eq!(
            ContentRange::parse("bytes 5-9/*"),
            Some(ContentRange {
                start: 5,
                end: 9,
                total: None
            })
        );
        assert_eq!(ContentRange::parse("bytes */100"), None);
        assert_eq!(ContentRange::parse("bytes 9-5/100"), None);
    }

    #[test]
    fn range_headers() {
        assert_eq!(range_header(&(0..1024)).unwrap().0, "bytes=0-1023");
        assert_eq!(range_header(&(10..)).unwrap().0, "bytes=10-");
        assert_eq!(range_header(&(3..=3)).unwrap().0, "bytes=3-3");
        assert!(range_header(&(5..5)).is_err());
        assert!(range_header(&(0..0)).is_err());
    }

    #[tokio::test]
    async fn a_server_that_ignores_range_is_sliced() {
        let chunks: Vec<Result<Bytes>> = vec![
            Ok(Bytes::from_static(b"0123")),
            Ok(Bytes::from_static(b"4567")),
            Ok(Bytes::from_static(b"89")),
        ];
        let s = slice_stream(stream::iter(chunks).boxed(), 3, Some(4));
        let out: Vec<Bytes> = s.try_collect().await.unwrap();
        assert_eq!(out.concat(), b"3456");
    }
}
