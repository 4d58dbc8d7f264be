package duso.lang.nodes;

/**
 * Bytecode generated for a hot function body or loop (see {@link Jit}). It behaves exactly like
 * the nodes it was generated from: same completion codes, same frames, same errors, because
 * anything beyond plain control flow and number arithmetic is delegated to those nodes.
 */
public abstract class CompiledCode {
    /** Runs the compiled statement(s) against a frame; returns a {@link StmtNode} completion code. */
    public abstract int exec(Frame f);

    /**
     * Continues a numeric for loop from counter {@code i} (on-stack replacement: the
     * interpreter hands over a loop that turned hot mid-run). {@code lf} is the loop's frame.
     */
    public int resume(Frame f, Frame lf, long i, long to, long by) {
        throw new UnsupportedOperationException("not a numeric for loop");
    }
}
