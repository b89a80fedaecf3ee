// @generated from specs/execd-api.yaml by `cargo xtask codegen`. Do not edit: change the specs or xtask and regenerate.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///A stateful interpreter context.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CodeContext {
        ///Context id assigned by execd; absent when a request only names a language.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///Runtime the context belongs to.
        pub language: ::std::string::String,
    }
    impl CodeContext {
        pub fn builder() -> builder::CodeContext {
            Default::default()
        }
    }
    ///Which runtime a new code context should use.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CodeContextRequest {
        ///Runtime name, for example `python`, `bash` or `java`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub language: ::std::option::Option<::std::string::String>,
    }
    impl CodeContextRequest {
        pub fn builder() -> builder::CodeContextRequest {
            Default::default()
        }
    }
    ///State of a command started with `POST /command`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CommandStatusResponse {
        ///The command line that was run.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<::std::string::String>,
        ///Why the command failed, when it did.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<::std::string::String>,
        ///Exit status once the process has ended; absent or null while it runs, which means unknown rather than 0.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub exit_code: ::std::option::Option<i32>,
        ///When the process ended (RFC 3339); absent or null while it runs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub finished_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///Command id, as announced by the `init` event.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///True until the process has exited.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub running: ::std::option::Option<bool>,
        ///When the process started (RFC 3339).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub started_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
    }
    impl CommandStatusResponse {
        pub fn builder() -> builder::CommandStatusResponse {
            Default::default()
        }
    }
    ///Options for a new bash session. All fields are optional and the body may be empty.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CreateSessionRequest {
        ///Directory the shell starts in.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cwd: ::std::option::Option<::std::string::String>,
    }
    impl CreateSessionRequest {
        pub fn builder() -> builder::CreateSessionRequest {
            Default::default()
        }
    }
    ///Identifier of a newly opened bash session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct CreateSessionResponse {
        ///Pass this to `POST /session/{sessionId}/run` and `DELETE /session/{sessionId}`.
        pub session_id: ::std::string::String,
    }
    impl CreateSessionResponse {
        pub fn builder() -> builder::CreateSessionResponse {
            Default::default()
        }
    }
    /**Body of execd's error replies. A 401 from the token check is the
exception and has the shape `{"error": "..."}` instead.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ErrorResponse {
        /**Stable machine-readable code such as `INVALID_REQUEST_BODY`,
`MISSING_QUERY`, `FILE_NOT_FOUND`, `CONTEXT_NOT_FOUND`,
`NOT_SUPPORTED` or `RUNTIME_ERROR`.
*/
        pub code: ::std::string::String,
        ///Explanation meant for people; do not match on it.
        pub message: ::std::string::String,
    }
    impl ErrorResponse {
        pub fn builder() -> builder::ErrorResponse {
            Default::default()
        }
    }
    ///Metadata of one file system entry.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct FileInfo {
        ///Creation time as reported by the file system.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///Owning group name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub group: ::std::option::Option<::std::string::String>,
        ///Permission bits as octal digits in a decimal integer (`644` = rw-r--r--).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub mode: ::std::option::Option<i64>,
        ///Time of the last content change.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub modified_at: ::std::option::Option<
            ::chrono::DateTime<::chrono::offset::Utc>,
        >,
        ///Owning user name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub owner: ::std::option::Option<::std::string::String>,
        ///Absolute path of the entry.
        pub path: ::std::string::String,
        ///Size in bytes.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::types::FileInfoType>,
    }
    impl FileInfo {
        pub fn builder() -> builder::FileInfo {
            Default::default()
        }
    }
    /**Where and how to store an uploaded file. Sent as the JSON body of the
`metadata` part that precedes each `file` part in `POST /files/upload`.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct FileMetadata {
        ///Group name to own the new file.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub group: ::std::option::Option<::std::string::String>,
        ///Permission bits as octal digits in a decimal integer, e.g. `644`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub mode: ::std::option::Option<i64>,
        ///User name to own the new file.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub owner: ::std::option::Option<::std::string::String>,
        ///Destination path inside the sandbox.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub path: ::std::option::Option<::std::string::String>,
    }
    impl FileMetadata {
        pub fn builder() -> builder::FileMetadata {
            Default::default()
        }
    }
    ///One CPU and memory measurement of the sandbox.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Metrics {
        ///CPUs available to the sandbox (may be fractional under a quota).
        pub cpu_count: f32,
        ///CPU utilisation in percent.
        pub cpu_used_pct: f32,
        ///Memory limit in MiB.
        pub mem_total_mib: f32,
        ///Memory in use in MiB.
        pub mem_used_mib: f32,
        ///Sampling time in Unix milliseconds.
        pub timestamp: i64,
    }
    impl Metrics {
        pub fn builder() -> builder::Metrics {
            Default::default()
        }
    }
    ///Desired ownership and permission bits for a path.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct Permission {
        ///Group name to own the path; unchanged when omitted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub group: ::std::option::Option<::std::string::String>,
        ///Permission bits as octal digits in a decimal integer, e.g. `755`.
        pub mode: i64,
        ///User name to own the path; unchanged when omitted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub owner: ::std::option::Option<::std::string::String>,
    }
    impl Permission {
        pub fn builder() -> builder::Permission {
            Default::default()
        }
    }
    ///Options of a new PTY session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PtyCreateRequest {
        ///A command line run by bash instead of an interactive shell.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub command: ::std::option::Option<::std::string::String>,
        ///Working directory of the shell (default the sandbox's).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cwd: ::std::option::Option<::std::string::String>,
    }
    impl PtyCreateRequest {
        pub fn builder() -> builder::PtyCreateRequest {
            Default::default()
        }
    }
    ///A new PTY session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PtyCreateResponse {
        ///Id of the session.
        pub session_id: ::std::string::String,
    }
    impl PtyCreateResponse {
        pub fn builder() -> builder::PtyCreateResponse {
            Default::default()
        }
    }
    ///State of a PTY session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct PtySessionStatus {
        ///Total bytes of output so far.
        pub output_offset: i64,
        ///Whether the shell has started and not yet exited.
        pub running: bool,
        ///Id of the session.
        pub session_id: ::std::string::String,
    }
    impl PtySessionStatus {
        pub fn builder() -> builder::PtySessionStatus {
            Default::default()
        }
    }
    ///A single move, from `src` to `dest`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct RenameFileItem {
        ///New path; its parent directory must already exist.
        pub dest: ::std::string::String,
        ///Current path.
        pub src: ::std::string::String,
    }
    impl RenameFileItem {
        pub fn builder() -> builder::RenameFileItem {
            Default::default()
        }
    }
    ///A literal search-and-replace pair applied to one file.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ReplaceFileContentItem {
        ///Text to put in its place; may be empty to delete matches.
        pub new: ::std::string::String,
        ///Text to look for; an empty string is not allowed.
        pub old: ReplaceFileContentItemOld,
    }
    impl ReplaceFileContentItem {
        pub fn builder() -> builder::ReplaceFileContentItem {
            Default::default()
        }
    }
    ///Text to look for; an empty string is not allowed.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ReplaceFileContentItemOld(::std::string::String);
    impl ::std::ops::Deref for ReplaceFileContentItemOld {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<ReplaceFileContentItemOld> for ::std::string::String {
        fn from(value: ReplaceFileContentItemOld) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for ReplaceFileContentItemOld {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for ReplaceFileContentItemOld {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ReplaceFileContentItemOld {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ReplaceFileContentItemOld {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///Outcome of a replacement in one file (only with `verbose=true`).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ReplaceFileContentResult {
        ///How many occurrences were substituted; 0 when the text was absent.
        #[serde(rename = "replacedCount")]
        pub replaced_count: i64,
    }
    impl ReplaceFileContentResult {
        pub fn builder() -> builder::ReplaceFileContentResult {
            Default::default()
        }
    }
    ///A snippet to execute, optionally inside an existing context.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct RunCodeRequest {
        ///Source text handed to the interpreter as one cell.
        pub code: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub context: ::std::option::Option<CodeContext>,
    }
    impl RunCodeRequest {
        pub fn builder() -> builder::RunCodeRequest {
            Default::default()
        }
    }
    ///A shell command and the options for running it.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct RunCommandRequest {
        /**When true the call returns right after the process starts and the
output is collected for `GET /command/{id}/logs`.
*/
        #[serde(default)]
        pub background: bool,
        ///Command line, interpreted by a shell.
        pub command: ::std::string::String,
        ///Directory to run in.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cwd: ::std::option::Option<::std::string::String>,
        ///Extra environment variables for the process, name to value.
        #[serde(
            default,
            skip_serializing_if = ":: std :: collections :: HashMap::is_empty"
        )]
        pub envs: ::std::collections::HashMap<
            ::std::string::String,
            ::std::string::String,
        >,
        ///Numeric group id to run as. Only valid together with `uid`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub gid: ::std::option::Option<i32>,
        ///Kill the process after this many milliseconds. Omit for no limit.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timeout: ::std::option::Option<i64>,
        ///Numeric user id to run as. Must be set whenever `gid` is set.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub uid: ::std::option::Option<i32>,
    }
    impl RunCommandRequest {
        pub fn builder() -> builder::RunCommandRequest {
            Default::default()
        }
    }
    ///One command line to execute inside an existing bash session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct RunInSessionRequest {
        ///Shell text to run; it may change the session's directory or environment.
        pub command: ::std::string::String,
        ///Directory to run this command in, overriding the session's current one.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cwd: ::std::option::Option<::std::string::String>,
        ///Time limit in milliseconds. Leave it out for no limit.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timeout: ::std::option::Option<i64>,
    }
    impl RunInSessionRequest {
        pub fn builder() -> builder::RunInSessionRequest {
            Default::default()
        }
    }
    /**One event from a command, session or code stream. On the wire execd
writes each as a bare JSON object followed by a blank line (proxies may
add `data:` framing). Every field is optional; which ones appear depends
on `type`.
*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ServerStreamEvent {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error: ::std::option::Option<ServerStreamEventError>,
        ///Kernel cell counter, sent with code runs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub execution_count: ::std::option::Option<i64>,
        ///Run duration in milliseconds, reported on `execution_complete`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub execution_time: ::std::option::Option<i64>,
        /**Rich output of a `result` event keyed by MIME type. Execd stores the
plain-text rendering under `text` (not `text/plain`); other keys such
as `text/html` or `image/png` pass through, and their values are not
guaranteed to be strings.
*/
        #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
        pub results: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        /**Payload text: the output chunk for `stdout`/`stderr`, the execution
id for `init`, the kernel state for `status`, `pong` for `ping`.
*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub text: ::std::option::Option<::std::string::String>,
        ///Server time of the event in Unix milliseconds.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub timestamp: ::std::option::Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<crate::types::ServerStreamEventType>,
    }
    impl ServerStreamEvent {
        pub fn builder() -> builder::ServerStreamEvent {
            Default::default()
        }
    }
    ///Failure details, present on `error` events.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
    pub struct ServerStreamEventError {
        ///Exception class, or `CommandExecError` for a non-zero exit.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ename: ::std::option::Option<::std::string::String>,
        ///Exception message; for `CommandExecError`, the exit code as text.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub evalue: ::std::option::Option<::std::string::String>,
        ///Formatted traceback lines, possibly empty.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub traceback: ::std::vec::Vec<::std::string::String>,
    }
    impl ServerStreamEventError {
        pub fn builder() -> builder::ServerStreamEventError {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct CodeContext {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            language: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CodeContext {
            fn default() -> Self {
                Self {
                    id: Ok(Default::default()),
                    language: Err("no value supplied for language".to_string()),
                }
            }
        }
        impl CodeContext {
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn language<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.language = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for language: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CodeContext> for super::CodeContext {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CodeContext,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    language: value.language?,
                })
            }
        }
        impl ::std::convert::From<super::CodeContext> for CodeContext {
            fn from(value: super::CodeContext) -> Self {
                Self {
                    id: Ok(value.id),
                    language: Ok(value.language),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CodeContextRequest {
            language: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CodeContextRequest {
            fn default() -> Self {
                Self {
                    language: Ok(Default::default()),
                }
            }
        }
        impl CodeContextRequest {
            pub fn language<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.language = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for language: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CodeContextRequest> for super::CodeContextRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CodeContextRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { language: value.language? })
            }
        }
        impl ::std::convert::From<super::CodeContextRequest> for CodeContextRequest {
            fn from(value: super::CodeContextRequest) -> Self {
                Self {
                    language: Ok(value.language),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CommandStatusResponse {
            content: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            exit_code: ::std::result::Result<
                ::std::option::Option<i32>,
                ::std::string::String,
            >,
            finished_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            running: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            started_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CommandStatusResponse {
            fn default() -> Self {
                Self {
                    content: Ok(Default::default()),
                    error: Ok(Default::default()),
                    exit_code: Ok(Default::default()),
                    finished_at: Ok(Default::default()),
                    id: Ok(Default::default()),
                    running: Ok(Default::default()),
                    started_at: Ok(Default::default()),
                }
            }
        }
        impl CommandStatusResponse {
            pub fn content<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.content = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for content: {e}")
                    });
                self
            }
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    });
                self
            }
            pub fn exit_code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i32>>,
                T::Error: ::std::fmt::Display,
            {
                self.exit_code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for exit_code: {e}")
                    });
                self
            }
            pub fn finished_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.finished_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for finished_at: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn running<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.running = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for running: {e}")
                    });
                self
            }
            pub fn started_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.started_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for started_at: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CommandStatusResponse>
        for super::CommandStatusResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CommandStatusResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    content: value.content?,
                    error: value.error?,
                    exit_code: value.exit_code?,
                    finished_at: value.finished_at?,
                    id: value.id?,
                    running: value.running?,
                    started_at: value.started_at?,
                })
            }
        }
        impl ::std::convert::From<super::CommandStatusResponse>
        for CommandStatusResponse {
            fn from(value: super::CommandStatusResponse) -> Self {
                Self {
                    content: Ok(value.content),
                    error: Ok(value.error),
                    exit_code: Ok(value.exit_code),
                    finished_at: Ok(value.finished_at),
                    id: Ok(value.id),
                    running: Ok(value.running),
                    started_at: Ok(value.started_at),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateSessionRequest {
            cwd: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateSessionRequest {
            fn default() -> Self {
                Self {
                    cwd: Ok(Default::default()),
                }
            }
        }
        impl CreateSessionRequest {
            pub fn cwd<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.cwd = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for cwd: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateSessionRequest>
        for super::CreateSessionRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateSessionRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { cwd: value.cwd? })
            }
        }
        impl ::std::convert::From<super::CreateSessionRequest> for CreateSessionRequest {
            fn from(value: super::CreateSessionRequest) -> Self {
                Self { cwd: Ok(value.cwd) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateSessionResponse {
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateSessionResponse {
            fn default() -> Self {
                Self {
                    session_id: Err("no value supplied for session_id".to_string()),
                }
            }
        }
        impl CreateSessionResponse {
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateSessionResponse>
        for super::CreateSessionResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateSessionResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    session_id: value.session_id?,
                })
            }
        }
        impl ::std::convert::From<super::CreateSessionResponse>
        for CreateSessionResponse {
            fn from(value: super::CreateSessionResponse) -> Self {
                Self {
                    session_id: Ok(value.session_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ErrorResponse {
            code: ::std::result::Result<::std::string::String, ::std::string::String>,
            message: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for ErrorResponse {
            fn default() -> Self {
                Self {
                    code: Err("no value supplied for code".to_string()),
                    message: Err("no value supplied for message".to_string()),
                }
            }
        }
        impl ErrorResponse {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ErrorResponse> for super::ErrorResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ErrorResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    message: value.message?,
                })
            }
        }
        impl ::std::convert::From<super::ErrorResponse> for ErrorResponse {
            fn from(value: super::ErrorResponse) -> Self {
                Self {
                    code: Ok(value.code),
                    message: Ok(value.message),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct FileInfo {
            created_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            group: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            mode: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            modified_at: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            owner: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            path: ::std::result::Result<::std::string::String, ::std::string::String>,
            size: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::types::FileInfoType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for FileInfo {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    group: Ok(Default::default()),
                    mode: Ok(Default::default()),
                    modified_at: Ok(Default::default()),
                    owner: Ok(Default::default()),
                    path: Err("no value supplied for path".to_string()),
                    size: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl FileInfo {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn group<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.group = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for group: {e}")
                    });
                self
            }
            pub fn mode<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.mode = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mode: {e}")
                    });
                self
            }
            pub fn modified_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.modified_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for modified_at: {e}")
                    });
                self
            }
            pub fn owner<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.owner = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for owner: {e}")
                    });
                self
            }
            pub fn path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for path: {e}")
                    });
                self
            }
            pub fn size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for size: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::types::FileInfoType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<FileInfo> for super::FileInfo {
            type Error = super::error::ConversionError;
            fn try_from(
                value: FileInfo,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    group: value.group?,
                    mode: value.mode?,
                    modified_at: value.modified_at?,
                    owner: value.owner?,
                    path: value.path?,
                    size: value.size?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::FileInfo> for FileInfo {
            fn from(value: super::FileInfo) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    group: Ok(value.group),
                    mode: Ok(value.mode),
                    modified_at: Ok(value.modified_at),
                    owner: Ok(value.owner),
                    path: Ok(value.path),
                    size: Ok(value.size),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct FileMetadata {
            group: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            mode: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            owner: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            path: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for FileMetadata {
            fn default() -> Self {
                Self {
                    group: Ok(Default::default()),
                    mode: Ok(Default::default()),
                    owner: Ok(Default::default()),
                    path: Ok(Default::default()),
                }
            }
        }
        impl FileMetadata {
            pub fn group<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.group = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for group: {e}")
                    });
                self
            }
            pub fn mode<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.mode = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mode: {e}")
                    });
                self
            }
            pub fn owner<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.owner = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for owner: {e}")
                    });
                self
            }
            pub fn path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.path = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for path: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<FileMetadata> for super::FileMetadata {
            type Error = super::error::ConversionError;
            fn try_from(
                value: FileMetadata,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    group: value.group?,
                    mode: value.mode?,
                    owner: value.owner?,
                    path: value.path?,
                })
            }
        }
        impl ::std::convert::From<super::FileMetadata> for FileMetadata {
            fn from(value: super::FileMetadata) -> Self {
                Self {
                    group: Ok(value.group),
                    mode: Ok(value.mode),
                    owner: Ok(value.owner),
                    path: Ok(value.path),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Metrics {
            cpu_count: ::std::result::Result<f32, ::std::string::String>,
            cpu_used_pct: ::std::result::Result<f32, ::std::string::String>,
            mem_total_mib: ::std::result::Result<f32, ::std::string::String>,
            mem_used_mib: ::std::result::Result<f32, ::std::string::String>,
            timestamp: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for Metrics {
            fn default() -> Self {
                Self {
                    cpu_count: Err("no value supplied for cpu_count".to_string()),
                    cpu_used_pct: Err("no value supplied for cpu_used_pct".to_string()),
                    mem_total_mib: Err(
                        "no value supplied for mem_total_mib".to_string(),
                    ),
                    mem_used_mib: Err("no value supplied for mem_used_mib".to_string()),
                    timestamp: Err("no value supplied for timestamp".to_string()),
                }
            }
        }
        impl Metrics {
            pub fn cpu_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f32>,
                T::Error: ::std::fmt::Display,
            {
                self.cpu_count = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for cpu_count: {e}")
                    });
                self
            }
            pub fn cpu_used_pct<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f32>,
                T::Error: ::std::fmt::Display,
            {
                self.cpu_used_pct = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for cpu_used_pct: {e}")
                    });
                self
            }
            pub fn mem_total_mib<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f32>,
                T::Error: ::std::fmt::Display,
            {
                self.mem_total_mib = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mem_total_mib: {e}")
                    });
                self
            }
            pub fn mem_used_mib<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f32>,
                T::Error: ::std::fmt::Display,
            {
                self.mem_used_mib = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mem_used_mib: {e}")
                    });
                self
            }
            pub fn timestamp<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.timestamp = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timestamp: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Metrics> for super::Metrics {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Metrics,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    cpu_count: value.cpu_count?,
                    cpu_used_pct: value.cpu_used_pct?,
                    mem_total_mib: value.mem_total_mib?,
                    mem_used_mib: value.mem_used_mib?,
                    timestamp: value.timestamp?,
                })
            }
        }
        impl ::std::convert::From<super::Metrics> for Metrics {
            fn from(value: super::Metrics) -> Self {
                Self {
                    cpu_count: Ok(value.cpu_count),
                    cpu_used_pct: Ok(value.cpu_used_pct),
                    mem_total_mib: Ok(value.mem_total_mib),
                    mem_used_mib: Ok(value.mem_used_mib),
                    timestamp: Ok(value.timestamp),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Permission {
            group: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            mode: ::std::result::Result<i64, ::std::string::String>,
            owner: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Permission {
            fn default() -> Self {
                Self {
                    group: Ok(Default::default()),
                    mode: Err("no value supplied for mode".to_string()),
                    owner: Ok(Default::default()),
                }
            }
        }
        impl Permission {
            pub fn group<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.group = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for group: {e}")
                    });
                self
            }
            pub fn mode<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.mode = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for mode: {e}")
                    });
                self
            }
            pub fn owner<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.owner = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for owner: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Permission> for super::Permission {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Permission,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    group: value.group?,
                    mode: value.mode?,
                    owner: value.owner?,
                })
            }
        }
        impl ::std::convert::From<super::Permission> for Permission {
            fn from(value: super::Permission) -> Self {
                Self {
                    group: Ok(value.group),
                    mode: Ok(value.mode),
                    owner: Ok(value.owner),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PtyCreateRequest {
            command: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            cwd: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PtyCreateRequest {
            fn default() -> Self {
                Self {
                    command: Ok(Default::default()),
                    cwd: Ok(Default::default()),
                }
            }
        }
        impl PtyCreateRequest {
            pub fn command<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.command = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for command: {e}")
                    });
                self
            }
            pub fn cwd<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.cwd = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for cwd: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PtyCreateRequest> for super::PtyCreateRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PtyCreateRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    command: value.command?,
                    cwd: value.cwd?,
                })
            }
        }
        impl ::std::convert::From<super::PtyCreateRequest> for PtyCreateRequest {
            fn from(value: super::PtyCreateRequest) -> Self {
                Self {
                    command: Ok(value.command),
                    cwd: Ok(value.cwd),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PtyCreateResponse {
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PtyCreateResponse {
            fn default() -> Self {
                Self {
                    session_id: Err("no value supplied for session_id".to_string()),
                }
            }
        }
        impl PtyCreateResponse {
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PtyCreateResponse> for super::PtyCreateResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PtyCreateResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    session_id: value.session_id?,
                })
            }
        }
        impl ::std::convert::From<super::PtyCreateResponse> for PtyCreateResponse {
            fn from(value: super::PtyCreateResponse) -> Self {
                Self {
                    session_id: Ok(value.session_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PtySessionStatus {
            output_offset: ::std::result::Result<i64, ::std::string::String>,
            running: ::std::result::Result<bool, ::std::string::String>,
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PtySessionStatus {
            fn default() -> Self {
                Self {
                    output_offset: Err(
                        "no value supplied for output_offset".to_string(),
                    ),
                    running: Err("no value supplied for running".to_string()),
                    session_id: Err("no value supplied for session_id".to_string()),
                }
            }
        }
        impl PtySessionStatus {
            pub fn output_offset<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.output_offset = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for output_offset: {e}")
                    });
                self
            }
            pub fn running<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.running = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for running: {e}")
                    });
                self
            }
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PtySessionStatus> for super::PtySessionStatus {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PtySessionStatus,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    output_offset: value.output_offset?,
                    running: value.running?,
                    session_id: value.session_id?,
                })
            }
        }
        impl ::std::convert::From<super::PtySessionStatus> for PtySessionStatus {
            fn from(value: super::PtySessionStatus) -> Self {
                Self {
                    output_offset: Ok(value.output_offset),
                    running: Ok(value.running),
                    session_id: Ok(value.session_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RenameFileItem {
            dest: ::std::result::Result<::std::string::String, ::std::string::String>,
            src: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for RenameFileItem {
            fn default() -> Self {
                Self {
                    dest: Err("no value supplied for dest".to_string()),
                    src: Err("no value supplied for src".to_string()),
                }
            }
        }
        impl RenameFileItem {
            pub fn dest<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.dest = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for dest: {e}")
                    });
                self
            }
            pub fn src<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.src = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for src: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RenameFileItem> for super::RenameFileItem {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RenameFileItem,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    dest: value.dest?,
                    src: value.src?,
                })
            }
        }
        impl ::std::convert::From<super::RenameFileItem> for RenameFileItem {
            fn from(value: super::RenameFileItem) -> Self {
                Self {
                    dest: Ok(value.dest),
                    src: Ok(value.src),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ReplaceFileContentItem {
            new: ::std::result::Result<::std::string::String, ::std::string::String>,
            old: ::std::result::Result<
                super::ReplaceFileContentItemOld,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ReplaceFileContentItem {
            fn default() -> Self {
                Self {
                    new: Err("no value supplied for new".to_string()),
                    old: Err("no value supplied for old".to_string()),
                }
            }
        }
        impl ReplaceFileContentItem {
            pub fn new<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.new = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for new: {e}")
                    });
                self
            }
            pub fn old<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ReplaceFileContentItemOld>,
                T::Error: ::std::fmt::Display,
            {
                self.old = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for old: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ReplaceFileContentItem>
        for super::ReplaceFileContentItem {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ReplaceFileContentItem,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    new: value.new?,
                    old: value.old?,
                })
            }
        }
        impl ::std::convert::From<super::ReplaceFileContentItem>
        for ReplaceFileContentItem {
            fn from(value: super::ReplaceFileContentItem) -> Self {
                Self {
                    new: Ok(value.new),
                    old: Ok(value.old),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ReplaceFileContentResult {
            replaced_count: ::std::result::Result<i64, ::std::string::String>,
        }
        impl ::std::default::Default for ReplaceFileContentResult {
            fn default() -> Self {
                Self {
                    replaced_count: Err(
                        "no value supplied for replaced_count".to_string(),
                    ),
                }
            }
        }
        impl ReplaceFileContentResult {
            pub fn replaced_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<i64>,
                T::Error: ::std::fmt::Display,
            {
                self.replaced_count = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for replaced_count: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ReplaceFileContentResult>
        for super::ReplaceFileContentResult {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ReplaceFileContentResult,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    replaced_count: value.replaced_count?,
                })
            }
        }
        impl ::std::convert::From<super::ReplaceFileContentResult>
        for ReplaceFileContentResult {
            fn from(value: super::ReplaceFileContentResult) -> Self {
                Self {
                    replaced_count: Ok(value.replaced_count),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RunCodeRequest {
            code: ::std::result::Result<::std::string::String, ::std::string::String>,
            context: ::std::result::Result<
                ::std::option::Option<super::CodeContext>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RunCodeRequest {
            fn default() -> Self {
                Self {
                    code: Err("no value supplied for code".to_string()),
                    context: Ok(Default::default()),
                }
            }
        }
        impl RunCodeRequest {
            pub fn code<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.code = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for code: {e}")
                    });
                self
            }
            pub fn context<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::CodeContext>>,
                T::Error: ::std::fmt::Display,
            {
                self.context = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for context: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RunCodeRequest> for super::RunCodeRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RunCodeRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    code: value.code?,
                    context: value.context?,
                })
            }
        }
        impl ::std::convert::From<super::RunCodeRequest> for RunCodeRequest {
            fn from(value: super::RunCodeRequest) -> Self {
                Self {
                    code: Ok(value.code),
                    context: Ok(value.context),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RunCommandRequest {
            background: ::std::result::Result<bool, ::std::string::String>,
            command: ::std::result::Result<::std::string::String, ::std::string::String>,
            cwd: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            envs: ::std::result::Result<
                ::std::collections::HashMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
                ::std::string::String,
            >,
            gid: ::std::result::Result<
                ::std::option::Option<i32>,
                ::std::string::String,
            >,
            timeout: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            uid: ::std::result::Result<
                ::std::option::Option<i32>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RunCommandRequest {
            fn default() -> Self {
                Self {
                    background: Ok(Default::default()),
                    command: Err("no value supplied for command".to_string()),
                    cwd: Ok(Default::default()),
                    envs: Ok(Default::default()),
                    gid: Ok(Default::default()),
                    timeout: Ok(Default::default()),
                    uid: Ok(Default::default()),
                }
            }
        }
        impl RunCommandRequest {
            pub fn background<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.background = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for background: {e}")
                    });
                self
            }
            pub fn command<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.command = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for command: {e}")
                    });
                self
            }
            pub fn cwd<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.cwd = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for cwd: {e}")
                    });
                self
            }
            pub fn envs<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::collections::HashMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.envs = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for envs: {e}")
                    });
                self
            }
            pub fn gid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i32>>,
                T::Error: ::std::fmt::Display,
            {
                self.gid = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for gid: {e}")
                    });
                self
            }
            pub fn timeout<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.timeout = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timeout: {e}")
                    });
                self
            }
            pub fn uid<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i32>>,
                T::Error: ::std::fmt::Display,
            {
                self.uid = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for uid: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RunCommandRequest> for super::RunCommandRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RunCommandRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    background: value.background?,
                    command: value.command?,
                    cwd: value.cwd?,
                    envs: value.envs?,
                    gid: value.gid?,
                    timeout: value.timeout?,
                    uid: value.uid?,
                })
            }
        }
        impl ::std::convert::From<super::RunCommandRequest> for RunCommandRequest {
            fn from(value: super::RunCommandRequest) -> Self {
                Self {
                    background: Ok(value.background),
                    command: Ok(value.command),
                    cwd: Ok(value.cwd),
                    envs: Ok(value.envs),
                    gid: Ok(value.gid),
                    timeout: Ok(value.timeout),
                    uid: Ok(value.uid),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct RunInSessionRequest {
            command: ::std::result::Result<::std::string::String, ::std::string::String>,
            cwd: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            timeout: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for RunInSessionRequest {
            fn default() -> Self {
                Self {
                    command: Err("no value supplied for command".to_string()),
                    cwd: Ok(Default::default()),
                    timeout: Ok(Default::default()),
                }
            }
        }
        impl RunInSessionRequest {
            pub fn command<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.command = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for command: {e}")
                    });
                self
            }
            pub fn cwd<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.cwd = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for cwd: {e}")
                    });
                self
            }
            pub fn timeout<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.timeout = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timeout: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<RunInSessionRequest>
        for super::RunInSessionRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                value: RunInSessionRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    command: value.command?,
                    cwd: value.cwd?,
                    timeout: value.timeout?,
                })
            }
        }
        impl ::std::convert::From<super::RunInSessionRequest> for RunInSessionRequest {
            fn from(value: super::RunInSessionRequest) -> Self {
                Self {
                    command: Ok(value.command),
                    cwd: Ok(value.cwd),
                    timeout: Ok(value.timeout),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ServerStreamEvent {
            error: ::std::result::Result<
                ::std::option::Option<super::ServerStreamEventError>,
                ::std::string::String,
            >,
            execution_count: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            execution_time: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            results: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
            text: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            timestamp: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<crate::types::ServerStreamEventType>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ServerStreamEvent {
            fn default() -> Self {
                Self {
                    error: Ok(Default::default()),
                    execution_count: Ok(Default::default()),
                    execution_time: Ok(Default::default()),
                    results: Ok(Default::default()),
                    text: Ok(Default::default()),
                    timestamp: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl ServerStreamEvent {
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::ServerStreamEventError>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    });
                self
            }
            pub fn execution_count<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.execution_count = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for execution_count: {e}"
                        )
                    });
                self
            }
            pub fn execution_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.execution_time = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for execution_time: {e}"
                        )
                    });
                self
            }
            pub fn results<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.results = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for results: {e}")
                    });
                self
            }
            pub fn text<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.text = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for text: {e}")
                    });
                self
            }
            pub fn timestamp<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.timestamp = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for timestamp: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::types::ServerStreamEventType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ServerStreamEvent> for super::ServerStreamEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ServerStreamEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    error: value.error?,
                    execution_count: value.execution_count?,
                    execution_time: value.execution_time?,
                    results: value.results?,
                    text: value.text?,
                    timestamp: value.timestamp?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ServerStreamEvent> for ServerStreamEvent {
            fn from(value: super::ServerStreamEvent) -> Self {
                Self {
                    error: Ok(value.error),
                    execution_count: Ok(value.execution_count),
                    execution_time: Ok(value.execution_time),
                    results: Ok(value.results),
                    text: Ok(value.text),
                    timestamp: Ok(value.timestamp),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ServerStreamEventError {
            ename: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            evalue: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            traceback: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ServerStreamEventError {
            fn default() -> Self {
                Self {
                    ename: Ok(Default::default()),
                    evalue: Ok(Default::default()),
                    traceback: Ok(Default::default()),
                }
            }
        }
        impl ServerStreamEventError {
            pub fn ename<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.ename = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for ename: {e}")
                    });
                self
            }
            pub fn evalue<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.evalue = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for evalue: {e}")
                    });
                self
            }
            pub fn traceback<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.traceback = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for traceback: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ServerStreamEventError>
        for super::ServerStreamEventError {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ServerStreamEventError,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    ename: value.ename?,
                    evalue: value.evalue?,
                    traceback: value.traceback?,
                })
            }
        }
        impl ::std::convert::From<super::ServerStreamEventError>
        for ServerStreamEventError {
            fn from(value: super::ServerStreamEventError) -> Self {
                Self {
                    ename: Ok(value.ename),
                    evalue: Ok(value.evalue),
                    traceback: Ok(value.traceback),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum FileInfoType {
        ///`file`
        File,
        ///`directory`
        Directory,
        ///`symlink`
        Symlink,
        ///`other`
        Other,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl FileInfoType {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &[
            "file",
            "directory",
            "symlink",
            "other",
        ];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::File => "file",
                Self::Directory => "directory",
                Self::Symlink => "symlink",
                Self::Other => "other",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for FileInfoType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for FileInfoType {
        fn from(value: &str) -> Self {
            match value {
                "file" => Self::File,
                "directory" => Self::Directory,
                "symlink" => Self::Symlink,
                "other" => Self::Other,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for FileInfoType {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "file" => Self::File,
                "directory" => Self::Directory,
                "symlink" => Self::Symlink,
                "other" => Self::Other,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for FileInfoType {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for FileInfoType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for FileInfoType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::std::string::String as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            Ok(Self::from(value))
        }
    }
    #[cfg(feature = "schemars")]
    impl ::schemars::JsonSchema for FileInfoType {
        fn schema_name() -> ::std::string::String {
            stringify!(FileInfoType).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("file"),
                        ::serde_json::Value::from("directory"),
                        ::serde_json::Value::from("symlink"),
                        ::serde_json::Value::from("other")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
    ///Open enum: values this SDK does not know decode into `Unknown`.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ServerStreamEventType {
        ///`init`
        Init,
        ///`status`
        Status,
        ///`error`
        Error,
        ///`stdout`
        Stdout,
        ///`stderr`
        Stderr,
        ///`result`
        Result,
        ///`execution_complete`
        ExecutionComplete,
        ///`execution_count`
        ExecutionCount,
        ///`ping`
        Ping,
        /// A value this version of the SDK does not know, kept as the server sent it.
        Unknown(::std::string::String),
    }
    impl ServerStreamEventType {
        /// Every value this version of the SDK knows.
        pub const KNOWN: &'static [&'static str] = &[
            "init",
            "status",
            "error",
            "stdout",
            "stderr",
            "result",
            "execution_complete",
            "execution_count",
            "ping",
        ];
        /// The value as it appears on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Init => "init",
                Self::Status => "status",
                Self::Error => "error",
                Self::Stdout => "stdout",
                Self::Stderr => "stderr",
                Self::Result => "result",
                Self::ExecutionComplete => "execution_complete",
                Self::ExecutionCount => "execution_count",
                Self::Ping => "ping",
                Self::Unknown(other) => other.as_str(),
            }
        }
        /// Whether this is a value the SDK does not know.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
    }
    impl ::std::fmt::Display for ServerStreamEventType {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::std::convert::From<&str> for ServerStreamEventType {
        fn from(value: &str) -> Self {
            match value {
                "init" => Self::Init,
                "status" => Self::Status,
                "error" => Self::Error,
                "stdout" => Self::Stdout,
                "stderr" => Self::Stderr,
                "result" => Self::Result,
                "execution_complete" => Self::ExecutionComplete,
                "execution_count" => Self::ExecutionCount,
                "ping" => Self::Ping,
                other => Self::Unknown(other.to_string()),
            }
        }
    }
    impl ::std::convert::From<::std::string::String> for ServerStreamEventType {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "init" => Self::Init,
                "status" => Self::Status,
                "error" => Self::Error,
                "stdout" => Self::Stdout,
                "stderr" => Self::Stderr,
                "result" => Self::Result,
                "execution_complete" => Self::ExecutionComplete,
                "execution_count" => Self::ExecutionCount,
                "ping" => Self::Ping,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::std::str::FromStr for ServerStreamEventType {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::serde::Serialize for ServerStreamEventType {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ServerStreamEventType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::std::string::String as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            Ok(Self::from(value))
        }
    }
    #[cfg(feature = "schemars")]
    impl ::schemars::JsonSchema for ServerStreamEventType {
        fn schema_name() -> ::std::string::String {
            stringify!(ServerStreamEventType).to_string()
        }
        fn json_schema(
            _: &mut ::schemars::r#gen::SchemaGenerator,
        ) -> ::schemars::schema::Schema {
            ::schemars::schema::SchemaObject {
                instance_type: Some(::schemars::schema::InstanceType::String.into()),
                enum_values: Some(
                    vec![
                        ::serde_json::Value::from("init"),
                        ::serde_json::Value::from("status"),
                        ::serde_json::Value::from("error"),
                        ::serde_json::Value::from("stdout"),
                        ::serde_json::Value::from("stderr"),
                        ::serde_json::Value::from("result"),
                        ::serde_json::Value::from("execution_complete"),
                        ::serde_json::Value::from("execution_count"),
                        ::serde_json::Value::from("ping")
                    ],
                ),
                ..Default::default()
            }
                .into()
        }
    }
}
#[derive(Clone, Debug)]
/**Client for OpenSandbox Execd API

Execd is the agent that runs inside every OpenSandbox sandbox (port 44772 by
default). Through it a client runs shell commands and interpreter code, keeps
stateful bash sessions and code contexts, reads and writes the sandbox file
system, and samples CPU and memory usage.

This document is the OpenSandbox Rust SDK's own description of the execd
wire protocol. Its paths, operation ids, schemas and component names match
the upstream specification exactly; the prose is written for SDK users and
records where the running server behaves differently from what a strict
reading of the schema suggests.

## Reaching execd
Obtain the base address from the lifecycle API
(`GET /sandboxes/{id}/endpoints/44772`). The returned endpoint has no scheme
and may contain a path prefix such as `/proxy/44772`: append the paths below
to that prefix instead of replacing it, and send every header the endpoint
lookup returned on each request. Never send the lifecycle API key here.

## Authentication
When execd was started with an access token, every request must carry it in
`X-EXECD-ACCESS-TOKEN`. Without a token configured the header is ignored.

## Errors
Failures are JSON objects of the form `{"code": "...", "message": "..."}`.
Codes seen in practice include `INVALID_REQUEST_BODY`, `MISSING_QUERY`,
`RUNTIME_ERROR`, `FILE_NOT_FOUND`, `CONTEXT_NOT_FOUND` and `NOT_SUPPORTED`.
The one exception is a rejected token: a 401 body is `{"error": "..."}`.

## Streaming responses
`POST /command`, `POST /code` and `POST /session/{sessionId}/run` reply with
`Content-Type: text/event-stream`, but execd itself does not use SSE framing:
each event is a bare JSON object (a `ServerStreamEvent`) followed by one
blank line, with no `data:` prefix and no `event:` line. Gateways and proxies
in front of execd may re-frame the same objects as standard `data: {...}`
lines, so a client has to accept both shapes. A strict SSE parser sees no
events at all when talking to execd directly.

- The first event is `init`; its `text` is the execution id used for
  interrupts, status and log lookups.
- `ping` events (`text` = `pong`) arrive every 3 seconds as a keep-alive and
  carry no output.
- A run ends with exactly one terminal event: `execution_complete` on
  success, or `error` on failure (there is no `execution_complete` after an
  `error`). A command that exits non-zero ends with an `error` whose `ename`
  is `CommandExecError` and whose `evalue` is the exit code as a string.
- The server keeps the connection open for about one second after the
  terminal event. Stop reading at the terminal event instead of waiting for
  end-of-stream.
- Problems detected before streaming starts come back as ordinary JSON
  error responses (400, 404, 500).
- Tolerate event types that are not listed in the enum.

Streams should be guarded with a connect timeout and an idle watchdog rather
than a total request deadline, since long commands are legitimate.

## Times and units
Event and metric timestamps are Unix epoch milliseconds; command status
times are RFC 3339 strings. Durations and timeouts are milliseconds.
Permission `mode` values are the octal digits written as a decimal integer,
so `755` means `rwxr-xr-x`.


Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::hooks::RequestOptions,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: crate::hooks::RequestOptions) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::hooks::RequestOptions,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::hooks::RequestOptions> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::hooks::RequestOptions {
        &self.inner
    }
}
impl ClientHooks<crate::hooks::RequestOptions> for &Client {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        crate::hooks::exec(
                ClientInfo::client(*self),
                ClientInfo::inner(*self),
                crate::operations::operation(info.operation_id),
                request,
            )
            .await
    }
}
impl Client {
    /**Check that execd is up

Answers 200 with an empty body as soon as execd can serve requests.
Useful for readiness polling right after a sandbox has been created.


Sends a `GET` request to `/ping`

```ignore
let response = client.ping()
    .send()
    .await;
```*/
    pub fn ping(&self) -> builder::Ping<'_> {
        builder::Ping::new(self)
    }
    /**List code contexts for a language

Returns the interpreter contexts that currently exist for the given
runtime. The `language` query parameter is mandatory.


Sends a `GET` request to `/code/contexts`

Arguments:
- `language`: Runtime whose contexts to list, for example `python` or `bash`.
```ignore
let response = client.list_contexts()
    .language(language)
    .send()
    .await;
```*/
    pub fn list_contexts(&self) -> builder::ListContexts<'_> {
        builder::ListContexts::new(self)
    }
    /**Delete every context of a language

Shuts down all interpreter contexts that belong to one runtime in a
single call. Handy for cleaning up after a batch of code runs.


Sends a `DELETE` request to `/code/contexts`

Arguments:
- `language`: Runtime whose contexts are removed; omitting it yields `MISSING_QUERY`.
```ignore
let response = client.delete_contexts_by_language()
    .language(language)
    .send()
    .await;
```*/
    pub fn delete_contexts_by_language(&self) -> builder::DeleteContextsByLanguage<'_> {
        builder::DeleteContextsByLanguage::new(self)
    }
    /**Look up one code context

Returns the id and runtime of an existing interpreter context. An
unknown id yields 404 with code `CONTEXT_NOT_FOUND`.


Sends a `GET` request to `/code/contexts/{context_id}`

Arguments:
- `context_id`: Id returned when the context was created.
```ignore
let response = client.get_context()
    .context_id(context_id)
    .send()
    .await;
```*/
    pub fn get_context(&self) -> builder::GetContext<'_> {
        builder::GetContext::new(self)
    }
    /**Delete one code context

Stops the interpreter behind the context and frees its memory. Any
variables defined in it are lost. An unknown id yields 404.


Sends a `DELETE` request to `/code/contexts/{context_id}`

Arguments:
- `context_id`: Id of the context to remove.
```ignore
let response = client.delete_context()
    .context_id(context_id)
    .send()
    .await;
```*/
    pub fn delete_context(&self) -> builder::DeleteContext<'_> {
        builder::DeleteContext::new(self)
    }
    /**Create a code context

Starts a new interpreter (a Jupyter kernel) for the requested runtime
and returns its id. Variables, imports and definitions persist between
`POST /code` calls that name this context. Recent servers also accept a
`cwd` field to choose the kernel's starting directory.


Sends a `POST` request to `/code/context`

```ignore
let response = client.create_code_context()
    .body(body)
    .send()
    .await;
```*/
    pub fn create_code_context(&self) -> builder::CreateCodeContext<'_> {
        builder::CreateCodeContext::new(self)
    }
    /**Run code and stream its output

Executes a snippet in an interpreter context and streams events while it
runs. Pass `context` to reuse a context created with
`POST /code/context`; without a context the code runs statelessly.

Wire format: although the content type is `text/event-stream`, execd
writes each event as a bare JSON object followed by a blank line (no
`data:` prefix); proxies may deliver standard `data:` lines instead, so
accept both. Expect `init` first (its `text` is the execution id),
`ping` every 3 s, `status` events whose `text` is the kernel state (not
program output), `stdout`/`stderr` chunks, `execution_count`, and
`result` events. In `results` the server renames the `text/plain` key
to `text`; other MIME keys are passed through and their values may be
non-strings. The run finishes with `execution_complete` or, when the
code raises, with `error`. The connection stays open for roughly one
second afterwards, so stop reading at the terminal event.


Sends a `POST` request to `/code`

```ignore
let response = client.run_code()
    .body(body)
    .send()
    .await;
```*/
    pub fn run_code(&self) -> builder::RunCode<'_> {
        builder::RunCode::new(self)
    }
    /**Interrupt running code

Asks the interpreter to abort the code that is currently executing. The
open run stream then ends with its terminal event. State already built
up in the context survives.


Sends a `DELETE` request to `/code`

Arguments:
- `id`: Execution to stop: the `text` of the `init` event that started the
run's stream. Omitting it yields `MISSING_QUERY`.

```ignore
let response = client.interrupt_code()
    .id(id)
    .send()
    .await;
```*/
    pub fn interrupt_code(&self) -> builder::InterruptCode<'_> {
        builder::InterruptCode::new(self)
    }
    /**Open a persistent bash session

Starts a long-lived bash process and returns its id. Working directory,
exported variables and shell functions carry over between runs in the
same session. The body may be omitted or sent as `{}`; then the shell
starts in the default directory.


Sends a `POST` request to `/session`

```ignore
let response = client.create_session()
    .body(body)
    .send()
    .await;
```*/
    pub fn create_session(&self) -> builder::CreateSession<'_> {
        builder::CreateSession::new(self)
    }
    /**Run a command in a bash session and stream its output

Sends one command line to a session opened with `POST /session` and
streams its output. Shell state changed by the command (for example a
`cd` or an `export`) is visible to later runs. An unknown session id is
reported before streaming starts.

Wire format: `text/event-stream` in name only. Execd writes each event as
a bare JSON object followed by a blank line, without `data:`; proxies may
use standard `data:` lines, so accept both. The stream opens with `init`
(execution id in `text`), sends `ping` every 3 s, carries `stdout` and
`stderr` chunks, and ends with `execution_complete` or `error`. A
non-zero exit status arrives as an `error` event with `ename`
`CommandExecError` and the exit code in `evalue`. The server holds the
connection about one second after that final event.


Sends a `POST` request to `/session/{sessionId}/run`

Arguments:
- `session_id`: Id returned by `POST /session`.
- `body`
```ignore
let response = client.run_in_session()
    .session_id(session_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn run_in_session(&self) -> builder::RunInSession<'_> {
        builder::RunInSession::new(self)
    }
    /**Close a bash session

Kills the session's shell together with anything still running in it.
The id cannot be used afterwards; an unknown id yields 404.


Sends a `DELETE` request to `/session/{sessionId}`

Arguments:
- `session_id`: Id of the session to close.
```ignore
let response = client.delete_session()
    .session_id(session_id)
    .send()
    .await;
```*/
    pub fn delete_session(&self) -> builder::DeleteSession<'_> {
        builder::DeleteSession::new(self)
    }
    /**Run a shell command and stream its output

Starts a command in a fresh shell. Options: `cwd` for the working
directory, `timeout` (milliseconds) after which execd kills the
process, `uid`/`gid` to run as another user, and `envs` for extra
environment variables.

Foreground runs stream all output until the command exits. With
`background: true` the stream contains only `init` and
`execution_complete`; the process keeps running, and its progress is
followed with `GET /command/status/{id}` and `GET /command/{id}/logs`
using the id from `init`.

Wire format: the reply is labelled `text/event-stream`, yet execd sends
each event as a bare JSON object followed by a blank line, with no
`data:` prefix. Proxies may use standard `data:` framing, so clients
must accept both. Events: `init` first (its `text` is the command id),
`ping` every 3 s, `stdout`/`stderr` chunks, then a single terminal
event. Exit status 0 ends with `execution_complete` (carrying
`execution_time`); a non-zero exit ends with `error` whose `ename` is
`CommandExecError` and whose `evalue` is the exit code. Execd keeps the
socket open about one second after the terminal event.


Sends a `POST` request to `/command`

```ignore
let response = client.run_command()
    .body(body)
    .send()
    .await;
```*/
    pub fn run_command(&self) -> builder::RunCommand<'_> {
        builder::RunCommand::new(self)
    }
    /**Interrupt a running command

Signals the process started by `POST /command` to stop. A foreground
stream then ends with its terminal event; a background command is
marked as finished in its status.


Sends a `DELETE` request to `/command`

Arguments:
- `id`: Command id, i.e. the `text` of the `init` event. Omitting it yields
`MISSING_QUERY`.

```ignore
let response = client.interrupt_command()
    .id(id)
    .send()
    .await;
```*/
    pub fn interrupt_command(&self) -> builder::InterruptCommand<'_> {
        builder::InterruptCommand::new(self)
    }
    /**Poll a command's state

Reports whether a command is still running and, once it has ended, its
exit code and finish time. Mostly used for background commands. While
the command runs, `exit_code` is absent or null; treat that as unknown,
not as success.


Sends a `GET` request to `/command/status/{id}`

Arguments:
- `id`: Command id from the `init` event.
```ignore
let response = client.get_command_status()
    .id(id)
    .send()
    .await;
```*/
    pub fn get_command_status(&self) -> builder::GetCommandStatus<'_> {
        builder::GetCommandStatus::new(self)
    }
    /**Read a background command's output

Returns the combined stdout and stderr captured so far for a command
started with `background: true`. Only background commands keep logs;
asking for a foreground command's id is rejected with 400.

For incremental polling, pass the value of the
`EXECD-COMMANDS-TAIL-CURSOR` response header back as `cursor` on the
next call. Both are byte offsets into the captured output (not line
numbers), so a poll returns only the bytes written since the previous
one. Without `cursor` the whole log is returned. The body is plain text
and may end in the middle of a line or a multi-byte character.


Sends a `GET` request to `/command/{id}/logs`

Arguments:
- `id`: Command id from the `init` event of a background run.
- `cursor`: Byte offset to resume from, as returned in the previous response's
`EXECD-COMMANDS-TAIL-CURSOR` header. Leave it out on the first call.

```ignore
let response = client.get_background_command_logs()
    .id(id)
    .cursor(cursor)
    .send()
    .await;
```*/
    pub fn get_background_command_logs(&self) -> builder::GetBackgroundCommandLogs<'_> {
        builder::GetBackgroundCommandLogs::new(self)
    }
    /**Stat one or more paths

Returns metadata (type, size, owner, group, mode, timestamps) for each
requested path, keyed by the path as it was requested. Repeat the
`path` parameter to ask about several entries at once.


Sends a `GET` request to `/files/info`

Arguments:
- `path`: A path to inspect; repeat as `?path=a&path=b` for several.
```ignore
let response = client.get_files_info()
    .path(path)
    .send()
    .await;
```*/
    pub fn get_files_info(&self) -> builder::GetFilesInfo<'_> {
        builder::GetFilesInfo::new(self)
    }
    /**Remove files

Deletes regular files. Directories are not touched by this call; use
`DELETE /directories` for them.


Sends a `DELETE` request to `/files`

Arguments:
- `path`: A file to delete; repeat the parameter for several.
```ignore
let response = client.remove_files()
    .path(path)
    .send()
    .await;
```*/
    pub fn remove_files(&self) -> builder::RemoveFiles<'_> {
        builder::RemoveFiles::new(self)
    }
    /**Change ownership and mode

Applies owner, group and mode to each path in the body, which maps a
path to its desired settings. `mode` is written as octal digits in a
decimal integer, e.g. `644` or `755`.


Sends a `POST` request to `/files/permissions`

```ignore
let response = client.chmod_files()
    .body(body)
    .send()
    .await;
```*/
    pub fn chmod_files(&self) -> builder::ChmodFiles<'_> {
        builder::ChmodFiles::new(self)
    }
    /**Move or rename files

Processes a list of `src` to `dest` moves. The same call renames in
place or relocates to another directory; the directory that will hold
`dest` has to exist beforehand.


Sends a `POST` request to `/files/mv`

```ignore
let response = client.rename_files()
    .body(body)
    .send()
    .await;
```*/
    pub fn rename_files(&self) -> builder::RenameFiles<'_> {
        builder::RenameFiles::new(self)
    }
    /**Find files by glob

Walks the tree below `path` and returns metadata for every file whose
name matches `pattern`. Patterns use glob syntax (`*.py`, `**`); when
no pattern is given everything under `path` matches.


Sends a `GET` request to `/files/search`

Arguments:
- `path`: Directory where the search starts.
- `pattern`: Glob to match against; `**` when omitted.
```ignore
let response = client.search_files()
    .path(path)
    .pattern(pattern)
    .send()
    .await;
```*/
    pub fn search_files(&self) -> builder::SearchFiles<'_> {
        builder::SearchFiles::new(self)
    }
    /**Find and replace text in files

For each path in the body, substitutes every occurrence of `old` with
`new`, keeping the file's ownership and mode. Matching is literal, not
a regular expression.

The reply body is empty unless `verbose=true` is given, in which case
it maps each path to the number of substitutions made there.


Sends a `POST` request to `/files/replace`

Arguments:
- `verbose`: Set to `true` to receive per-file substitution counts.
- `body`
```ignore
let response = client.replace_content()
    .verbose(verbose)
    .body(body)
    .send()
    .await;
```*/
    pub fn replace_content(&self) -> builder::ReplaceContent<'_> {
        builder::ReplaceContent::new(self)
    }
    /**Download a file

Streams the file's bytes with `Content-Length` set. Send a
`Range: bytes=start-end` header to fetch part of the file (for resuming
or chunked reads); the server then replies 206 with `Content-Range`, or
416 when the range lies outside the file. Large files should be read as
a stream, without a whole-request deadline.

Giving `offset` or `limit` switches to a read by lines: the answer is
`text/plain` holding just the chosen lines. Line reads and `Range`
exclude each other.


Sends a `GET` request to `/files/download`

Arguments:
- `limit`: How many lines to return at most. Selects a read by lines; not to be sent together with `Range`.

- `offset`: First line to return, counting from 1. Selects a read by lines; not to be sent together with `Range`.

- `path`: File to read; absolute paths are recommended.
- `range`: Standard byte range, e.g. `bytes=0-1023`, for a partial read. Not combinable with `offset` or `limit`.

```ignore
let response = client.download_file()
    .limit(limit)
    .offset(offset)
    .path(path)
    .range(range)
    .send()
    .await;
```*/
    pub fn download_file(&self) -> builder::DownloadFile<'_> {
        builder::DownloadFile::new(self)
    }
    /**List a directory

Returns the entries below `path`, excluding `path` itself. `depth`
controls how far down the listing goes: `1` (the default) gives direct
children only, `2` adds grandchildren, and so on.

Symbolic links appear with `type: symlink` and are never followed, so
the listing does not descend through them whatever the depth. For the
same reason, a `path` that is itself a symlink is refused with 400;
resolve it and pass the real directory.

Within each directory entries are sorted by name, and nested entries
come directly after their parent, so repeated listings of an unchanged
tree are identical.


Sends a `GET` request to `/directories/list`

Arguments:
- `depth`: How many levels below `path` to include; `1` means direct children.
- `path`: Directory to list.
```ignore
let response = client.list_directory()
    .depth(depth)
    .path(path)
    .send()
    .await;
```*/
    pub fn list_directory(&self) -> builder::ListDirectory<'_> {
        builder::ListDirectory::new(self)
    }
    /**Create directories

Creates each directory named in the body, including missing parents
(like `mkdir -p`), and applies the given owner, group and mode. The body
maps a directory path to its permission settings.


Sends a `POST` request to `/directories`

```ignore
let response = client.make_dirs()
    .body(body)
    .send()
    .await;
```*/
    pub fn make_dirs(&self) -> builder::MakeDirs<'_> {
        builder::MakeDirs::new(self)
    }
    /**Remove directories recursively

Deletes each named directory together with everything inside it, like
`rm -rf`. There is no undo.


Sends a `DELETE` request to `/directories`

Arguments:
- `path`: A directory to remove; repeat the parameter for several.
```ignore
let response = client.remove_dirs()
    .path(path)
    .send()
    .await;
```*/
    pub fn remove_dirs(&self) -> builder::RemoveDirs<'_> {
        builder::RemoveDirs::new(self)
    }
    /**Sample CPU and memory usage

Takes one measurement of the sandbox's CPU count and load and its memory
total and usage. `timestamp` is in Unix milliseconds.


Sends a `GET` request to `/metrics`

```ignore
let response = client.get_metrics()
    .send()
    .await;
```*/
    pub fn get_metrics(&self) -> builder::GetMetrics<'_> {
        builder::GetMetrics::new(self)
    }
    /**Follow CPU and memory usage live

Keeps the connection open and emits one `Metrics` measurement per
second until the client disconnects.

Wire format: despite the `text/event-stream` content type this is
newline-delimited JSON. Each measurement is a single JSON object
terminated by one `\n` (no blank line between records, no `data:`
prefix, no `type` field). When sampling fails the line is
`{"error": "..."}` instead, and the stream carries on. A parser that
waits for a blank line before dispatching will never deliver anything;
split on single newlines.


Sends a `GET` request to `/metrics/watch`

```ignore
let response = client.watch_metrics()
    .send()
    .await;
```*/
    pub fn watch_metrics(&self) -> builder::WatchMetrics<'_> {
        builder::WatchMetrics::new(self)
    }
    /**Create a PTY session

Registers an interactive terminal session and returns its id. The shell (or
`command`, run by bash) starts on the first WebSocket attach, not here. The
body may be omitted or sent as `{}`.


Sends a `POST` request to `/pty`

```ignore
let response = client.create_pty_session()
    .body(body)
    .send()
    .await;
```*/
    pub fn create_pty_session(&self) -> builder::CreatePtySession<'_> {
        builder::CreatePtySession::new(self)
    }
    /**Status of a PTY session

Whether the shell is running, and the offset just past its last output byte
(the `since` a client that has seen everything would attach with).


Sends a `GET` request to `/pty/{sessionId}`

Arguments:
- `session_id`: Id of the PTY session.
```ignore
let response = client.get_pty_session()
    .session_id(session_id)
    .send()
    .await;
```*/
    pub fn get_pty_session(&self) -> builder::GetPtySession<'_> {
        builder::GetPtySession::new(self)
    }
    /**Close a PTY session

Kills the session's shell and everything it started; an unknown id yields 404.

Sends a `DELETE` request to `/pty/{sessionId}`

Arguments:
- `session_id`: Id of the PTY session.
```ignore
let response = client.delete_pty_session()
    .session_id(session_id)
    .send()
    .await;
```*/
    pub fn delete_pty_session(&self) -> builder::DeletePtySession<'_> {
        builder::DeletePtySession::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::ping`]

[`Client::ping`]: super::Client::ping*/
    #[derive(Debug, Clone)]
    pub struct Ping<'a> {
        client: &'a super::Client,
    }
    impl<'a> Ping<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/ping`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/ping", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.get(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "ping",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_contexts`]

[`Client::list_contexts`]: super::Client::list_contexts*/
    #[derive(Debug, Clone)]
    pub struct ListContexts<'a> {
        client: &'a super::Client,
        language: Result<::std::string::String, String>,
    }
    impl<'a> ListContexts<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                language: Err("language was not initialized".to_string()),
            }
        }
        pub fn language<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.language = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for language failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/code/contexts`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<::std::vec::Vec<types::CodeContext>>, Error<()>> {
            let Self { client, language } = self;
            let language = language.map_err(Error::InvalidRequest)?;
            let url = format!("{}/code/contexts", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("language", &language))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_contexts",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_contexts_by_language`]

[`Client::delete_contexts_by_language`]: super::Client::delete_contexts_by_language*/
    #[derive(Debug, Clone)]
    pub struct DeleteContextsByLanguage<'a> {
        client: &'a super::Client,
        language: Result<::std::string::String, String>,
    }
    impl<'a> DeleteContextsByLanguage<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                language: Err("language was not initialized".to_string()),
            }
        }
        pub fn language<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.language = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for language failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/code/contexts`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, language } = self;
            let language = language.map_err(Error::InvalidRequest)?;
            let url = format!("{}/code/contexts", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .query(&progenitor_client::QueryParam::new("language", &language))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "delete_contexts_by_language",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_context`]

[`Client::get_context`]: super::Client::get_context*/
    #[derive(Debug, Clone)]
    pub struct GetContext<'a> {
        client: &'a super::Client,
        context_id: Result<::std::string::String, String>,
    }
    impl<'a> GetContext<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                context_id: Err("context_id was not initialized".to_string()),
            }
        }
        pub fn context_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.context_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for context_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/code/contexts/{context_id}`
        pub async fn send(self) -> Result<ResponseValue<types::CodeContext>, Error<()>> {
            let Self { client, context_id } = self;
            let context_id = context_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/code/contexts/{}", client.baseurl, encode_path(& context_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_context",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_context`]

[`Client::delete_context`]: super::Client::delete_context*/
    #[derive(Debug, Clone)]
    pub struct DeleteContext<'a> {
        client: &'a super::Client,
        context_id: Result<::std::string::String, String>,
    }
    impl<'a> DeleteContext<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                context_id: Err("context_id was not initialized".to_string()),
            }
        }
        pub fn context_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.context_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for context_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/code/contexts/{context_id}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, context_id } = self;
            let context_id = context_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/code/contexts/{}", client.baseurl, encode_path(& context_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.delete(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "delete_context",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_code_context`]

[`Client::create_code_context`]: super::Client::create_code_context*/
    #[derive(Debug, Clone)]
    pub struct CreateCodeContext<'a> {
        client: &'a super::Client,
        body: Result<types::builder::CodeContextRequest, String>,
    }
    impl<'a> CreateCodeContext<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CodeContextRequest>,
            <V as std::convert::TryInto<
                types::CodeContextRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `CodeContextRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CodeContextRequest,
            ) -> types::builder::CodeContextRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/code/context`
        pub async fn send(self) -> Result<ResponseValue<types::CodeContext>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::CodeContextRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/code/context", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_code_context",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::run_code`]

[`Client::run_code`]: super::Client::run_code*/
    #[derive(Debug, Clone)]
    pub struct RunCode<'a> {
        client: &'a super::Client,
        body: Result<types::builder::RunCodeRequest, String>,
    }
    impl<'a> RunCode<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::RunCodeRequest>,
            <V as std::convert::TryInto<
                types::RunCodeRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `RunCodeRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::RunCodeRequest,
            ) -> types::builder::RunCodeRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/code`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::RunCodeRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/code", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "run_code",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::stream(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::interrupt_code`]

[`Client::interrupt_code`]: super::Client::interrupt_code*/
    #[derive(Debug, Clone)]
    pub struct InterruptCode<'a> {
        client: &'a super::Client,
        id: Result<::std::string::String, String>,
    }
    impl<'a> InterruptCode<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/code`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, id } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let url = format!("{}/code", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .query(&progenitor_client::QueryParam::new("id", &id))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "interrupt_code",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_session`]

[`Client::create_session`]: super::Client::create_session*/
    #[derive(Debug, Clone)]
    pub struct CreateSession<'a> {
        client: &'a super::Client,
        body: Result<types::builder::CreateSessionRequest, String>,
    }
    impl<'a> CreateSession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::CreateSessionRequest>,
            <V as std::convert::TryInto<
                types::CreateSessionRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!(
                        "conversion to `CreateSessionRequest` for body failed: {}", s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::CreateSessionRequest,
            ) -> types::builder::CreateSessionRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/session`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CreateSessionResponse>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::CreateSessionRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/session", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_session",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::run_in_session`]

[`Client::run_in_session`]: super::Client::run_in_session*/
    #[derive(Debug, Clone)]
    pub struct RunInSession<'a> {
        client: &'a super::Client,
        session_id: Result<::std::string::String, String>,
        body: Result<types::builder::RunInSessionRequest, String>,
    }
    impl<'a> RunInSession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                session_id: Err("session_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn session_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.session_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for session_id failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::RunInSessionRequest>,
            <V as std::convert::TryInto<
                types::RunInSessionRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `RunInSessionRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::RunInSessionRequest,
            ) -> types::builder::RunInSessionRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/session/{sessionId}/run`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client, session_id, body } = self;
            let session_id = session_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::RunInSessionRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/session/{}/run", client.baseurl, encode_path(& session_id
                .to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "run_in_session",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::stream(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_session`]

[`Client::delete_session`]: super::Client::delete_session*/
    #[derive(Debug, Clone)]
    pub struct DeleteSession<'a> {
        client: &'a super::Client,
        session_id: Result<::std::string::String, String>,
    }
    impl<'a> DeleteSession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                session_id: Err("session_id was not initialized".to_string()),
            }
        }
        pub fn session_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.session_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for session_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/session/{sessionId}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, session_id } = self;
            let session_id = session_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/session/{}", client.baseurl, encode_path(& session_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.delete(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "delete_session",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::run_command`]

[`Client::run_command`]: super::Client::run_command*/
    #[derive(Debug, Clone)]
    pub struct RunCommand<'a> {
        client: &'a super::Client,
        body: Result<types::builder::RunCommandRequest, String>,
    }
    impl<'a> RunCommand<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::RunCommandRequest>,
            <V as std::convert::TryInto<
                types::RunCommandRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `RunCommandRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::RunCommandRequest,
            ) -> types::builder::RunCommandRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/command`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::RunCommandRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/command", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "run_command",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::stream(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::interrupt_command`]

[`Client::interrupt_command`]: super::Client::interrupt_command*/
    #[derive(Debug, Clone)]
    pub struct InterruptCommand<'a> {
        client: &'a super::Client,
        id: Result<::std::string::String, String>,
    }
    impl<'a> InterruptCommand<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/command`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, id } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let url = format!("{}/command", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .query(&progenitor_client::QueryParam::new("id", &id))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "interrupt_command",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_command_status`]

[`Client::get_command_status`]: super::Client::get_command_status*/
    #[derive(Debug, Clone)]
    pub struct GetCommandStatus<'a> {
        client: &'a super::Client,
        id: Result<::std::string::String, String>,
    }
    impl<'a> GetCommandStatus<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/command/status/{id}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::CommandStatusResponse>, Error<()>> {
            let Self { client, id } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/command/status/{}", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_command_status",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_background_command_logs`]

[`Client::get_background_command_logs`]: super::Client::get_background_command_logs*/
    #[derive(Debug, Clone)]
    pub struct GetBackgroundCommandLogs<'a> {
        client: &'a super::Client,
        id: Result<::std::string::String, String>,
        cursor: Result<Option<i64>, String>,
    }
    impl<'a> GetBackgroundCommandLogs<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                id: Err("id was not initialized".to_string()),
                cursor: Ok(None),
            }
        }
        pub fn id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for id failed"
                        .to_string()
                });
            self
        }
        pub fn cursor<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.cursor = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `i64` for cursor failed".to_string());
            self
        }
        ///Sends a `GET` request to `/command/{id}/logs`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client, id, cursor } = self;
            let id = id.map_err(Error::InvalidRequest)?;
            let cursor = cursor.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/command/{}/logs", client.baseurl, encode_path(& id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .query(&progenitor_client::QueryParam::new("cursor", &cursor))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_background_command_logs",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::stream(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_files_info`]

[`Client::get_files_info`]: super::Client::get_files_info*/
    #[derive(Debug, Clone)]
    pub struct GetFilesInfo<'a> {
        client: &'a super::Client,
        path: Result<::std::vec::Vec<::std::string::String>, String>,
    }
    impl<'a> GetFilesInfo<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                path: Err("path was not initialized".to_string()),
            }
        }
        pub fn path<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
        {
            self.path = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < :: std :: string :: String >` for path failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/files/info`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<
                ::std::collections::HashMap<::std::string::String, types::FileInfo>,
            >,
            Error<()>,
        > {
            let Self { client, path } = self;
            let path = path.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files/info", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("path", &path))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_files_info",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::remove_files`]

[`Client::remove_files`]: super::Client::remove_files*/
    #[derive(Debug, Clone)]
    pub struct RemoveFiles<'a> {
        client: &'a super::Client,
        path: Result<::std::vec::Vec<::std::string::String>, String>,
    }
    impl<'a> RemoveFiles<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                path: Err("path was not initialized".to_string()),
            }
        }
        pub fn path<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
        {
            self.path = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < :: std :: string :: String >` for path failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/files`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, path } = self;
            let path = path.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .query(&progenitor_client::QueryParam::new("path", &path))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "remove_files",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::chmod_files`]

[`Client::chmod_files`]: super::Client::chmod_files*/
    #[derive(Debug, Clone)]
    pub struct ChmodFiles<'a> {
        client: &'a super::Client,
        body: Result<
            ::std::collections::HashMap<::std::string::String, types::Permission>,
            String,
        >,
    }
    impl<'a> ChmodFiles<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<
                ::std::collections::HashMap<::std::string::String, types::Permission>,
            >,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: collections :: HashMap < :: std :: string :: String , Permission >` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/files/permissions`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, body } = self;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files/permissions", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "chmod_files",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::rename_files`]

[`Client::rename_files`]: super::Client::rename_files*/
    #[derive(Debug, Clone)]
    pub struct RenameFiles<'a> {
        client: &'a super::Client,
        body: Result<::std::vec::Vec<types::RenameFileItem>, String>,
    }
    impl<'a> RenameFiles<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<types::RenameFileItem>>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < RenameFileItem >` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/files/mv`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, body } = self;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files/mv", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "rename_files",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::search_files`]

[`Client::search_files`]: super::Client::search_files*/
    #[derive(Debug, Clone)]
    pub struct SearchFiles<'a> {
        client: &'a super::Client,
        path: Result<::std::string::String, String>,
        pattern: Result<Option<::std::string::String>, String>,
    }
    impl<'a> SearchFiles<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                path: Err("path was not initialized".to_string()),
                pattern: Ok(None),
            }
        }
        pub fn path<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.path = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for path failed"
                        .to_string()
                });
            self
        }
        pub fn pattern<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.pattern = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for pattern failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/files/search`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<::std::vec::Vec<types::FileInfo>>, Error<()>> {
            let Self { client, path, pattern } = self;
            let path = path.map_err(Error::InvalidRequest)?;
            let pattern = pattern.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files/search", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("path", &path))
                .query(&progenitor_client::QueryParam::new("pattern", &pattern))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "search_files",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::replace_content`]

[`Client::replace_content`]: super::Client::replace_content*/
    #[derive(Debug, Clone)]
    pub struct ReplaceContent<'a> {
        client: &'a super::Client,
        verbose: Result<Option<bool>, String>,
        body: Result<
            ::std::collections::HashMap<
                ::std::string::String,
                types::ReplaceFileContentItem,
            >,
            String,
        >,
    }
    impl<'a> ReplaceContent<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                verbose: Ok(None),
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn verbose<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<bool>,
        {
            self.verbose = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `bool` for verbose failed".to_string());
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<
                ::std::collections::HashMap<
                    ::std::string::String,
                    types::ReplaceFileContentItem,
                >,
            >,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: collections :: HashMap < :: std :: string :: String , ReplaceFileContentItem >` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/files/replace`
        pub async fn send(
            self,
        ) -> Result<
            ResponseValue<
                ::std::collections::HashMap<
                    ::std::string::String,
                    types::ReplaceFileContentResult,
                >,
            >,
            Error<()>,
        > {
            let Self { client, verbose, body } = self;
            let verbose = verbose.map_err(Error::InvalidRequest)?;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files/replace", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .query(&progenitor_client::QueryParam::new("verbose", &verbose))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "replace_content",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::download_file`]

[`Client::download_file`]: super::Client::download_file*/
    #[derive(Debug, Clone)]
    pub struct DownloadFile<'a> {
        client: &'a super::Client,
        limit: Result<Option<::std::num::NonZeroU64>, String>,
        offset: Result<Option<::std::num::NonZeroU64>, String>,
        path: Result<::std::string::String, String>,
        range: Result<Option<::std::string::String>, String>,
    }
    impl<'a> DownloadFile<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                limit: Ok(None),
                offset: Ok(None),
                path: Err("path was not initialized".to_string()),
                range: Ok(None),
            }
        }
        pub fn limit<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.limit = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for limit failed"
                        .to_string()
                });
            self
        }
        pub fn offset<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::num::NonZeroU64>,
        {
            self.offset = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: num :: NonZeroU64` for offset failed"
                        .to_string()
                });
            self
        }
        pub fn path<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.path = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for path failed"
                        .to_string()
                });
            self
        }
        pub fn range<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.range = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for range failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/files/download`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client, limit, offset, path, range } = self;
            let limit = limit.map_err(Error::InvalidRequest)?;
            let offset = offset.map_err(Error::InvalidRequest)?;
            let path = path.map_err(Error::InvalidRequest)?;
            let range = range.map_err(Error::InvalidRequest)?;
            let url = format!("{}/files/download", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            if let Some(value) = range {
                header_map.append("Range", value.to_string().try_into()?);
            }
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .query(&progenitor_client::QueryParam::new("limit", &limit))
                .query(&progenitor_client::QueryParam::new("offset", &offset))
                .query(&progenitor_client::QueryParam::new("path", &path))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "download_file",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => Ok(ResponseValue::stream(response)),
                206u16 => Ok(ResponseValue::stream(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::list_directory`]

[`Client::list_directory`]: super::Client::list_directory*/
    #[derive(Debug, Clone)]
    pub struct ListDirectory<'a> {
        client: &'a super::Client,
        depth: Result<Option<i32>, String>,
        path: Result<::std::string::String, String>,
    }
    impl<'a> ListDirectory<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                depth: Ok(None),
                path: Err("path was not initialized".to_string()),
            }
        }
        pub fn depth<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i32>,
        {
            self.depth = value
                .try_into()
                .map(Some)
                .map_err(|_| "conversion to `i32` for depth failed".to_string());
            self
        }
        pub fn path<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.path = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for path failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/directories/list`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<::std::vec::Vec<types::FileInfo>>, Error<()>> {
            let Self { client, depth, path } = self;
            let depth = depth.map_err(Error::InvalidRequest)?;
            let path = path.map_err(Error::InvalidRequest)?;
            let url = format!("{}/directories/list", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .query(&progenitor_client::QueryParam::new("depth", &depth))
                .query(&progenitor_client::QueryParam::new("path", &path))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "list_directory",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::make_dirs`]

[`Client::make_dirs`]: super::Client::make_dirs*/
    #[derive(Debug, Clone)]
    pub struct MakeDirs<'a> {
        client: &'a super::Client,
        body: Result<
            ::std::collections::HashMap<::std::string::String, types::Permission>,
            String,
        >,
    }
    impl<'a> MakeDirs<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Err("body was not initialized".to_string()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<
                ::std::collections::HashMap<::std::string::String, types::Permission>,
            >,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: collections :: HashMap < :: std :: string :: String , Permission >` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/directories`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, body } = self;
            let body = body.map_err(Error::InvalidRequest)?;
            let url = format!("{}/directories", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "make_dirs",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::remove_dirs`]

[`Client::remove_dirs`]: super::Client::remove_dirs*/
    #[derive(Debug, Clone)]
    pub struct RemoveDirs<'a> {
        client: &'a super::Client,
        path: Result<::std::vec::Vec<::std::string::String>, String>,
    }
    impl<'a> RemoveDirs<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                path: Err("path was not initialized".to_string()),
            }
        }
        pub fn path<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
        {
            self.path = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: vec :: Vec < :: std :: string :: String >` for path failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/directories`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, path } = self;
            let path = path.map_err(Error::InvalidRequest)?;
            let url = format!("{}/directories", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .delete(url)
                .query(&progenitor_client::QueryParam::new("path", &path))
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "remove_dirs",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_metrics`]

[`Client::get_metrics`]: super::Client::get_metrics*/
    #[derive(Debug, Clone)]
    pub struct GetMetrics<'a> {
        client: &'a super::Client,
    }
    impl<'a> GetMetrics<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/metrics`
        pub async fn send(self) -> Result<ResponseValue<types::Metrics>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/metrics", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_metrics",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::watch_metrics`]

[`Client::watch_metrics`]: super::Client::watch_metrics*/
    #[derive(Debug, Clone)]
    pub struct WatchMetrics<'a> {
        client: &'a super::Client,
    }
    impl<'a> WatchMetrics<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self { client: client }
        }
        ///Sends a `GET` request to `/metrics/watch`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client } = self;
            let url = format!("{}/metrics/watch", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.get(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "watch_metrics",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::stream(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::create_pty_session`]

[`Client::create_pty_session`]: super::Client::create_pty_session*/
    #[derive(Debug, Clone)]
    pub struct CreatePtySession<'a> {
        client: &'a super::Client,
        body: Result<types::builder::PtyCreateRequest, String>,
    }
    impl<'a> CreatePtySession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::PtyCreateRequest>,
            <V as std::convert::TryInto<
                types::PtyCreateRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `PtyCreateRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::PtyCreateRequest,
            ) -> types::builder::PtyCreateRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/pty`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::PtyCreateResponse>, Error<()>> {
            let Self { client, body } = self;
            let body = body
                .and_then(|v| {
                    types::PtyCreateRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/pty", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "create_pty_session",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::get_pty_session`]

[`Client::get_pty_session`]: super::Client::get_pty_session*/
    #[derive(Debug, Clone)]
    pub struct GetPtySession<'a> {
        client: &'a super::Client,
        session_id: Result<::std::string::String, String>,
    }
    impl<'a> GetPtySession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                session_id: Err("session_id was not initialized".to_string()),
            }
        }
        pub fn session_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.session_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for session_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/pty/{sessionId}`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::PtySessionStatus>, Error<()>> {
            let Self { client, session_id } = self;
            let session_id = session_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/pty/{}", client.baseurl, encode_path(& session_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .get(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "get_pty_session",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
    /**Builder for [`Client::delete_pty_session`]

[`Client::delete_pty_session`]: super::Client::delete_pty_session*/
    #[derive(Debug, Clone)]
    pub struct DeletePtySession<'a> {
        client: &'a super::Client,
        session_id: Result<::std::string::String, String>,
    }
    impl<'a> DeletePtySession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                session_id: Err("session_id was not initialized".to_string()),
            }
        }
        pub fn session_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.session_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for session_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `DELETE` request to `/pty/{sessionId}`
        pub async fn send(self) -> Result<ResponseValue<()>, Error<()>> {
            let Self { client, session_id } = self;
            let session_id = session_id.map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/pty/{}", client.baseurl, encode_path(& session_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client.client.delete(url).headers(header_map).build()?;
            let info = OperationInfo {
                operation_id: "delete_pty_session",
            };
            (crate::hooks::apply)(&client.inner, &mut request);
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200..=299 => Ok(ResponseValue::empty(response)),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
/// Operations of the spec that are not generated (their request bodies are not
/// JSON); the `opensandbox` facade implements them by hand.
/// Each entry is `(operationId, method, path)`.
pub const NOT_GENERATED: &[(&str, &str, &str)] = &[
    ("uploadFile", "POST", "/files/upload"),
];
/// `Debug` for fields whose values may be secret (maps marked
/// `x-opensandbox-secret: values`).
pub mod redact {
    /// Prints a map's keys, each with `***` for its value.
    pub struct KeysOnly<'a, T: ?Sized>(pub &'a T);
    /// A map, possibly inside an `Option` or a builder's `Result`.
    pub trait MapKeys {
        /// The keys, sorted; `None` when there is no map.
        fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>>;
    }
    impl<V> MapKeys for ::std::collections::HashMap<::std::string::String, V> {
        fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
            let mut keys: ::std::vec::Vec<&str> = self
                .keys()
                .map(|k| k.as_str())
                .collect();
            keys.sort_unstable();
            ::std::option::Option::Some(keys)
        }
    }
    impl<T: MapKeys> MapKeys for ::std::option::Option<T> {
        fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
            self.as_ref().and_then(MapKeys::sorted_keys)
        }
    }
    impl<T: MapKeys, E> MapKeys for ::std::result::Result<T, E> {
        fn sorted_keys(&self) -> ::std::option::Option<::std::vec::Vec<&str>> {
            self.as_ref().ok().and_then(MapKeys::sorted_keys)
        }
    }
    impl<T: MapKeys + ?Sized> ::std::fmt::Debug for KeysOnly<'_, T> {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match self.0.sorted_keys() {
                ::std::option::Option::Some(keys) => {
                    f.debug_map().entries(keys.into_iter().map(|k| (k, "***"))).finish()
                }
                ::std::option::Option::None => f.write_str("None"),
            }
        }
    }
}
/// What the generated clients share: request options, the operation entry type,
/// the response-size limit and the executor hook.
pub use ::opensandbox_hooks as hooks;
/// Every operation of the spec (those in [`NOT_GENERATED`] included): its
/// operationId, generated method name, method, path and whether repeating it is
/// harmless.
pub mod operations {
    use crate::hooks::Operation;
    ///`ping`: `GET /ping`, idempotent.
    pub static PING: Operation = Operation::new(
        "ping",
        "ping",
        ::http::Method::GET,
        "/ping",
        true,
        false,
    );
    ///`listContexts`: `GET /code/contexts`, idempotent.
    pub static LIST_CONTEXTS: Operation = Operation::new(
        "listContexts",
        "list_contexts",
        ::http::Method::GET,
        "/code/contexts",
        true,
        false,
    );
    ///`deleteContextsByLanguage`: `DELETE /code/contexts`, idempotent.
    pub static DELETE_CONTEXTS_BY_LANGUAGE: Operation = Operation::new(
        "deleteContextsByLanguage",
        "delete_contexts_by_language",
        ::http::Method::DELETE,
        "/code/contexts",
        true,
        false,
    );
    ///`getContext`: `GET /code/contexts/{context_id}`, idempotent.
    pub static GET_CONTEXT: Operation = Operation::new(
        "getContext",
        "get_context",
        ::http::Method::GET,
        "/code/contexts/{context_id}",
        true,
        false,
    );
    ///`deleteContext`: `DELETE /code/contexts/{context_id}`, idempotent.
    pub static DELETE_CONTEXT: Operation = Operation::new(
        "deleteContext",
        "delete_context",
        ::http::Method::DELETE,
        "/code/contexts/{context_id}",
        true,
        false,
    );
    ///`createCodeContext`: `POST /code/context`.
    pub static CREATE_CODE_CONTEXT: Operation = Operation::new(
        "createCodeContext",
        "create_code_context",
        ::http::Method::POST,
        "/code/context",
        false,
        false,
    );
    ///`runCode`: `POST /code`.
    pub static RUN_CODE: Operation = Operation::new(
        "runCode",
        "run_code",
        ::http::Method::POST,
        "/code",
        false,
        true,
    );
    ///`interruptCode`: `DELETE /code`, idempotent.
    pub static INTERRUPT_CODE: Operation = Operation::new(
        "interruptCode",
        "interrupt_code",
        ::http::Method::DELETE,
        "/code",
        true,
        false,
    );
    ///`createSession`: `POST /session`.
    pub static CREATE_SESSION: Operation = Operation::new(
        "createSession",
        "create_session",
        ::http::Method::POST,
        "/session",
        false,
        false,
    );
    ///`runInSession`: `POST /session/{sessionId}/run`.
    pub static RUN_IN_SESSION: Operation = Operation::new(
        "runInSession",
        "run_in_session",
        ::http::Method::POST,
        "/session/{sessionId}/run",
        false,
        true,
    );
    ///`deleteSession`: `DELETE /session/{sessionId}`, idempotent.
    pub static DELETE_SESSION: Operation = Operation::new(
        "deleteSession",
        "delete_session",
        ::http::Method::DELETE,
        "/session/{sessionId}",
        true,
        false,
    );
    ///`runCommand`: `POST /command`.
    pub static RUN_COMMAND: Operation = Operation::new(
        "runCommand",
        "run_command",
        ::http::Method::POST,
        "/command",
        false,
        true,
    );
    ///`interruptCommand`: `DELETE /command`, idempotent.
    pub static INTERRUPT_COMMAND: Operation = Operation::new(
        "interruptCommand",
        "interrupt_command",
        ::http::Method::DELETE,
        "/command",
        true,
        false,
    );
    ///`getCommandStatus`: `GET /command/status/{id}`, idempotent.
    pub static GET_COMMAND_STATUS: Operation = Operation::new(
        "getCommandStatus",
        "get_command_status",
        ::http::Method::GET,
        "/command/status/{id}",
        true,
        false,
    );
    ///`getBackgroundCommandLogs`: `GET /command/{id}/logs`, idempotent.
    pub static GET_BACKGROUND_COMMAND_LOGS: Operation = Operation::new(
        "getBackgroundCommandLogs",
        "get_background_command_logs",
        ::http::Method::GET,
        "/command/{id}/logs",
        true,
        true,
    );
    ///`getFilesInfo`: `GET /files/info`, idempotent.
    pub static GET_FILES_INFO: Operation = Operation::new(
        "getFilesInfo",
        "get_files_info",
        ::http::Method::GET,
        "/files/info",
        true,
        false,
    );
    ///`removeFiles`: `DELETE /files`, idempotent.
    pub static REMOVE_FILES: Operation = Operation::new(
        "removeFiles",
        "remove_files",
        ::http::Method::DELETE,
        "/files",
        true,
        false,
    );
    ///`chmodFiles`: `POST /files/permissions`, idempotent.
    pub static CHMOD_FILES: Operation = Operation::new(
        "chmodFiles",
        "chmod_files",
        ::http::Method::POST,
        "/files/permissions",
        true,
        false,
    );
    ///`renameFiles`: `POST /files/mv`.
    pub static RENAME_FILES: Operation = Operation::new(
        "renameFiles",
        "rename_files",
        ::http::Method::POST,
        "/files/mv",
        false,
        false,
    );
    ///`searchFiles`: `GET /files/search`, idempotent.
    pub static SEARCH_FILES: Operation = Operation::new(
        "searchFiles",
        "search_files",
        ::http::Method::GET,
        "/files/search",
        true,
        false,
    );
    ///`replaceContent`: `POST /files/replace`.
    pub static REPLACE_CONTENT: Operation = Operation::new(
        "replaceContent",
        "replace_content",
        ::http::Method::POST,
        "/files/replace",
        false,
        false,
    );
    ///`uploadFile`: `POST /files/upload`.
    pub static UPLOAD_FILE: Operation = Operation::new(
        "uploadFile",
        "upload_file",
        ::http::Method::POST,
        "/files/upload",
        false,
        false,
    );
    ///`downloadFile`: `GET /files/download`, idempotent.
    pub static DOWNLOAD_FILE: Operation = Operation::new(
        "downloadFile",
        "download_file",
        ::http::Method::GET,
        "/files/download",
        true,
        true,
    );
    ///`listDirectory`: `GET /directories/list`, idempotent.
    pub static LIST_DIRECTORY: Operation = Operation::new(
        "listDirectory",
        "list_directory",
        ::http::Method::GET,
        "/directories/list",
        true,
        false,
    );
    ///`makeDirs`: `POST /directories`, idempotent.
    pub static MAKE_DIRS: Operation = Operation::new(
        "makeDirs",
        "make_dirs",
        ::http::Method::POST,
        "/directories",
        true,
        false,
    );
    ///`removeDirs`: `DELETE /directories`, idempotent.
    pub static REMOVE_DIRS: Operation = Operation::new(
        "removeDirs",
        "remove_dirs",
        ::http::Method::DELETE,
        "/directories",
        true,
        false,
    );
    ///`getMetrics`: `GET /metrics`, idempotent.
    pub static GET_METRICS: Operation = Operation::new(
        "getMetrics",
        "get_metrics",
        ::http::Method::GET,
        "/metrics",
        true,
        false,
    );
    ///`watchMetrics`: `GET /metrics/watch`, idempotent.
    pub static WATCH_METRICS: Operation = Operation::new(
        "watchMetrics",
        "watch_metrics",
        ::http::Method::GET,
        "/metrics/watch",
        true,
        true,
    );
    ///`createPtySession`: `POST /pty`.
    pub static CREATE_PTY_SESSION: Operation = Operation::new(
        "createPtySession",
        "create_pty_session",
        ::http::Method::POST,
        "/pty",
        false,
        false,
    );
    ///`getPtySession`: `GET /pty/{sessionId}`, idempotent.
    pub static GET_PTY_SESSION: Operation = Operation::new(
        "getPtySession",
        "get_pty_session",
        ::http::Method::GET,
        "/pty/{sessionId}",
        true,
        false,
    );
    ///`deletePtySession`: `DELETE /pty/{sessionId}`, idempotent.
    pub static DELETE_PTY_SESSION: Operation = Operation::new(
        "deletePtySession",
        "delete_pty_session",
        ::http::Method::DELETE,
        "/pty/{sessionId}",
        true,
        false,
    );
    /// Every operation, in the order of the spec.
    pub static OPERATIONS: &[&Operation] = &[
        &PING,
        &LIST_CONTEXTS,
        &DELETE_CONTEXTS_BY_LANGUAGE,
        &GET_CONTEXT,
        &DELETE_CONTEXT,
        &CREATE_CODE_CONTEXT,
        &RUN_CODE,
        &INTERRUPT_CODE,
        &CREATE_SESSION,
        &RUN_IN_SESSION,
        &DELETE_SESSION,
        &RUN_COMMAND,
        &INTERRUPT_COMMAND,
        &GET_COMMAND_STATUS,
        &GET_BACKGROUND_COMMAND_LOGS,
        &GET_FILES_INFO,
        &REMOVE_FILES,
        &CHMOD_FILES,
        &RENAME_FILES,
        &SEARCH_FILES,
        &REPLACE_CONTENT,
        &UPLOAD_FILE,
        &DOWNLOAD_FILE,
        &LIST_DIRECTORY,
        &MAKE_DIRS,
        &REMOVE_DIRS,
        &GET_METRICS,
        &WATCH_METRICS,
        &CREATE_PTY_SESSION,
        &GET_PTY_SESSION,
        &DELETE_PTY_SESSION,
    ];
    /// The operation with this operationId (`getSandbox`) or generated method
    /// name (`get_sandbox`).
    pub fn operation(key: &str) -> ::std::option::Option<&'static Operation> {
        match key {
            "ping" => ::std::option::Option::Some(&PING),
            "listContexts" | "list_contexts" => {
                ::std::option::Option::Some(&LIST_CONTEXTS)
            }
            "deleteContextsByLanguage" | "delete_contexts_by_language" => {
                ::std::option::Option::Some(&DELETE_CONTEXTS_BY_LANGUAGE)
            }
            "getContext" | "get_context" => ::std::option::Option::Some(&GET_CONTEXT),
            "deleteContext" | "delete_context" => {
                ::std::option::Option::Some(&DELETE_CONTEXT)
            }
            "createCodeContext" | "create_code_context" => {
                ::std::option::Option::Some(&CREATE_CODE_CONTEXT)
            }
            "runCode" | "run_code" => ::std::option::Option::Some(&RUN_CODE),
            "interruptCode" | "interrupt_code" => {
                ::std::option::Option::Some(&INTERRUPT_CODE)
            }
            "createSession" | "create_session" => {
                ::std::option::Option::Some(&CREATE_SESSION)
            }
            "runInSession" | "run_in_session" => {
                ::std::option::Option::Some(&RUN_IN_SESSION)
            }
            "deleteSession" | "delete_session" => {
                ::std::option::Option::Some(&DELETE_SESSION)
            }
            "runCommand" | "run_command" => ::std::option::Option::Some(&RUN_COMMAND),
            "interruptCommand" | "interrupt_command" => {
                ::std::option::Option::Some(&INTERRUPT_COMMAND)
            }
            "getCommandStatus" | "get_command_status" => {
                ::std::option::Option::Some(&GET_COMMAND_STATUS)
            }
            "getBackgroundCommandLogs" | "get_background_command_logs" => {
                ::std::option::Option::Some(&GET_BACKGROUND_COMMAND_LOGS)
            }
            "getFilesInfo" | "get_files_info" => {
                ::std::option::Option::Some(&GET_FILES_INFO)
            }
            "removeFiles" | "remove_files" => ::std::option::Option::Some(&REMOVE_FILES),
            "chmodFiles" | "chmod_files" => ::std::option::Option::Some(&CHMOD_FILES),
            "renameFiles" | "rename_files" => ::std::option::Option::Some(&RENAME_FILES),
            "searchFiles" | "search_files" => ::std::option::Option::Some(&SEARCH_FILES),
            "replaceContent" | "replace_content" => {
                ::std::option::Option::Some(&REPLACE_CONTENT)
            }
            "uploadFile" | "upload_file" => ::std::option::Option::Some(&UPLOAD_FILE),
            "downloadFile" | "download_file" => {
                ::std::option::Option::Some(&DOWNLOAD_FILE)
            }
            "listDirectory" | "list_directory" => {
                ::std::option::Option::Some(&LIST_DIRECTORY)
            }
            "makeDirs" | "make_dirs" => ::std::option::Option::Some(&MAKE_DIRS),
            "removeDirs" | "remove_dirs" => ::std::option::Option::Some(&REMOVE_DIRS),
            "getMetrics" | "get_metrics" => ::std::option::Option::Some(&GET_METRICS),
            "watchMetrics" | "watch_metrics" => {
                ::std::option::Option::Some(&WATCH_METRICS)
            }
            "createPtySession" | "create_pty_session" => {
                ::std::option::Option::Some(&CREATE_PTY_SESSION)
            }
            "getPtySession" | "get_pty_session" => {
                ::std::option::Option::Some(&GET_PTY_SESSION)
            }
            "deletePtySession" | "delete_pty_session" => {
                ::std::option::Option::Some(&DELETE_PTY_SESSION)
            }
            _ => ::std::option::Option::None,
        }
    }
}
pub use operations::{OPERATIONS, operation};
