//! `exec` and `limit_body` against a loopback server: the executor is called with the
//! operation, the limit fails a large body with `BodyTooLarge` as the cause.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use opensandbox_hooks::{
    BodyTooLarge, BoxFuture, Execute, Operation, RequestOptions, exec, limit_body,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

static GET_THING: Operation = Operation::new(
    "getThing",
    "get_thing",
    http::Method::GET,
    "/thing",
    true,
    false,
);

/// Answers every connection with `body` (chunked when `chunked`).
async fn server(body: &'static [u8], chunked: bool) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let head = if chunked {
                    format!(
                        "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n",
                        body.len()
                    )
                } else {
                    format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n", body.len())
                };
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(body).await;
                if chunked {
                    let _ = sock.write_all(b"\r\n0\r\n\r\n").await;
                }
            });
        }
    });
    format!("http://{addr}/thing")
}

fn request(url: &str) -> reqwest::Request {
    reqwest::Request::new(http::Method::GET, url.parse().unwrap())
}

fn too_large(e: &reqwest::Error) -> Option<u64> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(t) = err.downcast_ref::<BodyTooLarge>() {
            return Some(t.limit);
        }
        source = err.source();
    }
    None
}

#[tokio::test]
async fn a_body_over_the_limit_fails_with_body_too_large_declared_or_chunked() {
    let client = reqwest::Client::new();
    for chunked in [false, true] {
        let url = server(b"0123456789", chunked).await;
        let options = RequestOptions::new().max_body(4);
        let resp = exec(&client, &options, None, request(&url)).await.unwrap();
        let err = resp.bytes().await.expect_err("over the limit");
        assert_eq!(too_large(&err), Some(4), "chunked {chunked}: {err:?}");
        let resp = exec(&client, &options.clone().max_body(10), None, request(&url))
            .await
            .unwrap();
        assert_eq!(&resp.bytes().await.unwrap()[..], b"0123456789");
    }
}

struct Counting(AtomicUsize);

impl Execute for Counting {
    fn execute<'a>(
        &'a self,
        op: &'static Operation,
        client: &'a reqwest::Client,
        request: reqwest::Request,
    ) -> BoxFuture<'a, reqwest::Result<reqwest::Response>> {
        assert_eq!(op.id, "getThing");
        self.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move { Ok(limit_body(client.execute(request).await?, 100)) })
    }
}

#[tokio::test]
async fn the_executor_sends_known_operations_and_owns_the_limit() {
    let client = reqwest::Client::new();
    let url = server(b"0123456789", false).await;
    let counting = Arc::new(Counting(AtomicUsize::new(0)));
    // The executor's limit (100) applies, not max_body (4).
    let options = RequestOptions::new().max_body(4).executor(counting.clone());
    let resp = exec(&client, &options, Some(&GET_THING), request(&url))
        .await
        .unwrap();
    assert_eq!(&resp.bytes().await.unwrap()[..], b"0123456789");
    assert_eq!(counting.0.load(Ordering::SeqCst), 1);
    // An operation the table does not know is sent without the executor.
    let resp = exec(&client, &options, None, request(&url)).await.unwrap();
    assert!(resp.bytes().await.is_err());
    assert_eq!(counting.0.load(Ordering::SeqCst), 1);
}
