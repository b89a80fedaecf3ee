//! The Lua scripts of the Redis pool store: every state change is one script, and
//! expiry uses the server's clock (`TIME`).

pub(super) const NOW_MS: &str = "local t = redis.call('TIME')\nlocal now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n";

pub(super) const TAKE: &str = r#"
local cutoff = now + tonumber(ARGV[1])
local discarded = {}
while true do
  local id = redis.call('LPOP', KEYS[1])
  if not id then return {'', discarded} end
  local exp = redis.call('HGET', KEYS[2], id)
  if exp then
    redis.call('HDEL', KEYS[2], id)
    exp = tonumber(exp)
    if exp > cutoff then return {id, discarded} end
    if exp > now then table.insert(discarded, id) end
  end
end
"#;

// KEYS: list, expires, lock, fence, destroy. ARGV: owner, token, id, ttl ms.
pub(super) const PUT: &str = r#"
if redis.call('EXISTS', KEYS[5]) == 1 then return -1 end
if redis.call('GET', KEYS[3]) ~= ARGV[1] or redis.call('GET', KEYS[4]) ~= ARGV[2] then return 0 end
if not redis.call('HGET', KEYS[2], ARGV[3]) then redis.call('RPUSH', KEYS[1], ARGV[3]) end
redis.call('HSET', KEYS[2], ARGV[3], now + tonumber(ARGV[4]))
return 1
"#;

// KEYS: list, expires, lock, fence. ARGV: owner, token, min remaining ms.
pub(super) const REAP: &str = r#"
if redis.call('GET', KEYS[3]) ~= ARGV[1] or redis.call('GET', KEYS[4]) ~= ARGV[2] then return {0} end
local cutoff = now + tonumber(ARGV[3])
local reaped = {}
local entries = redis.call('HGETALL', KEYS[2])
for i = 1, #entries, 2 do
  if tonumber(entries[i + 1]) <= cutoff then
    redis.call('HDEL', KEYS[2], entries[i])
    redis.call('LREM', KEYS[1], 0, entries[i])
    table.insert(reaped, entries[i])
  end
end
return {1, reaped}
"#;

// KEYS: lock, fence, destroy. ARGV: owner, ttl ms.
pub(super) const ACQUIRE: &str = r#"
if redis.call('EXISTS', KEYS[3]) == 1 then return {0} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('SET', KEYS[2], now) end
  return {1, redis.call('INCR', KEYS[2])}
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  local f = redis.call('GET', KEYS[2])
  if not f then
    redis.call('SET', KEYS[2], now)
    return {1, redis.call('INCR', KEYS[2])}
  end
  return {1, tonumber(f)}
end
return {0}
"#;

// KEYS: lock, fence, destroy. ARGV: owner, token, ttl ms.
pub(super) const RENEW: &str = r#"
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0
"#;

// KEYS: lock, fence. ARGV: owner, token.
pub(super) const RELEASE: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('DEL', KEYS[1])
end
return 1
"#;

// KEYS: maxIdle, destroy. ARGV: n.
pub(super) const SET_MAX: &str = r#"
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
redis.call('SET', KEYS[1], ARGV[1])
return 1
"#;

// KEYS: destroy, destroy owner, lock. ARGV: owner.
pub(super) const BEGIN_DESTROY: &str = r#"
redis.call('SET', KEYS[1], 'DESTROYING')
redis.call('SET', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[3])
return 1
"#;

// KEYS: list, expires.
pub(super) const DRAIN: &str = r#"
local ids = redis.call('HKEYS', KEYS[2])
local seen = {}
for _, id in ipairs(ids) do seen[id] = true end
for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if not seen[id] then table.insert(ids, id); seen[id] = true end
end
redis.call('DEL', KEYS[1], KEYS[2])
return ids
"#;
