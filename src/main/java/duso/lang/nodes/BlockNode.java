package duso.lang.nodes;

import duso.lang.values.Nil;

/** A statement list. An empty block in tail position yields nil as the body's value. */
public final class BlockNode extends StmtNode {
    final StmtNode[] statements;

    public BlockNode(int pos, StmtNode[] statements) {
        super(pos);
        this.statements = statements;
    }

    @Override
    public int exec(Frame f) {
        if (statements.length == 0 && tail) {
            f.result = Nil.NIL;
        }
        for (StmtNode s : statements) {
            int status = s.exec(f);
            if (status != NORMAL) {
                return status;
            }
        }
        return NORMAL;
    }

    @Override
    public void markTail() {
        super.markTail();
        if (statements.length > 0) {
            statements[statements.length - 1].markTail();
        }
    }
}
