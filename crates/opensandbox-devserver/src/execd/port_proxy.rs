//! `/proxy/{port}/{path}`: execd's reverse proxy to a port inside the sandbox, HTTP and
//! WebSocket (any `Upgrade`). The devserver's sandbox ports are its loopback ports.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path as UrlPath, Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::state::SandboxCore;
use crate::util;

/// `/proxy/{port}` and `/proxy/{port}/`.
pub(crate) async fn root(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(port): UrlPath<String>,
    req: Request,
) -> Response {
    forward(core, port, String::new(), req).await
}

/// `/proxy/{port}/{*rest}`.
pub(crate) async fn rest(
    State(core): State<Arc<SandboxCore>>,
    UrlPath((port, rest)): UrlPath<(String, String)>,
    req: Request,
) -> Response {
    forward(core, port, rest, req).await
}

fn bad_gateway(message: String) -> Response {
    util::text(StatusCode::BAD_GATEWAY, message)
}

async fn forward(
    _core: Arc<SandboxCore>,
    port: String,
    rest: String,
    mut req: Request,
) -> Response {
    let Ok(port) = port.parse::<u16>() else {
        return util::text(StatusCode::NOT_FOUND, "404 page not found\n");
    };
    let path_and_query = match req.uri().query() {
        Some(q) => format!("/{rest}?{q}"),
        None => format!("/{rest}"),
    };
    let Ok(uri) = path_and_query.parse::<Uri>() else {
        return util::text(StatusCode::BAD_REQUEST, "invalid path\n");
    };
    *req.uri_mut() = uri;
    let upgrade = req.headers().contains_key(header::UPGRADE);
    let client_upgrade = upgrade.then(|| hyper::upgrade::on(&mut req));

    let stream = match tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
        Ok(s) => s,
        Err(e) => {
            return bad_gateway(format!(
                "nothing is listening on port {port} in the sandbox: {e}\n"
            ));
        }
    };
    let _ = stream.set_nodelay(true);
    let io = hyper_util::rt::TokioIo::new(stream);
    let (mut sender, conn) = match hyper::client::conn::http1::handshake(io).await {
        Ok(pair) => pair,
        Err(e) => return bad_gateway(format!("proxy handshake failed: {e}\n")),
    };
    tokio::spawn(async move {
        let _ = conn.with_upgrades().await;
    });
    // The execd token is for execd, not for the application behind the port.
    req.headers_mut().remove(crate::EXECD_TOKEN_HEADER);
    for h in [header::PROXY_AUTHORIZATION, header::TE, header::TRAILER] {
        req.headers_mut().remove(h);
    }
    if !upgrade {
        req.headers_mut().remove(header::CONNECTION);
    }
    if let Ok(host) = HeaderValue::from_str(&format!("127.0.0.1:{port}")) {
        req.headers_mut().insert(header::HOST, host);
    }
    let mut resp = match sender.send_request(req).await {
        Ok(resp) => resp,
        Err(e) => return bad_gateway(format!("proxy request failed: {e}\n")),
    };
    if resp.status() == StatusCode::SWITCHING_PROTOCOLS
        && let Some(client_upgrade) = client_upgrade
    {
        let backend_upgrade = hyper::upgrade::on(&mut resp);
        tokio::spawn(async move {
            let (Ok(client), Ok(backend)) = (client_upgrade.await, backend_upgrade.await) else {
                return;
            };
            let mut client = hyper_util::rt::TokioIo::new(client);
            let mut backend = hyper_util::rt::TokioIo::new(backend);
            let _ = tokio::io::copy_bidirectional(&mut client, &mut backend).await;
        });
        let (parts, _) = resp.into_parts();
        return Response::from_parts(parts, Body::empty());
    }
    resp.map(Body::new).into_response()
}
