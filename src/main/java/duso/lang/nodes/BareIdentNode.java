package duso.lang.nodes;

/**
 * A bare identifier used as a statement before the end of its block, which the reference
 * rejects when it is reached ("bare identifier 'x' has no effect; …").
 */
public final class BareIdentNode extends StmtNode {
    private final String name;
    private final String file;

    public BareIdentNode(int pos, String name, String file) {
        super(pos);
        this.name = name;
        this.file = file;
    }

    @Override
    public int exec(Frame f) {
        throw Errors.positioned(f, file, pos, "bare identifier '" + name
                + "' has no effect; did you mean to call a function? (try '" + name + "()')");
    }
}
