//! Scoped sandboxes: a body runs with a sandbox that is killed afterwards, whatever the
//! body returned (Rust has no async drop).

use super::{Sandbox, SandboxCreateOptions};
use crate::connection::ConnectionConfig;
use crate::error::Error;

impl Sandbox {
    /// Runs `f` with this sandbox, then kills the sandbox whatever `f` returned (Rust
    /// has no async drop, so this is the scoped form of `let r = f(&sb).await;
    /// sb.kill().await?; r`). `f` may return any error type that an [`Error`]
    /// converts into (`opensandbox::Error`, `Box<dyn Error>`, `anyhow::Error`, …).
    ///
    /// ```no_run
    /// # async fn demo(config: opensandbox::ConnectionConfig) -> opensandbox::Result<()> {
    /// use opensandbox::prelude::*;
    /// let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
    /// let out = sandbox
    ///     .kill_after(async |sb| Ok::<_, Error>(sb.commands().run("uname -a").await?.stdout))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// `f`'s error; if `f` succeeded, the kill's error (a sandbox already gone counts as
    /// killed). When both fail, `f`'s error is returned and the kill's is logged.
    pub async fn kill_after<T, E, F>(self, f: F) -> std::result::Result<T, E>
    where
        F: AsyncFnOnce(&Sandbox) -> std::result::Result<T, E>,
        E: From<Error>,
    {
        let result = f(&self).await;
        let killed = match self.kill().await {
            Err(e) if e.is_not_found() => Ok(()),
            other => other,
        };
        match (result, killed) {
            (Ok(v), Ok(())) => Ok(v),
            (Ok(_), Err(e)) => Err(e.into()),
            (Err(e), Ok(())) => Err(e),
            (Err(e), Err(kill)) => {
                tracing::warn!(sandbox = %self.id(), error = %kill, "could not kill the sandbox after a failure");
                Err(e)
            }
        }
    }

    /// Creates a sandbox, runs `f` with it, and kills it whatever `f` returned: the
    /// scoped form of [`Sandbox::create`] plus [`Sandbox::kill`].
    ///
    /// ```no_run
    /// # async fn demo(config: opensandbox::ConnectionConfig) -> opensandbox::Result<()> {
    /// use opensandbox::prelude::*;
    /// let code = Sandbox::scoped(&config, SandboxCreateOptions::new("python:3.12"), async |sb| {
    ///     Ok::<_, Error>(sb.commands().run("exit 3").await?.exit_code)
    /// })
    /// .await?;
    /// assert_eq!(code, Some(3));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Sandbox::create`], then as [`Sandbox::kill_after`].
    pub async fn scoped<T, E, F>(
        config: &ConnectionConfig,
        options: SandboxCreateOptions,
        f: F,
    ) -> std::result::Result<T, E>
    where
        F: AsyncFnOnce(&Sandbox) -> std::result::Result<T, E>,
        E: From<Error>,
    {
        Sandbox::create(config, options).await?.kill_after(f).await
    }
}
