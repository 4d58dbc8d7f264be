package duso.cli;

import duso.runtime.DusoRuntime;

/**
 * How the real process ends outside the main script's normal end: {@code shutdown(code)}
 * halts the JVM with its code once the graceful shutdown has run, and SIGINT/SIGTERM
 * (which start the JVM's own shutdown) run the same graceful shutdown and exit 0, as the
 * reference does. The JVM hook is the signal handler: the normal exit path halts and never
 * runs it.
 */
final class ProcessExit {
    private ProcessExit() {}

    static void install(DusoRuntime rt) {
        rt.setProcessExit(code -> Runtime.getRuntime().halt(code));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rt.requestExit(0);
            rt.shutdown();
            Integer code = rt.exitCode();
            Runtime.getRuntime().halt(code == null ? 0 : code);
        }, "duso-signal"));
    }
}
