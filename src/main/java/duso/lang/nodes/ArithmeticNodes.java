package duso.lang.nodes;

import duso.lang.values.Numbers;
import duso.lang.values.Values;

/** The arithmetic operators; errors are positioned at the operator, with the call stack. */
public final class ArithmeticNodes {
    private ArithmeticNodes() {}

    abstract static class Binary extends ExprNode {
        final ExprNode left;
        final ExprNode right;
        final String file;

        Binary(int pos, ExprNode left, ExprNode right, String file) {
            super(pos);
            this.left = left;
            this.right = right;
            this.file = file;
        }
    }

    public static final class Add extends Binary {
        public Add(int pos, ExprNode left, ExprNode right, String file) {
            super(pos, left, right, file);
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            if (a instanceof Double x && b instanceof Double y) {
                return Numbers.box(x + y);
            }
            Object r = Ops.add(a, b);
            if (r == null) {
                throw Errors.positioned(f, file, pos, "cannot add " + Values.kind(a) + " and " + Values.kind(b));
            }
            return r;
        }
    }

    public static final class Sub extends Binary {
        public Sub(int pos, ExprNode left, ExprNode right, String file) {
            super(pos, left, right, file);
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            if (a instanceof Double x && b instanceof Double y) {
                return Numbers.box(x - y);
            }
            throw Errors.positioned(f, file, pos, "cannot subtract non-numbers");
        }
    }

    public static final class Mul extends Binary {
        public Mul(int pos, ExprNode left, ExprNode right, String file) {
            super(pos, left, right, file);
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            if (a instanceof Double x && b instanceof Double y) {
                return Numbers.box(x * y);
            }
            throw Errors.positioned(f, file, pos, "cannot multiply non-numbers");
        }
    }

    public static final class Div extends Binary {
        public Div(int pos, ExprNode left, ExprNode right, String file) {
            super(pos, left, right, file);
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            if (a instanceof Double x && b instanceof Double y) {
                if (y == 0) {
                    throw Errors.positioned(f, file, pos, "division by zero");
                }
                return Numbers.box(x / y);
            }
            throw Errors.positioned(f, file, pos, "cannot divide non-numbers");
        }
    }

    public static final class Mod extends Binary {
        public Mod(int pos, ExprNode left, ExprNode right, String file) {
            super(pos, left, right, file);
        }

        @Override
        public Object execute(Frame f) {
            Object a = left.execute(f);
            Object b = right.execute(f);
            if (a instanceof Double x && b instanceof Double y) {
                Double r = Ops.mod(x, y);
                if (r == null) {
                    throw Errors.positioned(f, file, pos, "modulo by zero");
                }
                return r;
            }
            throw Errors.positioned(f, file, pos, "cannot modulo non-numbers");
        }
    }

    /** Unary minus: only numbers ("cannot negate non-number", which the reference left unpositioned). */
    public static final class Negate extends ExprNode {
        final ExprNode operand;
        final String file;

        public Negate(int pos, ExprNode operand, String file) {
            super(pos);
            this.operand = operand;
            this.file = file;
        }

        @Override
        public Object execute(Frame f) {
            Object v = operand.execute(f);
            if (v instanceof Double d) {
                return -d;
            }
            throw Errors.plain(file, pos, "cannot negate non-number");
        }
    }
}
