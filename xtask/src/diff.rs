//! `cargo xtask spec-diff OLD NEW`: wire-level differences between two OpenAPI documents
//! (or two folders of documents paired by file name).
//!
//! Only what travels on the wire is compared: operations (method + path template, path
//! parameter names normalised), parameters, request bodies, responses, media types,
//! response headers and schemas. Prose (descriptions, summaries, examples, titles, tags,
//! `info`), `operationId`s and schema component names are ignored. `$ref`s are resolved,
//! and OpenAPI 3.0 and 3.1 spellings of nullability (`nullable: true`, `type: [T, 'null']`,
//! a `oneOf`/`anyOf` null branch, `null` in an `enum`) are the same thing.
//!
//! Every change is judged from the point of view of an existing client built from OLD
//! talking to a server that implements NEW. Request-side schemas must not narrow what
//! the client sends; response-side schemas must not widen what the client receives.
//! A response enum that gains a value is reported as a note: generated clients use open
//! enums, only strict clients would fail on it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::spec;
use crate::walk::METHODS;

/// How a change affects an existing client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An existing client may fail against the new server.
    Breaking,
    /// Something new and optional.
    Added,
    /// Something removed that existing clients cannot notice.
    Removed,
    /// A compatible change.
    Changed,
    /// Compatible for our generated clients, breaking only for strict ones.
    Note,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Breaking => "BREAKING",
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
            Kind::Note => "note",
        }
    }
}

/// One wire-level difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What the change belongs to: `METHOD /path`, prefixed by `[file]` when folders are
    /// compared; a file-level change has the bare `[file]`.
    pub group: String,
    /// How it affects existing clients.
    pub kind: Kind,
    /// What changed, e.g. ``request body: property `image` is now required``.
    pub message: String,
    /// Orders groups: file, normalised path, method.
    sort_key: (String, String, usize),
}

/// All wire-level differences between OLD and NEW, grouped and in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    changes: Vec<Change>,
}

impl Report {
    /// Whether any change breaks existing clients.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|c| c.kind == Kind::Breaking)
    }

    /// Human-readable report: a heading per operation, one line per change, a summary.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut group: Option<&str> = None;
        for c in &self.changes {
            if group != Some(c.group.as_str()) {
                let _ = writeln!(out, "{}", c.group);
                group = Some(&c.group);
            }
            let _ = writeln!(out, "  {:<8}  {}", c.kind.label(), c.message);
        }
        if self.changes.is_empty() {
            out.push_str("no wire-level differences\n");
        } else {
            let total = self.changes.len();
            let breaking = self
                .changes
                .iter()
                .filter(|c| c.kind == Kind::Breaking)
                .count();
            let notes = self.changes.iter().filter(|c| c.kind == Kind::Note).count();
            let _ = write!(
                out,
                "{total} change{}, {breaking} breaking",
                if total == 1 { "" } else { "s" }
            );
            if notes > 0 {
                let _ = write!(out, ", {notes} note{}", if notes == 1 { "" } else { "s" });
            }
            out.push('\n');
        }
        out
    }

    fn sort(&mut self) {
        // Stable: changes within one group keep their (deterministic) traversal order.
        self.changes.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
    }
}

/// Compares two spec files, or two folders of spec files paired by file name.
pub fn run(old: &Path, new: &Path) -> Result<Report, String> {
    let mut report = Report::default();
    match (old.is_dir(), new.is_dir()) {
        (false, false) => {
            let (o, n) = (load_doc(old)?, load_doc(new)?);
            compare_docs(&o, &n, None, &mut report.changes)?;
        }
        (true, true) => {
            let olds = spec_files(old)?;
            let news = spec_files(new)?;
            let names: BTreeSet<&String> = olds.keys().chain(news.keys()).collect();
            for name in names {
                let group = format!("[{name}]");
                let key = (name.clone(), String::new(), 0);
                match (olds.get(name), news.get(name)) {
                    (Some(o), Some(n)) => {
                        let (o, n) = (load_doc(o)?, load_doc(n)?);
                        compare_docs(&o, &n, Some(name), &mut report.changes)?;
                    }
                    (Some(o), None) => {
                        let count = operation_count(&load_doc(o)?);
                        report.changes.push(Change {
                            group,
                            kind: Kind::Breaking,
                            message: format!("file removed ({})", operations(count)),
                            sort_key: key,
                        });
                    }
                    (None, Some(n)) => {
                        let count = operation_count(&load_doc(n)?);
                        report.changes.push(Change {
                            group,
                            kind: Kind::Added,
                            message: format!("file ({})", operations(count)),
                            sort_key: key,
                        });
                    }
                    (None, None) => {}
                }
            }
        }
        (true, false) | (false, true) => {
            return Err(format!(
                "cannot compare {} with {}: OLD and NEW must both be files or both be folders",
                old.display(),
                new.display()
            ));
        }
    }
    report.sort();
    Ok(report)
}

/// The spec files (`*.yml`, `*.yaml`, `*.json`) directly in `dir`, by file name.
fn spec_files(dir: &Path) -> Result<BTreeMap<String, std::path::PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("reading folder {}: {e}", dir.display()))?;
    let mut files = BTreeMap::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("reading folder {}: {e}", dir.display()))?;
        let path = entry.path();
        let is_spec = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "yml" | "yaml" | "json"));
        if is_spec
            && path.is_file()
            && let Some(name) = path.file_name().and_then(|n| n.to_str())
        {
            files.insert(name.to_string(), path.clone());
        }
    }
    if files.is_empty() {
        return Err(format!(
            "{}: no *.yml, *.yaml or *.json spec files in this folder",
            dir.display()
        ));
    }
    Ok(files)
}

/// Loads a document and checks that it is OpenAPI 3.x.
fn load_doc(path: &Path) -> Result<Value, String> {
    let doc = spec::load(path)?;
    check_openapi(&doc).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(doc)
}

fn check_openapi(doc: &Value) -> Result<(), String> {
    if !doc.is_object() {
        return Err("not an OpenAPI document (the top level is not a mapping)".into());
    }
    match doc.get("openapi") {
        Some(Value::String(v)) if v.starts_with("3.") => {}
        Some(v) => {
            return Err(format!(
                "unsupported OpenAPI version {v} (only 3.0 and 3.1 are understood)"
            ));
        }
        None if doc.get("swagger").is_some() => {
            return Err(
                "Swagger 2.0 documents are not supported (only OpenAPI 3.0 and 3.1)".into(),
            );
        }
        None => return Err("not an OpenAPI document (no `openapi` field)".into()),
    }
    match doc.get("paths") {
        None | Some(Value::Object(_)) => Ok(()),
        Some(_) => Err("`paths` is not a mapping".into()),
    }
}

fn operations(count: usize) -> String {
    format!("{count} operation{}", if count == 1 { "" } else { "s" })
}

fn operation_count(doc: &Value) -> usize {
    doc.get("paths")
        .and_then(Value::as_object)
        .map(|paths| {
            paths
                .values()
                .map(|item| METHODS.iter().filter(|m| item.get(**m).is_some()).count())
                .sum()
        })
        .unwrap_or(0)
}

/// `/a/{id}/b` → `/a/{}/b`: operations match whatever their path parameters are called.
fn normalise_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_param = false;
    for ch in path.chars() {
        match ch {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' if in_param => in_param = false,
            _ if in_param => {}
            _ => out.push(ch),
        }
    }
    out
}

/// The names of a path template's parameters, in order.
fn path_param_names(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

/// Compares two loaded documents, appending changes to `out`.
fn compare_docs(
    old: &Value,
    new: &Value,
    file: Option<&str>,
    out: &mut Vec<Change>,
) -> Result<(), String> {
    let mut d = Differ {
        old,
        new,
        file: file.map(str::to_string),
        group: String::new(),
        sort_key: Default::default(),
        out,
        error: None,
        in_progress: Vec::new(),
    };
    d.documents();
    match d.error {
        Some(e) => Err(match file {
            Some(f) => format!("{f}: {e}"),
            None => e,
        }),
        None => Ok(()),
    }
}

/// Which direction a schema travels, which decides what narrowing or widening means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Sent by the client: the new server must accept everything the old client sends.
    Request,
    /// Sent by the server: the old client must understand everything the new server sends.
    Response,
}

struct Differ<'a, 'o> {
    old: &'a Value,
    new: &'a Value,
    file: Option<String>,
    group: String,
    sort_key: (String, String, usize),
    out: &'o mut Vec<Change>,
    /// The first broken reference met; the comparison goes on, `run` returns it.
    error: Option<String>,
    /// Pairs of `$ref` sets being compared, so recursive schemas terminate.
    in_progress: Vec<(String, String)>,
}

/// A path-template entry: its template as written and its path item.
type PathEntry<'a> = (&'a str, &'a Value);

impl<'a> Differ<'a, '_> {
    fn push(&mut self, kind: Kind, message: String) {
        self.out.push(Change {
            group: self.group.clone(),
            kind,
            message,
            sort_key: self.sort_key.clone(),
        });
    }

    fn fail(&mut self, e: String) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Follows `$ref`s of non-schema objects (parameters, request bodies, responses,
    /// headers) to the object itself.
    fn deref(&mut self, doc: &'a Value, mut v: &'a Value) -> &'a Value {
        for _ in 0..32 {
            let Some(r) = v.get("$ref").and_then(Value::as_str) else {
                return v;
            };
            match resolve_pointer(doc, r) {
                Ok(t) => v = t,
                Err(e) => {
                    self.fail(e);
                    return &Value::Null;
                }
            }
        }
        self.fail("a `$ref` chain is longer than 32 steps (a cycle?)".into());
        &Value::Null
    }

    fn paths(doc: &'a Value) -> BTreeMap<String, PathEntry<'a>> {
        doc.get("paths")
            .and_then(Value::as_object)
            .map(|paths| {
                paths
                    .iter()
                    .map(|(p, item)| (normalise_path(p), (p.as_str(), item)))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn documents(&mut self) {
        let old_paths = Self::paths(self.old);
        let new_paths = Self::paths(self.new);
        let keys: BTreeSet<&String> = old_paths.keys().chain(new_paths.keys()).collect();
        for key in keys {
            let o = old_paths
                .get(key)
                .map(|&(p, item)| (p, self.deref(self.old, item)));
            let n = new_paths
                .get(key)
                .map(|&(p, item)| (p, self.deref(self.new, item)));
            for (idx, method) in METHODS.iter().enumerate() {
                let oo = o.and_then(|(p, item)| item.get(*method).map(|op| (p, item, op)));
                let no = n.and_then(|(p, item)| item.get(*method).map(|op| (p, item, op)));
                let shown = oo.or(no).map(|(p, _, _)| p).unwrap_or(key);
                let heading = format!("{} {shown}", method.to_uppercase());
                self.group = match &self.file {
                    Some(f) => format!("[{f}] {heading}"),
                    None => heading,
                };
                self.sort_key = (self.file.clone().unwrap_or_default(), key.clone(), idx + 1);
                match (oo, no) {
                    (Some(oo), Some(no)) => self.operation(oo, no),
                    (Some(_), None) => self.push(Kind::Breaking, "operation removed".into()),
                    (None, Some(_)) => self.push(Kind::Added, "operation".into()),
                    (None, None) => {}
                }
            }
        }
    }

    fn operation(
        &mut self,
        (old_path, old_item, old_op): (&'a str, &'a Value, &'a Value),
        (new_path, new_item, new_op): (&'a str, &'a Value, &'a Value),
    ) {
        let op = self.parameters(self.old, old_path, old_item, old_op);
        let np = self.parameters(self.new, new_path, new_item, new_op);
        self.compare_parameters(&op, &np);

        let ob = old_op.get("requestBody").map(|b| self.deref(self.old, b));
        let nb = new_op.get("requestBody").map(|b| self.deref(self.new, b));
        self.request_body(ob, nb);

        let orsp = old_op.get("responses").and_then(Value::as_object);
        let nrsp = new_op.get("responses").and_then(Value::as_object);
        let statuses: BTreeSet<&String> = orsp
            .into_iter()
            .chain(nrsp)
            .flat_map(|m| m.keys())
            .collect();
        for status in statuses {
            let or = orsp
                .and_then(|m| m.get(status))
                .map(|r| self.deref(self.old, r));
            let nr = nrsp
                .and_then(|m| m.get(status))
                .map(|r| self.deref(self.new, r));
            match (or, nr) {
                (Some(or), Some(nr)) => self.response(status, or, nr),
                (Some(_), None) => {
                    self.removed(is_success(status), format!("response {status}"));
                }
                (None, Some(_)) => self.push(Kind::Added, format!("response {status}")),
                (None, None) => {}
            }
        }
    }

    /// The effective parameters of an operation (path-level ones overridden by
    /// operation-level ones), keyed by location and name; path parameters are keyed by
    /// their position in the template, so renaming one is no change.
    fn parameters(
        &mut self,
        doc: &'a Value,
        path: &str,
        item: &'a Value,
        op: &'a Value,
    ) -> BTreeMap<String, (String, &'a Value)> {
        let template = path_param_names(path);
        let mut out = BTreeMap::new();
        for list in [item.get("parameters"), op.get("parameters")]
            .into_iter()
            .flatten()
        {
            for p in list.as_array().map(Vec::as_slice).unwrap_or_default() {
                let p = self.deref(doc, p);
                let name = p.get("name").and_then(Value::as_str).unwrap_or("");
                let location = p.get("in").and_then(Value::as_str).unwrap_or("");
                let key = match template.iter().position(|t| t == name) {
                    Some(i) if location == "path" => format!("path #{i}"),
                    // Header names are case-insensitive on the wire.
                    _ if location == "header" => format!("header {}", name.to_ascii_lowercase()),
                    _ => format!("{location} {name}"),
                };
                let label = format!("parameter `{name}` ({location})");
                out.insert(key, (label, p));
            }
        }
        out
    }

    fn compare_parameters(
        &mut self,
        old: &BTreeMap<String, (String, &'a Value)>,
        new: &BTreeMap<String, (String, &'a Value)>,
    ) {
        let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for key in keys {
            match (old.get(key), new.get(key)) {
                (Some((_, o)), Some((label, n))) => {
                    let (or, nr) = (is_required(o), is_required(n));
                    if !or && nr {
                        self.push(Kind::Breaking, format!("{label} is now required"));
                    } else if or && !nr {
                        self.push(Kind::Changed, format!("{label} is now optional"));
                    }
                    let (os, ns) = (serialisation(o), serialisation(n));
                    if os != ns {
                        self.push(
                            Kind::Breaking,
                            format!("{label} serialisation changed from {os} to {ns}"),
                        );
                    }
                    let (osch, nsch) = (param_schema(o), param_schema(n));
                    self.schema(&osch, &nsch, Side::Request, label, "");
                }
                (Some((label, _)), None) => {
                    self.push(Kind::Breaking, format!("{label} removed"));
                }
                (None, Some((label, n))) => {
                    if is_required(n) {
                        self.push(Kind::Breaking, format!("new required {label}"));
                    } else {
                        self.push(Kind::Added, label.clone());
                    }
                }
                (None, None) => {}
            }
        }
    }

    fn request_body(&mut self, old: Option<&'a Value>, new: Option<&'a Value>) {
        match (old, new) {
            (None, None) => {}
            (Some(_), None) => self.push(Kind::Breaking, "request body removed".into()),
            (None, Some(n)) => {
                if is_required(n) {
                    self.push(Kind::Breaking, "new required request body".into());
                } else {
                    self.push(Kind::Added, "request body (optional)".into());
                }
            }
            (Some(o), Some(n)) => {
                let (or, nr) = (is_required(o), is_required(n));
                if !or && nr {
                    self.push(Kind::Breaking, "request body is now required".into());
                } else if or && !nr {
                    self.push(Kind::Changed, "request body is now optional".into());
                }
                self.content(o, n, Side::Request, "request body");
            }
        }
    }

    fn response(&mut self, status: &str, old: &'a Value, new: &'a Value) {
        let loc = format!("response {status}");
        self.content(old, new, Side::Response, &loc);

        let headers = |v: &'a Value| -> BTreeMap<String, (&'a String, &'a Value)> {
            v.get("headers")
                .and_then(Value::as_object)
                .map(|h| {
                    h.iter()
                        .map(|(k, v)| (k.to_ascii_lowercase(), (k, v)))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (oh, nh) = (headers(old), headers(new));
        let names: BTreeSet<&String> = oh.keys().chain(nh.keys()).collect();
        for name in names {
            match (oh.get(name), nh.get(name)) {
                (Some((_, o)), Some((shown, n))) => {
                    let o = self.deref(self.old, o);
                    let n = self.deref(self.new, n);
                    let (osch, nsch) = (param_schema(o), param_schema(n));
                    self.schema(
                        &osch,
                        &nsch,
                        Side::Response,
                        &format!("{loc}: header `{shown}`"),
                        "",
                    );
                }
                (Some((shown, _)), None) => {
                    self.push(Kind::Breaking, format!("{loc}: header `{shown}` removed"));
                }
                (None, Some((shown, _))) => {
                    self.push(Kind::Added, format!("{loc}: header `{shown}`"));
                }
                (None, None) => {}
            }
        }
    }

    /// Compares the `content` of two request bodies or responses.
    fn content(&mut self, old: &'a Value, new: &'a Value, side: Side, loc: &str) {
        let media = |v: &'a Value| -> BTreeMap<String, &'a Value> {
            v.get("content")
                .and_then(Value::as_object)
                .map(|c| {
                    c.iter()
                        .map(|(k, v)| (normalise_media_type(k), v))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (om, nm) = (media(old), media(new));
        let types: BTreeSet<&String> = om.keys().chain(nm.keys()).collect();
        let qualify = types.len() > 1;
        for mt in types {
            match (om.get(mt), nm.get(mt)) {
                (Some(o), Some(n)) => {
                    let here = if qualify {
                        format!("{loc} ({mt})")
                    } else {
                        loc.to_string()
                    };
                    let empty = Value::Object(Default::default());
                    let os = o.get("schema").unwrap_or(&empty);
                    let ns = n.get("schema").unwrap_or(&empty);
                    self.schema(os, ns, side, &here, "");
                }
                (Some(_), None) => {
                    self.push(Kind::Breaking, format!("{loc}: media type `{mt}` removed"));
                }
                (None, Some(_)) => self.push(Kind::Added, format!("{loc}: media type `{mt}`")),
                (None, None) => {}
            }
        }
    }

    /// Something present in OLD only: BREAKING "`what` removed", or a plain removal.
    fn removed(&mut self, breaking: bool, what: String) {
        if breaking {
            self.push(Kind::Breaking, format!("{what} removed"));
        } else {
            self.push(Kind::Removed, what);
        }
    }

    /// `breaking` decides between BREAKING and `otherwise`.
    fn report(&mut self, breaking: bool, otherwise: Kind, message: String) {
        self.push(if breaking { Kind::Breaking } else { otherwise }, message);
    }

    /// Compares two schemas recursively. `loc` says where the schema stands (e.g.
    /// `response 200`), `path` where inside it (e.g. `status.state`, `items[]`).
    fn schema(&mut self, old: &Value, new: &Value, side: Side, loc: &str, path: &str) {
        let o = match flatten(self.old, old) {
            Ok(s) => s,
            Err(e) => return self.fail(e),
        };
        let n = match flatten(self.new, new) {
            Ok(s) => s,
            Err(e) => return self.fail(e),
        };
        // Recursive schemas: a pair of referenced schemas already being compared further
        // up is not compared again.
        let guard = (!o.refs.is_empty() && !n.refs.is_empty())
            .then(|| (o.refs.join(","), n.refs.join(",")));
        if let Some(g) = &guard {
            if self.in_progress.contains(g) || self.in_progress.len() > 64 {
                return;
            }
            self.in_progress.push(g.clone());
        }
        self.shapes(&o, &n, side, loc, path);
        if guard.is_some() {
            self.in_progress.pop();
        }
    }

    fn shapes(&mut self, o: &Shape, n: &Shape, side: Side, loc: &str, path: &str) {
        let req = side == Side::Request;
        let subj = if path.is_empty() {
            String::new()
        } else {
            format!("`{path}` ")
        };

        if o.types != n.types {
            self.push(
                Kind::Breaking,
                format!(
                    "{loc}: {subj}type changed from {} to {}",
                    o.type_name(),
                    n.type_name()
                ),
            );
            return;
        }
        if o.format != n.format {
            let show =
                |f: &Option<String>| f.as_deref().map_or("(none)".into(), |f| format!("`{f}`"));
            self.push(
                Kind::Breaking,
                format!(
                    "{loc}: {subj}format changed from {} to {}",
                    show(&o.format),
                    show(&n.format)
                ),
            );
        }
        if o.nullable != n.nullable {
            // Request: dropping null rejects what clients send. Response: allowing null
            // sends clients what they cannot parse.
            let breaking = if req { o.nullable } else { n.nullable };
            let what = if n.nullable {
                "is now nullable"
            } else {
                "is no longer nullable"
            };
            self.report(breaking, Kind::Changed, format!("{loc}: {subj}{what}"));
        }
        self.enums(o, n, side, loc, &subj);
        if o.discriminator != n.discriminator {
            self.push(
                Kind::Breaking,
                format!(
                    "{loc}: {subj}discriminator changed from {} to {}",
                    o.discriminator.as_deref().unwrap_or("(none)"),
                    n.discriminator.as_deref().unwrap_or("(none)")
                ),
            );
        }
        self.properties(o, n, side, loc, path);
        self.additional(o, n, side, loc, path, &subj);

        let any = Value::Object(Default::default());
        if o.items.is_some() || n.items.is_some() {
            let oi = o.items.as_ref().unwrap_or(&any);
            let ni = n.items.as_ref().unwrap_or(&any);
            self.schema(oi, ni, side, loc, &format!("{path}[]"));
        }
        self.variants(o, n, side, loc, path, &subj);
    }

    fn enums(&mut self, o: &Shape, n: &Shape, side: Side, loc: &str, subj: &str) {
        let req = side == Side::Request;
        match (&o.enum_values, &n.enum_values) {
            (None, None) => {}
            (Some(_), None) => {
                // Widened: fine for what clients send, new values for what they receive.
                let kind = if req { Kind::Changed } else { Kind::Note };
                self.push(
                    kind,
                    format!("{loc}: {subj}is no longer restricted to an enum"),
                );
            }
            (None, Some(vals)) => {
                self.report(
                    req,
                    Kind::Changed,
                    format!("{loc}: {subj}is now restricted to the enum {}", list(vals)),
                );
            }
            (Some(ov), Some(nv)) => {
                for v in ov.iter().filter(|v| !nv.contains(v)) {
                    self.removed(req, format!("{loc}: {subj}enum value {}", show(v)));
                }
                for v in nv.iter().filter(|v| !ov.contains(v)) {
                    if req {
                        self.push(Kind::Added, format!("{loc}: {subj}enum value {}", show(v)));
                    } else {
                        self.push(
                            Kind::Note,
                            format!(
                                "{loc}: {subj}enum value {} added (breaks strict clients only)",
                                show(v)
                            ),
                        );
                    }
                }
            }
        }
    }

    fn properties(&mut self, o: &Shape, n: &Shape, side: Side, loc: &str, path: &str) {
        let req = side == Side::Request;
        let names: BTreeSet<&String> = o
            .properties
            .keys()
            .chain(n.properties.keys())
            .chain(o.required.iter())
            .chain(n.required.iter())
            .collect();
        let any = Value::Object(Default::default());
        for name in names {
            let p = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            let in_old = o.properties.contains_key(name) || o.required.contains(name);
            let in_new = n.properties.contains_key(name) || n.required.contains(name);
            let (or, nr) = (o.required.contains(name), n.required.contains(name));
            match (in_old, in_new) {
                (true, true) => {
                    if or != nr {
                        // Request: newly required breaks clients that omit it. Response:
                        // no longer required breaks clients that rely on it.
                        let breaking = if req { nr } else { or };
                        let what = if nr { "required" } else { "optional" };
                        self.report(
                            breaking,
                            Kind::Changed,
                            format!("{loc}: property `{p}` is now {what}"),
                        );
                    }
                    let os = o.properties.get(name).unwrap_or(&any);
                    let ns = n.properties.get(name).unwrap_or(&any);
                    self.schema(os, ns, side, loc, &p);
                }
                (true, false) => {
                    self.push(Kind::Breaking, format!("{loc}: property `{p}` removed"));
                }
                (false, true) => {
                    let ty = n
                        .properties
                        .get(name)
                        .and_then(|s| flatten(self.new, s).ok())
                        .map_or_else(|| "any".to_string(), |s| s.type_name());
                    if req && nr {
                        self.push(
                            Kind::Breaking,
                            format!("{loc}: new required property `{p}` ({ty})"),
                        );
                    } else {
                        self.push(Kind::Added, format!("{loc}: property `{p}` ({ty})"));
                    }
                }
                (false, false) => {}
            }
        }
    }

    fn additional(&mut self, o: &Shape, n: &Shape, side: Side, loc: &str, path: &str, subj: &str) {
        let req = side == Side::Request;
        let (of, nf) = (
            o.additional == Additional::Forbidden,
            n.additional == Additional::Forbidden,
        );
        if of != nf {
            if nf {
                // Request: extra properties clients sent are now rejected.
                self.report(
                    req,
                    Kind::Changed,
                    format!("{loc}: {subj}now forbids additional properties"),
                );
            } else {
                // Response: strict clients would reject the extra properties.
                let kind = if req { Kind::Changed } else { Kind::Note };
                self.push(
                    kind,
                    format!("{loc}: {subj}now allows additional properties"),
                );
            }
            return;
        }
        if let (Additional::Schema(os), Additional::Schema(ns)) = (&o.additional, &n.additional) {
            self.schema(os, ns, side, loc, &format!("{path}{{*}}"));
        } else if let (Additional::Schema(os), Additional::Any) = (&o.additional, &n.additional) {
            self.schema(
                os,
                &Value::Object(Default::default()),
                side,
                loc,
                &format!("{path}{{*}}"),
            );
        } else if let (Additional::Any, Additional::Schema(ns)) = (&o.additional, &n.additional) {
            self.schema(
                &Value::Object(Default::default()),
                ns,
                side,
                loc,
                &format!("{path}{{*}}"),
            );
        }
    }

    fn variants(&mut self, o: &Shape, n: &Shape, side: Side, loc: &str, path: &str, subj: &str) {
        let req = side == Side::Request;
        let keys: BTreeSet<&String> = o.variants.keys().chain(n.variants.keys()).collect();
        for key in keys {
            match (o.variants.get(key), n.variants.get(key)) {
                (Some(os), Some(ns)) => self.schema(os, ns, side, loc, &format!("{path}<{key}>")),
                (Some(_), None) => {
                    self.removed(req, format!("{loc}: {subj}variant `{key}`"));
                }
                (None, Some(_)) => {
                    if req {
                        self.push(Kind::Added, format!("{loc}: {subj}variant `{key}`"));
                    } else {
                        self.push(
                            Kind::Note,
                            format!(
                                "{loc}: {subj}variant `{key}` added (breaks strict clients only)"
                            ),
                        );
                    }
                }
                (None, None) => {}
            }
        }
    }
}

fn is_success(status: &str) -> bool {
    status.starts_with('2')
}

fn is_required(v: &Value) -> bool {
    v.get("required").and_then(Value::as_bool).unwrap_or(false)
}

fn normalise_media_type(mt: &str) -> String {
    mt.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// How a parameter is serialised, with the OpenAPI defaults filled in.
fn serialisation(p: &Value) -> String {
    let location = p.get("in").and_then(Value::as_str).unwrap_or("");
    let default_style = if matches!(location, "query" | "cookie") {
        "form"
    } else {
        "simple"
    };
    let style = p
        .get("style")
        .and_then(Value::as_str)
        .unwrap_or(default_style);
    let explode = p
        .get("explode")
        .and_then(Value::as_bool)
        .unwrap_or(style == "form");
    format!("style={style}, explode={explode}")
}

/// The schema of a parameter or header: `schema`, or the one of its single `content`.
fn param_schema(p: &Value) -> Value {
    if let Some(s) = p.get("schema") {
        return s.clone();
    }
    p.get("content")
        .and_then(Value::as_object)
        .and_then(|c| c.values().next())
        .and_then(|m| m.get("schema"))
        .cloned()
        .unwrap_or_else(|| Value::Object(Default::default()))
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

fn list(vals: &[Value]) -> String {
    let shown: Vec<String> = vals.iter().map(show).collect();
    format!("[{}]", shown.join(", "))
}

/// Resolves a local `$ref` (`#/json/pointer`) against `doc`.
fn resolve_pointer<'d>(doc: &'d Value, r: &str) -> Result<&'d Value, String> {
    let Some(pointer) = r.strip_prefix('#') else {
        return Err(format!(
            "`$ref: {r}`: only local references (`#/...`) are supported"
        ));
    };
    let mut v = doc;
    for token in pointer.split('/').skip(1) {
        let token = percent_decode(token).replace("~1", "/").replace("~0", "~");
        v = match v {
            Value::Object(o) => o.get(&token),
            Value::Array(a) => token.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        }
        .ok_or_else(|| format!("`$ref: {r}` points to nothing"))?;
    }
    Ok(v)
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a schema says about properties not listed in `properties`.
#[derive(Debug, Clone, Default, PartialEq)]
enum Additional {
    /// Not said, `true` or `{}`: anything.
    #[default]
    Any,
    /// `false`.
    Forbidden,
    /// A schema for their values.
    Schema(Value),
}

/// One level of a schema with `$ref`s, `allOf` and null branches folded in; children
/// (properties, items, variants) are kept raw and flattened when compared.
#[derive(Debug, Default)]
struct Shape {
    /// Types other than `null`; empty means any.
    types: BTreeSet<String>,
    nullable: bool,
    format: Option<String>,
    /// Allowed values other than `null`.
    enum_values: Option<Vec<Value>>,
    properties: BTreeMap<String, Value>,
    required: BTreeSet<String>,
    additional: Additional,
    additional_set: bool,
    items: Option<Value>,
    /// `oneOf`/`anyOf` branches other than `null`, keyed by discriminator value,
    /// referenced schema name or position.
    variants: BTreeMap<String, Value>,
    discriminator: Option<String>,
    /// The `$ref`s folded into this level.
    refs: Vec<String>,
}

impl Shape {
    fn type_name(&self) -> String {
        let mut name = if self.types.is_empty() {
            if self.variants.is_empty() {
                "any".to_string()
            } else {
                "oneOf".to_string()
            }
        } else {
            self.types.iter().cloned().collect::<Vec<_>>().join("|")
        };
        if let Some(f) = &self.format {
            let _ = write!(name, " ({f})");
        }
        name
    }
}

const ANNOTATIONS: &[&str] = &[
    "description",
    "summary",
    "example",
    "examples",
    "title",
    "externalDocs",
    "$comment",
    "deprecated",
];

fn flatten(doc: &Value, schema: &Value) -> Result<Shape, String> {
    let mut shape = Shape::default();
    let mut seen = Vec::new();
    absorb(doc, schema, &mut shape, &mut seen)?;
    if shape.types.is_empty() && shape.variants.is_empty() {
        if !shape.properties.is_empty() || shape.additional_set {
            shape.types.insert("object".into());
        } else if shape.items.is_some() {
            shape.types.insert("array".into());
        }
    }
    Ok(shape)
}

/// Folds `schema` into `shape`: the first value met for a single-valued keyword wins,
/// properties and required names accumulate (as `allOf` means).
fn absorb(
    doc: &Value,
    schema: &Value,
    shape: &mut Shape,
    seen: &mut Vec<String>,
) -> Result<(), String> {
    let Some(obj) = schema.as_object() else {
        return Ok(()); // `true` or a non-schema: anything
    };
    if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
        if seen.iter().any(|s| s == r) {
            return Ok(());
        }
        if !shape.refs.iter().any(|s| s == r) {
            shape.refs.push(r.to_string());
        }
        // 3.1 allows keywords next to `$ref`; they apply too (prose is ignored anyway).
        let siblings: serde_json::Map<String, Value> = obj
            .iter()
            .filter(|(k, _)| k.as_str() != "$ref")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !siblings.is_empty() {
            absorb(doc, &Value::Object(siblings), shape, seen)?;
        }
        let target = resolve_pointer(doc, r)?;
        seen.push(r.to_string());
        let res = absorb(doc, target, shape, seen);
        seen.pop();
        return res;
    }

    let mut nullable = obj
        .get("nullable")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut types = BTreeSet::new();
    match obj.get("type") {
        Some(Value::String(t)) => {
            types.insert(t.clone());
        }
        Some(Value::Array(ts)) => {
            types.extend(ts.iter().filter_map(Value::as_str).map(str::to_string))
        }
        _ => {}
    }
    if types.remove("null") {
        nullable = true;
    }
    let only_null = obj.get("type").is_some() && types.is_empty() && nullable;
    if shape.types.is_empty() && !types.is_empty() {
        shape.types = types;
    }
    if shape.format.is_none() {
        shape.format = obj
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    let values = match (obj.get("enum"), obj.get("const")) {
        (Some(Value::Array(vals)), _) => Some(vals.clone()),
        (_, Some(c)) => Some(vec![c.clone()]),
        _ => None,
    };
    if let Some(vals) = values {
        if vals.iter().any(Value::is_null) {
            nullable = true;
        }
        let vals: Vec<Value> = vals.into_iter().filter(|v| !v.is_null()).collect();
        if shape.enum_values.is_none() && !(vals.is_empty() && only_null) {
            shape.enum_values = Some(vals);
        }
    }
    if nullable {
        shape.nullable = true;
    }
    if let Some(props) = obj.get("properties").and_then(Value::as_object) {
        for (k, v) in props {
            shape
                .properties
                .entry(k.clone())
                .or_insert_with(|| v.clone());
        }
    }
    if let Some(req) = obj.get("required").and_then(Value::as_array) {
        shape
            .required
            .extend(req.iter().filter_map(Value::as_str).map(str::to_string));
    }
    if let Some(a) = obj.get("additionalProperties")
        && !shape.additional_set
    {
        shape.additional_set = true;
        shape.additional = match a {
            Value::Bool(false) => Additional::Forbidden,
            Value::Object(o) if o.keys().all(|k| ANNOTATIONS.contains(&k.as_str())) => {
                Additional::Any
            }
            Value::Object(_) => Additional::Schema(a.clone()),
            _ => Additional::Any,
        };
    }
    if shape.items.is_none() {
        shape.items = obj.get("items").cloned();
    }
    let discriminator = obj.get("discriminator");
    if shape.discriminator.is_none() {
        shape.discriminator = discriminator
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    for branch in obj
        .get("allOf")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        absorb(doc, branch, shape, seen)?;
    }
    for kw in ["oneOf", "anyOf"] {
        let Some(branches) = obj.get(kw).and_then(Value::as_array) else {
            continue;
        };
        let mut rest = Vec::new();
        for b in branches {
            if is_null_schema(doc, b) {
                shape.nullable = true;
            } else {
                rest.push(b);
            }
        }
        if let [single] = rest.as_slice() {
            absorb(doc, single, shape, seen)?;
        } else {
            for (i, b) in rest.into_iter().enumerate() {
                let key = variant_key(doc, b, discriminator, i);
                shape.variants.entry(key).or_insert_with(|| b.clone());
            }
        }
    }
    Ok(())
}

/// Whether a schema only admits `null` (a `type: 'null'` branch of a `oneOf`).
fn is_null_schema(doc: &Value, schema: &Value) -> bool {
    let s = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => match resolve_pointer(doc, r) {
            Ok(t) => t,
            Err(_) => return false,
        },
        None => schema,
    };
    match s.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => !ts.is_empty() && ts.iter().all(|t| t == "null"),
        _ => {
            let only_null = |v: &Value| {
                v.as_array()
                    .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_null))
            };
            s.get("enum").is_some_and(only_null) || s.get("const").is_some_and(Value::is_null)
        }
    }
}

/// A wire-level name for a `oneOf`/`anyOf` branch: its discriminator value when there
/// is one, else the name of the schema it references, else its position.
fn variant_key(doc: &Value, branch: &Value, discriminator: Option<&Value>, index: usize) -> String {
    let r = branch.get("$ref").and_then(Value::as_str);
    if let Some(d) = discriminator {
        if let (Some(r), Some(mapping)) = (r, d.get("mapping").and_then(Value::as_object))
            && let Some((k, _)) = mapping.iter().find(|(_, v)| v.as_str() == Some(r))
        {
            return k.clone();
        }
        if let Some(prop) = d.get("propertyName").and_then(Value::as_str) {
            let target = r
                .and_then(|r| resolve_pointer(doc, r).ok())
                .unwrap_or(branch);
            let p = target.get("properties").and_then(|ps| ps.get(prop));
            let single =
                p.and_then(
                    |p| match (p.get("const"), p.get("enum").and_then(Value::as_array)) {
                        (Some(c), _) => c.as_str(),
                        (None, Some(e)) if e.len() == 1 => e[0].as_str(),
                        _ => None,
                    },
                );
            if let Some(v) = single {
                return v.to_string();
            }
            // Without a mapping the discriminator value is the schema name.
            if let Some(name) = r.and_then(|r| r.rsplit('/').next()) {
                return name.to_string();
            }
        }
    }
    match r.and_then(|r| r.rsplit('/').next()) {
        Some(name) => name.to_string(),
        None => format!("#{index}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn diff(old: Value, new: Value) -> Report {
        let mut report = Report::default();
        compare_docs(&old, &new, None, &mut report.changes).expect("comparison succeeds");
        report.sort();
        report
    }

    fn lines(report: &Report) -> Vec<String> {
        report
            .changes
            .iter()
            .map(|c| format!("{} | {} | {}", c.group, c.kind.label(), c.message))
            .collect()
    }

    /// A 3.1 document with one operation whose request and 200 response use `schema`.
    fn doc_with(path: &str, request: Value, response: Value, params: Value) -> Value {
        json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {path: {"post": {
                "operationId": "op",
                "parameters": params,
                "requestBody": {"required": true, "content": {"application/json": {"schema": request}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": response}}}}
            }}}
        })
    }

    fn object(props: Value, required: Value) -> Value {
        json!({"type": "object", "properties": props, "required": required})
    }

    #[test]
    fn added_optional_field_is_not_breaking() {
        let old = doc_with(
            "/s",
            object(json!({"a": {"type": "string"}}), json!(["a"])),
            object(json!({}), json!([])),
            json!([]),
        );
        let new = doc_with(
            "/s",
            object(
                json!({"a": {"type": "string"}, "b": {"type": "integer"}}),
                json!(["a"]),
            ),
            object(
                json!({"labels": {"type": "object", "additionalProperties": {"type": "string"}}}),
                json!([]),
            ),
            json!([]),
        );
        let r = diff(old, new);
        assert_eq!(
            lines(&r),
            [
                "POST /s | added | request body: property `b` (integer)",
                "POST /s | added | response 200: property `labels` (object)",
            ]
        );
        assert!(!r.is_breaking());
        assert_eq!(
            r.render(),
            "POST /s\n  added     request body: property `b` (integer)\n  added     response 200: property `labels` (object)\n2 changes, 0 breaking\n"
        );
    }

    #[test]
    fn removed_operation_is_breaking() {
        let mut old = doc_with("/s", json!({}), json!({}), json!([]));
        old["paths"]["/s"]["get"] = json!({"responses": {"200": {"description": "ok"}}});
        let new = doc_with("/s", json!({}), json!({}), json!([]));
        let r = diff(old, new);
        assert_eq!(lines(&r), ["GET /s | BREAKING | operation removed"]);
        assert!(r.is_breaking());
        assert!(r.render().ends_with("1 change, 1 breaking\n"));
    }

    #[test]
    fn narrowed_request_enum_is_breaking_widened_is_not() {
        let e = |vals: Value| object(json!({"mode": {"type": "string", "enum": vals}}), json!([]));
        let r = diff(
            doc_with("/s", e(json!(["a", "b"])), json!({}), json!([])),
            doc_with("/s", e(json!(["a", "c"])), json!({}), json!([])),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | request body: `mode` enum value `b` removed",
                "POST /s | added | request body: `mode` enum value `c`",
            ]
        );
        assert!(r.is_breaking());
    }

    #[test]
    fn changed_type_or_format_is_breaking() {
        let s = |t: &str, f: &str| object(json!({"n": {"type": t, "format": f}}), json!([]));
        let r = diff(
            doc_with("/s", json!({}), s("integer", "int32"), json!([])),
            doc_with("/s", json!({}), s("string", "int32"), json!([])),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | response 200: `n` type changed from integer (int32) to string (int32)"
            ]
        );
        let r = diff(
            doc_with("/s", json!({}), s("integer", "int32"), json!([])),
            doc_with("/s", json!({}), s("integer", "int64"), json!([])),
        );
        assert_eq!(
            lines(&r),
            ["POST /s | BREAKING | response 200: `n` format changed from `int32` to `int64`"]
        );
    }

    #[test]
    fn new_required_request_param_is_breaking() {
        let p = |required: bool| json!([{"name": "limit", "in": "query", "required": required, "schema": {"type": "integer"}}]);
        let r = diff(
            doc_with("/s", json!({}), json!({}), json!([])),
            doc_with("/s", json!({}), json!({}), p(true)),
        );
        assert_eq!(
            lines(&r),
            ["POST /s | BREAKING | new required parameter `limit` (query)"]
        );
        let r = diff(
            doc_with("/s", json!({}), json!({}), json!([])),
            doc_with("/s", json!({}), json!({}), p(false)),
        );
        assert_eq!(lines(&r), ["POST /s | added | parameter `limit` (query)"]);
        let r = diff(
            doc_with("/s", json!({}), json!({}), p(false)),
            doc_with("/s", json!({}), json!({}), p(true)),
        );
        assert_eq!(
            lines(&r),
            ["POST /s | BREAKING | parameter `limit` (query) is now required"]
        );
    }

    #[test]
    fn new_required_request_property_is_breaking() {
        let r = diff(
            doc_with(
                "/s",
                object(json!({"image": {"type": "string"}}), json!([])),
                json!({}),
                json!([]),
            ),
            doc_with(
                "/s",
                object(
                    json!({"image": {"type": "string"}, "x": {"type": "string"}}),
                    json!(["image", "x"]),
                ),
                json!({}),
                json!([]),
            ),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | request body: property `image` is now required",
                "POST /s | BREAKING | request body: new required property `x` (string)",
            ]
        );
    }

    #[test]
    fn response_enum_widened_is_a_note() {
        let mk = |vals: Value| {
            let schema = object(
                json!({"state": {"$ref": "#/components/schemas/State"}}),
                json!(["state"]),
            );
            let mut d = doc_with("/s", json!({}), schema, json!([]));
            d["components"] = json!({"schemas": {"State": {"type": "string", "enum": vals}}});
            d
        };
        let r = diff(
            mk(json!(["Running", "Paused"])),
            mk(json!(["Running", "Paused", "Pausing"])),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | note | response 200: `state` enum value `Pausing` added (breaks strict clients only)"
            ]
        );
        assert!(!r.is_breaking());
        assert!(r.render().ends_with("1 change, 0 breaking, 1 note\n"));
    }

    #[test]
    fn response_property_optional_or_nullable_is_breaking() {
        let r = diff(
            doc_with(
                "/s",
                json!({}),
                object(json!({"id": {"type": "string"}}), json!(["id"])),
                json!([]),
            ),
            doc_with(
                "/s",
                json!({}),
                object(json!({"id": {"type": ["string", "null"]}}), json!([])),
                json!([]),
            ),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | response 200: property `id` is now optional",
                "POST /s | BREAKING | response 200: `id` is now nullable",
            ]
        );
        // The same changes on the request side widen what the server accepts.
        let r = diff(
            doc_with(
                "/s",
                object(json!({"id": {"type": "string"}}), json!(["id"])),
                json!({}),
                json!([]),
            ),
            doc_with(
                "/s",
                object(json!({"id": {"type": ["string", "null"]}}), json!([])),
                json!({}),
                json!([]),
            ),
        );
        assert!(!r.is_breaking(), "{}", r.render());
        assert_eq!(r.changes.len(), 2);
    }

    #[test]
    fn removed_properties_are_breaking_on_both_sides() {
        let r = diff(
            doc_with(
                "/s",
                object(json!({"a": {}}), json!([])),
                object(json!({"b": {}}), json!([])),
                json!([]),
            ),
            doc_with(
                "/s",
                object(json!({}), json!([])),
                object(json!({}), json!([])),
                json!([]),
            ),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | request body: property `a` removed",
                "POST /s | BREAKING | response 200: property `b` removed",
            ]
        );
    }

    #[test]
    fn nullable_30_and_31_spellings_are_the_same() {
        let v30 = json!({
            "openapi": "3.0.3",
            "info": {"title": "old", "version": "1"},
            "paths": {"/s": {"post": {
                "requestBody": {"$ref": "#/components/requestBodies/Req"},
                "responses": {"200": {"$ref": "#/components/responses/Ok"}}
            }}},
            "components": {
                "requestBodies": {"Req": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                "responses": {"Ok": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                "schemas": {
                    "Thing": {"type": "object", "properties": {
                        "a": {"type": "integer", "format": "int32", "nullable": true},
                        "b": {"type": "string", "enum": ["x", "y"], "nullable": true},
                        "c": {"allOf": [{"$ref": "#/components/schemas/Inner"}], "nullable": true},
                        "d": {"type": "string", "enum": ["only"]}
                    }},
                    "Inner": {"type": "object", "properties": {"z": {"type": "string"}}}
                }
            }
        });
        let v31 = json!({
            "openapi": "3.1.0",
            "info": {"title": "new, with other prose", "version": "2"},
            "paths": {"/s": {"post": {
                "operationId": "renamed",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing2"}}}},
                "responses": {"200": {"description": "different", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing2"}}}}}
            }}},
            "components": {"schemas": {
                "Thing2": {"properties": {
                    "a": {"type": ["integer", "null"], "format": "int32", "description": "now documented"},
                    "b": {"type": ["string", "null"], "enum": ["x", "y", null]},
                    "c": {"oneOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]},
                    "d": {"const": "only", "type": "string"}
                }, "type": "object"},
                "Inner": {"type": "object", "properties": {"z": {"type": "string", "examples": ["q"]}}}
            }}
        });
        let r = diff(v30.clone(), v31.clone());
        assert!(r.changes.is_empty(), "{}", r.render());
        assert_eq!(r.render(), "no wire-level differences\n");
        let r = diff(v31, v30);
        assert!(r.changes.is_empty(), "{}", r.render());
    }

    #[test]
    fn renamed_path_param_is_no_diff() {
        let p = |name: &str| json!([{"name": name, "in": "path", "required": true, "schema": {"type": "string"}}]);
        let r = diff(
            doc_with("/a/{id}/b", json!({}), json!({}), p("id")),
            doc_with("/a/{sandboxId}/b", json!({}), json!({}), p("sandboxId")),
        );
        assert!(r.changes.is_empty(), "{}", r.render());
    }

    #[test]
    fn path_level_parameters_count_as_operation_parameters() {
        let old = doc_with(
            "/a/{id}",
            json!({}),
            json!({}),
            json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]),
        );
        let mut new = doc_with("/a/{id}", json!({}), json!({}), json!([]));
        new["paths"]["/a/{id}"]["parameters"] =
            json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]);
        assert!(diff(old, new).changes.is_empty());
    }

    #[test]
    fn recursive_schemas_terminate() {
        let mk = |extra: bool| {
            let mut node = json!({"type": "object", "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                "self": {"allOf": [{"$ref": "#/components/schemas/Node"}]}
            }});
            if extra {
                node["properties"]["name"] = json!({"type": "string"});
            }
            let mut d = doc_with(
                "/s",
                json!({"$ref": "#/components/schemas/Node"}),
                json!({"$ref": "#/components/schemas/Node"}),
                json!([]),
            );
            d["components"] = json!({"schemas": {"Node": node}});
            d
        };
        let r = diff(mk(false), mk(true));
        assert_eq!(
            lines(&r),
            [
                "POST /s | added | request body: property `name` (string)",
                "POST /s | added | response 200: property `name` (string)",
            ]
        );
    }

    #[test]
    fn responses_media_types_and_headers() {
        let mut old = doc_with("/s", json!({}), json!({}), json!([]));
        old["paths"]["/s"]["post"]["responses"]["404"] = json!({"description": "nf"});
        old["paths"]["/s"]["post"]["responses"]["200"]["headers"] =
            json!({"X-Request-Id": {"schema": {"type": "string"}}});
        let mut new = doc_with("/s", json!({}), json!({}), json!([]));
        new["paths"]["/s"]["post"]["responses"]["200"]["content"]["text/plain"] =
            json!({"schema": {"type": "string"}});
        new["paths"]["/s"]["post"]["responses"]["202"] = json!({"description": "accepted"});
        new["paths"]["/s"]["post"]["requestBody"]["content"] = json!({"application/xml": {}});
        let r = diff(old.clone(), new);
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | request body: media type `application/json` removed",
                "POST /s | added | request body: media type `application/xml`",
                "POST /s | added | response 200: media type `text/plain`",
                "POST /s | BREAKING | response 200: header `X-Request-Id` removed",
                "POST /s | added | response 202",
                "POST /s | removed | response 404",
            ]
        );
        let mut gone = old.clone();
        gone["paths"]["/s"]["post"]["responses"]
            .as_object_mut()
            .unwrap()
            .remove("200");
        assert_eq!(
            lines(&diff(old, gone)),
            ["POST /s | BREAKING | response 200 removed"]
        );
    }

    #[test]
    fn additional_properties_changes() {
        let s = |a: Value| json!({"type": "object", "properties": {"m": {"type": "object", "additionalProperties": a}}});
        let r = diff(
            doc_with("/s", s(json!(true)), s(json!(false)), json!([])),
            doc_with("/s", s(json!(false)), s(json!(true)), json!([])),
        );
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | request body: `m` now forbids additional properties",
                "POST /s | note | response 200: `m` now allows additional properties",
            ]
        );
        let r = diff(
            doc_with("/s", json!({}), s(json!({"type": "string"})), json!([])),
            doc_with("/s", json!({}), s(json!({"type": "integer"})), json!([])),
        );
        assert_eq!(
            lines(&r),
            ["POST /s | BREAKING | response 200: `m{*}` type changed from string to integer"]
        );
    }

    #[test]
    fn array_items_and_oneof_variants() {
        let arr = |t: &str| json!({"type": "array", "items": {"type": "object", "properties": {"v": {"type": t}}}});
        let r = diff(
            doc_with("/s", json!({}), arr("string"), json!([])),
            doc_with("/s", json!({}), arr("boolean"), json!([])),
        );
        assert_eq!(
            lines(&r),
            ["POST /s | BREAKING | response 200: `[].v` type changed from string to boolean"]
        );

        let mk = |variants: &[&str]| {
            let refs: Vec<Value> = variants
                .iter()
                .map(|v| json!({"$ref": format!("#/components/schemas/{v}")}))
                .collect();
            let mut d = doc_with(
                "/s",
                json!({"oneOf": refs.clone()}),
                json!({"oneOf": refs}),
                json!([]),
            );
            d["components"] = json!({"schemas": {
                "A": {"type": "object", "properties": {"a": {"type": "string"}}},
                "B": {"type": "object", "properties": {"b": {"type": "string"}}},
                "C": {"type": "object", "properties": {"c": {"type": "string"}}}
            }});
            d
        };
        let r = diff(mk(&["A", "B"]), mk(&["A", "C"]));
        assert_eq!(
            lines(&r),
            [
                "POST /s | BREAKING | request body: variant `B` removed",
                "POST /s | added | request body: variant `C`",
                "POST /s | removed | response 200: variant `B`",
                "POST /s | note | response 200: variant `C` added (breaks strict clients only)",
            ]
        );
    }

    #[test]
    fn broken_ref_is_an_error() {
        let old = doc_with(
            "/s",
            json!({"$ref": "#/components/schemas/Missing"}),
            json!({}),
            json!([]),
        );
        let new = doc_with("/s", json!({}), json!({}), json!([]));
        let mut out = Vec::new();
        let err = compare_docs(&old, &new, None, &mut out).unwrap_err();
        assert!(err.contains("#/components/schemas/Missing"), "{err}");
    }

    #[test]
    fn not_openapi_is_an_error() {
        assert!(
            check_openapi(&json!({"swagger": "2.0"}))
                .unwrap_err()
                .contains("Swagger 2.0")
        );
        assert!(
            check_openapi(&json!({"foo": 1}))
                .unwrap_err()
                .contains("no `openapi` field")
        );
        assert!(
            check_openapi(&json!([1]))
                .unwrap_err()
                .contains("not a mapping")
        );
        assert!(check_openapi(&json!({"openapi": "3.1.0"})).is_ok());
    }

    /// A fresh, empty folder under the system temp dir.
    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-spec-diff-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn folders_pair_files_by_name() {
        let old = temp_dir("old");
        let new = temp_dir("new");
        let doc = serde_json::to_string(&doc_with("/s", json!({}), json!({}), json!([]))).unwrap();
        // Unquoted status codes in YAML must load too.
        let yaml = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n      responses:\n        200: {description: ok}\n";
        std::fs::write(old.join("a.json"), &doc).unwrap();
        std::fs::write(new.join("a.json"), &doc).unwrap();
        std::fs::write(old.join("gone.yml"), yaml).unwrap();
        std::fs::write(new.join("new.yaml"), yaml).unwrap();
        std::fs::write(new.join("notes.txt"), "not a spec").unwrap();
        let r = run(&old, &new).unwrap();
        assert_eq!(
            lines(&r),
            [
                "[gone.yml] | BREAKING | file removed (1 operation)",
                "[new.yaml] | added | file (1 operation)"
            ]
        );
        assert!(r.is_breaking());

        // Operations inside paired files are grouped under the file name.
        std::fs::write(old.join("new.yaml"), yaml.replace("/p:", "/q:")).unwrap();
        let r = run(&old, &new).unwrap();
        assert!(
            lines(&r).contains(&"[new.yaml] GET /q | BREAKING | operation removed".to_string()),
            "{}",
            r.render()
        );

        assert!(
            run(&old, &old.join("a.json"))
                .unwrap_err()
                .contains("both be files or both be folders")
        );
        let empty = temp_dir("empty");
        assert!(run(&old, &empty).unwrap_err().contains("no *.yml"));
        assert!(
            run(&old.join("a.json"), &new.join("missing.json"))
                .unwrap_err()
                .contains("missing.json")
        );
        for d in [old, new, empty] {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}
