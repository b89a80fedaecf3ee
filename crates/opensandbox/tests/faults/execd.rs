//! Fault cases: execd.

use std::time::{Duration, Instant};

use opensandbox::sandbox::ConnectOptions;
use opensandbox::{ConnectionConfig, Error, Sandbox, SandboxCreateOptions};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::hostile::{Hostile, Script, within};

fn config(server: &MockServer) -> ConnectionConfig {
    ConnectionConfig::new()
        .domain(server.uri().trim_start_matches("http://"))
        .protocol("http")
        .api_key("k")
        .options(opensandbox::ClientOptions::new().use_env_proxy(false))
}

fn sandbox_json(state: &str) -> serde_json::Value {
    json!({"id": "sbx-1", "status": {"state": state}, "entrypoint": ["/bin/sh"],
           "createdAt": "2025-01-01T00:00:00Z"})
}

/// A lifecycle whose sandbox is `state` and whose execd endpoint is `execd` (no scheme).
async fn lifecycle(state: &str, execd: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sandbox_json(state)))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/sandboxes"))
        .respond_with(ResponseTemplate::new(202).set_body_json(sandbox_json("Pending")))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/sandboxes/sbx-1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/sandboxes/sbx-1/endpoints/44772"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"endpoint": execd})))
        .mount(&server)
        .await;
    server
}

fn assert_ping_not_ready(err: &Error, url_part: &str) {
    match err {
        Error::NotReady {
            waiting_for,
            last_error,
            ..
        } => {
            assert!(waiting_for.contains(url_part), "{waiting_for}");
            assert!(waiting_for.contains("server_proxy(true)"), "{waiting_for}");
            assert!(last_error.is_some(), "a cause is kept: {err:?}");
        }
        other => panic!("expected NotReady, got {other:?}"),
    }
}

#[tokio::test]
async fn connect_to_an_execd_that_never_answers_names_the_url_and_a_cause() {
    let execd = Hostile::always(Script::stall()).await;
    let host = execd.url.trim_start_matches("http://").to_string();
    let server = lifecycle("Running", &host).await;
    let started = Instant::now();
    let err = within(
        Duration::from_secs(20),
        Sandbox::connect_with(
            &config(&server),
            "sbx-1",
            ConnectOptions::new().ready_timeout(Duration::from_secs(2)),
        ),
    )
    .await
    .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_ping_not_ready(&err, &host);
    assert!(err.to_string().contains("timed out"), "{err}");
}

#[tokio::test]
async fn connect_to_an_unreachable_execd_names_the_url_and_the_refusal() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let host = format!("127.0.0.1:{port}");
    let server = lifecycle("Running", &host).await;
    let err = within(
        Duration::from_secs(20),
        Sandbox::connect_with(
            &config(&server),
            "sbx-1",
            ConnectOptions::new().ready_timeout(Duration::from_secs(1)),
        ),
    )
    .await
    .unwrap_err();
    assert_ping_not_ready(&err, &host);
}

/// `ready_timeout(Duration::MAX)` is "no limit": no panic in polling, and a failed
/// sandbox still ends the wait at once.
#[tokio::test]
async fn a_maximal_ready_timeout_does_not_panic() {
    let server = lifecycle("Failed", "127.0.0.1:1").await;
    let err = within(
        Duration::from_secs(10),
        Sandbox::connect_with(
            &config(&server),
            "sbx-1",
            ConnectOptions::new().ready_timeout(Duration::MAX),
        ),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::NotReady { terminal: true, .. }),
        "{err:?}"
    );
    let err = within(
        Duration::from_secs(10),
        Sandbox::create(
            &config(&server),
            SandboxCreateOptions::new("python:3.12").ready_timeout(Duration::MAX),
        ),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Error::NotReady { terminal: true, .. }),
        "{err:?}"
    );
    // The failed sandbox was deleted, not left behind.
    let deletes = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "DELETE")
        .count();
    assert_eq!(deletes, 1);
}

mod download_to_path {
    use std::os::unix::fs::PermissionsExt;
    use std::time::Duration;

    use opensandbox::Error;

    use crate::clients::ex;
    use crate::hostile::{Hostile, Script, within};

    async fn file_server(body: &[u8]) -> Hostile {
        Hostile::always(Script::response(
            200,
            &[("content-type", "application/octet-stream")],
            body,
        ))
        .await
    }

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "opensandbox-faults-{name}-{}-{}",
            std::process::id(),
            fastrand::u64(..)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn mode(p: &std::path::Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    #[tokio::test]
    async fn a_replaced_0600_file_stays_0600() {
        let dir = scratch("mode");
        let key = dir.join("id_ed25519");
        std::fs::write(&key, b"old").unwrap();
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        let s = file_server(b"new private key").await;
        within(Duration::from_secs(10), ex(&s).download_to_path("/k", &key))
            .await
            .unwrap();
        assert_eq!(std::fs::read(&key).unwrap(), b"new private key");
        assert_eq!(mode(&key), 0o600);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_new_file_gets_the_mode_cp_would_give() {
        let dir = scratch("newmode");
        let reference = dir.join("reference");
        std::fs::File::create(&reference).unwrap();
        let s = file_server(b"data").await;
        let new = dir.join("new");
        within(Duration::from_secs(10), ex(&s).download_to_path("/f", &new))
            .await
            .unwrap();
        assert_eq!(mode(&new), mode(&reference), "0666 less the umask");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_symlink_is_followed_and_kept() {
        let dir = scratch("link");
        let real = dir.join("real.txt");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let s = file_server(b"through the link").await;
        within(
            Duration::from_secs(10),
            ex(&s).download_to_path("/f", &link),
        )
        .await
        .unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"through the link");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_dangling_symlink_is_refused_before_sending() {
        let dir = scratch("dangling");
        let link = dir.join("dangling.txt");
        std::os::unix::fs::symlink(dir.join("nowhere/at/all"), &link).unwrap();
        let s = file_server(b"x").await;
        let err = within(
            Duration::from_secs(10),
            ex(&s).download_to_path("/f", &link),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(err, Error::Io { ref path, .. } if path.ends_with("dangling.txt")),
            "{err:?}"
        );
        assert_eq!(s.hits(), 0);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_missing_directory_is_reported_before_sending_naming_the_target() {
        let dir = scratch("nodir");
        let target = dir.join("no/such/dir/out.bin");
        let s = file_server(b"x").await;
        let err = within(
            Duration::from_secs(10),
            ex(&s).download_to_path("/f", &target),
        )
        .await
        .unwrap_err();
        match &err {
            Error::Io { path, source } => {
                assert!(path.ends_with("out.bin"), "{path}");
                assert!(!path.contains(".part-"), "{path}");
                assert!(source.to_string().contains("does not exist"), "{source}");
            }
            other => panic!("expected Io, got {other:?}"),
        }
        assert_eq!(s.hits(), 0, "nothing was sent");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A download that breaks part-way leaves the old file as it was.
    #[tokio::test]
    async fn a_cut_download_leaves_the_old_file_and_no_temp_file() {
        use crate::hostile::{Step, head_bytes};
        let dir = scratch("cut");
        let f = dir.join("data.bin");
        std::fs::write(&f, b"previous").unwrap();
        let s = Hostile::always(Script::new(vec![
            Step::Send(head_bytes(200, &[("content-length", "1000")])),
            Step::Send(vec![b'x'; 100]),
            Step::Reset,
        ]))
        .await;
        let err = within(Duration::from_secs(10), ex(&s).download_to_path("/f", &f))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Transport { .. }), "{err:?}");
        assert_eq!(std::fs::read(&f).unwrap(), b"previous");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temp file left"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
