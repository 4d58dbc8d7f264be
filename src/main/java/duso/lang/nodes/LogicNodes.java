package duso.lang.nodes;

import duso.lang.values.Values;

/** {@code and}, {@code or} (returning the deciding operand), {@code not} and {@code ?:}. */
public final class LogicNodes {
    private LogicNodes() {}

    public static final class And extends ExprNode {
        final ExprNode left;
        final ExprNode right;

        public And(int pos, ExprNode left, ExprNode right) {
            super(pos);
            this.left = left;
            this.right = right;
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            return Values.truthy(a) ? right.execute(f) : a;
        }

        @Override
        public boolean executeCondition(Frame f) {
            return left.executeCondition(f) && right.executeCondition(f);
        }
    }

    public static final class Or extends ExprNode {
        final ExprNode left;
        final ExprNode right;

        public Or(int pos, ExprNode left, ExprNode right) {
            super(pos);
            this.left = left;
            this.right = right;
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            return Values.truthy(a) ? a : right.execute(f);
        }

        @Override
        public boolean executeCondition(Frame f) {
            return left.executeCondition(f) || right.executeCondition(f);
        }
    }

    public static final class Not extends ExprNode {
        final ExprNode operand;

        public Not(int pos, ExprNode operand) {
            super(pos);
            this.operand = operand;
        }

        @Override
        public Object execute(Frame f) {
            return operand.executeCondition(f) ? Boolean.FALSE : Boolean.TRUE;
        }

        @Override
        public boolean executeCondition(Frame f) {
            return !operand.executeCondition(f);
        }
    }

    public static final class Ternary extends ExprNode {
        final ExprNode condition;
        final ExprNode whenTrue;
        final ExprNode whenFalse;

        public Ternary(int pos, ExprNode condition, ExprNode whenTrue, ExprNode whenFalse) {
            super(pos);
            this.condition = condition;
            this.whenTrue = whenTrue;
            this.whenFalse = whenFalse;
        }

        @Override
        public Object execute(Frame f) {
            return condition.executeCondition(f) ? whenTrue.execute(f) : whenFalse.execute(f);
        }
    }
}
