package duso.lang.nodes;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A number expression tree (constants, variables, + - * / % and negation) as unboxed double
 * bytecode, for both number fast paths: {@link JitNumeric}, which first reads the variables
 * from the frame into locals, and {@link JitRegion}, whose variables already live in locals.
 * Every divisor is computed and checked before the expression itself, so a zero divisor leaves
 * with an empty operand stack and the caller's slow path re-evaluates the expression by its node.
 */
final class JitArithmetic {
    private static final String OPS = "duso/lang/nodes/Ops";
    private static final String MT_GOINT64 = "(D)J";

    /** Where a variable leaf's double is. */
    interface Leaves {
        int local(ReadVarNode leaf);
    }

    private final CodeWriter code;
    private final Leaves leaves;
    /** Division/modulo node -> local holding its checked divisor (a double, or for % its int64). */
    private final Map<ExprNode, Integer> divisors = new IdentityHashMap<>();

    JitArithmetic(CodeWriter code, Leaves leaves) {
        this.code = code;
        this.leaves = leaves;
    }

    /** Computes n's divisors (innermost first) into locals; one that is zero jumps to {@code slow}. */
    void checkDivisors(ExprNode n, CodeWriter.Label slow) {
        if (n instanceof ArithmeticNodes.Binary b) {
            checkDivisors(b.left, slow);
            checkDivisors(b.right, slow);
            boolean div = b instanceof ArithmeticNodes.Div;
            if (div || b instanceof ArithmeticNodes.Mod) {
                // A double divisor for /, its int64 truncation for %; either must not be zero.
                compute(b.right);
                int local = code.allocateLocal(true);
                if (div) {
                    code.dup2().dstore(local).dconst0().dcmpl();
                } else {
                    code.invokestatic(OPS, "goInt64", MT_GOINT64);
                    code.dup2().lstore(local).lconst0().lcmp();
                }
                code.ifeq(slow);
                divisors.put(b, local);
            }
        } else if (n instanceof ArithmeticNodes.Negate g) {
            checkDivisors(g.operand, slow);
        }
    }

    /** Pushes n's double; its divisors must have been checked. */
    void compute(ExprNode n) {
        if (n instanceof ConstNode c) {
            code.dconst((Double) c.value);
        } else if (n instanceof ReadVarNode r) {
            code.dload(leaves.local(r));
        } else if (n instanceof ArithmeticNodes.Div d) {
            compute(d.left);
            code.dload(divisors.get(d));
            code.ddiv();
        } else if (n instanceof ArithmeticNodes.Mod m) {
            compute(m.left);
            code.invokestatic(OPS, "goInt64", MT_GOINT64);
            code.lload(divisors.get(m));
            code.lrem();
            code.l2d();
        } else if (n instanceof ArithmeticNodes.Binary b) {
            compute(b.left);
            compute(b.right);
            if (b instanceof ArithmeticNodes.Add) {
                code.dadd();
            } else if (b instanceof ArithmeticNodes.Sub) {
                code.dsub();
            } else {
                code.dmul();
            }
        } else if (n instanceof ArithmeticNodes.Negate g) {
            compute(g.operand);
            code.dneg();
        } else {
            throw new IllegalStateException("not a number expression: " + n.getClass().getSimpleName());
        }
    }

    /**
     * Pushes {@code cur op value} for {@code x op= value}, the variable in a double local; a zero
     * divisor (inside the value, or the value itself for / and %, for % one that truncates to
     * zero) jumps to {@code slow} with an empty stack. For + - * the variable is loaded before
     * the value is computed, which pure arithmetic cannot tell apart, so no temporary is needed.
     */
    void compound(CompoundAssignNode.Op op, int cur, ExprNode value, CodeWriter.Label slow) {
        checkDivisors(value, slow);
        switch (op) {
            case ADD -> loadThenCompute(cur, value).dadd();
            case SUB -> loadThenCompute(cur, value).dsub();
            case MUL -> loadThenCompute(cur, value).dmul();
            case DIV -> {
                int rhs = computeIntoLocal(value);
                code.dload(rhs).dconst0().dcmpl().ifeq(slow);
                code.dload(cur).dload(rhs).ddiv();
            }
            case MOD -> {
                int rhs = computeIntoLocal(value);
                int y = code.allocateLocal(true);
                code.dload(rhs).invokestatic(OPS, "goInt64", MT_GOINT64).lstore(y);
                code.lload(y).lconst0().lcmp().ifeq(slow);
                code.dload(cur).invokestatic(OPS, "goInt64", MT_GOINT64).lload(y).lrem().l2d();
            }
        }
    }

    private CodeWriter loadThenCompute(int cur, ExprNode value) {
        code.dload(cur);
        compute(value);
        return code;
    }

    private int computeIntoLocal(ExprNode value) {
        compute(value);
        int local = code.allocateLocal(true);
        code.dstore(local);
        return local;
    }
}
