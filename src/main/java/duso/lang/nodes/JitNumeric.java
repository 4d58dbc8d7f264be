package duso.lang.nodes;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
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
    private static final ClassDesc CD_DOUBLE = ClassDesc.of("java.lang.Double");
    private static final ClassDesc CD_OPS = ClassDesc.of(Ops.class.getName());
    private static final MethodTypeDesc MT_GOINT64 = MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double);

    private final JitEmitter e;
    private final CodeBuilder code;

    JitNumeric(JitEmitter e) {
        this.e = e;
        this.code = e.code;
    }

    static boolean isArithmetic(ExprNode n) {
        return (n instanceof ArithmeticNodes.Binary || n instanceof ArithmeticNodes.Negate) && isNumeric(n);
    }

    /** Whether the fast path applies: arithmetic over variables and number constants only. */
    static boolean isNumeric(ExprNode n) {
        return switch (n) {
            case ConstNode c -> c.value instanceof Double;
            case ReadVarNode r -> true;
            case ArithmeticNodes.Binary b -> isNumeric(b.left) && isNumeric(b.right);
            case ArithmeticNodes.Negate g -> isNumeric(g.operand);
            default -> false;
        };
    }

    boolean comparable(ComparisonNodes.Compare c) {
        return switch (c) {
            case ComparisonNodes.Equal q -> isNumeric(q.left) && isNumeric(q.right) && !bothConst(q.left, q.right);
            case ComparisonNodes.Order o -> isNumeric(o.left) && isNumeric(o.right);
            default -> false;
        };
    }

    private static boolean bothConst(ExprNode a, ExprNode b) {
        return a instanceof ConstNode && b instanceof ConstNode;
    }

    /** Per-expression locals: a double per variable leaf, a double/long per divisor. */
    private final class Plan {
        final Map<ExprNode, Integer> leaves = new IdentityHashMap<>();
        final Map<ExprNode, Integer> divisors = new IdentityHashMap<>();
        final List<ExprNode> leafOrder = new ArrayList<>();
        final List<ArithmeticNodes.Binary> divOrder = new ArrayList<>();

        void collect(ExprNode n) {
            switch (n) {
                case ReadVarNode r -> {
                    leaves.put(r, code.allocateLocal(TypeKind.DOUBLE));
                    leafOrder.add(r);
                }
                case ArithmeticNodes.Binary b -> {
                    collect(b.left);
                    collect(b.right);
                    if (b instanceof ArithmeticNodes.Div || b instanceof ArithmeticNodes.Mod) {
                        divOrder.add(b);
                    }
                }
                case ArithmeticNodes.Negate g -> collect(g.operand);
                default -> { }
            }
        }

        /** Reads the leaves (jumping to slowPop with the leaf on the stack when not a number). */
        void loadLeaves(JitEmitter.Ctx ctx, Label slowPop) {
            for (ExprNode leaf : leafOrder) {
                loadObject(leaf, ctx);
                unboxOr(slowPop);
                code.dstore(leaves.get(leaf));
            }
        }

        /** Computes and checks every divisor (jumping to slow, stack empty, when it is zero). */
        void checkDivisors(Label slow) {
            for (ArithmeticNodes.Binary b : divOrder) {
                compute(b.right);
                if (b instanceof ArithmeticNodes.Div) {
                    int d = code.allocateLocal(TypeKind.DOUBLE);
                    code.dup2();
                    code.dstore(d);
                    code.dconst_0();
                    code.dcmpl();
                    code.ifeq(slow);
                    divisors.put(b, d);
                } else {
                    code.invokestatic(CD_OPS, "goInt64", MT_GOINT64);
                    int l = code.allocateLocal(TypeKind.LONG);
                    code.dup2();
                    code.lstore(l);
                    code.lconst_0();
                    code.lcmp();
                    code.ifeq(slow);
                    divisors.put(b, l);
                }
            }
        }

        /** Pushes the double value of n from the prepared locals. */
        void compute(ExprNode n) {
            switch (n) {
                case ConstNode c -> code.loadConstant((Double) c.value);
                case ReadVarNode r -> code.dload(leaves.get(r));
                case ArithmeticNodes.Add a -> binary(a, () -> code.dadd());
                case ArithmeticNodes.Sub s -> binary(s, () -> code.dsub());
                case ArithmeticNodes.Mul m -> binary(m, () -> code.dmul());
                case ArithmeticNodes.Div d -> {
                    compute(d.left);
                    code.dload(divisors.get(d));
                    code.ddiv();
                }
                case ArithmeticNodes.Mod m -> {
                    compute(m.left);
                    code.invokestatic(CD_OPS, "goInt64", MT_GOINT64);
                    code.lload(divisors.get(m));
                    code.lrem();
                    code.l2d();
                }
                case ArithmeticNodes.Negate g -> {
                    compute(g.operand);
                    code.dneg();
                }
                default -> throw new IllegalStateException("not numeric: " + n);
            }
        }

        private void binary(ArithmeticNodes.Binary b, Runnable op) {
            compute(b.left);
            compute(b.right);
            op.run();
        }
    }

    /** Pushes a variable leaf's value as an Object. */
    private void loadObject(ExprNode leaf, JitEmitter.Ctx ctx) {
        if (leaf instanceof ReadVarNode.Local l) {
            Label bound = code.newLabel();
            code.aload(ctx.frame());
            code.getfield(JitEmitter.CD_FRAME, "slots", JitEmitter.CD_OBJECT.arrayType());
            code.loadConstant(l.slot);
            code.aaload();
            code.dup();
            code.ifnonnull(bound);
            code.pop();
            e.runExpr(leaf, ctx);
            code.labelBinding(bound);
        } else {
            e.runExpr(leaf, ctx);
        }
    }

    /** Object on stack -> double on stack, or jump to slowPop with the Object still there. */
    private void unboxOr(Label slowPop) {
        code.dup();
        code.instanceOf(CD_DOUBLE);
        code.ifeq(slowPop);
        code.checkcast(CD_DOUBLE);
        code.invokevirtual(CD_DOUBLE, "doubleValue", MethodTypeDesc.of(ConstantDescs.CD_double));
    }

    /** Pushes the boxed value of an arithmetic tree. */
    void value(ExprNode n, JitEmitter.Ctx ctx) {
        Label slowPop = code.newLabel();
        Label slow = code.newLabel();
        Label done = code.newLabel();
        Plan p = new Plan();
        p.collect(n);
        p.loadLeaves(ctx, slowPop);
        p.checkDivisors(slow);
        p.compute(n);
        code.invokestatic(CD_DOUBLE, "valueOf", MethodTypeDesc.of(CD_DOUBLE, ConstantDescs.CD_double));
        code.goto_(done);
        code.labelBinding(slowPop);
        code.pop();
        code.labelBinding(slow);
        e.runExpr(n, ctx);
        code.labelBinding(done);
    }

    /** Branches on a comparison of two number trees (see {@link JitEmitter#branch}). */
    void compare(ComparisonNodes.Compare c, boolean when, Label target, JitEmitter.Ctx ctx) {
        ExprNode left;
        ExprNode right;
        ComparisonNodes.Kind kind;
        if (c instanceof ComparisonNodes.Equal q) {
            left = q.left;
            right = q.right;
            kind = q.negate ? ComparisonNodes.Kind.NE : ComparisonNodes.Kind.EQ;
        } else {
            ComparisonNodes.Order o = (ComparisonNodes.Order) c;
            left = o.left;
            right = o.right;
            kind = o.kind;
        }
        Label slowPop = code.newLabel();
        Label slow = code.newLabel();
        Label done = code.newLabel();
        Plan p = new Plan();
        p.collect(left);
        p.collect(right);
        p.loadLeaves(ctx, slowPop);
        p.checkDivisors(slow);
        p.compute(left);
        p.compute(right);
        // Each comparison jumps to target when (a OP b) == when; NaN makes every ordering false.
        switch (kind) {
            case LT -> cmp(true, when, target, Cond.LT);
            case LE -> cmp(true, when, target, Cond.LE);
            case GT -> cmp(false, when, target, Cond.GT);
            case GE -> cmp(false, when, target, Cond.GE);
            case EQ -> cmp(false, when, target, Cond.EQ);
            case NE -> cmp(false, when, target, Cond.NE);
        }
        code.goto_(done);
        code.labelBinding(slowPop);
        code.pop();
        code.labelBinding(slow);
        ClassDesc type = e.k.load(code, c);
        code.aload(ctx.frame());
        code.invokevirtual(type, "executeCondition", JitEmitter.MT_CONDITION);
        if (when) {
            code.ifne(target);
        } else {
            code.ifeq(target);
        }
        code.labelBinding(done);
    }

    private enum Cond { LT, LE, GT, GE, EQ, NE }

    /**
     * dcmpg yields 1 for NaN and dcmpl -1, chosen so the "true" test fails on NaN for the
     * ordering operators; for == and != NaN compares unequal either way.
     */
    private void cmp(boolean useG, boolean when, Label target, Cond cond) {
        if (useG) {
            code.dcmpg();
        } else {
            code.dcmpl();
        }
        switch (cond) {
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
        Label slowPop = code.newLabel();
        Label slow = code.newLabel();
        Label done = code.newLabel();
        code.aload(ctx.frame());
        code.getfield(JitEmitter.CD_FRAME, "slots", JitEmitter.CD_OBJECT.arrayType());
        code.loadConstant(c.localSlot);
        code.aaload();
        unboxOr(slowPop);
        int cur = code.allocateLocal(TypeKind.DOUBLE);
        code.dstore(cur);
        Plan p = new Plan();
        p.collect(c.value);
        p.loadLeaves(ctx, slowPop);
        p.checkDivisors(slow);
        p.compute(c.value);
        int rhs = code.allocateLocal(TypeKind.DOUBLE);
        code.dstore(rhs);
        switch (c.op) {
            case ADD -> { code.dload(cur); code.dload(rhs); code.dadd(); }
            case SUB -> { code.dload(cur); code.dload(rhs); code.dsub(); }
            case MUL -> { code.dload(cur); code.dload(rhs); code.dmul(); }
            case DIV -> {
                code.dload(rhs);
                code.dconst_0();
                code.dcmpl();
                code.ifeq(slow);
                code.dload(cur);
                code.dload(rhs);
                code.ddiv();
            }
            case MOD -> {
                code.dload(rhs);
                code.invokestatic(CD_OPS, "goInt64", MT_GOINT64);
                int y = code.allocateLocal(TypeKind.LONG);
                code.lstore(y);
                code.lload(y);
                code.lconst_0();
                code.lcmp();
                code.ifeq(slow);
                code.dload(cur);
                code.invokestatic(CD_OPS, "goInt64", MT_GOINT64);
                code.lload(y);
                code.lrem();
                code.l2d();
            }
        }
        code.invokestatic(CD_DOUBLE, "valueOf", MethodTypeDesc.of(CD_DOUBLE, ConstantDescs.CD_double));
        int boxed = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(boxed);
        code.aload(ctx.frame());
        code.getfield(JitEmitter.CD_FRAME, "slots", JitEmitter.CD_OBJECT.arrayType());
        code.loadConstant(c.localSlot);
        code.aload(boxed);
        code.aastore();
        if (c.tail) {
            code.aload(ctx.frame());
            code.aload(boxed);
            code.putfield(JitEmitter.CD_FRAME, "result", JitEmitter.CD_OBJECT);
        }
        code.goto_(done);
        code.labelBinding(slowPop);
        code.pop();
        code.labelBinding(slow);
        e.runNode(c, ctx, false);
        code.labelBinding(done);
    }
}
