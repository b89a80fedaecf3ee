//! [`ExecdClient`]: commands, code, bash sessions, files and metrics inside one sandbox.
//!
//! Execd is the daemon inside every sandbox (port 44772). Reach it through the endpoint
//! the lifecycle API returns for that port, and pass the endpoint's headers along
//! ([`ExecdClient::with_headers`]): they must go on every request. The lifecycle API key
//! is never sent here.
//!
//! Streamed operations (commands, session runs, code, metrics) come in three forms:
//!
//! | form | example | returns |
//! |---|---|---|
//! | collected | [`ExecdClient::run_command`] | an [`Execution`] once the run has finished |
//! | stream | [`ExecdClient::run_command_stream`] | `impl Stream<Item = Result<StreamEvent>>`, ending at the terminal event |
//! | callback | [`Commands::run_with_handler`](crate::sandbox::Commands::run_with_handler) (from [`ExecdClient::commands`]) | the [`Execution`] once the run has finished; the handler sees every event (`try_run_with_handler`: it may stop early by returning an error, the Go SDK's `EventHandler`; `run_with_async_handler`: it may await) |
//!
//! Streams have no whole-request deadline: a command may run for hours. They are bounded
//! by the connect timeout and an idle watchdog instead
//! ([`ClientOptions::stream_idle_timeout`]; execd sends a keep-alive every 3 s). A
//! streamed `POST` is never retried once it may have been sent. Errors detected before
//! the first event (unknown session, bad request) arrive as [`Error::Api`].

mod code;
mod commands;
mod files;
mod lines;
mod metrics;
mod sessions;

use reqwest::Method;
use reqwest::header::HeaderMap;

use crate::config::ClientOptions;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::stream::StreamOptions;
use crate::transport::retry::Failure;
use crate::transport::{Api, Transport};

pub use opensandbox_execd_api::types;

pub use code::{CodeRequest, ContextRequest};
pub use commands::{CommandLogs, CommandRequest, CommandStatus, TAIL_CURSOR_HEADER};
pub use files::{ContentRange, Download, UploadFile};
pub use lines::LineRange;
pub use sessions::{SessionCommand, SessionOptions};

#[doc(no_inline)]
pub use crate::execution::{CollectOptions, Execution};
#[doc(no_inline)]
pub use crate::stream::{EventStream, Metrics, MetricsStream, StreamEvent};

/// Execd's authentication header.
pub const ACCESS_TOKEN_HEADER: &str = "X-EXECD-ACCESS-TOKEN";

/// Client of the execd API inside one sandbox.
///
/// ```no_run
/// # async fn demo() -> opensandbox::Result<()> {
/// use opensandbox::api::execd::ExecdClient;
/// let execd = ExecdClient::new("http://127.0.0.1:44772", "execd-token")?;
/// let run = execd.run_command("echo hello").await?;
/// print!("{}", run.stdout);
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// Every call fails the same ways: [`Error::InvalidInput`](crate::Error::InvalidInput)
/// for an argument that cannot be sent (nothing is sent); [`Error::Api`](crate::Error::Api)
/// for an error status; [`Error::Redirect`](crate::Error::Redirect) for a 3xx (never
/// followed); [`Error::Transport`](crate::Error::Transport) or
/// [`Error::Timeout`](crate::Error::Timeout) when the server cannot be reached or stops
/// answering; [`Error::Decode`](crate::Error::Decode) for an answer that is not the
/// documented shape. Methods that can fail otherwise say so.
#[derive(Clone, Debug)]
pub struct ExecdClient {
    pub(crate) transport: Transport,
    pub(crate) api: opensandbox_execd_api::Client,
}

impl ExecdClient {
    /// A client for the execd at `base_url` (a scheme, a host, and any path prefix the
    /// endpoint carries, e.g. `http://host:8080/proxy/44772`), authenticated with
    /// `access_token` (an empty token sends no header).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub fn new(base_url: &str, access_token: impl Into<Secret>) -> Result<Self> {
        Self::with_options(base_url, access_token, ClientOptions::default())
    }

    /// Like [`ExecdClient::new`], with options.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub fn with_options(
        base_url: &str,
        access_token: impl Into<Secret>,
        options: ClientOptions,
    ) -> Result<Self> {
        Self::with_headers(base_url, access_token, HeaderMap::new(), options)
    }

    /// Like [`ExecdClient::with_options`], sending `headers` on every request: pass the
    /// headers the lifecycle API returned with the endpoint here.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub fn with_headers(
        base_url: &str,
        access_token: impl Into<Secret>,
        headers: HeaderMap,
        options: ClientOptions,
    ) -> Result<Self> {
        let token = access_token.into();
        let transport = Transport::new(
            Api::Execd,
            base_url,
            Some((ACCESS_TOKEN_HEADER, token.expose())),
            headers,
            options,
        )?;
        let api = opensandbox_execd_api::Client::new_with_client(
            transport.base(),
            transport.http().clone(),
            transport.request_options(),
        );
        Ok(ExecdClient { transport, api })
    }

    /// Shell commands through this execd: the same handle as
    /// [`Sandbox::commands`](crate::Sandbox::commands), fixed to this endpoint.
    #[must_use]
    pub fn commands(&self) -> crate::sandbox::Commands {
        crate::sandbox::Commands::new(crate::sandbox::ExecdSource::Fixed(self.clone()))
    }

    /// Code contexts and runs through this execd: the same handle as
    /// [`Sandbox::code`](crate::Sandbox::code), fixed to this endpoint.
    #[must_use]
    pub fn code(&self) -> crate::sandbox::Code {
        crate::sandbox::Code::new(crate::sandbox::ExecdSource::Fixed(self.clone()))
    }

    /// Files through this execd: the same handle as
    /// [`Sandbox::files`](crate::Sandbox::files), fixed to this endpoint.
    #[must_use]
    pub fn files(&self) -> crate::sandbox::Files {
        crate::sandbox::Files::new(crate::sandbox::ExecdSource::Fixed(self.clone()))
    }

    /// The base URL this client talks to.
    #[must_use]
    pub fn base_url(&self) -> &str {
        self.transport.base()
    }

    /// The generated low-level client, for anything this facade does not wrap.
    #[must_use]
    pub fn raw(&self) -> &opensandbox_execd_api::Client {
        &self.api
    }

    /// Checks that execd is up and serving (200 with an empty body).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn ping(&self) -> Result<()> {
        self.transport.run(self.api.ping().send()).await
    }

    /// Options for the stream layer: the idle watchdog and the event size limit.
    fn stream_options(&self) -> StreamOptions {
        let o = self.transport.options();
        StreamOptions::new()
            .idle_timeout(o.stream_idle_timeout)
            .max_event_size(o.max_event_size)
    }

    /// A response body as a byte stream whose errors are the crate's (classified by the
    /// transport: timeouts, TLS, resets).
    fn body_stream(
        &self,
        resp: reqwest::Response,
    ) -> impl futures::Stream<Item = Result<bytes::Bytes>> + Send + 'static {
        use futures::TryStreamExt;
        let transport = self.transport.clone();
        resp.bytes_stream()
            .map_err(move |e| transport.reqwest_error(e, Failure::MaybeSent))
    }

    /// Sends a streamed `POST` with a JSON body (no whole-request deadline, never
    /// retried once it may have left) and returns its event stream.
    async fn post_event_stream<B: serde::Serialize + ?Sized>(
        &self,
        op: &'static crate::transport::Operation,
        path: &str,
        body: &B,
    ) -> Result<EventStream> {
        let body = serde_json::to_vec(body)
            .map_err(|e| Error::InvalidInput(format!("could not encode the request: {e}")))?;
        let resp = self
            .transport
            .send(op, || {
                Ok(self
                    .transport
                    .request(Method::POST, path)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header(reqwest::header::ACCEPT, "text/event-stream")
                    .body(body.clone()))
            })
            .await?;
        Ok(EventStream::new(
            self.body_stream(resp),
            self.stream_options(),
        ))
    }
}

/// Reads a success response's JSON body.
async fn decode_json<T: serde::de::DeserializeOwned>(
    transport: &Transport,
    resp: reqwest::Response,
) -> Result<T> {
    let status = resp.status();
    let body = transport.read_body(resp).await?;
    serde_json::from_slice(&body).map_err(|e| Error::Decode {
        status,
        message: e.to_string(),
        snippet: crate::error::snippet(&body),
    })
}

/// Refuses empty identifiers before anything is sent.
fn check_id(what: &str, id: &str) -> Result<()> {
    crate::lifecycle::check_id(what, id)
}

fn check_path(what: &str, path: &str) -> Result<()> {
    crate::lifecycle::check_path(what, path)
}

/// `/segment/{id}` with `id` percent-encoded as one path segment.
pub(crate) fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_are_escaped() {
        assert_eq!(path_segment("sess-1"), "sess-1");
        assert_eq!(path_segment("a/b c?"), "a%2Fb%20c%3F");
    }
}
