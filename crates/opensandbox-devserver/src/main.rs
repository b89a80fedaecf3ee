//! `opensandbox-devserver`: run a local stand-in for an OpenSandbox deployment.
//!
//! For development and tests only: sandboxes are plain host directories and host
//! processes without any isolation.

use std::process::ExitCode;

const USAGE: &str = "\
opensandbox-devserver: a local stand-in for an OpenSandbox deployment (lifecycle, execd
and egress APIs) for development and tests.

NO ISOLATION: sandboxes are directories on this host and their commands run as host
processes with your user's rights and network. Never run untrusted code with it.

USAGE:
    opensandbox-devserver [--bind ADDR] [--api-key KEY] [--root DIR] [--allow-non-loopback]

OPTIONS:
    --bind ADDR             address to listen on [default: 127.0.0.1:8080]
    --api-key KEY           require this key in the OPEN-SANDBOX-API-KEY header
                            (or set OPEN_SANDBOX_DEVSERVER_API_KEY)
    --root DIR              keep sandbox directories under DIR [default: a temporary directory]
    --allow-non-loopback    allow a non-loopback bind address (anyone who can reach the
                            port can run commands on this machine)
    -h, --help              print this help
    -V, --version           print the version
";

struct Args {
    bind: String,
    api_key: Option<String>,
    root: Option<String>,
    allow_non_loopback: bool,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        bind: "127.0.0.1:8080".to_owned(),
        api_key: None,
        root: None,
        allow_non_loopback: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--bind" => args.bind = value("--bind")?,
            "--api-key" => args.api_key = Some(value("--api-key")?),
            "--root" => args.root = Some(value("--root")?),
            "--allow-non-loopback" => args.allow_non_loopback = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("opensandbox-devserver {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.api_key.is_none() {
        args.api_key = std::env::var(opensandbox_devserver::DEVSERVER_API_KEY_ENV)
            .ok()
            .filter(|k| !k.is_empty());
    }
    Ok(Some(args))
}

async fn wait_for_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = ctrl_c.await;
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    let mut builder = opensandbox_devserver::DevServer::builder()
        .bind(args.bind)
        .api_key(args.api_key)
        .allow_non_loopback(args.allow_non_loopback);
    if let Some(root) = args.root {
        builder = builder.root(root);
    }
    let server = match builder.start().await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", server.url());
    eprintln!(
        "opensandbox-devserver: lifecycle API at {} (sandboxes under {}).\n\
         For development and tests only: no isolation, egress policy is not enforced.",
        server.url(),
        server.root().display()
    );
    wait_for_signal().await;
    eprintln!("opensandbox-devserver: shutting down");
    server.shutdown().await;
    ExitCode::SUCCESS
}
