//! The `opensandbox-devserver` binary as users run it: the API key it reads from its
//! environment never reaches a sandbox's processes.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

/// Kills the server when the test ends, however it ends.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_api_key_from_the_environment_is_not_in_sandbox_environments() {
    const KEY: &str = "devserver-key-must-not-leak";
    let mut child = Command::new(env!("CARGO_BIN_EXE_opensandbox-devserver"))
        .args(["--bind", "127.0.0.1:0"])
        .env("OPEN_SANDBOX_DEVSERVER_API_KEY", KEY)
        .env("OPEN_SANDBOX_API_KEY", "lifecycle-key-must-not-leak")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the devserver binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let server = Running(child);
    let url = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).map(|_| line)
    });
    let url = tokio::time::timeout(Duration::from_secs(30), url)
        .await
        .expect("the devserver prints its URL")
        .unwrap()
        .unwrap()
        .trim()
        .to_owned();
    let http = reqwest::Client::new();
    let lc = |m: reqwest::Method, p: &str| {
        http.request(m, format!("{url}{p}"))
            .header("OPEN-SANDBOX-API-KEY", KEY)
    };
    let created: Value = lc(reqwest::Method::POST, "/sandboxes")
        .json(
            &json!({"image": {"uri": "ubuntu:24.04"}, "entrypoint": ["sleep", "3600"],
                      "resourceLimits": {"cpu": "1", "memory": "512Mi"}}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().expect("an id").to_owned();
    let mut running = false;
    for _ in 0..200 {
        let v: Value = lc(reqwest::Method::GET, &format!("/sandboxes/{id}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if v["status"]["state"] == "Running" {
            running = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(running, "the sandbox runs");
    let ep: Value = lc(
        reqwest::Method::GET,
        &format!("/sandboxes/{id}/endpoints/44772"),
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let mut run = http
        .post(format!(
            "http://{}/command",
            ep["endpoint"].as_str().unwrap()
        ))
        .json(&json!({"command": "env"}));
    if let Some(headers) = ep["headers"].as_object() {
        for (k, v) in headers {
            run = run.header(k, v.as_str().unwrap());
        }
    }
    let body = tokio::time::timeout(Duration::from_secs(30), async {
        run.send().await.unwrap().text().await.unwrap()
    })
    .await
    .expect("env runs");
    assert!(body.contains("OPEN_SANDBOX_SANDBOX_ID"), "env ran: {body}");
    assert!(!body.contains(KEY), "the devserver key leaked: {body}");
    assert!(!body.contains("lifecycle-key-must-not-leak"), "{body}");
    assert!(!body.contains("OPEN_SANDBOX_DEVSERVER_API_KEY"), "{body}");
    drop(server);
}
