package io.hfthot.engine.quota;

import io.hfthot.engine.testkit.StreamLimiterContract;

class InMemoryStreamLimiterTest extends StreamLimiterContract {
    @Override
    protected StreamLimiter newLimiter() {
        return new InMemoryStreamLimiter();
    }
}
