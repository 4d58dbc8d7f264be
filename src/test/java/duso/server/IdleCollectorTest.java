package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When {@link IdleCollector} collects: once per burst of requests, after they stop. */
class IdleCollectorTest {
    private long now = 1_000_000_000L;
    private final AtomicInteger collections = new AtomicInteger();
    private final IdleCollector idle = new IdleCollector(() -> now, collections::incrementAndGet);

    private void request() {
        idle.requestStarted();
        idle.requestEnded();
    }

    private void after(long millis) {
        now += millis * 1_000_000L;
        idle.check();
    }

    @Test
    void startUpCountsAsABurst() {
        after(500);
        assertEquals(0, collections.get());
        after(250);
        assertEquals(1, collections.get());
        for (int i = 0; i < 40; i++) {
            after(250);
        }
        assertEquals(1, collections.get(), "an idle server is collected once, not every interval");
    }

    @Test
    void waitsForTheRequestsToStop() {
        after(1000);
        assertEquals(1, collections.get());
        for (int i = 0; i < 20; i++) {
            request();
            after(250);
        }
        assertEquals(1, collections.get(), "no collection while requests keep coming");
        after(250);
        after(250);
        assertEquals(1, collections.get(), "quiet for 500 ms is not yet quiet");
        after(250);
        assertEquals(2, collections.get());
        after(5000);
        assertEquals(2, collections.get());
    }

    @Test
    void oneRequestIsABurst() {
        after(1000);
        request();
        after(250);
        after(1000);
        assertEquals(2, collections.get());
    }

    @Test
    void aRequestInFlightKeepsTheServerBusy() {
        after(1000);
        assertEquals(1, collections.get());
        idle.requestStarted();
        for (int i = 0; i < 12; i++) {
            after(250);
        }
        assertEquals(1, collections.get(), "a handler sleeping for 3 s is not an idle server");
        idle.requestEnded();
        after(250);
        after(500);
        assertEquals(1, collections.get(), "its end starts the quiet time");
        after(250);
        assertEquals(2, collections.get());
    }

    @Test
    void aLongWaitStillGetsItsCollection() {
        after(1000);
        idle.requestStarted();
        after(250);
        for (int i = 0; i < 19; i++) {
            after(250);
        }
        assertEquals(1, collections.get(), "under 5 s with a request in flight");
        after(250);
        assertEquals(2, collections.get(), "a long-polling handler does not keep the heap for good");
        for (int i = 0; i < 40; i++) {
            after(250);
        }
        assertEquals(2, collections.get());
    }
}
