package duso.lang.nodes;

import duso.lang.values.FunctionValue;

/**
 * A function implemented in Java. Builtins receive evaluated arguments and return a script
 * value (never Java null). Errors are thrown as DusoError without a position; the call site
 * adds its own, as the reference positions builtin errors at the call's parenthesis.
 */
public abstract class Builtin extends FunctionValue {
    private final String name;

    protected Builtin(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    public abstract Object call(Interp interp, CallArgs args);
}
