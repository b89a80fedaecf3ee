//! Test harness: a devserver with an API key, a plain reqwest client, bounded polling.
#![allow(dead_code)]

use std::time::Duration;

use opensandbox_devserver::DevServer;
use serde_json::{Value, json};

pub const KEY: &str = "test-key";

pub struct Harness {
    pub server: DevServer,
    pub http: reqwest::Client,
}

/// A sandbox's execd or egress endpoint: base URL (with path prefix) and headers.
pub struct Endpoint {
    pub base: String,
    pub headers: Vec<(String, String)>,
}

impl Endpoint {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn req(
        &self,
        http: &reqwest::Client,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        let mut rb = http.request(method, self.url(path));
        for (k, v) in &self.headers {
            rb = rb.header(k, v);
        }
        rb
    }
}

pub async fn start() -> Harness {
    let server = DevServer::builder()
        .api_key(Some(KEY.to_owned()))
        .bind("127.0.0.1:0")
        .start()
        .await
        .expect("devserver starts");
    Harness {
        server,
        http: reqwest::Client::new(),
    }
}

impl Harness {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.url(), path)
    }

    pub fn lc(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("OPEN-SANDBOX-API-KEY", KEY)
    }

    /// Create a sandbox from `body` and wait until it is Running.
    pub async fn create(&self, body: Value) -> String {
        let resp = self
            .lc(reqwest::Method::POST, "/sandboxes")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 202, "create: {:?}", resp.text().await);
        let v: Value = resp.json().await.unwrap();
        let id = v["id"].as_str().unwrap().to_owned();
        self.wait_state(&id, "Running").await;
        id
    }

    /// A default sandbox running `sleep`.
    pub async fn sandbox(&self) -> String {
        self.create(json!({
            "image": {"uri": "ubuntu:24.04"},
            "entrypoint": ["sleep", "3600"],
            "resourceLimits": {"cpu": "1", "memory": "512Mi"},
        }))
        .await
    }

    /// Poll until the sandbox reports `state` (bounded: 10 s).
    pub async fn wait_state(&self, id: &str, state: &str) -> Value {
        let mut last = Value::Null;
        for _ in 0..200 {
            let resp = self
                .lc(reqwest::Method::GET, &format!("/sandboxes/{id}"))
                .send()
                .await
                .unwrap();
            if resp.status() == 200 {
                last = resp.json().await.unwrap();
                if last["status"]["state"] == state {
                    return last;
                }
            } else {
                last = json!({"http": resp.status().as_u16()});
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("sandbox {id} never reached {state}; last seen {last}");
    }

    /// Poll until GET answers 404 (bounded: 10 s).
    pub async fn wait_gone(&self, id: &str) {
        for _ in 0..200 {
            let resp = self
                .lc(reqwest::Method::GET, &format!("/sandboxes/{id}"))
                .send()
                .await
                .unwrap();
            if resp.status() == 404 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("sandbox {id} was never removed");
    }

    pub async fn endpoint(&self, id: &str, port: u16) -> Endpoint {
        let v: Value = self
            .lc(
                reqwest::Method::GET,
                &format!("/sandboxes/{id}/endpoints/{port}"),
            )
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        to_endpoint(&v)
    }
}

pub fn to_endpoint(v: &Value) -> Endpoint {
    let ep = v["endpoint"].as_str().expect("endpoint").to_owned();
    assert!(!ep.contains("://"), "endpoint has no scheme: {ep}");
    let headers = v["headers"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                .collect()
        })
        .unwrap_or_default();
    Endpoint {
        base: format!("http://{ep}"),
        headers,
    }
}

/// Split an execd stream body into events, checking the bare-JSON framing.
pub fn frames(body: &str) -> Vec<Value> {
    assert!(
        body.ends_with("\n\n"),
        "stream ends with a blank line: {body:?}"
    );
    body.strip_suffix("\n\n")
        .unwrap()
        .split("\n\n")
        .map(|chunk| {
            assert!(
                chunk.starts_with("{\"type\":"),
                "bare JSON frame with `type` first, got {chunk:?}"
            );
            assert!(!chunk.contains('\n'), "one line per frame: {chunk:?}");
            serde_json::from_str(chunk).expect("frame is JSON")
        })
        .collect()
}

/// Concatenated `text` of events of one type.
pub fn text_of(events: &[Value], kind: &str) -> String {
    events
        .iter()
        .filter(|e| e["type"] == kind)
        .filter_map(|e| e["text"].as_str())
        .collect()
}

/// Events up to and including the terminal one; asserts there is exactly one, last.
pub fn until_terminal(events: &[Value]) -> &Value {
    let terminals: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e["type"] == "execution_complete" || e["type"] == "error")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(terminals.len(), 1, "exactly one terminal event: {events:?}");
    assert_eq!(
        terminals[0],
        events.len() - 1,
        "terminal event is last: {events:?}"
    );
    &events[terminals[0]]
}
