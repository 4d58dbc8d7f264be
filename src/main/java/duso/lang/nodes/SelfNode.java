package duso.lang.nodes;

/** The {@code self} keyword: the receiver of the nearest enclosing method call. */
public final class SelfNode extends ExprNode {
    private final String file;

    public SelfNode(int pos, String file) {
        super(pos);
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        for (Frame fr = f; fr != null; fr = fr.parent) {
            if (fr.self != null) {
                return fr.self;
            }
        }
        Object v = VarRef.lookupByName(f, "self");
        if (v != null) {
            return v;
        }
        throw Errors.positioned(f, file, pos, "undefined variable: self");
    }
}
