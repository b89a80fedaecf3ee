//! A devserver on loopback per test, and `osb` pointed at it with its own config file.

use std::path::{Path, PathBuf};
use std::process::Output;

use opensandbox_devserver::DevServer;
use serde_json::Value;

/// The API key the test devservers require.
pub const KEY: &str = "osb-test-key-3f9a";

/// A running devserver (stopped on drop) and a scratch directory.
pub struct Env {
    rt: tokio::runtime::Runtime,
    server: Option<DevServer>,
    /// `host:port` of the devserver.
    pub domain: String,
    /// A directory for this test's files (local files, config file) and, since the
    /// devserver runs sandboxes on this host, for the sandbox paths the test uses.
    pub dir: PathBuf,
}

impl Env {
    /// Starts a devserver on 127.0.0.1 with [`KEY`].
    pub fn start() -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let server = rt
            .block_on(
                DevServer::builder()
                    .bind("127.0.0.1:0")
                    .api_key(Some(KEY.to_owned()))
                    .start(),
            )
            .expect("devserver starts");
        let dir = std::env::temp_dir().join(format!(
            "osb-test-{}-{}",
            std::process::id(),
            server.addr().port()
        ));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Env {
            domain: server.domain(),
            server: Some(server),
            rt,
            dir,
        }
    }

    /// `osb` with this devserver, the test's key and config file, no color.
    pub fn osb(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.osb_std())
    }

    /// The same as a `std::process::Command` (for tests that stream or signal).
    pub fn osb_std(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_osb"));
        for (k, v) in self.env_vars() {
            c.env(k, v);
        }
        for k in [
            "OPEN_SANDBOX_PROTOCOL",
            "OPEN_SANDBOX_OUTPUT",
            "OPEN_SANDBOX_SERVER_PROXY",
            "OPEN_SANDBOX_REQUEST_TIMEOUT",
        ] {
            c.env_remove(k);
        }
        c
    }

    /// The environment `osb` runs with.
    pub fn env_vars(&self) -> Vec<(String, String)> {
        vec![
            ("OPEN_SANDBOX_DOMAIN".into(), self.domain.clone()),
            ("OPEN_SANDBOX_API_KEY".into(), KEY.into()),
            (
                "OPEN_SANDBOX_CONFIG".into(),
                self.config_path().display().to_string(),
            ),
            ("NO_COLOR".into(), "1".into()),
        ]
    }

    /// The test's config file.
    pub fn config_path(&self) -> PathBuf {
        self.dir.join("config.toml")
    }

    /// A path under the scratch directory, as a string.
    pub fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// Creates a sandbox (waiting until it is ready) and returns its id.
    pub fn sandbox(&self) -> String {
        let out = self
            .osb()
            .args(["sandbox", "create", "python:3.12", "--wait", "--quiet"])
            .output()
            .expect("osb runs");
        assert_success(&out);
        let id = String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_owned();
        assert!(
            !id.is_empty() && !id.contains(char::is_whitespace),
            "{id:?}"
        );
        id
    }

    /// Runs `osb ARGS -o json` and parses its stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self
            .osb()
            .args(["--output", "json"])
            .args(args)
            .output()
            .expect("osb runs");
        assert_success(&out);
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "osb {args:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            self.rt.block_on(server.shutdown());
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Panics with stdout and stderr unless the command succeeded.
pub fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether `path` exists.
pub fn exists(path: &str) -> bool {
    Path::new(path).exists()
}
