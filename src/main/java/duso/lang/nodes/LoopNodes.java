package duso.lang.nodes;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.NumberFormat;
import duso.lang.values.Nil;
import duso.lang.values.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * while, numeric for and iterator for. Loops check for an interrupt (kill, timeout, shutdown)
 * on every iteration. The numeric loop counts in int64 and assigns the loop variable afresh
 * each iteration; bounds and step are evaluated once and must be whole numbers.
 */
public final class LoopNodes {
    private LoopNodes() {}

    /**
     * What while and numeric for share: the body, the per-iteration interrupt check, and the
     * bookkeeping that hands a hot loop to the JIT (iterations and runs counted over the life of
     * the node, compiled code published through a volatile field).
     */
    public abstract static class CompilableLoop extends StmtNode implements Jit.JitLoop {
        final StmtNode body;
        final String file;
        private int iterations;
        private int runs;
        /** Iterations (over all runs of this loop) at which compiling it is next considered. */
        private int jitAt = Jit.firstLoopCheck();
        private boolean jitRequested;
        volatile CompiledCode compiled;
        /** The while or numeric for loop this one is directly nested in (same frame), or null. */
        private CompilableLoop enclosing;
        /** For a loop at the top of a function's body (outside any other loop): that function. */
        private FunctionCode function;

        CompilableLoop(int pos, StmtNode body, String file) {
            super(pos);
            this.body = body;
            this.file = file;
            // Nodes are built inside out: each loop tells the loops directly in its body that
            // it encloses them.
            for (CompilableLoop inner : outermostLoops(body)) {
                inner.enclosing = this;
            }
        }

        /** Tells the outermost loops of a function's body whose they are. */
        static void linkFunction(StmtNode body, FunctionCode f) {
            for (CompilableLoop loop : outermostLoops(body)) {
                loop.function = f;
            }
        }

        /**
         * The loops in a body that no other loop of the body encloses, found through blocks and
         * ifs (where a number loop can nest).
         */
        private static List<CompilableLoop> outermostLoops(StmtNode body) {
            List<CompilableLoop> found = new ArrayList<>(2);
            collectLoops(body, found);
            return found;
        }

        private static void collectLoops(StmtNode s, List<CompilableLoop> found) {
            if (s instanceof CompilableLoop loop) {
                found.add(loop);
            } else if (s instanceof BlockNode b) {
                for (StmtNode x : b.statements) {
                    collectLoops(x, found);
                }
            } else if (s instanceof ControlNodes.If i) {
                for (StmtNode x : i.branches) {
                    collectLoops(x, found);
                }
                if (i.otherwise != null) {
                    collectLoops(i.otherwise, found);
                }
            }
        }

        @Override
        public CompilableLoop enclosing() {
            return enclosing;
        }

        @Override
        public FunctionCode function() {
            return function;
        }

        final void countRun() {
            runs++;
        }

        final void countIteration() {
            if (++iterations == jitAt) {
                jitAt = Jit.loopIsHot(this, iterations, runs);
            }
        }

        /** Per-iteration interrupt check (also called by compiled code). */
        public void tick(Frame f) {
            f.interp.checkInterrupt(file, pos);
        }

        @Override
        public void markTail() {
            super.markTail();
            body.markTail();
        }

        @Override
        public boolean jitRequested() {
            return jitRequested;
        }

        @Override
        public void markJitRequested() {
            jitRequested = true;
        }

        @Override
        public void publish(CompiledCode code) {
            compiled = code;
        }

        @Override
        public StmtNode node() {
            return this;
        }
    }

    public static final class While extends CompilableLoop {
        final ExprNode condition;

        public While(int pos, ExprNode condition, StmtNode body, String file) {
            super(pos, body, file);
            this.condition = condition;
        }

        @Override
        public int exec(Frame f) {
            if (tail) {
                f.result = Nil.NIL;
            }
            countRun();
            return run(f, true);
        }

        /**
         * The interpreter's loop alone (no prologue, no hand-over to compiled code): where
         * compiled code sends a run whose variables do not suit its registers.
         */
        public int interpret(Frame f) {
            return run(f, false);
        }

        /** The loop; with {@code handOver}, it counts iterations and switches to compiled code once there is some. */
        private int run(Frame f, boolean handOver) {
            Interp in = f.interp;
            while (true) {
                if (handOver) {
                    CompiledCode cc = compiled;
                    if (cc != null) {
                        return cc.exec(f);
                    }
                    countIteration();
                }
                if (!condition.executeCondition(f)) {
                    break;
                }
                in.checkInterrupt(file, pos);
                int s = body.exec(f);
                if (s == BREAK) {
                    break;
                }
                if (s == RETURN) {
                    return s;
                }
            }
            return NORMAL;
        }
    }

    public static final class NumericFor extends CompilableLoop {
        final LoopScope scope;
        final int varSlot;
        final ExprNode start;
        final ExprNode end;
        final ExprNode step;

        public NumericFor(int pos, LoopScope scope, int varSlot, ExprNode start, ExprNode end, ExprNode step,
                StmtNode body, String file) {
            super(pos, body, file);
            this.scope = scope;
            this.varSlot = varSlot;
            this.start = start;
            this.end = end;
            this.step = step;
        }

        long bound(Frame f, ExprNode e, String what) {
            Object v = e.execute(f);
            if (!(v instanceof Double d)) {
                throw Errors.positioned(f, file, pos, "for loop " + what + " must be a number");
            }
            if (!NumberFormat.isInt64(d)) {
                throw Errors.positioned(f, file, pos, "for loop " + what + " must be an integer, got "
                        + NumberFormat.formatG(d));
            }
            return (long) (double) d;
        }

        public long startOf(Frame f) {
            return bound(f, start, "start");
        }

        public long endOf(Frame f) {
            return bound(f, end, "end");
        }

        public Frame enterScope(Frame f) {
            return scope.enter(f);
        }

        /** The step, checked as the reference does (after both bounds). */
        public long stepOf(Frame f) {
            long by = step == null ? 1 : bound(f, step, "step");
            if (by == 0) {
                throw Errors.positioned(f, file, pos, "for loop step cannot be zero");
            }
            return by;
        }

        /**
         * The interpreter's loop from counter {@code from} on (bounds checked, scope entered, no
         * hand-over to compiled code): where compiled code sends a run whose variables do not
         * suit its registers.
         */
        public int interpretFrom(Frame f, Frame lf, long from, long to, long by) {
            return run(f, lf, from, to, by, false);
        }

        @Override
        public int exec(Frame f) {
            long from = bound(f, start, "start");
            long to = bound(f, end, "end");
            long by = stepOf(f);
            if (tail) {
                f.result = Nil.NIL;
            }
            Frame lf = scope.enter(f);
            countRun();
            int status = run(f, lf, from, to, by, true);
            LoopScope.leave(f, lf);
            return status;
        }

        /** The loop; with {@code handOver}, it counts iterations and resumes in compiled code once there is some. */
        private int run(Frame f, Frame lf, long from, long to, long by, boolean handOver) {
            Object[] slots = lf.slots;
            Interp in = f.interp;
            for (long i = from; by > 0 ? i <= to : i >= to; i += by) {
                if (handOver) {
                    CompiledCode cc = compiled;
                    if (cc != null) {
                        return cc.resume(f, lf, i, to, by);
                    }
                    countIteration();
                }
                in.checkInterrupt(file, pos);
                slots[varSlot] = Numbers.box(i);
                int s = body.exec(lf);
                if (s == BREAK) {
                    break;
                }
                if (s == RETURN) {
                    f.returnValue = lf.returnValue;
                    return RETURN;
                }
            }
            return NORMAL;
        }
    }

    public static final class IterFor extends StmtNode {
        final LoopScope scope;
        final int varSlot;
        final ExprNode iterable;
        final StmtNode body;
        final String file;

        public IterFor(int pos, LoopScope scope, int varSlot, ExprNode iterable, StmtNode body, String file) {
            super(pos);
            this.scope = scope;
            this.varSlot = varSlot;
            this.iterable = iterable;
            this.body = body;
            this.file = file;
        }

        @Override
        public int exec(Frame f) {
            Object it = iterable.execute(f);
            if (!(it instanceof DusoArray) && !(it instanceof DusoObject)) {
                throw Errors.positioned(f, file, pos, "can only iterate over arrays and objects");
            }
            if (tail) {
                f.result = Nil.NIL;
            }
            Frame lf = scope.enter(f);
            int status = it instanceof DusoArray a ? overArray(f, lf, a) : overObject(f, lf, (DusoObject) it);
            LoopScope.leave(f, lf);
            return status;
        }

        /** The elements the array had when the loop began, as in {@link DusoArray#walk()}. */
        private int overArray(Frame f, Frame lf, DusoArray a) {
            DusoArray.Walk walk = a.walk();
            Interp in = f.interp;
            for (int i = 0; i < walk.size(); i++) {
                in.checkInterrupt(file, pos);
                lf.slots[varSlot] = walk.get(i);
                int s = body.exec(lf);
                if (s == BREAK) {
                    break;
                }
                if (s == RETURN) {
                    f.returnValue = lf.returnValue;
                    return RETURN;
                }
            }
            return NORMAL;
        }

        private int overObject(Frame f, Frame lf, DusoObject o) {
            String[] keys = o.keys().toArray(new String[0]);
            Interp in = f.interp;
            for (String k : keys) {
                if (!o.has(k)) {
                    continue;
                }
                in.checkInterrupt(file, pos);
                lf.slots[varSlot] = k;
                int s = body.exec(lf);
                if (s == BREAK) {
                    break;
                }
                if (s == RETURN) {
                    f.returnValue = lf.returnValue;
                    return RETURN;
                }
            }
            return NORMAL;
        }

        @Override
        public void markTail() {
            super.markTail();
            body.markTail();
        }
    }
}
