package duso.runtime;

import duso.lang.nodes.Interp;
import java.util.concurrent.locks.LockSupport;

/**
 * A timed wait that the instance's stop signal cuts short: the one way sleep() and the polling
 * builtins (watch) pass time, so kill, a run() timeout and shutdown wake them at once instead
 * of at the end of the wait.
 */
public final class Parking {
    private Parking() {}

    /**
     * Parks until {@link System#nanoTime()} reaches {@code deadline}; a stop raises its error
     * ("killed", "interrupted") at once. A pending Java interrupt is set aside while parked and
     * restored afterwards, since it would make every park return immediately.
     */
    public static void until(Interp in, long deadline) {
        Thread me = Thread.currentThread();
        Runnable previous = in.setInterruptWaker(() -> LockSupport.unpark(me));
        boolean javaInterrupted = false;
        try {
            while (true) {
                javaInterrupted |= Thread.interrupted();
                String stop = in.interruptReason();
                if (stop != null) {
                    throw Args.error(stop);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                LockSupport.parkNanos(left);
            }
        } finally {
            in.setInterruptWaker(previous);
            if (javaInterrupted) {
                me.interrupt();
            }
        }
    }
}
