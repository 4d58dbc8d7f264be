package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private final CountDownLatch shutdownStarted = new CountDownLatch(1);
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
     * The graceful shutdown sequence, run once: every {@link #onShutdown} hook (servers stop
     * accepting and drain, WebSockets close…), then the final hooks (datastores flush), then
     * output is flushed. A second caller, on any thread, waits until the first has finished,
     * so nobody ends the process half way through a drain.
     */
    public void shutdown() {
        if (!shutdownClaimed.compareAndSet(false, true)) {
            awaitShutdownComplete();
            return;
        }
        shutdownStarted.countDown();
        try {
            List<Runnable> hooks;
            synchronized (this) {
                hooks = new ArrayList<>(shutdownHooks);
                hooks.addAll(finalHooks);
                shutdownHooks.clear();
                finalHooks.clear();
            }
            for (Runnable r : hooks) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    console.err("duso: shutdown step failed: " + e + "\n");
                }
            }
            console.flush();
        } finally {
            shutdownDone.countDown();
        }
    }

    /**
     * {@code shutdown(code)} and SIGINT/SIGTERM: records the exit status (first caller wins)
     * and runs {@link #shutdown()} on its own thread, so a request handler that asks for it
     * can finish and let the drain complete; then the process ends through the exit action
     * the CLI installed (nothing ends when the runtime is embedded or under test).
     */
    public void requestShutdown(int code) {
        requestExit(code);
        Thread.ofPlatform().name("duso-shutdown").start(() -> {
            shutdown();
            IntConsumer exit = processExit;
            if (exit != null) {
                Integer c = exitCode;
                exit.accept(c == null ? 0 : c);
            }
        });
    }

    /** How a completed {@link #requestShutdown} ends the process (the CLI halts the JVM). */
    public void setProcessExit(IntConsumer exit) {
        processExit = exit;
    }

    /** True once the shutdown sequence has begun. */
    public boolean shuttingDown() {
        return shutdownStarted.getCount() == 0;
    }

    /** Blocks until the shutdown sequence begins or the timeout passes; true if it began. */
    public boolean awaitShutdownStart(long timeout, TimeUnit unit) throws InterruptedException {
        return shutdownStarted.await(timeout, unit);
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
