-- Inserts an API key row unless its owner already holds the cap of live (not revoked) keys: the count and the
-- insert are one atomic step, so concurrent creations on any number of replicas never pass the cap.
-- KEYS[1] the row, KEYS[2] the owner's set of fingerprints, KEYS[3] the key-id set
-- ARGV[1] the fingerprint, ARGV[2] the cap, ARGV[3] the row key prefix (row key = prefix .. fingerprint),
-- ARGV[4..] field, value pairs
-- Returns 1 when inserted, 0 when the owner is at the cap, -1 when the row exists (nothing changed either way).
-- Row keys are built from set members, which a Redis Cluster would refuse; this module targets one Redis.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
local live = 0
for _, fp in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local row = ARGV[3] .. fp
  if redis.call('EXISTS', row) == 1 and redis.call('HEXISTS', row, 'revoked') == 0 then
    live = live + 1
  end
end
if live >= tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
