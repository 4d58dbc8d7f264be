package duso.lang.nodes;

/**
 * Runs a unit's top-level statements and reports how they ended: normally, by return (module
 * value), or by a break/continue that escaped every loop (an error at top level).
 */
public final class TopLevel {
    private TopLevel() {}

    public static int run(StmtNode body, Frame f) {
        try {
            return body.exec(f);
        } catch (LoopEscape e) {
            return e.code;
        }
    }
}
