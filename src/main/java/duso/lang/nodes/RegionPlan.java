package duso.lang.nodes;

import java.util.BitSet;

/**
 * Whether a loop can run with its variables in JVM registers ({@link JitRegion}), and which.
 *
 * <p>A loop qualifies when everything in it is number arithmetic on variables of its own
 * frame: definitions and assignments of number expressions, {@code op=}, {@code ++}/{@code --},
 * if/elseif/else on number comparisons, nested while and numeric for loops, break, continue and
 * return. Nothing in such a loop calls out, so no other code can observe its variables while
 * it runs: they live in {@code double} locals and are written back (boxed once) when it ends.
 *
 * <p>A variable read before the loop has assigned it in that pass ({@link #liveIn}) must hold a
 * number when the loop starts; the compiled code checks that and otherwise runs the ordinary
 * compiled loop. Variables of a nested loop's scope start unbound on each entry (as in the
 * interpreter), so reading one before assigning it disqualifies the loop rather than being
 * checked.
 */
final class RegionPlan {
    /** Slots read before being assigned in the loop: must hold numbers on entry. */
    final BitSet liveIn = new BitSet();
    /** Slots the loop assigns (or unbinds): written back to the frame when it leaves. */
    final BitSet written = new BitSet();
    /** Every slot the loop uses: each gets a register. */
    final BitSet touched = new BitSet();
    /** Slots a loop scope in the region unbinds on entry. */
    private final BitSet scoped = new BitSet();

    private RegionPlan() {}

    /** The plan for a while or numeric for loop, or null when it does not qualify. */
    static RegionPlan of(StmtNode loop) {
        RegionPlan p = new RegionPlan();
        if (!p.loop(loop, new State(), true)) {
            return null;
        }
        return p.liveIn.intersects(p.scoped) ? null : p;
    }

    /** What is known at a point of the loop: slots certainly assigned, slots certainly unbound. */
    private static final class State {
        final BitSet assigned = new BitSet();
        final BitSet unbound = new BitSet();

        State copy() {
            State s = new State();
            s.assigned.or(assigned);
            s.unbound.or(unbound);
            return s;
        }

        /** Where two paths join: assigned on both, possibly unbound on either. */
        void meet(State other) {
            assigned.and(other.assigned);
            unbound.or(other.unbound);
        }

        void set(State other) {
            assigned.clear();
            assigned.or(other.assigned);
            unbound.clear();
            unbound.or(other.unbound);
        }
    }

    private boolean loop(StmtNode s, State st, boolean outermost) {
        State before = st.copy();
        boolean ok;
        if (s instanceof LoopNodes.While w) {
            ok = condition(w.condition, st) && stmt(w.body, st);
        } else if (s instanceof LoopNodes.NumericFor f) {
            // The outermost loop's bounds are evaluated by ordinary code before the region starts.
            ok = f.scope.isFlat()
                    && (outermost || value(f.start, st) && value(f.end, st) && (f.step == null || value(f.step, st)));
            if (ok) {
                for (int slot : f.scope.flatSlots()) {
                    scoped.set(slot);
                    written.set(slot);
                    touched.set(slot);
                    st.assigned.clear(slot);
                    st.unbound.set(slot);
                }
                write(f.varSlot, st);
                ok = stmt(f.body, st);
            }
            if (ok) {
                for (int slot : f.scope.flatSlots()) {
                    before.assigned.clear(slot);
                    before.unbound.set(slot);
                }
            }
        } else {
            return false;
        }
        // The body may run any number of times: afterwards only what held before is certain.
        st.set(before);
        return ok;
    }

    private boolean stmt(StmtNode s, State st) {
        if (s instanceof BlockNode b) {
            for (StmtNode x : b.statements) {
                if (!stmt(x, st)) {
                    return false;
                }
            }
            return true;
        }
        if (s instanceof AssignNodes.Define d) {
            return value(d.value, st) && write(d.slot, st);
        }
        if (s instanceof AssignNodes.ToVariable a) {
            // Assigning an unbound slot walks out to enclosing frames: only bound slots qualify.
            return a.localSlot >= 0 && value(a.value, st) && read(a.localSlot, st) && write(a.localSlot, st);
        }
        if (s instanceof CompoundAssignNode c) {
            return c.localSlot >= 0 && read(c.localSlot, st) && value(c.value, st) && write(c.localSlot, st);
        }
        if (s instanceof IncrementNode.Postfix p) {
            return p.localSlot >= 0 && read(p.localSlot, st) && write(p.localSlot, st);
        }
        if (s instanceof ControlNodes.If i) {
            return ifStatement(i, st);
        }
        if (s instanceof ControlNodes.Break || s instanceof ControlNodes.Continue) {
            return true;
        }
        if (s instanceof ControlNodes.Return r) {
            return r.value == null || value(r.value, st);
        }
        if (s instanceof LoopNodes.While || s instanceof LoopNodes.NumericFor) {
            return loop(s, st, false);
        }
        return false;
    }

    private boolean ifStatement(ControlNodes.If node, State st) {
        State joined = null;
        for (int i = 0; i < node.conditions.length; i++) {
            if (!condition(node.conditions[i], st)) {
                return false;
            }
            State branch = st.copy();
            if (!stmt(node.branches[i], branch)) {
                return false;
            }
            joined = join(joined, branch);
        }
        State rest = st.copy();
        if (node.otherwise != null && !stmt(node.otherwise, rest)) {
            return false;
        }
        st.set(join(joined, rest));
        return true;
    }

    private static State join(State a, State b) {
        if (a == null) {
            return b;
        }
        a.meet(b);
        return a;
    }

    /** A condition the region can branch on: number comparisons, constants, not/and/or. */
    boolean condition(ExprNode e, State st) {
        if (e instanceof ConstNode) {
            return true;
        }
        if (e instanceof LogicNodes.Not n) {
            return condition(n.operand, st);
        }
        if (e instanceof LogicNodes.And a) {
            return condition(a.left, st) && condition(a.right, st);
        }
        if (e instanceof LogicNodes.Or o) {
            return condition(o.left, st) && condition(o.right, st);
        }
        if (e instanceof ComparisonNodes.Equal q) {
            return value(q.left, st) && value(q.right, st);
        }
        if (e instanceof ComparisonNodes.Order o) {
            return value(o.left, st) && value(o.right, st);
        }
        return false;
    }

    /** A number expression: constants, the frame's variables, + - * / % and negation. */
    private boolean value(ExprNode e, State st) {
        if (e instanceof ConstNode c) {
            return c.value instanceof Double;
        }
        if (e instanceof ReadVarNode.Local l) {
            return read(l.slot, st);
        }
        if (e instanceof ArithmeticNodes.Binary b) {
            return value(b.left, st) && value(b.right, st);
        }
        if (e instanceof ArithmeticNodes.Negate n) {
            return value(n.operand, st);
        }
        return false;
    }

    private boolean read(int slot, State st) {
        if (st.unbound.get(slot)) {
            return false;
        }
        if (!st.assigned.get(slot)) {
            liveIn.set(slot);
        }
        touched.set(slot);
        return true;
    }

    private boolean write(int slot, State st) {
        st.assigned.set(slot);
        st.unbound.clear(slot);
        written.set(slot);
        touched.set(slot);
        return true;
    }
}
