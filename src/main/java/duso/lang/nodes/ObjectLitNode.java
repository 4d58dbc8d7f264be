package duso.lang.nodes;

import duso.lang.values.DusoObject;
import duso.lang.values.Render;

/**
 * {@code {k = v, [expr] = v}}: static keys in source order, then computed keys (whose key
 * values are turned into strings with the concatenation form, so {@code [1]} is "1").
 */
public final class ObjectLitNode extends ExprNode {
    private final String[] keys;
    private final ExprNode[] keyExprs;
    private final ExprNode[] values;

    /** keys[i] is null where keyExprs[i] computes the key. */
    public ObjectLitNode(int pos, String[] keys, ExprNode[] keyExprs, ExprNode[] values) {
        super(pos);
        this.keys = keys;
        this.keyExprs = keyExprs;
        this.values = values;
    }

    @Override
    public Object execute(Frame f) {
        DusoObject o = new DusoObject(values.length);
        for (int i = 0; i < values.length; i++) {
            String k = keys[i];
            if (k == null) {
                k = Render.concat(keyExprs[i].execute(f));
            }
            o.put(k, values[i].execute(f));
        }
        return o;
    }
}
