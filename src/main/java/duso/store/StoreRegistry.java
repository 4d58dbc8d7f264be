package duso.store;

import duso.lang.values.DeepCopy;
import duso.lang.values.Values;
import duso.runtime.DusoRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Every datastore of one runtime, by namespace, and the one timer thread they share for
 * deadlines, batched WAL fsyncs and periodic snapshots. Nothing exists until a script opens a
 * store (the registry is a lazily created runtime service), the timer thread not until a
 * store first needs it. At shutdown - after servers have drained - every store is flushed:
 * WAL synced and closed, final snapshot written, WAL truncated.
 *
 * <p>Reserved namespaces: {@code duso_sys} holds the command-line values ({@code sys()})
 * and is read-only to scripts; {@code duso_schedule} is read-only to scripts (schedule()
 * writes it through the Java API); {@code duso_vfs} backs /STORE/ and does not return
 * deleted values.
 */
public final class StoreRegistry {
    private final DusoRuntime runtime;
    private final ConcurrentHashMap<String, Store> stores = new ConcurrentHashMap<>();
    private volatile ScheduledThreadPoolExecutor timer;
    private volatile boolean shutDown;

    private StoreRegistry(DusoRuntime runtime) {
        this.runtime = runtime;
        runtime.onFinalShutdown(this::shutdown);
    }

    /** The runtime's registry, created on first use. */
    public static StoreRegistry of(DusoRuntime runtime) {
        return runtime.service(StoreRegistry.class, () -> new StoreRegistry(runtime));
    }

    /** The store for a namespace, created empty and unconfigured when new. */
    public Store open(String namespace) {
        Store s = stores.get(namespace);
        return s != null ? s : stores.computeIfAbsent(namespace, this::create);
    }

    private Store create(String namespace) {
        Store s = new Store(namespace, this);
        switch (namespace) {
            case "duso_sys" -> {
                s.readonly = true;
                List<Map.Entry<String, Object>> entries = new ArrayList<>(runtime.sys().entrySet());
                entries.sort((a, b) -> Values.compareStrings(a.getKey(), b.getKey()));
                for (Map.Entry<String, Object> e : entries) {
                    s.data.put(e.getKey(), DeepCopy.copy(e.getValue()));
                }
            }
            case "duso_schedule" -> s.readonly = true;
            case "duso_vfs" -> s.returnDeletedValue = false;
            default -> {
            }
        }
        return s;
    }

    DusoRuntime runtime() {
        return runtime;
    }

    /** Runs a task on the shared timer after a delay; dropped once the runtime has shut down. */
    void schedule(Runnable task, long delayNanos) {
        ScheduledThreadPoolExecutor t = timer();
        if (t != null) {
            t.schedule(() -> guarded(task), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs a task every period until shutdown. */
    void every(Runnable task, long periodNanos) {
        ScheduledThreadPoolExecutor t = timer();
        if (t != null) {
            t.scheduleWithFixedDelay(() -> guarded(task), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = timer;
        if (t == null && !shutDown) {
            synchronized (this) {
                if (timer == null && !shutDown) {
                    ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1,
                            Thread.ofPlatform().daemon().name("duso-datastore-timer").factory());
                    created.setRemoveOnCancelPolicy(true);
                    created.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                    timer = created;
                }
                t = timer;
            }
        }
        return t;
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            warn("datastore: background task failed: " + e.getMessage());
        }
    }

    private void stopTimer() {
        ScheduledThreadPoolExecutor t;
        synchronized (this) {
            shutDown = true;
            t = timer;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Lets go of every store's files without flushing anything - the state a killed process
     * leaves behind. For tests that play a crash and a restart inside one JVM.
     */
    void abandon() {
        stopTimer();
        for (Store s : stores.values()) {
            s.lock.lock();
            try {
                WalLog w = s.wal;
                s.wal = null;
                if (w != null) {
                    w.abandon();
                }
            } finally {
                s.lock.unlock();
            }
        }
    }

    void warn(String message) {
        runtime.console().err(message + "\n");
    }

    /** Stops the timer, then flushes every store (each failure reported, none stopping the rest). */
    public void shutdown() {
        stopTimer();
        for (Store s : stores.values()) {
            Persistence p = s.persistence;
            if (p != null) {
                try {
                    p.shutdown();
                } catch (RuntimeException e) {
                    warn("datastore " + duso.lang.lexer.GoQuote.quote(s.namespace) + ": shutdown: " + e.getMessage());
                }
            }
        }
    }
}
