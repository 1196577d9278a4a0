-- Inserts a row (a hash) unless its key or any of its unique index keys exists, and points each index key at the
-- row's id: a duplicate id or a duplicate indexed value (e.g. an email) is refused atomically.
-- KEYS[1] the row, KEYS[2..] unique index keys; ARGV[1] the row's id, ARGV[2..] field, value pairs
-- Returns 1 when inserted, 0 when the row or an index key existed (nothing changed).
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    return 0
  end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], ARGV[1])
end
return 1
