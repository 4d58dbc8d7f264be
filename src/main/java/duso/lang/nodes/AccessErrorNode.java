package duso.lang.nodes;

/**
 * A construct that always fails when reached, such as assigning to a call result
 * ({@code f() = 1}): "invalid assignment target" and similar messages.
 */
public final class AccessErrorNode extends ExprNode {
    private final String message;
    private final String file;

    public AccessErrorNode(int pos, String message, String file) {
        super(pos);
        this.message = message;
        this.file = file;
    }

    @Override
    public Object execute(Frame f) {
        throw Errors.positioned(f, file, pos, message);
    }

    /** Statement form: evaluates the value first (as the reference does), then fails. */
    public static final class Statement extends StmtNode {
        private final ExprNode value;
        private final String message;
        private final String file;

        public Statement(int pos, ExprNode value, String message, String file) {
            super(pos);
            this.value = value;
            this.message = message;
            this.file = file;
        }

        @Override
        public int exec(Frame f) {
            if (value != null) {
                value.execute(f);
            }
            throw Errors.positioned(f, file, pos, message);
        }
    }
}
