package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Process-wide runtime state shared by every script instance: the builtin registry, the
 * console, command-line options and values ({@code sys()}), the script cache, process ids,
 * and the shutdown sequence. Tests create one per script run; the CLI creates one.
 */
public final class DusoRuntime {
    static {
        DusoError.installFormatter(v -> v == Nil.NIL ? "unknown error" : Render.goFormat(v));
    }

    private final Registry registry = new Registry();
    private final Console console;
    private final Options options;
    private final java.nio.file.Path cwd;
    private final Map<String, Object> sys = new ConcurrentHashMap<>();
    private final ScriptCache cache = new ScriptCache(this);
    private final AtomicLong pids = new AtomicLong();
    private final List<Runnable> shutdownHooks = new ArrayList<>();
    private final List<Runnable> finalHooks = new ArrayList<>();
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private volatile Integer exitCode;
    private final AtomicBoolean shutdownClaimed = new AtomicBoolean();
    private final CountDownLatch shutdownDone = new CountDownLatch(1);
    private volatile IntConsumer processExit;

    public DusoRuntime(Console console, Options options, java.nio.file.Path cwd, List<Library> libraries) {
        this.console = console;
        this.options = options;
        this.cwd = cwd.toAbsolutePath().normalize();
        for (Library lib : libraries) {
            lib.install(registry, this);
        }
    }

    public Registry registry() {
        return registry;
    }

    public Console console() {
        return console;
    }

    public Options options() {
        return options;
    }

    /** The working directory relative paths resolve against (the process's, unless embedded). */
    public java.nio.file.Path cwd() {
        return cwd;
    }

    /** Values {@code sys(key)} reads: command-line flags ("-name"), "args", "version". */
    public Map<String, Object> sys() {
        return sys;
    }

    public ScriptCache cache() {
        return cache;
    }

    /** The next process id for spawn/run (shared counter, as the reference). */
    public long nextPid() {
        return pids.incrementAndGet();
    }

    /**
     * A lazily created subsystem (datastores, HTTP servers, process table…), one per runtime.
     * Keeps optional libraries out of start-up: nothing is built until a script uses it.
     */
    @SuppressWarnings("unchecked")
    public <T> T service(Class<T> type, java.util.function.Supplier<T> factory) {
        return (T) services.computeIfAbsent(type, k -> factory.get());
    }

    /** Runs at shutdown (stop servers, stop processes…), in registration order. */
    public synchronized void onShutdown(Runnable hook) {
        shutdownHooks.add(hook);
    }

    /**
     * Runs at shutdown after every {@link #onShutdown} hook, whenever it was registered: for
     * flushing state (datastore snapshots) once servers have drained and nothing can still
     * write to it.
     */
    public synchronized void onFinalShutdown(Runnable hook) {
        finalHooks.add(hook);
    }

    /**
     * The graceful shutdown sequence, run once however many threads ask: the
     * {@link #onShutdown} hooks (servers stop accepting and drain their handlers), then every
     * live script instance is stopped (blocked sleeps and waits raise "interrupted"), then the
     * final hooks (datastores flush, once nothing can still write), then output is flushed.
     * A caller arriving while it runs waits until it has finished.
     */
    public void shutdown() {
        if (!shutdownClaimed.compareAndSet(false, true)) {
            awaitShutdownComplete();
            return;
        }
        try {
            runHooks(takeHooks(shutdownHooks));
            runHooks(takeHooks(finalHooks));
            console.flush();
        } finally {
            shutdownDone.countDown();
        }
    }

    private synchronized List<Runnable> takeHooks(List<Runnable> hooks) {
        List<Runnable> taken = new ArrayList<>(hooks);
        hooks.clear();
        return taken;
    }

    private void runHooks(List<Runnable> hooks) {
        for (Runnable r : hooks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                console.err("duso: shutdown step failed: " + e + "\n");
            }
        }
    }

    /**
     * {@code shutdown(code)}, SIGINT and SIGTERM: records the exit status (the first request
     * wins) and runs {@link #shutdown()} on a thread of its own, so the instance asking (often
     * a request handler that the drain waits for) can unwind first. When the sequence is done
     * the process ends through the exit action the CLI installed; embedded and in-process
     * runtimes have none, and end when their main script does.
     */
    public void requestShutdown(int code) {
        requestExit(code);
        Thread.ofPlatform().name("duso-shutdown").daemon(true).start(() -> {
            shutdown();
            IntConsumer exit = processExit;
            if (exit != null) {
                Integer c = exitCode;
                exit.accept(c == null ? 0 : c);
            }
        });
    }

    /** How a requested shutdown ends the process once it is complete (the CLI halts the JVM). */
    public void setProcessExit(IntConsumer exit) {
        processExit = exit;
    }

    /** True once the shutdown sequence has begun. */
    public boolean shuttingDown() {
        return shutdownClaimed.get();
    }

    /** Blocks, uninterruptibly, until the shutdown sequence has finished. */
    public void awaitShutdownComplete() {
        boolean interrupted = false;
        while (true) {
            try {
                shutdownDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit status requested by {@code shutdown(n)}, or null. First caller wins. */
    public Integer exitCode() {
        return exitCode;
    }

    public synchronized boolean requestExit(int code) {
        if (exitCode != null) {
            return false;
        }
        exitCode = code;
        return true;
    }
}
