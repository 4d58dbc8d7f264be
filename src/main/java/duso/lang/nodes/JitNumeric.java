package duso.lang.nodes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Number fast paths for compiled code. An arithmetic tree whose leaves are variables and
 * number constants is computed in unboxed doubles, boxed once at the end:
 * <ol>
 *   <li>each variable leaf is read once, in source order, and must hold a number;</li>
 *   <li>each divisor is computed and must not be zero (for {@code %}: must not truncate to 0);</li>
 *   <li>the tree is computed from those values.</li>
 * </ol>
 * Any check that fails jumps, with an empty operand stack, to the node itself, which
 * re-evaluates the whole expression with full semantics (strings, errors, positions). The
 * fast path only reads variables, so re-evaluating is always equivalent.
 */
final class JitNumeric {
    private static final String DOUBLE = "java/lang/Double";
    private static final String MT_VALUE_OF = "(D)Ljava/lang/Double;";

    private final JitEmitter e;
    private final CodeWriter code;

    JitNumeric(JitEmitter e) {
        this.e = e;
        this.code = e.code;
    }

    static boolean isArithmetic(ExprNode n) {
        return (n instanceof ArithmeticNodes.Binary || n instanceof ArithmeticNodes.Negate) && isNumeric(n);
    }

    /** Whether the fast path applies: arithmetic over variables and number constants only. */
    static boolean isNumeric(ExprNode n) {
        if (n instanceof ConstNode c) {
            return c.value instanceof Double;
        }
        if (n instanceof ArithmeticNodes.Binary b) {
            return isNumeric(b.left) && isNumeric(b.right);
        }
        if (n instanceof ArithmeticNodes.Negate g) {
            return isNumeric(g.operand);
        }
        return n instanceof ReadVarNode;
    }

    boolean comparable(ComparisonNodes.Compare c) {
        if (c instanceof ComparisonNodes.Equal q) {
            return isNumeric(q.left) && isNumeric(q.right) && !bothConst(q.left, q.right);
        }
        if (c instanceof ComparisonNodes.Order o) {
            return isNumeric(o.left) && isNumeric(o.right);
        }
        return false;
    }

    private static boolean bothConst(ExprNode a, ExprNode b) {
        return a instanceof ConstNode && b instanceof ConstNode;
    }

    /** Per-expression locals: a double per variable leaf, read from the frame before computing. */
    private final class Plan implements JitArithmetic.Leaves {
        final Map<ExprNode, Integer> leaves = new IdentityHashMap<>();
        final List<ExprNode> leafOrder = new ArrayList<>();
        final JitArithmetic arith = new JitArithmetic(code, this);

        void collect(ExprNode n) {
            if (n instanceof ReadVarNode r) {
                leaves.put(r, code.allocateLocal(true));
                leafOrder.add(r);
            } else if (n instanceof ArithmeticNodes.Binary b) {
                collect(b.left);
                collect(b.right);
            } else if (n instanceof ArithmeticNodes.Negate g) {
                collect(g.operand);
            }
        }

        @Override
        public int local(ReadVarNode leaf) {
            return leaves.get(leaf);
        }

        /** Reads the leaves (jumping to slowPop with the leaf on the stack when not a number). */
        void loadLeaves(JitEmitter.Ctx ctx, CodeWriter.Label slowPop) {
            for (ExprNode leaf : leafOrder) {
                loadObject(leaf, ctx);
                unboxOr(slowPop);
                code.dstore(leaves.get(leaf));
            }
        }
    }

    /** Pushes a variable leaf's value as an Object. */
    private void loadObject(ExprNode leaf, JitEmitter.Ctx ctx) {
        if (leaf instanceof ReadVarNode.Local l) {
            CodeWriter.Label bound = code.newLabel();
            code.aload(ctx.frame());
            code.getfield(JitEmitter.FRAME, "slots", JitEmitter.D_SLOTS);
            code.iconst(l.slot);
            code.aaload();
            code.dup();
            code.ifnonnull(bound);
            code.pop();
            e.runExpr(leaf, ctx);
            code.bind(bound);
        } else {
            e.runExpr(leaf, ctx);
        }
    }

    /** Object on stack -> double on stack, or jump to slowPop with the Object still there. */
    private void unboxOr(CodeWriter.Label slowPop) {
        code.dup();
        code.instanceOf(DOUBLE);
        code.ifeq(slowPop);
        code.checkcast(DOUBLE);
        code.invokevirtual(DOUBLE, "doubleValue", "()D");
    }

    /** Pushes the boxed value of an arithmetic tree. */
    void value(ExprNode n, JitEmitter.Ctx ctx) {
        CodeWriter.Label slowPop = code.newLabel();
        CodeWriter.Label slow = code.newLabel();
        CodeWriter.Label done = code.newLabel();
        Plan p = new Plan();
        p.collect(n);
        p.loadLeaves(ctx, slowPop);
        p.arith.checkDivisors(n, slow);
        p.arith.compute(n);
        code.invokestatic(DOUBLE, "valueOf", MT_VALUE_OF);
        code.goto_(done);
        code.bind(slowPop);
        code.pop();
        code.bind(slow);
        e.runExpr(n, ctx);
        code.bind(done);
    }

    /** Branches on a comparison of two number trees (see {@link JitEmitter#branch}). */
    void compare(ComparisonNodes.Compare c, boolean when, CodeWriter.Label target, JitEmitter.Ctx ctx) {
        Comparison cmp = Comparison.of(c);
        ExprNode left = cmp.left();
        ExprNode right = cmp.right();
        CodeWriter.Label slowPop = code.newLabel();
        CodeWriter.Label slow = code.newLabel();
        CodeWriter.Label done = code.newLabel();
        Plan p = new Plan();
        p.collect(left);
        p.collect(right);
        p.loadLeaves(ctx, slowPop);
        p.arith.checkDivisors(left, slow);
        p.arith.checkDivisors(right, slow);
        p.arith.compute(left);
        p.arith.compute(right);
        jumpIf(code, cmp.kind(), when, target);
        code.goto_(done);
        code.bind(slowPop);
        code.pop();
        code.bind(slow);
        String type = e.k.load(code, c);
        code.aload(ctx.frame());
        code.invokevirtual(type, "executeCondition", JitEmitter.MT_CONDITION);
        if (when) {
            code.ifne(target);
        } else {
            code.ifeq(target);
        }
        code.bind(done);
    }

    /** A comparison's operands and operator. */
    record Comparison(ExprNode left, ExprNode right, ComparisonNodes.Kind kind) {
        static Comparison of(ExprNode c) {
            if (c instanceof ComparisonNodes.Equal q) {
                return new Comparison(q.left, q.right, q.negate ? ComparisonNodes.Kind.NE : ComparisonNodes.Kind.EQ);
            }
            ComparisonNodes.Order o = (ComparisonNodes.Order) c;
            return new Comparison(o.left, o.right, o.kind);
        }
    }

    /**
     * Compares the two doubles on the stack and jumps to target when (a OP b) == when. dcmpg
     * yields 1 for NaN and dcmpl -1, chosen so the "true" test fails on NaN for the ordering
     * operators; for == and != NaN compares unequal either way.
     */
    static void jumpIf(CodeWriter code, ComparisonNodes.Kind kind, boolean when, CodeWriter.Label target) {
        if (kind == ComparisonNodes.Kind.LT || kind == ComparisonNodes.Kind.LE) {
            code.dcmpg();
        } else {
            code.dcmpl();
        }
        switch (kind) {
            case LT -> { if (when) code.iflt(target); else code.ifge(target); }
            case LE -> { if (when) code.ifle(target); else code.ifgt(target); }
            case GT -> { if (when) code.ifgt(target); else code.ifle(target); }
            case GE -> { if (when) code.ifge(target); else code.iflt(target); }
            case EQ -> { if (when) code.ifeq(target); else code.ifne(target); }
            case NE -> { if (when) code.ifne(target); else code.ifeq(target); }
        }
    }

    /** {@code x op= expr} on a local number with a number expression, without boxing in between. */
    void compoundAssign(CompoundAssignNode c, JitEmitter.Ctx ctx) {
        CodeWriter.Label slowPop = code.newLabel();
        CodeWriter.Label slow = code.newLabel();
        CodeWriter.Label done = code.newLabel();
        code.aload(ctx.frame());
        code.getfield(JitEmitter.FRAME, "slots", JitEmitter.D_SLOTS);
        code.iconst(c.localSlot);
        code.aaload();
        unboxOr(slowPop);
        int cur = code.allocateLocal(true);
        code.dstore(cur);
        Plan p = new Plan();
        p.collect(c.value);
        p.loadLeaves(ctx, slowPop);
        p.arith.compound(c.op, cur, c.value, slow);
        code.invokestatic(DOUBLE, "valueOf", MT_VALUE_OF);
        int boxed = code.allocateLocal(false);
        code.astore(boxed);
        code.aload(ctx.frame());
        code.getfield(JitEmitter.FRAME, "slots", JitEmitter.D_SLOTS);
        code.iconst(c.localSlot);
        code.aload(boxed);
        code.aastore();
        if (c.tail) {
            code.aload(ctx.frame());
            code.aload(boxed);
            code.putfield(JitEmitter.FRAME, "result", JitEmitter.D_OBJECT);
        }
        code.goto_(done);
        code.bind(slowPop);
        code.pop();
        code.bind(slow);
        e.runNode(c, ctx, false);
        code.bind(done);
    }
}
