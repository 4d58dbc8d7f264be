package duso.lang.nodes;

import duso.lang.errors.CallFrame;
import duso.lang.errors.DusoError;
import duso.lang.source.Pos;
import duso.lang.values.FunctionValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one running script instance (main script, spawned or run script, request
 * handler, parallel branch): its script call stack, its link to the host runtime and the
 * {@link StopSignal} other threads raise to stop it, checked at every loop iteration and
 * script call.
 *
 * <p>An Interp is used by one thread at a time. The call stack is two parallel arrays so a
 * call costs two stores, and a {@link CallFrame} list is only built when an error needs one.
 */
public final class Interp {
    /** Deepest script call chain before "stack overflow" is raised. */
    public static final int MAX_DEPTH = 200_000;

    private final Globals globals;
    private ScriptFunction[] fns = new ScriptFunction[32];
    private int[] sites = new int[32];
    private int depth;
    private final StopSignal signal;
    private final boolean parallel;
    private volatile Runnable waker;
    /** Runtime-owned per-instance state (output routing, context value, process id…). */
    public Object hostState;
    /** The frame of the script code calling the current caller-frame builtin (see Builtin). */
    Frame callerFrame;

    public Interp(Globals globals, boolean parallel) {
        this(globals, parallel, new StopSignal());
    }

    /** An interpreter working for the instance that owns {@code signal} (a parallel branch). */
    public Interp(Globals globals, boolean parallel, StopSignal signal) {
        this.globals = globals;
        this.parallel = parallel;
        this.signal = signal;
    }

    public Globals globals() {
        return globals;
    }

    /** True in a parallel() branch: assignments stop at the branch's own function frames. */
    public boolean isParallel() {
        return parallel;
    }

    // ---- call stack ----------------------------------------------------------------------

    void push(ScriptFunction fn, int site) {
        if (depth == fns.length) {
            if (depth >= MAX_DEPTH) {
                throw new DusoError("stack overflow: more than " + MAX_DEPTH + " nested calls",
                        null, site, stack());
            }
            fns = Arrays.copyOf(fns, depth * 2);
            sites = Arrays.copyOf(sites, depth * 2);
        }
        fns[depth] = fn;
        sites[depth++] = site;
    }

    void pop() {
        fns[--depth] = null;
    }

    public int depth() {
        return depth;
    }

    /** The current script call stack, outermost first (empty at top level). */
    public List<CallFrame> stack() {
        if (depth == 0) {
            return List.of();
        }
        List<CallFrame> frames = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            // A call without a site is a builtin calling back into the script (map, sort…);
            // the reference records no frame for those.
            if (Pos.isValid(sites[i])) {
                // A function literal's frame names no file, as in the reference.
                frames.add(new CallFrame(fns[i].name(), fns[i].anonymous() ? null : fns[i].file(), sites[i]));
            }
        }
        return frames;
    }

    /**
     * The file an error raised now names (see {@link DusoError#settleFile}): that of the
     * innermost function called from script code (null for a function literal), else the
     * file of the code that raised it.
     */
    public String errorFile(String written) {
        for (int i = depth - 1; i >= 0; i--) {
            if (Pos.isValid(sites[i])) {
                return fns[i].anonymous() ? null : written;
            }
        }
        return written;
    }

    /**
     * The frame of the script code that directly called the running builtin, when that
     * builtin was created with {@code needsCallerFrame}; null otherwise (for example when it
     * is called back from another builtin, which has no script frame of its own).
     */
    public Frame callerFrame() {
        return callerFrame;
    }

    // ---- interruption ---------------------------------------------------------------------

    /** The stop request this interpreter obeys, shared with the other Interps of its instance. */
    public StopSignal stopSignal() {
        return signal;
    }

    /** Asks this instance to stop with one message for checks and blocking calls alike. */
    public void interrupt(String reason) {
        signal.raise(new StopSignal.Stop(reason, reason));
    }

    /**
     * Registers how to wake this interpreter out of the blocking call it is about to make, and
     * returns the previous waker, which the call restores when it ends (a wait's predicate may
     * itself block). A blocking builtin sets its waker, then re-checks
     * {@link #interruptReason()} before every park: registration and the stop are ordered
     * through the signal, so a stop either finds the waker or the builtin sees the stop.
     * The waker runs on the interrupting thread and must not block for long.
     */
    public Runnable setInterruptWaker(Runnable w) {
        Runnable previous = waker;
        waker = w;
        if (previous == null && w != null) {
            signal.park(this);
        } else if (previous != null && w == null) {
            signal.unpark(this);
        }
        return previous;
    }

    void wake() {
        Runnable w = waker;
        if (w != null) {
            w.run();
        }
    }

    /** The error an interrupted blocking call raises ("killed", "interrupted"), or null. */
    public String interruptReason() {
        StopSignal.Stop s = signal.current();
        return s == null ? null : s.blockedMessage();
    }

    /** Whether {@link #checkInterrupt} would throw (compiled loops ask before saving their registers). */
    public boolean interruptPending() {
        return signal.current() != null;
    }

    /** Raises the pending stop, if any, as an error at the given position. */
    public void checkInterrupt(String file, int pos) {
        StopSignal.Stop s = signal.current();
        if (s != null) {
            throw new DusoError(s.message(), file, pos, stack());
        }
    }

    // ---- calling from builtins --------------------------------------------------------------

    /** Calls a script value with positional arguments (map/filter/sort callbacks and the like). */
    public Object call(FunctionValue fn, Object... args) {
        return Invoke.callValue(this, fn, args, CallArgs.NO_NAMES, CallArgs.NO_VALUES, 0, null);
    }

    /** Calls with positional and named arguments. */
    public Object call(FunctionValue fn, Object[] args, String[] names, Object[] namedValues) {
        return Invoke.callValue(this, fn, args, names, namedValues, 0, null);
    }
}
