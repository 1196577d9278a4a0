-- Revokes every row listed in a set, keeping the first revocation time of rows already revoked.
-- KEYS[1] the set of row ids; ARGV[1] the row key prefix (row key = prefix .. id), ARGV[2] the revocation time
-- Returns the number of rows newly revoked.
-- The row keys are built here from the set's members, which a Redis Cluster would refuse; this module targets
-- one Redis (with replicas for failover), where scripts may touch any key.
local n = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local row = ARGV[1] .. id
  if redis.call('EXISTS', row) == 1 and redis.call('HEXISTS', row, 'revoked') == 0 then
    redis.call('HSET', row, 'revoked', ARGV[2])
    n = n + 1
  end
end
return n
