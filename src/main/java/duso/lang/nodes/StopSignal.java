package duso.lang.nodes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The stop request of one script instance, shared by every {@link Interp} working for it: its
 * main interpreter and those of its parallel branches. {@code kill(pid)}, a {@code run()}
 * timeout and shutdown raise it once (the first reason stays); each Interp then stops at its
 * next loop iteration or script call, and every one that is parked in a blocking builtin (a
 * datastore wait, sleep, run…) is woken through the waker it registered.
 *
 * <p>A stop carries two messages because the reference words them differently: a timeout
 * is "timeout exceeded" where the script is stopped between statements, but "killed" inside an
 * interrupted blocking call.
 */
public final class StopSignal {
    /** Why an instance must stop: the error raised at a check, and the one a woken blocking call raises. */
    public record Stop(String message, String blockedMessage) {}

    private static final VarHandle STOP;

    static {
        try {
            STOP = MethodHandles.lookup().findVarHandle(StopSignal.class, "stop", Stop.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STOP
    private Stop stop;
    /** Interps of this instance currently parked in a blocking builtin (guarded by this). */
    private final List<Interp> parked = new ArrayList<>(2);

    /**
     * Raises the stop (the first one raised wins) and wakes every parked Interp. Wakers run on
     * this thread, outside this signal's lock: they take the locks of what they wait on, and
     * those are held while a waiter registers itself here.
     */
    public void raise(Stop s) {
        STOP.compareAndSet(this, null, s);
        Interp[] toWake;
        synchronized (this) {
            toWake = parked.toArray(new Interp[0]);
        }
        for (Interp in : toWake) {
            in.wake();
        }
    }

    /** The stop raised, or null; a cheap read for per-iteration checks. */
    Stop peek() {
        return (Stop) STOP.getOpaque(this);
    }

    /** The stop raised, or null, with the ordering a blocking call needs before it parks. */
    public Stop current() {
        return (Stop) STOP.getVolatile(this);
    }

    synchronized void park(Interp in) {
        parked.add(in);
    }

    synchronized void unpark(Interp in) {
        parked.remove(in);
    }
}
