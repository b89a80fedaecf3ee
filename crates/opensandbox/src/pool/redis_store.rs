//! [`RedisPoolStore`]: pool state in Redis, shared by any number of processes.

use std::fmt;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Script, Value};

use super::error::{PoolError, PoolResult};
use super::redis_scripts::*;
use super::store::{Lease, PoolStore, PoolView, PutOutcome, StoreFuture, Taken};

/// The key prefix shared with the Python SDK's Redis pool store.
pub const DEFAULT_KEY_PREFIX: &str = "opensandbox:pool";

struct Scripts {
    take: Script,
    put: Script,
    reap: Script,
    acquire: Script,
    renew: Script,
    release: Script,
    set_max: Script,
    begin_destroy: Script,
    drain: Script,
}

impl Scripts {
    fn new() -> Self {
        let timed = |body: &str| Script::new(&format!("{NOW_MS}{body}"));
        Scripts {
            take: timed(TAKE),
            put: timed(PUT),
            reap: timed(REAP),
            acquire: timed(ACQUIRE),
            renew: Script::new(RENEW),
            release: Script::new(RELEASE),
            set_max: Script::new(SET_MAX),
            begin_destroy: Script::new(BEGIN_DESTROY),
            drain: Script::new(DRAIN),
        }
    }
}

/// A [`PoolStore`] in Redis (or Redis Cluster: one hash tag per pool), so pools in many
/// processes and machines share one set of idle sandboxes. The connection reconnects by
/// itself after the server restarts; calls made while it is away fail with
/// [`PoolError::Store`].
///
///
/// # Key layout
///
/// Every key of pool `NAME` starts with `{prefix}:{TAG}:`, where `prefix` defaults to
/// [`DEFAULT_KEY_PREFIX`] (`opensandbox:pool`) and `TAG` is `NAME` in URL-safe base64
/// without padding, in braces: one Redis Cluster hash tag per pool, so every script
/// touches keys of one slot.
///
/// | key | type | value |
/// |---|---|---|
/// | `idle:list` | list | idle sandbox ids, oldest first (`RPUSH`, taken with `LPOP`) |
/// | `idle:expires` | hash | sandbox id → idle expiry, milliseconds since the epoch (server clock) |
/// | `lock` | string, with a TTL | the owner id of the primary lease |
/// | `fence` | string | the fencing token of the current lease (an integer; it starts from the server clock in ms when missing, so it keeps growing even after the keys were lost) |
/// | `maxIdle` | string | the shared idle target (decimal) |
/// | `destroy:state` | string | `DESTROYING` while a destroy runs |
/// | `destroy:owner` | string | the owner id of the instance destroying the pool |
///
/// Every state change is one Lua script; expiry uses the server's `TIME`.
///
/// # Python SDK compatibility
///
/// The layout is the Python SDK's (`opensandbox` 1.1.1, `RedisPoolStateStore`): the same
/// prefix, hash tag, key names and value formats, so Rust and Python workers can share
/// one pool: both take and put idle sandboxes the same way and honour the same lease and
/// destroy marker. The `fence` key is an addition Python ignores; Rust primaries check
/// it (and the lease owner) on every put and reap, Python primaries do not, so fencing
/// only protects writes made by Rust instances. Python's `idleTtlMillis` key is read by
/// Python workers only (Rust instances pass their own idle TTL), and a destroy by Rust
/// removes every key instead of leaving Python's `DESTROYED` tombstone.
#[derive(Clone)]
pub struct RedisPoolStore {
    conn: ConnectionManager,
    prefix: String,
    address: String,
    scripts: std::sync::Arc<Scripts>,
}

impl fmt::Debug for RedisPoolStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisPoolStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

/// The URL without user and password, for messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            let _ = u.set_password(None);
            let _ = u.set_username("");
            u.to_string()
        }
        Err(_) => "<unparsable URL>".into(),
    }
}

fn base64url(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

struct Keys {
    base: String,
}

impl Keys {
    fn k(&self, suffix: &str) -> String {
        format!("{}{suffix}", self.base)
    }
}

impl RedisPoolStore {
    /// Connects to the Redis server at `url` (`redis://[:password@]host:port[/db]`), with
    /// the default key prefix.
    ///
    /// # Errors
    ///
    /// [`PoolError::InvalidOptions`] for a URL that is not a Redis URL;
    /// [`PoolError::Store`] when the server cannot be reached within 5 s.
    pub async fn connect(url: &str) -> PoolResult<Self> {
        Self::connect_with_prefix(url, DEFAULT_KEY_PREFIX).await
    }

    /// [`RedisPoolStore::connect`] with another key prefix.
    ///
    /// # Errors
    ///
    /// As [`RedisPoolStore::connect`]; [`PoolError::InvalidOptions`] for a blank prefix.
    pub async fn connect_with_prefix(url: &str, prefix: &str) -> PoolResult<Self> {
        if prefix.trim().is_empty() {
            return Err(PoolError::InvalidOptions(
                "the Redis key prefix is blank".into(),
            ));
        }
        let address = redact(url);
        let client = redis::Client::open(url)
            .map_err(|e| PoolError::InvalidOptions(format!("not a Redis URL ({address}): {e}")))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(2)))
            .set_response_timeout(Some(Duration::from_secs(5)))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let conn = tokio::time::timeout(
            Duration::from_secs(5),
            ConnectionManager::new_with_config(client, config),
        )
        .await
        .map_err(|_| PoolError::store("connect", format!("{address}: no answer within 5 s")))?
        .map_err(|e| PoolError::store("connect", format!("{address}: {e}")))?;
        Ok(RedisPoolStore {
            conn,
            prefix: prefix.to_string(),
            address,
            scripts: std::sync::Arc::new(Scripts::new()),
        })
    }

    /// The key of `suffix` for pool `pool` (see the [key layout](RedisPoolStore#key-layout)).
    #[must_use]
    pub fn key(&self, pool: &str, suffix: &str) -> String {
        self.keys(pool).k(suffix)
    }

    fn keys(&self, pool: &str) -> Keys {
        Keys {
            base: format!("{}:{{{}}}:", self.prefix, base64url(pool.as_bytes())),
        }
    }

    fn fail(&self, operation: &'static str, e: redis::RedisError) -> PoolError {
        PoolError::store(operation, format!("Redis at {}: {e}", self.address))
    }

    async fn run<T: redis::FromRedisValue>(
        &self,
        operation: &'static str,
        inv: redis::ScriptInvocation<'_>,
    ) -> PoolResult<T> {
        let mut conn = self.conn.clone();
        inv.invoke_async(&mut conn)
            .await
            .map_err(|e| self.fail(operation, e))
    }

    async fn cmd<T: redis::FromRedisValue>(
        &self,
        operation: &'static str,
        cmd: &redis::Cmd,
    ) -> PoolResult<T> {
        let mut conn = self.conn.clone();
        cmd.query_async(&mut conn)
            .await
            .map_err(|e| self.fail(operation, e))
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::BulkString(b) => String::from_utf8(b.clone()).ok(),
        Value::SimpleString(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

fn ids(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) | Value::Set(items) => items.iter().filter_map(text).collect(),
        _ => Vec::new(),
    }
}

fn unexpected(operation: &'static str, v: &Value) -> PoolError {
    PoolError::store(operation, format!("unexpected answer {v:?}"))
}

impl PoolStore for RedisPoolStore {
    fn take_idle<'a>(&'a self, pool: &'a str, min_remaining: Duration) -> StoreFuture<'a, Taken> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.take.prepare_invoke();
            inv.key(k.k("idle:list"))
                .key(k.k("idle:expires"))
                .arg(u64::try_from(min_remaining.as_millis()).unwrap_or(u64::MAX));
            let v: Value = self.run("take_idle", inv).await?;
            let Value::Array(parts) = &v else {
                return Err(unexpected("take_idle", &v));
            };
            let id = parts.first().and_then(text).filter(|s| !s.is_empty());
            let discarded = parts.get(1).map(ids).unwrap_or_default();
            Ok(Taken {
                sandbox_id: id,
                discarded,
            })
        })
    }

    fn put_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        sandbox_id: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, PutOutcome> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.put.prepare_invoke();
            inv.key(k.k("idle:list"))
                .key(k.k("idle:expires"))
                .key(k.k("lock"))
                .key(k.k("fence"))
                .key(k.k("destroy:state"))
                .arg(&lease.owner)
                .arg(lease.token.to_string())
                .arg(sandbox_id)
                .arg(millis(ttl));
            let r: i64 = self.run("put_idle", inv).await?;
            Ok(match r {
                1 => PutOutcome::Added,
                -1 => PutOutcome::Destroying,
                _ => PutOutcome::Fenced,
            })
        })
    }

    fn reap_idle<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        min_remaining: Duration,
    ) -> StoreFuture<'a, Option<Vec<String>>> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.reap.prepare_invoke();
            inv.key(k.k("idle:list"))
                .key(k.k("idle:expires"))
                .key(k.k("lock"))
                .key(k.k("fence"))
                .arg(&lease.owner)
                .arg(lease.token.to_string())
                .arg(u64::try_from(min_remaining.as_millis()).unwrap_or(u64::MAX));
            let v: Value = self.run("reap_idle", inv).await?;
            match &v {
                Value::Array(parts) if parts.first() == Some(&Value::Int(1)) => {
                    Ok(Some(parts.get(1).map(ids).unwrap_or_default()))
                }
                Value::Array(parts) if parts.first() == Some(&Value::Int(0)) => Ok(None),
                _ => Err(unexpected("reap_idle", &v)),
            }
        })
    }

    fn acquire_lease<'a>(
        &'a self,
        pool: &'a str,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.acquire.prepare_invoke();
            inv.key(k.k("lock"))
                .key(k.k("fence"))
                .key(k.k("destroy:state"))
                .arg(owner)
                .arg(millis(ttl));
            let v: Value = self.run("acquire_lease", inv).await?;
            match &v {
                Value::Array(parts) if parts.first() == Some(&Value::Int(0)) => Ok(None),
                Value::Array(parts) if parts.first() == Some(&Value::Int(1)) => {
                    match parts.get(1) {
                        Some(Value::Int(t)) if *t > 0 => Ok(Some(Lease {
                            owner: owner.to_string(),
                            token: t.unsigned_abs(),
                        })),
                        _ => Err(unexpected("acquire_lease", &v)),
                    }
                }
                _ => Err(unexpected("acquire_lease", &v)),
            }
        })
    }

    fn renew_lease<'a>(
        &'a self,
        pool: &'a str,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.renew.prepare_invoke();
            inv.key(k.k("lock"))
                .key(k.k("fence"))
                .key(k.k("destroy:state"))
                .arg(&lease.owner)
                .arg(lease.token.to_string())
                .arg(millis(ttl));
            let r: i64 = self.run("renew_lease", inv).await?;
            Ok(r == 1)
        })
    }

    fn release_lease<'a>(&'a self, pool: &'a str, lease: &'a Lease) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.release.prepare_invoke();
            inv.key(k.k("lock"))
                .key(k.k("fence"))
                .arg(&lease.owner)
                .arg(lease.token.to_string());
            let _: i64 = self.run("release_lease", inv).await?;
            Ok(())
        })
    }

    fn idle_count<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, usize> {
        Box::pin(async move {
            let k = self.keys(pool);
            self.cmd("idle_count", redis::cmd("HLEN").arg(k.k("idle:expires")))
                .await
        })
    }

    fn max_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Option<usize>> {
        Box::pin(async move {
            let k = self.keys(pool);
            let v: Option<String> = self
                .cmd("max_idle", redis::cmd("GET").arg(k.k("maxIdle")))
                .await?;
            // A value another writer left unparsable counts as unset.
            Ok(v.and_then(|s| s.trim().parse().ok()))
        })
    }

    fn set_max_idle<'a>(&'a self, pool: &'a str, max_idle: usize) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.set_max.prepare_invoke();
            inv.key(k.k("maxIdle"))
                .key(k.k("destroy:state"))
                .arg(max_idle);
            let r: i64 = self.run("set_max_idle", inv).await?;
            if r == -1 {
                return Err(PoolError::Destroyed(pool.to_string()));
            }
            Ok(())
        })
    }

    fn begin_destroy<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.begin_destroy.prepare_invoke();
            inv.key(k.k("destroy:state"))
                .key(k.k("destroy:owner"))
                .key(k.k("lock"))
                .arg(format!("rust-{}", std::process::id()));
            let _: i64 = self.run("begin_destroy", inv).await?;
            Ok(())
        })
    }

    fn is_destroying<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let k = self.keys(pool);
            let v: Option<String> = self
                .cmd("is_destroying", redis::cmd("GET").arg(k.k("destroy:state")))
                .await?;
            Ok(v.is_some())
        })
    }

    fn drain_idle<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, Vec<String>> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut inv = self.scripts.drain.prepare_invoke();
            inv.key(k.k("idle:list")).key(k.k("idle:expires"));
            let v: Value = self.run("drain_idle", inv).await?;
            Ok(ids(&v))
        })
    }

    fn view<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, PoolView> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut pipe = redis::pipe();
            pipe.cmd("EXISTS")
                .arg(k.k("destroy:state"))
                .cmd("GET")
                .arg(k.k("maxIdle"))
                .cmd("HLEN")
                .arg(k.k("idle:expires"));
            let mut conn = self.conn.clone();
            let (destroying, max_idle, idle): (bool, Option<String>, usize) = pipe
                .query_async(&mut conn)
                .await
                .map_err(|e| self.fail("view", e))?;
            Ok(PoolView {
                destroying,
                max_idle: max_idle.and_then(|s| s.trim().parse().ok()),
                idle,
            })
        })
    }

    fn clear<'a>(&'a self, pool: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let k = self.keys(pool);
            let mut del = redis::cmd("DEL");
            for suffix in [
                "idle:list",
                "idle:expires",
                "lock",
                "fence",
                "maxIdle",
                "idleTtlMillis",
                "destroy:state",
                "destroy:owner",
            ] {
                del.arg(k.k(suffix));
            }
            let _: i64 = self.cmd("clear", &del).await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_tag_is_unpadded_urlsafe_base64() {
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn redaction_drops_credentials() {
        assert_eq!(redact("redis://user:pw@host:1/0"), "redis://host:1/0");
    }
}
