package duso.lang.nodes;

import duso.lang.values.Values;

/** Equality and ordering operators; they produce booleans and skip boxing in conditions. */
public final class ComparisonNodes {
    private ComparisonNodes() {}

    public enum Kind { EQ, NE, LT, LE, GT, GE }

    public static ExprNode create(int pos, Kind kind, ExprNode left, ExprNode right, String file) {
        return switch (kind) {
            case EQ -> new Equal(pos, left, right, false);
            case NE -> new Equal(pos, left, right, true);
            default -> new Order(pos, kind, left, right, file);
        };
    }

    abstract static class Compare extends ExprNode {
        Compare(int pos) {
            super(pos);
        }

        @Override
        public final Object execute(Frame f) {
            return executeCondition(f) ? Boolean.TRUE : Boolean.FALSE;
        }

        @Override
        public abstract boolean executeCondition(Frame f);
    }

    static final class Equal extends Compare {
        final ExprNode left;
        final ExprNode right;
        final boolean negate;

        Equal(int pos, ExprNode left, ExprNode right, boolean negate) {
            super(pos);
            this.left = left;
            this.right = right;
            this.negate = negate;
        }

        @Override
        public boolean executeCondition(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            boolean eq = a instanceof Double x && b instanceof Double y
                    ? x.doubleValue() == y.doubleValue()
                    : Values.equal(a, b);
            return eq != negate;
        }
    }

    static final class Order extends Compare {
        final Kind kind;
        final ExprNode left;
        final ExprNode right;
        final String file;

        Order(int pos, Kind kind, ExprNode left, ExprNode right, String file) {
            super(pos);
            this.kind = kind;
            this.left = left;
            this.right = right;
            this.file = file;
        }

        @Override
        public boolean executeCondition(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            if (a instanceof Double x && b instanceof Double y) {
                double p = x;
                double q = y;
                return switch (kind) {
                    case LT -> p < q;
                    case LE -> p <= q;
                    case GT -> p > q;
                    default -> p >= q;
                };
            }
            Integer c = Ops.compare(a, b);
            if (c == null) {
                throw Errors.plain(file, pos, Ops.cannotCompare(a, b));
            }
            if (c == 2) {
                return false;
            }
            return switch (kind) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }
    }
}
