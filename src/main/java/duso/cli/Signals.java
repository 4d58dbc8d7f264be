package duso.cli;

import duso.runtime.DusoRuntime;
import sun.misc.Signal;

/**
 * SIGINT (Ctrl+C) and SIGTERM ({@code systemctl stop}) start the same graceful shutdown as
 * {@code shutdown(0)}: servers drain, running scripts stop, datastores flush, and the process
 * exits 0 (a service manager's normal stop), unless a script asked for another status first.
 * This is the only place duso handles signals; the JVM's own handlers would skip the flush.
 */
final class Signals {
    private Signals() {}

    static void shutDownOnInterruptOrTerm(DusoRuntime rt) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> rt.requestShutdown(0));
            } catch (IllegalArgumentException e) {
                // the signal does not exist on this platform, or the JVM reserves it (-Xrs)
            }
        }
    }
}
