package duso.lang.nodes;

/** {@code function(…) … end}: a new closure over the current frame each evaluation. */
public final class FunctionLitNode extends ExprNode {
    private final FunctionCode code;

    public FunctionLitNode(int pos, FunctionCode code) {
        super(pos);
        this.code = code;
    }

    @Override
    public Object execute(Frame f) {
        return new ScriptFunction(code, f);
    }
}
