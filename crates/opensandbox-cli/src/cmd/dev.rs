//! `osb dev`: a local development server in the foreground.

use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::exit::{CliError, OK, Outcome};
use crate::output::{Format, write_stderr};

/// `osb dev` arguments.
#[derive(Debug, Args)]
pub struct DevArgs {
    /// Address to listen on (loopback only).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// API key clients must send [default: a random one].
    #[arg(long = "dev-api-key", value_name = "KEY")]
    pub dev_api_key: Option<String>,
    /// Keep sandbox directories under this directory [default: a temporary one].
    #[arg(long)]
    pub root: Option<std::path::PathBuf>,
}

/// Starts the devserver and serves until Ctrl-C or SIGTERM.
pub async fn run(ctx: &Ctx, a: DevArgs) -> Outcome {
    let stop = stop_signals()?;
    let key = a.dev_api_key.unwrap_or_else(random_key);
    let mut builder = opensandbox_devserver::DevServer::builder()
        .bind(a.bind)
        .api_key(Some(key.clone()));
    if let Some(root) = a.root {
        builder = builder.root(root);
    }
    let server = builder
        .start()
        .await
        .map_err(|e| CliError::failure(format!("cannot start the devserver: {e}")))?;
    let domain = server.domain();
    match ctx.out.format {
        Format::Table => {
            let text = format!(
                "OpenSandbox devserver on http://{domain} (sandboxes under {}).\n\
                 NO ISOLATION: commands run as host processes; for development only.\n\n\
                 In another terminal:\n  \
                 export OPEN_SANDBOX_DOMAIN={domain}\n  \
                 export OPEN_SANDBOX_API_KEY={key}\n  \
                 osb sandbox create python:3.12\n\n\
                 Ctrl-C stops it.\n",
                server.root().display()
            );
            crate::output::write_stdout(text.as_bytes())?;
        }
        _ => ctx.out.value(
            &json!({ "domain": domain, "apiKey": key, "url": server.url() }),
            &[],
        )?,
    }
    stop.await;
    let _ = write_stderr(b"osb dev: stopping\n");
    server.shutdown().await;
    Ok(OK)
}

/// Waits for Ctrl-C or SIGTERM (handlers installed when this is called, not polled).
fn stop_signals() -> Result<impl std::future::Future<Output = ()>, CliError> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut int = super::interrupts()?;
    let mut term = signal(SignalKind::terminate())
        .map_err(|e| CliError::failure(format!("cannot catch SIGTERM: {e}")))?;
    Ok(async move {
        tokio::select! {
            _ = int.recv() => {}
            _ = term.recv() => {}
        }
    })
}

/// A random key (the devserver is on loopback; this only keeps other local users out).
fn random_key() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::from("dev-");
    for _ in 0..2 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default(),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}
