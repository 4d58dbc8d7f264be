package duso.lang.nodes;

/**
 * {@code exit(v)}: unwinds the whole script instance, through try blocks and function calls,
 * carrying the exit value. Not an error, and without a Java stack trace.
 */
public final class ExitSignal extends RuntimeException {
    private final transient Object value;

    public ExitSignal(Object value) {
        super("exit", null, false, false);
        this.value = value;
    }

    public Object value() {
        return value;
    }
}
