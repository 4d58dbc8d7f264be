package duso.lang.nodes;

import duso.lang.errors.DusoError;
import duso.lang.values.ErrorValue;

/**
 * {@code try … catch (e) … end}: catches every error (not exit, return, break or continue) and
 * binds {@code e} to an error value whose {@code message} is the thrown value and whose
 * {@code stack} is the full positioned text.
 */
public final class TryNode extends StmtNode {
    private final StmtNode body;
    private final LoopScope scope;
    private final int varSlot;
    private final StmtNode handler;

    public TryNode(int pos, StmtNode body, LoopScope scope, int varSlot, StmtNode handler) {
        super(pos);
        this.body = body;
        this.scope = scope;
        this.varSlot = varSlot;
        this.handler = handler;
    }

    @Override
    public int exec(Frame f) {
        try {
            return body.exec(f);
        } catch (DusoError e) {
            e.settleFile(f.interp.errorFile(e.file()));
            Frame cf = scope.enter(f);
            cf.slots[varSlot] = toValue(e);
            int status = handler.exec(cf);
            if (status == RETURN && cf != f) {
                f.returnValue = cf.returnValue;
            }
            LoopScope.leave(f, cf);
            return status;
        }
    }

    /** The error value a catch block sees. */
    public static ErrorValue toValue(DusoError e) {
        Object message = e.value() == null ? "unknown error" : e.value();
        return new ErrorValue(message, e.render());
    }

    @Override
    public void markTail() {
        super.markTail();
        body.markTail();
        handler.markTail();
    }
}
