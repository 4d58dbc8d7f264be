package duso.lang.nodes;

/**
 * Bytecode generated for a hot function body or loop (see {@link Jit}). It behaves exactly like
 * the nodes it was generated from: same completion codes, same frames, same errors, because
 * anything beyond plain control flow and number arithmetic is delegated to those nodes.
 *
 * <p>Generated classes live in class loaders of their own ({@link JitLoader}), so everything
 * they call is public; the static methods below are theirs alone.
 */
public abstract class CompiledCode {
    /** Constants in, the new instance out, while a generated class initializes on this thread. */
    private static final ThreadLocal<Object[]> HANDOFF = new ThreadLocal<>();

    /** Runs the compiled statement(s) against a frame; returns a {@link StmtNode} completion code. */
    public abstract int exec(Frame f);

    /**
     * Continues a numeric for loop from counter {@code i} (on-stack replacement: the
     * interpreter hands over a loop that turned hot mid-run). {@code lf} is the loop's frame.
     */
    public int resume(Frame f, Frame lf, long i, long to, long by) {
        throw new UnsupportedOperationException("not a numeric for loop");
    }

    /** For a generated class initializer: the objects its constant fields hold. */
    public static Object[] constants() {
        return HANDOFF.get();
    }

    /** For a generated class initializer: hands over the one instance. */
    public static void created(CompiledCode code) {
        HANDOFF.set(new Object[] {code});
    }

    /** For generated slow paths: the node called just before has thrown, so this never runs. */
    public static IllegalStateException unreachable() {
        return new IllegalStateException("compiled code expected an error from its node");
    }

    /** Initializes a generated class with its constants and returns the instance it created. */
    static CompiledCode initialize(Class<?> generated, Object[] constants) throws ClassNotFoundException {
        HANDOFF.set(constants);
        try {
            Class.forName(generated.getName(), true, generated.getClassLoader());
            return (CompiledCode) HANDOFF.get()[0];
        } finally {
            HANDOFF.remove();
        }
    }
}
