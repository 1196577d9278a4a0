-- Inserts a row (a hash) unless its key exists, and adds the row's id to the sets that index it.
-- KEYS[1] the row, KEYS[2..] index sets; ARGV[1] the row's id, ARGV[2..] field, value pairs
-- Returns 1 when inserted, 0 when the row existed (nothing changed).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
end
return 1
