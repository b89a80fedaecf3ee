//! Output: tables for people, JSON and YAML for scripts.
//!
//! `--output json` prints the SDK's model objects (`SandboxInfo`, `SnapshotInfo`,
//! `FileInfo`, `CommandStatus`, `PolicyStatus`, …) with their `snake_case` field names:
//! one JSON document per command, arrays for lists, and one compact object per line
//! (NDJSON) for streams such as `sandbox metrics --watch`. Fields may be added in later
//! versions; none is renamed or removed.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use crate::exit::CliError;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// JSON for scripts: the API objects, one document per command (NDJSON for streams).
    Json,
    /// YAML.
    Yaml,
}

impl Format {
    /// Parses `table`, `json` or `yaml`.
    pub fn parse(s: &str) -> Result<Self, CliError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "yaml" => Ok(Format::Yaml),
            _ => Err(CliError::usage(format!(
                "output must be table, json or yaml, not {s:?}"
            ))),
        }
    }

    /// The name of the format.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }
}

/// Columns of a table: `(header, JSON pointer into each object)`.
pub type Columns = &'static [(&'static str, &'static str)];

/// Where command output goes, and how it looks.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    /// The format.
    pub format: Format,
    /// Whether headers may be bold (a terminal, and neither `--no-color` nor `NO_COLOR`).
    pub color: bool,
}

impl Out {
    /// Prints `value` (an object or a list of objects) in the chosen format; tables show
    /// `columns` (every top-level field of an object when empty).
    pub fn value<T: Serialize>(&self, value: &T, columns: Columns) -> Result<(), CliError> {
        let value = to_value(value)?;
        let text = match self.format {
            Format::Json => json_text(&value)?,
            Format::Yaml => serde_yaml_ng::to_string(&value)
                .map_err(|e| CliError::failure(format!("cannot encode YAML: {e}")))?,
            Format::Table => table_text(&value, columns, self.color),
        };
        write_stdout(text.as_bytes())
    }

    /// Prints one item of a stream: a compact JSON line, a YAML document, or a table row
    /// (with the header before the first row).
    pub fn stream_item<T: Serialize>(
        &self,
        value: &T,
        columns: Columns,
        first: bool,
    ) -> Result<(), CliError> {
        let value = to_value(value)?;
        let text = match self.format {
            Format::Json => {
                let mut s = serde_json::to_string(&value)
                    .map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))?;
                s.push('\n');
                s
            }
            Format::Yaml => {
                let body = serde_yaml_ng::to_string(&value)
                    .map_err(|e| CliError::failure(format!("cannot encode YAML: {e}")))?;
                format!("---\n{body}")
            }
            Format::Table => {
                let cells = row(&value, columns);
                let widths: Vec<usize> = columns.iter().map(|(h, _)| h.len().max(12)).collect();
                let mut s = String::new();
                if first {
                    let header: Vec<String> = columns.iter().map(|(h, _)| (*h).into()).collect();
                    push_row(&mut s, &header, &widths, self.color);
                }
                push_row(&mut s, &cells, &widths, false);
                s
            }
        };
        write_stdout(text.as_bytes())
    }

    /// Prints a message for people in table mode, or `value` in JSON/YAML.
    pub fn message<T: Serialize>(&self, text: &str, value: &T) -> Result<(), CliError> {
        match self.format {
            Format::Table => write_stdout(format!("{text}\n").as_bytes()),
            _ => self.value(value, &[]),
        }
    }
}

/// Writes bytes to stdout and flushes (a closed pipe becomes a quiet exit).
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Writes bytes to stderr and flushes.
pub fn write_stderr(bytes: &[u8]) -> Result<(), CliError> {
    let mut err = std::io::stderr().lock();
    err.write_all(bytes)?;
    err.flush()?;
    Ok(())
}

fn to_value<T: Serialize>(value: &T) -> Result<Value, CliError> {
    serde_json::to_value(value).map_err(|e| CliError::failure(format!("cannot encode: {e}")))
}

fn json_text(value: &Value) -> Result<String, CliError> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::failure(format!("cannot encode JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// A table of `value`: one row per object of a list, or `FIELD VALUE` rows for one object.
pub fn table_text(value: &Value, columns: Columns, color: bool) -> String {
    let mut out = String::new();
    match value {
        Value::Array(items) => {
            let header: Vec<String> = columns.iter().map(|(h, _)| (*h).to_owned()).collect();
            let rows: Vec<Vec<String>> = items.iter().map(|v| row(v, columns)).collect();
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for r in &rows {
                for (w, cell) in widths.iter_mut().zip(r) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            push_row(&mut out, &header, &widths, color);
            for r in &rows {
                push_row(&mut out, r, &widths, false);
            }
        }
        Value::Object(map) => {
            let pairs: Vec<(String, String)> = if columns.is_empty() {
                map.iter().map(|(k, v)| (k.clone(), cell(v))).collect()
            } else {
                columns
                    .iter()
                    .map(|(h, p)| {
                        (
                            (*h).to_owned(),
                            cell(value.pointer(p).unwrap_or(&Value::Null)),
                        )
                    })
                    .collect()
            };
            let width = pairs
                .iter()
                .map(|(k, _)| k.chars().count())
                .max()
                .unwrap_or(0);
            for (k, v) in pairs {
                let pad = " ".repeat(width - k.chars().count());
                if color {
                    out.push_str(&format!("\x1b[1m{k}\x1b[0m{pad}  {v}\n"));
                } else {
                    out.push_str(&format!("{k}{pad}  {v}\n"));
                }
            }
        }
        other => {
            out.push_str(&cell(other));
            out.push('\n');
        }
    }
    out
}

fn row(value: &Value, columns: Columns) -> Vec<String> {
    columns
        .iter()
        .map(|(_, p)| cell(value.pointer(p).unwrap_or(&Value::Null)))
        .collect()
}

fn push_row(out: &mut String, cells: &[String], widths: &[usize], bold: bool) {
    let mut line = String::new();
    for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
        if i + 1 == cells.len() {
            line.push_str(c);
        } else {
            line.push_str(c);
            line.push_str(&" ".repeat(w - c.chars().count() + 2));
        }
    }
    let line = line.trim_end();
    if bold {
        out.push_str(&format!("\x1b[1m{line}\x1b[0m\n"));
    } else {
        out.push_str(line);
        out.push('\n');
    }
}

/// One table cell: strings as they are, `-` for nothing, `k=v,…` for flat maps, compact
/// JSON otherwise; always one line.
pub fn cell(value: &Value) -> String {
    let s = match value {
        Value::Null => "-".to_owned(),
        Value::String(s) if s.is_empty() => "-".to_owned(),
        Value::String(s) => s.clone(),
        Value::Object(m) if m.is_empty() => "-".to_owned(),
        Value::Object(m) if m.values().all(|v| !v.is_object() && !v.is_array()) => m
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Array(a) if a.iter().all(Value::is_string) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    };
    crate::exit::one_line(&s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const COLS: Columns = &[
        ("ID", "/id"),
        ("STATE", "/status/state"),
        ("META", "/metadata"),
    ];

    #[test]
    fn lists_become_aligned_columns() {
        let v = json!([
            {"id": "a", "status": {"state": "Running"}, "metadata": {"k": "v", "x": "y"}},
            {"id": "longer-id", "status": {}, "metadata": {}}
        ]);
        let t = table_text(&v, COLS, false);
        assert_eq!(
            t,
            "ID         STATE    META\na          Running  k=v,x=y\nlonger-id  -        -\n"
        );
    }

    #[test]
    fn objects_become_field_rows() {
        let v = json!({"id": "a", "status": {"state": "Paused"}});
        let t = table_text(&v, COLS, false);
        assert_eq!(t, "ID     a\nSTATE  Paused\nMETA   -\n");
    }

    #[test]
    fn cells_stay_on_one_line() {
        assert_eq!(cell(&json!("two\nlines")), "two lines");
        assert_eq!(cell(&json!([1, 2])), "[1,2]");
    }
}
