package duso.lang.nodes;

/** An expression evaluated for its effect (its value is kept when in tail position). */
public final class ExprStmtNode extends StmtNode {
    final ExprNode expr;

    public ExprStmtNode(ExprNode expr) {
        super(expr.pos);
        this.expr = expr;
    }

    @Override
    public int exec(Frame f) {
        Object v = expr.execute(f);
        if (tail) {
            f.result = v;
        }
        return NORMAL;
    }
}
