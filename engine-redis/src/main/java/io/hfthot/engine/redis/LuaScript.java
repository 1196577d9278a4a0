package io.hfthot.engine.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Lua script from this package's resources, run with {@code EVALSHA} (one round trip, atomic in Redis).
 *
 * <p>A Redis that restarted has an empty script cache and answers {@code NOSCRIPT}; the script is then run once
 * with {@code EVAL}, which also caches it again, so service resumes by itself when Redis returns.
 */
final class LuaScript {
    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1Hex(source);
    }

    /**
     * Loads a script from the classpath next to this class.
     *
     * @param resource the file name, e.g. {@code sliding_window.lua}
     * @return the script
     */
    static LuaScript load(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua resource " + resource);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua resource " + resource, e);
        }
    }

    /**
     * Runs the script.
     *
     * @param redis the commands of a connection
     * @param type  the expected reply type
     * @param keys  the keys it touches
     * @param args  its arguments
     * @param <T>   the reply type
     * @return the reply
     */
    <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(source, type, keys, args);
        }
    }

    private static String sha1Hex(String text) {
        try {
            // Redis names cached scripts by the SHA-1 of their source; this is an identifier, not security.
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }
}
