//! Move files in and out of a sandbox: write, read, upload with permissions, list,
//! search, ranged and streamed downloads, rename, delete.
//!
//! ```text
//! cargo run -p opensandbox --example files
//! ```
//!
//! Targets `OPEN_SANDBOX_DOMAIN` when set, else an in-process devserver (see
//! `create_and_run`).

use opensandbox::Permissions;
use opensandbox::api::execd::UploadFile;
use opensandbox::{Sandbox, SandboxCreateOptions};

mod support;
use support::{BoxError, connection, image};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let (config, _devserver) = connection().await?;
    let sandbox = Sandbox::create(
        &config,
        SandboxCreateOptions::new(image()).metadata("example", "files"),
    )
    .await?;
    let result = run(&sandbox).await;
    sandbox.kill().await?;
    result
}

async fn run(sandbox: &Sandbox) -> Result<(), BoxError> {
    let files = sandbox.files();
    // Paths are absolute inside the sandbox.
    let dir = format!("/tmp/example-files-{}", sandbox.id());

    files
        .create_directories([(dir.clone(), Permissions::mode(0o755))])
        .await?;
    files
        .write(&format!("{dir}/hello.txt"), "hello, sandbox\n")
        .await?;
    println!(
        "read back: {:?}",
        files.read_to_string(&format!("{dir}/hello.txt")).await?
    );

    // Several files in one streamed upload, with a mode each.
    files
        .upload([
            UploadFile::from_bytes(format!("{dir}/run.sh"), "#!/bin/sh\necho ran\n").mode(0o755),
            UploadFile::from_bytes(format!("{dir}/data.csv"), "a,b\n1,2\n3,4\n").mode(0o644),
        ])
        .await?;
    let ran = sandbox.commands().run(format!("{dir}/run.sh")).await?;
    print!("script says: {}", ran.stdout);

    for entry in files.list(&dir, Some(1)).await? {
        // Servers may leave metadata out: absent fields print as `-`.
        let size = entry.size.map_or("-".to_string(), |n| n.to_string());
        let mode = entry.mode.map_or("-".to_string(), |m| format!("{m:o}"));
        println!("{size:>6} {mode:>4} {}", entry.path);
    }
    let csvs = files.search(&dir, Some("*.csv")).await?;
    println!("found {} csv file(s)", csvs.len());

    // The first line only, with a Range request.
    let head = files
        .download_range(&format!("{dir}/data.csv"), 0..4)
        .await?;
    println!(
        "first bytes: {:?}",
        String::from_utf8_lossy(&head.bytes().await?)
    );

    // Stream a download into a local file.
    let local = std::env::temp_dir().join("opensandbox-example-data.csv");
    let n = files
        .download_to_path(&format!("{dir}/data.csv"), &local)
        .await?;
    println!("downloaded {n} bytes to {}", local.display());
    let _ = std::fs::remove_file(&local);

    files
        .rename([(format!("{dir}/data.csv"), format!("{dir}/renamed.csv"))])
        .await?;
    files.delete([format!("{dir}/renamed.csv")]).await?;
    files.delete_directories([dir]).await?;
    println!("cleaned up");
    Ok(())
}
