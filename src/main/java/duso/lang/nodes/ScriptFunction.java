package duso.lang.nodes;

import duso.lang.values.FunctionValue;

/** A closure: compiled function code plus the frame it was created in. */
public final class ScriptFunction extends FunctionValue {
    final FunctionCode code;
    final Frame closure;

    public ScriptFunction(FunctionCode code, Frame closure) {
        this.code = code;
        this.closure = closure;
    }

    @Override
    public String name() {
        return code.name;
    }

    /** A function literal ({@code function(x) … end} as a value), which has no name. */
    public boolean anonymous() {
        return code.name == null || code.name.isEmpty();
    }

    /** The file the function was defined in, as call stacks show it. */
    public String file() {
        return code.file;
    }

    public int arity() {
        return code.params.length;
    }

    public Frame closure() {
        return closure;
    }
}
