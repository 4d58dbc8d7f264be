package duso.lang.nodes;

import duso.lang.values.FunctionValue;

/**
 * A function implemented in Java. Builtins receive evaluated arguments and return a script
 * value (never Java null). Errors are thrown as DusoError without a position; the call site
 * adds its own, as the reference positions builtin errors at the call's parenthesis.
 *
 * <p>A builtin that works on the caller's variables ({@code include} runs a file in the
 * calling scope) is created with {@code needsCallerFrame}; a direct call then publishes the
 * calling frame on {@link Interp#callerFrame()} for the duration of the call. Other builtins
 * pay nothing for it.
 */
public abstract class Builtin extends FunctionValue {
    private final String name;
    final boolean needsCallerFrame;

    protected Builtin(String name) {
        this(name, false);
    }

    protected Builtin(String name, boolean needsCallerFrame) {
        this.name = name;
        this.needsCallerFrame = needsCallerFrame;
    }

    @Override
    public final String name() {
        return name;
    }

    public abstract Object call(Interp interp, CallArgs args);
}
