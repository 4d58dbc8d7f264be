package duso.lang.nodes;

import duso.lang.values.DusoArray;

/** {@code [a, b, …]}: a fresh array each evaluation. */
public final class ArrayLitNode extends ExprNode {
    private final ExprNode[] elements;

    public ArrayLitNode(int pos, ExprNode[] elements) {
        super(pos);
        this.elements = elements;
    }

    @Override
    public Object execute(Frame f) {
        Object[] items = new Object[elements.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = elements[i].execute(f);
        }
        return DusoArray.wrap(items);
    }
}
