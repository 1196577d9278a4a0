-- Extends a lease only if the caller still holds it.
-- KEYS[1] the lease; ARGV[1] the holder id, ARGV[2] time to live in milliseconds
-- Returns 1 when renewed, 0 when someone else (or nobody) holds it.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
