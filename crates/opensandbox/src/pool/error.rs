//! What can go wrong in a pool: [`PoolError`].

/// A failure of a pool operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PoolError {
    /// The pool's options are invalid; nothing was started.
    #[error("invalid pool options: {0}")]
    InvalidOptions(String),

    /// The pool's state store could not be reached or answered something unexpected.
    #[error("pool store {operation} failed: {message}")]
    Store {
        /// The store operation.
        operation: &'static str,
        /// What failed.
        message: String,
    },

    /// No idle sandbox could be handed out and the acquire policy does not create one.
    #[error("pool {pool}: no idle sandbox could be handed out after {attempts} attempt(s){}", last_error.as_deref().map(|e| format!("; last error: {e}")).unwrap_or_default())]
    Exhausted {
        /// The pool.
        pool: String,
        /// How many idle sandboxes were tried.
        attempts: usize,
        /// Why the last idle sandbox tried was rejected, when one was.
        last_error: Option<String>,
    },

    /// The pool is being destroyed or was destroyed.
    #[error("pool {0} is destroyed or being destroyed")]
    Destroyed(String),

    /// A sandbox operation (create, connect, renew) failed.
    #[error(transparent)]
    Sandbox(#[from] crate::Error),
}

#[cfg(feature = "redis")]
impl PoolError {
    pub(crate) fn store(operation: &'static str, message: impl std::fmt::Display) -> Self {
        PoolError::Store {
            operation,
            message: message.to_string(),
        }
    }
}

/// The result type of pool operations.
pub type PoolResult<T> = std::result::Result<T, PoolError>;
