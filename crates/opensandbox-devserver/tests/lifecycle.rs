//! Lifecycle API: create → get → list → patch → endpoints → pause/resume → snapshot → delete.

mod common;

use common::{KEY, start};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn auth_request_id_and_errors() {
    let h = start().await;
    // Missing and wrong keys.
    let resp = h.http.get(h.url("/sandboxes")).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    assert!(resp.headers().contains_key("x-request-id"));
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["code"], "MISSING_API_KEY");
    let resp = h
        .http
        .get(h.url("/sandboxes"))
        .header("OPEN-SANDBOX-API-KEY", "nope")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["code"],
        "INVALID_API_KEY"
    );

    // X-Request-ID is echoed.
    let resp = h
        .lc(Method::GET, "/sandboxes")
        .header("X-Request-ID", "req-123")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["x-request-id"], "req-123");

    // Routes are mounted at `/` too.
    let root = format!("http://{}/sandboxes", h.server.addr());
    let resp = h
        .http
        .get(root)
        .header("OPEN-SANDBOX-API-KEY", KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    // Namespaced not-found.
    let resp = h.lc(Method::GET, "/sandboxes/nope").send().await.unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["code"],
        "SANDBOX::NOT_FOUND"
    );

    // FastAPI-style validation failures.
    let resp = h
        .lc(Method::GET, "/sandboxes?pageSize=201")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["detail"][0]["loc"], json!(["query", "pageSize"]));
    for body in [
        json!({"image": {"uri": "x"}, "entrypoint": ["true"], "resourceLimits": {}, "timeout": 59}),
        json!({"image": {"uri": "x"}, "resourceLimits": {}}),
        json!({"entrypoint": ["true"], "resourceLimits": {}}),
        json!({"image": {"uri": "x"}, "entrypoint": ["true"], "resourceLimits": {}, "timeout": "soon"}),
    ] {
        let resp = h
            .lc(Method::POST, "/sandboxes")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 422, "{body}");
        let v: Value = resp.json().await.unwrap();
        assert!(v["detail"].is_array(), "{v}");
    }
    let resp = h
        .lc(Method::POST, "/sandboxes")
        .json(&json!({"image": {"uri": "x"}, "entrypoint": ["true"], "resourceLimits": {}, "metadata": {"opensandbox.io/id": "x"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["code"],
        "SANDBOX::INVALID_METADATA_LABEL"
    );
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn create_get_list_patch_renew_delete() {
    let h = start().await;
    let resp = h
        .lc(Method::POST, "/sandboxes")
        .json(&json!({
            "image": {"uri": "python:3.12", "auth": {"username": "u", "password": "registry-secret"}},
            "entrypoint": ["sleep", "3600"],
            "resourceLimits": {"cpu": "1"},
            "timeout": 600,
            "env": {"GREETING": "hello"},
            "metadata": {"team": "web", "owner": "ada"},
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    assert!(
        resp.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/v1/sandboxes/")
    );
    let created: Value = resp.json().await.unwrap();
    assert_eq!(created["status"]["state"], "Pending");
    assert!(
        created.get("image").is_none(),
        "create response omits the source"
    );
    assert_eq!(created["entrypoint"], json!(["sleep", "3600"]));
    let id = created["id"].as_str().unwrap().to_owned();

    let sb = h.wait_state(&id, "Running").await;
    assert_eq!(sb["image"]["uri"], "python:3.12");
    assert!(
        sb["image"].get("auth").is_none(),
        "registry credentials are not echoed"
    );
    assert!(sb["expiresAt"].is_string());
    assert_eq!(sb["metadata"]["team"], "web");

    let other = h
        .create(json!({
            "image": {"uri": "alpine"},
            "entrypoint": ["sleep", "3600"],
            "resourceLimits": {"cpu": "1"},
            "metadata": {"team": "data", "example.com/tier": "gold_1.0"},
        }))
        .await;
    let manual = h.wait_state(&other, "Running").await;
    assert!(
        manual.get("expiresAt").is_none(),
        "no timeout: manual cleanup"
    );

    // Filters: state (repeatable), metadata as one encoded `k=v&k=v` value.
    let list = |q: &'static str| {
        let h = &h;
        async move {
            h.lc(Method::GET, &format!("/sandboxes{q}"))
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let all = list("").await;
    assert_eq!(all["pagination"]["totalItems"], 2);
    let web = h
        .lc(Method::GET, "/sandboxes")
        .query(&[
            ("metadata", "team=web&owner=ada"),
            ("state", "Running"),
            ("state", "Paused"),
        ])
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(web["items"].as_array().unwrap().len(), 1);
    assert_eq!(web["items"][0]["id"], id.as_str());
    let spaced = h
        .lc(Method::GET, "/sandboxes")
        .query(&[("metadata", "example.com%2Ftier=gold_1.0")])
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(spaced["items"][0]["id"], other.as_str());
    let none = list("?state=Paused").await;
    assert_eq!(none["pagination"]["totalItems"], 0);
    let page2 = list("?pageSize=1&page=2").await;
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);
    assert_eq!(page2["items"][0]["id"], other.as_str());
    assert_eq!(page2["pagination"]["totalPages"], 2);
    assert_eq!(page2["pagination"]["hasNextPage"], false);

    // Metadata merge patch: set, overwrite, delete with null.
    let patched: Value = h
        .lc(Method::PATCH, &format!("/sandboxes/{id}/metadata"))
        .json(&json!({"owner": "grace", "team": null, "stage": "qa"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        patched["metadata"],
        json!({"owner": "grace", "stage": "qa"})
    );

    // Renew: later is fine, earlier is refused.
    let later = (chrono::Utc::now() + chrono::Duration::hours(2)).to_rfc3339();
    let resp = h
        .lc(Method::POST, &format!("/sandboxes/{id}/renew-expiration"))
        .json(&json!({"expiresAt": later}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let past = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let resp = h
        .lc(Method::POST, &format!("/sandboxes/{id}/renew-expiration"))
        .json(&json!({"expiresAt": past}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);

    // Diagnostics.
    let diag: Value = h
        .lc(
            Method::GET,
            &format!("/sandboxes/{id}/diagnostics/events?scope=lifecycle"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(diag["delivery"], "inline");
    assert!(diag["content"].as_str().unwrap().contains("Running"));

    // Delete: 204, then gone.
    let resp = h
        .lc(Method::DELETE, &format!("/sandboxes/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    h.wait_gone(&id).await;
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn endpoints_pause_resume() {
    let h = start().await;
    let id = h.sandbox().await;

    // Default endpoint: path prefix plus the execd token header.
    let v: Value = h
        .lc(Method::GET, &format!("/sandboxes/{id}/endpoints/44772"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        v["endpoint"],
        format!("{}/proxy/{id}/44772", h.server.addr()).as_str()
    );
    let execd = common::to_endpoint(&v);
    assert_eq!(execd.headers[0].0, "X-EXECD-ACCESS-TOKEN");
    let ping = execd
        .req(&h.http, Method::GET, "/ping")
        .send()
        .await
        .unwrap();
    assert_eq!(ping.status(), 200);
    // Without the token (and never with the lifecycle key): 401 `{"error": ...}`.
    let resp = h
        .http
        .get(execd.url("/ping"))
        .header("OPEN-SANDBOX-API-KEY", KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert!(resp.json::<Value>().await.unwrap()["error"].is_string());

    // Server-proxy and signed endpoints work too; combining them is a 400.
    for q in ["?use_server_proxy=true", "?expires=9999999999"] {
        let v: Value = h
            .lc(Method::GET, &format!("/sandboxes/{id}/endpoints/44772{q}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ep = common::to_endpoint(&v);
        let resp = ep.req(&h.http, Method::GET, "/ping").send().await.unwrap();
        assert_eq!(resp.status(), 200, "{q}: {v}");
    }
    let resp = h
        .lc(
            Method::GET,
            &format!("/sandboxes/{id}/endpoints/44772?use_server_proxy=true&expires=9999999999"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let egress = h.endpoint(&id, 18080).await;
    assert_eq!(egress.headers[0].0, "OPENSANDBOX-EGRESS-AUTH");

    // Pause → Paused (processes stopped), resume → Running.
    let resp = h
        .lc(Method::POST, &format!("/sandboxes/{id}/pause"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    h.wait_state(&id, "Paused").await;
    let resp = execd
        .req(&h.http, Method::GET, "/ping")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 502, "a paused sandbox does not answer");
    let resp = h
        .lc(Method::POST, &format!("/sandboxes/{id}/pause"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 409);
    let resp = h
        .lc(Method::POST, &format!("/sandboxes/{id}/resume"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    h.wait_state(&id, "Running").await;
    let resp = execd
        .req(&h.http, Method::GET, "/ping")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn other_ports_are_reverse_proxied() {
    // A service "in the sandbox": sandbox processes share the host network.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = axum::Router::new().route(
        "/hello/{name}",
        axum::routing::get(
            |axum::extract::Path(name): axum::extract::Path<String>| async move {
                format!("hello {name}")
            },
        ),
    );
    let service = tokio::spawn(async move { axum::serve(listener, app).await });

    let h = start().await;
    let id = h.sandbox().await;
    for q in ["", "?use_server_proxy=true", "?expires=9999999999"] {
        let v: Value = h
            .lc(Method::GET, &format!("/sandboxes/{id}/endpoints/{port}{q}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(v.get("headers").is_none(), "{v}");
        let ep = common::to_endpoint(&v);
        let text = h
            .http
            .get(ep.url("/hello/sandbox"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(text, "hello sandbox", "{q}");
    }
    service.abort();
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn snapshot_and_restore() {
    let h = start().await;
    let id = h
        .create(json!({
            "image": {"uri": "alpine"},
            "entrypoint": ["sh", "-c", "echo state > kept.txt; exec sleep 3600"],
            "resourceLimits": {"cpu": "1"},
        }))
        .await;
    // The entrypoint writes the file right after start; poll for it via execd.
    let execd = h.endpoint(&id, 44772).await;
    let mut found = false;
    for _ in 0..100 {
        let resp = execd
            .req(&h.http, Method::GET, "/files/info")
            .query(&[("path", "kept.txt")])
            .send()
            .await
            .unwrap();
        if resp.status() == 200 {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(found);

    let resp = h
        .lc(Method::POST, &format!("/sandboxes/{id}/snapshots"))
        .json(&json!({"name": "before"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 202);
    let snap: Value = resp.json().await.unwrap();
    let snap_id = snap["id"].as_str().unwrap().to_owned();
    let mut ready = false;
    for _ in 0..200 {
        let s: Value = h
            .lc(Method::GET, &format!("/snapshots/{snap_id}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if s["status"]["state"] == "Ready" {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(ready, "snapshot became Ready");
    let listed: Value = h
        .lc(Method::GET, &format!("/snapshots?sandboxId={id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed["pagination"]["totalItems"], 1);

    let restored = h
        .create(json!({"snapshotId": snap_id, "resourceLimits": {"cpu": "1"}}))
        .await;
    let sb = h.wait_state(&restored, "Running").await;
    assert_eq!(sb["snapshotId"], snap_id.as_str());
    assert_eq!(sb["entrypoint"], json!(["tail", "-f", "/dev/null"]));
    let execd2 = h.endpoint(&restored, 44772).await;
    let body = execd2
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "kept.txt")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(body, "state\n");

    let resp = h
        .lc(Method::DELETE, &format!("/snapshots/{snap_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn entrypoint_exit_stops_the_sandbox() {
    let h = start().await;
    let resp = h
        .lc(Method::POST, "/sandboxes")
        .json(&json!({"image": {"uri": "x"}, "entrypoint": ["sh", "-c", "exit 4"], "resourceLimits": {}}))
        .send()
        .await
        .unwrap();
    let id = resp.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let sb = h.wait_state(&id, "Failed").await;
    assert!(
        sb["status"]["message"]
            .as_str()
            .unwrap()
            .contains("exit status 4")
    );
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn refuses_non_loopback_without_opt_in() {
    let err = opensandbox_devserver::DevServer::builder()
        .bind("0.0.0.0:0")
        .start()
        .await
        .expect_err("non-loopback bind is refused");
    assert!(
        matches!(err, opensandbox_devserver::Error::NonLoopback(_)),
        "{err}"
    );
    let server = opensandbox_devserver::DevServer::builder()
        .bind("0.0.0.0:0")
        .allow_non_loopback(true)
        .start()
        .await
        .expect("explicit opt-in binds");
    server.shutdown().await;
    let local = opensandbox_devserver::DevServer::builder()
        .bind("localhost:0")
        .start()
        .await
        .expect("localhost resolves to loopback");
    assert!(local.addr().ip().is_loopback());
    drop(local);
}
