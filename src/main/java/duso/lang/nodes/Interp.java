package duso.lang.nodes;

import duso.lang.errors.CallFrame;
import duso.lang.errors.DusoError;
import duso.lang.values.FunctionValue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one running script instance (main script, spawned or run script, request
 * handler, parallel branch): its script call stack, its link to the host runtime and the
 * interrupt flag other threads raise to stop it.
 *
 * <p>An Interp is used by one thread at a time. The call stack is two parallel arrays so a
 * call costs two stores, and a {@link CallFrame} list is only built when an error needs one.
 */
public final class Interp {
    private static final VarHandle INTERRUPT;

    static {
        try {
            INTERRUPT = MethodHandles.lookup().findVarHandle(Interp.class, "interrupt", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Deepest script call chain before "stack overflow" is raised. */
    public static final int MAX_DEPTH = 200_000;

    private final Globals globals;
    private ScriptFunction[] fns = new ScriptFunction[32];
    private int[] sites = new int[32];
    private int depth;
    @SuppressWarnings("unused") // accessed through INTERRUPT
    private String interrupt;
    private final boolean parallel;
    private volatile Runnable waker;
    /** Runtime-owned per-instance state (output routing, context value, process id…). */
    public Object hostState;
    /** The frame of the script code calling the current caller-frame builtin (see Builtin). */
    Frame callerFrame;

    public Interp(Globals globals, boolean parallel) {
        this.globals = globals;
        this.parallel = parallel;
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
            frames.add(new CallFrame(fns[i].name(), fns[i].file(), sites[i]));
        }
        return frames;
    }

    /** The file of the innermost running script function, or null at top level. */
    public String currentFunctionFile() {
        return depth == 0 ? null : fns[depth - 1].file();
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

    /**
     * Asks this instance to stop; the reason becomes the error it raises ("killed", …). If the
     * instance is parked in a blocking builtin (a datastore wait, sleep…), that builtin's waker
     * runs too, so the wait ends now rather than at its timeout.
     */
    public void interrupt(String reason) {
        INTERRUPT.setVolatile(this, reason);
        Runnable w = waker;
        if (w != null) {
            w.run();
        }
    }

    /**
     * Registers how to wake this instance out of the blocking call it is about to make, and
     * returns the previous waker, which the call restores when it ends (a wait's predicate may
     * itself block). A blocking builtin sets its waker, then re-checks
     * {@link #interruptReason()} before every park: the waker and the reason are both
     * volatile, so an interrupt either sees the waker or the builtin sees the reason.
     * The waker runs on the interrupting thread and must not block for long.
     */
    public Runnable setInterruptWaker(Runnable w) {
        Runnable previous = waker;
        waker = w;
        return previous;
    }

    public String interruptReason() {
        return (String) INTERRUPT.getVolatile(this);
    }

    /** Raises the pending interrupt, if any, as an error at the given position. */
    public void checkInterrupt(String file, int pos) {
        String reason = (String) INTERRUPT.getOpaque(this);
        if (reason != null) {
            throw new DusoError(reason, file, pos, stack());
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
