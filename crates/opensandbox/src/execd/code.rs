//! Code contexts (stateful interpreters) and running code in them.

use reqwest::Method;

use super::types::CodeContext;
use super::{ExecdClient, check_id, decode_json};
use crate::error::{Error, Result};
use crate::execution::{CollectOptions, Execution};
use crate::stream::EventStream;

/// A new code context ([`ExecdClient::create_context`]). A plain language name
/// (`"python"`) converts into one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ContextRequest {
    /// Runtime: `python`, `bash`, `java`, …
    pub language: String,
    /// The kernel's starting directory (newer servers only).
    pub cwd: Option<String>,
}

impl ContextRequest {
    /// A context for `language`.
    pub fn new(language: impl Into<String>) -> Self {
        ContextRequest {
            language: language.into(),
            cwd: None,
        }
    }

    /// Sets the kernel's starting directory.
    pub fn cwd(mut self, cwd: impl Into<String>) -> Self {
        self.cwd = Some(cwd.into());
        self
    }
}

impl From<&str> for ContextRequest {
    fn from(language: &str) -> Self {
        ContextRequest::new(language)
    }
}

impl From<String> for ContextRequest {
    fn from(language: String) -> Self {
        ContextRequest::new(language)
    }
}

/// Code to run with [`ExecdClient::run_code`]. A plain `&str` or `String` converts into
/// a stateless run in the server's default language.
///
/// ```
/// use opensandbox::CodeRequest;
/// let stateless = CodeRequest::new("print(1 + 1)").language("python");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CodeRequest {
    /// Source handed to the interpreter as one cell.
    pub code: String,
    /// The context to run in (its `id`), or only a language for a stateless run.
    pub(crate) context: Option<CodeContext>,
}

impl CodeRequest {
    /// A stateless run of `code`.
    pub fn new(code: impl Into<String>) -> Self {
        CodeRequest {
            code: code.into(),
            context: None,
        }
    }

    /// Runs in `context` (from [`Code::create_context`](crate::sandbox::Code::create_context)):
    /// its variables and imports are visible, and what this run defines stays there.
    #[must_use]
    pub fn context(mut self, context: &crate::model::CodeContext) -> Self {
        self.context = Some(context.into());
        self
    }

    /// Runs statelessly in `language`.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.context = Some(CodeContext {
            id: None,
            language: language.into(),
        });
        self
    }

    fn to_wire(&self) -> Result<super::types::RunCodeRequest> {
        if self.code.trim().is_empty() {
            return Err(Error::InvalidInput("the code must not be empty".into()));
        }
        Ok(super::types::RunCodeRequest {
            code: self.code.clone(),
            context: self.context.clone(),
        })
    }
}

impl From<&str> for CodeRequest {
    fn from(code: &str) -> Self {
        CodeRequest::new(code)
    }
}

impl From<String> for CodeRequest {
    fn from(code: String) -> Self {
        CodeRequest::new(code)
    }
}

impl ExecdClient {
    /// Starts a new interpreter context (a kernel) and returns it; pass it to
    /// [`CodeRequest::context`].
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn create_context(&self, request: impl Into<ContextRequest>) -> Result<CodeContext> {
        let request = request.into();
        check_id("language", &request.language)?;
        match &request.cwd {
            None => {
                let body = super::types::CodeContextRequest {
                    language: Some(request.language.clone()),
                };
                self.transport
                    .run(self.api.create_code_context().body(body).send())
                    .await
            }
            Some(cwd) => {
                // `cwd` is a server extension the published document does not describe.
                let body = serde_json::json!({ "language": request.language, "cwd": cwd });
                let resp = self
                    .transport
                    .send(
                        &opensandbox_execd_api::operations::CREATE_CODE_CONTEXT,
                        || {
                            Ok(self
                                .transport
                                .unary(Method::POST, "/code/context")
                                .json(&body))
                        },
                    )
                    .await?;
                decode_json(&self.transport, resp).await
            }
        }
    }

    /// Looks up a context by id (404 `CONTEXT_NOT_FOUND` when unknown).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn get_context(&self, context_id: &str) -> Result<CodeContext> {
        check_id("context id", context_id)?;
        self.transport
            .run(self.api.get_context().context_id(context_id).send())
            .await
    }

    /// Lists the contexts of one language.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn list_contexts(&self, language: &str) -> Result<Vec<CodeContext>> {
        check_id("language", language)?;
        self.transport
            .run(self.api.list_contexts().language(language).send())
            .await
    }

    /// Shuts down one context; its state is lost.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn delete_context(&self, context_id: &str) -> Result<()> {
        check_id("context id", context_id)?;
        self.transport
            .run(self.api.delete_context().context_id(context_id).send())
            .await
    }

    /// Shuts down every context of one language.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn delete_contexts(&self, language: &str) -> Result<()> {
        check_id("language", language)?;
        self.transport
            .run(
                self.api
                    .delete_contexts_by_language()
                    .language(language)
                    .send(),
            )
            .await
    }

    /// Runs code and waits for it, collecting output, results (`text` holds the plain
    /// rendering) and any error into an [`Execution`]. An exception raised by the code is
    /// not an `Err`: check [`Execution::error`].
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn run_code(&self, request: impl Into<CodeRequest>) -> Result<Execution> {
        let stream = self.run_code_stream(request).await?;
        Execution::collect(stream, CollectOptions::default()).await
    }

    /// Runs code and returns its events as they arrive (`init`, `status` kernel states,
    /// `execution_count`, `stdout`/`stderr`, `result`, then `execution_complete` or
    /// `error`); the stream ends at the terminal event.
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn run_code_stream(&self, request: impl Into<CodeRequest>) -> Result<EventStream> {
        let body = request.into().to_wire()?;
        self.post_event_stream(&opensandbox_execd_api::operations::RUN_CODE, "/code", &body)
            .await
    }

    /// Interrupts running code by its execution id (the `init` event's text).
    ///
    /// # Errors
    ///
    /// As every call of [`ExecdClient`]: see [its errors](ExecdClient#errors).
    pub async fn interrupt_code(&self, execution_id: &str) -> Result<()> {
        check_id("execution id", execution_id)?;
        self.transport
            .run(self.api.interrupt_code().id(execution_id).send())
            .await
    }
}
