package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.values.DeepCopy;
import duso.lang.values.Nil;

/**
 * A script instance started by another one (run; spawn and schedule build on it): fresh
 * globals, its own process id, and a copy of the context made by the serialization contract
 * ({@link DeepCopy#acrossInstances}). Whatever comes back, the exit value or the error that
 * ended it, is copied across the same way, so the two instances never share a mutable value.
 *
 * <p>Creating and running are separate steps so a supervisor can keep the {@link #interp()}
 * to stop the child ({@code kill}, timeouts) and run it on whichever thread it chooses;
 * {@link #run()} runs it to the end on the calling thread.
 */
public final class ChildInstance {
    private final ScriptInstance instance;
    private final Interp interp;
    private final ChildScript script;

    private ChildInstance(ScriptInstance instance, ChildScript script) {
        this.instance = instance;
        this.interp = instance.newInterp(false);
        this.script = script;
    }

    /** A child of {@code caller} with a copy of {@code context} (nil when absent) and a new pid. */
    public static ChildInstance create(ScriptInstance caller, ChildScript script, Object context, Output output) {
        DusoRuntime rt = caller.runtime();
        Object copied = context == null ? Nil.NIL : DeepCopy.acrossInstances(context);
        ScriptInstance inst = new ScriptInstance(rt, script.file(), script.dir(), copied, output, rt.nextPid());
        return new ChildInstance(inst, script);
    }

    public long pid() {
        return instance.pid();
    }

    public ScriptInstance instance() {
        return instance;
    }

    /** The child's interpreter state: interrupt it to stop the child between statements. */
    public Interp interp() {
        return interp;
    }

    /**
     * Runs the child to its end on this thread and returns its {@code exit()} value (nil
     * when it ends without one). An error that ends the child is thrown here, its thrown
     * value copied across, its file, position and call stack those of the child.
     */
    public Object run() {
        try {
            ScriptRunner.Outcome outcome = ScriptRunner.runScript(script.unit(), interp);
            return outcome.exited() ? DeepCopy.acrossInstances(outcome.value()) : Nil.NIL;
        } catch (DusoError e) {
            throw crossing(e);
        }
    }

    /** The child's error as the caller receives it: same place and stack, value copied. */
    public static DusoError crossing(DusoError e) {
        Object v = e.value();
        Object copied = v == null ? null : DeepCopy.acrossInstances(v);
        if (copied == v) {
            return e;
        }
        return new DusoError(copied, e.file(), e.pos(), e.stack());
    }
}
