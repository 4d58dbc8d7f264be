package duso.runtime;

import duso.lang.compiler.CompiledUnit;
import duso.lang.errors.DusoError;
import duso.lang.nodes.ExitSignal;
import duso.lang.nodes.Frame;
import duso.lang.nodes.Interp;
import duso.lang.nodes.StmtNode;
import duso.lang.nodes.TopLevel;
import duso.lang.values.Nil;
import java.util.List;

/**
 * Runs compiled units as script instances and turns how they ended into results: the
 * {@code exit()} value, a module's value, or an error. Break/continue/return that escape the
 * top level become the reference's errors ("break", "return outside of function").
 */
public final class ScriptRunner {
    private ScriptRunner() {}

    /** How a top-level run ended: exited (with value), returned, or fell off the end. */
    public record Outcome(boolean exited, Object value) {}

    /**
     * Runs a unit as a script (not a module): returns the exit() value (exited=true) or the
     * value of its last statement. Errors propagate as DusoError.
     */
    public static Outcome runScript(CompiledUnit unit, Interp interp) {
        return run(unit, interp, false);
    }

    /** Runs a unit as a module: an explicit top-level return gives its value. */
    public static Outcome runModule(CompiledUnit unit, Interp interp) {
        return run(unit, interp, true);
    }

    private static Outcome run(CompiledUnit unit, Interp interp, boolean module) {
        Frame root = unit.newRootFrame(interp);
        try {
            int status = TopLevel.run(unit.body(), root);
            switch (status) {
                case StmtNode.RETURN:
                    if (module) {
                        return new Outcome(false, root.returnValue);
                    }
                    throw new DusoError("return outside of function", null, 0, List.of());
                case StmtNode.BREAK:
                    throw new DusoError("break", null, 0, List.of());
                case StmtNode.CONTINUE:
                    throw new DusoError("continue", null, 0, List.of());
                default:
                    return new Outcome(false, root.result == null ? Nil.NIL : root.result);
            }
        } catch (ExitSignal e) {
            return new Outcome(true, e.value());
        }
    }
}
