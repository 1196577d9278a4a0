package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyBufferTest {
    @Test
    void aThreadGetsItsBufferBackEmptyAfterAnOrdinaryResponse() {
        BodyBuffer first = BodyBuffer.acquire();
        first.write(new byte[10_000], 0, 10_000);
        first.release();
        BodyBuffer second = BodyBuffer.acquire();
        assertSame(first, second);
        assertEquals(0, second.size());
        second.release();
    }

    @Test
    void aBufferGrownPastTheRetainedSizeIsDroppedSoAThreadKeepsLittle() {
        BodyBuffer big = BodyBuffer.acquire();
        byte[] body = new byte[BodyBuffer.RETAINED_BYTES * 4];
        Arrays.fill(body, (byte) 'x');
        big.write(body, 0, body.length);
        assertEquals(body.length, big.size());
        assertTrue(big.capacity() > BodyBuffer.RETAINED_BYTES);
        big.release();
        BodyBuffer next = BodyBuffer.acquire();
        assertNotSame(big, next);
        assertTrue(next.capacity() <= BodyBuffer.RETAINED_BYTES, "kept " + next.capacity() + " bytes");
        next.release();
    }

    @Test
    void eachThreadHasItsOwnBuffer() throws Exception {
        BodyBuffer mine = BodyBuffer.acquire();
        BodyBuffer[] other = new BodyBuffer[1];
        Thread t = new Thread(() -> other[0] = BodyBuffer.acquire());
        t.start();
        t.join();
        assertNotSame(mine, other[0]);
        mine.release();
    }
}
