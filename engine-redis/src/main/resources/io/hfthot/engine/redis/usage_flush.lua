-- Adds one batch of usage counts, at most once: a batch that timed out on the client may still have reached Redis,
-- so its writer sends it again with the same number and this script applies it only if it is newer than the last
-- batch applied for that writer. A writer sends its batches one at a time, in increasing order.
-- KEYS[1] the writer's last applied batch number; KEYS[2..n] usage counters
-- ARGV[1] the batch number, ARGV[2] time to live of KEYS[1] in milliseconds, ARGV[3..n+1] the amounts for KEYS[2..n]
-- Returns 1 when applied now, 0 when it had been applied before.
local applied = redis.call('GET', KEYS[1])
if applied and tonumber(applied) >= tonumber(ARGV[1]) then
  return 0
end
for i = 2, #KEYS do
  redis.call('INCRBY', KEYS[i], ARGV[i + 1])
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
