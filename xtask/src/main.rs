//! Maintainer tasks for the opensandbox-rs workspace.
//!
//! - `cargo xtask codegen [--check]` regenerates the low-level API crates from `specs/`
//!   (or, with `--check`, fails naming every generated file that is out of date).
//! - `cargo xtask spec-diff OLD NEW` compares two spec files or folders at the wire level
//!   and exits non-zero when it finds a change that breaks existing clients.
//! - `cargo xtask test [ARGS…]` installs the pinned test tools (Prism, Redis when the
//!   system has none) and runs the whole test suite.
//! - `cargo xtask drop-in [DIR]` regenerates the API crates from the official documents
//!   in a scratch copy of the workspace and builds it (CI's drop-in check).

mod codegen;
mod compat;
mod convert;
mod diff;
mod names;
mod open_enum;
mod operations;
mod opid;
mod redact;
mod spec;
mod tasks;
mod walk;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  cargo xtask codegen [--check]     regenerate crates/*-api from specs/
  cargo xtask spec-diff OLD NEW     wire-level differences between two specs (files or folders)
  cargo xtask test [ARGS…]          install the test tools (Prism, Redis) and run the whole test suite
  cargo xtask redis                 install (or find) the pinned redis-server and print its path
  cargo xtask drop-in [DIR]         regenerate from the official documents (default
                                    ../shared/reference/upstream-specs) in a scratch copy and build";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] | ["codegen", "--check"] => {
            let check = args.len() == 2;
            let root = workspace_root();
            match codegen::run(&root, check) {
                Ok(stale) if stale.is_empty() => {
                    if check {
                        println!("generated code is up to date");
                    }
                    ExitCode::SUCCESS
                }
                Ok(stale) => {
                    eprintln!("generated files are out of date (run `cargo xtask codegen`):");
                    for path in stale {
                        eprintln!("  {}", path.strip_prefix(&root).unwrap_or(&path).display());
                    }
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("codegen failed: {e}");
                    ExitCode::from(2)
                }
            }
        }
        ["spec-diff", old, new] => match diff::run(Path::new(old), Path::new(new)) {
            Ok(report) => {
                print!("{}", report.render());
                if report.is_breaking() {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                eprintln!("spec-diff failed: {e}");
                ExitCode::from(2)
            }
        },
        ["redis"] => {
            report(tasks::ensure_redis(&workspace_root()).map(|p| println!("{}", p.display())))
        }
        ["test", extra @ ..] => report(tasks::test(&workspace_root(), extra)),
        ["drop-in"] => {
            let root = workspace_root();
            let upstream = root.join("../shared/reference/upstream-specs");
            report(tasks::drop_in(&root, &upstream))
        }
        ["drop-in", dir] => report(tasks::drop_in(&workspace_root(), Path::new(dir))),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
