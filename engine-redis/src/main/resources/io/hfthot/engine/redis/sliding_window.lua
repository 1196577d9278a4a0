-- One exact sliding-window decision, atomic in Redis.
-- KEYS[1] the bucket's log: a sorted set, every score 0, members "<19-digit time><':'><unique id>" ordered BYLEX;
--         its newest member is the latest time the bucket has recorded
-- ARGV[1] now seconds, ARGV[2] now nanos, ARGV[3] window seconds, ARGV[4] window nanos, ARGV[5] limit,
-- ARGV[6] "1" to record an admitted event, "0" to only look, ARGV[7] a member suffix unique to this call,
-- ARGV[8] time to live of the key in milliseconds
-- Returns {allowed (1|0), events in the window after the call, oldest counted member or '', time judged at}.
-- Times are fixed-width strings because Lua numbers are doubles and cannot hold epoch nanoseconds exactly;
-- seconds and nanoseconds are each exact as doubles.
-- Cost: six commands on the admitting path (newest, evict, count, add, expire, oldest); a look (ARGV[6] "0")
-- removes nothing, so that the newest member, the bucket's latest time, is only ever replaced by a newer one.
local sec, nano = tonumber(ARGV[1]), tonumber(ARGV[2])
local now = string.format('%010d%09d', sec, nano)
local newest = redis.call('ZRANGE', KEYS[1], '+', '-', 'BYLEX', 'REV', 'LIMIT', 0, 1)[1]
if newest then
  local latest = string.sub(newest, 1, 19)
  if latest > now then
    -- A caller with an older clock is judged at the latest recorded time: stricter, never looser.
    now = latest
    sec, nano = tonumber(string.sub(latest, 1, 10)), tonumber(string.sub(latest, 11, 19))
  end
end
local csec, cnano = sec - tonumber(ARGV[3]), nano - tonumber(ARGV[4])
if cnano < 0 then
  cnano = cnano + 1000000000
  csec = csec - 1
end
-- The window is (now - W, now]: events at or before the cutoff have left. ';' sorts right after ':', so
-- '(<cutoff>;' lies above every member at the cutoff and below every later one.
local inside = '-'
if csec >= 0 then
  inside = '(' .. string.format('%010d%09d', csec, cnano) .. ';'
end
local record = ARGV[6] == '1'
local count
if record then
  if inside ~= '-' then
    redis.call('ZREMRANGEBYLEX', KEYS[1], '-', inside)
  end
  count = redis.call('ZCARD', KEYS[1])
else
  count = redis.call('ZLEXCOUNT', KEYS[1], inside, '+')
end
local limit = tonumber(ARGV[5])
local allowed = 0
if count < limit then
  allowed = 1
  if record then
    redis.call('ZADD', KEYS[1], 0, now .. ':' .. ARGV[7])
    redis.call('PEXPIRE', KEYS[1], ARGV[8])
    count = count + 1
  end
end
local oldest = ''
if count > 0 then
  oldest = redis.call('ZRANGE', KEYS[1], inside, '+', 'BYLEX', 'LIMIT', 0, 1)[1]
end
return {allowed, count, oldest, now}
