package duso.lang.nodes;

import duso.lang.values.DusoObject;

/** {@code obj.name}: object fields, error/code/binary properties; nil on nil. */
public final class PropertyNode extends ExprNode {
    final ExprNode object;
    final String name;
    final String file;

    public PropertyNode(int pos, ExprNode object, String name, String file) {
        super(pos);
        this.object = object;
        this.name = name;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        Object o = object.execute(f);
        if (o instanceof DusoObject obj) {
            return obj.get(name);
        }
        return Access.readProperty(o, name, file, pos);
    }
}
