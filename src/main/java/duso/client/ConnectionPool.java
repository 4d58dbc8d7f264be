package duso.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Idle keep-alive connections by host:port. A fetch takes the most recently used one (the
 * likeliest to be alive) and puts it back when its response is fully read; connections idle
 * longer than Go's 90 s are closed, by the next user of that host or by a sweeper thread that
 * runs only while anything is pooled.
 *
 * <p>Unlike Go's default of two idle connections per host, many are kept, so N concurrent
 * workers calling one service reuse N connections instead of reconnecting.
 */
final class ConnectionPool {
    static final long IDLE_TIMEOUT_NANOS = 90_000_000_000L;
    private static final int MAX_IDLE_PER_HOST = 8192;
    private static final long SWEEP_MILLIS = 15_000;

    private final ConcurrentHashMap<String, ArrayDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile boolean closed;

    /** A pooled connection for the host, or null. */
    Http1Connection take(String key) {
        ArrayDeque<Http1Connection> q = idle.get(key);
        if (q == null) {
            return null;
        }
        long now = System.nanoTime();
        List<Http1Connection> stale = null;
        Http1Connection found = null;
        synchronized (q) {
            while (!q.isEmpty()) {
                Http1Connection c = q.pollLast();
                if (now - c.idleSince < IDLE_TIMEOUT_NANOS) {
                    found = c;
                    break;
                }
                stale = add(stale, c);
            }
        }
        closeAll(stale);
        return found;
    }

    /** Returns a connection whose exchange completed cleanly. */
    void put(Http1Connection c) {
        if (closed) {
            c.close();
            return;
        }
        c.endRead();
        c.idleSince = System.nanoTime();
        ArrayDeque<Http1Connection> q = idle.get(c.poolKey);
        if (q == null) {
            // Not computeIfAbsent with a lambda: spinning it cost 3 ms of the first response.
            ArrayDeque<Http1Connection> fresh = new ArrayDeque<>();
            q = idle.putIfAbsent(c.poolKey, fresh);
            if (q == null) {
                q = fresh;
            }
        }
        Http1Connection evicted = null;
        synchronized (q) {
            if (q.size() >= MAX_IDLE_PER_HOST) {
                evicted = q.pollFirst();
            }
            q.addLast(c);
        }
        if (evicted != null) {
            evicted.close();
        }
        if (sweeping.compareAndSet(false, true)) {
            Thread.ofVirtual().name("duso-fetch-pool-sweeper").start(new Sweeper(this));
        }
    }

    /** The sweeper's body, a named class rather than a method reference spun on first use (3 ms cold). */
    record Sweeper(ConnectionPool pool) implements Runnable {
        @Override
        public void run() {
            pool.sweepWhileIdle();
        }
    }

    private void sweepWhileIdle() {
        try {
            while (!closed) {
                Thread.sleep(SWEEP_MILLIS);
                if (sweepExpired() == 0) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sweeping.set(false);
        }
    }

    /** Closes connections idle too long; returns how many stay pooled. */
    private int sweepExpired() {
        long now = System.nanoTime();
        int left = 0;
        for (ArrayDeque<Http1Connection> q : idle.values()) {
            List<Http1Connection> stale = null;
            synchronized (q) {
                while (!q.isEmpty() && now - q.peekFirst().idleSince >= IDLE_TIMEOUT_NANOS) {
                    stale = add(stale, q.pollFirst());
                }
                left += q.size();
            }
            closeAll(stale);
        }
        return left;
    }

    /** Closes every pooled connection; later returns are closed instead of kept. */
    void shutdown() {
        closed = true;
        for (ArrayDeque<Http1Connection> q : idle.values()) {
            List<Http1Connection> all;
            synchronized (q) {
                all = new ArrayList<>(q);
                q.clear();
            }
            closeAll(all);
        }
    }

    private static List<Http1Connection> add(List<Http1Connection> list, Http1Connection c) {
        List<Http1Connection> l = list == null ? new ArrayList<>() : list;
        l.add(c);
        return l;
    }

    private static void closeAll(List<Http1Connection> list) {
        if (list != null) {
            for (Http1Connection c : list) {
                c.close();
            }
        }
    }
}
