package duso.lang.nodes;

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

    /**
     * Volatile rather than opaque through a VarHandle: the per-call check must stay a plain
     * load in every compiler tier (x86 volatile reads are plain loads), and a stop written by
     * another thread must never be hoisted out of a running loop.
     */
    private volatile Stop stop;
    /** Interps of this instance currently parked in a blocking builtin (guarded by this). */
    private final List<Interp> parked = new ArrayList<>(2);

    /**
     * Raises the stop (the first one raised wins) and wakes every parked Interp. Wakers run on
     * this thread, outside this signal's lock: they take the locks of what they wait on, and
     * those are held while a waiter registers itself here.
     */
    public void raise(Stop s) {
        Interp[] toWake;
        synchronized (this) {
            if (stop == null) {
                stop = s;
            }
            toWake = parked.toArray(new Interp[0]);
        }
        for (Interp in : toWake) {
            in.wake();
        }
    }

    /** The stop raised, or null. */
    public Stop current() {
        return stop;
    }

    synchronized void park(Interp in) {
        parked.add(in);
    }

    synchronized void unpark(Interp in) {
        parked.remove(in);
    }
}
