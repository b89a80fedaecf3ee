//! The operations of the project's OpenAPI documents (`specs/*.yml`, `specs/*.yaml`), read
//! with `serde_yaml`: the contract tests derive what must be exercised from here and never
//! from a hand-written list.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

/// HTTP methods an OpenAPI path item can hold, in the order reports list them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "patch", "head", "options", "trace",
];

/// One operation of one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Operation {
    /// File name of the document (`sandbox-lifecycle.yml`, …).
    pub spec: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// The path template as written in the document (`/sandboxes/{sandboxId}`).
    pub path: String,
    /// The document's `operationId`, else the name `specs/overlays/operation-ids.yaml`
    /// gives it, else `METHOD /path`.
    pub operation_id: String,
    /// Whether a response of the operation is `text/event-stream`.
    pub event_stream: bool,
}

impl Operation {
    /// How well `method` + `path` (a concrete request path, without query) matches this
    /// operation: `None` when it does not, else the number of literal segments matched
    /// (more is a better match: `/files/info` beats `/files/{id}`).
    pub fn matches(&self, method: &str, path: &str) -> Option<usize> {
        if !self.method.eq_ignore_ascii_case(method) {
            return None;
        }
        match_template(&self.path, path)
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} {})", self.operation_id, self.method, self.path)
    }
}

/// Matches a concrete path against a path template; returns the number of literal
/// segments on success. `{param}` matches one non-empty segment.
pub fn match_template(template: &str, path: &str) -> Option<usize> {
    let t: Vec<&str> = template.trim_end_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literals = 0;
    for (ts, ps) in t.iter().zip(&p) {
        if ts.starts_with('{') && ts.ends_with('}') {
            if ps.is_empty() {
                return None;
            }
        } else if ts == ps {
            literals += usize::from(!ts.is_empty());
        } else {
            return None;
        }
    }
    Some(literals)
}

/// One OpenAPI document.
#[derive(Debug, Clone)]
pub struct SpecDoc {
    /// File name (`execd-api.yaml`).
    pub file: String,
    /// Absolute path of the file.
    pub path: PathBuf,
    /// The first `servers[].url`.
    pub server_url: String,
    /// Every operation, in document order.
    pub operations: Vec<Operation>,
    /// Header names of the document's `apiKey` security schemes.
    pub auth_headers: Vec<String>,
}

impl SpecDoc {
    /// `scheme://host:port` of the server URL: documents that share it are served by the
    /// same server (the lifecycle and diagnostics documents).
    pub fn server_origin(&self) -> String {
        let (scheme, rest) = self
            .server_url
            .split_once("://")
            .unwrap_or(("http", &self.server_url));
        let authority = rest.split('/').next().unwrap_or(rest);
        format!("{scheme}://{authority}")
    }

    /// The path of the server URL without a trailing slash (`/v1`, or empty).
    pub fn server_path(&self) -> String {
        let rest = self
            .server_url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.server_url);
        match rest.find('/') {
            Some(i) => rest[i..].trim_end_matches('/').to_string(),
            None => String::new(),
        }
    }

    /// The best-matching operation for a request, if any.
    pub fn operation_for(&self, method: &str, path: &str) -> Option<(&Operation, usize)> {
        self.operations
            .iter()
            .filter_map(|op| op.matches(method, path).map(|score| (op, score)))
            .max_by_key(|(_, score)| *score)
    }

    /// Whether any operation of the document has this path (whatever the method).
    pub fn has_path(&self, path: &str) -> bool {
        self.operations
            .iter()
            .any(|op| match_template(&op.path, path).is_some())
    }
}

/// The project's specs directory.
pub fn specs_dir() -> PathBuf {
    crate::workspace_root().join("specs")
}

/// Loads every document of `dir` (`*.yml`, `*.yaml`; not `overlays/`), sorted by file name.
pub fn load_specs(dir: &Path) -> Result<Vec<SpecDoc>, String> {
    let overrides = load_operation_id_overrides(&dir.join("overlays").join("operation-ids.yaml"))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no OpenAPI documents in {}", dir.display()));
    }
    files.iter().map(|f| load_spec(f, &overrides)).collect()
}

fn load_operation_id_overrides(path: &Path) -> Result<BTreeMap<String, String>, String> {
    if !path.is_file() {
        return Ok(BTreeMap::new());
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let value: Value =
        serde_yaml::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    if let Value::Mapping(map) = value {
        for (k, v) in map {
            if let (Value::String(k), Value::String(v)) = (k, v) {
                out.insert(k, v);
            }
        }
    }
    Ok(out)
}

fn load_spec(path: &Path, overrides: &BTreeMap<String, String>) -> Result<SpecDoc, String> {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let doc: Value =
        serde_yaml::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))?;
    let server_url = doc
        .get("servers")
        .and_then(|s| s.get(0))
        .and_then(|s| s.get("url"))
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{file}: no servers[0].url"))?
        .to_string();
    let paths = doc
        .get("paths")
        .and_then(Value::as_mapping)
        .ok_or_else(|| format!("{file}: no paths"))?;
    let mut operations = Vec::new();
    for (p, item) in paths {
        let Some(p) = p.as_str() else { continue };
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let upper = method.to_ascii_uppercase();
            let operation_id = op
                .get("operationId")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| overrides.get(&format!("{upper} {p}")).cloned())
                .unwrap_or_else(|| format!("{upper} {p}"));
            let event_stream =
                op.get("responses")
                    .and_then(Value::as_mapping)
                    .is_some_and(|responses| {
                        responses.values().any(|r| {
                            r.get("content")
                                .and_then(Value::as_mapping)
                                .is_some_and(|c| {
                                    c.keys().any(|k| k.as_str() == Some("text/event-stream"))
                                })
                        })
                    });
            operations.push(Operation {
                spec: file.clone(),
                method: upper,
                path: p.to_string(),
                operation_id,
                event_stream,
            });
        }
    }
    let auth_headers = doc
        .get("components")
        .and_then(|c| c.get("securitySchemes"))
        .and_then(Value::as_mapping)
        .map(|schemes| {
            schemes
                .values()
                .filter(|s| {
                    s.get("type").and_then(Value::as_str) == Some("apiKey")
                        && s.get("in").and_then(Value::as_str) == Some("header")
                })
                .filter_map(|s| s.get("name").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok(SpecDoc {
        file,
        path: path.to_path_buf(),
        server_url,
        operations,
        auth_headers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_segment_by_segment() {
        assert_eq!(match_template("/sandboxes/{id}", "/sandboxes/abc"), Some(1));
        assert_eq!(match_template("/sandboxes/{id}", "/sandboxes/"), None);
        assert_eq!(match_template("/sandboxes/{id}", "/sandboxes/a/b"), None);
        assert_eq!(
            match_template("/command/status/{id}", "/command/status/x"),
            Some(2)
        );
        assert_eq!(match_template("/ping", "/ping"), Some(1));
    }

    #[test]
    fn the_project_specs_load_with_operation_ids() {
        let specs = load_specs(&specs_dir()).expect("specs load");
        assert!(specs.len() >= 4);
        for spec in &specs {
            assert!(!spec.operations.is_empty(), "{} has operations", spec.file);
            for op in &spec.operations {
                assert!(!op.operation_id.contains(' '), "{op} has an operationId");
            }
        }
        let lifecycle = specs
            .iter()
            .find(|s| s.file == "sandbox-lifecycle.yml")
            .expect("lifecycle spec");
        assert_eq!(lifecycle.server_path(), "/v1");
        assert!(
            lifecycle
                .operation_for("GET", "/sandboxes/sbx-1")
                .is_some_and(|(op, _)| op.operation_id == "getSandbox")
        );
    }
}
