package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private volatile String appDir = ".";
    private final Object shutdownLock = new Object();
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

    /**
     * The entry script's directory as the command line named it ("." when there is none):
     * bare file paths in every script instance resolve against it, as in the reference.
     */
    public String appDir() {
        return appDir;
    }

    public void setAppDir(String dir) {
        appDir = dir;
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
     * Runs the shutdown hooks once and flushes output. A second caller (the CLI finishing
     * while a {@code shutdown()} is draining in the background) waits until the first is done,
     * so the process never ends half-way through a flush.
     */
    public void shutdown() {
        synchronized (shutdownLock) {
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
        }
    }

    /**
     * How the process ends when {@code shutdown()} is called from anywhere (the CLI halts the
     * JVM with the status; runtimes embedded in tests leave it unset and let their main
     * script finish instead).
     */
    public void setProcessExit(IntConsumer exit) {
        processExit = exit;
    }

    /**
     * {@code shutdown(code)}: records the status (first caller wins), then drains and flushes
     * on a thread of its own (a handler that calls it must be free to finish, or the drain
     * would wait for it) and ends the process.
     */
    public void requestShutdown(int code) {
        requestExit(code);
        Thread.ofPlatform().daemon().name("duso-shutdown").start(() -> {
            shutdown();
            IntConsumer exit = processExit;
            if (exit != null) {
                exit.accept(exitCode);
            }
        });
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
