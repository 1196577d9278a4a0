package io.hfthot.engine.events;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.engine.testkit.EventBusContract;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** Runs the {@link EventBus} contract against {@link InMemoryEventBus}, plus its own argument checks. */
class InMemoryEventBusTest extends EventBusContract {
    @Override
    protected EventBus createBus(InstantSource clock) {
        return new InMemoryEventBus(clock, 2);
    }

    @Test
    void rejectsAnUnreasonableThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryEventBus(InstantSource.system(), 0));
    }
}
