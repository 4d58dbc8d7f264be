package duso.lang.nodes;

import duso.lang.values.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a loop that {@link RegionPlan} accepted with each of its variables in a {@code double}
 * local: no boxing, no frame access, nothing HotSpot cannot keep in machine registers.
 *
 * <p>On entry the live-in variables are unboxed (a variable holding anything but a number sends
 * that run of the loop to the interpreter instead). The frame is brought up to date ("spilled":
 * each assigned variable boxed into its slot) whenever control leaves the region: at the end of
 * the loop, on return, before an interrupt check throws, and before a zero divisor sends an
 * expression to its node, which re-evaluates it from the frame and raises the reference's error.
 * A variable the loop may not have assigned (one first defined inside it) carries an int flag so
 * the spill never binds a name the interpreter would have left unbound.
 */
final class JitRegion implements JitArithmetic.Leaves {
    private static final String FRAME = JitCompiler.FRAME;
    private static final String D_FRAME = JitCompiler.D_FRAME;
    private static final String INTERP = "duso/lang/nodes/Interp";
    private static final String DOUBLE = "java/lang/Double";

    private final JitEmitter e;
    private final CodeWriter code;
    private final RegionPlan plan;
    /** Local holding the frame whose slots the loop uses. */
    private final int frame;
    private final int slots;
    private final int interp;
    /** Iterations left until the next interrupt check. */
    private final int countdown;
    private static final int CHECK_EVERY = 1024;
    /** Slot -> double local. */
    private final int[] reg;
    /** Slot -> int local "assigned since entry", or -1 for a slot that always holds a number. */
    private final int[] assignedFlag;
    /** Slow paths: their nodes, raised after the loop's one shared spill. */
    private final List<Slow> deferred = new ArrayList<>();
    private final CodeWriter.Label sharedSlowPath;
    /** Local: which slow path was taken. */
    private final int which;

    private record Targets(CodeWriter.Label breakTo, CodeWriter.Label continueTo) {}

    JitRegion(JitEmitter e, RegionPlan plan, int frame) {
        this.e = e;
        this.code = e.code;
        this.plan = plan;
        this.frame = frame;
        this.slots = code.allocateLocal(false);
        this.interp = code.allocateLocal(false);
        this.countdown = code.allocateLocal(false);
        this.which = code.allocateLocal(false);
        this.sharedSlowPath = code.newLabel();
        int n = plan.touched.length();
        reg = new int[n];
        assignedFlag = new int[n];
        for (int s = 0; s < n; s++) {
            reg[s] = plan.touched.get(s) ? code.allocateLocal(true) : -1;
            assignedFlag[s] = plan.written.get(s) && !plan.liveIn.get(s) ? code.allocateLocal(false) : -1;
        }
    }

    // ---- entry and exit --------------------------------------------------------------------------

    /** Loads the registers; jumps to {@code fallback} (empty stack) when a live-in slot holds no number. */
    void enter(CodeWriter.Label fallback) {
        code.aload(frame).getfield(FRAME, "slots", JitEmitter.D_SLOTS).astore(slots);
        code.aload(frame).getfield(FRAME, "interp", "L" + INTERP + ";").astore(interp);
        code.iconst(1).istore(countdown);
        CodeWriter.Label notNumber = code.newLabel();
        CodeWriter.Label start = code.newLabel();
        for (int s = plan.liveIn.nextSetBit(0); s >= 0; s = plan.liveIn.nextSetBit(s + 1)) {
            code.aload(slots).iconst(s).aaload();
            code.dup().instanceOf(DOUBLE).ifeq(notNumber);
            code.checkcast(DOUBLE).invokevirtual(DOUBLE, "doubleValue", "()D").dstore(reg[s]);
        }
        for (int s = 0; s < reg.length; s++) {
            if (reg[s] >= 0 && !plan.liveIn.get(s)) {
                code.dconst0().dstore(reg[s]);
            }
            if (assignedFlag[s] >= 0) {
                code.iconst(0).istore(assignedFlag[s]);
            }
        }
        code.goto_(start);
        code.bind(notNumber);
        code.pop();
        code.goto_(fallback);
        code.bind(start);
    }

    /** Writes the assigned variables back to the frame. */
    private void spill() {
        for (int s = plan.written.nextSetBit(0); s >= 0; s = plan.written.nextSetBit(s + 1)) {
            CodeWriter.Label skip = null;
            if (assignedFlag[s] >= 0) {
                skip = code.newLabel();
                code.iload(assignedFlag[s]).ifeq(skip);
            }
            code.aload(slots).iconst(s).dload(reg[s]);
            code.invokestatic("duso/lang/values/Numbers", "box", "(D)Ljava/lang/Double;");
            code.aastore();
            if (skip != null) {
                code.bind(skip);
            }
        }
    }

    /**
     * Ends the region: spill, then the slow paths. They share one spill (the code would otherwise
     * grow by a spill per division): each sets {@link #which} and jumps here, and after the spill
     * the one it named lets its node raise the error.
     */
    private void leave() {
        spill();
        CodeWriter.Label after = code.newLabel();
        code.goto_(after);
        if (!deferred.isEmpty()) {
            for (int i = 0; i < deferred.size(); i++) {
                code.bind(deferred.get(i).label());
                code.iconst(i).istore(which).goto_(sharedSlowPath);
            }
            code.bind(sharedSlowPath);
            spill();
            CodeWriter.Label[] raise = new CodeWriter.Label[deferred.size()];
            for (int i = 0; i < raise.length; i++) {
                raise[i] = code.newLabel();
                code.iload(which).iconst(i).ifIcmpeq(raise[i]);
            }
            unreachable();
            for (int i = 0; i < raise.length; i++) {
                code.bind(raise[i]);
                raise(deferred.get(i));
                unreachable();
            }
        }
        code.bind(after);
    }

    /** How a slow path lets its node raise the error: run the statement, the condition or the bounds. */
    private enum Raise { STATEMENT, CONDITION, BOUNDS }

    private record Slow(CodeWriter.Label label, Object node, Raise raise) {}

    /** A label (reached with an empty stack) that spills and lets the node raise its error. */
    private CodeWriter.Label slowPath(Object node, Raise raise) {
        CodeWriter.Label l = code.newLabel();
        deferred.add(new Slow(l, node, raise));
        return l;
    }

    private void raise(Slow s) {
        if (s.raise() == Raise.STATEMENT) {
            String type = e.k.load(code, s.node());
            code.aload(frame).invokevirtual(type, "exec", JitEmitter.MT_EXEC).pop();
        } else if (s.raise() == Raise.CONDITION) {
            String type = e.k.load(code, s.node());
            code.aload(frame).invokevirtual(type, "executeCondition", JitEmitter.MT_CONDITION).pop();
        } else {
            // Bounds are checked in the interpreter's order; the first bad one throws.
            for (String bound : new String[] {"startOf", "endOf", "stepOf"}) {
                String type = e.k.load(code, s.node());
                code.aload(frame).invokevirtual(type, bound, "(" + D_FRAME + ")J").pop2();
            }
        }
    }

    /** The node called just before has thrown; this only satisfies the verifier. */
    private void unreachable() {
        code.invokestatic(JitCompiler.COMPILED, "unreachable", "()Ljava/lang/IllegalStateException;");
        code.athrow();
    }

    private CodeWriter.Label slowStatement(StmtNode s) {
        return slowPath(s, Raise.STATEMENT);
    }

    // ---- the outermost loop --------------------------------------------------------------------------

    /** The loop the region starts at: a numeric for whose counter, end and step are in long locals. */
    void outerFor(LoopNodes.NumericFor f, int i, int to, int by) {
        CodeWriter.Label exit = code.newLabel();
        forLoop(f, i, to, by, exit);
        code.bind(exit);
        leave();
    }

    void outerWhile(LoopNodes.While w) {
        CodeWriter.Label exit = code.newLabel();
        whileLoop(w, exit);
        code.bind(exit);
        leave();
    }

    // ---- loops ---------------------------------------------------------------------------------------

    private void forLoop(LoopNodes.NumericFor f, int i, int to, int by, CodeWriter.Label exit) {
        CodeWriter.Label head = code.newLabel();
        CodeWriter.Label step = code.newLabel();
        code.bind(head);
        int sign = stepSign(f);
        if (sign > 0) {
            code.lload(i).lload(to).lcmp().ifgt(exit);
        } else if (sign < 0) {
            code.lload(i).lload(to).lcmp().iflt(exit);
        } else {
            CodeWriter.Label down = code.newLabel();
            CodeWriter.Label body = code.newLabel();
            code.lload(by).lconst0().lcmp().ifle(down);
            code.lload(i).lload(to).lcmp().ifgt(exit);
            code.goto_(body);
            code.bind(down);
            code.lload(i).lload(to).lcmp().iflt(exit);
            code.bind(body);
        }
        pass(f, i, false, exit, step);
        code.lload(i).lload(by).ladd().lstore(i);
        code.goto_(head);
    }

    /**
     * One pass of a numeric for up to the label {@code next}, where the counter (an int or a
     * long local) steps: the interrupt check, the loop variable from the counter, the body.
     */
    private void pass(LoopNodes.NumericFor f, int counter, boolean intCounter, CodeWriter.Label exit,
            CodeWriter.Label next) {
        interruptCheck(f);
        if (intCounter) {
            code.iload(counter).i2d();
        } else {
            code.lload(counter).l2d();
        }
        code.dstore(reg[f.varSlot]);
        markAssigned(f.varSlot);
        stmt(f.body, new Targets(exit, next));
        code.bind(next);
    }

    /**
     * The direction of a loop whose step is written as a constant (or left out: 1), so the loop
     * test is one comparison instead of choosing one per iteration (most of the cost while
     * HotSpot still interprets this code); 0 when the step is only known at run time.
     */
    private static int stepSign(LoopNodes.NumericFor f) {
        Double d = f.step == null ? Double.valueOf(1) : constantNumber(f.step);
        return d == null ? 0 : d > 0 ? 1 : d < 0 ? -1 : 0;
    }

    /** The number an expression is written as, or null when it is not a number constant. */
    private static Double constantNumber(ExprNode n) {
        return n instanceof ConstNode c && c.value instanceof Double d ? d : null;
    }

    private void whileLoop(LoopNodes.While w, CodeWriter.Label exit) {
        CodeWriter.Label head = code.newLabel();
        code.bind(head);
        branch(w.condition, false, exit);
        interruptCheck(w);
        stmt(w.body, new Targets(exit, head));
        code.goto_(head);
    }

    /**
     * The interpreter's per-iteration check for kill, timeout and shutdown, made every
     * {@link #CHECK_EVERY} iterations (a call per iteration is most of the cost while HotSpot
     * still interprets this code); the registers are saved only when it is about to throw.
     */
    private void interruptCheck(StmtNode loop) {
        CodeWriter.Label go = code.newLabel();
        code.iinc(countdown, -1).iload(countdown).ifgt(go);
        code.iconst(CHECK_EVERY).istore(countdown);
        code.aload(interp).invokevirtual(INTERP, "interruptPending", "()Z").ifeq(go);
        spill();
        String type = e.k.load(code, loop);
        code.aload(frame).invokevirtual(type, "tick", JitEmitter.MT_TICK);
        code.bind(go);
    }

    private void nestedFor(LoopNodes.NumericFor f) {
        int[] ints = intBounds(f);
        if (ints != null) {
            enterNested(f);
            CodeWriter.Label exit = code.newLabel();
            intForLoop(f, ints[0], ints[1], ints[2], exit);
            code.bind(exit);
            return;
        }
        // Bounds as the interpreter checks them; any failure lets the node raise its error.
        CodeWriter.Label slow = slowPath(f, Raise.BOUNDS);
        int i = longBound(f.start, slow);
        int to = longBound(f.end, slow);
        int by;
        if (f.step == null) {
            by = code.allocateLocal(true);
            code.lconst1().lstore(by);
        } else {
            by = longBound(f.step, slow);
            code.lload(by).lconst0().lcmp().ifeq(slow);
        }
        enterNested(f);
        CodeWriter.Label exit = code.newLabel();
        forLoop(f, i, to, by, exit);
        code.bind(exit);
    }

    /** What entering a nested loop does before its first test: its scope's variables unbound. */
    private void enterNested(LoopNodes.NumericFor f) {
        if (f.tail) {
            resultNil();
        }
        for (int s : f.scope.flatSlots()) {
            code.aload(slots).iconst(s).aconstNull().aastore();
            if (assignedFlag[s] >= 0) {
                code.iconst(0).istore(assignedFlag[s]);
            }
        }
    }

    /**
     * Start, end and step of a loop whose bounds are written as whole-number constants that an
     * int counter holds without overflowing (the last increment included), or null. Such a
     * loop counts in an int: one {@code iinc} per step where a long takes four instructions,
     * and the form HotSpot's compilers optimise best.
     */
    private static int[] intBounds(LoopNodes.NumericFor f) {
        Double start = intConstant(f.start);
        Double end = intConstant(f.end);
        Double step = f.step == null ? Double.valueOf(1) : intConstant(f.step);
        if (start == null || end == null || step == null || step == 0 || Math.abs(step) > Short.MAX_VALUE) {
            return null;
        }
        double last = end + step; // exact: both are ints
        if (last > Integer.MAX_VALUE || last < Integer.MIN_VALUE) {
            return null;
        }
        return new int[] {start.intValue(), end.intValue(), step.intValue()};
    }

    /** A constant whole number an int holds, or null. */
    private static Double intConstant(ExprNode n) {
        Double d = constantNumber(n);
        return d != null && NumberFormat.isInt64(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? d : null;
    }

    private void intForLoop(LoopNodes.NumericFor f, int start, int end, int step, CodeWriter.Label exit) {
        int i = code.allocateLocal(false);
        code.iconst(start).istore(i);
        CodeWriter.Label head = code.newLabel();
        CodeWriter.Label next = code.newLabel();
        code.bind(head);
        code.iload(i).iconst(end);
        if (step > 0) {
            code.ifIcmpgt(exit);
        } else {
            code.ifIcmplt(exit);
        }
        pass(f, i, true, exit, next);
        code.iinc(i, step);
        code.goto_(head);
    }

    /** A for-loop bound: a number that is a whole int64, in a new long local. */
    private int longBound(ExprNode n, CodeWriter.Label slow) {
        Double constant = constantNumber(n);
        if (constant != null && NumberFormat.isInt64(constant)) {
            int l = code.allocateLocal(true);
            code.dconst(constant).d2l().lstore(l);
            return l;
        }
        number(n, slow);
        int d = code.allocateLocal(true);
        code.dup2().dstore(d);
        code.invokestatic("duso/lang/values/NumberFormat", "isInt64", "(D)Z").ifeq(slow);
        int l = code.allocateLocal(true);
        code.dload(d).d2l().lstore(l);
        return l;
    }

    // ---- statements ----------------------------------------------------------------------------------

    private void stmt(StmtNode s, Targets t) {
        if (s instanceof BlockNode b) {
            if (b.statements.length == 0 && b.tail) {
                resultNil();
            }
            for (StmtNode x : b.statements) {
                stmt(x, t);
            }
        } else if (s instanceof AssignNodes.Define d) {
            assign(d, d.slot, d.value);
        } else if (s instanceof AssignNodes.ToVariable a) {
            assign(a, a.localSlot, a.value);
        } else if (s instanceof CompoundAssignNode c) {
            compound(c);
        } else if (s instanceof IncrementNode.Postfix p) {
            code.dload(reg[p.localSlot]).dconst(p.delta).dadd().dstore(reg[p.localSlot]);
            markAssigned(p.localSlot);
            if (p.tail) {
                resultNil();
            }
        } else if (s instanceof ControlNodes.If i) {
            ifStatement(i, t);
        } else if (s instanceof ControlNodes.Break) {
            code.goto_(t.breakTo());
        } else if (s instanceof ControlNodes.Continue) {
            code.goto_(t.continueTo());
        } else if (s instanceof ControlNodes.Return r) {
            returnStatement(r);
        } else if (s instanceof LoopNodes.While w) {
            if (w.tail) {
                resultNil();
            }
            CodeWriter.Label exit = code.newLabel();
            whileLoop(w, exit);
            code.bind(exit);
        } else if (s instanceof LoopNodes.NumericFor f) {
            nestedFor(f);
        } else {
            throw new IllegalStateException("not in a numeric region: " + s.getClass().getSimpleName());
        }
    }

    private void assign(StmtNode node, int slot, ExprNode value) {
        number(value, slowStatement(node));
        code.dstore(reg[slot]);
        markAssigned(slot);
        if (node.tail) {
            resultOf(slot);
        }
    }

    private void compound(CompoundAssignNode c) {
        CodeWriter.Label slow = slowStatement(c);
        int slot = c.localSlot;
        new JitArithmetic(code, this).compound(c.op, reg[slot], c.value, slow);
        code.dstore(reg[slot]);
        markAssigned(slot);
        if (c.tail) {
            resultOf(slot);
        }
    }

    private void ifStatement(ControlNodes.If node, Targets t) {
        CodeWriter.Label end = code.newLabel();
        for (int i = 0; i < node.conditions.length; i++) {
            CodeWriter.Label next = code.newLabel();
            branch(node.conditions[i], false, next);
            stmt(node.branches[i], t);
            code.goto_(end);
            code.bind(next);
        }
        if (node.otherwise != null) {
            stmt(node.otherwise, t);
        } else if (node.tail) {
            resultNil();
        }
        code.bind(end);
    }

    private void returnStatement(ControlNodes.Return r) {
        int value = code.allocateLocal(false);
        if (r.value == null) {
            code.getstatic(JitEmitter.NIL, "NIL", JitEmitter.D_NIL);
        } else {
            number(r.value, slowStatement(r));
            code.invokestatic("duso/lang/values/Numbers", "box", "(D)Ljava/lang/Double;");
        }
        code.astore(value);
        spill();
        code.aload(e.rootFrame).aload(value).putfield(FRAME, "returnValue", JitEmitter.D_OBJECT);
        code.iconst(StmtNode.RETURN).ireturn();
    }

    private void markAssigned(int slot) {
        if (assignedFlag[slot] >= 0) {
            code.iconst(1).istore(assignedFlag[slot]);
        }
    }

    private void resultNil() {
        code.aload(frame).getstatic(JitEmitter.NIL, "NIL", JitEmitter.D_NIL).putfield(FRAME, "result", JitEmitter.D_OBJECT);
    }

    private void resultOf(int slot) {
        code.aload(frame).dload(reg[slot]);
        code.invokestatic("duso/lang/values/Numbers", "box", "(D)Ljava/lang/Double;");
        code.putfield(FRAME, "result", JitEmitter.D_OBJECT);
    }

    // ---- conditions and numbers ------------------------------------------------------------------------

    /** Jumps to target when the condition's truth equals {@code when}. */
    private void branch(ExprNode c, boolean when, CodeWriter.Label target) {
        if (c instanceof ConstNode k) {
            if (k.truthy == when) {
                code.goto_(target);
            }
        } else if (c instanceof LogicNodes.Not n) {
            branch(n.operand, !when, target);
        } else if (c instanceof LogicNodes.And a) {
            if (when) {
                CodeWriter.Label skip = code.newLabel();
                branch(a.left, false, skip);
                branch(a.right, true, target);
                code.bind(skip);
            } else {
                branch(a.left, false, target);
                branch(a.right, false, target);
            }
        } else if (c instanceof LogicNodes.Or o) {
            if (when) {
                branch(o.left, true, target);
                branch(o.right, true, target);
            } else {
                CodeWriter.Label skip = code.newLabel();
                branch(o.left, true, skip);
                branch(o.right, false, target);
                code.bind(skip);
            }
        } else {
            compare(c, when, target);
        }
    }

    private void compare(ExprNode c, boolean when, CodeWriter.Label target) {
        JitNumeric.Comparison cmp = JitNumeric.Comparison.of(c);
        CodeWriter.Label slow = slowPath(c, Raise.CONDITION);
        JitArithmetic arith = new JitArithmetic(code, this);
        arith.checkDivisors(cmp.left(), slow);
        arith.checkDivisors(cmp.right(), slow);
        arith.compute(cmp.left());
        arith.compute(cmp.right());
        JitNumeric.jumpIf(code, cmp.kind(), when, target);
    }

    /** Pushes a number expression's double; a zero divisor jumps to {@code slow} with an empty stack. */
    private void number(ExprNode n, CodeWriter.Label slow) {
        JitArithmetic arith = new JitArithmetic(code, this);
        arith.checkDivisors(n, slow);
        arith.compute(n);
    }

    @Override
    public int local(ReadVarNode leaf) {
        return reg[((ReadVarNode.Local) leaf).slot];
    }
}
