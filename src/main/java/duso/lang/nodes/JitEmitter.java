package duso.lang.nodes;

import duso.lang.values.Nil;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Writes statements and expressions as bytecode for {@link JitCompiler}.
 *
 * <p>Written out directly: blocks, if, while, numeric for, return/break/continue, assignments,
 * and arithmetic and comparisons over numbers (see {@link JitNumeric}). Everything else runs
 * its node, a constant receiver HotSpot can inline. Where a fast path needs numbers and finds
 * something else, it falls back to the node, which re-evaluates from scratch: the fast paths
 * only read variables, so running the node instead is always equivalent.
 */
final class JitEmitter {
    static final ClassDesc CD_OBJECT = ConstantDescs.CD_Object;
    static final ClassDesc CD_FRAME = JitCompiler.CD_FRAME;
    static final ClassDesc CD_STMT = ClassDesc.of(StmtNode.class.getName());
    static final ClassDesc CD_EXPR = ClassDesc.of(ExprNode.class.getName());
    static final ClassDesc CD_NIL = ClassDesc.of(Nil.class.getName());
    static final ClassDesc CD_BOOLEAN = ClassDesc.of("java.lang.Boolean");
    static final ClassDesc CD_LOOPSCOPE = ClassDesc.of(LoopScope.class.getName());
    static final MethodTypeDesc MT_EXEC = MethodTypeDesc.of(ConstantDescs.CD_int, CD_FRAME);
    static final MethodTypeDesc MT_EXECUTE = MethodTypeDesc.of(CD_OBJECT, CD_FRAME);
    static final MethodTypeDesc MT_CONDITION = MethodTypeDesc.of(ConstantDescs.CD_boolean, CD_FRAME);
    static final MethodTypeDesc MT_STORE = MethodTypeDesc.of(ConstantDescs.CD_void, CD_FRAME, CD_OBJECT);

    final CodeBuilder code;
    final JitCompiler.Constants k;
    /** Local variable holding the compilation root's frame (where return values go). */
    final int rootFrame;
    final JitNumeric numeric;

    /** Where the current statement runs and where break/continue go (null outside loops). */
    record Ctx(int frame, Label breakTo, Label continueTo) {
        boolean inLoop() {
            return breakTo != null;
        }
    }

    JitEmitter(CodeBuilder code, JitCompiler.Constants k, int rootFrame) {
        this.code = code;
        this.k = k;
        this.rootFrame = rootFrame;
        this.numeric = new JitNumeric(this);
    }

    Ctx rootContext() {
        return new Ctx(rootFrame, null, null);
    }

    // ---- statements ----------------------------------------------------------------------

    void stmt(StmtNode s, Ctx ctx) {
        switch (s) {
            case BlockNode b -> block(b, ctx);
            case ExprStmtNode e -> {
                if (e.tail) {
                    code.aload(ctx.frame());
                    expr(e.expr, ctx);
                    code.putfield(CD_FRAME, "result", CD_OBJECT);
                } else {
                    expr(e.expr, ctx);
                    code.pop();
                }
            }
            case AssignNodes.Define d -> {
                int v = valueToLocal(d.value, ctx);
                code.aload(ctx.frame());
                code.getfield(CD_FRAME, "slots", CD_OBJECT.arrayType());
                code.loadConstant(d.slot);
                code.aload(v);
                code.aastore();
                tail(d, ctx, v);
            }
            case AssignNodes.ToVariable a -> storeVia(a, a.value, ctx);
            case AssignNodes.ToIndex a -> storeVia(a, a.value, ctx);
            case AssignNodes.ToProperty a -> storeVia(a, a.value, ctx);
            case CompoundAssignNode c when c.localSlot >= 0 && JitNumeric.isNumeric(c.value) -> numeric.compoundAssign(c, ctx);
            case CompoundAssignNode c -> runNode(c, ctx, false);
            case IncrementNode.Postfix p -> runNode(p, ctx, false);
            case ControlNodes.If i -> ifStatement(i, ctx);
            case ControlNodes.Return r -> {
                code.aload(rootFrame);
                if (r.value == null) {
                    code.getstatic(CD_NIL, "NIL", CD_NIL);
                } else {
                    expr(r.value, ctx);
                }
                code.putfield(CD_FRAME, "returnValue", CD_OBJECT);
                code.loadConstant(StmtNode.RETURN);
                code.ireturn();
            }
            case ControlNodes.Break b -> jumpOrReturn(ctx.breakTo(), StmtNode.BREAK);
            case ControlNodes.Continue c -> jumpOrReturn(ctx.continueTo(), StmtNode.CONTINUE);
            case LoopNodes.While w -> whileLoop(w, ctx, true);
            case LoopNodes.NumericFor f -> numericFor(f, ctx);
            default -> runNode(s, ctx, true);
        }
    }

    private void block(BlockNode b, Ctx ctx) {
        if (b.statements.length == 0 && b.tail) {
            storeResultNil(ctx);
        }
        for (StmtNode s : b.statements) {
            stmt(s, ctx);
        }
    }

    private void storeResultNil(Ctx ctx) {
        code.aload(ctx.frame());
        code.getstatic(CD_NIL, "NIL", CD_NIL);
        code.putfield(CD_FRAME, "result", CD_OBJECT);
    }

    private int valueToLocal(ExprNode value, Ctx ctx) {
        expr(value, ctx);
        int v = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(v);
        return v;
    }

    private void tail(StmtNode s, Ctx ctx, int valueLocal) {
        if (s.tail) {
            code.aload(ctx.frame());
            code.aload(valueLocal);
            code.putfield(CD_FRAME, "result", CD_OBJECT);
        }
    }

    /** Evaluates the value natively, then lets the assignment node store it. */
    private void storeVia(StmtNode node, ExprNode value, Ctx ctx) {
        int v = valueToLocal(value, ctx);
        ClassDesc type = k.load(code, node);
        code.aload(ctx.frame());
        code.aload(v);
        code.invokevirtual(type, "store", MT_STORE);
        tail(node, ctx, v);
    }

    private void jumpOrReturn(Label target, int status) {
        if (target != null) {
            code.goto_(target);
        } else {
            code.loadConstant(status);
            code.ireturn();
        }
    }

    /**
     * Runs a statement node and acts on its completion code: inside a compiled loop, break and
     * continue jump; a return is passed up (its value copied to the root frame first when the
     * node ran in a loop's own frame).
     */
    void runNode(StmtNode s, Ctx ctx, boolean mayComplete) {
        ClassDesc type = k.load(code, s);
        code.aload(ctx.frame());
        code.invokevirtual(type, "exec", MT_EXEC);
        if (!mayComplete) {
            code.pop();
            return;
        }
        int st = code.allocateLocal(TypeKind.INT);
        code.istore(st);
        Label normal = code.newLabel();
        code.iload(st);
        code.ifeq(normal);
        if (ctx.inLoop()) {
            code.iload(st);
            code.loadConstant(StmtNode.BREAK);
            code.if_icmpeq(ctx.breakTo());
            code.iload(st);
            code.loadConstant(StmtNode.CONTINUE);
            code.if_icmpeq(ctx.continueTo());
        }
        if (ctx.frame() != rootFrame) {
            code.aload(rootFrame);
            code.aload(ctx.frame());
            code.getfield(CD_FRAME, "returnValue", CD_OBJECT);
            code.putfield(CD_FRAME, "returnValue", CD_OBJECT);
        }
        code.iload(st);
        code.ireturn();
        code.labelBinding(normal);
    }

    private void ifStatement(ControlNodes.If node, Ctx ctx) {
        Label end = code.newLabel();
        for (int i = 0; i < node.conditions.length; i++) {
            Label next = code.newLabel();
            branch(node.conditions[i], false, next, ctx);
            stmt(node.branches[i], ctx);
            code.goto_(end);
            code.labelBinding(next);
        }
        if (node.otherwise != null) {
            stmt(node.otherwise, ctx);
        } else if (node.tail) {
            storeResultNil(ctx);
        }
        code.labelBinding(end);
    }

    void whileLoop(LoopNodes.While w, Ctx ctx, boolean withPrologue) {
        if (withPrologue && w.tail) {
            storeResultNil(ctx);
        }
        Label head = code.newLabel();
        Label exit = code.newLabel();
        code.labelBinding(head);
        branch(w.condition, false, exit, ctx);
        ClassDesc type = k.load(code, w);
        code.aload(ctx.frame());
        code.invokevirtual(type, "tick", MethodTypeDesc.of(ConstantDescs.CD_void, CD_FRAME));
        stmt(w.body, new Ctx(ctx.frame(), exit, head));
        code.goto_(head);
        code.labelBinding(exit);
    }

    private void numericFor(LoopNodes.NumericFor f, Ctx ctx) {
        ClassDesc type = k.load(code, f);
        int node = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(node);
        MethodTypeDesc boundType = MethodTypeDesc.of(ConstantDescs.CD_long, CD_FRAME);
        int from = code.allocateLocal(TypeKind.LONG);
        int to = code.allocateLocal(TypeKind.LONG);
        int by = code.allocateLocal(TypeKind.LONG);
        code.aload(node);
        code.aload(ctx.frame());
        code.invokevirtual(type, "startOf", boundType);
        code.lstore(from);
        code.aload(node);
        code.aload(ctx.frame());
        code.invokevirtual(type, "endOf", boundType);
        code.lstore(to);
        code.aload(node);
        code.aload(ctx.frame());
        code.invokevirtual(type, "stepOf", boundType);
        code.lstore(by);
        if (f.tail) {
            storeResultNil(ctx);
        }
        int lf = code.allocateLocal(TypeKind.REFERENCE);
        code.aload(node);
        code.aload(ctx.frame());
        code.invokevirtual(type, "enterScope", MethodTypeDesc.of(CD_FRAME, CD_FRAME));
        code.astore(lf);
        forLoop(f, type, node, ctx.frame(), lf, from, to, by);
    }

    /** The {@code resume} entry: continue a running loop from counter i (locals given). */
    void resumeNumericFor(LoopNodes.NumericFor f, int lf, int i, int to, int by) {
        ClassDesc type = k.load(code, f);
        int node = code.allocateLocal(TypeKind.REFERENCE);
        code.astore(node);
        forLoop(f, type, node, rootFrame, lf, i, to, by);
        code.iconst_0();
        code.ireturn();
    }

    private void forLoop(LoopNodes.NumericFor f, ClassDesc type, int node, int frame, int lf, int i, int to, int by) {
        Label head = code.newLabel();
        Label down = code.newLabel();
        Label body = code.newLabel();
        Label step = code.newLabel();
        Label exit = code.newLabel();
        code.labelBinding(head);
        code.lload(by);
        code.lconst_0();
        code.lcmp();
        code.ifle(down);
        code.lload(i);
        code.lload(to);
        code.lcmp();
        code.ifgt(exit);
        code.goto_(body);
        code.labelBinding(down);
        code.lload(i);
        code.lload(to);
        code.lcmp();
        code.iflt(exit);
        code.labelBinding(body);
        code.aload(node);
        code.aload(frame);
        code.invokevirtual(type, "tick", MethodTypeDesc.of(ConstantDescs.CD_void, CD_FRAME));
        code.aload(lf);
        code.getfield(CD_FRAME, "slots", CD_OBJECT.arrayType());
        code.loadConstant(f.varSlot);
        code.lload(i);
        code.invokestatic(ClassDesc.of("duso.lang.values.Numbers"), "box",
                MethodTypeDesc.of(ClassDesc.of("java.lang.Double"), ConstantDescs.CD_long));
        code.aastore();
        stmt(f.body, new Ctx(lf, exit, step));
        code.labelBinding(step);
        code.lload(i);
        code.lload(by);
        code.ladd();
        code.lstore(i);
        code.goto_(head);
        code.labelBinding(exit);
        code.aload(frame);
        code.aload(lf);
        code.invokestatic(CD_LOOPSCOPE, "leave", MethodTypeDesc.of(ConstantDescs.CD_void, CD_FRAME, CD_FRAME));
    }

    // ---- expressions -------------------------------------------------------------------------

    /** Pushes the value of an expression. */
    void expr(ExprNode e, Ctx ctx) {
        if (e instanceof ConstNode c) {
            k.load(code, c.value);
            return;
        }
        if (JitNumeric.isArithmetic(e)) {
            numeric.value(e, ctx);
            return;
        }
        if (e instanceof ComparisonNodes.Compare || e instanceof LogicNodes.Not) {
            Label no = code.newLabel();
            Label done = code.newLabel();
            branch(e, false, no, ctx);
            code.getstatic(CD_BOOLEAN, "TRUE", CD_BOOLEAN);
            code.goto_(done);
            code.labelBinding(no);
            code.getstatic(CD_BOOLEAN, "FALSE", CD_BOOLEAN);
            code.labelBinding(done);
            return;
        }
        runExpr(e, ctx);
    }

    /** Calls the node itself. */
    void runExpr(ExprNode e, Ctx ctx) {
        ClassDesc type = k.load(code, e);
        code.aload(ctx.frame());
        code.invokevirtual(type, "execute", MT_EXECUTE);
    }

    /** Jumps to target when the truthiness of e equals {@code when}; falls through otherwise. */
    void branch(ExprNode e, boolean when, Label target, Ctx ctx) {
        switch (e) {
            case ConstNode c -> {
                if (c.truthy == when) {
                    code.goto_(target);
                }
            }
            case LogicNodes.Not n -> branch(n.operand, !when, target, ctx);
            case LogicNodes.And a -> {
                if (when) {
                    Label skip = code.newLabel();
                    branch(a.left, false, skip, ctx);
                    branch(a.right, true, target, ctx);
                    code.labelBinding(skip);
                } else {
                    branch(a.left, false, target, ctx);
                    branch(a.right, false, target, ctx);
                }
            }
            case LogicNodes.Or o -> {
                if (when) {
                    branch(o.left, true, target, ctx);
                    branch(o.right, true, target, ctx);
                } else {
                    Label skip = code.newLabel();
                    branch(o.left, true, skip, ctx);
                    branch(o.right, false, target, ctx);
                    code.labelBinding(skip);
                }
            }
            case ComparisonNodes.Compare c when numeric.comparable(c) -> numeric.compare(c, when, target, ctx);
            default -> {
                ClassDesc type = k.load(code, e);
                code.aload(ctx.frame());
                code.invokevirtual(type, "executeCondition", MT_CONDITION);
                if (when) {
                    code.ifne(target);
                } else {
                    code.ifeq(target);
                }
            }
        }
    }
}
