package io.hfthot.engine.quota;

class InMemoryStreamLimiterTest extends StreamLimiterContract {
    @Override
    protected StreamLimiter newLimiter() {
        return new InMemoryStreamLimiter();
    }
}
