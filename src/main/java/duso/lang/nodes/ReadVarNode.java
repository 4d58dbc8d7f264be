package duso.lang.nodes;

/**
 * Reads a variable. The common shapes get their own fast classes (a bound slot in this frame,
 * a bound slot some frames out); anything unusual falls back to the full walk in
 * {@link VarRef}, then to the builtins, then to "undefined variable: NAME".
 */
public abstract class ReadVarNode extends ExprNode {
    final VarRef ref;
    final String file;
    /** The builtin of this name, bound at compile time (null if none). */
    final Object builtin;

    ReadVarNode(int pos, VarRef ref, String file, Object builtin) {
        super(pos);
        this.ref = ref;
        this.file = file;
        this.builtin = builtin;
    }

    public String name() {
        return ref.name;
    }

    public static ReadVarNode create(int pos, VarRef ref, String file, Globals globals) {
        Object builtin = globals == null ? null : globals.lookup(ref.name);
        if (ref.candidates() > 0 && ref.hops[0] == 0) {
            return new Local(pos, ref, file, builtin, ref.slots[0]);
        }
        if (ref.candidates() > 0) {
            return new Outer(pos, ref, file, builtin, ref.hops[0], ref.slots[0]);
        }
        return new Slow(pos, ref, file, builtin);
    }

    final Object slowPath(Frame f) {
        Object v = ref.lookup(f);
        if (v != null) {
            return v;
        }
        if (builtin != null) {
            return builtin;
        }
        Object g = f.interp.globals().lookup(ref.name);
        if (g != null) {
            return g;
        }
        throw Errors.positioned(f, file, pos, "undefined variable: " + ref.name);
    }

    static final class Local extends ReadVarNode {
        final int slot;

        Local(int pos, VarRef ref, String file, Object builtin, int slot) {
            super(pos, ref, file, builtin);
            this.slot = slot;
        }

        @Override
        public Object execute(Frame f) {
            Object v = f.slots[slot];
            return v != null ? v : slowPath(f);
        }
    }

    static final class Outer extends ReadVarNode {
        final int hops;
        final int slot;

        Outer(int pos, VarRef ref, String file, Object builtin, int hops, int slot) {
            super(pos, ref, file, builtin);
            this.hops = hops;
            this.slot = slot;
        }

        @Override
        public Object execute(Frame f) {
            Frame fr = f;
            for (int i = 0; i < hops; i++) {
                if (fr.extras != null || fr.self != null) {
                    return slowPath(f);
                }
                fr = fr.parent;
            }
            Object v = fr.slots[slot];
            return v != null ? v : slowPath(f);
        }
    }

    static final class Slow extends ReadVarNode {
        Slow(int pos, VarRef ref, String file, Object builtin) {
            super(pos, ref, file, builtin);
        }

        @Override
        public Object execute(Frame f) {
            return slowPath(f);
        }
    }
}
