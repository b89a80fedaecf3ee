//! [`Code`]: interpreter contexts and code runs in a sandbox.

use std::fmt;

use super::run_methods;
use crate::error::Result;
use crate::execd::{CodeRequest, ContextRequest};
use crate::execution::CollectOptions;
use crate::model::CodeContext;
use crate::sandbox::ExecdSource;

/// Code contexts and code runs in a sandbox ([`Sandbox::code`](crate::Sandbox::code)).
#[derive(Clone)]
pub struct Code {
    source: ExecdSource,
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Code")
            .field("execd", &self.source.get().base_url())
            .finish()
    }
}

impl Code {
    pub(crate) fn new(source: ExecdSource) -> Self {
        Code { source }
    }

    /// Starts an interpreter context (`"python"`, or a [`ContextRequest`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty language, the
    /// server's refusal, or a transport failure.
    pub async fn create_context(&self, request: impl Into<ContextRequest>) -> Result<CodeContext> {
        Ok(self.source.get().create_context(request).await?.into())
    }

    /// Looks up a context.
    ///
    /// # Errors
    ///
    /// The server's answer (404 for an unknown context) or a transport failure.
    pub async fn get_context(&self, context_id: &str) -> Result<CodeContext> {
        Ok(self.source.get().get_context(context_id).await?.into())
    }

    /// Lists the contexts of one language.
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn list_contexts(&self, language: &str) -> Result<Vec<CodeContext>> {
        let all = self.source.get().list_contexts(language).await?;
        Ok(all.into_iter().map(Into::into).collect())
    }

    /// Shuts down a context.
    ///
    /// # Errors
    ///
    /// As [`Code::get_context`].
    pub async fn delete_context(&self, context_id: &str) -> Result<()> {
        self.source.get().delete_context(context_id).await
    }

    /// Shuts down every context of one language.
    ///
    /// # Errors
    ///
    /// As [`Code::list_contexts`].
    pub async fn delete_contexts(&self, language: &str) -> Result<()> {
        self.source.get().delete_contexts(language).await
    }

    run_methods!(
        CodeRequest,
        |this, r| this.source.get().run_code_stream(r).await,
        |_r| CollectOptions::new()
    );

    /// Interrupts running code by its execution id.
    ///
    /// # Errors
    ///
    /// The server's answer or a transport failure.
    pub async fn interrupt(&self, execution_id: &str) -> Result<()> {
        self.source.get().interrupt_code(execution_id).await
    }
}
