package duso.client;

import duso.lang.nodes.Interp;
import duso.runtime.Args;
import java.io.Closeable;
import java.io.IOException;

/**
 * What one blocking network call (a fetch with its redirects, a WebSocket dial) needs from the
 * script instance waiting on it: the call's deadline, and a way to be woken when the instance
 * is interrupted ({@code kill(pid)}, shutdown).
 *
 * <p>The call registers an interrupt waker on its {@link Interp}; the waker closes whatever the
 * call is blocked on (a socket, a pending JDK exchange), so the blocked read or connect fails at
 * once, and the call then raises the interrupt's reason as its error, as the datastore's waits
 * do. Deadlines are enforced by giving each blocking read only the time that is left.
 */
final class CallControl implements AutoCloseable {
    /** Go's context error text for a deadline that passed. */
    static final String DEADLINE_EXCEEDED = "context deadline exceeded";

    private final Interp interp;
    private final long deadline;
    private final boolean timed;
    private final Runnable previousWaker;
    private volatile Closeable blocker;

    /**
     * @param interp the waiting instance, or null (Java callers with nothing to interrupt them)
     * @param timeoutNanos the call's whole budget; negative for none
     */
    CallControl(Interp interp, long timeoutNanos) {
        this.interp = interp;
        this.timed = timeoutNanos >= 0;
        this.deadline = timed ? System.nanoTime() + timeoutNanos : 0;
        this.previousWaker = interp == null ? null : interp.setInterruptWaker(this::wake);
    }

    private void wake() {
        Closeable c = blocker;
        if (c != null) {
            closeQuietly(c);
        }
    }

    /** Makes {@code c} what an interrupt closes, until {@link #detach}. */
    void attach(Closeable c) {
        blocker = c;
        if (interrupted()) {
            closeQuietly(c);
        }
    }

    void detach() {
        blocker = null;
    }

    boolean interrupted() {
        return interp != null && interp.interruptReason() != null;
    }

    /** Raises the instance's interrupt as the call's error, if one is pending. */
    void checkInterrupt() {
        if (interp != null) {
            String reason = interp.interruptReason();
            if (reason != null) {
                throw Args.error(reason);
            }
        }
    }

    boolean expired() {
        return timed && System.nanoTime() - deadline >= 0;
    }

    boolean timed() {
        return timed;
    }

    /** Nanoseconds left; {@code Long.MAX_VALUE} when untimed. */
    long remainingNanos() {
        return timed ? Math.max(0, deadline - System.nanoTime()) : Long.MAX_VALUE;
    }

    /**
     * A socket timeout for the next blocking read: the time left (at least 1 ms), or 0 (no
     * timeout) for an untimed call.
     *
     * @throws FetchFailure when the deadline has already passed
     */
    int readTimeoutMillis() throws FetchFailure {
        if (!timed) {
            return 0;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchFailure(DEADLINE_EXCEEDED);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    /**
     * What a failed blocking operation means: the interrupt (thrown), the deadline, or the
     * given network failure.
     */
    FetchFailure explain(FetchFailure network) {
        checkInterrupt();
        if (expired()) {
            return new FetchFailure(DEADLINE_EXCEEDED, network.duringBody());
        }
        return network;
    }

    @Override
    public void close() {
        blocker = null;
        if (interp != null) {
            interp.setInterruptWaker(previousWaker);
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing is best effort: the call is failing anyway
        }
    }
}
