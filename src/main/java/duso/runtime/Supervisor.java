package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.nodes.StopSignal;
import duso.lang.values.Nil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs child script instances under the process table. {@link #spawn} starts one on a
 * virtual thread of its own and returns at once (thousands can be parked cheaply in waits);
 * {@link #run} runs one on the caller's thread and waits, with an optional timeout. Either
 * way the child is in the table from before it starts until it has ended, so {@code kill(pid)}
 * reaches it for its whole life, and shutdown stops it.
 *
 * <p>The child itself (a fresh instance with a copied context, whose body returns its exit
 * value or throws the error that ended it) is built by the caller; this class only decides
 * where it runs, what stops it and where its outcome goes.
 */
public final class Supervisor {
    private final DusoRuntime rt;
    private ScheduledThreadPoolExecutor timer;

    private Supervisor(DusoRuntime rt) {
        this.rt = rt;
    }

    public static Supervisor of(DusoRuntime rt) {
        return rt.service(Supervisor.class, () -> new Supervisor(rt));
    }

    /**
     * Starts the child on a new virtual thread. An error that ends it never reaches the
     * starter: it is queued (io routing) or reported on stderr as
     * {@code VERB: error in FILE: TEXT}; a child stopped by shutdown ends quietly.
     */
    public void spawn(ScriptInstance child, Supplier<Object> body, String verb, IoRoute io) {
        long pid = child.pid();
        StopSignal signal = child.signal();
        rt.processes().enter(pid, signal);
        Thread.ofVirtual().start(() -> {
            try {
                Object exit = body.get();
                if (io != null && exit != Nil.NIL) {
                    io.reportExit(rt, pid, exit);
                }
            } catch (DusoError e) {
                if (!Processes.stoppedByShutdown(signal) && (io == null || !io.reportError(rt, pid, e))) {
                    rt.console().err(verb + ": error in " + child.file() + ": " + e.render() + "\n");
                }
            } catch (RuntimeException e) {
                rt.console().err(verb + ": panic in script: " + e + "\n");
            } finally {
                rt.processes().leave(pid, signal);
            }
        });
    }

    /**
     * Runs the child on this thread and returns its exit value, or throws the error that
     * ended it (queued first when errors are routed). After {@code timeoutSeconds} (when above
     * 0; fractions honoured) the child is stopped: "timeout exceeded" at its next check,
     * "killed" in a blocking call. Stopping the caller (kill, shutdown) stops the child too.
     */
    public Object run(Interp caller, ScriptInstance child, Supplier<Object> body, double timeoutSeconds, IoRoute io) {
        String stopped = caller.interruptReason();
        if (stopped != null) {
            throw Args.error(stopped);
        }
        long pid = child.pid();
        StopSignal signal = child.signal();
        rt.processes().enter(pid, signal);
        ScheduledFuture<?> deadline = timeoutSeconds > 0
                ? timer().schedule(() -> signal.raise(Processes.TIMED_OUT), nanos(timeoutSeconds), TimeUnit.NANOSECONDS)
                : null;
        StopSignal callerSignal = caller.stopSignal();
        Runnable previous = caller.setInterruptWaker(() -> {
            StopSignal.Stop stop = callerSignal.current();
            if (stop != null) {
                signal.raise(stop);
            }
        });
        try {
            StopSignal.Stop stop = callerSignal.current();
            if (stop != null) {
                signal.raise(stop); // stopped while the waker was being put in place
            }
            Object exit = body.get();
            if (io != null && exit != Nil.NIL) {
                io.reportExit(rt, pid, exit);
            }
            return exit;
        } catch (DusoError e) {
            if (io != null) {
                io.reportError(rt, pid, e);
            }
            throw e;
        } finally {
            caller.setInterruptWaker(previous);
            if (deadline != null) {
                deadline.cancel(false);
            }
            rt.processes().leave(pid, signal);
        }
    }

    private static long nanos(double seconds) {
        double n = seconds * 1e9;
        return n >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) n;
    }

    /**
     * One daemon thread for every run() deadline, made when the first timeout is asked for and
     * gone again after a few idle seconds (runtimes in tests come and go).
     */
    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "duso-run-timeouts");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            timer.setKeepAliveTime(5, TimeUnit.SECONDS);
            timer.allowCoreThreadTimeOut(true);
        }
        return timer;
    }
}
