-- Sets a field of an existing row only when it is unset and none of the blocking fields is set: the
-- compare-and-set behind revocation (first time kept) and one-time use of refresh tokens.
-- KEYS[1] the row; ARGV[1] the field, ARGV[2] the value, ARGV[3..] fields whose presence blocks the change
-- Returns -1 when there is no such row, 1 when the field was set, 0 when it was already set or blocked.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return 0
end
for i = 3, #ARGV do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
    return 0
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
