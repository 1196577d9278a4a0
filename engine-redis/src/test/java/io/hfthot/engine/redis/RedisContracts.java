package io.hfthot.engine.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Backends on the shared test server, one fresh namespace each, closed together after a test. */
final class RedisContracts implements AutoCloseable {
    private final List<RedisBackends> opened = new ArrayList<>();

    RedisBackends fresh() {
        try {
            RedisBackends b = RedisBackends.connect(RedisServer.shared().freshOptions());
            opened.add(b);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        opened.forEach(RedisBackends::close);
        opened.clear();
    }
}
