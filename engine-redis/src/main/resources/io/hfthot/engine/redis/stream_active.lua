-- Counts a subject's live stream leases, dropping expired ones.
-- KEYS[1] the subject's leases (see stream_open.lua). Returns the count.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
