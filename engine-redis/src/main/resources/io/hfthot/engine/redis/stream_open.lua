-- Opens a stream lease when the subject holds fewer than the maximum live leases.
-- KEYS[1] the subject's leases: a sorted set of lease ids scored by expiry (Redis server time, milliseconds)
-- ARGV[1] the lease id, ARGV[2] the maximum, ARGV[3] the lease's time to live in milliseconds
-- Returns 1 when opened, 0 when the subject is at its maximum.
-- Redis's own clock decides expiry, so replicas with skewed clocks agree on which leases are alive.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
