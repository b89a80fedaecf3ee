//! The per-area handles of a [`Sandbox`]: [`Commands`], [`Session`], [`Code`],
//! [`Files`] and [`Egress`]. They are cheap to create and to clone.

use std::collections::HashMap;
use std::fmt;
use std::ops::RangeBounds;
use std::path::Path;

use bytes::Bytes;

use super::background::BackgroundCommand;
use super::{ExecdSource, Sandbox};
use crate::egress::EgressClient;
use crate::egress::types::{NetworkRule, PolicyStatusResponse};
use crate::error::Result;
use crate::execd::types::{CodeContext, FileInfo, Permission};
use crate::execd::{
    CodeRequest, CommandLogs, CommandRequest, CommandStatus, ContextRequest, Download, ExecdClient,
    SessionCommand, SessionOptions, UploadFile,
};
use crate::execution::Execution;
use crate::stream::{EventStream, StreamEvent};

/// Shell commands in a sandbox ([`Sandbox::commands`]).
#[derive(Clone)]
pub struct Commands {
    source: ExecdSource,
}

impl fmt::Debug for Commands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Commands")
            .field("execd", &self.source.get().base_url())
            .finish()
    }
}

impl Commands {
    pub(crate) fn new(source: ExecdSource) -> Self {
        Commands { source }
    }

    /// Runs a command and waits for it, collecting stdout, stderr and the exit code
    /// into an [`Execution`]. A non-zero exit is not an `Err`: check
    /// [`Execution::exit_code`].
    pub async fn run(&self, request: impl Into<CommandRequest>) -> Result<Execution> {
        self.source.get().run_command(request).await
    }

    /// Runs a command and returns its events as they arrive; the stream ends at the
    /// terminal event.
    pub async fn run_stream(&self, request: impl Into<CommandRequest>) -> Result<EventStream> {
        self.source.get().run_command_stream(request).await
    }

    /// Runs a command, calling `handler` with every event; a handler error stops
    /// reading and comes back as [`Error::Handler`](crate::Error::Handler).
    pub async fn run_with_handler<F, E>(
        &self,
        request: impl Into<CommandRequest>,
        handler: F,
    ) -> Result<()>
    where
        F: FnMut(&StreamEvent) -> std::result::Result<(), E>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        self.source
            .get()
            .run_command_with_handler(request, handler)
            .await
    }

    /// Starts a command in the background and returns a handle to follow its output
    /// and wait for its exit ([`BackgroundCommand`]).
    pub async fn background(
        &self,
        request: impl Into<CommandRequest>,
    ) -> Result<BackgroundCommand> {
        let id = self.source.get().start_background_command(request).await?;
        Ok(BackgroundCommand::from_source(self.source.clone(), id))
    }

    /// A handle to an existing background command.
    pub fn attach(&self, command_id: impl Into<String>) -> BackgroundCommand {
        BackgroundCommand::from_source(self.source.clone(), command_id.into())
    }

    /// The state of a command (running, exit code once ended).
    pub async fn status(&self, command_id: &str) -> Result<CommandStatus> {
        self.source.get().command_status(command_id).await
    }

    /// A background command's output since `cursor` (a byte offset).
    pub async fn logs(&self, command_id: &str, cursor: Option<u64>) -> Result<CommandLogs> {
        self.source.get().command_logs(command_id, cursor).await
    }

    /// Interrupts a running command.
    pub async fn interrupt(&self, command_id: &str) -> Result<()> {
        self.source.get().interrupt_command(command_id).await
    }

    /// Opens a persistent bash session.
    pub async fn create_session(&self, options: SessionOptions) -> Result<Session> {
        let id = self.source.get().create_session(options).await?;
        Ok(Session {
            id,
            source: self.source.clone(),
        })
    }

    /// A handle to an existing session.
    pub fn session(&self, session_id: impl Into<String>) -> Session {
        Session {
            id: session_id.into(),
            source: self.source.clone(),
        }
    }
}

/// A persistent bash session: directory, variables and functions carry over between
/// runs ([`Commands::create_session`]). Close it with [`Session::close`].
#[derive(Clone)]
pub struct Session {
    id: String,
    source: ExecdSource,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session").field("id", &self.id).finish()
    }
}

impl Session {
    /// The session id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Runs a command line in the session and waits for it.
    pub async fn run(&self, command: impl Into<SessionCommand>) -> Result<Execution> {
        self.source.get().run_in_session(&self.id, command).await
    }

    /// Runs a command line in the session and returns its events as they arrive.
    pub async fn run_stream(&self, command: impl Into<SessionCommand>) -> Result<EventStream> {
        self.source
            .get()
            .run_in_session_stream(&self.id, command)
            .await
    }

    /// Runs a command line in the session, calling `handler` with every event.
    pub async fn run_with_handler<F, E>(
        &self,
        command: impl Into<SessionCommand>,
        handler: F,
    ) -> Result<()>
    where
        F: FnMut(&StreamEvent) -> std::result::Result<(), E>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        self.source
            .get()
            .run_in_session_with_handler(&self.id, command, handler)
            .await
    }

    /// Closes the session, killing anything still running in it.
    pub async fn close(&self) -> Result<()> {
        self.source.get().delete_session(&self.id).await
    }
}

/// Code contexts and code runs in a sandbox ([`Sandbox::code`]).
#[derive(Clone, Debug)]
pub struct Code {
    execd: ExecdClient,
}

impl Code {
    pub(crate) fn new(execd: ExecdClient) -> Self {
        Code { execd }
    }

    /// Starts an interpreter context (`"python"`, or a [`ContextRequest`]).
    pub async fn create_context(&self, request: impl Into<ContextRequest>) -> Result<CodeContext> {
        self.execd.create_context(request).await
    }

    /// Looks up a context.
    pub async fn get_context(&self, context_id: &str) -> Result<CodeContext> {
        self.execd.get_context(context_id).await
    }

    /// Lists the contexts of one language.
    pub async fn list_contexts(&self, language: &str) -> Result<Vec<CodeContext>> {
        self.execd.list_contexts(language).await
    }

    /// Shuts down a context.
    pub async fn delete_context(&self, context_id: &str) -> Result<()> {
        self.execd.delete_context(context_id).await
    }

    /// Shuts down every context of one language.
    pub async fn delete_contexts(&self, language: &str) -> Result<()> {
        self.execd.delete_contexts(language).await
    }

    /// Runs code and waits for it, collecting output, results and any error.
    pub async fn run(&self, request: impl Into<CodeRequest>) -> Result<Execution> {
        self.execd.run_code(request).await
    }

    /// Runs code and returns its events as they arrive.
    pub async fn run_stream(&self, request: impl Into<CodeRequest>) -> Result<EventStream> {
        self.execd.run_code_stream(request).await
    }

    /// Runs code, calling `handler` with every event.
    pub async fn run_with_handler<F, E>(
        &self,
        request: impl Into<CodeRequest>,
        handler: F,
    ) -> Result<()>
    where
        F: FnMut(&StreamEvent) -> std::result::Result<(), E>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        self.execd.run_code_with_handler(request, handler).await
    }

    /// Interrupts running code by its execution id.
    pub async fn interrupt(&self, execution_id: &str) -> Result<()> {
        self.execd.interrupt_code(execution_id).await
    }
}

/// Files and directories in a sandbox ([`Sandbox::files`]).
#[derive(Clone, Debug)]
pub struct Files {
    execd: ExecdClient,
}

impl Files {
    pub(crate) fn new(execd: ExecdClient) -> Self {
        Files { execd }
    }

    /// Writes `content` to `path` (created or replaced).
    pub async fn write(&self, path: &str, content: impl Into<Bytes>) -> Result<()> {
        self.execd.write_file(path, content).await
    }

    /// Reads a whole file.
    pub async fn read(&self, path: &str) -> Result<Bytes> {
        self.execd.read_file(path).await
    }

    /// Reads a file as (lossy) UTF-8 text.
    pub async fn read_to_string(&self, path: &str) -> Result<String> {
        let bytes = self.execd.read_file(path).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Reads the lines `range` of a text file ([`ExecdClient::read_lines`]).
    ///
    /// # Errors
    ///
    /// As [`ExecdClient::read_lines`].
    pub async fn read_lines(&self, path: &str, range: crate::execd::LineRange) -> Result<String> {
        self.execd.read_lines(path, range).await
    }

    /// Uploads files (streamed; metadata such as owner and mode per file).
    pub async fn upload(&self, files: impl IntoIterator<Item = UploadFile>) -> Result<()> {
        self.execd.upload(files).await
    }

    /// Downloads a file as a stream.
    pub async fn download(&self, path: &str) -> Result<Download> {
        self.execd.download(path).await
    }

    /// Downloads a byte range of a file.
    pub async fn download_range(
        &self,
        path: &str,
        range: impl RangeBounds<u64>,
    ) -> Result<Download> {
        self.execd.download_range(path, range).await
    }

    /// Downloads a file into a local path; returns the bytes written.
    pub async fn download_to_path(&self, path: &str, local: impl AsRef<Path>) -> Result<u64> {
        self.execd.download_to_path(path, local).await
    }

    /// Metadata of files.
    pub async fn info<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<HashMap<String, FileInfo>> {
        self.execd.file_info(paths).await
    }

    /// Deletes files.
    pub async fn delete<P: AsRef<str>>(&self, paths: impl IntoIterator<Item = P>) -> Result<()> {
        self.execd.delete_files(paths).await
    }

    /// Moves or renames files: `(source, destination)` pairs.
    pub async fn rename<S: Into<String>, D: Into<String>>(
        &self,
        moves: impl IntoIterator<Item = (S, D)>,
    ) -> Result<()> {
        self.execd.move_files(moves).await
    }

    /// Sets owner, group and mode of files.
    pub async fn set_permissions<P: Into<String>>(
        &self,
        entries: impl IntoIterator<Item = (P, Permission)>,
    ) -> Result<()> {
        self.execd.set_permissions(entries).await
    }

    /// Finds files under `path` matching a glob `pattern`.
    pub async fn search(&self, path: &str, pattern: Option<&str>) -> Result<Vec<FileInfo>> {
        self.execd.search_files(path, pattern).await
    }

    /// Replaces text in files: `(path, old, new)`; returns the replacements per file.
    pub async fn replace_content<P, O, N>(
        &self,
        replacements: impl IntoIterator<Item = (P, O, N)>,
    ) -> Result<HashMap<String, u64>>
    where
        P: Into<String>,
        O: Into<String>,
        N: Into<String>,
    {
        self.execd.replace_content(replacements).await
    }

    /// Lists a directory (to `depth` levels).
    pub async fn list(&self, path: &str, depth: Option<u32>) -> Result<Vec<FileInfo>> {
        self.execd.list_directory(path, depth).await
    }

    /// Creates directories (with parents) with the given permissions.
    pub async fn create_directories<P: Into<String>>(
        &self,
        entries: impl IntoIterator<Item = (P, Permission)>,
    ) -> Result<()> {
        self.execd.create_directories(entries).await
    }

    /// Deletes directories recursively.
    pub async fn delete_directories<P: AsRef<str>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        self.execd.delete_directories(paths).await
    }

    /// The execd client, for anything else.
    pub fn client(&self) -> &ExecdClient {
        &self.execd
    }
}

/// The network policy of a sandbox, through its egress sidecar ([`Sandbox::egress`]).
/// The sidecar's endpoint is resolved on first use.
#[derive(Clone, Debug)]
pub struct Egress {
    sandbox: Sandbox,
}

impl Egress {
    pub(crate) fn new(sandbox: Sandbox) -> Self {
        Egress { sandbox }
    }

    /// The policy being enforced, with its derived state.
    pub async fn policy(&self) -> Result<PolicyStatusResponse> {
        self.client().await?.get_policy().await
    }

    /// Merges rules into the policy (a rule for a target already present replaces it;
    /// new rules are evaluated first). Accepts a [`super::NetworkPolicy`]'s
    /// [`egress_rules`](super::NetworkPolicy::egress_rules) or egress API rules.
    pub async fn patch_policy(&self, rules: Vec<NetworkRule>) -> Result<PolicyStatusResponse> {
        for r in &rules {
            super::create::check_target(&r.target)?;
        }
        self.client().await?.patch_policy(rules).await
    }

    /// Allows traffic to these targets (`api.example.com`, `*.example.com`).
    pub async fn allow<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatusResponse> {
        self.patch_policy(rules("allow", targets)).await
    }

    /// Denies traffic to these targets.
    pub async fn deny<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatusResponse> {
        self.patch_policy(rules("deny", targets)).await
    }

    /// Removes the rules for these targets.
    pub async fn remove_rules<T: Into<String>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<PolicyStatusResponse> {
        let targets: Vec<String> = targets.into_iter().map(Into::into).collect();
        self.client().await?.delete_policy_rules(targets).await
    }

    /// The egress client (for the credential vault and anything else).
    pub async fn client(&self) -> Result<EgressClient> {
        self.sandbox.egress_client().await
    }
}

fn rules<T: Into<String>>(action: &str, targets: impl IntoIterator<Item = T>) -> Vec<NetworkRule> {
    targets
        .into_iter()
        .map(|t| NetworkRule {
            action: action.into(),
            target: t.into(),
        })
        .collect()
}
