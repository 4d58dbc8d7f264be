package duso.lang.nodes;

/**
 * The target of a read-modify-write ({@code x += v}, {@code a[i]++}, {@code ++o.n}): the
 * object and index parts are evaluated once, then the current value is read and the new one
 * written back to the same place.
 */
public abstract class Target {
    final String file;
    final int pos;

    Target(String file, int pos) {
        this.file = file;
        this.pos = pos;
    }

    /** Evaluates the target's parts; returns a handle that reads and writes that place. */
    abstract Place locate(Frame f);

    interface Place {
        Object read();

        void write(Object value);
    }

    public static final class Variable extends Target {
        private final ReadVarNode reader;
        private final VarRef ref;

        public Variable(ReadVarNode reader, VarRef ref, String file) {
            super(file, reader.pos);
            this.reader = reader;
            this.ref = ref;
        }

        @Override
        Place locate(Frame f) {
            return new Place() {
                @Override
                public Object read() {
                    return reader.execute(f);
                }

                @Override
                public void write(Object value) {
                    ref.assign(f, value);
                }
            };
        }
    }

    public static final class Index extends Target {
        private final ExprNode object;
        private final ExprNode index;

        public Index(int pos, ExprNode object, ExprNode index, String file) {
            super(file, pos);
            this.object = object;
            this.index = index;
        }

        @Override
        Place locate(Frame f) {
            Object o = object.execute(f);
            Object i = index.execute(f);
            return new Place() {
                @Override
                public Object read() {
                    return Access.readIndex(o, i, file, pos);
                }

                @Override
                public void write(Object value) {
                    Access.writeIndex(o, i, value, file, pos);
                }
            };
        }
    }

    public static final class Property extends Target {
        private final ExprNode object;
        private final String name;

        public Property(int pos, ExprNode object, String name, String file) {
            super(file, pos);
            this.object = object;
            this.name = name;
        }

        @Override
        Place locate(Frame f) {
            Object o = object.execute(f);
            return new Place() {
                @Override
                public Object read() {
                    return Access.readProperty(o, name, file, pos);
                }

                @Override
                public void write(Object value) {
                    Access.writeProperty(o, name, value, file, pos);
                }
            };
        }
    }
}
