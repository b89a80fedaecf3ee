//! [`Volume`] and [`Platform`]: storage mounts and the platform of a new sandbox.

use std::fmt;

use serde_json::{Map, Value, json};

use crate::api::lifecycle::types as lt;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// Where a volume's data lives.
#[derive(Clone)]
enum Backend {
    Host {
        path: String,
    },
    Pvc {
        claim: String,
        create_if_missing: bool,
        storage: Option<String>,
        storage_class: Option<String>,
    },
    Ossfs {
        bucket: String,
        endpoint: String,
        key_id: String,
        key_secret: Secret,
        options: Vec<String>,
    },
}

/// A storage mount for a new sandbox
/// ([`SandboxCreateOptions::volume`](crate::SandboxCreateOptions::volume)): a
/// directory of the host, a Kubernetes volume claim, or an OSS bucket. `Debug` never
/// shows the OSS key secret.
///
/// ```
/// use opensandbox::Volume;
/// let data = Volume::host("data", "/srv/data", "/mnt/data").read_only(true);
/// let cache = Volume::pvc("cache", "pip-cache", "/root/.cache").create_if_missing("5Gi");
/// ```
#[derive(Clone)]
#[must_use]
pub struct Volume {
    name: String,
    mount_path: String,
    read_only: bool,
    sub_path: Option<String>,
    backend: Backend,
}

impl fmt::Debug for Volume {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.backend {
            Backend::Host { .. } => "host",
            Backend::Pvc { .. } => "pvc",
            Backend::Ossfs { .. } => "ossfs",
        };
        f.debug_struct("Volume")
            .field("name", &self.name)
            .field("kind", &kind)
            .field("mount_path", &self.mount_path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

impl Volume {
    fn new(name: impl Into<String>, mount_path: impl Into<String>, backend: Backend) -> Self {
        Volume {
            name: name.into(),
            mount_path: mount_path.into(),
            read_only: false,
            sub_path: None,
            backend,
        }
    }

    /// A directory of the host (`host_path`) mounted at `mount_path`.
    pub fn host(
        name: impl Into<String>,
        host_path: impl Into<String>,
        mount_path: impl Into<String>,
    ) -> Self {
        Self::new(
            name,
            mount_path,
            Backend::Host {
                path: host_path.into(),
            },
        )
    }

    /// A Kubernetes persistent volume claim mounted at `mount_path`.
    pub fn pvc(
        name: impl Into<String>,
        claim: impl Into<String>,
        mount_path: impl Into<String>,
    ) -> Self {
        Self::new(
            name,
            mount_path,
            Backend::Pvc {
                claim: claim.into(),
                create_if_missing: false,
                storage: None,
                storage_class: None,
            },
        )
    }

    /// An OSS bucket mounted at `mount_path` with ossfs.
    pub fn ossfs(
        name: impl Into<String>,
        bucket: impl Into<String>,
        endpoint: impl Into<String>,
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<Secret>,
        mount_path: impl Into<String>,
    ) -> Self {
        Self::new(
            name,
            mount_path,
            Backend::Ossfs {
                bucket: bucket.into(),
                endpoint: endpoint.into(),
                key_id: access_key_id.into(),
                key_secret: access_key_secret.into(),
                options: Vec::new(),
            },
        )
    }

    /// Mounts read-only (default: read-write).
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
    }

    /// Mounts a directory inside the backend instead of its root (no `..`).
    pub fn sub_path(mut self, path: impl Into<String>) -> Self {
        self.sub_path = Some(path.into());
        self
    }

    /// For a claim: creates it with this size (`5Gi`) when it does not exist.
    pub fn create_if_missing(mut self, storage: impl Into<String>) -> Self {
        if let Backend::Pvc {
            create_if_missing,
            storage: s,
            ..
        } = &mut self.backend
        {
            *create_if_missing = true;
            *s = Some(storage.into());
        }
        self
    }

    /// For a claim: the storage class to create it with.
    pub fn storage_class(mut self, class: impl Into<String>) -> Self {
        if let Backend::Pvc { storage_class, .. } = &mut self.backend {
            *storage_class = Some(class.into());
        }
        self
    }

    /// For a bucket: an ossfs mount option (`allow_other`).
    pub fn ossfs_option(mut self, option: impl Into<String>) -> Self {
        if let Backend::Ossfs { options, .. } = &mut self.backend {
            options.push(option.into());
        }
        self
    }

    /// The lifecycle API's form, validated by its schema (names, paths, sizes).
    pub(crate) fn to_wire(&self) -> Result<lt::Volume> {
        let mut v = Map::new();
        v.insert("name".into(), json!(self.name));
        v.insert("mountPath".into(), json!(self.mount_path));
        v.insert("readOnly".into(), json!(self.read_only));
        if let Some(p) = &self.sub_path {
            v.insert("subPath".into(), json!(p));
        }
        match &self.backend {
            Backend::Host { path } => {
                v.insert("host".into(), json!({ "path": path }));
            }
            Backend::Pvc {
                claim,
                create_if_missing,
                storage,
                storage_class,
            } => {
                let mut p = Map::new();
                p.insert("claimName".into(), json!(claim));
                p.insert("createIfNotExists".into(), json!(create_if_missing));
                if let Some(s) = storage {
                    p.insert("storage".into(), json!(s));
                }
                if let Some(c) = storage_class {
                    p.insert("storageClass".into(), json!(c));
                }
                v.insert("pvc".into(), Value::Object(p));
            }
            Backend::Ossfs {
                bucket,
                endpoint,
                key_id,
                key_secret,
                options,
            } => {
                v.insert(
                    "ossfs".into(),
                    json!({
                        "bucket": bucket,
                        "endpoint": endpoint,
                        "accessKeyId": key_id,
                        "accessKeySecret": key_secret.expose(),
                        "options": options,
                    }),
                );
            }
        }
        // The generated type checks every constraint of the schema while decoding.
        serde_json::from_value(Value::Object(v))
            .map_err(|e| Error::InvalidInput(format!("volume {:?}: {e}", self.name)))
    }
}

/// The operating system and CPU architecture a sandbox runs on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Platform {
    /// The operating system (`linux`, `windows`).
    pub os: String,
    /// The architecture (`amd64`, `arm64`).
    pub arch: String,
}

impl Platform {
    /// `os` on `arch`.
    #[must_use]
    pub fn new(os: impl Into<String>, arch: impl Into<String>) -> Self {
        Platform {
            os: os.into(),
            arch: arch.into(),
        }
    }

    /// Linux on amd64.
    #[must_use]
    pub fn linux_amd64() -> Self {
        Self::new("linux", "amd64")
    }

    /// Linux on arm64.
    #[must_use]
    pub fn linux_arm64() -> Self {
        Self::new("linux", "arm64")
    }

    pub(crate) fn to_wire(&self) -> Result<lt::PlatformSpec> {
        serde_json::from_value(json!({ "os": self.os, "arch": self.arch }))
            .map_err(|e| Error::InvalidInput(format!("platform: {e}")))
    }
}
