package duso.lang.nodes;

import duso.lang.values.Values;

/** A literal number, string, boolean or nil; numbers are boxed once, at compile time. */
public final class ConstNode extends ExprNode {
    final Object value;
    final boolean truthy;

    public ConstNode(int pos, Object value) {
        super(pos);
        this.value = value;
        this.truthy = Values.truthy(value);
    }

    public Object value() {
        return value;
    }

    @Override
    public Object execute(Frame f) {
        return value;
    }

    @Override
    public boolean executeCondition(Frame f) {
        return truthy;
    }
}
