//! The transport as the generated clients' executor: every request of a generated client
//! is sent here with its operation, retried by the policy (idempotency from the
//! operation table), traced in an `opensandbox.request` span named by the operation, and
//! a success answer is read whole within the answer limit, inside the retry loop, so a
//! body cut short is retried like a failed connection.

use std::time::Duration;

use bytes::Bytes;
use opensandbox_hooks::{BoxFuture, Execute, Operation, limit_body};
use reqwest::header::HeaderMap;
use reqwest::{Body, Request, Response, Version};

use super::retry::Failure;
use super::{Failed, Transport, api_error, classify_reqwest, redirect_error};
use crate::error::Error;

/// What the generated client gets from a failed last attempt.
enum Raw {
    /// An answer with an error status (its body holds at most the prefix that was read).
    Answer(Response),
    /// A failure before or while the answer was read.
    Failed(reqwest::Error),
}

/// A request whose body is in memory, sent again for each attempt.
struct Replayable {
    method: reqwest::Method,
    url: reqwest::Url,
    headers: HeaderMap,
    timeout: Option<Duration>,
    version: Version,
    body: Option<Bytes>,
}

impl Replayable {
    /// `None` when the body is a stream (it can be sent only once).
    fn of(request: &Request) -> Option<Self> {
        let body = match request.body() {
            None => None,
            Some(b) => Some(Bytes::copy_from_slice(b.as_bytes()?)),
        };
        Some(Replayable {
            method: request.method().clone(),
            url: request.url().clone(),
            headers: request.headers().clone(),
            timeout: request.timeout().copied(),
            version: request.version(),
            body,
        })
    }

    fn request(&self) -> Request {
        let mut r = Request::new(self.method.clone(), self.url.clone());
        *r.headers_mut() = self.headers.clone();
        *r.timeout_mut() = self.timeout;
        *r.version_mut() = self.version;
        *r.body_mut() = self.body.clone().map(Body::from);
        r
    }
}

impl Execute for Transport {
    fn execute<'a>(
        &'a self,
        op: &'static Operation,
        client: &'a reqwest::Client,
        request: Request,
    ) -> BoxFuture<'a, reqwest::Result<Response>> {
        Box::pin(self.execute_operation(op, client, request))
    }
}

impl Transport {
    /// Sends a generated client's request of `op`: retried when the policy allows and
    /// the body can be sent again, else once.
    async fn execute_operation(
        &self,
        op: &'static Operation,
        client: &reqwest::Client,
        request: Request,
    ) -> reqwest::Result<Response> {
        let replay = match self.inner.options.retry.max_attempts {
            0 | 1 => None,
            _ => Replayable::of(&request),
        };
        let result = match replay {
            Some(replay) => {
                self.retrying(
                    op,
                    true,
                    || self.attempt(op, client, replay.request()),
                    |r: &Response| (r.status(), r.headers()),
                )
                .await
            }
            None => {
                let mut once = Some(request);
                self.retrying(
                    op,
                    false,
                    move || {
                        let request = once.take();
                        async move {
                            match request {
                                Some(request) => self.attempt(op, client, request).await,
                                // Never reached: a request that cannot be repeated is
                                // attempted once.
                                None => Err(spent()),
                            }
                        }
                    },
                    |r: &Response| (r.status(), r.headers()),
                )
                .await
            }
        };
        match result {
            Ok(response) => Ok(response),
            Err(Failed {
                raw: Raw::Answer(r),
                ..
            }) => Ok(r),
            Err(Failed {
                raw: Raw::Failed(e),
                ..
            }) => Err(e),
        }
    }

    /// One attempt: sends `request`; a success answer is read whole (through the answer
    /// limit) unless `op` streams, an error answer's prefix is read for the trace.
    async fn attempt(
        &self,
        op: &'static Operation,
        client: &reqwest::Client,
        request: Request,
    ) -> Result<Response, Failed<Raw>> {
        let limit = self.inner.options.max_response_body;
        let response = match client.execute(request).await {
            Ok(r) => r,
            Err(e) => return Err(self.failed_reqwest(e)),
        };
        let status = response.status();
        if status.is_success() {
            let limited = limit_body(response, limit);
            if op.streamed {
                return Ok(limited);
            }
            let (parts, body) = ::http::Response::from(limited).into_parts();
            return match Response::from(::http::Response::new(body)).bytes().await {
                Ok(bytes) => Ok(rebuild(parts, bytes)),
                Err(e) => Err(self.failed_reqwest(e)),
            };
        }
        if status.is_redirection() {
            return Err(Failed {
                error: redirect_error(&response),
                failure: Failure::Fatal,
                retry_after: None,
                raw: Raw::Answer(response),
            });
        }
        let (parts, body) = ::http::Response::from(response).into_parts();
        let api = api_error(Response::from(::http::Response::from_parts(
            parts.clone(),
            body,
        )))
        .await;
        let retry_after = api.retry_after;
        let prefix = api.body.clone();
        Err(Failed {
            error: Error::from(api),
            failure: Failure::Status(status),
            retry_after,
            raw: Raw::Answer(rebuild(parts, prefix)),
        })
    }

    /// A failed attempt for a reqwest error.
    fn failed_reqwest(&self, e: reqwest::Error) -> Failed<Raw> {
        let failure = classify_reqwest(&e);
        Failed {
            error: self.describe_reqwest(&e, failure),
            failure,
            retry_after: None,
            raw: Raw::Failed(e),
        }
    }
}

/// A response of `parts` with `body` in memory.
fn rebuild(parts: ::http::response::Parts, body: Bytes) -> Response {
    Response::from(::http::Response::from_parts(parts, Body::from(body)))
}

/// The failure of an attempt after the only one (never sent, so never seen).
fn spent() -> Failed<Raw> {
    let response = ::http::Response::builder()
        .status(reqwest::StatusCode::INTERNAL_SERVER_ERROR)
        .body(Body::from(Bytes::new()))
        .unwrap_or_default();
    Failed {
        error: Error::InvalidInput("a request with a streamed body is sent only once".into()),
        failure: Failure::Fatal,
        retry_after: None,
        raw: Raw::Answer(Response::from(response)),
    }
}
