package duso.lang.nodes;

/** An executable expression: built once from the AST, evaluated many times against a frame. */
public abstract class ExprNode {
    /** Position for errors raised here (see {@link duso.lang.source.Pos}). */
    public final int pos;

    protected ExprNode(int pos) {
        this.pos = pos;
    }

    public abstract Object execute(Frame f);

    /** Truthiness of the result; boolean-producing nodes override this to skip boxing. */
    public boolean executeCondition(Frame f) {
        return duso.lang.values.Values.truthy(execute(f));
    }
}
