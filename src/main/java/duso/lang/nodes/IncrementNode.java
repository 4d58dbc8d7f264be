package duso.lang.nodes;

import duso.lang.values.Nil;
import duso.lang.values.Numbers;

/**
 * {@code ++x} / {@code --x} (an expression giving the new value) and the statement forms
 * {@code x++} / {@code x--} (whose value is nil). Only numbers can be incremented.
 */
public final class IncrementNode {
    private IncrementNode() {}

    static Object apply(Frame f, Target target, double delta) {
        Target.Place place = target.locate(f);
        Object cur = place.read();
        if (!(cur instanceof Double d)) {
            throw Errors.plain(target.file, target.pos, "cannot increment/decrement non-number");
        }
        Double next = Numbers.box(d + delta);
        place.write(next);
        return next;
    }

    public static final class Prefix extends ExprNode {
        final Target target;
        private final double delta;

        public Prefix(int pos, Target target, double delta) {
            super(pos);
            this.target = target;
            this.delta = delta;
        }

        @Override
        public Object execute(Frame f) {
            return apply(f, target, delta);
        }
    }

    public static final class Postfix extends StmtNode {
        final Target target;
        final double delta;
        final int localSlot;

        public Postfix(int pos, Target target, double delta, int localSlot) {
            super(pos);
            this.target = target;
            this.delta = delta;
            this.localSlot = localSlot;
        }

        @Override
        public int exec(Frame f) {
            if (localSlot >= 0 && f.slots[localSlot] instanceof Double d) {
                f.slots[localSlot] = d + delta;
            } else {
                apply(f, target, delta);
            }
            if (tail) {
                f.result = Nil.NIL;
            }
            return NORMAL;
        }
    }
}
