//! The generator crates belong to xtask alone: nothing a user depends on pulls them in.

use std::process::Command;

const GENERATORS: &[&str] = &[
    "progenitor-impl",
    "progenitor",
    "typify",
    "typify-impl",
    "openapiv3",
    "prettyplease",
];

#[test]
fn sdk_crates_do_not_depend_on_the_generators() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for package in [
        "opensandbox",
        "opensandbox-lifecycle-api",
        "opensandbox-execd-api",
        "opensandbox-egress-api",
        "opensandbox-devserver",
    ] {
        let out = Command::new(&cargo)
            .args([
                "tree",
                "--offline",
                "-p",
                package,
                "-e",
                "normal,build",
                "--prefix",
                "none",
                "--all-features",
            ])
            .current_dir(&root)
            .output()
            .expect("cargo tree runs");
        assert!(
            out.status.success(),
            "cargo tree -p {package}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let tree = String::from_utf8_lossy(&out.stdout);
        assert!(tree.contains(package), "the tree of {package} names it");
        for line in tree.lines() {
            let name = line.split_whitespace().next().unwrap_or("");
            assert!(
                !GENERATORS.contains(&name),
                "{package} depends on the generator crate {name}"
            );
        }
    }
}
