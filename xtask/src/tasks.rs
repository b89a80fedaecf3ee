//! `cargo xtask test` (the whole suite, tools included) and `cargo xtask drop-in`
//! (regenerate from the official documents in a scratch copy and build).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where Prism is installed (ignored by git).
pub fn prism_dir(root: &Path) -> PathBuf {
    root.join(".tools").join("prism")
}

/// The Prism executable, installing the pinned version (from `tests/prism/package.json`
/// and its lockfile) when it is missing or out of date.
pub fn ensure_prism(root: &Path) -> Result<PathBuf, String> {
    let dir = prism_dir(root);
    let bin = dir.join("node_modules").join(".bin").join("prism");
    let src = root.join("tests").join("prism");
    let lock = std::fs::read(src.join("package-lock.json"))
        .map_err(|e| format!("reading tests/prism/package-lock.json: {e}"))?;
    let installed_lock = std::fs::read(dir.join("package-lock.json")).ok();
    if bin.exists() && installed_lock.as_deref() == Some(lock.as_slice()) {
        return Ok(bin);
    }
    which("npm").ok_or("npm is required to install Prism for the contract tests: install Node.js 20 and npm (Debian: `apt-get install nodejs npm`)")?;
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for f in ["package.json", "package-lock.json"] {
        std::fs::copy(src.join(f), dir.join(f)).map_err(|e| format!("copying {f}: {e}"))?;
    }
    println!("installing Prism (pinned in tests/prism/package-lock.json) into .tools/prism …");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("running npm: {e}"))?;
    if !status.success() || !bin.exists() {
        return Err("`npm ci` failed to install Prism into .tools/prism".into());
    }
    Ok(bin)
}

/// The Redis server version the pool tests run against (Debian 12's package).
const REDIS_DEB_VERSION: &str = "5:7.0.15-1~deb12u7";
/// The Debian packages of the pinned Redis server, with the libraries it needs that a
/// minimal system lacks.
const REDIS_DEBS: [(&str, &str); 4] = [
    ("redis-server", REDIS_DEB_VERSION),
    ("redis-tools", REDIS_DEB_VERSION),
    ("libjemalloc2", "5.3.0-1"),
    ("liblzf1", "3.6-3"),
];

/// A `redis-server` for the pool tests: the one on `PATH`, or the pinned Debian package
/// extracted (no root needed) into `.tools/redis`, run through a wrapper script that
/// points the loader at the extracted libraries.
pub fn ensure_redis(root: &Path) -> Result<PathBuf, String> {
    if let Some(bin) = which("redis-server") {
        return Ok(bin);
    }
    let dir = root.join(".tools").join("redis");
    let wrapper = dir.join("redis-server");
    let stamp = dir.join("VERSION");
    if wrapper.exists()
        && std::fs::read_to_string(&stamp).ok().as_deref() == Some(REDIS_DEB_VERSION)
    {
        return Ok(wrapper);
    }
    which("apt-get").ok_or(
        "redis-server is needed for the pool tests: install it (Debian: `apt-get install redis-server`) or put it on PATH",
    )?;
    println!(
        "installing redis-server {REDIS_DEB_VERSION} (Debian packages, extracted) into .tools/redis …"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let debs = dir.join("debs");
    std::fs::create_dir_all(&debs).map_err(|e| format!("creating {}: {e}", debs.display()))?;
    let mut download = Command::new("apt-get");
    download.arg("download").current_dir(&debs);
    for (name, version) in REDIS_DEBS {
        download.arg(format!("{name}={version}"));
    }
    if let Err(e) = run(&mut download) {
        // As root, installing the pinned package system-wide is the other way.
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
        if root
            && run(Command::new("apt-get").args([
                "install",
                "-y",
                "--no-install-recommends",
                &format!("redis-server={REDIS_DEB_VERSION}"),
            ]))
            .is_ok()
            && let Some(bin) = which("redis-server")
        {
            let _ = std::fs::remove_dir_all(&dir);
            return Ok(bin);
        }
        return Err(format!(
            "{e}: the pinned Redis packages could not be downloaded (try `apt-get update`, or install redis-server {REDIS_DEB_VERSION} and put it on PATH)"
        ));
    }
    let files = std::fs::read_dir(&debs).map_err(|e| e.to_string())?;
    for f in files {
        let f = f.map_err(|e| e.to_string())?.path();
        if f.extension().is_some_and(|x| x == "deb") {
            run(Command::new("dpkg").arg("-x").arg(&f).arg(&dir))?;
        }
    }
    // The multiarch library folder (`usr/lib/x86_64-linux-gnu` on amd64).
    let lib = std::fs::read_dir(dir.join("usr/lib"))
        .map_err(|e| format!("the Redis packages hold no usr/lib: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with("-linux-gnu"))
        .ok_or("the Redis packages hold no usr/lib/*-linux-gnu")?;
    let bin = dir.join("usr/bin/redis-server");
    let script = format!(
        "#!/bin/sh\nLD_LIBRARY_PATH='{}'${{LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}} exec '{}' \"$@\"\n",
        lib.display(),
        bin.display()
    );
    std::fs::write(&wrapper, script).map_err(|e| e.to_string())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| e.to_string())?;
    }
    let out = Command::new(&wrapper)
        .arg("--version")
        .output()
        .map_err(|e| format!("running {}: {e}", wrapper.display()))?;
    if !out.status.success() {
        return Err(format!(
            "the extracted redis-server does not run: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    print!("{}", String::from_utf8_lossy(&out.stdout));
    std::fs::write(&stamp, REDIS_DEB_VERSION).map_err(|e| e.to_string())?;
    Ok(wrapper)
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(tool))
            .find(|p| p.is_file())
    })
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    println!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Installs what the suite needs and runs every test of the workspace.
pub fn test(root: &Path, extra: &[&str]) -> Result<(), String> {
    let prism = ensure_prism(root)?;
    let redis = ensure_redis(root)?;
    match std::env::var_os("OPEN_SANDBOX_UPSTREAM_SPECS").filter(|v| !v.is_empty()) {
        Some(dir) => println!(
            "comparing specs/ with the official documents in {}",
            Path::new(&dir).display()
        ),
        None => println!(
            "note: OPEN_SANDBOX_UPSTREAM_SPECS is not set, so the check of specs/ against the \
             official OpenAPI documents is skipped (CI sets it to ../shared/reference/upstream-specs)"
        ),
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let nextest = Command::new(&cargo)
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    let mut cmd = Command::new(&cargo);
    // Default targets: libraries, binaries, tests and examples. The benchmarks are plain
    // programs (`harness = false`) that `cargo bench` runs; clippy builds them.
    if nextest {
        cmd.args(["nextest", "run", "--workspace", "--no-fail-fast"]);
    } else {
        cmd.args(["test", "--workspace", "--no-fail-fast"]);
    }
    // The pool's Redis store and its tests (which start `redis-server` themselves).
    cmd.args(["--features", "opensandbox/redis"]);
    cmd.args(extra)
        .env("OPEN_SANDBOX_PRISM", &prism)
        .env("OPEN_SANDBOX_REDIS_SERVER", &redis)
        .current_dir(root);
    run(&mut cmd)?;
    if nextest {
        run(Command::new(&cargo)
            .args([
                "test",
                "--workspace",
                "--doc",
                "--features",
                "opensandbox/redis",
            ])
            .current_dir(root))?;
    }
    Ok(())
}

/// Copies the repository (tracked and untracked, not ignored files) to a scratch folder,
/// puts the official documents over `specs/`, regenerates and builds the workspace.
pub fn drop_in(root: &Path, upstream: &Path) -> Result<(), String> {
    let names = [
        "sandbox-lifecycle.yml",
        "execd-api.yaml",
        "egress-api.yaml",
        "diagnostic-api.yml",
    ];
    for n in names {
        if !upstream.join(n).is_file() {
            return Err(format!("{} has no {n}", upstream.display()));
        }
    }
    let scratch = std::env::temp_dir().join(format!("opensandbox-drop-in-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let out = Command::new("git")
        .args(["ls-files", "-co", "--exclude-standard", "-z"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("git ls-files: {e}"))?;
    if !out.status.success() {
        return Err("git ls-files failed".into());
    }
    for rel in out.stdout.split(|b| *b == 0).filter(|s| !s.is_empty()) {
        let rel = Path::new(std::str::from_utf8(rel).map_err(|e| e.to_string())?);
        let from = root.join(rel);
        let to = scratch.join(rel);
        if let Some(p) = to.parent() {
            std::fs::create_dir_all(p).map_err(|e| e.to_string())?;
        }
        if from.is_file() {
            std::fs::copy(&from, &to).map_err(|e| format!("copying {}: {e}", rel.display()))?;
        }
    }
    for n in names {
        std::fs::copy(upstream.join(n), scratch.join("specs").join(n))
            .map_err(|e| e.to_string())?;
    }
    println!(
        "drop-in: official documents copied over specs/ in {}",
        scratch.display()
    );
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // A target folder of its own: sharing the workspace's would leave the scratch copy's
    // binaries (xtask's among them) where `cargo run` finds them afterwards.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| PathBuf::from(t).join("drop-in"))
        .unwrap_or_else(|| root.join("target").join("drop-in"));
    let result = run(Command::new(&cargo)
        .args(["run", "--quiet", "--package", "xtask", "--", "codegen"])
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(&scratch))
    .and_then(|_| {
        run(Command::new(&cargo)
            .args(["build", "--workspace", "--all-targets"])
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(&scratch))
    });
    let _ = std::fs::remove_dir_all(&scratch);
    result?;
    println!("drop-in: the official documents regenerate and build");
    Ok(())
}
