package duso.lang.nodes;

/** Assignment statements: to a variable, a declaration, an index or a property. */
public final class AssignNodes {
    private AssignNodes() {}

    abstract static class Assign extends StmtNode {
        final ExprNode value;

        Assign(int pos, ExprNode value) {
            super(pos);
            this.value = value;
        }

        final int done(Frame f, Object v) {
            if (tail) {
                f.result = v;
            }
            return NORMAL;
        }
    }

    /** {@code x = v}: updates the first frame holding x, else defines it (see {@link VarRef}). */
    public static final class ToVariable extends Assign {
        final VarRef ref;
        final int localSlot;

        public ToVariable(int pos, VarRef ref, ExprNode value) {
            super(pos, value);
            this.ref = ref;
            this.localSlot = ref.candidates() > 0 && ref.hops[0] == 0 ? ref.slots[0] : -1;
        }

        @Override
        public int exec(Frame f) {
            Object v = value.execute(f);
            store(f, v);
            return done(f, v);
        }

        /** Stores an evaluated value (also called by compiled code). */
        public void store(Frame f, Object v) {
            if (localSlot >= 0 && f.slots[localSlot] != null) {
                f.slots[localSlot] = v;
            } else {
                ref.assign(f, v);
            }
        }
    }

    /** {@code var x = v}, {@code function x() … end}: define in the current scope's slot. */
    public static final class Define extends Assign {
        final int slot;

        public Define(int pos, int slot, ExprNode value) {
            super(pos, value);
            this.slot = slot;
        }

        @Override
        public int exec(Frame f) {
            Object v = value.execute(f);
            f.slots[slot] = v;
            return done(f, v);
        }
    }

    /** A definition in code compiled at run time (include): by name in the current frame. */
    public static final class DefineByName extends Assign {
        final String name;

        public DefineByName(int pos, String name, ExprNode value) {
            super(pos, value);
            this.name = name;
        }

        @Override
        public int exec(Frame f) {
            Object v = value.execute(f);
            VarRef.defineByName(f, name, v);
            return done(f, v);
        }
    }

    /** {@code var p = v} where p is a parameter of the current function: an error when reached. */
    public static final class VarOnParameter extends StmtNode {
        final String name;
        final String file;
        final ExprNode value;

        public VarOnParameter(int pos, String name, ExprNode value, String file) {
            super(pos);
            this.name = name;
            this.value = value;
            this.file = file;
        }

        @Override
        public int exec(Frame f) {
            value.execute(f);
            throw Errors.positioned(f, file, pos, "cannot use 'var' to declare function parameter '" + name
                    + "'; use '" + name + " = value' instead");
        }
    }

    public static final class ToIndex extends Assign {
        final ExprNode object;
        final ExprNode index;
        final String file;
        final int targetPos;

        public ToIndex(int pos, ExprNode object, ExprNode index, ExprNode value, String file, int targetPos) {
            super(pos, value);
            this.object = object;
            this.index = index;
            this.file = file;
            this.targetPos = targetPos;
        }

        @Override
        public int exec(Frame f) {
            Object v = value.execute(f);
            store(f, v);
            return done(f, v);
        }

        /** Evaluates the target and stores an evaluated value (also called by compiled code). */
        public void store(Frame f, Object v) {
            Object o = object.execute(f);
            Object i = index.execute(f);
            Access.writeIndex(o, i, v, file, targetPos);
        }
    }

    public static final class ToProperty extends Assign {
        final ExprNode object;
        final String name;
        final String file;
        final int targetPos;

        public ToProperty(int pos, ExprNode object, String name, ExprNode value, String file, int targetPos) {
            super(pos, value);
            this.object = object;
            this.name = name;
            this.file = file;
            this.targetPos = targetPos;
        }

        @Override
        public int exec(Frame f) {
            Object v = value.execute(f);
            store(f, v);
            return done(f, v);
        }

        /** Evaluates the target and stores an evaluated value (also called by compiled code). */
        public void store(Frame f, Object v) {
            Object o = object.execute(f);
            Access.writeProperty(o, name, v, file, targetPos);
        }
    }
}
