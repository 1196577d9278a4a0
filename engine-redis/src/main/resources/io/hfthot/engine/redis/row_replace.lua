-- Replaces every field of an existing row (a hash); its id and so its index entries stay the same.
-- KEYS[1] the row; ARGV[1..] field, value pairs
-- Returns 1 when replaced, 0 when no such row (nothing changed).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
