package duso.lang.nodes;

/**
 * A break or continue that left the function it was written in. The reference lets such a
 * signal unwind into the caller's loop; at top level it is the error "break"/"continue".
 */
final class LoopEscape extends RuntimeException {
    static final LoopEscape BREAK = new LoopEscape(StmtNode.BREAK);
    static final LoopEscape CONTINUE = new LoopEscape(StmtNode.CONTINUE);

    final int code;

    private LoopEscape(int code) {
        super(code == StmtNode.BREAK ? "break" : "continue", null, false, false);
        this.code = code;
    }
}
