//! The per-area handles of a [`Sandbox`](super::Sandbox): [`Commands`], [`Session`],
//! [`Code`], [`Files`], [`Egress`] and [`Vault`]. They are cheap to create and to
//! clone, and they follow the sandbox: a handle taken before
//! [`resume`](super::Sandbox::resume) talks to the new endpoint after it.

mod code;
mod commands;
mod egress;
mod files;
mod vault;

pub use code::Code;
pub use commands::{Commands, Session};
pub use egress::Egress;
pub use files::Files;
pub use vault::Vault;

use futures::StreamExt;

use crate::error::{Error, Result};
use crate::execution::{CollectOptions, Execution};
use crate::stream::{EventStream, StreamEvent};

/// The error type a fallible handler may return.
pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Reads `stream` to its terminal event, giving every event to `handler` and to the
/// returned [`Execution`]. A handler error stops reading: [`Error::Handler`].
pub(crate) async fn drive<F, E>(
    mut stream: EventStream,
    options: CollectOptions,
    mut handler: F,
) -> Result<Execution>
where
    F: FnMut(&StreamEvent) -> std::result::Result<(), E>,
    E: Into<BoxError>,
{
    let mut exec = Execution::new(options);
    while let Some(event) = stream.next().await {
        let event = event?;
        handler(&event).map_err(|e| Error::Handler(e.into()))?;
        exec.push(&event);
    }
    Ok(exec)
}

/// [`drive`] with an async handler that cannot fail.
pub(crate) async fn drive_async<F>(
    mut stream: EventStream,
    options: CollectOptions,
    mut handler: F,
) -> Result<Execution>
where
    F: AsyncFnMut(&StreamEvent),
{
    let mut exec = Execution::new(options);
    while let Some(event) = stream.next().await {
        let event = event?;
        handler(&event).await;
        exec.push(&event);
    }
    Ok(exec)
}

/// Declares the four ways to run something that streams events — collected, as a
/// stream, with a handler (infallible, fallible, async) — on a handle, given how to
/// open the stream and which collect options apply.
macro_rules! run_methods {
    ($req:ty, |$this:ident, $r:ident| $open:expr, |$r2:ident| $options:expr) => {
        /// Runs it and waits, collecting output, results, errors and the exit code into
        /// an [`Execution`](crate::Execution). A failed run (non-zero exit, an
        /// exception) is not an `Err`: check [`Execution::exit_code`](crate::Execution)
        /// and [`Execution::error`](crate::Execution).
        ///
        /// # Errors
        ///
        /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a request that
        /// cannot be sent, a transport failure, an error status, or a stream that
        /// broke before its terminal event.
        pub async fn run(&self, request: impl Into<$req>) -> crate::Result<crate::Execution> {
            self.run_with_handler(request, |_| {}).await
        }

        /// Runs it and returns its events as they arrive; the stream ends at the
        /// terminal event.
        ///
        /// # Errors
        ///
        /// As [`run`](Self::run), for what happens before the stream starts.
        pub async fn run_stream(
            &self,
            request: impl Into<$req>,
        ) -> crate::Result<crate::stream::EventStream> {
            let $this = self;
            let $r: $req = request.into();
            $open
        }

        /// Runs it, calling `handler` with every event as it arrives, and returns the
        /// collected [`Execution`](crate::Execution) (with the exit code).
        ///
        /// # Errors
        ///
        /// As [`run`](Self::run).
        pub async fn run_with_handler<F>(
            &self,
            request: impl Into<$req>,
            mut handler: F,
        ) -> crate::Result<crate::Execution>
        where
            F: FnMut(&crate::stream::StreamEvent),
        {
            let $r2: $req = request.into();
            let options = $options;
            let stream = self.run_stream($r2).await?;
            super::drive(stream, options, |e| {
                handler(e);
                Ok::<(), std::convert::Infallible>(())
            })
            .await
        }

        /// Like [`run_with_handler`](Self::run_with_handler) with a handler that can
        /// fail: its error stops reading.
        ///
        /// # Errors
        ///
        /// As [`run`](Self::run), and
        /// [`Error::Handler`](crate::Error::Handler) with the handler's error.
        pub async fn try_run_with_handler<F, E>(
            &self,
            request: impl Into<$req>,
            handler: F,
        ) -> crate::Result<crate::Execution>
        where
            F: FnMut(&crate::stream::StreamEvent) -> std::result::Result<(), E>,
            E: Into<Box<dyn std::error::Error + Send + Sync>>,
        {
            let $r2: $req = request.into();
            let options = $options;
            let stream = self.run_stream($r2).await?;
            super::drive(stream, options, handler).await
        }

        /// Like [`run_with_handler`](Self::run_with_handler) with an async handler
        /// (awaited before the next event is read).
        ///
        /// # Errors
        ///
        /// As [`run`](Self::run).
        pub async fn run_with_async_handler<F>(
            &self,
            request: impl Into<$req>,
            handler: F,
        ) -> crate::Result<crate::Execution>
        where
            F: AsyncFnMut(&crate::stream::StreamEvent),
        {
            let $r2: $req = request.into();
            let options = $options;
            let stream = self.run_stream($r2).await?;
            super::drive_async(stream, options, handler).await
        }
    };
}

pub(crate) use run_methods;
