//! Prism (`@stoplight/prism-cli`, pinned in `tests/prism/`) in mock mode, one process per
//! document, on a loopback port chosen at run time.
//!
//! Where Prism comes from: `OPEN_SANDBOX_PRISM` (set by `cargo xtask test`, which installs
//! the pinned version), else `<root>/.tools/prism/node_modules/.bin/prism`. When neither
//! exists the tests **fail** and say to run `cargo xtask test`: no test is skipped because
//! a tool is missing.
//!
//! Every Prism started is stopped:
//! - it runs in its own process group, and [`PrismServer`]'s `Drop` kills the group;
//! - servers shared by the tests of a binary ([`shared`]) live in a static, which Rust
//!   never drops, so an `atexit` handler kills every group still registered when the test
//!   process exits;
//! - on Linux the child also gets `PR_SET_PDEATHSIG = SIGKILL`, so it dies with the test
//!   process even when that is killed outright. The death signal fires when the *thread*
//!   that spawned the child ends, so children are spawned by one dedicated thread that
//!   lives as long as the process.

use std::collections::HashMap;
use std::io::Read;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

/// Environment variable naming the Prism executable.
pub const PRISM_ENV: &str = "OPEN_SANDBOX_PRISM";

/// How long a Prism may take to listen.
const READY_TIMEOUT: Duration = Duration::from_secs(90);

/// The Prism executable: `$OPEN_SANDBOX_PRISM`, else the copy `cargo xtask test` installs.
pub fn prism_executable() -> Result<PathBuf, String> {
    locate(std::env::var_os(PRISM_ENV), &crate::workspace_root())
}

/// [`prism_executable`] with its inputs spelled out: the value of `OPEN_SANDBOX_PRISM` and
/// the workspace root.
pub fn locate(env: Option<std::ffi::OsString>, root: &Path) -> Result<PathBuf, String> {
    if let Some(p) = env.filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        return Err(format!(
            "{PRISM_ENV}={} does not exist. Run `cargo xtask test`: it installs the pinned Prism \
             (tests/prism/package-lock.json) into .tools/prism and runs the whole suite.",
            p.display()
        ));
    }
    let p = root
        .join(".tools")
        .join("prism")
        .join("node_modules")
        .join(".bin")
        .join("prism");
    if p.is_file() {
        return Ok(p);
    }
    Err(format!(
        "Prism is not installed (looked for ${PRISM_ENV}, then {}). The contract tests need it: \
         run `cargo xtask test`, which installs the pinned Prism (tests/prism/package-lock.json) \
         into .tools/prism with `npm ci` and then runs the whole suite.",
        p.display()
    ))
}

/// A running Prism mock server for one document.
#[derive(Debug)]
pub struct PrismServer {
    /// File name of the document it serves.
    pub spec: String,
    /// Its loopback port.
    pub port: u16,
    /// Where its output goes.
    pub log: PathBuf,
    child: Mutex<Child>,
}

impl PrismServer {
    /// Starts Prism in mock mode on `spec` and waits (bounded) until it listens.
    pub fn start(prism: &Path, spec: &Path) -> Result<PrismServer, String> {
        let name = spec
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut last_error = String::new();
        // A port picked at run time can be taken between picking and binding: retry.
        for _ in 0..3 {
            let port = free_port()?;
            let log = std::env::temp_dir().join(format!(
                "opensandbox-prism-{}-{}-{port}.log",
                std::process::id(),
                name.replace('.', "-")
            ));
            let out = std::fs::File::create(&log)
                .map_err(|e| format!("creating {}: {e}", log.display()))?;
            let err = out.try_clone().map_err(|e| e.to_string())?;
            let mut cmd = Command::new(prism);
            cmd.arg("mock")
                .args(["--host", "127.0.0.1", "--port", &port.to_string()])
                .arg(spec)
                .stdin(Stdio::null())
                .stdout(out)
                .stderr(err);
            let child =
                spawn_guarded(cmd).map_err(|e| format!("starting {}: {e}", prism.display()))?;
            let server = PrismServer {
                spec: name.clone(),
                port,
                log,
                child: Mutex::new(child),
            };
            match server.wait_ready() {
                Ok(()) => return Ok(server),
                Err(e) => last_error = e,
            }
            // `server` drops here: its process group is killed.
            if !last_error.contains("EADDRINUSE") {
                break;
            }
        }
        Err(last_error)
    }

    /// The base URL Prism serves on (Prism ignores the path of the document's `servers`).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_ready(&self) -> Result<(), String> {
        let deadline = Instant::now() + READY_TIMEOUT;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        loop {
            if let Ok(mut child) = self.child.lock()
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(format!(
                    "Prism on {} exited before listening ({status}); its output:\n{}",
                    self.spec,
                    tail(&self.log)
                ));
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(250)).is_ok() {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "Prism on {} did not listen on port {} within {READY_TIMEOUT:?}; its output:\n{}",
                    self.spec,
                    self.port,
                    tail(&self.log)
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for PrismServer {
    fn drop(&mut self) {
        if let Ok(mut child) = self.child.lock() {
            let pid = child.id() as i32;
            kill_group(pid);
            let _ = child.kill();
            let _ = child.wait();
            unregister(pid);
        }
    }
}

/// The Prism serving `spec` for the tests of this binary, started on first use and shared
/// afterwards. Documents asked for together start in parallel.
pub fn shared(specs: &[&Path]) -> Result<Vec<Arc<PrismServer>>, String> {
    type Slot = Arc<OnceLock<Result<Arc<PrismServer>, String>>>;
    static SERVERS: OnceLock<Mutex<HashMap<PathBuf, Slot>>> = OnceLock::new();
    let prism = prism_executable()?;
    let slots: Vec<(PathBuf, Slot)> = {
        let mut map = SERVERS
            .get_or_init(Default::default)
            .lock()
            .map_err(|_| "the Prism registry is poisoned".to_string())?;
        specs
            .iter()
            .map(|s| {
                (
                    s.to_path_buf(),
                    map.entry(s.to_path_buf()).or_default().clone(),
                )
            })
            .collect()
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = slots
            .iter()
            .map(|(spec, slot)| {
                let prism = &prism;
                scope.spawn(move || {
                    slot.get_or_init(|| PrismServer::start(prism, spec).map(Arc::new))
                        .clone()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("starting Prism panicked".into()))
            })
            .collect()
    })
}

/// A free loopback port (bound, read, released).
fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("binding a loopback port: {e}"))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("reading the port: {e}"))
}

/// The last 40 lines of a log file.
fn tail(path: &Path) -> String {
    let mut s = String::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        let _ = f.read_to_string(&mut s);
    }
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

// ---- process control --------------------------------------------------------------------

type SpawnRequest = (Command, mpsc::Sender<std::io::Result<Child>>);

/// Spawns `cmd` in its own process group, from the long-lived spawner thread, registered
/// for the exit-time kill.
fn spawn_guarded(mut cmd: Command) -> std::io::Result<Child> {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
    #[cfg(target_os = "linux")]
    {
        let parent = std::process::id();
        // SAFETY: only async-signal-safe calls (prctl, getppid) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // The parent died before the death signal was armed.
                if libc::getppid() as u32 != parent {
                    return Err(std::io::Error::other("the test process is gone"));
                }
                Ok(())
            });
        }
    }
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<SpawnRequest>>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<SpawnRequest>();
        std::thread::Builder::new()
            .name("prism-spawner".into())
            .spawn(move || {
                // The sender lives in the static, so this loop (and the thread that is the
                // children's parent for PR_SET_PDEATHSIG) ends only with the process.
                for (mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| eprintln!("could not start the Prism spawner thread: {e}"));
        Mutex::new(tx)
    });
    let (reply_tx, reply_rx) = mpsc::channel();
    spawner
        .lock()
        .map_err(|_| std::io::Error::other("the spawner is poisoned"))?
        .send((cmd, reply_tx))
        .map_err(|_| std::io::Error::other("the spawner thread is gone"))?;
    let child = reply_rx
        .recv()
        .map_err(|_| std::io::Error::other("the spawner thread is gone"))??;
    register(child.id() as i32);
    Ok(child)
}

static GROUPS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

fn register(pgid: i32) {
    static AT_EXIT: Once = Once::new();
    AT_EXIT.call_once(|| {
        // SAFETY: registers a plain `extern "C"` function.
        unsafe {
            libc::atexit(kill_registered_groups);
        }
    });
    if let Ok(mut g) = GROUPS.lock() {
        g.push(pgid);
    }
}

fn unregister(pgid: i32) {
    if let Ok(mut g) = GROUPS.lock() {
        g.retain(|p| *p != pgid);
    }
}

extern "C" fn kill_registered_groups() {
    if let Ok(g) = GROUPS.try_lock() {
        for pgid in g.iter() {
            kill_group(*pgid);
        }
    }
}

fn kill_group(pgid: i32) {
    if pgid > 0 {
        // SAFETY: kill(2) on a process group this process created.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
}

impl PrismServer {
    /// Whether the Prism process is still running.
    pub fn is_running(&self) -> bool {
        self.child
            .lock()
            .map(|mut c| matches!(c.try_wait(), Ok(None)))
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_prism_is_an_error_that_says_how_to_install_it() {
        let nowhere =
            std::env::temp_dir().join(format!("opensandbox-no-prism-{}", std::process::id()));
        let err = locate(None, &nowhere).expect_err("no Prism there");
        assert!(err.contains("cargo xtask test"), "{err}");
        assert!(err.contains(".tools/prism"), "{err}");
        let err = locate(Some(nowhere.join("prism").into_os_string()), &nowhere)
            .expect_err("no such file");
        assert!(
            err.contains(PRISM_ENV) && err.contains("cargo xtask test"),
            "{err}"
        );
    }

    #[test]
    fn the_environment_wins_and_the_installed_copy_is_found() {
        let root =
            std::env::temp_dir().join(format!("opensandbox-fake-root-{}", std::process::id()));
        let bin = root.join(".tools/prism/node_modules/.bin");
        std::fs::create_dir_all(&bin).expect("a fake install");
        std::fs::write(bin.join("prism"), b"").expect("a fake prism");
        assert_eq!(locate(None, &root), Ok(bin.join("prism")));
        let other = root.join("other-prism");
        std::fs::write(&other, b"").expect("another prism");
        assert_eq!(
            locate(Some(other.clone().into_os_string()), &root),
            Ok(other)
        );
        assert_eq!(locate(Some("".into()), &root), Ok(bin.join("prism")));
        let _ = std::fs::remove_dir_all(&root);
    }
}
