package duso.lang.nodes;

/**
 * An executable statement. {@link #exec} returns a completion code instead of throwing for
 * break, continue and return, so control flow never builds an exception.
 *
 * <p>Statements in tail position (last in a function body or module, recursively through
 * if/loops/try) also record their value in {@link Frame#result}: Duso functions without a
 * {@code return} yield the value of the last statement they ran.
 */
public abstract class StmtNode {
    public static final int NORMAL = 0;
    public static final int BREAK = 1;
    public static final int CONTINUE = 2;
    public static final int RETURN = 3;

    public final int pos;
    /** True when this statement's value is the enclosing body's implicit result. */
    protected boolean tail;

    protected StmtNode(int pos) {
        this.pos = pos;
    }

    public abstract int exec(Frame f);

    /** Marks this statement (and its tail statements) as producing the body's result. */
    public void markTail() {
        tail = true;
    }
}
