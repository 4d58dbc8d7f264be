package duso.lang.nodes;

import duso.lang.values.Nil;

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
    static final String FRAME = JitCompiler.FRAME;
    static final String D_FRAME = JitCompiler.D_FRAME;
    static final String D_OBJECT = "Ljava/lang/Object;";
    static final String D_SLOTS = "[Ljava/lang/Object;";
    static final String NIL = "duso/lang/values/Nil";
    static final String D_NIL = "L" + NIL + ";";
    static final String BOOLEAN = "java/lang/Boolean";
    static final String D_BOOLEAN = "L" + BOOLEAN + ";";
    static final String LOOPSCOPE = "duso/lang/nodes/LoopScope";
    static final String MT_EXEC = "(" + D_FRAME + ")I";
    static final String MT_EXECUTE = "(" + D_FRAME + ")" + D_OBJECT;
    static final String MT_CONDITION = "(" + D_FRAME + ")Z";
    static final String MT_STORE = "(" + D_FRAME + D_OBJECT + ")V";
    static final String MT_TICK = "(" + D_FRAME + ")V";

    final CodeWriter code;
    final JitCompiler.Constants k;
    /** Local variable holding the compilation root's frame (where return values go). */
    final int rootFrame;
    final JitNumeric numeric;

    /** Where the current statement runs and where break/continue go (null outside loops). */
    record Ctx(int frame, CodeWriter.Label breakTo, CodeWriter.Label continueTo) {
        boolean inLoop() {
            return breakTo != null;
        }
    }

    /** Whether number loops get registers ({@link JitRegion}); off to retry a method that grew too big. */
    final boolean regions;

    JitEmitter(CodeWriter code, JitCompiler.Constants k, int rootFrame, boolean regions) {
        this.code = code;
        this.k = k;
        this.rootFrame = rootFrame;
        this.regions = regions;
        this.numeric = new JitNumeric(this);
    }

    Ctx rootContext() {
        return new Ctx(rootFrame, null, null);
    }

    // ---- statements ----------------------------------------------------------------------

    void stmt(StmtNode s, Ctx ctx) {
        // instanceof chains rather than a pattern switch: a type switch is an invokedynamic
        // whose first bootstrap costs milliseconds on a cold JVM.
        if (s instanceof BlockNode b) {
            block(b, ctx);
        } else if (s instanceof ExprStmtNode e) {
            if (e.tail) {
                code.aload(ctx.frame());
                expr(e.expr, ctx);
                code.putfield(FRAME, "result", D_OBJECT);
            } else {
                expr(e.expr, ctx);
                code.pop();
            }
        } else if (s instanceof AssignNodes.Define d) {
            int v = valueToLocal(d.value, ctx);
            code.aload(ctx.frame());
            code.getfield(FRAME, "slots", D_SLOTS);
            code.iconst(d.slot);
            code.aload(v);
            code.aastore();
            tail(d, ctx, v);
        } else if (s instanceof AssignNodes.ToVariable a) {
            storeVia(a, a.value, ctx);
        } else if (s instanceof AssignNodes.ToIndex a) {
            storeVia(a, a.value, ctx);
        } else if (s instanceof AssignNodes.ToProperty a) {
            storeVia(a, a.value, ctx);
        } else if (s instanceof CompoundAssignNode c) {
            if (c.localSlot >= 0 && JitNumeric.isNumeric(c.value)) {
                numeric.compoundAssign(c, ctx);
            } else {
                runNode(c, ctx, false);
            }
        } else if (s instanceof IncrementNode.Postfix p) {
            runNode(p, ctx, false);
        } else if (s instanceof ControlNodes.If i) {
            ifStatement(i, ctx);
        } else if (s instanceof ControlNodes.Return r) {
            code.aload(rootFrame);
            if (r.value == null) {
                code.getstatic(NIL, "NIL", D_NIL);
            } else {
                expr(r.value, ctx);
            }
            code.putfield(FRAME, "returnValue", D_OBJECT);
            code.iconst(StmtNode.RETURN);
            code.ireturn();
        } else if (s instanceof ControlNodes.Break) {
            jumpOrReturn(ctx.breakTo(), StmtNode.BREAK);
        } else if (s instanceof ControlNodes.Continue) {
            jumpOrReturn(ctx.continueTo(), StmtNode.CONTINUE);
        } else if (s instanceof LoopNodes.While w) {
            whileLoop(w, ctx, true);
        } else if (s instanceof LoopNodes.NumericFor f) {
            numericFor(f, ctx);
        } else {
            runNode(s, ctx, true);
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
        code.getstatic(NIL, "NIL", D_NIL);
        code.putfield(FRAME, "result", D_OBJECT);
    }

    private int valueToLocal(ExprNode value, Ctx ctx) {
        expr(value, ctx);
        int v = code.allocateLocal(false);
        code.astore(v);
        return v;
    }

    private void tail(StmtNode s, Ctx ctx, int valueLocal) {
        if (s.tail) {
            code.aload(ctx.frame());
            code.aload(valueLocal);
            code.putfield(FRAME, "result", D_OBJECT);
        }
    }

    /** Evaluates the value natively, then lets the assignment node store it. */
    private void storeVia(StmtNode node, ExprNode value, Ctx ctx) {
        int v = valueToLocal(value, ctx);
        String type = k.load(code, node);
        code.aload(ctx.frame());
        code.aload(v);
        code.invokevirtual(type, "store", MT_STORE);
        tail(node, ctx, v);
    }

    private void jumpOrReturn(CodeWriter.Label target, int status) {
        if (target != null) {
            code.goto_(target);
        } else {
            code.iconst(status);
            code.ireturn();
        }
    }

    /**
     * Runs a statement node and acts on its completion code: inside a compiled loop, break and
     * continue jump; a return is passed up (its value copied to the root frame first when the
     * node ran in a loop's own frame).
     */
    void runNode(StmtNode s, Ctx ctx, boolean mayComplete) {
        String type = k.load(code, s);
        code.aload(ctx.frame());
        code.invokevirtual(type, "exec", MT_EXEC);
        if (!mayComplete) {
            code.pop();
            return;
        }
        handleStatus(ctx);
    }

    /**
     * Acts on the completion code on the stack: inside a compiled loop, break and continue
     * jump; a return is passed up (its value copied to the root frame first when the node ran
     * in a loop's own frame); normal completion falls through.
     */
    void handleStatus(Ctx ctx) {
        int st = code.allocateLocal(false);
        code.istore(st);
        CodeWriter.Label normal = code.newLabel();
        code.iload(st);
        code.ifeq(normal);
        if (ctx.inLoop()) {
            code.iload(st);
            code.iconst(StmtNode.BREAK);
            code.ifIcmpeq(ctx.breakTo());
            code.iload(st);
            code.iconst(StmtNode.CONTINUE);
            code.ifIcmpeq(ctx.continueTo());
        }
        if (ctx.frame() != rootFrame) {
            code.aload(rootFrame);
            code.aload(ctx.frame());
            code.getfield(FRAME, "returnValue", D_OBJECT);
            code.putfield(FRAME, "returnValue", D_OBJECT);
        }
        code.iload(st);
        code.ireturn();
        code.bind(normal);
    }

    private void ifStatement(ControlNodes.If node, Ctx ctx) {
        CodeWriter.Label end = code.newLabel();
        for (int i = 0; i < node.conditions.length; i++) {
            CodeWriter.Label next = code.newLabel();
            branch(node.conditions[i], false, next, ctx);
            stmt(node.branches[i], ctx);
            code.goto_(end);
            code.bind(next);
        }
        if (node.otherwise != null) {
            stmt(node.otherwise, ctx);
        } else if (node.tail) {
            storeResultNil(ctx);
        }
        code.bind(end);
    }

    void whileLoop(LoopNodes.While w, Ctx ctx, boolean withPrologue) {
        if (withPrologue && w.tail) {
            storeResultNil(ctx);
        }
        RegionPlan plan = regionPlan(w);
        if (plan == null) {
            genericWhile(w, ctx);
            return;
        }
        CodeWriter.Label interpret = code.newLabel();
        CodeWriter.Label done = code.newLabel();
        JitRegion region = new JitRegion(this, plan, ctx.frame());
        region.enter(interpret);
        region.outerWhile(w);
        code.goto_(done);
        // A variable did not hold a number on entry: this run of the loop is interpreted.
        code.bind(interpret);
        String type = k.load(code, w);
        code.aload(ctx.frame()).invokevirtual(type, "interpret", MT_EXEC);
        handleStatus(new Ctx(ctx.frame(), null, null));
        code.bind(done);
    }

    private void genericWhile(LoopNodes.While w, Ctx ctx) {
        CodeWriter.Label head = code.newLabel();
        CodeWriter.Label exit = code.newLabel();
        code.bind(head);
        branch(w.condition, false, exit, ctx);
        String type = k.load(code, w);
        code.aload(ctx.frame());
        code.invokevirtual(type, "tick", MT_TICK);
        stmt(w.body, new Ctx(ctx.frame(), exit, head));
        code.goto_(head);
        code.bind(exit);
    }

    private void numericFor(LoopNodes.NumericFor f, Ctx ctx) {
        String type = k.load(code, f);
        int node = code.allocateLocal(false);
        code.astore(node);
        String boundType = "(" + D_FRAME + ")J";
        int from = code.allocateLocal(true);
        int to = code.allocateLocal(true);
        int by = code.allocateLocal(true);
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
        int lf = code.allocateLocal(false);
        code.aload(node);
        code.aload(ctx.frame());
        code.invokevirtual(type, "enterScope", "(" + D_FRAME + ")" + D_FRAME);
        code.astore(lf);
        forLoop(f, type, node, ctx.frame(), lf, from, to, by);
    }

    /** The {@code resume} entry: continue a running loop from counter i (locals given). */
    void resumeNumericFor(LoopNodes.NumericFor f, int lf, int i, int to, int by) {
        String type = k.load(code, f);
        int node = code.allocateLocal(false);
        code.astore(node);
        forLoop(f, type, node, rootFrame, lf, i, to, by);
        code.iconst(0);
        code.ireturn();
    }

    private void forLoop(LoopNodes.NumericFor f, String type, int node, int frame, int lf, int i, int to, int by) {
        RegionPlan plan = regionPlan(f);
        if (plan == null) {
            genericFor(f, type, node, frame, lf, i, to, by);
            return;
        }
        // A flat scope: lf is the enclosing frame, so leaving the scope has nothing to copy.
        CodeWriter.Label interpret = code.newLabel();
        CodeWriter.Label done = code.newLabel();
        JitRegion region = new JitRegion(this, plan, lf);
        region.enter(interpret);
        region.outerFor(f, i, to, by);
        code.goto_(done);
        // A variable did not hold a number on entry: the rest of this run is interpreted.
        code.bind(interpret);
        code.aload(node).aload(frame).aload(lf).lload(i).lload(to).lload(by);
        code.invokevirtual(type, "interpretFrom", "(" + D_FRAME + D_FRAME + "JJJ)I");
        handleStatus(new Ctx(frame, null, null));
        code.bind(done);
    }

    /** The loop's register plan, or null (regions off for this compilation, or not a number loop). */
    private RegionPlan regionPlan(StmtNode loop) {
        return regions ? RegionPlan.of(loop) : null;
    }

    private void genericFor(LoopNodes.NumericFor f, String type, int node, int frame, int lf, int i, int to, int by) {
        CodeWriter.Label head = code.newLabel();
        CodeWriter.Label down = code.newLabel();
        CodeWriter.Label body = code.newLabel();
        CodeWriter.Label step = code.newLabel();
        CodeWriter.Label exit = code.newLabel();
        code.bind(head);
        code.lload(by);
        code.lconst0();
        code.lcmp();
        code.ifle(down);
        code.lload(i);
        code.lload(to);
        code.lcmp();
        code.ifgt(exit);
        code.goto_(body);
        code.bind(down);
        code.lload(i);
        code.lload(to);
        code.lcmp();
        code.iflt(exit);
        code.bind(body);
        code.aload(node);
        code.aload(frame);
        code.invokevirtual(type, "tick", MT_TICK);
        code.aload(lf);
        code.getfield(FRAME, "slots", D_SLOTS);
        code.iconst(f.varSlot);
        code.lload(i);
        code.invokestatic("duso/lang/values/Numbers", "box", "(J)Ljava/lang/Double;");
        code.aastore();
        stmt(f.body, new Ctx(lf, exit, step));
        code.bind(step);
        code.lload(i);
        code.lload(by);
        code.ladd();
        code.lstore(i);
        code.goto_(head);
        code.bind(exit);
        code.aload(frame);
        code.aload(lf);
        code.invokestatic(LOOPSCOPE, "leave", "(" + D_FRAME + D_FRAME + ")V");
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
            CodeWriter.Label no = code.newLabel();
            CodeWriter.Label done = code.newLabel();
            branch(e, false, no, ctx);
            code.getstatic(BOOLEAN, "TRUE", D_BOOLEAN);
            code.goto_(done);
            code.bind(no);
            code.getstatic(BOOLEAN, "FALSE", D_BOOLEAN);
            code.bind(done);
            return;
        }
        runExpr(e, ctx);
    }

    /** Calls the node itself. */
    void runExpr(ExprNode e, Ctx ctx) {
        String type = k.load(code, e);
        code.aload(ctx.frame());
        code.invokevirtual(type, "execute", MT_EXECUTE);
    }

    /** Jumps to target when the truthiness of e equals {@code when}; falls through otherwise. */
    void branch(ExprNode e, boolean when, CodeWriter.Label target, Ctx ctx) {
        if (e instanceof ConstNode c) {
            if (c.truthy == when) {
                code.goto_(target);
            }
        } else if (e instanceof LogicNodes.Not n) {
            branch(n.operand, !when, target, ctx);
        } else if (e instanceof LogicNodes.And a) {
            if (when) {
                CodeWriter.Label skip = code.newLabel();
                branch(a.left, false, skip, ctx);
                branch(a.right, true, target, ctx);
                code.bind(skip);
            } else {
                branch(a.left, false, target, ctx);
                branch(a.right, false, target, ctx);
            }
        } else if (e instanceof LogicNodes.Or o) {
            if (when) {
                branch(o.left, true, target, ctx);
                branch(o.right, true, target, ctx);
            } else {
                CodeWriter.Label skip = code.newLabel();
                branch(o.left, true, skip, ctx);
                branch(o.right, false, target, ctx);
                code.bind(skip);
            }
        } else if (e instanceof ComparisonNodes.Compare c && numeric.comparable(c)) {
            numeric.compare(c, when, target, ctx);
        } else {
            String type = k.load(code, e);
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
