package duso.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool over JDBC connections with database/sql's knobs: at most {@code maxOpen}
 * connections in use or idle (0 or less: no limit; callers wait for a free one until their
 * deadline), at most {@code maxIdle} kept between uses, none reused past {@code maxLifetime}.
 * Connections are opened on demand, so creating a pool never touches the network; closing it
 * closes the idle ones at once and the busy ones when they come back. Callers are virtual
 * threads blocked in JDBC, so plain locks and a semaphore are all the machinery needed.
 */
final class ConnectionPool {
    /** Opens one new connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /**
     * A connection with the time it was opened (for the lifetime limit) and whether it had been
     * idle in the pool, which makes a failure on it worth one retry on a fresh connection.
     */
    record Pooled(Connection connection, long openedNanos, boolean reused) {}

    private final Opener opener;
    private final Semaphore slots;
    private final int maxIdle;
    private final long maxLifetimeNanos;
    private final ArrayDeque<Pooled> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(Opener opener, int maxOpen, int maxIdle, long maxLifetimeSeconds) {
        this.opener = opener;
        this.slots = maxOpen > 0 ? new Semaphore(maxOpen, true) : null;
        int idleLimit = Math.max(0, maxIdle);
        this.maxIdle = maxOpen > 0 ? Math.min(idleLimit, maxOpen) : idleLimit;
        this.maxLifetimeNanos = maxLifetimeSeconds > 0 ? TimeUnit.SECONDS.toNanos(maxLifetimeSeconds) : 0;
    }

    /** A connection for one operation, idle or new; waits for a free slot until the deadline. */
    Pooled acquire(long deadlineNanos) throws SQLException {
        if (isClosed()) {
            throw new SqlFailure("sql: database is closed");
        }
        if (slots != null) {
            boolean got;
            try {
                got = slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlFailure("context canceled");
            }
            if (!got) {
                throw new SqlFailure("context deadline exceeded");
            }
        }
        try {
            Pooled reused = takeIdle();
            if (reused != null) {
                return reused;
            }
            return new Pooled(opener.open(), System.nanoTime(), false);
        } catch (SQLException | RuntimeException e) {
            freeSlot();
            throw e;
        }
    }

    /** Hands a connection back; a broken one, or one past its lifetime, is closed instead. */
    void release(Pooled p, boolean broken) {
        boolean keep = false;
        if (!broken && !expired(p)) {
            synchronized (this) {
                if (!closed && idle.size() < maxIdle) {
                    idle.push(p);
                    keep = true;
                }
            }
        }
        if (!keep) {
            quietlyClose(p.connection());
        }
        freeSlot();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    void close() {
        ArrayDeque<Pooled> drained;
        synchronized (this) {
            closed = true;
            drained = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (Pooled p : drained) {
            quietlyClose(p.connection());
        }
    }

    private Pooled takeIdle() {
        while (true) {
            Pooled p;
            synchronized (this) {
                p = idle.poll();
            }
            if (p == null) {
                return null;
            }
            if (!expired(p)) {
                return new Pooled(p.connection(), p.openedNanos(), true);
            }
            quietlyClose(p.connection());
        }
    }

    private boolean expired(Pooled p) {
        return maxLifetimeNanos > 0 && System.nanoTime() - p.openedNanos() >= maxLifetimeNanos;
    }

    private void freeSlot() {
        if (slots != null) {
            slots.release();
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // A connection that fails to close is gone either way.
        }
    }
}
