package duso.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ends the process with a status, after every shutdown step has run and the console is flushed.
 *
 * <p>The JVM's own exit ({@code Runtime.halt}, {@code System.exit}) waits up to 300 ms for each
 * thread that is inside native code to block. Once a virtual thread has waited on a socket
 * (fetch() from a spawned script or a handler, a WebSocket client, a database driver), the
 * JDK's poller threads sit in {@code epoll_wait} for the rest of the process, so every such
 * process lingered 0.3 s after its last output (`bench/cfetch.du -n 100`: 5.61 s in all, Node
 * 5.29 s). When pollers exist the process ends through libc's {@code _exit} instead; otherwise,
 * and whenever that is not possible, through {@code Runtime.halt}.
 *
 * <p>{@code -Dduso.exit=jvm} always takes the JVM's exit (for tools that write at JVM exit, such
 * as a flight recording). The launcher trains the network AOT cache with
 * {@code -Dduso.exit=train}: the foreign-call handle is made but not called, so its classes come
 * from the cache and the exit costs milliseconds, not the 100 ms of a cold first foreign call.
 */
final class ProcessExit {
    private ProcessExit() {}

    static void exit(int status) {
        String mode = System.getProperty("duso.exit", "");
        if (mode.equals("train")) {
            try {
                exitHandle();
            } catch (Throwable e) {
                // the cache then simply lacks these classes
            }
        } else if (!mode.equals("jvm") && pollersRunning()) {
            try {
                exitHandle().invokeExact(status);
            } catch (Throwable e) {
                // no foreign access here: the JVM's exit below still ends the process, 0.3 s later
            }
        }
        Runtime.getRuntime().halt(status);
    }

    /** Whether the JDK's I/O pollers for virtual threads have been started (they never stop). */
    private static boolean pollersRunning() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().contains("Poller")) {
                return true;
            }
        }
        return false;
    }

    private static MethodHandle exitHandle() {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find("_exit").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    }
}
