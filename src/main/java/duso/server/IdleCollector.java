package duso.server;

import duso.runtime.DusoRuntime;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One garbage collection when a runtime's servers go quiet after a burst of requests, so an
 * idle server gives its heap back to the OS and then stays asleep.
 *
 * <p>G1 returns free heap only after a concurrent cycle. Its periodic collection
 * ({@code G1PeriodicGCInterval}) starts one whenever no collection has run for the interval,
 * and so keeps collecting every interval for as long as the server is idle: at one second,
 * 1.3% of a core spent on an idle server (Node: 0.1%). The launcher's server profile runs
 * without it and asks for this instead ({@code -Dduso.server.idleCollect=true}, with
 * {@code -XX:+ExplicitGCInvokesConcurrent} so the collection is that same concurrent cycle):
 * once no request has started or ended for {@link #QUIET_NANOS} and none is in flight, one
 * collection, and no other until requests come again. Start-up counts as a burst.
 *
 * <p>A handler that is still running (one that sleeps or waits on a store) keeps the server
 * busy for up to {@link #IN_FLIGHT_QUIET_NANOS}: 5,000 requests sleeping for a second are a
 * burst, not a pause, and a collection then would copy all of their live state in one pause
 * that every one of them waits out. A server whose handlers wait far longer (long polling)
 * still gets its collection once nothing has moved for that long.
 */
final class IdleCollector {
    /** Set by the launcher's server profile; off, servers behave as any JVM program. */
    static final boolean ENABLED = Boolean.getBoolean("duso.server.idleCollect");
    /** How often the servers' timer thread looks. */
    static final long CHECK_MILLIS = 250;
    /** How long without a new request counts as quiet. */
    static final long QUIET_NANOS = 750_000_000L;
    /** How long without a new request, or one ending, counts as quiet while some are in flight. */
    static final long IN_FLIGHT_QUIET_NANOS = 5_000_000_000L;

    private final LongSupplier clock;
    private final Runnable collect;
    private final LongAdder started = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private long seen;
    private long quietSince;
    private boolean burst = true;

    IdleCollector(LongSupplier clock, Runnable collect) {
        this.clock = clock;
        this.collect = collect;
        this.quietSince = clock.getAsLong();
    }

    static IdleCollector of(DusoRuntime rt) {
        return rt.service(IdleCollector.class,
                () -> new IdleCollector(System::nanoTime, () -> Thread.ofVirtual().name("duso-idle-gc").start(System::gc)));
    }

    void requestStarted() {
        started.increment();
    }

    void requestEnded() {
        ended.increment();
    }

    /** Called every {@link #CHECK_MILLIS}: collects once the requests of a burst have stopped. */
    synchronized void check() {
        long now = clock.getAsLong();
        // Ended is read first: a request that starts and ends between the two reads then
        // looks in flight, never the reverse.
        long done = ended.sum();
        long begun = started.sum();
        long moves = begun + done;
        if (moves != seen) {
            seen = moves;
            quietSince = now;
            burst = true;
            return;
        }
        long enough = begun == done ? QUIET_NANOS : IN_FLIGHT_QUIET_NANOS;
        if (burst && now - quietSince >= enough) {
            burst = false;
            collect.run();
        }
    }
}
