package duso.runtime;

import duso.lang.nodes.StopSignal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process table: every live script instance by process id, so {@code kill(pid)} can stop
 * a spawned or run script and shutdown can stop them all. The main script is entered under
 * pid 0, which shutdown reaches but {@code kill()} does not (as in the reference, only
 * spawned and run instances have a pid to kill).
 *
 * <p>An entry is removed when its instance ends, so a pid can be killed until then and is
 * "no process" afterwards. Once shutdown has begun, an instance entering the table is stopped
 * at once: nothing new starts on a process that is going down.
 */
public final class Processes {
    /** {@code kill(pid)}: "killed" wherever the instance is. */
    public static final StopSignal.Stop KILLED = new StopSignal.Stop("killed", "killed");
    /** A {@code run()} timeout: "timeout exceeded" at a check, "killed" in a blocking call (the reference's words). */
    public static final StopSignal.Stop TIMED_OUT = new StopSignal.Stop("timeout exceeded", "killed");
    /** Shutdown (shutdown(), SIGINT, SIGTERM, the main script ending). */
    public static final StopSignal.Stop SHUTDOWN = new StopSignal.Stop("interrupted", "interrupted");

    private final ConcurrentHashMap<Long, StopSignal> live = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Enters a running instance; stopped at once when shutdown has begun. */
    public void enter(long pid, StopSignal signal) {
        live.put(pid, signal);
        if (closed) {
            signal.raise(SHUTDOWN);
        }
    }

    /** Removes an instance that has ended. */
    public void leave(long pid, StopSignal signal) {
        live.remove(pid, signal);
    }

    /** Stops a spawned or run instance; false when no such process is running. */
    public boolean kill(long pid) {
        StopSignal s = pid > 0 ? live.get(pid) : null;
        if (s == null) {
            return false;
        }
        s.raise(KILLED);
        return true;
    }

    /** Stops every live instance, and every one started from now on (shutdown). */
    public void stopAll() {
        closed = true;
        for (StopSignal s : live.values()) {
            s.raise(SHUTDOWN);
        }
    }

    /** How many instances are running (the main script included). */
    public int count() {
        return live.size();
    }

    /** True when this instance was stopped by shutdown: its ending is not an error to report. */
    public static boolean stoppedByShutdown(StopSignal signal) {
        return signal.current() == SHUTDOWN;
    }
}
