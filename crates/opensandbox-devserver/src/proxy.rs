//! Routing requests to a sandbox's execd, egress sidecar or other ports.
//!
//! Three path shapes lead to the same place:
//! - `/proxy/{sandbox_id}/{port}/...` (the default endpoint, like Docker bridge mode);
//! - `/sandboxes/{sandbox_id}/proxy/{port}/...`, also under `/v1` (server-proxy mode);
//! - `/signed/{route_token}/...` (signed, expiring endpoints).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use chrono::Utc;
use tower::ServiceExt;

use crate::lifecycle;
use crate::state::{AppState, lock, states};
use crate::{EGRESS_PORT, EXECD_PORT, util};

/// Proxy routes (no lifecycle API key: that key must never reach sandbox endpoints).
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/proxy/{sandbox_id}/{port}", any(by_id))
        .route("/proxy/{sandbox_id}/{port}/", any(by_id))
        .route("/proxy/{sandbox_id}/{port}/{*rest}", any(by_id_rest))
        .route("/sandboxes/{sandbox_id}/proxy/{port}", any(by_id))
        .route("/sandboxes/{sandbox_id}/proxy/{port}/", any(by_id))
        .route(
            "/sandboxes/{sandbox_id}/proxy/{port}/{*rest}",
            any(by_id_rest),
        )
        .route("/v1/sandboxes/{sandbox_id}/proxy/{port}", any(by_id))
        .route("/v1/sandboxes/{sandbox_id}/proxy/{port}/", any(by_id))
        .route(
            "/v1/sandboxes/{sandbox_id}/proxy/{port}/{*rest}",
            any(by_id_rest),
        )
        .route("/signed/{route}", any(signed))
        .route("/signed/{route}/", any(signed))
        .route("/signed/{route}/{*rest}", any(signed_rest))
}

async fn by_id(
    State(st): State<Arc<AppState>>,
    Path((id, port)): Path<(String, String)>,
    req: Request,
) -> Response {
    forward(st, id, port, String::new(), req).await
}

async fn by_id_rest(
    State(st): State<Arc<AppState>>,
    Path((id, port, rest)): Path<(String, String, String)>,
    req: Request,
) -> Response {
    forward(st, id, port, rest, req).await
}

async fn signed(
    State(st): State<Arc<AppState>>,
    Path(route): Path<String>,
    req: Request,
) -> Response {
    signed_forward(st, route, String::new(), req).await
}

async fn signed_rest(
    State(st): State<Arc<AppState>>,
    Path((route, rest)): Path<(String, String)>,
    req: Request,
) -> Response {
    signed_forward(st, route, rest, req).await
}

async fn signed_forward(st: Arc<AppState>, route: String, rest: String, req: Request) -> Response {
    let found = lock(&st.signed).get(&route).cloned();
    match found {
        Some(r) if r.expires > Utc::now().timestamp() => {
            forward(st, r.sandbox_id, r.port.to_string(), rest, req).await
        }
        Some(_) => util::text(StatusCode::FORBIDDEN, "signed route expired\n"),
        None => util::text(StatusCode::NOT_FOUND, "unknown signed route\n"),
    }
}

async fn forward(
    st: Arc<AppState>,
    id: String,
    port: String,
    rest: String,
    req: Request,
) -> Response {
    let Ok(port) = port.parse::<u16>() else {
        return util::text(StatusCode::NOT_FOUND, "404 page not found\n");
    };
    if rest.split('/').any(|seg| seg == "..") {
        return util::text(StatusCode::BAD_REQUEST, "invalid path\n");
    }
    let Some(sb) = st.sandbox(&id) else {
        return lifecycle::error(
            StatusCode::NOT_FOUND,
            "SANDBOX::NOT_FOUND",
            format!("Sandbox {id} not found"),
        );
    };
    let state = sb.state();
    if state != states::RUNNING {
        return util::text(
            StatusCode::BAD_GATEWAY,
            format!("sandbox {id} is {state}: nothing is listening on port {port}\n"),
        );
    }
    lifecycle::touch_on_access(&sb, req.method());

    let path_and_query = match req.uri().query() {
        Some(q) => format!("/{rest}?{q}"),
        None => format!("/{rest}"),
    };
    let Ok(uri) = path_and_query.parse::<Uri>() else {
        return util::text(StatusCode::BAD_REQUEST, "invalid path\n");
    };
    // A fresh request: the outer router's path parameters live in the extensions and
    // must not leak into the sandbox's routers. Only the peer address is carried over.
    let (mut parts, body) = req.into_parts();
    let mut req = Request::new(body);
    *req.method_mut() = parts.method;
    *req.uri_mut() = uri;
    *req.version_mut() = parts.version;
    *req.headers_mut() = parts.headers;
    if let Some(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>() {
        req.extensions_mut().insert(*peer);
    }
    // WebSocket and other upgrades (PTY sessions, `/proxy/{port}` in execd) need the
    // connection's upgrade handle.
    if let Some(on_upgrade) = parts.extensions.remove::<hyper::upgrade::OnUpgrade>() {
        req.extensions_mut().insert(on_upgrade);
    }

    let router = match port {
        EXECD_PORT => sb.execd.clone(),
        EGRESS_PORT => sb.egress.clone(),
        _ => return reverse_proxy(port, req).await,
    };
    match router.oneshot(req).await {
        Ok(resp) => resp,
        Err(never) => match never {},
    }
}

/// Forward an HTTP/1.1 request to `127.0.0.1:{port}`.
async fn reverse_proxy(port: u16, mut req: Request) -> Response {
    let stream = match tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
        Ok(s) => s,
        Err(e) => {
            return util::text(
                StatusCode::BAD_GATEWAY,
                format!("nothing is listening on port {port} in the sandbox: {e}\n"),
            );
        }
    };
    let io = hyper_util::rt::TokioIo::new(stream);
    let (mut sender, conn) = match hyper::client::conn::http1::handshake(io).await {
        Ok(pair) => pair,
        Err(e) => {
            return util::text(
                StatusCode::BAD_GATEWAY,
                format!("proxy handshake failed: {e}\n"),
            );
        }
    };
    tokio::spawn(async move {
        let _ = conn.await;
    });
    for h in [
        header::CONNECTION,
        header::PROXY_AUTHORIZATION,
        header::TE,
        header::TRAILER,
        header::UPGRADE,
    ] {
        req.headers_mut().remove(h);
    }
    if let Ok(host) = HeaderValue::from_str(&format!("127.0.0.1:{port}")) {
        req.headers_mut().insert(header::HOST, host);
    }
    match sender.send_request(req).await {
        Ok(resp) => resp.map(Body::new).into_response(),
        Err(e) => util::text(
            StatusCode::BAD_GATEWAY,
            format!("proxy request failed: {e}\n"),
        ),
    }
}
