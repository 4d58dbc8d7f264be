package duso.lang.nodes;

import duso.lang.values.Nil;

/** if/elseif/else, return, break and continue. */
public final class ControlNodes {
    private ControlNodes() {}

    public static final class If extends StmtNode {
        final ExprNode[] conditions;
        final StmtNode[] branches;
        final StmtNode otherwise;

        public If(int pos, ExprNode[] conditions, StmtNode[] branches, StmtNode otherwise) {
            super(pos);
            this.conditions = conditions;
            this.branches = branches;
            this.otherwise = otherwise;
        }

        @Override
        public int exec(Frame f) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].executeCondition(f)) {
                    return branches[i].exec(f);
                }
            }
            if (otherwise != null) {
                return otherwise.exec(f);
            }
            if (tail) {
                f.result = Nil.NIL;
            }
            return NORMAL;
        }

        @Override
        public void markTail() {
            super.markTail();
            for (StmtNode b : branches) {
                b.markTail();
            }
            if (otherwise != null) {
                otherwise.markTail();
            }
        }
    }

    public static final class Return extends StmtNode {
        final ExprNode value;

        public Return(int pos, ExprNode value) {
            super(pos);
            this.value = value;
        }

        @Override
        public int exec(Frame f) {
            f.returnValue = value == null ? Nil.NIL : value.execute(f);
            return RETURN;
        }
    }

    public static final class Break extends StmtNode {
        public Break(int pos) {
            super(pos);
        }

        @Override
        public int exec(Frame f) {
            return BREAK;
        }
    }

    public static final class Continue extends StmtNode {
        public Continue(int pos) {
            super(pos);
        }

        @Override
        public int exec(Frame f) {
            return CONTINUE;
        }
    }
}
