package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Interp;
import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import java.util.List;

/**
 * One builtin call's arguments, with the checks every builtin shares. Each argument is found
 * by name first, then by position (the reference's GetArg), and every failed check is worded
 * {@code NAME() requires WHAT}, the reference's form, from one place.
 */
public final class Args {
    private final String function;
    private final CallArgs raw;
    private final Interp interp;

    public Args(String function, CallArgs raw, Interp interp) {
        this.function = function;
        this.raw = raw;
        this.interp = interp;
    }

    public String function() {
        return function;
    }

    public Interp interp() {
        return interp;
    }

    public CallArgs raw() {
        return raw;
    }

    /**
     * The calling script frame, for builtins registered with
     * {@link Registry#addInCallerScope}; null when the builtin was not called directly from
     * script code.
     */
    public duso.lang.nodes.Frame callerFrame() {
        return interp.callerFrame();
    }

    /** The running script instance's runtime state. */
    public ScriptInstance instance() {
        return ScriptInstance.of(interp);
    }

    public int count() {
        return raw.count();
    }

    // ---- errors ------------------------------------------------------------------------------

    /** {@code NAME() requires WHAT}. */
    public DusoError fail(String what) {
        return error(function + "() requires " + what);
    }

    /** An error with exactly this message (positioned at the call by the call site). */
    public static DusoError error(String message) {
        return new DusoError(message, null, 0, List.of());
    }

    // ---- presence ----------------------------------------------------------------------------

    /** The argument, or null when absent. */
    public Object get(int index, String name) {
        return raw.get(index, name);
    }

    /** The argument, or nil when absent. */
    public Object value(int index, String name) {
        Object v = raw.get(index, name);
        return v == null ? Nil.NIL : v;
    }

    /** The positional argument (named ones are not read), or the error {@code missing}. */
    public Object positional(int index, String missing) {
        Object v = raw.at(index);
        if (v == null) {
            throw error(missing);
        }
        return v;
    }

    public boolean has(int index, String name) {
        Object v = raw.get(index, name);
        return v != null;
    }

    /** Present and not nil. */
    public boolean given(int index, String name) {
        Object v = raw.get(index, name);
        return v != null && v != Nil.NIL;
    }

    // ---- typed access --------------------------------------------------------------------------

    public String string(int index, String name, String what) {
        if (raw.get(index, name) instanceof String s) {
            return s;
        }
        throw fail(what);
    }

    public String optString(int index, String name, String fallback, String what) {
        Object v = raw.get(index, name);
        if (v == null || v == Nil.NIL) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw fail(what);
    }

    public double number(int index, String name, String what) {
        if (raw.get(index, name) instanceof Double d) {
            return d;
        }
        throw fail(what);
    }

    public double optNumber(int index, String name, double fallback, String what) {
        Object v = raw.get(index, name);
        if (v == null || v == Nil.NIL) {
            return fallback;
        }
        if (v instanceof Double d) {
            return d;
        }
        throw fail(what);
    }

    public boolean optBool(int index, String name, boolean fallback) {
        Object v = raw.get(index, name);
        if (v instanceof Boolean b) {
            return b;
        }
        return fallback;
    }

    public DusoArray array(int index, String name, String what) {
        if (raw.get(index, name) instanceof DusoArray a) {
            return a;
        }
        throw fail(what);
    }

    public DusoObject object(int index, String name, String what) {
        if (raw.get(index, name) instanceof DusoObject o) {
            return o;
        }
        throw fail(what);
    }

    public DusoObject optObject(int index, String name, String what) {
        Object v = raw.get(index, name);
        if (v == null || v == Nil.NIL) {
            return null;
        }
        if (v instanceof DusoObject o) {
            return o;
        }
        throw fail(what);
    }

    public FunctionValue function(int index, String name, String what) {
        if (raw.get(index, name) instanceof FunctionValue f) {
            return f;
        }
        throw fail(what);
    }

    public BinaryValue binary(int index, String name, String what) {
        if (raw.get(index, name) instanceof BinaryValue b) {
            return b;
        }
        throw fail(what);
    }

    /** A string, or a binary value's bytes decoded as UTF-8 text. */
    public String text(int index, String name, String what) {
        Object v = raw.get(index, name);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BinaryValue b) {
            return new String(b.data(), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw fail(what);
    }

    /** Positional arguments from index on (varargs builtins such as print and max). */
    public Object[] rest(int from) {
        Object[] all = raw.positional();
        if (from >= all.length) {
            return new Object[0];
        }
        return java.util.Arrays.copyOfRange(all, from, all.length);
    }
}
