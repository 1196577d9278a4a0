package io.hfthot.engine.redis;

import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API key rows shared by every replica: one hash per fingerprint, an owner index and a key-id set. Holds
 * fingerprints only.
 *
 * <p>Visibility: a lookup that finds nothing is never cached, so a key created on one replica authenticates on
 * every other at once. A found row is cached for {@link #CACHE_TTL} (saving one round trip on most requests), so a
 * key revoked on another replica stops here within that time, inside the one-second promise; a revocation through
 * this store is seen here at once.
 *
 * <p>Reads are single-flight: when many request threads find the same entry missing or expired together, one of
 * them reads Redis and the others wait for that read instead of each sending its own {@code HGETALL}. A read that
 * overlapped a revocation through this store is returned to its callers but not cached, so the revocation is still
 * seen at once.
 */
public final class RedisApiKeyStore implements ApiKeyStore {
    /** Creation order; equal times are ordered by fingerprint so the order is the same on every replica. */
    private static final Comparator<ApiKeyRecord> CREATION_ORDER = Comparator.comparing(ApiKeyRecord::createdAt)
            .thenComparing(r -> r.fingerprint().toHex());

    /** How long a found row is served from this replica's cache. */
    public static final Duration CACHE_TTL = Duration.ofMillis(500);
    /** Entries kept before the cache is emptied (it refills from Redis on the next lookups). */
    private static final int CACHE_MAX = 100_000;

    private static final LuaScript INSERT_CAPPED = LuaScript.load("key_insert_capped.lua");

    private final RedisSession redis;
    private final HashRows rows;
    /** Found rows by fingerprint hex, with the System.nanoTime() after which they must be read again. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Reads of Redis in flight by fingerprint hex; late callers join them (single flight). */
    private final Map<String, CompletableFuture<Optional<ApiKeyRecord>>> reading = new ConcurrentHashMap<>();
    /** Revocations through this store so far; a read that saw this change may hold a pre-revocation row. */
    private final AtomicLong revocations = new AtomicLong();

    private record Cached(ApiKeyRecord row, long expiresNanos) {
    }

    RedisApiKeyStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.rows = new HashRows(redis, "API key");
    }

    @Override
    public void insert(ApiKeyRecord row) {
        Objects.requireNonNull(row, "row");
        String fp = row.fingerprint().toHex();
        if (!rows.insert(rowKey(fp), fp, List.of(ownerKey(row), redis.key("key-id", row.keyId())), fields(row))) {
            throw duplicate(row);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One Lua script ({@code key_insert_capped.lua}) counts the owner's live rows and inserts, atomically in
     * Redis, so the cap holds across every replica.
     */
    @Override
    public boolean insertWithinCap(ApiKeyRecord row, int maxLive) {
        Objects.requireNonNull(row, "row");
        if (maxLive < 1) {
            throw new IllegalArgumentException("maxLive must be >= 1, got " + maxLive);
        }
        String fp = row.fingerprint().toHex();
        List<String> args = new ArrayList<>(List.of(fp, Integer.toString(maxLive), rowKey("")));
        args.addAll(fields(row).flat());
        Long done = RedisFailures.call("API key creation", () -> INSERT_CAPPED.run(redis.commands(),
                ScriptOutputType.INTEGER, new String[] {rowKey(fp), ownerKey(row), redis.key("key-id", row.keyId())},
                args.toArray(String[]::new)));
        if (done < 0) {
            throw duplicate(row);
        }
        return done == 1L;
    }

    private static HashRows.Fields fields(ApiKeyRecord row) {
        return new HashRows.Fields().put("hint", row.hint()).put("owner", row.ownerId()).put("tier", row.tier().name())
                .put("created", row.createdAt()).put("revoked", row.revokedAt());
    }

    private static IllegalStateException duplicate(ApiKeyRecord row) {
        return new IllegalStateException("an API key with fingerprint " + row.fingerprint() + " exists");
    }

    private String ownerKey(ApiKeyRecord row) {
        return redis.key("key-owner", row.ownerId());
    }

    @Override
    public Optional<ApiKeyRecord> find(Fingerprint fingerprint) {
        String fp = fingerprint.toHex();
        Cached hit = cache.get(fp);
        // Elapsed time on the monotonic clock: the cache's lifetime is not business time, so no injected clock.
        long now = System.nanoTime();
        if (hit != null && now - hit.expiresNanos() < 0) {
            return Optional.of(hit.row());
        }
        CompletableFuture<Optional<ApiKeyRecord>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiKeyRecord>> running = reading.putIfAbsent(fp, mine);
        if (running != null) {
            return joined(running);
        }
        try {
            Optional<ApiKeyRecord> row = readAndCache(fp, now);
            mine.complete(row);
            return row;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            // After the cache was filled: a caller arriving now finds the fresh entry, never a finished read.
            reading.remove(fp, mine);
        }
    }

    private Optional<ApiKeyRecord> readAndCache(String fp, long now) {
        long revokedBefore = revocations.get();
        Optional<ApiKeyRecord> row = read(fp);
        if (row.isEmpty() || revocations.get() != revokedBefore) {
            cache.remove(fp);
            return row;
        }
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        // Checked again inside compute, which is atomic with revoke's cache.remove of the same key: either this
        // entry lands first and revoke removes it, or revoke's counter change is seen here and nothing is cached.
        Cached fresh = new Cached(row.get(), now + CACHE_TTL.toNanos());
        cache.compute(fp, (k, old) -> revocations.get() == revokedBefore ? fresh : old);
        return row;
    }

    /** The result of another thread's read: its row, or the same exception it threw. */
    private static Optional<ApiKeyRecord> joined(CompletableFuture<Optional<ApiKeyRecord>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public Optional<ApiKeyRecord> findByKeyId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        // A key id is the fingerprint's first 8 bytes: a set, since two fingerprints could share them.
        for (String fp : rows.ids(redis.key("key-id", keyId))) {
            Optional<ApiKeyRecord> row = read(fp);
            if (row.isPresent() && row.get().keyId().equals(keyId)) {
                return row;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ApiKeyRecord> revoke(Fingerprint fingerprint, Instant at) {
        Objects.requireNonNull(at, "at");
        String fp = fingerprint.toHex();
        revocations.incrementAndGet();
        cache.remove(fp);
        long written = rows.setOnce(rowKey(fp), "revoked", at.toString());
        // A read that began after the first increment but before the write holds the row as it was: this second
        // change keeps it out of the cache (see readAndCache), and later callers must not join it.
        revocations.incrementAndGet();
        reading.remove(fp);
        cache.remove(fp);
        if (written < 0) {
            return Optional.empty();
        }
        return read(fp);
    }

    @Override
    public List<ApiKeyRecord> byOwner(String ownerId) {
        Objects.requireNonNull(ownerId, "ownerId");
        List<ApiKeyRecord> out = new ArrayList<>();
        for (String fp : rows.ids(redis.key("key-owner", ownerId))) {
            read(fp).ifPresent(out::add);
        }
        out.sort(CREATION_ORDER);
        return out;
    }

    private Optional<ApiKeyRecord> read(String fpHex) {
        Map<String, String> f = rows.get(rowKey(fpHex));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyRecord(Fingerprint.fromHex(fpHex), f.get("hint"), f.get("owner"),
                Tier.valueOf(f.get("tier")), Instant.parse(f.get("created")), HashRows.instant(f.get("revoked"))));
    }

    private String rowKey(String fpHex) {
        return redis.key("key", fpHex);
    }
}
