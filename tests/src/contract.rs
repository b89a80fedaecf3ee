//! [`Contract`]: Prism on each document, a recording [`Front`] per server, and the
//! bookkeeping of a contract test — steps, violations, coverage and the report.
//!
//! Base paths: Prism ignores the path of a document's `servers` URL, so each front strips
//! it before forwarding. The SDK therefore uses realistic base URLs:
//! - lifecycle and diagnostics (server `…:8080/v1`): `http://127.0.0.1:<port>/v1`;
//! - documents whose server URL has no path (execd, egress): `/proxy/<server port>` is
//!   added, e.g. `http://127.0.0.1:<port>/proxy/44772`, the shape of the endpoints that
//!   Docker bridge mode returns. This also proves that the clients append API paths to an
//!   endpoint's path instead of replacing it: a request outside the base path is a failure.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::prism::{self, PrismServer};
use crate::proxy::{Backend, Exchange, Front, Recorder, Violation};
use crate::spec::{self, Operation, SpecDoc};

/// A contract-test session.
#[derive(Debug)]
pub struct Contract {
    /// Every document of `specs/` (coverage is counted against all of them).
    pub specs: Vec<SpecDoc>,
    recorder: Arc<Recorder>,
    fronts: Vec<Front>,
    extra_fronts: Mutex<Vec<Front>>,
    backends: Vec<Backend>,
    failures: Mutex<Vec<String>>,
    _prisms: Vec<Arc<PrismServer>>,
}

impl Contract {
    /// Starts (or reuses) Prism for the documents named in `only` (file names; all
    /// documents when empty) and a front per server. Panics with the reason when that is
    /// impossible (for instance Prism is not installed): the test fails, it is never skipped.
    pub async fn start(only: &[&str]) -> Contract {
        match Contract::try_start(only).await {
            Ok(c) => c,
            Err(e) => panic!("the contract-test harness could not start: {e}"),
        }
    }

    /// Like [`Contract::start`], returning the reason instead of panicking.
    pub async fn try_start(only: &[&str]) -> Result<Contract, String> {
        let specs = spec::load_specs(&spec::specs_dir())?;
        for name in only {
            if !specs.iter().any(|s| s.file == *name) {
                return Err(format!("there is no document specs/{name}"));
            }
        }
        let selected: Vec<SpecDoc> = specs
            .iter()
            .filter(|s| only.is_empty() || only.contains(&s.file.as_str()))
            .cloned()
            .collect();
        let paths: Vec<PathBuf> = selected.iter().map(|s| s.path.clone()).collect();
        let prisms = tokio::task::spawn_blocking(move || {
            let refs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
            prism::shared(&refs)
        })
        .await
        .map_err(|e| format!("starting Prism: {e}"))??;

        let recorder = Recorder::new();
        let backends: Vec<Backend> = selected
            .iter()
            .zip(&prisms)
            .map(|(spec, server)| Backend {
                spec: spec.clone(),
                port: server.port,
            })
            .collect();
        let mut groups: BTreeMap<String, Vec<Backend>> = BTreeMap::new();
        for b in &backends {
            groups
                .entry(b.spec.server_origin())
                .or_default()
                .push(b.clone());
        }
        let mut fronts = Vec::new();
        for (origin, backends) in groups {
            let prefix = base_path(&backends[0].spec);
            let front = Front::start(&origin, &prefix, backends, recorder.clone())
                .await
                .map_err(|e| format!("starting the recording proxy for {origin}: {e}"))?;
            fronts.push(front);
        }
        Ok(Contract {
            specs,
            recorder,
            fronts,
            extra_fronts: Mutex::new(Vec::new()),
            backends,
            failures: Mutex::new(Vec::new()),
            _prisms: prisms,
        })
    }

    /// The base URL an SDK client should use for the server of document `spec_file`.
    pub fn base_url(&self, spec_file: &str) -> String {
        self.fronts
            .iter()
            .find(|f| f.specs.iter().any(|s| s == spec_file))
            .map(|f| f.base_url.clone())
            .unwrap_or_else(|| {
                panic!("{spec_file} is not served in this test (see Contract::start)")
            })
    }

    /// Starts one more recording front, serving the documents `spec_files` (already
    /// started) together under `prefix`, and returns its `host:port`. Used where one
    /// address must reach several documents: every sandbox endpoint the Prism-mocked
    /// lifecycle API returns is the same example value, so the high-level `Sandbox` reaches
    /// execd and the egress sidecar through one front (their paths do not overlap).
    pub async fn extra_front(&self, spec_files: &[&str], prefix: &str) -> String {
        let backends: Vec<Backend> = self
            .backends
            .iter()
            .filter(|b| spec_files.contains(&b.spec.file.as_str()))
            .cloned()
            .collect();
        if backends.len() != spec_files.len() {
            panic!("extra_front: not every one of {spec_files:?} is served in this test");
        }
        let front = Front::start(
            &format!("{} (shared)", spec_files.join(" + ")),
            prefix,
            backends,
            self.recorder.clone(),
        )
        .await
        .unwrap_or_else(|e| panic!("starting a recording proxy for {spec_files:?}: {e}"));
        let host_port = front
            .base_url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or_default()
            .to_string();
        if let Ok(mut f) = self.extra_fronts.lock() {
            f.push(front);
        }
        host_port
    }

    /// Runs one SDK call labelled `label` (e.g. `LifecycleClient::get_sandbox`): its
    /// requests are attributed to it. A failure is recorded (the test fails at
    /// [`Contract::finish`]) and `None` returned, so one broken call does not hide others.
    pub async fn step<T, E, F>(&self, label: &str, call: F) -> Option<T>
    where
        E: Display,
        F: Future<Output = Result<T, E>>,
    {
        self.recorder.set_label(label);
        let before = self.recorder.len();
        let out = call.await;
        let sent = self.recorder.len() - before;
        match out {
            Ok(v) => {
                if sent == 0 {
                    self.fail(format!("{label}: succeeded without sending a request"));
                }
                Some(v)
            }
            Err(e) => {
                self.fail(format!("{label}: {e}"));
                None
            }
        }
    }

    /// Names the SDK call whose requests come next, for calls made outside [`Contract::step`].
    pub fn label(&self, label: &str) {
        self.recorder.set_label(label);
    }

    /// Records a failure unless `ok`.
    pub fn check(&self, ok: bool, what: impl Display) {
        if !ok {
            self.fail(what.to_string());
        }
    }

    /// Records a failure.
    pub fn fail(&self, what: impl Display) {
        if let Ok(mut f) = self.failures.lock() {
            f.push(what.to_string());
        }
    }

    /// Every exchange so far.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.recorder.exchanges()
    }

    /// The exchanges of the calls labelled `label`.
    pub fn exchanges_of(&self, label: &str) -> Vec<Exchange> {
        self.exchanges()
            .into_iter()
            .filter(|e| e.label == label)
            .collect()
    }

    /// The most recent exchange.
    pub fn last_exchange(&self) -> Option<Exchange> {
        self.exchanges().pop()
    }

    /// Every problem of every exchange: Prism's violations (except the tolerated ones, see
    /// [`tolerated`]), the proxy's own findings, and lifecycle credentials sent to another
    /// server. Each line names the SDK call, the request and the operation.
    pub fn violations(&self) -> Vec<String> {
        let mut out = Vec::new();
        for ex in self.exchanges() {
            let op = ex
                .operation
                .as_ref()
                .map(|o| o.operation_id.clone())
                .unwrap_or_else(|| "no operation".into());
            let head = format!(
                "{} → {} ({op}) answered {}",
                label_or(&ex.label),
                ex.request_line(),
                ex.status
            );
            for p in &ex.problems {
                out.push(format!("{head}: {p}"));
            }
            for v in &ex.violations {
                if tolerated(&ex, v).is_none() {
                    out.push(format!("{head}: Prism: {v}"));
                }
            }
            for h in self.foreign_credentials(&ex) {
                out.push(format!(
                    "{head}: carries {h}, the credential of another server"
                ));
            }
        }
        out
    }

    /// Auth headers of documents of *other* servers that the request carried (e.g. the
    /// lifecycle API key sent to execd).
    fn foreign_credentials(&self, ex: &Exchange) -> Vec<String> {
        let Some(own) = self.specs.iter().find(|s| s.file == ex.served_by) else {
            return Vec::new();
        };
        let own_headers: BTreeSet<String> = self
            .specs
            .iter()
            .filter(|s| s.server_origin() == own.server_origin())
            .flat_map(|s| s.auth_headers.iter().map(|h| h.to_ascii_lowercase()))
            .collect();
        self.specs
            .iter()
            .filter(|s| s.server_origin() != own.server_origin())
            .flat_map(|s| s.auth_headers.iter())
            .map(|h| h.to_ascii_lowercase())
            .filter(|h| !own_headers.contains(h) && ex.request_header(h).is_some())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// For every operation of every document: the labels of the calls whose requests hit it
    /// with a success (2xx/3xx) answer.
    pub fn coverage(&self) -> Vec<(Operation, Vec<String>)> {
        let exchanges = self.exchanges();
        self.specs
            .iter()
            .flat_map(|s| s.operations.iter())
            .map(|op| {
                let labels: BTreeSet<String> = exchanges
                    .iter()
                    .filter(|e| e.status < 400 && e.operation.as_ref() == Some(op))
                    .map(|e| label_or(&e.label).to_string())
                    .collect();
                (op.clone(), labels.into_iter().collect())
            })
            .collect()
    }

    /// The coverage as a table: operationId, method and path, document, covering calls.
    pub fn coverage_table(&self) -> String {
        let rows: Vec<[String; 4]> = self
            .coverage()
            .into_iter()
            .map(|(op, labels)| {
                [
                    op.operation_id.clone(),
                    format!("{} {}", op.method, op.path),
                    op.spec.clone(),
                    if labels.is_empty() {
                        "NOT COVERED".to_string()
                    } else {
                        labels.join(", ")
                    },
                ]
            })
            .collect();
        let header = ["operationId", "method path", "document", "covered by"].map(String::from);
        let mut widths = [0usize; 3];
        for row in std::iter::once(&header).chain(&rows) {
            for (w, cell) in widths.iter_mut().zip(row.iter()) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |row: &[String; 4]| {
            format!(
                "{:w0$}  {:w1$}  {:w2$}  {}",
                row[0],
                row[1],
                row[2],
                row[3],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2]
            )
        };
        let mut out = String::new();
        out.push_str(&line(&header));
        out.push('\n');
        out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 6 + 10));
        out.push('\n');
        for row in &rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        let covered = rows.iter().filter(|r| r[3] != "NOT COVERED").count();
        out.push_str(&format!("{covered}/{} operations covered\n", rows.len()));
        out
    }

    /// The tolerated Prism findings (documented quirks), one line each.
    pub fn tolerated_notes(&self) -> Vec<String> {
        let mut notes = BTreeSet::new();
        for ex in self.exchanges() {
            for v in &ex.violations {
                if let Some(reason) = tolerated(&ex, v) {
                    let op = ex
                        .operation
                        .as_ref()
                        .map(|o| o.operation_id.as_str())
                        .unwrap_or("?");
                    notes.insert(format!("{op}: {v} — {reason}"));
                }
            }
        }
        notes.into_iter().collect()
    }

    /// Ends the test: prints the coverage table (and writes it to
    /// `target/contract-coverage.txt`), then panics listing every failed call, every
    /// violation and, when `require_full_coverage`, every operation no call exercised.
    pub fn finish(self, require_full_coverage: bool) {
        let table = self.coverage_table();
        let notes = self.tolerated_notes();
        let mut report = format!("Operations of specs/ exercised through the SDK:\n\n{table}");
        if !notes.is_empty() {
            report.push_str("\nTolerated Prism findings (documented quirks, not SDK problems):\n");
            for n in &notes {
                report.push_str(&format!("  - {n}\n"));
            }
        }
        println!("{report}");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate::workspace_root().join("target"));
        if std::fs::create_dir_all(&target).is_ok() {
            let _ = std::fs::write(target.join("contract-coverage.txt"), &report);
        }

        let mut problems = Vec::new();
        let failures = self.failures.lock().map(|f| f.clone()).unwrap_or_default();
        if !failures.is_empty() {
            problems.push(format!(
                "SDK calls that failed:\n  - {}",
                failures.join("\n  - ")
            ));
        }
        let violations = self.violations();
        if !violations.is_empty() {
            problems.push(format!(
                "Requests the specs do not allow (Prism's sl-violations and the proxy's checks):\n  - {}",
                violations.join("\n  - ")
            ));
        }
        if require_full_coverage {
            let missing: Vec<String> = self
                .coverage()
                .into_iter()
                .filter(|(_, labels)| labels.is_empty())
                .map(|(op, _)| format!("{op} in {}", op.spec))
                .collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "Operations no SDK call exercised successfully:\n  - {}",
                    missing.join("\n  - ")
                ));
            }
        }
        if !problems.is_empty() {
            panic!(
                "contract test failed:\n\n{}\n\n{report}",
                problems.join("\n\n")
            );
        }
    }
}

fn label_or(label: &str) -> &str {
    if label.is_empty() {
        "(unlabelled call)"
    } else {
        label
    }
}

/// The base path a front serves a document under (see the module docs).
fn base_path(spec: &SpecDoc) -> String {
    let path = spec.server_path();
    if !path.is_empty() {
        return path;
    }
    let origin = spec.server_origin();
    let port = origin
        .rsplit_once(':')
        .and_then(|(_, p)| p.parse::<u16>().ok())
        .unwrap_or(if origin.starts_with("https") { 443 } else { 80 });
    format!("/proxy/{port}")
}

/// Why a Prism violation is not held against the SDK, if it is one of the documented
/// quirks: Prism validates a `text/event-stream` answer against the event schema, but the
/// example it serves is (as it must be) the whole stream as a string — a finding about
/// Prism's own mock response, not about the request.
pub fn tolerated(ex: &Exchange, v: &Violation) -> Option<&'static str> {
    let streams = ex.operation.as_ref().is_some_and(|o| o.event_stream);
    let content_type = ex.response_header("content-type").unwrap_or("");
    if streams
        && v.location == ["response", "body"]
        && (200..300).contains(&ex.status)
        && content_type.starts_with("text/event-stream")
    {
        return Some(
            "Prism checks a streamed answer against the schema of one event; its example is the whole stream",
        );
    }
    None
}
