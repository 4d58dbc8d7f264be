package duso.lang.nodes;

import duso.lang.values.DusoArray;

/** {@code obj[index]}, with a fast path for arrays indexed by numbers. */
public final class IndexNode extends ExprNode {
    final ExprNode object;
    final ExprNode index;
    final String file;

    public IndexNode(int pos, ExprNode object, ExprNode index, String file) {
        super(pos);
        this.object = object;
        this.index = index;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        Object o = object.execute(f);
        Object i = index.execute(f);
        if (o instanceof DusoArray a && i instanceof Double d) {
            double x = d;
            int k = (int) x;
            if (k >= 0 && k < a.size() && x < Integer.MAX_VALUE) {
                return a.get(k);
            }
        }
        return Access.readIndex(o, i, file, pos);
    }
}
