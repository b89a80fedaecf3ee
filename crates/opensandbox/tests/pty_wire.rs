//! The PTY WebSocket client against a scripted `wss://` server on loopback: the SDK's TLS
//! policy (roots from `TransportConfig`), the endpoint's path prefix, the execd token,
//! and the frame protocol (replay overlap, unknown frames, error frames).

use std::sync::{Arc, Mutex};

use futures::{SinkExt, StreamExt};
use opensandbox::api::execd::ExecdClient;
use opensandbox::pty::{AttachOptions, PtyError, PtyErrorCode, PtyEvent, PtyStreamKind};
use opensandbox::{ClientOptions, Error, TransportConfig};
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::crypto::aws_lc_rs;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};

struct Tls {
    root_pem: String,
    acceptor: TlsAcceptor,
}

fn tls() -> Tls {
    let ca_key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string()])
        .unwrap()
        .signed_by(&key, &issuer)
        .unwrap();
    let config = ServerConfig::builder_with_provider(Arc::new(aws_lc_rs::default_provider()))
        .with_protocol_versions(rustls::DEFAULT_VERSIONS)
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
    Tls {
        root_pem: ca_cert.pem(),
        acceptor: TlsAcceptor::from(Arc::new(config)),
    }
}

/// What the server saw of the handshake request.
#[derive(Default, Clone, Debug)]
struct Seen {
    uri: String,
    token: Option<String>,
    ingress: Option<String>,
}

/// Serves one `wss://` connection: records the request, sends the first of `frames`,
/// reads `expect` client messages, sends the rest, then reads until the client closes.
async fn serve(
    tls: &Tls,
    frames: Vec<Message>,
    expect: usize,
) -> (u16, Arc<Mutex<Seen>>, tokio::task::JoinHandle<Vec<Message>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let acceptor = tls.acceptor.clone();
    let s = seen.clone();
    let task = tokio::spawn(async move {
        let Ok((tcp, _)) = listener.accept().await else {
            return Vec::new();
        };
        let Ok(stream) = acceptor.accept(tcp).await else {
            return Vec::new();
        };
        // tungstenite's callback signature has a large error type; not ours to shrink.
        #[allow(clippy::result_large_err)]
        let record = |req: &Request, resp: Response| {
            let h = |n: &str| {
                req.headers()
                    .get(n)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            *s.lock().unwrap() = Seen {
                uri: req.uri().to_string(),
                token: h("x-execd-access-token"),
                ingress: h("opensandbox-ingress-to"),
            };
            Ok(resp)
        };
        let mut ws = tokio_tungstenite::accept_hdr_async(stream, record)
            .await
            .unwrap();
        let mut got = Vec::new();
        let mut frames = frames.into_iter();
        if let Some(first) = frames.next() {
            ws.send(first).await.unwrap();
        }
        while got.len() < expect {
            match ws.next().await {
                Some(Ok(m)) => got.push(m),
                _ => return got,
            }
        }
        for f in frames {
            ws.send(f).await.unwrap();
        }
        while let Some(Ok(m)) = ws.next().await {
            if m.is_close() {
                break;
            }
            got.push(m);
        }
        got
    });
    (port, seen, task)
}

fn client(port: u16, transport: TransportConfig) -> ExecdClient {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("OpenSandbox-Ingress-To", "sbx-1-44772".parse().unwrap());
    ExecdClient::with_headers(
        &format!("https://127.0.0.1:{port}/proxy/sbx-1/44772"),
        "tok-1",
        headers,
        ClientOptions::new().transport(transport.use_env_proxy(false)),
    )
    .unwrap()
}

fn text(v: serde_json::Value) -> Message {
    Message::Text(v.to_string().into())
}

fn replay(offset: u64, bytes: &[u8]) -> Message {
    let mut f = vec![0x03];
    f.extend_from_slice(&offset.to_be_bytes());
    f.extend_from_slice(bytes);
    Message::Binary(f.into())
}

#[tokio::test]
async fn wss_with_the_sdk_roots_prefix_token_and_frames() {
    let tls = tls();
    let frames = vec![
        text(serde_json::json!({"type": "connected", "session_id": "s 1", "mode": "pipe"})),
        // Overlaps what the client has (since=3): only "def" is new.
        replay(0, b"abcdef"),
        Message::Binary(vec![0x02, b'e'].into()),
        text(serde_json::json!({"type": "future-frame"})),
        text(serde_json::json!({"type": "exit", "exit_code": 130})),
    ];
    let (port, seen, server) = serve(&tls, frames, 3).await;
    let execd = client(
        port,
        TransportConfig::new()
            .add_root_certificate_pem(&tls.root_pem)
            .unwrap(),
    );
    let mut term = execd
        .attach_pty("s 1", AttachOptions::new().since(3).takeover(true))
        .await
        .expect("attach over wss");
    assert_eq!(term.mode(), opensandbox::pty::PtyMode::Pipe);
    term.write_stdin(b"x").await.unwrap();
    term.resize(80, 24).await.unwrap();
    term.signal("SIGINT").await.unwrap();
    let events: Vec<PtyEvent> = {
        let mut v = Vec::new();
        while let Some(e) = term.next_event().await.unwrap() {
            v.push(e);
        }
        v
    };
    assert_eq!(
        events,
        vec![
            PtyEvent::Output {
                stream: PtyStreamKind::Replay,
                offset: 3,
                data: bytes::Bytes::from_static(b"def")
            },
            PtyEvent::Output {
                stream: PtyStreamKind::Stderr,
                offset: 6,
                data: bytes::Bytes::from_static(b"e")
            },
            PtyEvent::Exit { code: 130 },
        ]
    );
    assert_eq!(term.offset(), 7);
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen.uri,
        "/proxy/sbx-1/44772/pty/s%201/ws?pty=1&since=3&takeover=1"
    );
    assert_eq!(seen.token.as_deref(), Some("tok-1"));
    assert_eq!(seen.ingress.as_deref(), Some("sbx-1-44772"));
    drop(term);
    let got = server.await.unwrap();
    assert_eq!(got[0], Message::Binary(vec![0x00, b'x'].into()));
    let resize: serde_json::Value = serde_json::from_str(got[1].to_text().unwrap()).unwrap();
    assert_eq!(
        resize,
        serde_json::json!({"type": "resize", "cols": 80, "rows": 24})
    );
    let signal: serde_json::Value = serde_json::from_str(got[2].to_text().unwrap()).unwrap();
    assert_eq!(
        signal,
        serde_json::json!({"type": "signal", "signal": "SIGINT"})
    );
}

#[tokio::test]
async fn wss_without_the_root_is_a_tls_error() {
    let tls = tls();
    let (port, _seen, _server) = serve(&tls, Vec::new(), 0).await;
    let execd = client(port, TransportConfig::new());
    match execd.attach_pty("s1", AttachOptions::new()).await {
        Err(Error::Tls(_)) => {}
        other => panic!("expected a TLS error, got {other:?}"),
    }
}

#[tokio::test]
async fn server_error_frames_are_typed() {
    let tls = tls();
    let frames = vec![
        text(serde_json::json!({"type": "connected", "session_id": "s1", "mode": "pty"})),
        text(serde_json::json!({"type": "error", "code": "STDIN_WRITE_FAILED", "error": "closed"})),
    ];
    let (port, _seen, _server) = serve(&tls, frames, 0).await;
    let execd = client(
        port,
        TransportConfig::new()
            .add_root_certificate_pem(&tls.root_pem)
            .unwrap(),
    );
    let mut term = execd.attach_pty("s1", AttachOptions::new()).await.unwrap();
    match term.next_event().await {
        Err(Error::Pty(e)) => match *e {
            PtyError::Server { code, message } => {
                assert_eq!(code, PtyErrorCode::StdinWriteFailed);
                assert_eq!(message, "closed");
            }
            other => panic!("{other:?}"),
        },
        other => panic!("expected a server error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_start_failure_before_connected_is_typed() {
    let tls = tls();
    let frames = vec![text(
        serde_json::json!({"type": "error", "code": "START_FAILED", "error": "no bash"}),
    )];
    let (port, _seen, _server) = serve(&tls, frames, 0).await;
    let execd = client(
        port,
        TransportConfig::new()
            .add_root_certificate_pem(&tls.root_pem)
            .unwrap(),
    );
    match execd.attach_pty("s1", AttachOptions::new()).await {
        Err(Error::Pty(e)) => assert!(
            matches!(
                *e,
                PtyError::Server {
                    code: PtyErrorCode::StartFailed,
                    ..
                }
            ),
            "{e:?}"
        ),
        other => panic!("expected START_FAILED, got {other:?}"),
    }
}

#[tokio::test]
async fn without_since_the_first_replay_sets_the_offset() {
    let tls = tls();
    let frames = vec![
        text(serde_json::json!({"type": "connected", "session_id": "s1", "mode": "pty"})),
        replay(5000, b"xyz"),
        Message::Binary(vec![0x01, b'!'].into()),
    ];
    let (port, _seen, _server) = serve(&tls, frames, 0).await;
    let execd = client(
        port,
        TransportConfig::new()
            .add_root_certificate_pem(&tls.root_pem)
            .unwrap(),
    );
    let mut term = execd.attach_pty("s1", AttachOptions::new()).await.unwrap();
    let first = term.next_event().await.unwrap().unwrap();
    assert_eq!(
        first,
        PtyEvent::Output {
            stream: PtyStreamKind::Replay,
            offset: 5000,
            data: bytes::Bytes::from_static(b"xyz")
        }
    );
    let second = term.next_event().await.unwrap().unwrap();
    assert_eq!(
        second,
        PtyEvent::Output {
            stream: PtyStreamKind::Stdout,
            offset: 5003,
            data: bytes::Bytes::from_static(b"!")
        }
    );
    assert_eq!(term.offset(), 5004);
}
