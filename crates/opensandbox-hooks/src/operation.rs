//! One operation of an API, as the generated crates list it.

/// One operation of an API: generated into each API crate's `operations` module (one
/// `static` per operation) from the specs, with idempotency from
/// `specs/overlays/idempotency.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The operationId in the spec (`getSandbox`): what traces and errors name.
    pub id: &'static str,
    /// The generated client's method name (`get_sandbox`), which progenitor passes to
    /// its hooks.
    pub name: &'static str,
    /// The HTTP method.
    pub method: http::Method,
    /// The path template as the spec writes it (`/sandboxes/{sandboxId}`).
    pub path: &'static str,
    /// Whether sending it twice has the effect of sending it once: true for GET, HEAD,
    /// PUT, DELETE and OPTIONS, and for what the idempotency overlay marks so.
    pub idempotent: bool,
    /// Whether a success answer is a byte stream (not JSON): it is handed over as it
    /// arrives, never read whole first.
    pub streamed: bool,
}

impl Operation {
    /// An operation entry; generated tables are built with this.
    #[must_use]
    pub const fn new(
        id: &'static str,
        name: &'static str,
        method: http::Method,
        path: &'static str,
        idempotent: bool,
        streamed: bool,
    ) -> Self {
        Operation {
            id,
            name,
            method,
            path,
            idempotent,
            streamed,
        }
    }
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} {})", self.id, self.method, self.path)
    }
}
