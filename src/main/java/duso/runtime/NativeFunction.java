package duso.runtime;

import duso.lang.nodes.Builtin;
import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Interp;

/** A builtin written as a lambda over {@link Args}; libraries register these. */
public final class NativeFunction extends Builtin {
    /** The body of a builtin: returns a script value (null is read as nil). */
    @FunctionalInterface
    public interface Body {
        Object call(Args args);
    }

    private final Body body;

    public NativeFunction(String name, Body body) {
        this(name, false, body);
    }

    /** With {@code needsCallerFrame}, the body can reach the calling frame ({@link Args#callerFrame}). */
    public NativeFunction(String name, boolean needsCallerFrame, Body body) {
        super(name, needsCallerFrame);
        this.body = body;
    }

    @Override
    public Object call(Interp interp, CallArgs args) {
        return body.call(new Args(name(), args, interp));
    }
}
