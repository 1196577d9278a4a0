-- Publishes one event: the topic's next sequence number, then the entry in the topic's stream with that number
-- as its id ("<sequence>-1"), so stream order is sequence order across every replica that publishes.
-- KEYS[1] the topic's stream, KEYS[2] its sequence counter
-- ARGV[1] publication time (ISO-8601), ARGV[2] payload text, ARGV[3] approximate number of entries kept
-- Returns the sequence number.
local s = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], s .. '-1', 'at', ARGV[1], 'p', ARGV[2])
return s
