package io.hfthot.engine.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows stored as Redis hashes (one field per record component; an absent field is null) listed by index sets,
 * written by the Lua scripts {@code row_insert.lua}, {@code row_insert_unique.lua}, {@code row_replace.lua},
 * {@code field_set_once.lua} and {@code revoke_members.lua} so each change is atomic. Shared by the key, profile,
 * token and hub stores.
 */
final class HashRows {
    private static final LuaScript INSERT = LuaScript.load("row_insert.lua");
    private static final LuaScript INSERT_UNIQUE = LuaScript.load("row_insert_unique.lua");
    private static final LuaScript REPLACE = LuaScript.load("row_replace.lua");
    private static final LuaScript SET_ONCE = LuaScript.load("field_set_once.lua");
    private static final LuaScript REVOKE_MEMBERS = LuaScript.load("revoke_members.lua");

    private final RedisSession redis;
    private final String what;

    /**
     * Creates the helper for one store.
     *
     * @param redis the session
     * @param what  the store's rows in words, for fail-closed messages (e.g. "API key")
     */
    HashRows(RedisSession redis, String what) {
        this.redis = redis;
        this.what = what;
    }

    /** A builder of field/value pairs that skips null values. */
    static final class Fields {
        private final Map<String, String> values = new LinkedHashMap<>();

        Fields put(String field, Object value) {
            if (value != null) {
                values.put(field, value.toString());
            }
            return this;
        }

        List<String> flat() {
            List<String> out = new ArrayList<>(values.size() * 2);
            values.forEach((k, v) -> {
                out.add(k);
                out.add(v);
            });
            return out;
        }
    }

    /**
     * Inserts a row unless it exists.
     *
     * @param row     the row's key
     * @param id      the row's id, added to every index set
     * @param indexes keys of the sets that list the row (by owner, by family...)
     * @param fields  the row's fields
     * @return false when the row existed
     */
    boolean insert(String row, String id, List<String> indexes, Fields fields) {
        List<String> keys = new ArrayList<>();
        keys.add(row);
        keys.addAll(indexes);
        List<String> args = new ArrayList<>();
        args.add(id);
        args.addAll(fields.flat());
        Long done = RedisFailures.call(what + " insert", () -> INSERT.run(redis.commands(), ScriptOutputType.INTEGER,
                keys.toArray(String[]::new), args.toArray(String[]::new)));
        return done == 1L;
    }

    /**
     * Inserts a row unless it exists or one of its unique index keys does (see {@code row_insert_unique.lua}).
     *
     * @param row     the row's key
     * @param id      the row's id, the value of every index key
     * @param uniques keys that map one value (an email...) to the row's id
     * @param fields  the row's fields
     * @return false when the row or an index key existed
     */
    boolean insertUnique(String row, String id, List<String> uniques, Fields fields) {
        List<String> keys = new ArrayList<>();
        keys.add(row);
        keys.addAll(uniques);
        List<String> args = new ArrayList<>();
        args.add(id);
        args.addAll(fields.flat());
        Long done = RedisFailures.call(what + " insert", () -> INSERT_UNIQUE.run(redis.commands(),
                ScriptOutputType.INTEGER, keys.toArray(String[]::new), args.toArray(String[]::new)));
        return done == 1L;
    }

    /**
     * Reads a plain string key.
     *
     * @param key the key
     * @return its value, or null when absent
     */
    String value(String key) {
        return RedisFailures.call(what + " lookup", () -> redis.commands().get(key));
    }

    /**
     * Replaces an existing row's fields.
     *
     * @param row    the row's key
     * @param fields the row's fields
     * @return false when no such row
     */
    boolean replace(String row, Fields fields) {
        Long done = RedisFailures.call(what + " update", () -> REPLACE.run(redis.commands(), ScriptOutputType.INTEGER,
                new String[] {row}, fields.flat().toArray(String[]::new)));
        return done == 1L;
    }

    /**
     * Sets a field once (see {@code field_set_once.lua}).
     *
     * @param row      the row's key
     * @param field    the field
     * @param value    its value
     * @param blockers fields whose presence forbids the change
     * @return -1 for no such row, 1 when set, 0 when already set or blocked
     */
    long setOnce(String row, String field, String value, String... blockers) {
        String[] args = new String[2 + blockers.length];
        args[0] = field;
        args[1] = value;
        System.arraycopy(blockers, 0, args, 2, blockers.length);
        return RedisFailures.call(what + " update",
                () -> SET_ONCE.<Long>run(redis.commands(), ScriptOutputType.INTEGER, new String[] {row}, args));
    }

    /**
     * Revokes every row whose id a set lists (see {@code revoke_members.lua}).
     *
     * @param set       the set's key
     * @param rowPrefix the row key prefix
     * @param at        the revocation time
     * @return rows newly revoked
     */
    int revokeMembers(String set, String rowPrefix, Instant at) {
        Long n = RedisFailures.call(what + " revocation", () -> REVOKE_MEMBERS.run(redis.commands(),
                ScriptOutputType.INTEGER, new String[] {set}, rowPrefix, at.toString()));
        return n.intValue();
    }

    /**
     * Reads a row.
     *
     * @param row the row's key
     * @return its fields, empty when there is no such row
     */
    Map<String, String> get(String row) {
        return RedisFailures.call(what + " lookup", () -> redis.commands().hgetall(row));
    }

    /**
     * Lists the ids an index set holds.
     *
     * @param index the set's key
     * @return the ids, in no particular order
     */
    Set<String> ids(String index) {
        return RedisFailures.call(what + " listing", () -> redis.commands().smembers(index));
    }

    /**
     * Parses an optional instant field.
     *
     * @param value the field's value or null
     * @return the instant or null
     */
    static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
