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
    cmd.args(extra)
        .env("OPEN_SANDBOX_PRISM", &prism)
        .current_dir(root);
    run(&mut cmd)?;
    if nextest {
        run(Command::new(&cargo)
            .args(["test", "--workspace", "--doc"])
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
