//! What the examples share: where to connect.

use opensandbox::ConnectionConfig;
use opensandbox_devserver::DevServer;

/// The error type of the examples' `main`.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The deployment named by `OPEN_SANDBOX_DOMAIN` (with `OPEN_SANDBOX_API_KEY` and
/// `OPEN_SANDBOX_PROTOCOL`), or else a development server started in-process with an API
/// key of its own. Keep the returned server alive while the example runs.
pub async fn connection() -> Result<(ConnectionConfig, Option<DevServer>), BoxError> {
    if std::env::var_os("OPEN_SANDBOX_DOMAIN").is_some() {
        return Ok((ConnectionConfig::from_env()?, None));
    }
    let key = format!("example-{}", std::process::id());
    let server = DevServer::builder()
        .api_key(Some(key.clone()))
        .start()
        .await?;
    println!(
        "OPEN_SANDBOX_DOMAIN is unset: started the development server at {} \
         (host processes, no isolation)",
        server.url()
    );
    let config = ConnectionConfig::new()
        .domain(server.domain())
        .api_key(key)
        .options(opensandbox::ClientOptions::new().use_env_proxy(false));
    Ok((config, Some(server)))
}

/// The image to create sandboxes from (`OPEN_SANDBOX_IMAGE`, default `python:3.12`).
#[allow(dead_code)]
pub fn image() -> String {
    std::env::var("OPEN_SANDBOX_IMAGE").unwrap_or_else(|_| "python:3.12".into())
}
