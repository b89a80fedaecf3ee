//! Wire compatibility of our specs with the official documents, checked with the real
//! `cargo xtask spec-diff` binary, and the binary's exit codes on crafted fixtures.

use std::path::{Path, PathBuf};
use std::process::Output;

/// Differences between the official documents (OLD) and `specs/` (NEW) that we mean to
/// have, as `"<heading> | <change line>"` with runs of spaces collapsed, for example
/// `"[execd-api.yaml] GET /ping | added operation"`. Our specs are meant to be
/// wire-identical to upstream, so this is empty; anything added here needs a reason.
const INTENDED: &[&str] = &[];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-diff")
}

fn spec_diff(old: &Path, new: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("spec-diff")
        .arg(old)
        .arg(new)
        .output()
        .expect("running the xtask binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The change lines of a report, each as `"<heading> | <line>"` with runs of spaces
/// collapsed.
fn change_lines(stdout: &str) -> Vec<String> {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut heading = String::new();
    let mut out = Vec::new();
    for line in stdout.lines() {
        if let Some(change) = line.strip_prefix("  ") {
            out.push(format!("{heading} | {}", collapse(change)));
        } else {
            heading = line.to_string();
        }
    }
    out
}

/// The environment variable naming the folder of official documents for
/// [`our_specs_are_wire_compatible_with_upstream`]. `.ci/run` sets it; a user's clone has
/// no official documents beside it, so the check is skipped (and says so) when unset.
const UPSTREAM_ENV: &str = "OPEN_SANDBOX_UPSTREAM_SPECS";

#[test]
fn our_specs_are_wire_compatible_with_upstream() {
    let root = workspace_root();
    let Some(given) = std::env::var_os(UPSTREAM_ENV).filter(|v| !v.is_empty()) else {
        println!(
            "SKIPPED: {UPSTREAM_ENV} is not set, so our specs are not compared with the \
             official documents. Set it to a folder holding the official \
             sandbox-lifecycle.yml, execd-api.yaml, egress-api.yaml and diagnostic-api.yml \
             (CI uses ../shared/reference/upstream-specs)."
        );
        eprintln!("SKIPPED: {UPSTREAM_ENV} not set; the upstream compatibility check did not run");
        return;
    };
    let upstream = root.join(PathBuf::from(given));
    assert!(
        upstream.is_dir(),
        "{UPSTREAM_ENV} names {}, which is not a folder; it must hold the official \
         sandbox-lifecycle.yml, execd-api.yaml, egress-api.yaml and diagnostic-api.yml",
        upstream.display()
    );
    let ours = root.join("specs");
    let out = spec_diff(&upstream, &ours);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "spec-diff failed (exit {code:?}):\n{stderr}{stdout}"
    );

    let found = change_lines(&stdout);
    let unexpected: Vec<&String> = found
        .iter()
        .filter(|l| !INTENDED.contains(&l.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected wire-level differences between {} and {}:\n  {}\n\nfull report:\n{stdout}",
        upstream.display(),
        ours.display(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    let stale: Vec<&&str> = INTENDED
        .iter()
        .filter(|i| !found.iter().any(|f| f == *i))
        .collect();
    assert!(
        stale.is_empty(),
        "intended differences no longer reported (remove them from INTENDED): {stale:?}"
    );
    assert_eq!(
        code,
        Some(0),
        "spec-diff reports breaking differences:\n{stdout}"
    );
    if INTENDED.is_empty() {
        assert_eq!(stdout, "no wire-level differences\n");
    }
}

#[test]
fn compatible_changes_exit_0() {
    let f = fixtures();
    let out = spec_diff(&f.join("old"), &f.join("compatible"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let lines = change_lines(&stdout);
    for expected in [
        "[api.yaml] POST /sandboxes | added request body: property `labels` (object)",
        "[api.yaml] POST /sandboxes | added request body: `mode` enum value `thorough`",
        "[api.yaml] GET /sandboxes/{id} | added parameter `verbose` (query)",
        "[api.yaml] GET /sandboxes/{id} | added response 404",
        "[api.yaml] GET /sandboxes/{id} | note response 200: `state` enum value `Pausing` added (breaks strict clients only)",
    ] {
        assert!(
            lines.iter().any(|l| l == expected),
            "missing `{expected}` in:\n{stdout}"
        );
    }
    // The 3.0 → 3.1 restyle, renamed path parameter and prose changes are no difference.
    assert!(!stdout.contains("BREAKING"), "{stdout}");
    assert!(!stdout.contains("nullable"), "{stdout}");
    assert!(!stdout.contains("[extra.json]"), "{stdout}");
    assert!(
        stdout.ends_with("8 changes, 0 breaking, 2 notes\n"),
        "{stdout}"
    );
}

#[test]
fn breaking_changes_exit_1() {
    let f = fixtures();
    let out = spec_diff(&f.join("old/api.yaml"), &f.join("breaking/api.yaml"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    let lines = change_lines(&stdout);
    for expected in [
        "POST /sandboxes | BREAKING request body: property `image` is now required",
        "POST /sandboxes | BREAKING request body: `mode` enum value `safe` removed",
        "POST /sandboxes | BREAKING request body: `timeout` format changed from `int32` to `int64`",
        "POST /sandboxes | BREAKING response 202: property `state` is now optional",
        "POST /sandboxes | BREAKING response 202: `id` is now nullable",
        "GET /sandboxes/{id} | BREAKING new required parameter `region` (query)",
        "GET /sandboxes/{id} | BREAKING response 200: header `X-Request-Id` removed",
        "DELETE /sandboxes/{id} | BREAKING operation removed",
    ] {
        assert!(
            lines.iter().any(|l| l == expected),
            "missing `{expected}` in:\n{stdout}"
        );
    }
}

#[test]
fn removed_file_in_folder_exits_1() {
    let f = fixtures();
    let out = spec_diff(&f.join("old"), &f.join("breaking"));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(
        change_lines(&stdout)
            .contains(&"[extra.json] | BREAKING file removed (1 operation)".to_string()),
        "{stdout}"
    );

    // The other way round, the file is only added.
    let out = spec_diff(&f.join("breaking"), &f.join("old"));
    let stdout = text(&out.stdout);
    assert!(
        change_lines(&stdout).contains(&"[extra.json] | added file (1 operation)".to_string()),
        "{stdout}"
    );
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let f = fixtures();
    let out = spec_diff(&f.join("not-openapi.yaml"), &f.join("old/api.yaml"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("not-openapi.yaml") && stderr.contains("not an OpenAPI document"),
        "{stderr}"
    );

    let out = spec_diff(&f.join("old/missing.yaml"), &f.join("old/api.yaml"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.yaml"));

    let out = spec_diff(&f.join("old"), &f.join("old/api.yaml"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("both be files or both be folders"));
}
