package duso.lang.nodes;

import java.util.HashMap;

/**
 * One activation: the slots of a function call (or of a loop/catch scope that needs its own
 * frame because closures capture it), linked to the frame its code was defined in.
 *
 * <p>Slots are resolved before running; a null slot means "declared here but not bound yet",
 * which lookups skip exactly as the reference skips a name an environment does not hold.
 * {@code extras} holds names that appear only at run time (named arguments that are not
 * parameters, definitions made by {@code include}); {@code self} is the receiver of a method
 * call, whose fields scripts read and write as bare names.
 */
public final class Frame {
    public final Object[] slots;
    public final Frame parent;
    public final Object self;
    public final Interp interp;
    /** Slot names, for by-name lookups from code compiled at run time (include, debug). */
    public final String[] names;
    public HashMap<String, Object> extras;
    /** Value of the last tail-position statement: a function's implicit result. */
    public Object result;
    public Object returnValue;
    /** Assignments that reach this frame define here instead of walking up (parallel branches). */
    public boolean barrier;

    public Frame(Object[] slots, String[] names, Frame parent, Object self, Interp interp) {
        this.slots = slots;
        this.names = names;
        this.parent = parent;
        this.self = self;
        this.interp = interp;
    }

    public Object extra(String name) {
        return extras == null ? null : extras.get(name);
    }

    public void defineExtra(String name, Object value) {
        if (extras == null) {
            extras = new HashMap<>(4);
        }
        extras.put(name, value);
    }

    /** Index of a slot holding this name, innermost declaration first (-1 if none). */
    public int slotOf(String name) {
        for (int i = names.length - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Frame root() {
        Frame f = this;
        while (f.parent != null) {
            f = f.parent;
        }
        return f;
    }
}
