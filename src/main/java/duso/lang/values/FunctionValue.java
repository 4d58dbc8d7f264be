package duso.lang.values;

/** Anything a script can call: script closures and builtins. Renders as {@code <function>}. */
public abstract class FunctionValue {
    /** The name shown in call stacks ("" for anonymous functions). */
    public abstract String name();

    @Override
    public String toString() {
        return "<function>";
    }
}
