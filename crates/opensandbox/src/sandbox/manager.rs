//! [`SandboxManager`]: sandboxes by id, without holding a [`Sandbox`].

use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::Stream;
use futures::stream::{self, StreamExt};

use super::{ConnectOptions, Sandbox, SnapshotOptions, expiry_after, lifecycle_client};
use crate::connection::ConnectionConfig;
use crate::error::{Error, Result};
use crate::lifecycle::types as lt;
use crate::lifecycle::{DiagnosticScope, LifecycleClient, ListOptions, SnapshotListOptions};
use crate::model::{Diagnostics, Page, SandboxInfo, SnapshotInfo};

/// The page size [`SandboxManager::list_all`] asks for when the options name none.
pub const LIST_ALL_PAGE_SIZE: u64 = 100;

/// Manages sandboxes by id: list (with a stream over all pages), get, kill, pause,
/// resume, renew, snapshots and diagnostics.
///
/// ```no_run
/// # async fn demo() -> opensandbox::Result<()> {
/// use futures::TryStreamExt;
/// use opensandbox::prelude::*;
///
/// let manager = SandboxManager::new(&ConnectionConfig::from_env()?)?;
/// let running: Vec<_> = manager
///     .list_all(ListOptions::new().state(SandboxState::Running).metadata("team", "ml"))
///     .try_collect()
///     .await?;
/// for sandbox in running {
///     manager.kill(&sandbox.id).await?;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct SandboxManager {
    config: ConnectionConfig,
    lifecycle: LifecycleClient,
}

impl SandboxManager {
    /// A manager for the deployment `config` points at.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for a config that cannot make a client.
    pub fn new(config: &ConnectionConfig) -> Result<Self> {
        Ok(SandboxManager {
            config: config.clone(),
            lifecycle: lifecycle_client(config)?,
        })
    }

    /// The lifecycle client, for anything else.
    #[must_use]
    pub fn lifecycle(&self) -> &LifecycleClient {
        &self.lifecycle
    }

    /// One page of sandboxes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for page 0 or a page size over 200, the server's answer,
    /// or a transport failure.
    pub async fn list(&self, options: &ListOptions) -> Result<Page<SandboxInfo>> {
        Ok(self.lifecycle.list_sandboxes(options).await?.into())
    }

    /// Every sandbox matching the filters, walking the pages from `options.page` (or
    /// the first) to the last. Stops at the first error, which it yields.
    pub fn list_all(
        &self,
        options: ListOptions,
    ) -> impl Stream<Item = Result<SandboxInfo>> + Send + 'static {
        let lifecycle = self.lifecycle.clone();
        paginate(options.page.unwrap_or(1), move |page| {
            let lifecycle = lifecycle.clone();
            let mut options = options.clone();
            options.page = Some(page);
            if options.page_size.is_none() {
                options.page_size = Some(LIST_ALL_PAGE_SIZE);
            }
            async move {
                let r = lifecycle.list_sandboxes(&options).await?;
                Ok((r.items.into_iter().map(Into::into).collect(), r.pagination))
            }
        })
    }

    /// A sandbox's lifecycle view.
    ///
    /// # Errors
    ///
    /// The server's answer (404 for an unknown sandbox) or a transport failure.
    pub async fn get(&self, sandbox_id: &str) -> Result<SandboxInfo> {
        Ok(self.lifecycle.get_sandbox(sandbox_id).await?.into())
    }

    /// Connects to a sandbox (with the health check).
    ///
    /// # Errors
    ///
    /// As [`Sandbox::connect_with`].
    pub async fn connect(&self, sandbox_id: &str) -> Result<Sandbox> {
        Sandbox::connect_with(&self.config, sandbox_id, ConnectOptions::default()).await
    }

    /// Deletes a sandbox.
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::get`].
    pub async fn kill(&self, sandbox_id: &str) -> Result<()> {
        self.lifecycle.delete_sandbox(sandbox_id).await
    }

    /// Asks the server to pause a sandbox (202).
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::get`].
    pub async fn pause(&self, sandbox_id: &str) -> Result<()> {
        self.lifecycle.pause_sandbox(sandbox_id).await
    }

    /// Asks the server to resume a sandbox (202); it is `Running` again some time later
    /// ([`Sandbox::resume`] also waits for that).
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::get`].
    pub async fn resume(&self, sandbox_id: &str) -> Result<()> {
        self.lifecycle.resume_sandbox(sandbox_id).await
    }

    /// Moves a sandbox's expiry to `duration` from now; returns the new expiry.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a duration too large for a date, and as
    /// [`SandboxManager::get`].
    pub async fn renew(&self, sandbox_id: &str, duration: Duration) -> Result<DateTime<Utc>> {
        let expires_at = expiry_after(duration)?;
        Ok(self
            .lifecycle
            .renew_expiration(sandbox_id, expires_at)
            .await?
            .expires_at)
    }

    /// Snapshots a sandbox (the snapshot becomes `Ready` asynchronously).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a name the API refuses, and as
    /// [`SandboxManager::get`].
    pub async fn create_snapshot(
        &self,
        sandbox_id: &str,
        options: SnapshotOptions,
    ) -> Result<SnapshotInfo> {
        let request = options.to_request()?;
        Ok(self
            .lifecycle
            .create_snapshot(sandbox_id, request)
            .await?
            .into())
    }

    /// A snapshot by id.
    ///
    /// # Errors
    ///
    /// The server's answer (404 for an unknown snapshot) or a transport failure.
    pub async fn get_snapshot(&self, snapshot_id: &str) -> Result<SnapshotInfo> {
        Ok(self.lifecycle.get_snapshot(snapshot_id).await?.into())
    }

    /// One page of snapshots.
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::list`].
    pub async fn list_snapshots(
        &self,
        options: &SnapshotListOptions,
    ) -> Result<Page<SnapshotInfo>> {
        Ok(self.lifecycle.list_snapshots(options).await?.into())
    }

    /// Every snapshot matching the filters, walking all pages.
    pub fn list_all_snapshots(
        &self,
        options: SnapshotListOptions,
    ) -> impl Stream<Item = Result<SnapshotInfo>> + Send + 'static {
        let lifecycle = self.lifecycle.clone();
        paginate(options.page.unwrap_or(1), move |page| {
            let lifecycle = lifecycle.clone();
            let mut options = options.clone();
            options.page = Some(page);
            if options.page_size.is_none() {
                options.page_size = Some(LIST_ALL_PAGE_SIZE);
            }
            async move {
                let r = lifecycle.list_snapshots(&options).await?;
                Ok((r.items.into_iter().map(Into::into).collect(), r.pagination))
            }
        })
    }

    /// Deletes a snapshot.
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::get_snapshot`].
    pub async fn delete_snapshot(&self, snapshot_id: &str) -> Result<()> {
        self.lifecycle.delete_snapshot(snapshot_id).await
    }

    /// Diagnostic logs of a sandbox.
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::get`].
    pub async fn diagnostic_logs(
        &self,
        sandbox_id: &str,
        scope: DiagnosticScope,
    ) -> Result<Diagnostics> {
        Ok(self
            .lifecycle
            .diagnostic_logs(sandbox_id, scope)
            .await?
            .into())
    }

    /// Diagnostic events of a sandbox.
    ///
    /// # Errors
    ///
    /// As [`SandboxManager::get`].
    pub async fn diagnostic_events(
        &self,
        sandbox_id: &str,
        scope: DiagnosticScope,
    ) -> Result<Diagnostics> {
        Ok(self
            .lifecycle
            .diagnostic_events(sandbox_id, scope)
            .await?
            .into())
    }
}

/// The most pages one listing walks (at 200 items a page, two million items): a server
/// that never stops saying `hasNextPage` ends there with an error, not an endless walk.
pub const MAX_LIST_PAGES: u64 = 10_000;

/// Walks pages from `first`: `fetch(page)` returns the items and the pagination info.
/// Ends after the page that says there is no next one, the last of `totalPages`, or an
/// empty page. A server that answers another page than the one asked for (it ignores
/// `page`, so the walk would repeat items) ends the walk there, with a warning; one that
/// claims more than [`MAX_LIST_PAGES`] pages ends it with an [`Error::Stream`] after the
/// items already delivered.
fn paginate<T, F, Fut>(first: u64, fetch: F) -> impl Stream<Item = Result<T>> + Send + 'static
where
    T: Send + 'static,
    F: Fn(u64) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(Vec<T>, lt::PaginationInfo)>> + Send + 'static,
{
    struct State<F> {
        fetch: F,
        next: Option<u64>,
        /// An error to yield after the page just delivered.
        then_fail: Option<Error>,
    }
    stream::unfold(
        State {
            fetch,
            next: Some(first),
            then_fail: None,
        },
        move |mut st| async move {
            if let Some(e) = st.then_fail.take() {
                return Some((Err(e), st));
            }
            let page = st.next?;
            match (st.fetch)(page).await {
                Ok((items, pagination)) => {
                    st.next = None;
                    if pagination.page.get() != page {
                        // The server ignores `page` (a static mock, a proxy that drops
                        // the query): the next page would repeat this one. End the walk.
                        tracing::warn!(
                            asked = page,
                            answered = pagination.page.get(),
                            "the server answered another page than the one asked for; \
                             ending the listing rather than repeat items"
                        );
                        return None;
                    }
                    let more = pagination.has_next_page
                        && !items.is_empty()
                        && (pagination.total_pages == 0 || page < pagination.total_pages);
                    if more {
                        if page >= first.saturating_add(MAX_LIST_PAGES - 1) {
                            st.then_fail = Some(Error::Stream(format!(
                                "listing stopped after {MAX_LIST_PAGES} pages: the server \
                                 still says there are more"
                            )));
                        } else {
                            st.next = page.checked_add(1);
                        }
                    }
                    Some((Ok(items), st))
                }
                Err(e) => {
                    st.next = None;
                    Some((Err(e), st))
                }
            }
        },
    )
    .flat_map(|page: Result<Vec<T>>| match page {
        Ok(items) => stream::iter(items.into_iter().map(Ok).collect::<Vec<_>>()),
        Err(e) => stream::iter(vec![Err(e)]),
    })
}
